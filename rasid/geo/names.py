"""Where the gazetteer's names occur in a sentence: the matching that the place stage
(`rasid.geo.resolve`) and the NER stage (snapping place spans to names) share, kept apart from
both so that neither stage imports the other.

One left-to-right pass over a sentence's words finds, at every position, the longest gazetteer
name; the first word may carry a conjunction or preposition (وفي غاو، بالموصل), which the match
leaves out. Each match also records its context: the cue word before it ("مدينة الباب") and the
country named right after it ("الأبيض في السودان").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.actors.dictionary import alias_key
from rasid.document import Token
from rasid.geo.gazetteer import Gazetteer, Place

_TANWIN = re.compile("[\u064b-\u064d]")

_MARKS = "[\u064b-\u0652\u0670\u0640]*"
_CONJUNCTION = re.compile(f"[وف]{_MARKS}")
_PREPOSITION = re.compile(f"[بل]{_MARKS}")
_QUOTES = frozenset("«»\"“”„'‘’")
_HYPHENS = frozenset("-‐")
_WORD = re.compile(r"\w")
# Words that may stand between a place and the country it is in: "غاو في مالي", "شمال مالي".
_BEFORE_COUNTRY = frozenset(alias_key(w) for w in (
    "في", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"))


@dataclass(slots=True)
class PlaceMatch:
    """A gazetteer name found in a sentence: its tokens, its text span, the places it may be, and
    its context."""

    first: int           # index of its first token in the sentence
    last: int            # index of its last token
    words: int
    start: int           # text offsets, the clitic left out
    end: int
    key: str
    places: list[Place]
    cue: tuple[str, ...] | None = None  # the kinds the cue before it prefers; None: no cue
    after: str | None = None            # the country named right after it


_WORD_TOKEN, _QUOTE, _HYPHEN, _OTHER = range(4)


@lru_cache(maxsize=1 << 16)
def _readings(text: str) -> tuple[int, str, tuple[tuple[str, int], ...]]:
    """What a token is (a word, a quote, a hyphen, other punctuation), its key, and its readings
    as the first word of a name: the word itself, then without a conjunction and/or preposition
    (وبغاو → غاو; بالموصل → الموصل). For ل + article with the alef dropped (للموصل) the key is
    الموصل but the span keeps the whole word."""
    if not _WORD.search(text):
        return (_QUOTE if text in _QUOTES else _HYPHEN if text in _HYPHENS else _OTHER), "", ()
    prefixes = Gazetteer.load().prefixes
    key = alias_key(text)
    if _TANWIN.search(text):
        return _WORD_TOKEN, key, ()  # an indefinite noun or adverb (دوماً), never a place name
    starts = [(key, 0)] if key in prefixes else []
    cut = 0
    if conjunction := _CONJUNCTION.match(text):
        cut = conjunction.end()
        _add_reading(starts, text, cut, cut, prefixes)
    if preposition := _PREPOSITION.match(text, cut):
        rest = text[preposition.end():]
        _add_reading(starts, text, preposition.end(), preposition.end(), prefixes)
        if text[cut] == "ل" and rest.startswith("ل"):
            _add_reading(starts, "ا" + rest, 0, cut, prefixes)
    return _WORD_TOKEN, key, tuple(starts)


def _add_reading(starts: list[tuple[str, int]], text: str, cut: int, offset: int,
                 prefixes: frozenset[str]) -> None:
    key = alias_key(text[cut:])
    if len(key) >= 3 and key in prefixes and all(k != key for k, _ in starts):
        starts.append((key, offset))


@lru_cache(maxsize=4096)
def _cue_kinds(text: str) -> tuple[str, ...] | None:
    """What a word announces when it is a cue (بمدينة → city), else None."""
    gazetteer = Gazetteer.load()
    kinds = gazetteer.cue(alias_key(text))
    cut = 0
    if kinds is None and (conjunction := _CONJUNCTION.match(text)):
        cut = conjunction.end()
        kinds = gazetteer.cue(alias_key(text[cut:]))
    if kinds is None and (preposition := _PREPOSITION.match(text, cut)):
        kinds = gazetteer.cue(alias_key(text[preposition.end():]))
    return kinds


@dataclass(slots=True)
class Sentence:
    """A sentence's tokens and what each is (see `_readings`); words are found on demand, since
    only about one word in ten can begin a name."""

    tokens: list[Token]
    infos: list[tuple[int, str, tuple[tuple[str, int], ...]]]

    @classmethod
    def of(cls, tokens: list[Token]) -> Sentence:
        return cls(tokens, [_readings(t.text) for t in tokens])

    def next_word(self, i: int) -> tuple[int | None, bool]:
        """The word after token i when nothing but quotes, or a hyphen written tight
        (بوبو-ديولاسو), stands between them; and whether that hyphen did."""
        tokens, infos = self.tokens, self.infos
        for j in range(i + 1, len(tokens)):
            kind = infos[j][0]
            if kind == _WORD_TOKEN:
                return j, False
            if kind == _HYPHEN:
                tight = (j + 1 < len(tokens) and tokens[j - 1].end == tokens[j].start
                         and tokens[j].end == tokens[j + 1].start and infos[j + 1][0] == _WORD_TOKEN)
                return (j + 1, True) if tight else (None, False)
            if kind != _QUOTE:
                break
        return None, False

    def previous_word(self, i: int) -> tuple[int | None, bool]:
        """The word before token i, joined to it as `next_word` joins them."""
        for j in range(i - 1, -1, -1):
            kind = self.infos[j][0]
            if kind == _WORD_TOKEN:
                return (j, False) if self.next_word(j)[0] == i else (None, False)
            if kind not in (_QUOTE, _HYPHEN):
                break
        return None, False


def _longest(sentence: Sentence, i: int, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The longest name starting at token i (over every reading of that word)."""
    best: PlaceMatch | None = None
    tokens, infos = sentence.tokens, sentence.infos
    for first, offset in infos[i][2]:
        parts = [first]
        j: int | None = i
        for n in range(1, gazetteer.max_words + 1):
            if n > 1:
                j = sentence.next_word(j)[0]
                if j is None:
                    break
                parts.append(infos[j][1])
            key = " ".join(parts)
            if key not in gazetteer.prefixes:
                break
            places = gazetteer.candidates(key)
            if places and (best is None or n > best.words):
                best = PlaceMatch(i, j, n, tokens[i].start + offset, tokens[j].end, key, places)
    return best


def _inside_compound(sentence: Sentence, match: PlaceMatch) -> bool:
    """Whether a hyphen ties the name to a word outside it (كيم كاي-غوان is no Kayes)."""
    return sentence.next_word(match.last)[1] or sentence.previous_word(match.first)[1]


def _country_after(sentence: Sentence, match: PlaceMatch, gazetteer: Gazetteer) -> str | None:
    """The country (ISO3) named right after a match, bare or with ب, or after one linking word
    ("غاو في مالي", "غاو بمالي", "غاو شمال مالي"). Not after و (a list) nor ل ("السواحل
    الغربية لليمن")."""
    k = match.last
    for _ in range(2):
        k = sentence.next_word(k)[0]
        if k is None:
            return None
        token = sentence.tokens[k]
        found = _longest(sentence, k, gazetteer) if sentence.infos[k][2] else None
        if found and (found.start == token.start or alias_key(token.text[:found.start - token.start]) == "ب"):
            countries = [p.country for p in found.places if p.kind == "country"]
            if countries:
                return countries[0]
        key = sentence.infos[k][1]
        if key not in _BEFORE_COUNTRY and not (key.startswith("ب") and key[1:] in _BEFORE_COUNTRY):
            return None
    return None


def sentence_matches(sentence: Sentence, gazetteer: Gazetteer) -> list[PlaceMatch]:
    """Non-overlapping names, left to right, the longest at each position, with their context.

    A cue carries over a list joined by و: "مدينتي غاو وتمبكتو".
    """
    found: list[PlaceMatch] = []
    tokens, infos = sentence.tokens, sentence.infos
    i = 0
    while i < len(tokens):
        match = _longest(sentence, i, gazetteer) if infos[i][2] else None
        if match is None or _inside_compound(sentence, match):
            i += 1
            continue
        before = sentence.previous_word(i)[0]
        if before is not None:
            match.cue = _cue_kinds(tokens[before].text)
            previous = found[-1] if found else None
            if (match.cue is None and previous and previous.last == before
                    and _CONJUNCTION.match(tokens[i].text)):
                match.cue = previous.cue
        match.after = _country_after(sentence, match, gazetteer)
        found.append(match)
        i = match.last + 1
    return found
