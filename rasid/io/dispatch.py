"""From paths on the command line to Documents: find the files, read them, pick the reader.

Nothing here raises for bad input. Each problem becomes an InputError the caller can print
as one line and move past, so one broken file does not stop a batch.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import feed, html, jsonl, txt
from rasid.io.decode import decode

DEFAULT_MAX_BYTES = 5_000_000
# A JSONL file or a feed holds many articles: --max-bytes limits each article in it, and the
# file as a whole may be this large.
COLLECTION_MAX_BYTES = 2_000_000_000
STDIN = "-"
STDIN_LABEL = "<stdin>"

Reader = Callable[[str, str], Iterator[Document | InputError]]
READERS: dict[str, Reader] = {
    ".txt": txt.read, ".text": txt.read,
    ".html": html.read, ".htm": html.read,
    ".jsonl": jsonl.read, ".ndjson": jsonl.read,
    ".xml": feed.read, ".rss": feed.read, ".atom": feed.read,
}
_SNIFF_WINDOW = 2000


def iter_inputs(paths: list[str]) -> Iterator[str | InputError]:
    """The files to read, in order: directories walked (sorted, recursive), "-" kept as stdin.

    Inside a directory, hidden entries and files of unknown types are passed over, so that
    notes, images and .git beside the articles stay out; a file named on its own is always
    read, whatever its extension. Problems (a missing path) come back in place, in order.
    """
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found = False
            for item in _walk(path):
                found = found or isinstance(item, str)
                yield item
            if not found:
                yield InputError(path, "directory has no .txt, .html, .jsonl or feed files")
        elif os.path.exists(path):
            yield path
        else:
            yield InputError(path, "no such file or directory")


def _walk(directory: str) -> Iterator[str | InputError]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        yield InputError(directory, _os_problem(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        # Symlinked directories are not followed: a link back up would loop forever.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif os.path.splitext(entry.name)[1].lower() in READERS:
            yield entry.path


def read_path(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | InputError]:
    """The articles in one input: a Document per good article, an InputError per problem.

    A whole-file problem (missing, too big, empty, binary, undecodable) gives one InputError;
    a bad record in a JSONL file or feed gives one for that record while the others are read.
    A directory is walked as iter_inputs does. `stdin` stands in for sys.stdin when `path`
    is "-".
    """
    if path != STDIN and os.path.isdir(path):
        for item in iter_inputs([path]):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_path(item, max_bytes=max_bytes)
        return
    where = STDIN_LABEL if path == STDIN else path
    collection = READERS.get(os.path.splitext(path)[1].lower()) in (jsonl.read, feed.read)
    try:
        if path == STDIN:
            data = _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        else:
            data = _read_file(path, max(max_bytes, COLLECTION_MAX_BYTES) if collection else max_bytes)
        text = decode(data, where)
    except InputError as err:
        yield err
        return
    if not text:
        yield InputError(where, "empty input" if path == STDIN else "empty file")
        return
    if not text.strip():
        yield InputError(where, "no text (whitespace only)")
        return
    reader = READERS.get(os.path.splitext(path)[1].lower()) or _sniff(text)
    for item in reader(text, where):
        size = len(item.text.encode("utf-8")) if isinstance(item, Document) else 0
        if collection and size > max_bytes:
            yield InputError(item.origin or where,
                             f"article is {_human(size)}, over the {_human(max_bytes)} limit (--max-bytes)")
        else:
            yield item


def _sniff(text: str) -> Reader:
    """The reader for content whose name does not tell: stdin, or an unknown extension."""
    head = text[:_SNIFF_WINDOW].lstrip().lower()
    if head.startswith("{"):
        return jsonl.read
    feed_root = any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))
    if head.startswith(("<rss", "<feed", "<rdf:rdf")) or (head.startswith("<?xml") and feed_root):
        return feed.read
    if head.startswith(("<html", "<!doctype html")) or (head.startswith("<?xml") and "<html" in head):
        return html.read
    return txt.read


def _read_file(path: str, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes: enough to tell a file is too big without loading it."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise _too_big(path, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise InputError(path, _os_problem(err)) from None
    if len(data) > max_bytes:  # a pipe or device, whose size is not known beforehand
        raise _too_big(path, None, max_bytes)
    return data


def _read_stdin(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(STDIN_LABEL, None, max_bytes)
    return data


def _too_big(where: str, size: int | None, max_bytes: int) -> InputError:
    what = "input is" if size is None else f"file is {_human(size)},"
    return InputError(where, f"{what} over the {_human(max_bytes)} limit (--max-bytes)")


def _human(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def _os_problem(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    return f"cannot read: {(err.strerror or str(err)).lower()}"
