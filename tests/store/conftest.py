"""A small corpus the store tests build: fictional articles, written for these tests.

Two outlets print the same wire story about shelling in Taiz (one trims a sentence), and a
third article, from another outlet, carries the accused group's denial: a story cluster and a
cross-source contradiction. A fourth article, from Mali, has nothing to do with them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.pipeline import analyze
from rasid.store import Store

WIRE = ("تعز: قتلى في قصف على سوق شعبي\n\n"
        "تعز (وكالات) - قال محافظ تعز في بيان إن جماعة الحوثي قصفت سوقا شعبيا في المدينة صباح أمس، "
        "ما أسفر عن مقتل 12 مدنيا وإصابة 20 آخرين.\n"
        "وأضاف المحافظ أن القصف استهدف المدنيين بشكل متعمد، مطالبا الأمم المتحدة بإدانة الهجوم.\n"
        "وتشهد المدينة منذ أشهر مواجهات متقطعة بين القوات الحكومية والحوثيين على أطرافها الشرقية.\n")
WIRE_TRIMMED = WIRE.replace("وتشهد المدينة منذ أشهر مواجهات متقطعة بين القوات الحكومية والحوثيين "
                            "على أطرافها الشرقية.\n", "")
DENIAL = ("الحوثيون ينفون قصف سوق في تعز\n\n"
          "صنعاء - نفت جماعة الحوثي، أمس، أن تكون قواتها قد قصفت السوق الشعبي في مدينة تعز، "
          "واتهمت القوات الحكومية بافتعال الحادثة.\n"
          "وقال المتحدث باسم الجماعة محمد عبد السلام إن قواتها \"لم تستهدف أي سوق\".\n")
MALI = ("مالي: الجيش يعلن انسحاب قواته من موقع حدودي\n\n"
        "باماكو - أعلن الجيش المالي، الثلاثاء، سحب 300 جندي من موقع قرب الحدود مع النيجر، "
        "بعد هجوم شنه مسلحون على الموقع الأسبوع الماضي.\n"
        "وقال المتحدث باسم الجيش إن الانسحاب \"مؤقت\" وإن القوات ستعود بعد تعزيز دفاعاتها.\n")

CORPUS = (  # (file name, text, outlet, published)
    ("taiz-north.txt", WIRE, "وكالة الشمال", "2024-04-02"),
    ("taiz-coast.txt", WIRE_TRIMMED, "صحيفة الساحل", "2024-04-02"),
    ("taiz-denial.txt", DENIAL, "قناة الجنوب", "2024-04-03"),
    ("mali.txt", MALI, "وكالة الشمال", "2024-05-14"),
)


@pytest.fixture(scope="session")
def analyzed():
    """The corpus analyzed once per test session (the pipeline is the slow part)."""
    return [analyze(text, published=published, source=outlet) for _, text, outlet, published in CORPUS]


@pytest.fixture
def store(tmp_path: Path, analyzed) -> Store:
    with Store(tmp_path / "corpus.db") as opened:
        for doc in analyzed:
            opened.ingest(doc)
    with Store(tmp_path / "corpus.db", readonly=True) as readonly:
        yield readonly


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text, _, _ in CORPUS:
        (folder / name).write_text(text, encoding="utf-8")
    return folder
