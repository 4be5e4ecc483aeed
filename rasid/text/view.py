"""A sentence seen as words and the mentions over them: what the claim and event stages read.

Both stages ask the same questions of a sentence: which word is this, with its clitics
stripped; which mention covers it; which actor comes next, or last; where does this clause end.
This module answers them once, from the Document's layers, without running any stage.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.document import Actor, Document, Mention, Token
from rasid.text.normalize import fold

# Words that open a new clause even without punctuation before them.
_OPENERS = ("حيث", "بينما", "فيما", "كما", "لكن", "ولكن", "إذ", "إلا", "عندما", "حين", "رغم", "ورغم")
CLAUSE_PUNCTUATION = frozenset("،,;؛:.!?؟")
_CONJUNCTIONS = ("و", "ف")
_HAMZA_SEATS = str.maketrans({"ؤ": "ء", "ئ": "ء"})


@lru_cache(maxsize=1 << 17)
def word_key(text: str) -> str:
    """A word folded for lexicon lookup (alef, ya, ta marbuta, hamza seats, diacritics)."""
    return fold(text, ta_marbuta=True).translate(_HAMZA_SEATS)


@lru_cache(maxsize=1 << 17)
def lookup_keys(text: str, prefix: str, suffix: str) -> tuple[str, ...]:
    """The forms under which a word may be listed in a lexicon: as written, without a leading
    conjunction (وقال → قال), without a future س (ستبدأ → تبدأ), and without a pronoun suffix
    (اتهمها → اتهم), in that order of preference."""
    key = word_key(text)
    forms = [key]
    stem = key
    for conjunction in _CONJUNCTIONS:
        if stem.startswith(conjunction) and len(stem) > 3:
            stem = stem[1:]
            forms.append(stem)
            break
    if stem.startswith("س") and len(stem) > 3 and stem[1] in "يتنا":
        forms.append(stem[1:])
    if suffix:
        suffix_key = word_key(suffix)
        forms.extend(f[: -len(suffix_key)] for f in list(forms)
                     if f.endswith(suffix_key) and len(f) > len(suffix_key) + 1)
    return tuple(dict.fromkeys(forms))


CLAUSE_OPENERS = frozenset(word_key(w) for w in _OPENERS)


@dataclass
class SentenceView:
    index: int
    doc: Document
    tokens: list[Token]
    keys: list[str] = field(default_factory=list)
    _mention_of: list[Mention | None] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.doc.sentences[self.index].start

    @property
    def end(self) -> int:
        return self.doc.sentences[self.index].end

    def forms(self, i: int) -> tuple[str, ...]:
        token = self.tokens[i]
        return lookup_keys(token.text, token.prefix, token.suffix)

    def is_word(self, i: int) -> bool:
        return any(c.isalnum() for c in self.tokens[i].text)

    def mention(self, i: int) -> Mention | None:
        """The mention covering token i, if any."""
        return self._mention_of[i]

    def actor(self, i: int, actors: dict[str, Actor]) -> Actor | None:
        mention = self._mention_of[i]
        return actors.get(mention.actor) if mention and mention.actor else None

    def token_at(self, offset: int) -> int:
        """The index of the token that starts at or covers a character offset."""
        starts = [t.start for t in self.tokens]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def clause_end(self, i: int) -> int:
        """The index one past the last token of the clause that token i is in."""
        j = i + 1
        while j < len(self.tokens):
            text = self.tokens[j].text
            if text in CLAUSE_PUNCTUATION or self.keys[j] in CLAUSE_OPENERS:
                return j
            j += 1
        return j

    def clause_start(self, i: int) -> int:
        """The index of the first token of the clause that token i is in."""
        j = i
        while j > 0:
            previous = self.tokens[j - 1].text
            if previous in CLAUSE_PUNCTUATION or self.keys[j] in CLAUSE_OPENERS:
                return j
            j -= 1
        return 0

    def mentions_between(self, first: int, last: int) -> list[tuple[int, Mention]]:
        """(first token index, mention) for each mention starting inside tokens [first, last)."""
        out = []
        for i in range(max(0, first), min(last, len(self.tokens))):
            mention = self._mention_of[i]
            if mention is not None and (i == 0 or self._mention_of[i - 1] is not mention):
                out.append((i, mention))
        return out

    def mention_end(self, i: int) -> int:
        """One past the last token of the mention that starts at token i."""
        mention = self._mention_of[i]
        j = i
        while j < len(self.tokens) and self._mention_of[j] is mention:
            j += 1
        return j


def sentence_views(doc: Document) -> Iterator[SentenceView]:
    """A view of every sentence, leaving out paragraphs printed twice (they are read once)."""
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    grouped: dict[int, list[Token]] = {}
    for token in doc.tokens:
        grouped.setdefault(token.sentence, []).append(token)
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -(m.end - m.start)))
    starts = [m.start for m in mentions]
    for index, tokens in sorted(grouped.items()):
        if doc.sentences[index].paragraph in repeated:
            continue
        view = SentenceView(index, doc, tokens, [word_key(t.text) for t in tokens])
        low = bisect.bisect_left(starts, tokens[0].start - 200)
        nearby = mentions[low:bisect.bisect_left(starts, tokens[-1].end)]
        for token in tokens:
            # Where mentions overlap, one with an actor wins: the hostages in "ثمانية رهائن"
            # (a QUANTITY around a NORP) are an event's possible target, the number is not.
            covering = [m for m in nearby if m.start < token.end and token.start < m.end]
            view._mention_of.append(next((m for m in covering if m.actor), covering[0] if covering else None))
        yield view
