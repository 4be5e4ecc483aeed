"""A small store built from short fictional articles written for these tests (no real news text).

The articles are made up: the organisations are real names the actor dictionary knows, but
every incident, quote and date is invented. Together they give the web layer a cross-outlet
contradiction (an outlet says the RSF shelled a market, another carries the RSF's denial), a
REQUEST/CONSULT/THREATEN story in Mali, and a title and text that carry `<script>`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasid.pipeline import analyze
from rasid.store.db import Store
from rasid.web.app import create_app

SCRIPT = "<script>alert('x')</script>"
LOCAL = "http://127.0.0.1:8000"          # without a token the app answers only to localhost

# (published, outlet, title, text)
ARTICLES = [
    ("2024-03-10", "وكالة الاختبار", "الجيش يتهم الدعم السريع بقصف سوق الفاشر",
     "الخرطوم - اتهمت الحكومة السودانية قوات الدعم السريع بقصف سوق في مدينة الفاشر أمس السبت، ما أسفر "
     "عن مقتل ١٠ مدنيين.\n\nوقال المتحدث باسم الجيش السوداني، العقيد سامي الوردي، إن قوات الدعم السريع "
     "قصفت السوق بالمدفعية الثقيلة."),
    ("2024-03-11", "صحيفة التجربة", "الدعم السريع تنفي قصف السوق",
     "الفاشر - نفت قوات الدعم السريع أنها قصفت سوق الفاشر، وقالت في بيان إنها \"لم تستهدف أي منطقة "
     "مدنية\".\n\nودعت الأمم المتحدة إلى فتح تحقيق مستقل في الحادثة، فيما أعلنت اللجنة الدولية للصليب "
     "الأحمر أنها أرسلت مساعدات طبية إلى المدينة."),
    ("2024-02-20", "نشرة الساحل", f"{SCRIPT} مالي تطلب وساطة",
     "باماكو - طلبت الحكومة المالية من الاتحاد الأفريقي التوسط في محادثات مع جماعة نصرة الإسلام "
     f"والمسلمين، {SCRIPT} بعد هجوم على موقع للجيش قرب الحدود مع النيجر يوم 15 يناير 2024.\n\n"
     "وهدد الجيش المالي بشن عملية عسكرية واسعة إذا لم تنسحب الجماعة."),
]

# A fourth article for the Analyze tests; never stored by the fixture.
FRESH = ("نواكشوط - أعلنت الحكومة الموريتانية أمس أنها أرسلت مساعدات غذائية إلى اللاجئين في مخيم امبرة، "
         "واتهمت جماعة نصرة الإسلام والمسلمين بمهاجمة قافلة إنسانية قرب الحدود مع مالي.")


@dataclass(frozen=True)
class WebStore:
    path: Path
    ids: dict[str, str]          # outlet -> document id


def build_store(path: Path) -> WebStore:
    ids = {}
    with Store(path) as store:
        for published, outlet, title, text in ARTICLES:
            stored = store.ingest(analyze(text, published=published, source=outlet, title=title))
            ids[outlet] = stored.doc_id
    return WebStore(path, ids)


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> WebStore:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_store: WebStore) -> Iterator[TestClient]:
    with TestClient(create_app(web_store.path), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture
def fresh_client(tmp_path: Path) -> Iterator[TestClient]:
    """A client over a store of its own, for tests that write."""
    app = create_app(tmp_path / "fresh.db", max_upload_bytes=20_000)
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client
