"""A small corpus the store tests build: fictional articles, written for these tests.

Two outlets print the same wire story about shelling in Taiz (one trims a sentence), and a
third article, from another outlet, carries the accused group's denial: a story cluster and a
cross-source contradiction. A fourth article, from Mali, has nothing to do with them.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from importlib import resources
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


def schema_1_store(path: Path, copy_of: Path | None = None) -> None:
    """A store as rasid wrote it at schema version 1 (migrations/001_initial.sql): empty, or with
    the rows of `copy_of` (a current store) in the columns schema 1 has."""
    initial = (resources.files("rasid.store") / "migrations" / "001_initial.sql").read_text(encoding="utf-8")
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(f"{initial}\nPRAGMA user_version = 1;")
        if copy_of is None:
            return
        conn.execute("ATTACH ? AS current", (str(copy_of),))
        tables = [row[0] for row in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sentences_fts%'")]
        for name in tables:  # inserting sentences fills the full-text index, by its trigger
            columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f"PRAGMA main.table_info({name})"))
            conn.execute(f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM current.{name}")
        conn.commit()
