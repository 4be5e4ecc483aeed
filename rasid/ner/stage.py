"""NER stage: the statistical tagger's spans become PER / ORG / GPE / NORP mentions.

The model knows four ANERcorp classes; the contract has finer types. PERS and ORG map
directly; LOC becomes GPE until the gazetteer or the actor dictionary says otherwise (most
places in news are states and cities); MISC is kept only where it is a nationality or group
adjective (NORP), since the rest of MISC (events, works, languages) is too mixed to type.

Where a gazetteer name overlaps a LOC span without lying inside it (the tagger reads
أزواد in "منطقة «أزواد»", the gazetteer's name is منطقة أزواد), the mention covers both, so that
the place stage finds the name inside it and gives the mention its place.
"""

from __future__ import annotations

import re

from rasid.document import Document, Token
from rasid.geo.gazetteer import Gazetteer
from rasid.geo.names import Sentence, sentence_matches
from rasid.ner.model import NerModel

REQUIRES = ("text", "paragraphs", "sentences", "tokens")
PROVIDES = ("entities",)

_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "GPE"}
# Nisba adjectives and plurals: المالي، الماليين، الفرنسيون، الأمازيغية
_NISBA = re.compile(r"(?:ي|يه|ية|يون|يين|يات)$")


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token exclusive, class) for each BIO span; a stray I- opens one."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "B" or not spans or spans[-1][1] != i or spans[-1][2] != label:
            spans.append((i, i + 1, label))
        else:
            spans[-1] = (spans[-1][0], i + 1, label)
    return spans


def _place_names(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the gazetteer names in a sentence, found as the place stage finds them."""
    return [(m.start, m.end) for m in sentence_matches(Sentence.of(tokens), Gazetteer.load())]


def _snap_to_gazetteer(names: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Widen a place span to the longest gazetteer name that overlaps it without lying inside it."""
    straddling = [(s, e) for s, e in names if s < end and start < e and not start <= s < e <= end]
    if not straddling:
        return start, end
    first, last = max(straddling, key=lambda name: name[1] - name[0])
    return min(start, first), max(end, last)


def run(doc: Document) -> Document:
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    by_sentence: dict[int, list] = {}
    for token in doc.tokens:
        if doc.sentences[token.sentence].paragraph not in repeated:
            by_sentence.setdefault(token.sentence, []).append(token)
    sentences = list(by_sentence.values())
    tagged = NerModel.load().tag([[t.text for t in tokens] for tokens in sentences])
    added: set[tuple[int, int]] = set()
    for tokens, tags in zip(sentences, tagged, strict=True):
        names: list[tuple[int, int]] | None = None
        for first, last, label in _spans(tags):
            start, end = tokens[first].start, tokens[last - 1].end
            kind = _TYPES.get(label)
            if label == "LOC":
                names = _place_names(tokens) if names is None else names
                start, end = _snap_to_gazetteer(names, start, end)
            if kind is None and label == "MISC" and _NISBA.search(doc.text[start:end]):
                kind = "NORP"
            if kind is not None and (start, end) not in added:
                added.add((start, end))
                doc.add_mention(start, end, kind)
    return doc
