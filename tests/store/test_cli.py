"""The store's commands end to end: ingest real files, ask questions in every output format."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli
from rasid.cli.store import COMMANDS
from rasid.store.db import schema_version
from tests.store.conftest import CORPUS, MALI, schema_1_store


def run_cli(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def ingested(tmp_path: Path, corpus_dir: Path) -> Path:
    db = tmp_path / "cli.db"
    result = run_cli("ingest", str(corpus_dir), "--db", str(db), "--published", "2024-04-02",
                     "--source", "وكالة الشمال")
    assert result.exit_code == 0, result.output
    return db


def test_ingest_prints_a_summary_and_a_second_run_adds_nothing(tmp_path: Path, corpus_dir: Path) -> None:
    db = tmp_path / "twice.db"
    first = run_cli("ingest", str(corpus_dir), "--db", str(db))
    assert first.exit_code == 0
    assert "stored  4" in first.output.replace("  4 ", "  4")
    assert "joined a story  1" in first.output
    second = run_cli("ingest", str(corpus_dir), "--db", str(db))
    assert second.exit_code == 0
    assert "duplicates  4" in second.output and "stored  0" in second.output


def test_bad_input_is_reported_in_one_line_and_the_good_is_stored(tmp_path: Path, corpus_dir: Path) -> None:
    (corpus_dir / "empty.txt").write_text("")
    (corpus_dir / "binary.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "bad.db"
    result = run_cli("ingest", str(corpus_dir), "--db", str(db))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "binary.txt:" in result.output and "failed  2" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(CORPUS)


def test_the_db_comes_from_rasid_db_when_not_given(tmp_path: Path, corpus_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("RASID_DB", str(tmp_path / "env.db"))
    assert run_cli("ingest", str(corpus_dir / "mali.txt")).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert run_cli("actors", "--format", "json").output.strip()


def test_a_missing_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run_cli("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "no such store" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [
    ["search", "سوق"], ["actors"], ["actor", "HOUTHIS"], ["events"], ["claims"], ["contradictions"],
    ["timeline"]])
def test_every_question_answers_as_json_lines_csv_and_a_table(ingested: Path, command: list[str]) -> None:
    as_json = run_cli(*command, "--db", str(ingested), "--format", "json")
    assert as_json.exit_code == 0
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert rows
    as_csv = run_cli(*command, "--db", str(ingested), "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert len(parsed) == len(rows) and set(parsed[0]) == set(rows[0])
    as_table = run_cli(*command, "--db", str(ingested), "--format", "table")
    assert as_table.exit_code == 0 and as_table.output.strip()


def test_search_reads_a_store_of_schema_1_which_it_upgrades_once(tmp_path: Path, ingested: Path) -> None:
    old = tmp_path / "old.db"
    schema_1_store(old, copy_of=ingested)
    expected = run_cli("search", "سوق", "--db", str(ingested), "--format", "json")
    result = run_cli("search", "سوق", "--db", str(old), "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.output == expected.output and '"events": ["' in result.output
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert run_cli("actor", "جماعة الحوثي", "--db", str(old), "--format", "json").exit_code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_store_of_schema_1_is_one_line_naming_it(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    schema_1_store(old)
    old.chmod(0o444)
    result = run_cli("search", "سوق", "--db", str(old))
    assert result.exit_code == 1
    assert f"{old}: store schema 1 needs upgrading" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_an_unknown_actor_is_one_line_and_exit_1(ingested: Path) -> None:
    result = run_cli("events", "--actor", "Nobody Anywhere", "--db", str(ingested))
    assert result.exit_code == 1 and "no actor called 'Nobody Anywhere'" in result.output


def test_every_store_command_has_help_with_an_example() -> None:
    for command in COMMANDS:
        result = run_cli(command.name, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output and f"rasid {command.name}" in result.output


def test_kill_9_mid_ingest_leaves_a_sound_store_that_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for number in range(1, 121):  # distinct texts: each article names its own number of soldiers
            text = MALI.replace("300", str(number * 7))
            out.write(json.dumps({"id": f"a{number}", "text": text, "date": "2024-05-14"},
                                 ensure_ascii=False) + "\n")
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "rasid", "ingest", str(corpus), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.2)
            stored = _count(db)
            if stored >= 5:
                break
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    stored = _count(db)
    assert 5 <= stored < 120, "the ingest should have been killed midway"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # no half document: every stored document has its sentences
        assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                            "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)").fetchone()[0] == 0
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == 120


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_batch_output_loads_into_the_same_store_as_a_direct_ingest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": name, "text": text, "source": outlet, "date": published},
                                         ensure_ascii=False) + "\n"
                              for name, text, outlet, published in CORPUS), encoding="utf-8")
    direct, loaded = tmp_path / "direct.db", tmp_path / "loaded.db"
    assert run_cli("ingest", str(corpus), "--db", str(direct)).exit_code == 0
    assert run_cli("batch", str(corpus), "--out", str(tmp_path / "out")).exit_code == 0
    result = run_cli("ingest", "--from-parquet", str(tmp_path / "out"), "--db", str(loaded))
    assert result.exit_code == 0 and "stored  4" in result.output
    tables = ("documents", "sentences", "mentions", "events", "claims", "relations", "contradictions")
    with sqlite3.connect(direct) as one, sqlite3.connect(loaded) as other:
        for table in tables:
            count = f"SELECT count(*) FROM {table}"
            assert one.execute(count).fetchone() == other.execute(count).fetchone(), table
    again = run_cli("ingest", "--from-parquet", str(tmp_path / "out"), "--db", str(loaded))
    assert "duplicates  4" in again.output
