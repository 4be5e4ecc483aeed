"""The timex word lists (rasid/data/timex/) as lookup tables over the normalized view.

Every entry is folded the way `rasid.text.normalize` folds the text, so one entry covers its
alef, ya and diacritic spellings; a final ة is also entered as ه (سنه, ثلاثه), a spelling the
normalized view keeps apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Generic, TypeVar

from rasid.resources import data_path
from rasid.text.normalize import fold

T = TypeVar("T")

ARTICLE = "ال"
# A preposition joins only a word this long, so that لست ("I am not") is never ل + ست ("six").
MIN_WORD_AFTER_PREPOSITION = 3


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of rasid/data/timex/NAME; blank lines and # comments skipped."""
    lines = data_path(f"timex/{name}").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def entries(name: str) -> list[str]:
    """The first column of rasid/data/timex/NAME."""
    return [row[0] for row in rows(name)]


def spellings(phrase: str) -> set[tuple[str, ...]]:
    """The word sequences a phrase matches in the normalized view."""
    options = [(word, word[:-1] + "ه") if word.endswith("ة") else (word,)
               for word in fold(phrase).split()]
    return set(itertools.product(*options))


def word_set(phrases: Iterable[str]) -> frozenset[str]:
    """One-word entries in all their spellings."""
    return frozenset(words[0] for phrase in phrases for words in spellings(phrase))


class Phrases(Generic[T]):
    """Phrases with a payload each, matched on a token list, longest first."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        by_last: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, payload in items:
            for words in spellings(phrase):
                by_first.setdefault(words[0], []).append((words[1:], payload))
                by_last.setdefault(words[-1], []).append((words[:-1], payload))
        self._by_first = {w: sorted(found, key=lambda o: -len(o[0])) for w, found in by_first.items()}
        self._by_last = {w: sorted(found, key=lambda o: -len(o[0])) for w, found in by_last.items()}

    @property
    def first_words(self) -> frozenset[str]:
        return frozenset(self._by_first)

    def match(self, words: Sequence[str], i: int, first: str | None = None) -> tuple[int, T] | None:
        """(end, payload) of the longest phrase at words[i:]; `first` stands in for words[i]
        (the word without its proclitic)."""
        if i >= len(words):
            return None
        for rest, payload in self._by_first.get(words[i] if first is None else first, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1:end]) == rest:
                return end, payload
        return None

    def match_before(self, words: Sequence[str], end: int, floor: int) -> tuple[int, T] | None:
        """(start, payload) of the longest phrase ending just before words[end], not reaching
        back past `floor`."""
        if end <= floor:
            return None
        for rest, payload in self._by_last.get(words[end - 1], ()):
            start = end - 1 - len(rest)
            if start >= floor and tuple(words[start:end - 1]) == rest:
                return start, payload
        return None


@cache
def cues() -> dict[str, Phrases[str]]:
    """cues.tsv: role -> its phrases (the payload is the role)."""
    by_role: dict[str, list[str]] = {}
    for role, phrase in rows("cues.tsv"):
        by_role.setdefault(role, []).append(phrase)
    return {role: Phrases((p, role) for p in phrases) for role, phrases in by_role.items()}


@cache
def cue_words(role: str) -> frozenset[str]:
    """The one-word cues of a role (cues.tsv), in all their spellings."""
    return word_set(p for r, p in rows("cues.tsv") if r == role and " " not in p)


@cache
def _proclitics() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(conjunctions, prepositions with any conjunction before them), in a fixed order."""
    return tuple(sorted(cue_words("conjunction"))), tuple(sorted(cue_words("preposition")))


def with_proclitics(words: Iterable[str], *, prepositions: bool = False) -> dict[str, tuple[int, str]]:
    """Each word, and each spelling of it with a proclitic that may join it -> (proclitic
    length, the word). A conjunction joins any word; a preposition joins a word with the article
    (بالأمس) and, with `prepositions`, any other word (لسبع سنوات). ل before the article drops its
    alef (للعام), so no clean cut is left: such a word is taken whole."""
    conjunctions, preps = _proclitics()
    table: dict[str, tuple[int, str]] = {}
    words = list(words)
    for word in words:
        table[word] = (0, word)
    for word in words:
        joined = [*conjunctions]
        if (prepositions or word.startswith(ARTICLE)) and len(word) >= MIN_WORD_AFTER_PREPOSITION:
            joined += preps
        for proclitic in joined:
            table.setdefault(proclitic + word, (len(proclitic), word))
        if word.startswith(ARTICLE):
            for conjunction in ("", *conjunctions):
                table.setdefault(conjunction + "ل" + word[1:], (len(conjunction), word))
    return table


@cache
def approximations() -> tuple[Phrases[str], Phrases[str]]:
    """(before, after): the words that make a number approximate, by where they stand."""
    table = rows("approximations.tsv")
    return (Phrases((p, p) for p, position in table if position == "before"),
            Phrases((p, p) for p, position in table if position == "after"))
