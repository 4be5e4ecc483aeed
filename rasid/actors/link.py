"""Linking stage: names in the text become mentions of canonical actors.

One left-to-right pass over each sentence's words finds, at every position, the longest of:
an alias from the actor dictionary ("نصرة الإسلام"), a generic institution with its country
("حكومة مالي", "الجيش المالي", or "الحكومة" alone for the article's main country), an office
with its country ("الرئيس الفرنسي" → the holder at the article's date), a plural nisba
("الماليين": a NORP linked to the Malian people) and a generic collective actor from
collectives.tsv ("المعتقلين النيجريين": Detainees (Niger); "المدنيين" with no country after it:
Civilians, of no country, since the article's main country may be the attacker's; a NORP
mention). Words are compared by `alias_key`, and the first word of a name may carry a
conjunction or preposition (وفرنسا، لمالي، بالجيش), which the mention then leaves out.

The statistical tagger's spans (the "entities" layer) are merged in: a dictionary name wins
the span and the type; a person the dictionary does not know becomes a new actor with a Latin
transliteration, and later short forms of the name ("كامارا" after "خليل كامارا") join it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rasid.actors.dictionary import ActorDictionary, ActorEntry, alias_key
from rasid.actors.records import actor_from_entry
from rasid.document import Actor, Document, Mention, Token
from rasid.resources import table, word_list

# The statistical tagger's spans ("entities"), when that stage runs first, are merged in.
REQUIRES = ("text", "paragraphs", "sentences", "tokens")
PROVIDES = ("actors", "focus_country")

ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "NORP", "FAC"})
_QUOTES = frozenset("«»\"“”„'‘’")
_WORD = re.compile(r"\w")
# A plural nisba ("الماليين", "الفرنسيون") names people of a country; singular forms are left
# alone because they double as common adjectives ("المالية": financial / Malian).
_PLURAL_NISBA = re.compile(r"(?:يين|يون)$")
# The collective (collectives.tsv) a plural nisba names: "الفلسطينيين" → Palestinian people.
PEOPLE = "PEOPLE"
_TYPE_OF_KIND = {"person": "PER", "state": "GPE", "ethnic_group": "NORP"}


@dataclass
class _Word:
    token: Token
    key: str        # alias_key of the whole token
    bare: str       # alias_key without a leading conjunction/preposition (keeps ال)
    bare_start: int  # where the bare form starts in the text
    joins_next: bool = False  # only quote marks stand between this word and the next


@dataclass
class _Match:
    start: int
    end: int
    words: int                     # how many words it covers
    priority: int                  # breaks ties between equally long matches: lower wins
    candidates: list[ActorEntry] = field(default_factory=list)
    institution: str | None = None  # an institution key waiting for the article's country
    type: str | None = None         # a mention type fixed by the match itself (NORP)
    collective: str | None = None   # a collective actor key ("CIVILIANS") waiting for a country
    country: str | None = None      # the country named with a collective ("المدنيين الفلسطينيين")


def _bare_form(token: Token) -> tuple[str, int]:
    """The token without a conjunction/preposition clitic, keeping the article: وبالجيش → الجيش."""
    prefix = token.prefix
    if not prefix:
        return token.text, token.start
    folded = alias_key(prefix)
    if folded.endswith("ال"):
        cut = len(prefix) - 2
        return token.text[cut:], token.start + cut
    if folded.endswith("لل"):  # ل + ال with the alef dropped: matched as ال…, the span keeps the ل
        return "ال" + token.text[len(prefix):], token.start
    return token.text[len(prefix):], token.start + len(prefix)


@lru_cache(maxsize=1 << 16)
def _keys(text: str, prefix: str) -> tuple[str, str, int]:
    token = Token(0, len(text), text, prefix=prefix)
    bare, start = _bare_form(token)
    return alias_key(text), alias_key(bare), start


def _words(tokens: list[Token]) -> list[_Word]:
    """The sentence's words; quote marks between two words do not separate a name, other
    punctuation does ("تنظيم «القاعدة»" is one name, "مالي، فرنسا" two)."""
    words: list[_Word] = []
    broken = True
    for token in tokens:
        if token.text in _QUOTES:
            continue
        if not _WORD.search(token.text):
            broken = True
            continue
        key, bare, offset = _keys(token.text, token.prefix)
        if words and not broken:
            words[-1].joins_next = True
        words.append(_Word(token, key, bare, token.start + offset))
        broken = False
    return words


class Linker:
    """Finds actor names in sentences; holds the dictionary and the bare-title list."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.max_words = dictionary.max_alias_words
        titles = word_list("linking/bare_titles.txt")
        self.bare_titles = frozenset(alias_key(t) for t in titles if not t.endswith(" *"))
        self.bare_prefixes = tuple(alias_key(t[:-2]) + " " for t in titles if t.endswith(" *"))

    def _span_keys(self, words: list[_Word], i: int) -> list[tuple[int, list[str]]]:
        """(n, candidate keys) for spans of n = 1.. words starting at word i."""
        out = []
        prefixes = self.dictionary.key_prefixes
        spans = [words[i].key] if words[i].key == words[i].bare else [words[i].key, words[i].bare]
        for n in range(1, self.max_words + 1):
            j = i + n - 1
            if j >= len(words) or (n > 1 and not words[j - 1].joins_next):
                break
            if n > 1:
                spans = [f"{span} {words[j].key}" for span in spans]
            spans = [span for span in spans if span in prefixes]
            if not spans:
                break
            out.append((n, spans))
        return out

    def _country_after(self, words: list[_Word], j: int) -> tuple[str, int] | None:
        """A state name or demonym starting at word j: (ISO3, words used)."""
        if j >= len(words) or not words[j - 1].joins_next:
            return None
        for n, keys in reversed(self._span_keys(words, j)):
            for key in keys[:1]:  # a country after a title is not preceded by a clitic
                if key != " ".join(w.key for w in words[j:j + n]):
                    continue
                states = [a for a in self.dictionary.candidates(key) if a.kind == "state"]
                if states:
                    return states[0].id, n
                countries = self.dictionary.demonym_countries(key)
                if countries:
                    return countries[0], n
        return None

    def matches(self, words: list[_Word], on: dt.date | None) -> list[_Match]:
        """Non-overlapping matches, left to right, the longest at each position."""
        found: list[_Match] = []
        i = 0
        while i < len(words):
            best: _Match | None = None
            for n, keys in self._span_keys(words, i):
                for key in keys:
                    if key not in self.dictionary.keys:
                        continue
                    bare = words[i].key != words[i].bare and key.split(" ", 1)[0] == words[i].bare
                    start = words[i].bare_start if bare else words[i].token.start
                    for match in self._at(words, i, n, key, start, on):
                        if best is None or (match.words, -match.priority) > (best.words, -best.priority):
                            best = match
            if best is None:
                i += 1
                continue
            found.append(best)
            i += best.words
        return found

    def _at(self, words: list[_Word], i: int, n: int, key: str, start: int,
            on: dt.date | None) -> list[_Match]:
        end = words[i + n - 1].token.end
        out = []
        candidates = self.dictionary.candidates(key)
        if candidates:
            out.append(_Match(start, end, n, 0, candidates=candidates))
        for institution in self.dictionary.institution_titles(key):
            country = self._country_after(words, i + n)
            if country:
                iso3, used = country
                actor = self.dictionary.institution_actor(iso3, institution.key)
                out.append(_Match(start, words[i + n + used - 1].token.end, n + used, 1, candidates=[actor]))
            elif key in self.bare_titles or key.startswith(self.bare_prefixes):
                out.append(_Match(start, end, n, 3, institution=institution.key))
        for role in self.dictionary.office_roles(key):
            country = self._country_after(words, i + n)
            holder = country and self.dictionary.holder(role, country[0], on)
            if holder:
                out.append(_Match(start, words[i + n + country[1] - 1].token.end, n + country[1], 2,
                                  candidates=[holder]))
        if _PLURAL_NISBA.search(key) and self.dictionary.demonym_countries(key):
            out.append(_Match(start, end, n, 4, type="NORP", collective=PEOPLE,
                              country=self.dictionary.demonym_countries(key)[0]))
        for group in self.dictionary.collective_groups(key):
            country = self._country_after(words, i + n)
            if country:
                iso3, used = country
                out.append(_Match(start, words[i + n + used - 1].token.end, n + used, 5, type="NORP",
                                  collective=group.key, country=iso3))
            else:
                out.append(_Match(start, end, n, 5, type="NORP", collective=group.key))
        return out


@cache
def _linker() -> Linker:
    return Linker(ActorDictionary.load())


@cache
def _org_kinds() -> list[tuple[str, str]]:
    """(head word key, actor kind) for organisations the dictionary does not know."""
    return [(alias_key(head), kind) for head, kind in table("linking/org_heads.tsv")]


@cache
def _romanizer():
    """The name romanizer's dictionary and rules, without its neural fallback: 40 times faster
    (0.5 ms a name) and, on the names we checked, spelled the same."""
    from arabic_name_romanizer import Transliterator

    return Transliterator(auto_load_model=False)


# The romanizer ranks every combination of its candidates for each word, so its cost grows
# exponentially with the words of a name: a tagger's run-on span of a dozen names (a team sheet)
# took 18 s and 1.4 GB. Longer names are romanized this many words at a time.
ROMANIZE_WORDS = 4


@lru_cache(maxsize=4096)
def romanize(name: str) -> str | None:
    """A likely Latin spelling of an Arabic personal name (offline, loaded on first use)."""
    words = name.split()
    if len(words) > ROMANIZE_WORDS:
        chunks = (words[i:i + ROMANIZE_WORDS] for i in range(0, len(words), ROMANIZE_WORDS))
        parts = [romanize(" ".join(chunk)) for chunk in chunks]
        return " ".join(parts) if all(parts) else None
    try:
        result = _romanizer().transliterate(name)
    except Exception:  # an odd string the model cannot read: no English name beats a crash
        return None
    return result if isinstance(result, str) and result.strip() else None


def _focus_country(matches: list[_Match]) -> str | None:
    """The state the article is most about: the one its names point to most often."""
    counts: Counter[str] = Counter()
    for match in matches:
        if len(match.candidates) != 1:
            continue  # an ambiguous name cannot vote; it is resolved by the others
        for actor in match.candidates:
            if actor.kind == "state":
                counts[actor.id] += 2
            elif actor.country:
                counts[actor.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def _choose(candidates: list[ActorEntry], focus: str | None, seen: set[str]) -> ActorEntry:
    """One actor for an ambiguous name: the main country's, else one the article names."""
    for test in (lambda a: a.country == focus, lambda a: a.country in seen, lambda a: a.country is None):
        for actor in candidates:
            if test(actor):
                return actor
    return candidates[0]


class _Actors:
    """The document's actor list, one entry per canonical actor or new name, in order of appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, Actor] = {}
        self.people: list[tuple[list[str], Actor]] = []  # new people and the words of their name

    def known(self, entry: ActorEntry, surface: str) -> Actor:
        actor = self.by_key.get(entry.id)
        if actor is None:
            actor = actor_from_entry(f"a{len(self.by_key) + 1}", entry, surface)
            self.by_key[entry.id] = actor
        return actor

    def new_person(self, surface: str) -> Actor:
        words = alias_key(surface).split()
        for full, actor in self.people:  # a short form of a name already met joins it
            if len(words) < len(full) and full[len(full) - len(words):] == words:
                return actor
        key = "person:" + " ".join(words)
        actor = self.by_key.get(key)
        if actor is None:
            actor = Actor(f"a{len(self.by_key) + 1}", romanize(surface), surface, "person", sector="CVL")
            self.by_key[key] = actor
            self.people.append((words, actor))
        return actor

    def new_organisation(self, surface: str) -> Actor | None:
        key = alias_key(surface)
        kind = next((k for head, k in _org_kinds() if key == head or key.startswith(head + " ")), None)
        if kind is None:
            return None
        actor = self.by_key.get("org:" + key)
        if actor is None:
            actor = Actor(f"a{len(self.by_key) + 1}", None, surface, kind)
            self.by_key["org:" + key] = actor
        return actor


def run(doc: Document) -> Document:
    linker = _linker()
    on = dt.date.fromisoformat(doc.published) if doc.published else None
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    by_sentence: dict[int, list[Token]] = {}
    for token in doc.tokens:
        if doc.sentences[token.sentence].paragraph not in repeated:
            by_sentence.setdefault(token.sentence, []).append(token)
    matches = [m for tokens in by_sentence.values() for m in linker.matches(_words(tokens), on)]

    focus = _focus_country(matches)
    doc.focus_country = focus
    seen = {a.id if a.kind == "state" else a.country for m in matches for a in m.candidates[:1]}
    entities = [m for m in doc.mentions if m.type in ENTITY_TYPES]
    others = [m for m in doc.mentions if m.type not in ENTITY_TYPES]
    actors = _Actors()
    linked: list[Mention] = []
    for match in matches:
        entry = None
        if match.collective:
            entry = linker.dictionary.collective_actor(match.country, match.collective)
        elif match.candidates:
            entry = _choose(match.candidates, focus, seen)
        elif match.institution and focus:
            entry = linker.dictionary.institution_actor(focus, match.institution)
        elif match.type is None:
            continue  # a bare title in an article whose country is unknown
        if doc.text.count("«", match.start, match.end) > doc.text.count("»", match.start, match.end) \
                and doc.text.startswith("»", match.end):
            match.end += 1  # تنظيم «القاعدة» : close the guillemet the name opened
        text = doc.text[match.start:match.end]
        kind = match.type or _TYPE_OF_KIND.get(entry.kind, "ORG")
        mention = Mention("", match.start, match.end, text, kind)
        if entry is not None:
            mention.actor = actors.known(entry, text).id
        linked.append(mention)

    taken = [(m.start, m.end) for m in linked]
    for mention in entities:
        if any(s < mention.end and mention.start < e for s, e in taken):
            continue  # the dictionary's reading of this span wins
        if mention.type == "PER":
            mention.actor = actors.new_person(mention.text).id
        elif mention.type == "ORG" and (actor := actors.new_organisation(mention.text)):
            mention.actor = actor.id
        linked.append(mention)

    doc.mentions = sorted(linked + others, key=lambda m: (m.start, m.end))
    for number, mention in enumerate(doc.mentions, start=1):
        mention.id = f"m{number}"
    doc.actors = sorted(actors.by_key.values(), key=lambda a: int(a.id[1:]))
    return doc
