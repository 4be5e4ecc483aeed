"""HTML pages: the article without the site around it, with its title, date and address."""

from pathlib import Path

import pytest

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import read_path
from rasid.io.html import fragment_to_text
from tests.io.samples import PARA1, PARA2, PARA3, TITLE

# Source line breaks and runs of spaces inside a paragraph are not part of the text.
SPREAD_PARA2 = PARA2.replace(" إن ", "  إن\n ")
MENU = "".join(f'<li><a href="/s{i}">قسم رقم {i} من أقسام الموقع</a></li>' for i in range(12))
PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{{charset}}">
<title>{TITLE} | موقع الأخبار</title>
<link rel="canonical" href="https://example.com/news/123">
<meta property="article:published_time" content="2021-10-27T10:00:00+03:00">
</head><body>
<header><ul>{MENU}</ul></header>
<article><h1>{TITLE}</h1>
<p>{PARA1}</p>
<p>{SPREAD_PARA2}<br>{PARA3}</p>
<ul><li>بند أول</li><li>بند ثان</li></ul>
</article>
<div class="comments"><p>تعليق من أحد القراء على الخبر</p></div>
<footer>جميع الحقوق محفوظة © 2019</footer>
<script>var tracker = "لا يظهر";</script>
</body></html>"""
EXPECTED = f"{TITLE}\n\n{PARA1}\n\n{PARA2}\n{PARA3}\n\nبند أول\nبند ثان"


def _read(tmp_path: Path, page: str, encoding: str = "utf-8", name: str = "page.html") -> list:
    path = tmp_path / name
    path.write_bytes(page.encode(encoding))
    return list(read_path(str(path)))


def test_main_text_title_date_and_url(tmp_path: Path) -> None:
    [doc] = _read(tmp_path, PAGE.format(charset="utf-8"))
    assert isinstance(doc, Document)
    assert doc.text == EXPECTED  # no menu, comments, footer or script
    assert doc.title == TITLE
    assert doc.published == "2021-10-27"
    assert doc.url == "https://example.com/news/123"
    assert doc.origin == str(tmp_path / "page.html")
    assert doc.lang == "ar"


@pytest.mark.parametrize("charset, encoding", [("windows-1256", "cp1256"), ("iso-8859-6", "iso8859_6")])
def test_legacy_arabic_charsets(tmp_path: Path, charset: str, encoding: str) -> None:
    page = PAGE.format(charset=charset).replace("©", "")  # not in ISO-8859-6
    [doc] = _read(tmp_path, page, encoding, name="page.htm")
    assert doc.text == EXPECTED
    assert doc.title == TITLE


def test_no_date_is_guessed_from_the_footer(tmp_path: Path) -> None:
    page = f"<html><head><title>{TITLE}</title></head><body><article><p>{PARA1}</p>" \
           f"<p>{PARA2}</p></article><footer>© 2019</footer></body></html>"
    [doc] = _read(tmp_path, page)
    assert doc.text == f"{PARA1}\n\n{PARA2}"
    assert (doc.title, doc.published, doc.url) == (TITLE, None, None)


def test_fragment_falls_back_to_the_visible_body(tmp_path: Path) -> None:
    [doc] = _read(tmp_path, f"<div>{PARA1}<br><br>{PARA2}</div><!-- تعليق مخفي -->")
    assert doc.text == f"{PARA1}\n\n{PARA2}"


def test_xhtml_with_an_encoding_declaration(tmp_path: Path) -> None:
    page = f'<?xml version="1.0" encoding="windows-1256"?>\n<html xmlns="http://www.w3.org/1999/xhtml">' \
           f"<head><title>{TITLE}</title></head><body><p>{PARA1}</p></body></html>"
    [doc] = _read(tmp_path, page, "cp1256")
    assert (doc.text, doc.title) == (PARA1, TITLE)


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    page = f"<html><head><title>{TITLE}</title></head><body><script>x()</script></body></html>"
    [error] = _read(tmp_path, page)
    assert isinstance(error, InputError)
    assert error.problem == "no article text found in the HTML"
    assert error.where == str(tmp_path / "page.html")


@pytest.mark.parametrize("markup, text", [
    ("<p>أ <b>ب</b> <i>ج</i></p>", "أ ب ج"),
    ("<p>أ\n   ب</p>\n\n<p>ج</p>", "أ ب\n\nج"),
    ("<p>أ<br></p><p>ب</p>", "أ\n\nب"),
    ("أ<br>ب<br><br><br>ج", "أ\nب\n\nج"),
    ("<ul><li>أ</li> <li>ب</li></ul>د", "أ\nب\n\nد"),
    ("<p>أ</p><style>p {}</style><script>x()</script><!-- ب --><p>ج</p>", "أ\n\nج"),
    ("<p>كلمة\u200cكلمة\u00a0أخرى</p>", "كلمة\u200cكلمة\u00a0أخرى"),  # ZWNJ and NBSP survive
    ("أ\x0bب", "أ ب"),  # a control character lxml would refuse
    ("<!-- تعليق -->", ""),
])
def test_fragment_to_text(markup: str, text: str) -> None:
    assert fragment_to_text(markup) == text


def test_arabic_survives_extraction_intact(tmp_path: Path) -> None:
    # Diacritics, shadda, tatweel, Arabic-Indic digits, guillemets, ZWNJ and RLM all come
    # through; only a no-break space becomes a plain one, as trafilatura trims whitespace.
    marked = "قال المتحدثُ إنَّ «الاجتماعَ» سيُعقدُ يومَ ٢٨ أكتوبر\u00a0الساعة ١٠، في مقرّ " \
             "الوزارة\u200cالجديد \u200fوسط العاصمـــة."
    page = f"<html><head><title>{TITLE}</title></head><body><article><p>{marked}</p>" \
           f"<p>{PARA1}</p></article></body></html>"
    [doc] = _read(tmp_path, page)
    assert doc.text == f"{marked.replace(chr(0xA0), ' ')}\n\n{PARA1}"
