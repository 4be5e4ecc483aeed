"""HTML pages: the article's main text and metadata, without menus, footers and comments.

trafilatura finds the article; `html_to_text` turns its result (or, when it finds nothing,
the whole visible <body>) into text with one paragraph per block and blank lines between,
the layout the segmenter reads paragraphs from. Nothing here touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import DEFAULT_CONFIG, set_date_params

from rasid.document import Document
from rasid.errors import InputError

# trafilatura falls back to a crude whole-page dump when the article it found is shorter than
# MIN_EXTRACTED_SIZE (250 characters by default); short news briefs then come back merged into
# one paragraph with the site's menus. 50 keeps the rescue for near-empty results only.
_CONFIG = deepcopy(DEFAULT_CONFIG)
_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "50"
# No extensive search: it guesses dates from free text such as a footer's "© 2019".
_DATE_PARAMS = set_date_params(extensive=False)

# Block elements of HTML and of trafilatura's output XML (head, list, item, quote, lb, ...).
_PARAGRAPH_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "code", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hr", "list", "main", "nav", "ol", "p", "pre", "quote", "section", "table", "ul",
})
_LINE_TAGS = frozenset({"cell", "dd", "dt", "item", "li", "row", "td", "th", "tr"})
_BREAK_TAGS = frozenset({"br", "lb"})
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# C0 controls other than tab and newlines: invisible, invalid in HTML, and refused by lxml.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Separators between pieces of text; a break adds up (two <br> make a paragraph), the others
# take the larger of what is pending.
_BREAK, _LINE, _PARAGRAPH = -1, 1, 2


def read(text: str, where: str) -> Iterator[Document | InputError]:
    """One Document with the page's main text, title, date and canonical URL."""
    # The text is already decoded; a leftover encoding declaration only confuses lxml.
    page = _XML_DECLARATION.sub("", text, count=1)
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS, config=_CONFIG,
    )
    article = html_to_text(found.body) if found is not None and found.body is not None else ""
    if not article:
        article, found = _visible_body(page)
    if not article:
        yield InputError(where, "no article text found in the HTML")
        return
    yield Document(text=article, title=found.title, published=found.date, url=found.url, origin=where)


def _visible_body(page: str) -> tuple[str, trafilatura.settings.Document]:
    """All visible text of <body>, for pages whose layout trafilatura cannot read."""
    try:
        tree = lxml.html.document_fromstring(page)
    except etree.ParserError:  # nothing but comments or bare markup
        tree = lxml.html.document_fromstring("<html></html>")
    body = tree.find(".//body")
    text = html_to_text(body) if body is not None else ""
    return text, trafilatura.extract_metadata(tree, date_config=_DATE_PARAMS)


def fragment_to_text(markup: str) -> str:
    """The text of an HTML fragment, such as a feed item's content."""
    return html_to_text(lxml.html.fragment_fromstring(_CONTROL.sub(" ", markup), create_parent="div"))


def html_to_text(root: etree._Element) -> str:
    """The visible text under `root`: a blank line between blocks, a line break per <br> or item.

    Whitespace inside a block collapses as a browser shows it; two <br> in a row make a
    paragraph break, since older Arabic sites separate their paragraphs that way.
    """
    parts: list[str | int] = []
    _walk(root, parts)
    out: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, int):
            pending = min(_PARAGRAPH, pending + 1) if part == _BREAK else max(pending, part)
            continue
        text = _HTML_SPACE.sub(" ", part)
        if not text.strip():
            if not pending:  # a space between inline elements; between blocks it means nothing
                out.append(text)
            continue
        if pending:
            out.append("\n" * pending)
            pending = 0
        out.append(text)
    lines = "".join(out).split("\n")
    return "\n".join(re.sub(" {2,}", " ", line).strip() for line in lines).strip()


def _walk(element: etree._Element, parts: list[str | int]) -> None:
    """Flatten `element`'s content (not its tail) into text pieces and separators."""
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else None  # None: a comment or PI
        if tag is not None and tag not in _INVISIBLE_TAGS:
            if tag in _BREAK_TAGS:
                parts.append(_BREAK)
            level = _PARAGRAPH if tag in _PARAGRAPH_TAGS else _LINE if tag in _LINE_TAGS else 0
            if level:
                parts.append(level)
            _walk(child, parts)
            if level:
                parts.append(level)
        if child.tail:
            parts.append(child.tail)
