"""Paragraphs, sentences and tokens, all as offsets into the original text.

Paragraph and sentence boundaries are found in the normalized view, where every comma, quote,
digit and space has one form and invisible controls are gone, and mapped back; tokens are
matched on the original text itself, inside each sentence, so they never cross one.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache

from rasid.document import Document, Paragraph, Sentence, Token
from rasid.resources import word_list
from rasid.text.arabic import (
    ARABIC_LETTERS,
    ARABIC_WORD_RE,
    TATWEEL,
    WORD_MARK_RE,
    WORD_MARKS,
    split_clitics,
)
from rasid.text.normalize import Normalized, fold, normalize

REQUIRES = ("text", "normalized")
PROVIDES = ("paragraphs", "sentences", "tokens")

# Repeated paragraphs: only paragraphs this long count, and "nearly the same" means a word-set
# Jaccard similarity (and a word-count ratio) of at least NEAR_REPEAT.
MIN_REPEAT_WORDS = 4
NEAR_REPEAT = 0.9

# A period between letters, with no space, after a word this short is inside an acronym.
MAX_ACRONYM_PART = 3

_LINE_BREAKS = "\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
# A paragraph: one line, without the whitespace around it.
_PARAGRAPH = re.compile(rf"\S(?:[^{_LINE_BREAKS}]*\S)?")
_WORD = re.compile(r"\w+")

# In normalized text: what may end a sentence, what closes one after it, and quote marks (all
# folded to "; the original character tells « from »).
_TERMINATORS = ".!?;"
_CLOSERS = "\"')]}"
_SENTENCE_EVENT = re.compile(f'[{_TERMINATORS}]+|"')
_SPACED_TERMINATOR = re.compile(f"[ \t]+[{_TERMINATORS}]")
_OPENING_QUOTES = "«„"
# A paragraph ending in one of these (closers aside) is finished; a colon introduces what
# follows it: a list, a quote.
_FINAL_MARKS = tuple(_TERMINATORS + ":")
_LAST_WORD = re.compile(r"(\w+)\W*\Z")

# Invisible characters: never tokens; the joiners among them may sit inside a word.
_INVISIBLE = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_JOINERS = "\u00ad\u200c\u200d"
_TOKEN = re.compile(
    rf"(?P<arabic>[{ARABIC_LETTERS}][{ARABIC_LETTERS}{WORD_MARKS}]*"  # first: most tokens are Arabic
    rf"(?:[{_JOINERS}][{ARABIC_LETTERS}][{ARABIC_LETTERS}{WORD_MARKS}]*)*)"
    r"|(?P<number>\d+(?:[.,\u066b\u066c]\d+)*)"
    rf"|(?P<word>[^\W\d_{ARABIC_LETTERS}{TATWEEL}][^\W_{ARABIC_LETTERS}{TATWEEL}]*)"
    rf"|(?P<mark>[^\s\w{_INVISIBLE}]|[_{TATWEEL}])"
)


@cache
def _abbreviations() -> frozenset[str]:
    """The last dotted part of each listed abbreviation (Dr. -> dr, ق.م. -> م), folded."""
    return frozenset(fold(entry).lower().rstrip(".").rsplit(".", 1)[-1]
                     for entry in word_list("abbreviations.txt"))


@cache
def _connectives() -> dict[str, str]:
    """Connective without diacritics -> when it continues a sentence: 'always' or 'unfinished'."""
    return {WORD_MARK_RE.sub("", word): when
            for word, when in (line.split() for line in word_list("connectives.txt"))}


@cache
def _dangling_words() -> frozenset[str]:
    return frozenset(fold(word) for word in word_list("dangling_words.txt"))


def paragraphs(text: str, *, normalized: Normalized | None = None) -> list[Paragraph]:
    """Every non-blank line, without its surrounding whitespace (or invisible controls)."""
    normalized = normalized or normalize(text)
    return [Paragraph(*normalized.to_original(m.start(), m.end()))
            for m in _PARAGRAPH.finditer(normalized.text)]


def mark_repeats(text: str, paras: list[Paragraph]) -> None:
    """Point each paragraph that repeats an earlier one (a caption printed twice, say) at it.

    Exact repeats of the folded word sequence are found by hashing. Near repeats are looked for
    only among earlier paragraphs that share a key word: two word sets with a Jaccard similarity
    of at least NEAR_REPEAT must share one of the first len - ceil(NEAR_REPEAT * len) + 1 words
    of each, in any fixed order (the prefix filter of set-similarity joins). Taking the rarest
    words as keys, filed by length band, keeps even very long documents close to linear.
    """
    words_of = [tuple(_WORD.findall(fold(text[p.start:p.end], ta_marbuta=True, hamza=True)))
                for p in paras]
    vocabularies = [frozenset(words) for words in words_of]
    frequency: Counter[str] = Counter()  # in how many paragraphs each word occurs
    for words, vocabulary in zip(words_of, vocabularies, strict=True):
        if len(words) >= MIN_REPEAT_WORDS:
            frequency.update(vocabulary)
    first_by_words: dict[tuple[str, ...], int] = {}
    by_key: dict[tuple[str, int], list[int]] = defaultdict(list)  # (key word, length band)
    for index, (para, words) in enumerate(zip(paras, words_of, strict=True)):
        if len(words) < MIN_REPEAT_WORDS:
            continue
        if (original := first_by_words.get(words)) is not None:
            para.duplicate_of = original
            continue
        vocabulary = vocabularies[index]
        keys = sorted(sorted(vocabulary), key=frequency.__getitem__)  # rarest first, ties by word
        keys = keys[:len(keys) - math.ceil(NEAR_REPEAT * len(keys)) + 1]
        band = _length_band(len(words))
        candidates = sorted({other for word in keys for near in (band - 1, band, band + 1)
                             for other in by_key.get((word, near), ())})
        original = next((other for other in candidates
                         if _nearly_equal(words, vocabulary, words_of[other], vocabularies[other])), None)
        if original is not None:
            para.duplicate_of = original
            continue
        first_by_words[words] = index
        for word in keys:
            by_key[word, band].append(index)


def _length_band(length: int) -> int:
    """Bands one NEAR_REPEAT ratio wide: lengths that are near each other are in adjacent bands."""
    return int(math.log(length) / -math.log(NEAR_REPEAT))


def _nearly_equal(words: tuple[str, ...], vocabulary: frozenset[str],
                  other_words: tuple[str, ...], other_vocabulary: frozenset[str]) -> bool:
    """Similar length, and word sets with a Jaccard similarity of at least NEAR_REPEAT."""
    if min(len(words), len(other_words)) < NEAR_REPEAT * max(len(words), len(other_words)):
        return False
    shared = len(vocabulary & other_vocabulary)
    return shared >= NEAR_REPEAT * (len(vocabulary) + len(other_vocabulary) - shared)


def sentences(text: str, paras: list[Paragraph], *,
              normalized: Normalized | None = None) -> list[Sentence]:
    """Sentences of every paragraph; an unfinished paragraph continued by the next is one sentence.

    Call `mark_repeats` first: repeated paragraphs are never joined to their neighbours.
    """
    normalized = normalized or normalize(text)
    result: list[Sentence] = []
    for index, para in enumerate(paras):
        start, end = normalized.to_normalized(para.start, para.end)
        spans = [normalized.to_original(s, e) for s, e in _sentence_spans(text, normalized, start, end)]
        if spans and result and _continues_previous(text, normalized, paras, index):
            previous = result[-1]
            result[-1] = Sentence(previous.start, spans.pop(0)[1], previous.paragraph, joined=True)
        result.extend(Sentence(s, e, index) for s, e in spans)
    return result


def _sentence_spans(text: str, normalized: Normalized, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (in normalized positions) of one paragraph normalized[start:end].

    Quotes still open at the paragraph end are dropped there, so a stray quote cannot swallow
    the rest of the article.
    """
    folded = normalized.text
    spans = []
    open_quotes: list[str] = []
    sentence_start = position = start
    while match := _SENTENCE_EVENT.search(folded, position, end):
        position = match.end()
        if match.group() == '"':
            _track_quote(open_quotes, _original_char(text, normalized, match.start()))
            continue
        position = _absorb_closers(text, normalized, open_quotes, position, end)
        if open_quotes or not _ends_sentence(folded, match.start(), match.end(), start, end):
            continue
        spans.append(_stripped(folded, sentence_start, position))
        sentence_start = position
    spans.append(_stripped(folded, sentence_start, end))
    return [(s, e) for s, e in spans if s < e]


def _original_char(text: str, normalized: Normalized, position: int) -> str:
    return text[normalized.to_original(position, position + 1)[0]]


def _track_quote(open_quotes: list[str], char: str) -> None:
    """Open or close a quote: « and „ open, » closes «, and " “ ” close an open " or else open one."""
    if char in _OPENING_QUOTES:
        open_quotes.append("«" if char == "«" else '"')
    elif char == "»":
        if open_quotes and open_quotes[-1] == "«":
            open_quotes.pop()
    elif open_quotes and open_quotes[-1] == '"':
        open_quotes.pop()
    else:
        open_quotes.append('"')


def _absorb_closers(text: str, normalized: Normalized, open_quotes: list[str],
                    position: int, end: int) -> int:
    """Move past closing quotes and brackets right after a terminator: they end with it, and so
    do more terminators after them, even after a space (؟». and "2008. ." end once)."""
    folded = normalized.text
    while position < end:
        if folded[position] in _CLOSERS or folded[position] in _TERMINATORS:
            if folded[position] == '"':
                followed_by_space = position + 1 == end or folded[position + 1].isspace()
                char = _original_char(text, normalized, position)
                if not _closes_quote(open_quotes, char, followed_by_space):
                    break
            position += 1
        elif spaced := _SPACED_TERMINATOR.match(folded, position, end):
            position = spaced.end()
        else:
            break
    return position


def _closes_quote(open_quotes: list[str], char: str, followed_by_space: bool) -> bool:
    """Whether a quote mark right after a terminator closes a quote (closing it if open).

    An ambiguous mark (" “ ”) with no quote of its kind open still closes when a space follows
    it: its opening was lost (or lies in an earlier paragraph).
    """
    if char in _OPENING_QUOTES:
        return False
    kind = "«" if char == "»" else '"'
    if open_quotes and open_quotes[-1] == kind:
        open_quotes.pop()
        return True
    return char == "»" or followed_by_space


def _ends_sentence(folded: str, start: int, end: int, para_start: int, para_end: int) -> bool:
    """Whether the terminator run folded[start:end] ends a sentence (not a number, an
    abbreviation, a web address or a list number)."""
    if folded[start:end] != ".":
        return True
    before = folded[start - 1] if start > para_start else " "
    after = folded[end] if end < para_end else " "
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return False  # 5.3 (٥٫٣ too, once folded), alarabiya.net
    if folded[para_start:start].isdigit():
        return False  # "1." opening a list item
    word_start = start
    while word_start > para_start and folded[word_start - 1].isalpha():
        word_start -= 1
    word = folded[word_start:start].lower()
    if len(word) <= MAX_ACRONYM_PART and after.isalpha():
        return False  # a dotted acronym: بي.بي.سي، إف.بي.آي
    return not (len(word) == 1 or word in _abbreviations())


def _stripped(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


def _continues_previous(text: str, normalized: Normalized, paras: list[Paragraph], index: int) -> bool:
    """Whether paragraph `index` carries on the unfinished sentence of the one before it."""
    if index < 2:  # the first paragraph is usually a title
        return False
    previous, current = paras[index - 1], paras[index]
    if previous.duplicate_of is not None or current.duplicate_of is not None:
        return False
    folded = normalized.text
    prev_start, prev_end = normalized.to_normalized(previous.start, previous.end)
    if folded[prev_start:prev_end].rstrip(_CLOSERS).endswith(_FINAL_MARKS):
        return False
    first = ARABIC_WORD_RE.match(text, current.start)
    if not first:
        return False
    first_word = WORD_MARK_RE.sub("", first.group())
    when = _connectives().get(first_word)
    if when == "always":
        return True
    if when != "unfinished" and first_word[0] not in "وف":
        return False
    last = _LAST_WORD.search(folded, prev_start, prev_end)
    return last is not None and _is_dangling(last.group(1))


def _is_dangling(word: str) -> bool:
    dangling = _dangling_words()
    return word in dangling or (word[0] in "وف" and word[1:] in dangling)


def tokens(text: str, sents: list[Sentence]) -> list[Token]:
    """Words (Arabic with their clitics marked, Latin), numbers and single punctuation marks."""
    result = []
    for index, sentence in enumerate(sents):
        for match in _TOKEN.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            word = match[0]
            if match.lastgroup == "arabic":
                result.append(Token(start, end, word, index, *split_clitics(word)))
            else:
                result.append(Token(start, end, word, index))
    return result


def run(doc: Document) -> Document:
    paras = paragraphs(doc.text, normalized=doc.normalized)
    mark_repeats(doc.text, paras)
    sents = sentences(doc.text, paras, normalized=doc.normalized)
    doc.paragraphs, doc.sentences, doc.tokens = paras, sents, tokens(doc.text, sents)
    return doc
