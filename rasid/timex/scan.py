"""What both timex stages stand on: tokens of the normalized view, the stretches of a document to
read, spans mapped back to the original text, and numerals (ثلاثة آلاف، 2.5 مليون، خمسة وعشرون).

Rules run on the normalized view, where Arabic-Indic digits are ASCII, ٫ and ٬ are . and ,, and
alef/ya variants and diacritics are folded, so one rule covers every spelling.
"""

from __future__ import annotations

import re
from collections.abc import KeysView
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rasid.document import Document
from rasid.text.arabic import WORD_MARK_RE
from rasid.text.normalize import Normalized
from rasid.timex.lexicon import Phrases, rows, with_proclitics

_TOKEN = re.compile(
    r"\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{1,4}(?!\d)"  # a numeric date: 27/10/2021, 2021-10-27
    r"|\d{1,2}:\d{2}(?![\d:])"                            # a clock time: 10:30
    r"|\d+(?:[.,]\d+)*"                                   # a number: 1,000  2.5
    r"|[^\W\d_]+"                                         # a word
    r"|\S"                                                # a mark
)
_DIGIT_GROUPS = re.compile(r"[.,]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
CONJUNCTION = "و"
# Kinds of number word (numbers.tsv) that make up the part of a number below a scale word.
_GROUP_KINDS = ("unit", "teen", "ten", "hundred", "digits")
_SCALE_KINDS = ("scale", "scales", "dual")
# Inside the part below a scale, و joins tens to units and anything to hundreds (مئة وخمسة وعشرون).
_JOINED_IN_GROUP = frozenset({("unit", "ten"), ("hundred", "unit"), ("hundred", "teen"), ("hundred", "ten")})


@dataclass(slots=True)
class Tokens:
    """The tokens of one stretch of the normalized text: words, numbers and single marks, with
    where each starts and ends in that text."""

    starts: list[int]
    ends: list[int]
    words: list[str]

    def word(self, i: int) -> str:
        """Token i, or "" beyond either end, so that rules can look around without checks."""
        return self.words[i] if 0 <= i < len(self.words) else ""

    def glued(self, i: int) -> bool:
        """Whether token i touches the token before it (و2013, ال20, 30%)."""
        return 0 < i < len(self.words) and self.starts[i] == self.ends[i - 1]


def tokenize(text: str, start: int, end: int) -> Tokens:
    """Tokens of text[start:end] (a normalized text)."""
    starts, ends, words = [], [], []
    for match in _TOKEN.finditer(text, start, end):
        starts.append(match.start())
        ends.append(match.end())
        words.append(match.group())
    return Tokens(starts, ends, words)


def worth_reading(text: str, start: int, end: int, heads: KeysView[str]) -> bool:
    """Whether text[start:end] holds a digit or one of the words `heads` that may start an
    expression. Most sentences hold neither, and this costs a fraction of tokenizing them."""
    return _DIGIT.search(text, start, end) is not None or not heads.isdisjoint(
        _LETTER_RUN.findall(text, start, end))


def document_regions(doc: Document) -> list[tuple[int, int]]:
    """Normalized spans of the sentences to read: a repeated paragraph (a caption printed twice)
    is read once, where it first appears."""
    repeated = {i for i, para in enumerate(doc.paragraphs) if para.duplicate_of is not None}
    return [doc.normalized.to_normalized(s.start, s.end)
            for s in doc.sentences if s.paragraph not in repeated]


def original_span(text: str, normalized: Normalized, start: int, end: int) -> tuple[int, int]:
    """The original span of normalized[start:end], taking in the marks that end its last word
    (a final tanwin or shadda is deleted in the normalized view)."""
    start, end = normalized.to_original(start, end)
    while end < len(text) and WORD_MARK_RE.match(text, end):
        end += 1
    return start, end


# -- numerals

@dataclass(frozen=True, slots=True)
class NumberWord:
    value: Decimal | None
    kind: str
    alone: bool


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number written in digits, words or both, over tokens first..end-1."""

    first: int
    end: int
    offset: int               # where it starts in the normalized text, after any proclitic
    value: Decimal | None     # None for a vague count: عشرات، آلاف، بضعة
    complete: bool            # False for a lone word that counts only before a noun (واحد، عدة)


@cache
def number_words() -> Phrases[NumberWord]:
    return Phrases((word, NumberWord(None if value == "-" else Decimal(value), kind, alone == "yes"))
                   for word, value, kind, alone in rows("numbers.tsv"))


@cache
def numeral_heads() -> dict[str, tuple[int, str]]:
    """First words of numbers, also with a proclitic (وثلاثة، لسبع، بمئة)."""
    return with_proclitics(number_words().first_words, prepositions=True)


def digits_value(token: str, *, scale_follows: bool = False) -> Decimal | None:
    """The number a digit token writes. Marks between groups of three digits group thousands
    (1,000  1.000.000  5.432 حالة); a lone mark is the decimal point before anything but three
    digits (2.5, 2,5), and a lone dot is one before a scale word too (1.250 مليون); with both
    kinds of mark the last is the decimal point (1,000.5). Anything else (1,2,3) is no number."""
    if token.isdigit():
        return Decimal(token)
    if not _NUMBER.fullmatch(token):
        return None  # a clock time or a numeric date
    groups = _DIGIT_GROUPS.split(token)
    marks = [c for c in token if c in ".,"]
    lone_decimal = len(marks) == 1 and (len(groups[1]) != 3 or len(groups[0]) > 3
                                        or (marks[0] == "." and scale_follows))
    if lone_decimal or len(set(marks)) == 2:
        whole, fraction, grouping = groups[:-1], groups[-1], marks[:-1]
    else:
        whole, fraction, grouping = groups, "", marks
    misgrouped = any(len(g) != 3 for g in whole[1:]) or (len(whole) > 1 and len(whole[0]) > 3)
    if misgrouped or len(set(grouping)) > 1:
        return None
    return Decimal("".join(whole) + ("." + fraction if fraction else ""))


class _Reading:
    """A number read word by word, in the Arabic order: scales first, then hundreds, units before
    tens (ثلاثة آلاف وخمسمئة وخمسة وعشرون = 3525)."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.group: Decimal | None = None     # the part below the last scale word, so far
        self.scale: Decimal | None = None     # the last scale word's value
        self.fraction: Decimal | None = None  # نصف waiting for its scale
        self.last = ""
        self.vague = False

    def take(self, kind: str, value: Decimal | None, joined: bool) -> bool:
        """Add one number word (or digit token) if it can follow what came before; `joined`:
        it carries the conjunction و."""
        after = self._after(kind, value, joined) if self.last else self._start(kind, value)
        if after is None:
            return False
        self.last = after
        return True

    def _start(self, kind: str, value: Decimal | None) -> str:
        if kind in _GROUP_KINDS:
            self.group = value
        elif kind == "scale":
            self.total = self.scale = value
        elif kind == "dual":
            self.total, self.scale = value, value / 2
        elif kind == "fraction":
            self.fraction = value
        else:  # a vague count, or a plural scale alone: آلاف
            self.vague = True
            return "vague"
        return kind

    def _after(self, kind: str, value: Decimal | None, joined: bool) -> str | None:
        """Apply one more word; the kind to remember, or None when it cannot follow."""
        last = self.last
        if last == "vague":
            return "vague" if kind in ("scale", "scales") and not joined else None
        if last == "fraction":  # نصف waiting for its scale: نصف مليون
            if kind != "scale" or joined:
                return None
            self.total += self.fraction * value
            self.fraction, self.scale = None, value
            return "scale"
        if not joined:
            if kind in ("scale", "scales") and last in _GROUP_KINDS:
                self.total += self.group * value
                self.group, self.scale = None, value
                return "scale"
            if kind == "hundred" and last == "unit" and value == 100 and self.group < 10:
                self.group *= value  # ثلاث مئة
                return "hundred"
            return None
        if last in _SCALE_KINDS:
            if kind == "fraction":  # مليون ونصف
                self.total += value * self.scale
                return "done"
            if kind in _GROUP_KINDS:
                self.group = value
                return kind
            return None
        if (last, kind) in _JOINED_IN_GROUP:
            self.group += value
            return kind
        return None

    @property
    def value(self) -> Decimal | None:
        return None if self.vague else self.total + (self.group or 0)


def read_numeral(tokens: Tokens, i: int) -> Numeral | None:
    """The number that starts at token i, if one does."""
    words = tokens.words
    reading = _Reading()
    if words[i][0].isdigit():
        after = number_words().match(words, i + 1)
        value = digits_value(words[i], scale_follows=after is not None and after[1].kind in _SCALE_KINDS)
        if value is None:
            return None
        reading.take("digits", value, False)
        prefix, end, alone = 0, i + 1, True
    else:
        head = numeral_heads().get(words[i])
        hit = head and number_words().match(words, i, head[1])
        if not hit:
            return None
        prefix, (end, entry) = head[0], hit
        reading.take(entry.kind, entry.value, False)
        alone = entry.alone
    parts = 1
    while end < len(words):
        step = _next_part(tokens, end)
        if step is None or not reading.take(step[1], step[2], step[3]):
            break
        end, parts = step[0], parts + 1
    if reading.fraction is not None:
        return None
    return Numeral(i, end, tokens.starts[i] + prefix, reading.value, alone or parts > 1)


def _next_part(tokens: Tokens, j: int) -> tuple[int, str, Decimal | None, bool] | None:
    """(end, kind, value, joined) of the number word or digits at token j, if any."""
    words = tokens.words
    word = words[j]
    if word == CONJUNCTION and tokens.glued(j + 1) and tokens.word(j + 1)[:1].isdigit():
        value = digits_value(words[j + 1])
        return None if value is None else (j + 2, "digits", value, True)
    joined = word.startswith(CONJUNCTION) and len(word) > 1
    hit = number_words().match(words, j, word[1:]) if joined else None
    if hit is None:
        joined = False
        hit = number_words().match(words, j)
    if hit is None:
        return None
    end, entry = hit
    return end, entry.kind, entry.value, joined


def number_value(value: Decimal) -> int | float:
    """A mention value: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)
