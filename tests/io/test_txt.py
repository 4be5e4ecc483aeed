"""Plain text: the file is the article, and a headline is a first line set off by a blank one."""

from pathlib import Path

import pytest

from rasid.document import Document
from rasid.io import read_path
from rasid.io.txt import title_of
from tests.io.samples import ARTICLE, PARA1, PARA2, TITLE


def test_text_is_kept_exactly_with_its_title(tmp_path: Path) -> None:
    text = f"  {TITLE}  \r\n\r\n{PARA1}\r\n\r\n{PARA2}\r\n\n"
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = read_path(str(path))
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.title == TITLE
    assert doc.origin == str(path)
    assert doc.lang == "ar"
    assert (doc.id, doc.published, doc.source, doc.url) == ("", None, None, None)


@pytest.mark.parametrize("text, title", [
    (ARTICLE, TITLE),
    (f"{TITLE}\n   \n{PARA1}", TITLE),  # a line of spaces is blank too
    (f"{TITLE}\n{PARA1}\n\n{PARA2}", None),  # the first line runs on into the body
    (f"\n\n{PARA1}", None),  # the file starts with a blank line
    (f"{PARA1}\n", None),  # a one-line article has no title
    (PARA1, None),
])
def test_title_rule(text: str, title: str | None) -> None:
    assert title_of(text) == title


def test_text_extension_is_plain_text_even_when_it_looks_like_html(tmp_path: Path) -> None:
    text = f"<html>{PARA1}</html>"
    path = tmp_path / "note.text"
    path.write_text(text, encoding="utf-8")
    [doc] = read_path(str(path))
    assert isinstance(doc, Document)
    assert doc.text == text
