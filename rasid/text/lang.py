"""Language stage: rasid reads Arabic; other text is analyzed with a warning and its language named."""

from __future__ import annotations

import re
from functools import cache

from rasid.document import Document
from rasid.resources import data_path
from rasid.text.arabic import arabic_ratio

REQUIRES = ("text",)
PROVIDES = ("lang",)

# Below this share of Arabic letters a text is not treated as Arabic.
MIN_ARABIC_RATIO = 0.20

_SCRIPTS = (  # (language, first, last code point) for scripts that name their language
    ("he", 0x0590, 0x05FF), ("ru", 0x0400, 0x04FF), ("el", 0x0370, 0x03FF),
    ("zh", 0x4E00, 0x9FFF), ("ja", 0x3040, 0x30FF), ("ko", 0xAC00, 0xD7AF),
    ("hi", 0x0900, 0x097F), ("fa", 0x06F0, 0x06F9),
)
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿ]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    table = {}
    for line in data_path("stopwords.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, words = line.split("\t", 1)
            table[lang] = frozenset(words.split())
    return table


def guess_language(text: str) -> str:
    """ISO 639-1 code of a text: 'ar' when Arabic letters dominate, else a script or stop-word guess."""
    if arabic_ratio(text) >= MIN_ARABIC_RATIO:
        return "ar"
    sample = text[:20_000]
    counts = {lang: sum(lo <= ord(c) <= hi for c in sample) for lang, lo, hi in _SCRIPTS}
    letters = sum(c.isalpha() for c in sample) or 1
    script, hits = max(counts.items(), key=lambda kv: kv[1])
    if hits / letters > 0.3:
        return script
    words = _LATIN_WORD.findall(sample.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _stopwords().items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if words and best / len(words) > 0.05 else "und"


def run(doc: Document) -> Document:
    ratio = arabic_ratio(doc.text)
    if ratio < MIN_ARABIC_RATIO:
        doc.lang = guess_language(doc.text)
        doc.warnings.append(
            f"only {ratio:.0%} of the letters are Arabic (language: {doc.lang}); results will be poor")
    else:
        doc.lang = "ar"
    return doc
