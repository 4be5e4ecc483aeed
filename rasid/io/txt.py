"""Plain-text articles: the file is the article, exactly as written."""

from __future__ import annotations

from collections.abc import Iterator

from rasid.document import Document
from rasid.errors import InputError


def read(text: str, where: str) -> Iterator[Document | InputError]:
    """One Document holding the whole text; nothing is stripped, so offsets match the file."""
    yield Document(text=text, title=title_of(text), origin=where)


def title_of(text: str) -> str | None:
    """The first line when a blank line follows it, the usual headline layout; else None.

    A first line that runs straight into the next one is the start of the body, not a title.
    """
    lines = text.split("\n", 2)
    # Three parts: a line, the blank one, and what follows; "text\n" alone has no blank line.
    if len(lines) < 3 or lines[1].strip():
        return None
    return lines[0].strip() or None
