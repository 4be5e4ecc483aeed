"""Planning the work: inputs cut into partitions of whole files or line/record ranges.

A partition is the unit a worker runs, writes and the manifest records. It is cut from the input
bytes alone, so the same inputs and size always give the same partitions with the same ids, and
its checksum says whether the input under an already written partition has changed since.

Three kinds:
- `lines`: a range of lines of a JSONL file, found by byte offsets, so a worker reads only its
  slice of a file of any size;
- `records`: a range of the records of a JSON array, in a `.json` file or inside a `.zip` (the
  SaudiNewsNet daily archives);
- `files`: several whole files (.txt, .html, feeds), each read by `rasid.io.read_path`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import jsonl, read_path
from rasid.io.decode import decode
from rasid.io.dispatch import READERS

LINE_FORMATS = (".jsonl", ".ndjson")
RECORD_FORMATS = (".json", ".zip")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """One unit of work. `start`/`stop` count lines, records or files (stop exclusive)."""

    kind: str  # "lines" | "records" | "files"
    paths: tuple[str, ...]
    start: int
    stop: int
    checksum: str
    member: str | None = None  # the JSON file inside a zip
    byte_start: int = 0  # lines: the slice of the file that holds them
    byte_stop: int = 0

    @property
    def id(self) -> str:
        """Stable across runs: where the partition is, not what it holds (that is the checksum)."""
        key = "\0".join((self.kind, *self.paths, self.member or "", str(self.start), str(self.stop)))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def size(self) -> int:
        return self.stop - self.start

    @property
    def where(self) -> str:
        """A readable name for messages and the manifest."""
        if self.kind == "files":
            more = f" (+{len(self.paths) - 1} files)" if len(self.paths) > 1 else ""
            return f"{self.paths[0]}{more}"
        inside = f":{self.member}" if self.member else ""
        unit = "lines" if self.kind == "lines" else "records"
        return f"{self.paths[0]}{inside} {unit} {self.start + 1}-{self.stop}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "paths": list(self.paths), "member": self.member, "start": self.start,
                "stop": self.stop}


def plan(inputs: list[str], size: int) -> tuple[list[Partition], list[InputError]]:
    """The partitions of `inputs` in order, at most `size` documents (lines, records, files) each.

    Directories are walked sorted and recursively, hidden entries and unknown types skipped, as
    `rasid analyze` does, with .json and .zip added. A missing or unreadable input is returned
    as an InputError; the others are still planned.
    """
    partitions: list[Partition] = []
    problems: list[InputError] = []
    loose: list[tuple[str, str]] = []  # whole files (path, sha1) waiting to fill a `files` partition

    def flush() -> None:
        for i in range(0, len(loose), size):
            group = loose[i:i + size]
            digest = hashlib.sha1("".join(sha for _, sha in group).encode("ascii")).hexdigest()
            partitions.append(Partition("files", tuple(p for p, _ in group), 0, len(group), digest))
        loose.clear()

    for path in _files(inputs, problems):
        ext = os.path.splitext(path)[1].lower()
        try:
            if ext in LINE_FORMATS and not _utf16(path):
                flush()
                partitions.extend(_line_partitions(path, size))
            elif ext in RECORD_FORMATS:
                flush()
                partitions.extend(_record_partitions(path, size))
            else:
                loose.append((path, _file_sha1(path)))
        except OSError as err:
            problems.append(InputError(path, f"cannot read: {(err.strerror or str(err)).lower()}"))
        except (ValueError, zipfile.BadZipFile) as err:
            problems.append(InputError(path, str(err)))
    flush()
    return partitions, problems


def read_partition(part: Partition) -> Iterator[Document | InputError]:
    """The articles of one partition, in order; a bad record is an InputError in its place."""
    if part.kind == "files":
        for path in part.paths:
            yield from read_path(path)
    elif part.kind == "lines":
        path = part.paths[0]
        with open(path, "rb") as handle:
            handle.seek(part.byte_start)
            data = handle.read(part.byte_stop - part.byte_start)
        for number, raw in enumerate(data.split(b"\n"), start=part.start + 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                line = decode(raw, where)
            except InputError as err:
                yield err
                continue
            yield jsonl.from_line(line, where)
    else:
        records = _json_records(part.paths[0], part.member)
        for index in range(part.start, min(part.stop, len(records))):
            where = f"{part.paths[0]}{':' + part.member if part.member else ''}[{index}]"
            yield jsonl.from_record(records[index], where)


def _files(inputs: list[str], problems: list[InputError]) -> Iterator[str]:
    known = set(READERS) | set(RECORD_FORMATS)
    for path in inputs:
        if os.path.isdir(path):
            found = list(_walk(path, known))
            if not found:
                problems.append(InputError(path, "directory has no .jsonl, .json, .zip, .txt, .html or "
                                                 "feed files"))
            yield from found
        elif os.path.isfile(path):
            yield os.path.abspath(path)
        else:
            problems.append(InputError(path, "no such file or directory"))


def _walk(directory: str, known: set[str]) -> Iterator[str]:
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, known)
        elif os.path.splitext(entry.name)[1].lower() in known:
            yield os.path.abspath(entry.path)


def _utf16(path: str) -> bool:
    """UTF-16 cannot be cut at newline bytes; such a file is read whole, like a .txt."""
    with open(path, "rb") as handle:
        return handle.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _line_partitions(path: str, size: int) -> Iterator[Partition]:
    """Cut at every `size`-th newline, hashing each slice as it streams past."""
    start_line = offset = start_offset = lines = 0
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for line in handle:
            digest.update(line)
            offset += len(line)
            lines += 1
            if lines - start_line == size:
                yield Partition("lines", (path,), start_line, lines, digest.hexdigest(),
                                byte_start=start_offset, byte_stop=offset)
                start_line, start_offset, digest = lines, offset, hashlib.sha1()
    if lines > start_line:
        yield Partition("lines", (path,), start_line, lines, digest.hexdigest(),
                        byte_start=start_offset, byte_stop=offset)


def _record_partitions(path: str, size: int) -> Iterator[Partition]:
    whole = _file_sha1(path)
    members = _json_members(path) if path.lower().endswith(".zip") else [None]
    for member in members:
        count = len(_json_records(path, member))
        for start in range(0, count, size):
            stop = min(start + size, count)
            checksum = hashlib.sha1(f"{whole}\0{member}\0{start}\0{stop}".encode()).hexdigest()
            yield Partition("records", (path,), start, stop, checksum, member=member)


def _json_members(path: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(n for n in archive.namelist() if n.lower().endswith(".json") and not n.endswith("/"))


def _json_records(path: str, member: str | None) -> list[Any]:
    stat = os.stat(path)
    return _parsed(path, member, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _parsed(path: str, member: str | None, mtime_ns: int, size: int) -> list[Any]:
    """The records of a JSON array (a single object counts as one record).

    Kept for the next call: a worker often gets several partitions of the same daily zip, and
    the modification time and size in the key make a changed file read again.
    """
    if member is None:
        with open(path, "rb") as handle:
            data = handle.read()
    else:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member)
    where = f"{path}:{member}" if member else path
    try:
        value = json.loads(decode(data, where))
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON: {err.msg} at line {err.lineno}") from None
    except InputError as err:
        raise ValueError(err.problem) from None
    return value if isinstance(value, list) else [value]


def _file_sha1(path: str) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
