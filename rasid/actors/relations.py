"""Relations stage: relations between actors that the text states in a fixed pattern.

The cue words and their patterns are data (rasid/data/linking/relation_cues.tsv):
- title:      "X، المتحدث باسم Y" or "المتحدث باسم Y، X"      → spokesperson_of(X, Y)
- possessive: "رئيسها X" (its president X)                     → leader_of(X, what "ها" points at)
- leads:      "ويقود Y X", "X يقود Y", "Y بقيادة X"             → leader_of(X, Y)
- includes:   "Y ... ويضم 4 تنظيمات هي A و B"                  → member_of(A, Y), member_of(B, Y)
- ally:       "X، الحليف العسكري لـY"                           → ally_of(X, Y)
Each relation carries the span from its first to its last piece of evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rasid.actors.dictionary import ActorDictionary, alias_key
from rasid.document import Actor, Document, Mention, Relation, Token
from rasid.resources import table

REQUIRES = ("text", "paragraphs", "sentences", "tokens", "actors", "coreference")
PROVIDES = ("relations",)

# Tokens allowed between a name and its title ("X، المتحدث باسم Y"): punctuation and quotes.
MAX_GAP = 2
_GROUP_KINDS = frozenset({"armed_group", "political_party", "other", "igo", "ngo", "religious_body",
                          "military", "government", "ministry", "media", "state"})
_MEMBER_KINDS = frozenset({"armed_group", "political_party", "other", "ngo", "military"})


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    relation: str
    pattern: str


@cache
def _cues() -> dict[str, tuple[_Cue, ...]]:
    """Cues by their first word, longest first."""
    cues: dict[str, list[_Cue]] = {}
    for text, relation, pattern in table("linking/relation_cues.tsv"):
        words = tuple(alias_key(text).split(" "))
        cues.setdefault(words[0], []).append(_Cue(words, relation, pattern))
    return {first: tuple(sorted(group, key=lambda c: -len(c.words))) for first, group in cues.items()}


def _bare_key(token: Token) -> str:
    """The token's key without a leading conjunction (ويقود → يقود, وبقيادة → بقيادة)."""
    key = alias_key(token.text)
    return key[1:] if key.startswith(("و", "ف")) and len(key) > 3 else key


@dataclass
class _Sentence:
    tokens: list[Token]
    keys: list[str]
    mentions: list[tuple[int, int, Mention]]  # (first token, last token, mention) of linked mentions

    def mention_at(self, index: int) -> Mention | None:
        return next((m for first, _, m in self.mentions if first == index), None)

    def mention_ending(self, index: int) -> Mention | None:
        return next((m for _, last, m in self.mentions if last == index), None)

    def near_after(self, index: int) -> Mention | None:
        """The mention starting at token `index` or just after some punctuation."""
        for step in range(MAX_GAP + 1):
            if (found := self.mention_at(index + step)) is not None:
                return found
            if index + step >= len(self.tokens) or self.tokens[index + step].text.isalnum():
                return None
        return None

    def near_before(self, index: int) -> Mention | None:
        """The mention ending at token `index` or just before some punctuation."""
        for step in range(MAX_GAP + 1):
            if (found := self.mention_ending(index - step)) is not None:
                return found
            if index - step < 0 or self.tokens[index - step].text.isalnum():
                return None
        return None


def _sentences(doc: Document) -> Iterator[_Sentence]:
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    grouped: dict[int, list[Token]] = {}
    for token in doc.tokens:
        if doc.sentences[token.sentence].paragraph not in repeated:
            grouped.setdefault(token.sentence, []).append(token)
    linked = sorted((m for m in doc.mentions if m.actor), key=lambda m: m.start)
    for tokens in grouped.values():
        placed = []
        for mention in linked:
            if mention.end <= tokens[0].start or mention.start >= tokens[-1].end:
                continue
            inside = [i for i, t in enumerate(tokens) if mention.start < t.end and t.start < mention.end]
            if inside:
                placed.append((inside[0], inside[-1], mention))
        yield _Sentence(tokens, [_bare_key(t) for t in tokens], placed)


def _find(sentence: _Sentence) -> Iterator[tuple[_Cue, int, int]]:
    """(cue, first token, token after it) for each cue in the sentence, longest first."""
    cues = _cues()
    for i, token in enumerate(sentence.tokens):
        stem = alias_key(token.stem) if token.suffix else ""
        for cue in (*cues.get(sentence.keys[i], ()), *cues.get(stem, ())):
            n = len(cue.words)
            if cue.pattern == "possessive":  # the last word carries the pronoun: رئيسها، باسمها
                last = i + n - 1
                if (last < len(sentence.tokens) and sentence.tokens[last].suffix
                        and tuple(sentence.keys[i:last]) == cue.words[:-1]
                        and alias_key(sentence.tokens[last].stem) == cue.words[-1]):
                    yield cue, i, last + 1
                    break
            elif tuple(sentence.keys[i:i + n]) == cue.words:
                yield cue, i, i + n
                break


def _relations(sentence: _Sentence, actors: dict[str, Actor]) -> Iterator[tuple[str, Mention, Mention]]:
    def kind(mention: Mention | None) -> str | None:
        return actors[mention.actor].kind if mention else None

    for cue, first, after in _find(sentence):
        if cue.pattern == "title":
            group = sentence.near_after(after)
            person = sentence.near_before(first - 1)
            if kind(person) != "person" and group is not None:
                person = sentence.near_after(_last_token(sentence, group) + 1)
            if kind(person) == "person" and kind(group) in _GROUP_KINDS:
                yield cue.relation, person, group
        elif cue.pattern == "possessive":
            person = sentence.mention_at(after)
            owners = [m for _, last, m in reversed(sentence.mentions)
                      if last < first and kind(m) in _GROUP_KINDS]
            if kind(person) == "person" and owners:
                # What "ها" points at: an actor the person is known to hold office in, else the nearest.
                roles = ActorDictionary.load().roles_of(actors[person.actor].canonical or "")
                offices = {role.of for role in roles}
                owner = next((m for m in owners if actors[m.actor].canonical in offices), owners[0])
                yield cue.relation, person, owner
        elif cue.pattern == "leads":
            following = sentence.near_after(after)
            before = sentence.near_before(first - 1)
            if kind(following) == "person":
                group = before or next((m for _, last, m in reversed(sentence.mentions)
                                        if last < first and kind(m) in _GROUP_KINDS), None)
                if kind(group) in _GROUP_KINDS:
                    yield cue.relation, following, group
            elif kind(following) in _GROUP_KINDS:
                person = sentence.near_after(_last_token(sentence, following) + 1)
                if kind(person) != "person":
                    person = before
                if kind(person) == "person":
                    yield cue.relation, person, following
        elif cue.pattern == "includes":
            group = next((m for _, last, m in reversed(sentence.mentions)
                          if last < first and kind(m) in _GROUP_KINDS - {"state"}), None)
            if group is None:
                continue
            for begin, _, member in sentence.mentions:
                if begin >= after and kind(member) in _MEMBER_KINDS and member.actor != group.actor:
                    yield cue.relation, member, group
        elif cue.pattern == "ally":
            left = sentence.near_before(first - 1)
            right = next((m for begin, _, m in sentence.mentions if after <= begin <= after + 5), None)
            if left is not None and right is not None and left.actor != right.actor:
                yield cue.relation, left, right


def _last_token(sentence: _Sentence, mention: Mention) -> int:
    return next(last for _, last, m in sentence.mentions if m is mention)


def run(doc: Document) -> Document:
    actors = {a.id: a for a in doc.actors}
    seen: set[tuple[str, str, str]] = set()
    for sentence in _sentences(doc):
        for relation, head, tail in _relations(sentence, actors):
            key = (relation, head.actor, tail.actor)
            if head.actor == tail.actor or key in seen:
                continue
            seen.add(key)
            start, end = min(head.start, tail.start), max(head.end, tail.end)
            doc.relations.append(Relation(relation, head.actor, tail.actor, doc.span(start, end)))
    return doc
