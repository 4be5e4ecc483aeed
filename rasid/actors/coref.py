"""Coreference stage: short references point back to the actor the article named in full.

Two kinds are resolved here (person short forms, "ماكرون" after "إيمانويل ماكرون", are joined
while linking):
- a definite noun standing alone ("التنظيم", "الوزارة", "الوزير") refers to the most recent actor
  of a fitting kind, preferring one introduced with the same noun ("تنظيم نصرة الإسلام");
- an office title with a pronoun suffix ("رئيسها" = its president) refers to the office holder
  of the actor the pronoun points at, at the article's date — unless a name follows the title
  ("رئيسها إيمانويل ماكرون"), which the linker has already resolved.
Each resolved reference becomes a mention linked to that actor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache

from rasid.actors.dictionary import ActorDictionary, alias_key
from rasid.actors.records import ensure_actor
from rasid.document import Document, Mention, Token
from rasid.resources import table

REQUIRES = ("text", "paragraphs", "sentences", "tokens", "actors")
PROVIDES = ("coreference",)

# How far back (in sentences) an antecedent may be.
MAX_SENTENCES_BACK = 4
_PRONOUN_SUFFIX = re.compile(r"(?:ها|ه)$")
_POSSESSOR_KINDS = frozenset({"state", "government", "igo", "armed_group", "political_party", "ministry",
                              "ngo", "religious_body", "media", "military"})
_TYPE_OF_KIND = {"person": "PER", "state": "GPE", "ethnic_group": "NORP"}


@cache
def _anaphors() -> dict[str, frozenset[str]]:
    return {alias_key(noun): frozenset(kinds.split(",")) for noun, kinds in table("linking/anaphors.tsv")}


def _heads(mention: Mention, sentence_tokens: list[Token]) -> set[str]:
    """The nouns a mention was introduced with: its own first word and the word just before it."""
    heads = {alias_key(mention.text).split(" ")[0].removeprefix("ال")}
    before = [t for t in sentence_tokens if t.end <= mention.start]
    if before:
        heads.add(alias_key(before[-1].text).removeprefix("ال").removeprefix("و"))
    return heads


def _bare(token: Token) -> tuple[str, int]:
    """The token's key without a leading conjunction/preposition, and where that form starts."""
    cut = len(token.prefix) - 2 if alias_key(token.prefix).endswith("ال") else len(token.prefix)
    return alias_key(token.text[cut:]), token.start + cut


def run(doc: Document) -> Document:
    dictionary = ActorDictionary.load()
    anaphors = _anaphors()
    on = dt.date.fromisoformat(doc.published) if doc.published else None
    actors = {a.id: a for a in doc.actors}
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    token_starts = [t.start for t in doc.tokens]
    covered = set()  # start offsets of the tokens some mention already covers
    for mention in doc.mentions:
        index = max(0, bisect.bisect_right(token_starts, mention.start) - 1)
        while index < len(doc.tokens) and doc.tokens[index].start < mention.end:
            if doc.tokens[index].end > mention.start:
                covered.add(doc.tokens[index].start)
            index += 1
    linked = sorted((m for m in doc.mentions if m.actor), key=lambda m: m.start)
    sentence_of = {}
    for token in doc.tokens:
        sentence_of.setdefault(token.sentence, []).append(token)

    def inside_mention(token: Token) -> bool:
        return token.start in covered

    starts = [s.start for s in doc.sentences]

    def doc_sentence(mention: Mention) -> int:
        return bisect.bisect_right(starts, mention.start) - 1

    def antecedents(before: int, sentence: int) -> list[Mention]:
        first = doc.sentences[max(0, sentence - MAX_SENTENCES_BACK)].start
        return [m for m in reversed(linked) if first <= m.start and m.end <= before]

    for index, tokens in sorted(sentence_of.items()):
        if doc.sentences[index].paragraph in repeated:
            continue
        for position, token in enumerate(tokens):
            if inside_mention(token):
                continue
            key, start = _bare(token)
            target = None
            if key in anaphors:
                kinds = anaphors[key]
                fitting = [m for m in antecedents(start, index) if actors[m.actor].kind in kinds]
                noun = key.removeprefix("ال")
                same_noun = [m for m in fitting if noun in _heads(m, sentence_of[doc_sentence(m)])]
                chosen = (same_noun or fitting or [None])[0]
                target = actors[chosen.actor] if chosen else None
            elif token.suffix and _PRONOUN_SUFFIX.search(token.suffix):
                following = tokens[position + 1] if position + 1 < len(tokens) else None
                if following is not None and inside_mention(following):
                    continue  # "رئيسها إيمانويل ماكرون": the name says who
                roles = dictionary.office_roles(alias_key(token.stem))
                possessor = next((m for m in antecedents(token.start, index)
                                  if actors[m.actor].kind in _POSSESSOR_KINDS), None)
                if roles and possessor and actors[possessor.actor].canonical:
                    holder = dictionary.holder(roles[0], actors[possessor.actor].canonical, on)
                    if holder:
                        target = ensure_actor(doc, holder, token.text)
                        actors[target.id] = target
                start = token.start
            if target is not None:
                mention = doc.add_mention(start, token.end, _TYPE_OF_KIND.get(target.kind, "ORG"),
                                          actor=target.id)
                covered.add(token.start)
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc
