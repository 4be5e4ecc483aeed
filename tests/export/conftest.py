"""A small store from three short fictional articles (written for these tests; no real events).

wakala-a and wakala-b print the same dispatch (one story): JNIM attacks a military post near Gao
the day before publication, killing 8 soldiers, and the army says so; wakala-c carries JNIM's
denial (a cross-source contradiction), a protest in Bamako, an accusation (a verbal event) and a
government spokesman (a stated relation).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.pipeline import analyze
from rasid.store import Store

DISPATCH = (
    "غاو (وكالات) - قتل 8 جنود ماليين أمس في هجوم شنته جماعة نصرة الإسلام والمسلمين على موقع عسكري "
    "قرب مدينة غاو، بحسب مصادر عسكرية.\n\n"
    "وقال الجيش المالي في بيان إن جماعة نصرة الإسلام والمسلمين هاجمت الموقع فجرا.\n\n"
    "وطالبت الحكومة المالية الاتحاد الأفريقي بدعم جهودها الأمنية في الشمال.")
DENIAL = (
    "باماكو (وكالات) - قالت جماعة نصرة الإسلام والمسلمين في بيان اليوم إنها لم تهاجم الموقع العسكري "
    "قرب غاو.\n\n"
    "وفي باماكو، تظاهر مئات الأشخاص أمس أمام مقر الحكومة احتجاجا على تدهور الأوضاع الأمنية.\n\n"
    "واتهمت الحكومة المالية فرنسا بدعم الجماعات المسلحة في الشمال.\n\n"
    "وقال المتحدث باسم الحكومة المالية، آمادو سيلا، إن الحكومة ستواصل الحوار مع الوسطاء.")
ARTICLES = (
    ("wakala-a", "2023-03-10", "مالي: مقتل 8 جنود في هجوم قرب غاو", DISPATCH),
    ("wakala-b", "2023-03-10", "مقتل 8 جنود ماليين في هجوم على موقع عسكري",
     DISPATCH.replace("بحسب مصادر عسكرية", "وفق مصادر عسكرية")),
    ("wakala-c", "2023-03-11", "جماعة مسلحة تنفي مسؤوليتها عن هجوم غاو", DENIAL),
)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "t.db"
    with Store(path) as store:
        for source, published, title, text in ARTICLES:
            store.ingest(analyze(text, title=title, published=published, source=source))
    return path


@pytest.fixture()
def store(store_path: Path):
    with Store(store_path, readonly=True) as opened:
        yield opened
