"""QUANTITY, MONEY and PERCENT mentions with their numeric values.

A number is digits of any script (folded to ASCII in the normalized view), with thousands
separators and decimals (1,000  ١٬٠٠٠  2.5  ٢٫٥), number words in all genders and cases (ثلاثة
آلاف وخمسمئة), or both (2.5 مليون). The word lists are data (rasid/data/timex/).

Conventions:
- `value` is an int when whole, else a float, and None for a vague count (عشرات، مئات، آلاف
  alone, بضعة): the text says "many", not how many, and a lower bound would read as a count.
- The counted noun belongs to the mention: "٥ آلاف جندي" (5000), "12 قتيلا", "عشرات الأسرى". It is
  the word right after the number, unless that word is listed in quantity_stopwords.txt, starts
  with the conjunction و or ف, is not Arabic, is another number, or, after an exact number,
  carries the article (a count takes an indefinite noun; a vague count takes a definite one).
- An approximation stays inside the mention: "نحو 600 طن", "أكثر من 80 شخصا", "30 تقريبا".
- MONEY is a number and a currency (currencies.txt): "2.5 مليون دولار" is 2500000. PERCENT is a
  number and a percent phrase or sign (percent.txt): "30 في المئة", "30%", "٪30" are 30.
- Not quantities: numbers inside dates, times and durations (the dates stage runs first: "عام
  2013", "48 ساعة"), labels (القرار 2254, رقم 3: number_labels.txt), ordinals with the article
  (الـ20), numbers glued to Latin letters, dashes or slashes (F-16, /2018/), a lone word that
  counts only before a noun (واحد من), and a bare four-digit 1900-2099 with nothing counted after
  it, which is as likely a year as a count.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from rasid.document import Document
from rasid.text.arabic import split_clitics
from rasid.text.normalize import Normalized, normalize
from rasid.timex.dates import YEARS, find_dates
from rasid.timex.lexicon import (
    ARTICLE,
    Phrases,
    approximations,
    cue_words,
    entries,
    with_proclitics,
    word_set,
)
from rasid.timex.scan import (
    Tokens,
    document_regions,
    number_value,
    numeral_heads,
    original_span,
    read_numeral,
    tokenize,
    worth_reading,
)

REQUIRES = ("text", "normalized", "sentences", "dates")
PROVIDES = ("quantities",)

PERCENT_SIGN = "%"
# Marks that, touching a number, make it part of a code or an address (F-16, /2018/, 10_2).
_CODE_MARKS = frozenset("/-_:.")


@dataclass(frozen=True, slots=True)
class NumberExpression:
    """A quantity, an amount of money or a percentage in a text: text[start:end]."""

    start: int
    end: int
    text: str
    type: str                      # QUANTITY, MONEY or PERCENT
    value: int | float | None


@dataclass(frozen=True)
class _Lexicon:
    percent: Phrases[str]
    currencies: Phrases[str]
    signs: frozenset[str]                  # % $ € £: may also stand before the number (٪30)
    stopwords: frozenset[str]
    labels: Mapping[str, tuple[int, str]]  # with proclitics (وأف 35)
    conjunctions: tuple[str, ...]
    proclitics: frozenset[str]             # what may be glued to a number before it: بـ300


@cache
def _lexicon() -> _Lexicon:
    currencies = entries("currencies.txt")
    return _Lexicon(
        percent=Phrases((p, p) for p in entries("percent.txt")),
        currencies=Phrases((c, c) for c in currencies),
        signs=frozenset(c for c in currencies if len(c) == 1 and not c.isalpha()) | {PERCENT_SIGN},
        stopwords=word_set(entries("quantity_stopwords.txt")),
        labels=with_proclitics(word_set(entries("number_labels.txt"))),
        conjunctions=tuple(cue_words("conjunction")),
        proclitics=cue_words("conjunction") | cue_words("preposition"),
    )


class _Reader:
    """Reads the numbers of one token list, left to right, skipping tokens held by dates."""

    def __init__(self, tokens: Tokens, blocked: list[bool]) -> None:
        self.tokens = tokens
        self.words = tokens.words
        self.blocked = blocked
        self.lex = _lexicon()
        self.floor = 0  # the first token no expression holds yet

    def read(self) -> list[tuple[int, int, str, int | float | None]]:
        """(normalized start, token after the last, type, value) of each expression."""
        found = []
        heads, signs = numeral_heads(), self.lex.signs
        i = 0
        while i < len(self.words):
            word = self.words[i]
            hit = None
            if not self.blocked[i] and (word[0].isdigit() or word in heads or word in signs):
                hit = self._expression(i)
            if hit is None:
                i += 1
            else:
                found.append(hit)
                i = self.floor = hit[1]
        return found

    def _expression(self, i: int) -> tuple[int, int, str, int | float | None] | None:
        tokens, words, lex = self.tokens, self.words, self.lex
        sign = words[i] if words[i] in lex.signs else None
        if sign is not None:  # ٪30, $5
            if not (tokens.glued(i + 1) and tokens.word(i + 1)[:1].isdigit()):
                return None
            numeral = read_numeral(tokens, i + 1)
        else:
            numeral = read_numeral(tokens, i)
        if numeral is None or not self._counts_here(numeral.first, numeral.end):
            return None
        end = numeral.end
        kind = "QUANTITY" if sign is None else ("PERCENT" if sign == PERCENT_SIGN else "MONEY")
        if sign is None and (percent := self._phrase_end(lex.percent, end)):
            kind, end = "PERCENT", percent
        elif sign is None and (currency := self._phrase_end(lex.currencies, end)):
            kind, end = "MONEY", currency
        elif sign is None and self._counted_noun(end, exact=numeral.value is not None):
            end += 1
        elif not numeral.complete or self._maybe_year(numeral.first, numeral.end):
            return None
        if after := approximations()[1].match(words, end):
            end = after[0]
        start = tokens.starts[i] if sign is not None else numeral.offset
        before = approximations()[0].match_before(words, i, self.floor)
        if before is not None and start == tokens.starts[i]:
            start = tokens.starts[before[0]]
        value = None if numeral.value is None else number_value(numeral.value)
        return start, end, kind, value

    def _counts_here(self, first: int, end: int) -> bool:
        """Whether a number at tokens first..end-1 is a count, not a label (القرار 2254), an
        ordinal (الـ20) or part of a code (F-16, 2012-2013, /2018/)."""
        tokens = self.tokens
        if any(self.blocked[first:end]):
            return False
        before = tokens.word(first - 1)
        glued_word = before.isalpha() and before not in self.lex.proclitics
        if tokens.glued(first) and (before in _CODE_MARKS or glued_word):
            return False  # الـ20, F-16, /2018/, فرانس24; but بـ300, (64, ٪30
        after = tokens.word(end)
        if tokens.glued(end) and (after in _CODE_MARKS - {"."} or _is_latin(after)):
            return False
        return before not in self.lex.labels

    def _maybe_year(self, first: int, end: int) -> bool:
        """A bare four-digit 1900-2099: as likely a year as a count, so neither."""
        word = self.words[first]
        return end - first == 1 and word.isdigit() and int(word) in YEARS

    def _phrase_end(self, phrases: Phrases[str], j: int) -> int | None:
        """The end of a percent or currency phrase at token j, if one is there and free."""
        hit = phrases.match(self.words, j)
        return hit[0] if hit is not None and not any(self.blocked[j:hit[0]]) else None

    def _counted_noun(self, j: int, *, exact: bool) -> bool:
        """Whether token j is what the number before it counts (see the module docstring)."""
        word = self.tokens.word(j)
        if len(word) < 2 or self.blocked[j] or not word.isalpha() or _is_latin(word):
            return False
        if word in self.lex.stopwords or word in numeral_heads():
            return False
        if exact and word.startswith(ARTICLE):
            return False
        return not split_clitics(word)[0].startswith(self.lex.conjunctions)


def _is_latin(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _blocked(tokens: Tokens, spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it overlaps one of `spans` (sorted by start)."""
    span_starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end so far
    blocked = []
    for start, end in zip(tokens.starts, tokens.ends, strict=True):
        k = bisect_right(span_starts, end - 1)  # spans that start before the token ends
        blocked.append(k > 0 and reach[k - 1] > start)
    return blocked


def _expressions(text: str, normalized: Normalized, regions: Iterable[tuple[int, int]],
                 avoid: Iterable[tuple[int, int]]) -> list[NumberExpression]:
    spans = sorted(normalized.to_normalized(start, end) for start, end in avoid)
    found = []
    heads = numeral_heads().keys()
    for region_start, region_end in regions:
        if not worth_reading(normalized.text, region_start, region_end, heads):
            continue
        tokens = tokenize(normalized.text, region_start, region_end)
        for start, end, kind, value in _Reader(tokens, _blocked(tokens, spans)).read():
            start, end = original_span(text, normalized, start, tokens.ends[end - 1])
            found.append(NumberExpression(start, end, text[start:end], kind, value))
    return found


def find_numbers(text: str, *, avoid: Iterable[tuple[int, int]] | None = None) -> list[NumberExpression]:
    """Quantities, amounts of money and percentages in `text`. Numbers inside the spans of
    `avoid` are left alone: by default the dates, times and durations of `find_dates`, so that
    "عام 2013" stays a date and "48 ساعة" a duration."""
    if avoid is None:
        avoid = [(found.start, found.end) for found in find_dates(text)]
    normalized = normalize(text)
    return _expressions(text, normalized, [(0, len(normalized.text))], avoid)


def run(doc: Document) -> Document:
    dates = [(m.start, m.end) for m in doc.mentions if m.type in ("DATE", "TIME")]
    for found in _expressions(doc.text, doc.normalized, document_regions(doc), dates):
        doc.add_mention(found.start, found.end, found.type, value=found.value)
    return doc
