"""Scoring the quad classifier on a labelled TSV, with the metrics written out here (numpy only)
so a score means the same thing with or without scikit-learn installed."""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasid.events.classify import LABELS, QuadClassifier

RELEVANCE_LABELS = ("irrelevant", "relevant")
_COLUMNS = {"QuadClass": "quad", "Relevant": "relevance"}


def read_labelled(path: str | Path) -> tuple[str, list[str], list[int]]:
    """(task, sentences, labels) of a TSV whose header names `ar` and either `QuadClass` (task
    "quad") or `Relevant` (task "relevance"); fields may be double-quoted, as the UN-corpus files are."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = next(rows, [])
        found = [c for c in header if c in _COLUMNS]
        if "ar" not in header or len(found) != 1:
            raise ValueError(f"{path}: expected columns `ar` and one of QuadClass, Relevant; got {header}")
        task = _COLUMNS[found[0]]
        allowed = range(len(LABELS) if task == "quad" else len(RELEVANCE_LABELS))
        text_at, label_at = header.index("ar"), header.index(found[0])
        sentences, labels = [], []
        for row in rows:
            if row:
                label = int(row[label_at])
                if label not in allowed:
                    raise ValueError(f"{path}:{rows.line_num}: {found[0]} {label} is not one of "
                                     f"{list(allowed)}")
                sentences.append(row[text_at])
                labels.append(label)
    return task, sentences, labels


def confusion(gold: Sequence[int], predicted: Sequence[int], n_classes: int) -> np.ndarray:
    """Counts [gold class, predicted class]."""
    matrix = np.zeros((n_classes, n_classes), np.int64)
    np.add.at(matrix, (np.asarray(gold, np.int64), np.asarray(predicted, np.int64)), 1)
    return matrix


def per_class(matrix: np.ndarray) -> dict[str, np.ndarray]:
    """Precision, recall, F1 and support per class; a ratio with nothing to divide by is 0
    (scikit-learn's zero_division=0)."""
    tp = np.diag(matrix).astype(np.float64)
    predicted = matrix.sum(0)
    support = matrix.sum(1)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
    both = precision + recall
    f1 = np.divide(2 * precision * recall, both, out=np.zeros_like(tp), where=both > 0)
    return {"precision": precision, "recall": recall, "f1": f1, "support": support}


def macro_f1(matrix: np.ndarray) -> float:
    """Mean F1 over the classes that occur in the gold labels or the predictions (as scikit-learn's
    f1_score(average="macro") does), so a small file missing a class is not scored zero for it."""
    present = (matrix.sum(0) + matrix.sum(1)) > 0
    return float(per_class(matrix)["f1"][present].mean()) if present.any() else 0.0


def accuracy(matrix: np.ndarray) -> float:
    """Share of items on the diagonal."""
    total = matrix.sum()
    return float(np.trace(matrix) / total) if total else 0.0


def score(gold: Sequence[int], predicted: Sequence[int], names: Sequence[str]) -> dict:
    """Accuracy, macro-F1 and a per-class P/R/F1/support table keyed by class name."""
    matrix = confusion(gold, predicted, len(names))
    table = per_class(matrix)
    classes = {name: {key: (int(values[i]) if key == "support" else float(values[i]))
                      for key, values in table.items()}
               for i, name in enumerate(names)}
    return {"n": int(matrix.sum()), "accuracy": accuracy(matrix), "macro_f1": macro_f1(matrix),
            "classes": classes}


def evaluate(path: str | Path, model: QuadClassifier | None = None) -> dict:
    """Score the classifier (default: the shipped one) on a labelled TSV. For a `Relevant` file a
    sentence counts as relevant when relevance() >= 0.5, and `f1` is the relevant class's F1."""
    task, sentences, gold = read_labelled(path)
    model = model or QuadClassifier.load()
    start = time.perf_counter()
    if task == "quad":
        predicted = model.predict(sentences)
    else:
        predicted = [int(p >= 0.5) for p in model.relevance(sentences)]
    seconds = time.perf_counter() - start
    result = {"task": task, **score(gold, predicted, LABELS if task == "quad" else RELEVANCE_LABELS)}
    if task == "relevance":
        result["f1"] = result["classes"]["relevant"]["f1"]
    result["sentences_per_s"] = len(sentences) / seconds if seconds > 0 else 0.0
    return result
