"""Name-list features: built from the actor dictionary and the place gazetteer, read through clitics."""

import numpy as np

from rasid.ner.features import GAZETTEER_CLASSES, build_gazetteer, gazetteer_bits, word_key
from rasid.ner.model import gazetteer_matrix


def bit(kind: str, part: bool = False) -> int:
    return 1 << (2 * GAZETTEER_CLASSES.index(kind) + part)


def test_gazetteer_marks_whole_names_and_words_of_longer_ones() -> None:
    gazetteer = build_gazetteer()
    assert gazetteer_bits(word_key("العراق"), gazetteer) & bit("LOC")
    assert gazetteer_bits(word_key("والعراق"), gazetteer) & bit("LOC")  # through the clitic
    assert gazetteer_bits(word_key("المتحدة"), gazetteer) & bit("ORG", part=True)  # الأمم المتحدة
    assert gazetteer_bits(word_key("غويتا"), gazetteer) & bit("PER")


def test_gazetteer_matrix_unpacks_the_bits() -> None:
    matrix = gazetteer_matrix(["a", "b", "c"], {"a": 0b101, "b": 0b10000000})
    np.testing.assert_array_equal(matrix[:, [0, 1, 2, 7]], [[1, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]])
