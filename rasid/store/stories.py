"""Story clusters: the same wire story printed by several outlets is one story, not several.

Near-duplicate articles share most of their word 5-grams even when each outlet trims a
paragraph or changes the headline. MinHash estimates that overlap (Jaccard similarity) from a
short signature, and LSH finds the earlier articles above the threshold without comparing every
pair. An article joins the story of the first article it matches; otherwise it starts its own.
"""

from __future__ import annotations

import functools
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasid.text.normalize import fold

PERMUTATIONS = 64
SCHEME = "affine32"  # datasketch's permutation scheme: 32-bit values, stored as 4 bytes each
SHINGLE = 5
# Jaccard similarity of 5-gram sets above which two articles tell the same story: the same
# dispatch lightly edited scores 0.6-0.9, two articles on the same event in their own words < 0.1.
THRESHOLD = 0.5


def signature(text: str) -> np.ndarray:
    """The MinHash signature (PERMUTATIONS unsigned 32-bit values) of a text's word 5-grams."""
    words = fold(text).split()
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(max(1, len(words) - SHINGLE + 1))}
    # crc32 (C, 32-bit) instead of datasketch's default sha1 wrapper: the same quality of spread
    # for shingles, a fraction of the time.
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME, permutations=_permutations(),
                      hashfunc=zlib.crc32)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint32)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


@functools.cache
def _permutations() -> object:
    """The permutations for PERMUTATIONS and seed 1, drawn once (datasketch draws them per MinHash)."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME).permutations


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=values, scheme=SCHEME,
                   permutations=_permutations())


class StoryIndex:
    """Documents seen so far, by signature; `add` returns the story a new document belongs to."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        self._story: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def add_known(self, doc_id: str, values: np.ndarray, story: str) -> None:
        """Index a document whose story is already decided (e.g. loaded from the store)."""
        self._lsh.insert(doc_id, _minhash(values))
        self._story[doc_id] = story
        self._order[doc_id] = len(self._order)

    def add(self, doc_id: str, values: np.ndarray) -> str:
        """Index a new document and return its story id (the first matching document's story)."""
        if doc_id in self._story:
            return self._story[doc_id]
        matches = self._lsh.query(_minhash(values))
        story = min(matches, key=self._order.__getitem__) if matches else doc_id
        story = self._story.get(story, story)
        self.add_known(doc_id, values, story)
        return story
