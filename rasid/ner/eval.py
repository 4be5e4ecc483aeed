"""CoNLL-style reading and exact-span scoring, written here so the score means what conlleval means."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

TYPES = ("PERS", "LOC", "ORG", "MISC")
_ALIASES = {"PER": "PERS"}

Sentence = tuple[list[str], list[str]]


class Tagger(Protocol):
    def tag(self, sentences: list[list[str]]) -> list[list[str]]: ...


def normalize_tag(tag: str) -> str:
    """B-/I- tag with the entity type spelled as rasid spells it (PER → PERS); anything else is O."""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BI":
        return f"{tag[0]}-{_ALIASES.get(tag[2:], tag[2:])}"
    return "O"


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a `token TAG` file (space or tab separated, blank line between sentences).

    Extra columns (nested tags) are ignored: the first tag column is the outermost entity.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(normalize_tag(parts[1]) if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) read as conlleval does: an I- after O or another type
    opens a new span."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, label = (tag[0], tag[2:]) if tag != "O" and len(tag) > 2 else ("O", "")
        if kind and (prefix != "I" or label != kind):
            found.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, label
    return found


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f, "support": n_gold}


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Per-type and micro P/R/F1 (percent) of exact spans; a span counts only if bounds and type match."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"a sentence has {len(g_tags)} gold tags but {len(p_tags)} predicted")
        g, p = spans(g_tags), spans(p_tags)
        for _, _, kind in g:
            n_gold[kind] += 1
        for _, _, kind in p:
            n_pred[kind] += 1
        for _, _, kind in g & p:
            tp[kind] += 1
    kinds = sorted(set(n_gold) | set(n_pred), key=lambda k: (TYPES.index(k) if k in TYPES else 99, k))
    table = {k: _prf(tp[k], n_pred[k], n_gold[k]) for k in kinds}
    table["micro"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return table


def evaluate(model: Tagger, sentences: list[Sentence]) -> dict:
    """Tag the sentences with the model and score them; tokens_per_s times the tagging alone."""
    tokens = [toks for toks, _ in sentences]
    start = time.perf_counter()
    predicted = model.tag(tokens)
    seconds = time.perf_counter() - start
    table = score([tags for _, tags in sentences], predicted)
    n_tokens = sum(map(len, tokens))
    micro = table["micro"]
    return {"types": table, "f1": micro["f1"], "precision": micro["precision"], "recall": micro["recall"],
            "tokens": n_tokens, "tokens_per_s": n_tokens / seconds if seconds > 0 else float("inf")}
