"""Document memory: the same name a few sentences away lends its state; far or frequent words do not."""

import numpy as np

from rasid.ner.features import Lexicon, memory_key, neighbour_pairs
from rasid.ner.model import pool_memory


def test_neighbour_pairs_respect_window_and_skip_none() -> None:
    keys = [["a", None, "b"], ["a"], [], ["b"], ["a"]]  # flat token indices: 0 1 2 | 3 | - | 4 | 5
    rows, cols = neighbour_pairs(keys, window=1)
    assert set(zip(rows, cols, strict=True)) == {(0, 3), (3, 0)}
    rows, cols = neighbour_pairs(keys, window=3)
    assert set(zip(rows, cols, strict=True)) == {(0, 3), (3, 0), (3, 5), (5, 3), (2, 4), (4, 2)}


def test_pool_memory_means_the_other_mentions() -> None:
    states = np.array([[1.0, 0.0], [0.0, 0.0], [3.0, 2.0], [5.0, 4.0]], np.float32)
    out = pool_memory(states, [0, 0, 2], [2, 3, 0])
    np.testing.assert_allclose(out, [[4.0, 3.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0]])


def test_memory_key_ignores_punctuation_digits_and_function_words() -> None:
    lexicon = Lexicon(["في", "العراق"], list("العراقفي"))
    assert memory_key("،", lexicon.encode("،")) is None
    assert memory_key("2026", lexicon.encode("2026")) is None
    assert memory_key("في", lexicon.encode("في")) is None  # among the most frequent words
    # an attached clitic reads as the bare form, and an unknown name keys on its normalised spelling
    assert memory_key("والعراق", lexicon.encode("والعراق")) is None  # still a frequent word here
    assert memory_key("فينغر", lexicon.encode("فينغر")) == "فينغر"
    assert memory_key("أوباما", lexicon.encode("أوباما")) == memory_key("اوباما", lexicon.encode("اوباما"))
