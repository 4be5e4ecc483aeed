"""Arabic letters, marks and digits, and a light, conservative clitic splitter.

The character classes are regex fragments (for use inside `[...]`) so that every module builds
its patterns from one definition of what an Arabic letter or mark is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rasid.resources import word_list

# Letters of the Arabic block and its supplements, including presentation forms (ligatures such
# as ﻻ are letters too); the spacing harakat forms U+FE70..U+FE7F are not letters.
ARABIC_LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\ufb50-\ufd3d\ufd50-\ufdfb\ufe80-\ufefc"
)
DIACRITICS = "\u064b-\u065f\u0670"  # tashkeel (harakat, tanwin, shadda, sukun, hamza marks), superscript alef
QURANIC_MARKS = "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
ARABIC_INDIC_DIGITS = "\u0660-\u0669"
PERSIAN_DIGITS = "\u06f0-\u06f9"
# Marks that may sit inside a word without breaking it.
WORD_MARKS = DIACRITICS + QURANIC_MARKS + TATWEEL

_ARABIC_RUN_RE = re.compile(f"[{ARABIC_LETTERS}]+")
_LETTER_RUN_RE = re.compile(f"[^\\W\\d_{TATWEEL}]+")  # tatweel counts as a letter in Unicode
WORD_MARK_RE = re.compile(f"[{WORD_MARKS}]")
# An Arabic word: a letter, then letters and marks (diacritics, tatweel inside the word).
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{WORD_MARKS}]*")

# A pronoun suffix is removed only when this many letters of stem remain.
MIN_STEM_BEFORE_SUFFIX = 3


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters; 0.0 when the text has no letters."""
    letters = sum(map(len, _LETTER_RUN_RE.findall(text)))  # runs: far fewer matches than letters
    return sum(map(len, _ARABIC_RUN_RE.findall(text))) / letters if letters else 0.0


@dataclass(frozen=True)
class _Prefix:
    letters: str                   # the prefix as written, e.g. "وبال"
    piece_starts: tuple[int, ...]  # where each clitic starts inside it, e.g. (0, 1, 2)
    min_stem: int                  # letters that must remain after it
    has_article: bool              # a word with the article takes no pronoun suffix
    stem_initials: str             # what remains must begin with one of these ("" = any letter)


@dataclass(frozen=True)
class _Exceptions:
    words: frozenset[str]                 # never split at all
    starts: dict[str, tuple[str, ...]]    # by first letter: a word starting so keeps its first letters
    ends: tuple[str, ...]                 # a word ending with one of these keeps its last letters


@cache
def _prefixes() -> dict[str, tuple[_Prefix, ...]]:
    """Prefix combinations from clitic_prefixes.txt by first letter, longest first so the
    fullest split wins."""
    prefixes = []
    for line in word_list("clitic_prefixes.txt"):
        pieces, min_stem, kind, initials = line.split()
        parts = pieces.split("+")
        starts = tuple(sum(len(p) for p in parts[:i]) for i in range(len(parts)))
        prefixes.append(_Prefix("".join(parts), starts, int(min_stem), kind == "article",
                                initials.strip("-")))
    by_initial: dict[str, list[_Prefix]] = {}
    for prefix in sorted(prefixes, key=lambda p: (-len(p.letters), p.letters)):
        by_initial.setdefault(prefix.letters[0], []).append(prefix)
    return {initial: tuple(group) for initial, group in by_initial.items()}


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(word_list("clitic_suffixes.txt"), key=lambda s: (-len(s), s)))


@cache
def _exceptions() -> _Exceptions:
    entries = word_list("clitic_exceptions.txt")
    starts: dict[str, list[str]] = {}
    for entry in sorted(e[:-1] for e in entries if e.endswith("*")):
        starts.setdefault(entry[0], []).append(entry)
    return _Exceptions(
        words=frozenset(e for e in entries if "*" not in e),
        starts={initial: tuple(group) for initial, group in starts.items()},
        ends=tuple(e[1:] for e in entries if e.startswith("*")),
    )


def _prefix_allowed(skeleton: str, prefix: _Prefix, exceptions: _Exceptions) -> bool:
    rest = skeleton[len(prefix.letters):]
    if len(rest) < prefix.min_stem or (prefix.stem_initials and rest[0] not in prefix.stem_initials):
        return False
    # No clitic may be cut from the front of a word listed as whole (e.g. وزير, لبنان, الله).
    for start in prefix.piece_starts:
        tail = skeleton[start:]
        if tail in exceptions.words or tail.startswith(exceptions.starts.get(tail[0], ())):
            return False
    return True


def _clitic_lengths(skeleton: str) -> tuple[int, int]:
    """Letters of prefix and suffix in a word written without marks."""
    exceptions = _exceptions()
    if skeleton in exceptions.words:
        return 0, 0
    prefix = next((p for p in _prefixes().get(skeleton[:1], ())
                   if skeleton.startswith(p.letters) and _prefix_allowed(skeleton, p, exceptions)), None)
    prefix_len = len(prefix.letters) if prefix else 0
    suffixes = _suffixes()
    takes_suffix = (not (prefix and prefix.has_article) and skeleton.endswith(suffixes)
                    and not skeleton.endswith(exceptions.ends))
    if not takes_suffix:
        return prefix_len, 0
    for suffix in suffixes:
        if (skeleton.endswith(suffix)
                and len(skeleton) - prefix_len - len(suffix) >= MIN_STEM_BEFORE_SUFFIX):
            return prefix_len, len(suffix)
    return prefix_len, 0


@lru_cache(maxsize=1 << 16)
def split_clitics(word: str) -> tuple[str, str]:
    """(prefix, suffix) of an Arabic word, both substrings of it: word == prefix + stem + suffix.

    Diacritics and tatweel are looked through: a prefix keeps the marks of its last letter, and a
    suffix starts at its first letter. Cached, since news vocabulary repeats heavily.
    """
    if not WORD_MARK_RE.search(word):
        prefix_len, suffix_len = _clitic_lengths(word)
        return word[:prefix_len], word[len(word) - suffix_len:]
    letter_at = [i for i, c in enumerate(word) if not WORD_MARK_RE.match(c)]
    skeleton = "".join(word[i] for i in letter_at)
    prefix_len, suffix_len = _clitic_lengths(skeleton)
    prefix_end = letter_at[prefix_len] if prefix_len else 0
    suffix_start = letter_at[len(skeleton) - suffix_len] if suffix_len else len(word)
    return word[:prefix_end], word[suffix_start:]


def strip_clitics(word: str) -> str:
    """The word without its clitics (وبالمدينة → مدينة); the word itself when nothing is left."""
    prefix, suffix = split_clitics(word)
    return word[len(prefix):len(word) - len(suffix)] or word
