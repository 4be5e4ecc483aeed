"""The normalized view of a text: folded for matching, with a map back to the original.

The original text is never changed. `normalize` folds it character by character (the rules are
data: rasid/data/fold.tsv) and records only the characters that did not fold to exactly one
character (deleted marks and controls, expanded ligatures), so a match found in the normalized
text maps back to the original span, diacritics and all, with a couple of binary searches.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from rasid.document import Document
from rasid.resources import data_path

REQUIRES = ("text",)
PROVIDES = ("normalized",)

PRESENTATION_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFD))
# A list indexed by code point translates about twice as fast as a dict; characters beyond it
# raise IndexError, which str.translate takes as "unchanged".
_TABLE_SIZE = 0x10000
_IDENTITY = list(range(_TABLE_SIZE))


@dataclass(frozen=True)
class Normalized:
    """A folded text, plus where each original character that did not fold to exactly one
    character sits: its original position and the span of normalized text it produced.

    Every other character maps one to one, so positions in between follow by arithmetic.
    """

    text: str
    irregular_at: tuple[int, ...] = field(default=(), repr=False)
    output_start: tuple[int, ...] = field(default=(), repr=False)
    output_end: tuple[int, ...] = field(default=(), repr=False)

    def _normalized_position(self, original: int) -> int:
        """Where the output of original character `original` starts (or the end of the text)."""
        before = bisect_left(self.irregular_at, original)
        if not before:
            return original
        return self.output_end[before - 1] + original - self.irregular_at[before - 1] - 1

    def _original_position(self, position: int) -> int:
        """The original character that produced normalized character `position`."""
        done = bisect_right(self.output_end, position)
        if done < len(self.output_start) and self.output_start[done] <= position:
            return self.irregular_at[done]  # inside the expansion of one character
        if not done:
            return position
        return self.irregular_at[done - 1] + 1 + position - self.output_end[done - 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The smallest original span that produced normalized characters start..end-1.

        Characters deleted inside the span are included, those at its edges are not; an empty
        span maps to an empty span just before the original of normalized character `start`.
        """
        first = self._original_position(start)
        if end <= start:
            return first, first
        return first, self._original_position(end - 1) + 1

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """The normalized span produced by original characters start..end-1."""
        return self._normalized_position(start), self._normalized_position(end)


def _code_points(spec: str) -> range:
    first, _, last = spec.partition("..")
    return range(int(first[2:], 16), int((last or first)[2:], 16) + 1)


@cache
def _rules() -> tuple[tuple[range, str, str], ...]:
    """(code points, what they become, option) from fold.tsv; "" deletes."""
    rules = []
    for line in data_path("fold.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, target, when = line.split("\t")[:3]
        points = _code_points(source)
        if target == "digits":
            for point, digit in zip(points, "0123456789", strict=True):
                rules.append((range(point, point + 1), digit, when))
        else:
            replacement = "" if target == "-" else "".join(chr(int(t[2:], 16)) for t in target.split())
            rules.append((points, replacement, when))
    return tuple(rules)


@cache
def _table(ta_marbuta: bool, hamza: bool) -> list[int | str]:
    """The translate table for one choice of options."""
    enabled = {"always", "ta_marbuta"} if ta_marbuta else {"always"}
    if hamza:
        enabled.add("hamza")
    table: list[int | str] = _IDENTITY.copy()
    for points, replacement, when in _rules():
        if when in enabled:
            for point in points:
                table[point] = replacement
    for forms in PRESENTATION_FORMS:
        for point in forms:
            char = chr(point)
            compatible = unicodedata.normalize("NFKC", char)
            if compatible != char:
                # Isolated harakat forms decompose to a space + mark: they fold to nothing.
                table[point] = "".join(_fold_char(table, c) for c in compatible).strip(" ")
    return table


def _fold_char(table: list[int | str], char: str) -> str:
    value = table[ord(char)]
    return chr(value) if isinstance(value, int) else value


@cache
def _irregular_lengths() -> dict[str, int]:
    """Characters that do not fold to exactly one character, and how many they fold to.

    The options only swap one letter for another, so this is the same for every table.
    """
    table = _table(False, False)
    return {chr(point): len(value) for point, value in enumerate(table)
            if isinstance(value, str) and len(value) != 1}


@cache
def _irregular_pattern() -> re.Pattern[str]:
    chars = "".join(re.escape(c) for c in sorted(_irregular_lengths()))
    return re.compile(f"[{chars}]")


def fold(text: str, *, ta_marbuta: bool = False, hamza: bool = False) -> str:
    """The normalized string alone, for dictionary keys and comparisons."""
    return text.translate(_table(ta_marbuta, hamza))


def normalize(text: str, *, ta_marbuta: bool = False, hamza: bool = False) -> Normalized:
    """Fold `text` (diacritics, tatweel, letter variants, digits, spaces, controls, punctuation,
    presentation forms) and keep the map back to it."""
    lengths = _irregular_lengths()
    irregular_at: list[int] = []
    output_start: list[int] = []
    output_end: list[int] = []
    shift = 0  # normalized position minus original position, so far
    for match in _irregular_pattern().finditer(text):
        at = match.start()
        length = lengths[match.group()]
        irregular_at.append(at)
        output_start.append(at + shift)
        output_end.append(at + shift + length)
        shift += length - 1
    return Normalized(fold(text, ta_marbuta=ta_marbuta, hamza=hamza),
                      tuple(irregular_at), tuple(output_start), tuple(output_end))


def run(doc: Document) -> Document:
    doc.normalized = normalize(doc.text)
    return doc
