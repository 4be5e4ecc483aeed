"""RSS and Atom feeds: one article per item, as news agencies syndicate them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from rasid.document import Document
from rasid.errors import InputError
from rasid.io.dates import to_iso_date
from rasid.io.html import fragment_to_text

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The text is decoded already and handed over as UTF-8; the header says so, and for
# feedparser it outranks an encoding="windows-1256" the XML declaration may still carry.
_AS_UTF8 = {"content-type": "application/xml; charset=utf-8"}


def read(text: str, where: str) -> Iterator[Document | InputError]:
    """A Document per item that has text, an InputError naming `where#N` per item without."""
    # A stream, never a str: feedparser fetches a str that looks like a URL and opens one
    # that names a file.
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=_AS_UTF8)
    if not feed.entries:
        if feed.bozo:
            error = feed.bozo_exception
            reason = error.getMessage() if hasattr(error, "getMessage") else str(error)
            yield InputError(where, f"not a valid RSS or Atom feed ({reason})")
        else:
            yield InputError(where, "no items in the feed")
        return
    source = _text(feed.feed.get("title_detail"))
    for number, entry in enumerate(feed.entries, start=1):
        yield _item(entry, f"{where}#{number}", source)


def _item(entry: Any, where: str, source: str | None) -> Document | InputError:
    # Full content when the feed carries it, else the description or summary.
    details = [*entry.get("content", []), entry.get("summary_detail")]
    body = next((text for detail in details if (text := _text(detail))), None)
    if body is None:
        return InputError(where, "item has no text")
    doc = Document(text=body, id=entry.get("id") or "", title=_text(entry.get("title_detail")),
                   source=source, url=entry.get("link") or None, origin=where)
    # Atom often has only <updated>; for a news item that is the best date there is.
    stamp = entry.get("published") or entry.get("updated")
    if stamp:
        # Not feedparser's *_parsed: it is in UTC and guesses (a day 1 for "2021-10", and
        # November for "2021/10/27").
        doc.published = to_iso_date(stamp)
        if doc.published is None:
            doc.warnings.append(f"publication date not understood: {stamp!r}")
    return doc


def _text(detail: Any) -> str | None:
    """The text of a feedparser text construct, markup turned into lines and paragraphs."""
    value = (detail or {}).get("value", "")
    if not value.strip():
        return None
    if detail.get("type") in _HTML_TYPES:
        value = fragment_to_text(value)
    return value.strip() or None
