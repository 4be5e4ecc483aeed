"""Token normalisation and the token → ids mapping shared by training and inference.

Both sides must map a token to the same ids, so every lookup key is built here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Diacritics, tatweel and direction marks carry no entity information and split the vocabulary.
_DROP = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640, 0x200E, 0x200F, 0x200C, 0x200D, 0xFEFF])
_MAP = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "ء", "ئ": "ء"}.items()}
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_TABLE = str.maketrans({**_DROP, **_MAP, **_DIGITS})
_ZERO = str.maketrans(dict.fromkeys(map(ord, "123456789"), "0"))
_TOKEN = re.compile(r"[^\W_]+(?:[.,٫][0-9٠-٩]+)*|\S")

PAD, UNK, BOUNDARY = 0, 1, 2  # reserved ids: words use PAD/UNK, characters all three
FUNCTION_WORDS = 300  # the most frequent words (في, من, ...) are not pooled across sentences
MAX_NEIGHBOURS = 32
MAX_CHARS = 24
N_FEATURES = 10  # shape (1..4) * 2 + clitic-stripped flag
# Name lists a word can belong to; each has a "whole name" and a "word of a longer name" bit.
GAZETTEER_CLASSES = ("PER", "ORG", "LOC", "NORP")
N_GAZETTEER = 2 * len(GAZETTEER_CLASSES)
_GAZETTEER_FILES = {
    "PER": ("actors/people.tsv",),
    "ORG": ("actors/armed_groups.tsv", "actors/igos.tsv", "actors/media.tsv", "actors/organisations.tsv",
            "actors/parties.tsv", "actors/government.tsv"),
    "LOC": ("actors/states.tsv", "geo/places.tsv"),
    "NORP": ("actors/demonyms.tsv", "actors/ethnic_groups.tsv"),
}


@lru_cache(maxsize=200_000)
def word_key(token: str) -> str:
    """Spelling-normalised key: alef/yaa/hamza variants merged, diacritics dropped, every digit 0."""
    return token.translate(_TABLE).lower().translate(_ZERO)


def readings(key: str) -> list[str]:
    """The key and its clitic-stripped readings: "والعراق" → also "العراق"; "للعراق" → also "العراق".

    Clitics are not split in the text, so a rare attached form is looked up through its bare form.
    """
    out = [key]
    bases = [key]
    if key[:1] in "وف" and len(key) > 3:
        bases.append(key[1:])
        out.append(key[1:])
    for base in bases:
        if base.startswith("لل") and len(base) > 4:
            out.append("ال" + base[2:])
        elif base[:1] in "بلك" and len(base) > 3:
            out.append(base[1:])
    return out


def shape(token: str) -> int:
    """1 has a digit, 2 Latin letters, 3 no letter (punctuation), 4 other letters (Arabic)."""
    if any(c.isdigit() for c in token):
        return 1
    if token.isascii() and any(c.isalpha() for c in token):
        return 2
    if not any(c.isalpha() for c in token):
        return 3
    return 4


class Lexicon:
    """Maps tokens to (word id, stem id, feature id, char ids); words are listed most frequent first."""

    def __init__(self, words: list[str], chars: list[str], gazetteer: dict[str, int] | None = None) -> None:
        self.words = words
        self.chars = chars
        self.gazetteer = gazetteer  # word key -> name-list bits, when the model uses them
        self._word_ids = {w: i + 2 for i, w in enumerate(words)}
        self._char_ids = {c: i + 3 for i, c in enumerate(chars)}
        self._cache: dict[str, tuple[int, int, int, tuple[int, ...]]] = {}

    def encode(self, token: str) -> tuple[int, int, int, tuple[int, ...]]:
        """Ids of a token; the stem is the most frequent known reading, so "لبنان" stays whole."""
        found = self._cache.get(token)
        if found is None:
            key = word_key(token)
            word = self._word_ids.get(key, UNK)
            known = [i for r in readings(key) if (i := self._word_ids.get(r))]
            stem = min(known) if known else UNK
            feature = shape(token) * 2 + (stem not in (word, UNK))
            chars = (BOUNDARY, *(self._char_ids.get(c, UNK) for c in key[:MAX_CHARS]), BOUNDARY)
            found = (word, stem, feature, chars)
            if len(self._cache) < 500_000:
                self._cache[token] = found
        return found


def build_gazetteer() -> dict[str, int]:
    """Word key → bit mask of the name lists it is in (bit 2c: a whole name of class c, bit 2c + 1:
    a word of a longer one), from the actor dictionary and the place gazetteer in rasid/data.

    Training calls this and stores the result in the model, so a model keeps the lists it learned
    with when the data files change.
    """
    from rasid.resources import table

    masks: dict[str, int] = {}
    for c, kind in enumerate(GAZETTEER_CLASSES):
        for name in _GAZETTEER_FILES[kind]:
            rows = table(name)
            column = len(rows[0]) - 1  # the Arabic names are the last column
            for row in rows[1:]:
                if len(row) <= column:
                    continue
                for alias in row[column].split("|"):
                    words = [word_key(w) for w in tokenize(alias)]
                    words = [w for w in words if any(ch.isalpha() for ch in w)]
                    bit = 1 << (2 * c + (len(words) > 1))
                    for w in words:
                        masks[w] = masks.get(w, 0) | bit
    return masks


def gazetteer_bits(key: str, gazetteer: dict[str, int]) -> int:
    """The name-list bits of a word key or of its clitic-stripped readings."""
    mask = 0
    for reading in readings(key):
        mask |= gazetteer.get(reading, 0)
    return mask


def memory_key(token: str, codes: tuple[int, int, int, tuple[int, ...]]) -> int | str | None:
    """What makes two mentions "the same word" for document memory: the stem id, else the key.

    Punctuation, digits and the most frequent words get None: pooling them says nothing about entities.
    """
    _, stem, feature, _ = codes
    if feature // 2 not in (2, 4) or (stem != UNK and stem < FUNCTION_WORDS + 2):
        return None
    key = word_key(token)
    if len(key) < 2:
        return None
    return stem if stem != UNK else key


def neighbour_pairs(keys: list[list[int | str | None]], window: int) -> tuple[list[int], list[int]]:
    """(token, other token) index pairs over the flattened sentences: same key, at most `window`
    sentences apart, nearest first and at most MAX_NEIGHBOURS per token."""
    occurrences: dict[int | str, list[tuple[int, int]]] = {}
    flat = 0
    for sent, sentence_keys in enumerate(keys):
        for key in sentence_keys:
            if key is not None:
                occurrences.setdefault(key, []).append((sent, flat))
            flat += 1
    rows: list[int] = []
    cols: list[int] = []
    for found in occurrences.values():
        if len(found) < 2:
            continue
        for sent, index in found:
            near = [(abs(s - sent), i) for s, i in found if i != index and abs(s - sent) <= window]
            near.sort()
            for _, other in near[:MAX_NEIGHBOURS]:
                rows.append(index)
                cols.append(other)
    return rows, cols


def tokenize(text: str) -> list[str]:
    """Whitespace words with punctuation split off and clitics kept, as rasid's tokenizer does."""
    return _TOKEN.findall(text)
