"""RSS and Atom: one Document per item, items without text reported by number."""

from pathlib import Path

from rasid.document import Document
from rasid.errors import InputError
from rasid.io import read_path
from tests.io.samples import PARA1, PARA2, PARA3, TITLE

RSS = f"""<?xml version="1.0" encoding="{{encoding}}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة الأنباء</title><link>https://example.com</link>
<item><title>{TITLE}</title><link>https://example.com/1</link><guid>urn:item:1</guid>
<pubDate>Wed, 27 Oct 2021 01:15:00 +0300</pubDate>
<description>&lt;p&gt;{PARA1}&lt;/p&gt;&lt;p&gt;{PARA2}&lt;/p&gt;</description></item>
<item><title>خبر ثان</title><link>https://example.com/2</link>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>{PARA2}</p><p>{PARA3}<br>سطر أخير</p><script>x()</script>]]>
</content:encoded></item>
<item><title>خبر بلا نص</title><link>https://example.com/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع الأخبار</title>
<entry><title>{TITLE}</title><link href="https://example.com/a"/><id>urn:entry:a</id>
<published>2021-10-27T10:00:00+03:00</published><updated>2021-10-28T10:00:00Z</updated>
<content type="html">&lt;p&gt;{PARA1}&lt;/p&gt;</content></entry>
<entry><title>ملخص</title><updated>2021-10-28T10:00:00Z</updated><summary>{PARA3}</summary></entry>
</feed>"""


def _read(tmp_path: Path, data: bytes, name: str) -> tuple[str, list]:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path), list(read_path(str(path)))


def test_rss_items(tmp_path: Path) -> None:
    path, items = _read(tmp_path, RSS.format(encoding="utf-8").encode("utf-8"), "news.rss")
    first, second, third = items
    assert isinstance(first, Document)
    assert first.text == f"{PARA1}\n\n{PARA2}"
    assert (first.title, first.url, first.id, first.source) == (
        TITLE, "https://example.com/1", "urn:item:1", "وكالة الأنباء")
    assert first.published == "2021-10-27"  # the agency's day, though it was still the 26th in UTC
    assert first.origin == f"{path}#1"
    assert isinstance(second, Document)
    assert second.text == f"{PARA2}\n\n{PARA3}\nسطر أخير"  # full content preferred over the summary
    assert (second.published, second.origin) == (None, f"{path}#2")
    assert isinstance(third, InputError)
    assert str(third) == f"{path}#3: item has no text"


def test_rss_in_windows_1256(tmp_path: Path) -> None:
    _, items = _read(tmp_path, RSS.format(encoding="windows-1256").encode("cp1256"), "news.xml")
    assert [item.title for item in items if isinstance(item, Document)] == [TITLE, "خبر ثان"]
    assert items[0].text == f"{PARA1}\n\n{PARA2}"
    assert items[0].source == "وكالة الأنباء"


def test_atom_entries(tmp_path: Path) -> None:
    path, [first, second] = _read(tmp_path, ATOM.encode("utf-8"), "news.atom")
    assert (first.text, first.title, first.url, first.id, first.published, first.source) == (
        PARA1, TITLE, "https://example.com/a", "urn:entry:a", "2021-10-27", "موقع الأخبار")
    assert (second.text, second.title, second.published, second.url) == (
        PARA3, "ملخص", "2021-10-28", None)
    assert second.origin == f"{path}#2"


def test_feed_without_items(tmp_path: Path) -> None:
    path, [error] = _read(tmp_path, b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
                          "empty.xml")
    assert (error.where, error.problem) == (path, "no items in the feed")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path, [error] = _read(tmp_path, f"{PARA1} <<".encode(), "broken.xml")
    assert error.where == path
    assert error.problem.startswith("not a valid RSS or Atom feed (")


def test_unreadable_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    rss = f"<rss><channel><item><pubDate>2021/10/27 10:00</pubDate><description>{PARA1}</description>" \
          "</item></channel></rss>"
    _, [doc] = _read(tmp_path, rss.encode("utf-8"), "news.rss")
    assert (doc.text, doc.published, doc.source, doc.title) == (PARA1, None, None, None)
    assert doc.warnings == ["publication date not understood: '2021/10/27 10:00'"]
