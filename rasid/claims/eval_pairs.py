"""Score the claim-pair classifier on a labelled CSV: accuracy, macro-F1 and per-class P/R/F1.

Two layouts are read, told apart by their header:
- ANS (Khouja 2020): s1,s2,stance with stance in agree / disagree / other;
- ArNLI: t,h,label with 0 = neutral, 1 = entailment, 2 = contradiction (or the label names),
  read as other / agree / disagree.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasid.claims.pairs import LABELS, PairClassifier

_NLI_LABELS = {
    "0": "other", "1": "agree", "2": "disagree",
    "neutral": "other", "entailment": "agree", "contradiction": "disagree",
}


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(pairs, gold labels) from an ANS or ArNLI CSV."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = set(reader.fieldnames or ())
        if {"s1", "s2", "stance"} <= fields:
            rows = [((r["s1"], r["s2"]), r["stance"].strip().lower()) for r in reader]
        elif {"t", "h", "label"} <= fields:
            rows = [((r["t"], r["h"]), _NLI_LABELS[r["label"].strip().lower()]) for r in reader]
        else:
            raise ValueError(f"{path}: expected columns s1,s2,stance (ANS) or t,h,label (ArNLI), "
                             f"found {sorted(fields)}")
    unknown = {label for _, label in rows} - set(LABELS)
    if unknown:
        raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
    return [p for p, _ in rows], [label for _, label in rows]


def scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS) -> dict:
    """Accuracy, macro-F1 (the unweighted mean of per-class F1 over `labels`) and per-class
    precision, recall, F1 and support; a class never predicted has precision 0."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(labels)}
    confusion = np.zeros((len(labels), len(labels)), np.int64)
    np.add.at(confusion, ([index[g] for g in gold], [index[p] for p in predicted]), 1)
    true_positive = np.diag(confusion).astype(float)
    predicted_count = confusion.sum(axis=0)
    support = confusion.sum(axis=1)
    precision = np.divide(true_positive, predicted_count, out=np.zeros_like(true_positive),
                          where=predicted_count > 0)
    recall = np.divide(true_positive, support, out=np.zeros_like(true_positive), where=support > 0)
    both = precision + recall
    f1 = np.divide(2 * precision * recall, both, out=np.zeros_like(both), where=both > 0)
    return {
        "accuracy": float(true_positive.sum() / max(len(gold), 1)),
        "macro_f1": float(f1.mean()),
        "classes": {label: {"precision": float(precision[i]), "recall": float(recall[i]),
                            "f1": float(f1[i]), "support": int(support[i])}
                    for i, label in enumerate(labels)},
        "confusion": confusion.tolist(),
    }


def evaluate(path: Path, *, embeddings: bool | None = None, model_dir: Path | None = None) -> dict:
    """Scores of the (shipped) classifier on a labelled CSV, plus the model used and its speed."""
    pairs, gold = read_pairs(path)
    model = PairClassifier.load(model_dir, embeddings=embeddings)
    start = time.perf_counter()
    predicted = model.predict(pairs)
    elapsed = time.perf_counter() - start
    result = scores(gold, predicted)
    result.update(pairs=len(pairs), model=model.name, embeddings=model.uses_embeddings,
                  pairs_per_s=len(pairs) / elapsed if elapsed > 0 else 0.0)
    return result
