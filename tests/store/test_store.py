"""The store itself: schema, transactions, duplicates, story clusters, cross-source contradictions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from rasid.store import Store, StoreError, queries
from rasid.store.db import schema_version
from rasid.store.rows import date_start, text_hash
from tests.store.conftest import schema_1_store


def test_a_new_store_has_the_latest_schema_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.integrity() == "ok"


def test_a_store_from_a_newer_rasid_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    with pytest.raises(StoreError, match="newer than this rasid"):
        Store(path)


def test_a_store_of_schema_1_is_upgraded_and_still_finds_an_actor_by_an_arabic_name(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    text = "قال الحوثيّين إن الحوثيين"
    first, second = text.index("الحوثيّين"), text.rindex("الحوثيين")
    schema_1_store(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO documents(id, text_hash, text, story, ingested_at) "
                     "VALUES ('d1', 'h1', ?, 'd1', '2024-04-02T00:00:00+00:00')", (text,))
        conn.executemany("INSERT INTO actors(key, name_en, name_ar) VALUES (?, ?, ?)",
                         [("HOUTHIS", "Houthis", "أنصار الله"), ("new:1", None, "الحوثيين")])
        conn.executemany('INSERT INTO mentions(doc_id, id, "start", "end", text, type, actor_key) '
                         "VALUES ('d1', ?, ?, ?, ?, 'ORG', 'HOUTHIS')",
                         [("m1", first, first + 9, text[first:first + 9]),
                          ("m2", second, second + 8, text[second:second + 8])])
        conn.commit()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        indexes = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master "
                                                        "WHERE type = 'index'")}
        assert {"mentions_folded", "actors_name_ar_folded"} <= indexes
        # Its own Arabic name, hamza folded; two mentions (one with a shadda) outweigh another's name.
        assert queries.find_actor(store, "انصار الله") == "HOUTHIS"
        assert queries.find_actor(store, "الحوثيين") == "HOUTHIS"
        assert queries.find_actor(store, "لا أحد") is None


@pytest.mark.parametrize(("text", "digest"), [
    ("قالَ  الحوثيّون\nإنّ القصفَ", "99f10736ae4a84f6e02a74965dfaab8cfaaf3d8e"),
    ("أعلن الجيش المالي، الثلاثاء، سحب 300 جندي", "b1958f1431b9261c499309f8dc36ffdaef1d268e"),
    ("مستشفى ـــ الإمارات  ٢٠٢٤", "1628e16ccb1e6cc299562f8681b047d0980035a0"),
    ("\u200fنفى المتحدث\t\tأن تكون إلى", "0ecd0d3dc771841cf198ee8b8e3128f99efce72c")])
def test_the_text_hash_of_stored_articles_never_changes(text: str, digest: str) -> None:
    # Stores already hold these hashes: a different one for the same text would let a duplicate in.
    assert text_hash(text) == digest


def test_a_file_that_is_not_a_database_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all " * 100)
    with pytest.raises(StoreError, match="not a rasid store"):
        Store(path)


@pytest.mark.parametrize("readonly", [True, False])
def test_another_programs_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "inventory.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE items(name TEXT)")
        conn.commit()
    with pytest.raises(StoreError, match="not a rasid store"):
        Store(path, readonly=readonly)
    with closing(sqlite3.connect(path)) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["items"]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_store_whose_path_has_uri_characters_opens_that_file(tmp_path: Path) -> None:
    path = tmp_path / "a#b" / "c?d %.db"
    path.parent.mkdir()
    Store(path).close()
    with Store(path, readonly=True) as store:
        assert Path(store.conn.execute("PRAGMA database_list").fetchone()["file"]) == path.resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a#b"]


def test_a_missing_store_cannot_be_opened_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.db", readonly=True)


def test_the_corpus_is_stored_with_every_fact_pointing_into_its_text(store: Store, analyzed) -> None:
    counts = store.counts()
    assert counts["documents"] == 4
    assert counts["events"] == sum(len(d.events) for d in analyzed)
    assert counts["claims"] == sum(len(d.claims) for d in analyzed)
    assert counts["sources"] == 3
    for table, start, end, text in (("mentions", '"start"', '"end"', "text"),
                                    ("events", "trigger_start", "trigger_end", "trigger_text"),
                                    ("claims", "content_start", "content_end", "content_text")):
        rows = store.conn.execute(f"SELECT d.text, x.{start}, x.{end}, x.{text} FROM {table} x "
                                  "JOIN documents d ON d.id = x.doc_id").fetchall()
        assert rows
        assert all(doc[a:b] == piece for doc, a, b, piece in rows)


def test_ingesting_the_same_article_again_changes_nothing(tmp_path: Path, analyzed) -> None:
    with Store(tmp_path / "twice.db") as store:
        first = store.ingest(analyzed[0])
        before = store.counts()
        again = store.ingest(analyzed[0])
        assert (first.status, again.status) == ("stored", "duplicate")
        assert again.reason.startswith("already stored as")
        assert store.counts() == before


def test_the_same_wire_story_from_two_outlets_is_one_story(store: Store, analyzed) -> None:
    north, coast, denial, mali = (d.id for d in analyzed)
    stories = dict(store.conn.execute("SELECT id, story FROM documents").fetchall())
    assert stories[coast] == stories[north] == north
    assert stories[denial] == denial and stories[mali] == mali


def test_a_denial_in_another_outlet_contradicts_the_stored_claim(store: Store, analyzed) -> None:
    north, coast, denial, _ = (d.id for d in analyzed)
    rows = store.conn.execute("SELECT doc_a, doc_b, scope, reason FROM contradictions "
                              "WHERE scope = 'corpus'").fetchall()
    pairs = {(a, b) for a, b, _, _ in rows}
    assert (north, denial) in pairs and (coast, denial) in pairs
    reason = next(r for a, b, _, r in rows if a == north)
    assert reason.startswith("وكالة الشمال:") and "ASSAULT(Houthis" in reason and "قناة الجنوب:" in reason


def test_a_failure_inside_the_transaction_leaves_no_row(tmp_path: Path, analyzed, monkeypatch) -> None:
    with Store(tmp_path / "atomic.db") as store:
        store.ingest(analyzed[3])
        before = store.counts()

        def explode(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "_contradictions", explode)
        with pytest.raises(KeyboardInterrupt):
            store.ingest(analyzed[0])
        assert store.counts() == before
        monkeypatch.undo()
        assert store.ingest(analyzed[0]).status == "stored"
        assert store.integrity() == "ok"


@pytest.mark.parametrize(("value", "day"), [
    ("2021-10-21", "2021-10-21"), ("2021-W42", "2021-10-18"), ("2021-06", "2021-06-01"),
    ("2020", "2020-01-01"), ("199X", "1990-01-01"), ("2021-04-13/2021-05-12", "2021-04-13"),
    ("P10Y", None), ("T22:00", None), ("19XX", None), (None, None)])
def test_every_date_value_sorts_by_the_first_day_of_its_period(value, day) -> None:
    assert date_start(value) == day


def test_an_unnamed_source_is_a_different_actor_in_every_article() -> None:
    from rasid.store.rows import actor_key

    source = {"id": "a4", "name_en": "a military source", "name_ar": "مصدر عسكري", "kind": "other"}
    person = {"id": "a5", "name_en": "Salem Al-Ahdal", "name_ar": "سالم الأهدل", "kind": "person"}
    assert actor_key(source, "doc-1") != actor_key(source, "doc-2")
    assert actor_key(person, "doc-1") == actor_key(person, "doc-2")
    assert actor_key({**person, "canonical": "P_SALEM"}, "doc-1") == "P_SALEM"
