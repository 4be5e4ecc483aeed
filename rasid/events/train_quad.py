"""Rebuild the quad classifier from the UN-corpus PLOVER data (needs scikit-learn: the `train` extra).

The two training files are independent 80% draws from nearly the same sentences, so most of one
file's held-out test sentences sit in the other file's training part. To keep both test splits
honest, the quad model learns only from ar_quad.train.tsv, the relevance model only from
ar_binary.train.tsv, and the shared n-gram vocabulary and idf only from sentences in both training
files (those are in neither test split). The dev split (15%, stratified, fixed seed) is drawn from
the sentences of both files merged, so a sentence is in train or dev, never both; it scores the
chosen settings, and the shipped model is then refitted on all of the training data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.svm import LinearSVC

from rasid.events.classify import LABELS, MODEL_NAME, TOKEN_PATTERN, QuadClassifier, models_dir, prepare
from rasid.events.eval_quad import RELEVANCE_LABELS, read_labelled, score

DEV_FRACTION = 0.15
SEED = 13
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
MIN_DF = 2
QUAD_C = 0.05
RELEVANCE_C = 0.2
# sentence -> (quad class, relevant); None where the sentence is not in that file
Labels = dict[str, tuple[int | None, int | None]]


def load_data(data_dir: str | Path) -> Labels:
    """Every distinct sentence of ar_quad.train.tsv and ar_binary.train.tsv with its label in each."""
    data_dir = Path(data_dir)
    _, sentences, quads = read_labelled(data_dir / "ar_quad.train.tsv")
    quad = dict(zip(sentences, quads, strict=True))
    _, sentences, relevant = read_labelled(data_dir / "ar_binary.train.tsv")
    rel = dict(zip(sentences, relevant, strict=True))
    return {s: (quad.get(s), rel.get(s)) for s in quad.keys() | rel.keys()}


def split(labels: Labels) -> tuple[list[str], list[str]]:
    """(train, dev) sentences, stratified on the quad class (or relevance for binary-only ones)."""
    sentences = sorted(labels)
    strata = [f"q{q}" if q is not None else f"r{r}" for q, r in (labels[s] for s in sentences)]
    train, dev = train_test_split(sentences, test_size=DEV_FRACTION, stratify=strata, random_state=SEED)
    return train, dev


def vectorizers(min_df: int = MIN_DF) -> list[TfidfVectorizer]:
    """The word and character TF-IDF blocks that classify.QuadClassifier.features reproduces."""
    common = {"preprocessor": prepare, "sublinear_tf": True, "min_df": min_df, "dtype": np.float64}
    return [TfidfVectorizer(analyzer="word", token_pattern=TOKEN_PATTERN, ngram_range=WORD_NGRAMS, **common),
            TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, **common)]


def _temperature(margins: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature that best fits cross-validated margins (least log loss, on a grid)."""
    best, best_loss = 1.0, np.inf
    for t in np.geomspace(0.1, 30.0, 300):
        logits = margins * t
        logits -= logits.max(1, keepdims=True)
        loss = -(logits[np.arange(len(gold)), gold] - np.log(np.exp(logits).sum(1))).mean()
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def fit(sentences: list[str], labels: Labels, *, quad_c: float = QUAD_C, relevance_c: float = RELEVANCE_C,
        min_df: int = MIN_DF) -> tuple[dict[str, np.ndarray], dict]:
    """Model arrays (float16 weights and idf) and metadata, from the given training sentences."""
    blocks = vectorizers(min_df)
    for vectorizer in blocks:
        vectorizer.fit([s for s in sentences if None not in labels[s]])
    quad_part = [s for s in sentences if labels[s][0] is not None]
    rel_part = [s for s in sentences if labels[s][1] is not None]
    x_quad = sp.hstack([v.transform(quad_part) for v in blocks]).tocsr()
    x_rel = sp.hstack([v.transform(rel_part) for v in blocks]).tocsr()
    y_quad = np.array([labels[s][0] for s in quad_part])
    y_rel = np.array([labels[s][1] for s in rel_part])
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    # Class weights lift the small verbal-conflict class (macro-F1 counts it as much as the rest);
    # relevance is balanced already.
    quad = LinearSVC(C=quad_c, class_weight="balanced", random_state=SEED)
    relevance = LinearSVC(C=relevance_c, random_state=SEED)
    quad_cv = cross_val_predict(quad, x_quad, y_quad, cv=folds, method="decision_function")
    rel_cv = cross_val_predict(relevance, x_rel, y_rel, cv=folds, method="decision_function")
    platt = LogisticRegression(C=1e6).fit(rel_cv[:, None], y_rel)
    quad.fit(x_quad, y_quad)
    relevance.fit(x_rel, y_rel)
    arrays = {
        "word_terms": _blob(blocks[0]), "char_terms": _blob(blocks[1]),
        "word_idf": blocks[0].idf_.astype(np.float16), "char_idf": blocks[1].idf_.astype(np.float16),
        "quad_coef": quad.coef_.astype(np.float16), "quad_intercept": quad.intercept_.astype(np.float64),
        "relevance_coef": relevance.coef_.astype(np.float16),
        "relevance_intercept": relevance.intercept_.astype(np.float64),
    }
    meta = {
        "name": MODEL_NAME, "labels": list(LABELS), "word_ngrams": list(WORD_NGRAMS),
        "char_ngrams": list(CHAR_NGRAMS), "min_df": min_df, "quad_c": quad_c, "relevance_c": relevance_c,
        "quad_temperature": _temperature(quad_cv, y_quad),
        "relevance_platt": [float(platt.coef_[0, 0]), float(platt.intercept_[0])],
        "train_sentences": {"quad": len(quad_part), "relevance": len(rel_part)},
    }
    return arrays, meta


def _blob(vectorizer: TfidfVectorizer) -> np.ndarray:
    """The vocabulary in column order, newline-joined UTF-8 (n-grams never contain a newline)."""
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return np.frombuffer("\n".join(terms).encode("utf-8"), np.uint8)


def to_sklearn(model: QuadClassifier) -> tuple[list[TfidfVectorizer], LinearSVC, LinearSVC]:
    """The shipped model as scikit-learn objects (vectorizers, quad SVM, relevance SVM), to check
    that the numpy inference computes what scikit-learn would."""
    blocks = []
    for vectorizer, vocab, idf in zip(vectorizers(), (model.word_vocab, model.char_vocab),
                                      (model.word_idf, model.char_idf), strict=True):
        vectorizer.set_params(vocabulary=vocab)
        vectorizer.idf_ = idf
        blocks.append(vectorizer)
    n_quad = len(LABELS)
    svms = []
    for columns, classes in ((slice(0, n_quad), np.arange(n_quad)), (slice(n_quad, None), np.arange(2))):
        svm = LinearSVC()
        svm.coef_ = np.ascontiguousarray(model.weights[:, columns].T)
        svm.intercept_ = model.bias[columns]
        svm.classes_ = classes
        svms.append(svm)
    return blocks, svms[0], svms[1]


def _dev_scores(model: QuadClassifier, dev: list[str], labels: Labels) -> dict:
    """Quad scores on the dev sentences of the quad file; relevance, from its own model and derived
    from the quad probabilities (1 - P(irrelevant)), on those of the binary file."""
    quad_dev = [s for s in dev if labels[s][0] is not None]
    quad = score([labels[s][0] for s in quad_dev], model.predict(quad_dev), LABELS)
    rel_dev = [s for s in dev if labels[s][1] is not None]
    gold_rel = [labels[s][1] for s in rel_dev]
    own = score(gold_rel, [int(p >= 0.5) for p in model.relevance(rel_dev)], RELEVANCE_LABELS)
    derived = score(gold_rel, (model.scores(rel_dev)[:, 0] < 0.5).astype(int).tolist(), RELEVANCE_LABELS)
    return {"quad": quad, "relevance": {**own, "f1": own["classes"]["relevant"]["f1"]},
            "relevance_from_quad": {**derived, "f1": derived["classes"]["relevant"]["f1"]}}


def train(data_dir: str | Path, out_dir: str | Path | None = None, *,
          log: Callable[[str], None] = print) -> dict:
    """Score the settings on the dev split, refit on all the training data, write
    {out_dir}/quad-v1.npz and .json; returns the dev scores."""
    labels = load_data(data_dir)
    train_part, dev = split(labels)
    log(f"{len(labels)} distinct sentences: {len(train_part)} train, {len(dev)} dev")
    arrays, meta = fit(train_part, labels)
    dev_scores = _dev_scores(QuadClassifier(arrays, meta), dev, labels)
    quad, rel = dev_scores["quad"], dev_scores["relevance"]
    log(f"dev: quad macro-F1 {quad['macro_f1']:.3f} acc {quad['accuracy']:.3f}; relevance F1 {rel['f1']:.3f} "
        f"(derived from quad: {dev_scores['relevance_from_quad']['f1']:.3f})")
    arrays, meta = fit(sorted(labels), labels)
    meta.update(created=dt.date.today().isoformat(), dev=dev_scores,
                split={"dev_fraction": DEV_FRACTION, "seed": SEED, "dev_sentences": len(dev)})
    out = Path(out_dir) if out_dir else models_dir()
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"{MODEL_NAME}.npz", **arrays)
    text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
    (out / f"{MODEL_NAME}.json").write_text(text, encoding="utf-8")
    log(f"wrote {out / MODEL_NAME}.npz and .json")
    return dev_scores
