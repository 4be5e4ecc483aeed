"""JSON Lines: our own records, the ANT and SaudiNewsNet field names, and bad lines among good."""

import json
from pathlib import Path

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import read_path
from tests.io.samples import PARA1, PARA2, PARA3, TITLE


def _read(tmp_path: Path, lines: list[str], name: str = "feed.jsonl") -> tuple[str, list]:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path), list(read_path(str(path)))


def _line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_own_field_names(tmp_path: Path) -> None:
    text = f"{TITLE}\n\n{PARA1}\n"  # kept exactly, trailing newline and all
    path, [doc] = _read(tmp_path, [_line(text=text, title=f" {TITLE} ", published="2021-10-27",
                                         source="وكالة الأنباء", url="https://example.com/1", id="a-1")])
    assert isinstance(doc, Document)
    assert doc.text == text
    assert (doc.id, doc.title, doc.published, doc.source, doc.url) == (
        "a-1", TITLE, "2021-10-27", "وكالة الأنباء", "https://example.com/1")
    assert doc.origin == f"{path}:1"
    assert doc.lang == "ar"
    assert doc.warnings == []


def test_ant_field_names(tmp_path: Path) -> None:
    _, [doc] = _read(tmp_path, [_line(docno="AL-news-4-20180218", src="alarabia", title=TITLE,
                                      time="Sun, 18 Feb 2018 21:50:44 +0400", text=PARA1,
                                      url="http://example.com/ar/1", abstract=PARA2)])
    assert (doc.id, doc.source, doc.published, doc.title, doc.text, doc.url) == (
        "AL-news-4-20180218", "alarabia", "2018-02-18", TITLE, PARA1, "http://example.com/ar/1")


def test_saudinewsnet_field_names(tmp_path: Path) -> None:
    _, [doc] = _read(tmp_path, [_line(source="aawsat", url="http://example.com/2",
                                      date_extracted="2015-07-25 23:29:06", title=TITLE,
                                      author="الرياض: مراسلنا", content=PARA2)])
    assert (doc.source, doc.published, doc.title, doc.text, doc.id) == (
        "aawsat", "2015-07-25", TITLE, PARA2, "")


def test_numeric_ids_and_a_date_field(tmp_path: Path) -> None:
    _, [doc] = _read(tmp_path, [_line(id=42, date="2021-10-27T08:00:00Z", text=PARA1)])
    assert (doc.id, doc.published) == ("42", "2021-10-27")


def test_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path, items = _read(tmp_path, [
        _line(text=PARA1),
        "",
        "{not json",
        '["a list"]',
        _line(title=TITLE),
        _line(text="   "),
        _line(text=12),
        "   ",
        _line(content=PARA3),
    ])
    assert [item.text for item in items if isinstance(item, Document)] == [PARA1, PARA3]
    assert [item.origin for item in items if isinstance(item, Document)] == [f"{path}:1", f"{path}:9"]
    errors = [(item.where, item.problem) for item in items if isinstance(item, InputError)]
    assert errors == [
        (f"{path}:3", "not valid JSON: expecting property name enclosed in double quotes at column 2"),
        (f"{path}:4", "not a JSON object but an array"),
        (f"{path}:5", "no 'text' field"),
        (f"{path}:6", "empty 'text' field"),
        (f"{path}:7", "'text' field is a number, not a string"),
    ]


def test_unreadable_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    _, [doc] = _read(tmp_path, [_line(text=PARA1, published="أمس")])
    assert doc.published is None
    assert doc.warnings == ["publication date not understood: 'أمس'"]


def test_line_separator_inside_a_string_does_not_split_the_record(tmp_path: Path) -> None:
    text = f"{PARA1}\u2028{PARA2}"
    _, [doc] = _read(tmp_path, [_line(text=text)], name="feed.ndjson")
    assert doc.text == text
