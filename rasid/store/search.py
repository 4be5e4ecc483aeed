"""Full-text search over the stored sentences, in Arabic.

SQLite's FTS5 tokenizer splits words at diacritics and treats أ/ا/إ as different letters, so the
index holds folded text (no diacritics or tatweel, one alef, ى→ي) and every query is folded the
same way: كَتَبَ finds كتب, أحمد finds احمد. A second indexed column holds each word without its
clitics, and every query word also matches there by its own stem: المدينة finds وبالمدينة.
"""

from __future__ import annotations

import re

from rasid.text.arabic import strip_clitics
from rasid.text.normalize import fold

_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"\w+")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _word_query(word: str) -> str:
    return f"({_quoted(word)} OR stems:{_quoted(strip_clitics(word))})"


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query: every word must appear (AND); "…" is a phrase.

    Returns None when the query has no word to look for.
    """
    folded = fold(query)
    parts = [f"norm:{_quoted(' '.join(_WORD.findall(p)))}" for p in _PHRASE.findall(folded)
             if _WORD.search(p)]
    rest = _PHRASE.sub(" ", folded)
    parts += [_word_query(w) for w in _WORD.findall(rest)]
    return " AND ".join(parts) if parts else None
