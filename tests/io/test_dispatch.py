"""Finding the inputs, reading them safely, and choosing the reader by extension or content."""

import io
import json
from pathlib import Path

import pytest

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import DEFAULT_MAX_BYTES, dispatch, iter_inputs, read_path
from tests.io.samples import ARTICLE, PARA1, PARA2, TITLE

PAGE = f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><p>{PARA1}</p></body></html>"
RSS = f'<?xml version="1.0"?><rss><channel><title>وكالة</title><item><title>{TITLE}</title>' \
      f"<description>{PARA2}</description></item></channel></rss>"
JSONL = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (PARA1, PARA2))


def _write(path: Path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _only_error(items: list) -> InputError:
    [error] = items
    assert isinstance(error, InputError)
    return error


# --- iter_inputs ---

def test_directories_are_walked_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    for name in ["b.txt", "a.HTML", "sub/c.jsonl", "sub/deeper/d.rss", "notes.md", "image.png",
                 ".hidden.txt", ".git/e.txt", "z.ndjson", "y.text", "x.htm", "w.xml", "v.atom"]:
        _write(tmp_path / "news" / name, ARTICLE)
    root = tmp_path / "news"
    expected = ["a.HTML", "b.txt", "sub/c.jsonl", "sub/deeper/d.rss", "v.atom", "w.xml", "x.htm", "y.text",
                "z.ndjson"]
    assert list(iter_inputs([str(root)])) == [str(root / name) for name in expected]


def test_explicit_paths_stdin_and_missing(tmp_path: Path) -> None:
    notes = _write(tmp_path / "notes.md", ARTICLE)
    hidden = _write(tmp_path / ".draft", ARTICLE)
    missing = str(tmp_path / "missing.txt")
    items = list(iter_inputs([notes, "-", missing, hidden]))
    assert items[:2] == [notes, "-"]
    assert isinstance(items[2], InputError)
    assert (items[2].where, items[2].problem) == (missing, "no such file or directory")
    assert items[3] == hidden


def test_directory_without_inputs(tmp_path: Path) -> None:
    _write(tmp_path / "docs" / "readme.md", ARTICLE)
    error = _only_error(list(iter_inputs([str(tmp_path / "docs")])))
    assert error.problem == "directory has no .txt, .html, .jsonl or feed files"


# --- read_path: whole-file problems ---

def test_missing_file(tmp_path: Path) -> None:
    error = _only_error(list(read_path(str(tmp_path / "gone.txt"))))
    assert str(error) == f"{tmp_path / 'gone.txt'}: no such file or directory"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"\xef\xbb\xbf", "empty file"),  # a byte-order mark and nothing else
    (b" \r\n\t\n", "no text (whitespace only)"),
    ("\u00a0\n".encode("utf-16"), "no text (whitespace only)"),
    (b"GIF89a\x01\x00\x01\x00\x00\xff\x00", "binary content (NUL bytes), not text"),
    ("Le café de Genève".encode("latin-1"), "cannot decode: not UTF-8, UTF-16 or Windows-1256"),
])
def test_bad_files(tmp_path: Path, data: bytes, problem: str) -> None:
    path = _write(tmp_path / "bad.txt", data)
    error = _only_error(list(read_path(path)))
    assert (error.where, error.problem) == (path, problem)


def test_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(7_200_000)  # sparse: big on paper, nothing to write
    error = _only_error(list(read_path(str(path))))
    assert error.problem == "file is 7.2 MB, over the 5.0 MB limit (--max-bytes)"
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_small_limits_read_naturally(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "x" * 1500)
    assert _only_error(list(read_path(path, max_bytes=1000))).problem == \
        "file is 1.5 kB, over the 1.0 kB limit (--max-bytes)"
    assert _only_error(list(read_path(path, max_bytes=10))).problem == \
        "file is 1.5 kB, over the 10 bytes limit (--max-bytes)"
    [doc] = read_path(path, max_bytes=1500)
    assert isinstance(doc, Document)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "secret.txt", ARTICLE)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    # Patched rather than chmod-ed: tests may run as root, which reads anything.
    monkeypatch.setattr(dispatch, "open", denied, raising=False)
    error = _only_error(list(read_path(path)))
    assert (error.where, error.problem) == (path, "permission denied")


# --- read_path: dispatch ---

def test_directory_is_read_file_by_file(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", ARTICLE)
    _write(tmp_path / "in" / "b.jsonl", JSONL)
    _write(tmp_path / "in" / "c.txt", b"")
    items = list(read_path(str(tmp_path / "in")))
    assert [getattr(item, "origin", None) or str(item) for item in items] == [
        str(tmp_path / "in" / "a.txt"),
        f"{tmp_path / 'in' / 'b.jsonl'}:1",
        f"{tmp_path / 'in' / 'b.jsonl'}:2",
        f"{tmp_path / 'in' / 'c.txt'}: empty file",
    ]


@pytest.mark.parametrize("content, expected", [
    (ARTICLE, [ARTICLE]),
    (PAGE, [PARA1]),
    (RSS, [PARA2]),
    ("\n" + JSONL, [PARA1, PARA2]),
])
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, expected: list[str]) -> None:
    path = _write(tmp_path / "download.dat", content)
    assert [doc.text for doc in read_path(path)] == expected


def test_stdin(tmp_path: Path) -> None:
    stdin = io.BytesIO(ARTICLE.encode("cp1256"))
    [doc] = read_path("-", stdin=stdin)
    assert (doc.text, doc.title, doc.origin) == (ARTICLE, TITLE, "<stdin>")


def test_stdin_jsonl_and_html(tmp_path: Path) -> None:
    docs = list(read_path("-", stdin=io.BytesIO(JSONL.encode("utf-8"))))
    assert [(doc.text, doc.origin) for doc in docs] == [(PARA1, "<stdin>:1"), (PARA2, "<stdin>:2")]
    [doc] = read_path("-", stdin=io.BytesIO(PAGE.encode("utf-8")))
    assert (doc.text, doc.title) == (PARA1, TITLE)


def test_stdin_problems() -> None:
    assert str(_only_error(list(read_path("-", stdin=io.BytesIO(b""))))) == "<stdin>: empty input"
    error = _only_error(list(read_path("-", max_bytes=10, stdin=io.BytesIO(ARTICLE.encode("utf-8")))))
    assert str(error) == "<stdin>: input is over the 10 bytes limit (--max-bytes)"


def test_max_bytes_limits_each_article_of_a_jsonl_file_not_the_file(tmp_path: Path) -> None:
    small = json.dumps({"id": "small", "text": "نص قصير عن المفاوضات"}, ensure_ascii=False)
    large = json.dumps({"id": "large", "text": "نص " * 600}, ensure_ascii=False)
    path = _write(tmp_path / "corpus.jsonl", "\n".join([small] * 40 + [large]) + "\n")
    assert Path(path).stat().st_size > 2000
    items = list(read_path(path, max_bytes=2000))
    assert sum(isinstance(i, Document) for i in items) == 40
    [error] = [i for i in items if not isinstance(i, Document)]
    assert error.where == f"{path}:41"
    assert error.problem == "article is 3.0 kB, over the 2.0 kB limit (--max-bytes)"
