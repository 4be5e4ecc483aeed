"""Planning partitions: line ranges by byte offsets, zip records, whole files, stable ids and checksums."""

from __future__ import annotations

import json
import zipfile
from itertools import pairwise
from pathlib import Path

from rasid.batch.partitions import plan, read_partition
from rasid.document import Document
from rasid.errors import InputError
from tests.batch.conftest import articles, write_jsonl


def test_a_jsonl_file_is_cut_into_line_ranges_that_cover_it(tmp_path: Path):
    path = write_jsonl(tmp_path / "a.jsonl", articles(7))
    parts, problems = plan([str(path)], 3)
    assert problems == []
    assert [(p.kind, p.start, p.stop) for p in parts] == [("lines", 0, 3), ("lines", 3, 6), ("lines", 6, 7)]
    assert parts[0].byte_start == 0 and parts[-1].byte_stop == path.stat().st_size
    assert all(a.byte_stop == b.byte_start for a, b in pairwise(parts))
    origins = [doc.origin for part in parts for doc in read_partition(part)]
    assert origins == [f"{path}:{n}" for n in range(1, 8)]


def test_blank_and_bad_lines_keep_their_line_numbers(tmp_path: Path):
    path = tmp_path / "b.jsonl"
    good = json.dumps({"text": "قال الوزير إن الوفد وصل."}, ensure_ascii=False)
    path.write_bytes(f"{good}\n\n{{oops\n".encode() + b"\xff\xfe\x00\n" + f"{good}\n".encode())
    items = [item for part in plan([str(path)], 2)[0] for item in read_partition(part)]
    assert [(type(i).__name__, i.origin if isinstance(i, Document) else i.where) for i in items] == [
        ("Document", f"{path}:1"), ("InputError", f"{path}:3"), ("InputError", f"{path}:4"),
        ("Document", f"{path}:5")]


def test_ids_stay_and_only_the_changed_range_gets_a_new_checksum(tmp_path: Path):
    records = articles(6)
    path = write_jsonl(tmp_path / "c.jsonl", records)
    before, _ = plan([str(path)], 2)
    records[3] = {**records[3], "title": "عنوان آخر"}
    write_jsonl(path, records)
    after, _ = plan([str(path)], 2)
    assert [p.id for p in before] == [p.id for p in after]
    assert [a.checksum == b.checksum for a, b in zip(before, after, strict=True)] == [True, False, True]
    assert len({p.id for p in before}) == 3


def test_zip_archives_of_json_arrays_are_cut_into_record_ranges(tmp_path: Path):
    path = tmp_path / "2025-03-10.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2025-03-10.json", json.dumps(articles(5), ensure_ascii=False))
    parts, _ = plan([str(tmp_path)], 2)
    assert [(p.kind, p.member, p.start, p.stop) for p in parts] == [
        ("records", "2025-03-10.json", 0, 2), ("records", "2025-03-10.json", 2, 4),
        ("records", "2025-03-10.json", 4, 5)]
    docs = [doc for part in parts for doc in read_partition(part)]
    assert [d.title for d in docs] == [f"خبر رقم {i}" for i in range(1, 6)]
    assert docs[1].published == "2025-03-11" and docs[4].origin == f"{path}:2025-03-10.json[4]"


def test_whole_files_are_grouped_and_other_files_passed_over(tmp_path: Path):
    for name in ("a.txt", "b.txt", "c.html", ".hidden.txt", "notes.md"):
        (tmp_path / name).write_text("<p>خبر قصير عن المفاوضات.</p>" if name.endswith(".html") else
                                     "خبر قصير عن المفاوضات.", encoding="utf-8")
    parts, _ = plan([str(tmp_path)], 2)
    assert [(p.kind, [Path(x).name for x in p.paths]) for p in parts] == [
        ("files", ["a.txt", "b.txt"]), ("files", ["c.html"])]


def test_missing_inputs_and_broken_archives_are_problems_not_failures(tmp_path: Path):
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    good = write_jsonl(tmp_path / "good.jsonl", articles(2))
    parts, problems = plan([str(tmp_path / "missing"), str(tmp_path / "broken.zip"), str(good)], 10)
    assert len(parts) == 1
    assert [(p.where, p.problem) for p in problems] == [
        (str(tmp_path / "missing"), "no such file or directory"),
        (str(tmp_path / "broken.zip"), "File is not a zip file")]
    assert all(isinstance(p, InputError) for p in problems)
