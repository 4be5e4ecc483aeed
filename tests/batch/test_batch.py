"""`rasid batch` end to end: local pool and Dask agree, reruns resume, bad documents become rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from rasid.batch import read_document_rows, read_table
from rasid.batch.manifest import MANIFEST
from rasid.batch.parquet import CROSS, ERRORS, PARTITION_TABLES, SIGNATURES, STORIES, schema_of
from rasid.batch.partitions import plan
from rasid.batch.worker import Limits, run_partition
from rasid.document import Document, to_json
from rasid.io import read_path
from rasid.pipeline import analyze_document
from rasid.store.rows import COLUMNS, TABLES, document_rows
from rasid.store.stories import StoryIndex, signature
from tests.batch.conftest import articles, run_batch_cli, write_jsonl

ALL_TABLES = (*PARTITION_TABLES, STORIES, CROSS)


def snapshot(out: Path) -> dict[str, list[dict]]:
    """Every row of every table, in corpus order."""
    return {table: read_table(out, table).to_pylist() for table in ALL_TABLES}


def manifest_entries(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()[1:]]


def test_local_pool_and_dask_cluster_write_the_same_rows(corpus: Path, clean_run: Path, tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster:
        result = run_batch_cli(str(corpus), "--out", str(out), "--partition-size", "4",
                               "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "4 written" in result.output and "documents   13" in result.output
    assert snapshot(out) == snapshot(clean_run)
    workers = {entry["worker"] for entry in manifest_entries(out)}
    assert len(workers) == 2  # both cluster workers ran partitions


def test_rows_are_those_of_document_rows(corpus: Path, clean_run: Path):
    expected = [document_rows(to_json(analyze_document(doc)))
                for doc in read_path(str(corpus)) if isinstance(doc, Document)]
    assert list(read_document_rows(clean_run)) == expected
    assert all(list(rows) == list(TABLES) for rows in expected)


def test_every_table_has_its_columns_even_when_empty(clean_run: Path):
    for table in ALL_TABLES:
        assert read_table(clean_run, table).schema == schema_of(table)
    for table in TABLES:
        assert schema_of(table).names == [name for name, _ in COLUMNS[table]]
    for path in clean_run.glob("*/day=*/*.parquet"):
        assert pq.read_schema(path).remove_metadata() == schema_of(path.parts[-3])
    # Every table has every day, errors included (the bad lines have no date: day=unknown).
    days = {"day=2025-03-10", "day=2025-03-11", "day=unknown"}
    assert all({p.name for p in (clean_run / t).iterdir()} == days for t in PARTITION_TABLES)


def test_summary_counts_and_reduce(clean_run: Path):
    docs = read_table(clean_run, "documents").to_pylist()
    assert len(docs) == 13
    stories = {row["doc_id"]: row["story"] for row in read_table(clean_run, STORIES).to_pylist()}
    assert len(stories) == 13
    # The wire copy in the second outlet joins the first article's story.
    wire = next(d["id"] for d in docs if d["text"].endswith("وأضاف أن الوضع هادئ الآن."))
    assert stories[wire] == "doc-1"
    # The same clusters as the store's index over the documents in input order.
    index = StoryIndex()
    in_order = [rows["documents"][0] for rows in read_document_rows(clean_run)]
    assert stories == {d["id"]: index.add(d["id"], signature(d["text"])) for d in in_order}
    assert len(read_table(clean_run, SIGNATURES)) == 13


def test_bad_records_are_errors_and_their_partition_is_written(clean_run: Path):
    errors = read_table(clean_run, ERRORS).to_pylist()
    assert [(e["origin"].rsplit(":", 1)[1], e["reason"]) for e in errors] == [
        ("14", "not valid JSON: expecting property name enclosed in double quotes at column 2"),
        ("15", "not a JSON object but an array"),
        ("16", "no 'text' field"),
    ]
    last = max(manifest_entries(clean_run), key=lambda e: e["start"])
    assert (last["start"], last["docs"], last["failures"]) == (12, 1, 3)


def test_an_exception_inside_the_pipeline_is_an_error_row(corpus: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    def fragile(doc: Document) -> Document:
        if "الفاشر" in doc.text:
            raise RuntimeError("stage broke")
        return analyze_document(doc)

    monkeypatch.setattr("rasid.batch.worker.analyze_document", fragile)
    part = plan([str(corpus)], 4)[0][0]
    # In this process, not a worker's: no memory cap, or it would stay on the test runner.
    entry = run_partition(part, str(tmp_path), Limits(worker_memory_mb=None))
    assert (entry["docs"], entry["failures"]) == (3, 1)
    errors = [row for name in entry["files"] if name.startswith("errors/")
              for row in pq.read_table(tmp_path / name).to_pylist()]
    assert errors == [{"origin": f"{corpus}:3", "doc_id": None,
                       "reason": "internal error: RuntimeError: stage broke"}]


def test_a_document_over_its_cpu_time_is_an_error_row(corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    def stuck(doc: Document) -> Document:
        if "الفاشر" in doc.text:  # spin for up to 5 s of CPU: the limit must cut it short
            end = time.process_time() + 5
            while time.process_time() < end:
                pass
        return analyze_document(doc)

    monkeypatch.setattr("rasid.batch.worker.analyze_document", stuck)
    part = plan([str(corpus)], 4)[0][0]
    started = time.process_time()
    entry = run_partition(part, str(tmp_path), Limits(doc_cpu_seconds=0.2, worker_memory_mb=None))
    assert time.process_time() - started < 4
    assert (entry["docs"], entry["failures"]) == (3, 1)
    errors = [row for name in entry["files"] if name.startswith("errors/")
              for row in pq.read_table(tmp_path / name).to_pylist()]
    assert [row["reason"] for row in errors] == ["gave up after 0.2 s of CPU (--doc-timeout)"]


def test_a_rerun_skips_what_is_written(corpus: Path, clean_copy: Path):
    before = snapshot(clean_copy)
    result = run_batch_cli(str(corpus), "--out", str(clean_copy), "--partition-size", "4")
    assert result.exit_code == 0, result.output
    assert "0 written, 4 already there" in result.output
    assert "not rerun" in result.output
    assert snapshot(clean_copy) == before


def test_a_partition_written_but_not_recorded_is_redone_once(corpus: Path, clean_run: Path, clean_copy: Path):
    """A crash between writing a partition's files and recording it, mid-line in the manifest."""
    manifest = clean_copy / MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(lines[:-1]) + lines[-1][:40], encoding="utf-8")
    stray = next(clean_copy.glob("events/day=*/*.parquet"))
    (stray.parent / f".{stray.name}.0123.tmp").write_bytes(b"half a file")
    (stray.parent / "part-ffffffffffffffff.parquet").write_bytes(stray.read_bytes())
    result = run_batch_cli(str(corpus), "--out", str(clean_copy), "--partition-size", "4", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "1 written, 3 already there" in result.output
    assert snapshot(clean_copy) == snapshot(clean_run)
    assert not list(clean_copy.glob("*/day=*/.*")) and not list(clean_copy.glob("*/*/part-ffff*"))


def test_a_killed_run_resumes_without_duplicates(tmp_path: Path):
    corpus = write_jsonl(tmp_path / "many.jsonl", articles(30))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "rasid", "batch", str(corpus), "--out", str(out), "--workers", "1",
               "--partition-size", "1", "--no-reduce"]
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if (out / MANIFEST).exists() and len(manifest_entries(out)) >= 3:
                break
            time.sleep(0.02)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the driver and its pool: a power cut, not a clean stop
        run.wait()
    recorded = len(manifest_entries(out))
    assert 3 <= recorded < 30, "the run should have been killed part-way"
    result = run_batch_cli(str(corpus), "--out", str(out), "--workers", "2", "--partition-size", "1")
    assert result.exit_code == 0, result.output
    assert f"{30 - recorded} written, {recorded} already there" in result.output
    documents = read_table(out, "documents").to_pylist()
    assert len(documents) == 30 == len({d["id"] for d in documents})
    events = read_table(out, "events").to_pylist()
    assert len(events) == len({(e["doc_id"], e["id"]) for e in events})


def test_a_changed_input_redoes_only_its_partition(corpus: Path, clean_copy: Path, tmp_path: Path):
    lines = corpus.read_text(encoding="utf-8").splitlines()
    changed = tmp_path / "news.jsonl"
    record = json.loads(lines[5])
    record["content"] += " وتابع المتحدث حديثه."
    changed.write_text("\n".join([*lines[:5], json.dumps(record, ensure_ascii=False), *lines[6:]]) + "\n",
                       encoding="utf-8")
    # Same path as the original, so that the partitions keep their ids.
    original = corpus.read_bytes()
    try:
        corpus.write_bytes(changed.read_bytes())
        result = run_batch_cli(str(corpus), "--out", str(clean_copy), "--partition-size", "4",
                               "--workers", "1")
    finally:
        corpus.write_bytes(original)
    assert result.exit_code == 0, result.output
    assert "1 written, 3 already there" in result.output
    texts = [d["text"] for d in read_table(clean_copy, "documents").to_pylist()]
    assert len(texts) == 13 and record["content"] in texts


def test_another_partition_size_is_refused(corpus: Path, clean_copy: Path):
    result = run_batch_cli(str(corpus), "--out", str(clean_copy), "--partition-size", "5")
    assert result.exit_code == 2
    assert "--partition-size 4" in result.output


def test_a_directory_of_other_files_is_refused(corpus: Path, tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_batch_cli(str(corpus), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "holds no rasid batch output" in result.output
    assert (tmp_path / "notes.txt").exists()


def test_a_missing_input_is_reported_and_the_rest_written(corpus: Path, tmp_path: Path):
    result = run_batch_cli(str(tmp_path / "missing.jsonl"), str(corpus), "--out", str(tmp_path / "out"),
                           "--partition-size", "8", "--workers", "1", "--no-reduce")
    assert result.exit_code == 1
    assert "missing.jsonl: no such file or directory" in result.output
    assert len(read_table(tmp_path / "out", "documents")) == 13
    assert not (tmp_path / "out" / STORIES).exists()
