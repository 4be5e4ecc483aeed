"""PLOVER sentence classifier: is a sentence an event, and which quad class (numpy-only inference).

The model is word 1-2-gram and character 2-5-gram TF-IDF features (as scikit-learn's TfidfVectorizer
computes them) feeding two linear SVMs, one for the quad class and one for relevance, with scores turned
into probabilities by a temperature (quad) and a Platt sigmoid (relevance) fitted on cross-validated
scores. Training needs scikit-learn (rasid.events.train_quad); running it needs only numpy, so the
n-gram extraction below mirrors scikit-learn's exactly and tests check that both give the same scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

import numpy as np

from rasid.resources import load_model, model_dir
from rasid.text.normalize import fold

MODEL_NAME = "quad-v1"
LABELS = ("irrelevant", "material conflict", "material cooperation", "verbal conflict", "verbal cooperation")
TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default token_pattern
_TOKEN = re.compile(TOKEN_PATTERN)
_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_LIMIT = 200_000


def models_dir() -> Path:
    """Where the shipped model files live inside the package."""
    return model_dir("quad")


def prepare(text: str) -> str:
    """The text the features are read from: folded with the hamza and ta marbuta options (spelling
    varies a lot in both) and lower-cased (UN sentences quote Latin names and acronyms)."""
    return fold(text, ta_marbuta=True, hamza=True).lower()


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Word n-grams of a prepared text, as scikit-learn's analyzer="word" yields them."""
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(word: str, low: int, high: int) -> list[str]:
    """Character n-grams of one space-padded word, as scikit-learn's analyzer="char_wb" yields them
    (a word shorter than n yields itself once, padded, and stops the longer n-grams)."""
    padded = f" {word} "
    grams = []
    for n in range(low, high + 1):
        grams.extend(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
        if len(padded) <= n:
            break
    return grams


def _terms(blob: np.ndarray) -> dict[str, int]:
    return {term: i for i, term in enumerate(blob.tobytes().decode("utf-8").split("\n"))} if blob.size else {}


class QuadClassifier:
    """Quad class (0 irrelevant, 1 material conflict, 2 material cooperation, 3 verbal conflict,
    4 verbal cooperation) and PLOVER relevance of single sentences."""


    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.meta = meta
        self.word_range = tuple(meta["word_ngrams"])
        self.char_range = tuple(meta["char_ngrams"])
        self.word_vocab = _terms(arrays["word_terms"])
        self.char_vocab = _terms(arrays["char_terms"])
        self.word_idf = arrays["word_idf"].astype(np.float64)
        self.char_idf = arrays["char_idf"].astype(np.float64)
        self.idf = np.concatenate([self.word_idf, self.char_idf])
        # One weight matrix: quad columns then the relevance column, word rows then char rows.
        self.weights = np.hstack([arrays["quad_coef"].T, arrays["relevance_coef"].T]).astype(np.float64)
        self.bias = np.concatenate([arrays["quad_intercept"], arrays["relevance_intercept"]]).astype(float)
        self.temperature = float(meta["quad_temperature"])
        self.platt = tuple(meta["relevance_platt"])
        self._word_cache: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> QuadClassifier:
        """The model at path (the .npz, or its folder; its .json sits beside it), read once per process."""
        return load_model(cls, models_dir(), MODEL_NAME, path)

    def columns(self, sentence: str) -> list[int]:
        """Feature columns of one sentence's n-grams, once per occurrence: word n-grams first, then
        character n-grams (their columns follow the word vocabulary's)."""
        text = prepare(sentence)
        vocab = self.word_vocab
        found = [i for g in word_ngrams(text, *self.word_range) if (i := vocab.get(g)) is not None]
        for word in _WHITE_SPACES.sub(" ", text).split():
            found += self._char_columns(word)
        return found

    def _char_columns(self, word: str) -> list[int]:
        """Columns of a word's character n-grams; words recur, so they are cached."""
        found = self._word_cache.get(word)
        if found is None:
            vocab, offset = self.char_vocab, len(self.word_vocab)
            grams = char_wb_ngrams(word, *self.char_range)
            found = [i + offset for g in grams if (i := vocab.get(g)) is not None]
            if len(self._word_cache) < _WORD_CACHE_LIMIT:
                self._word_cache[word] = found
        return found

    def decision(self, sentences: Sequence[str], batch: int = 512) -> np.ndarray:
        """Raw linear scores [n, 6]: the five quad SVM margins, then the relevance margin."""
        out = np.empty((len(sentences), self.weights.shape[1]))
        for start in range(0, len(sentences), batch):
            out[start : start + batch] = self._decide(sentences[start : start + batch])
        return out

    def _decide(self, sentences: Sequence[str]) -> np.ndarray:
        """TF-IDF as scikit-learn computes it (sublinear tf times idf, then an L2 norm for the word
        block and another for the char block), times the weights, for a batch at once."""
        found = [self.columns(s) for s in sentences]
        lengths = np.fromiter(map(len, found), np.int64, len(found))
        columns = np.fromiter(chain.from_iterable(found), np.int64, int(lengths.sum()))
        width = len(self.idf)  # one key per (sentence, column), so np.unique counts both at once
        keys, counts = np.unique(np.repeat(np.arange(len(found)), lengths) * width + columns,
                                 return_counts=True)
        rows, columns = np.divmod(keys, width)
        values = (np.log(counts) + 1.0) * self.idf[columns]
        block = rows * 2 + (columns >= len(self.word_vocab))
        values /= np.sqrt(np.bincount(block, weights=values * values, minlength=2 * len(found)))[block]
        out = np.tile(self.bias, (len(found), 1))
        present, starts = np.unique(rows, return_index=True)
        if len(present):
            out[present] += np.add.reduceat(self.weights[columns] * values[:, None], starts, axis=0)
        return out

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Per-class probabilities [n, 5], in LABELS order."""
        logits = self.decision(sentences)[:, :5] * self.temperature
        logits -= logits.max(1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(1, keepdims=True)

    def predict(self, sentences: Sequence[str]) -> list[int]:
        """The quad class of each sentence (the highest SVM margin)."""
        return self.decision(sentences)[:, :5].argmax(1).tolist()

    def relevance(self, sentences: Sequence[str]) -> list[float]:
        """Probability that each sentence describes a PLOVER event, from the relevance SVM (trained on
        the binary file apart from the quad SVM, so near 0.5 it can disagree with predict() != 0)."""
        a, b = self.platt
        return (1.0 / (1.0 + np.exp(-(a * self.decision(sentences)[:, 5] + b)))).tolist()
