"""Place stage: place names become GPE/LOC mentions tied to gazetteer entries, and the dateline
("باماكو (وكالات) -") is found.

One left-to-right pass over each sentence's words finds, at every position, the longest
gazetteer name (`rasid.geo.names`); the first word may carry a conjunction or preposition
(وفي غاو، بالموصل), which the mention leaves out. A name that is also a common word
(ambiguous.tsv) counts only with context: a country name after it ("الأبيض في السودان"), or its
country in play in the article (the focus, the dateline's country, or a country the article
names) and, for most, a cue word before it ("مدينة الباب"). A small city, or a region named in
one word, likewise needs its country in play, since GeoNames' alternate names for villages are
often ordinary words.

When several places share a name (طرابلس), the one in the article's focus country wins, then one
in the dateline's country, then one in a country the article names, then a country over a city
over a region over an area, then the most populous.

Existing GPE/LOC mentions (states from the actor linker, spans from the tagger) get their place
and the type it implies (a city GPE, أزواد LOC); other mentions are left alone, and no new
mention is made inside one. Mentions end up in text order and numbered m1, m2 ... again, as
after the linker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from rasid.actors.dictionary import alias_key
from rasid.document import Document, Mention
from rasid.geo.gazetteer import Gazetteer, Place
from rasid.geo.names import PlaceMatch, Sentence, sentence_matches

REQUIRES = ("text", "paragraphs", "sentences", "tokens", "actors")
PROVIDES = ("places", "dateline")

PLACE_TYPES = frozenset({"GPE", "LOC"})
TYPE_OF_KIND = {"country": "GPE", "region": "GPE", "city": "GPE", "area": "LOC"}
_KIND_ORDER = {"country": 0, "city": 1, "region": 2, "area": 3}
# A dateline names where a story was filed: a city first ("الجزائر (وكالات) -" is Algiers).
_DATELINE_KIND_ORDER = {"city": 0, "region": 1, "country": 2, "area": 3}
# A city with fewer people (or none on record) is read as a place only with context, or when
# its country is in play in the article: GeoNames' alternate names are often ordinary words.
MAJOR_POPULATION = 500_000
_TERMINAL = tuple(".!?؟:»\"")

# "CITY (AGENCY) -", "CITY، COUNTRY (CNN)--", "CITY، 5 مايو (رويترز) -", "CITY - AGENCY:"
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_]+(?:[ -][^\W\d_]+){0,3})"
    r"(?:\s*[،,]\s*(?P<country>[^\W\d_]+(?: [^\W\d_]+){0,4}))?"
    r"(?:\s*[،,]?\s*\d[^()\n]{0,25}?)?"
    r"\s*(?:\([^()\n]{1,40}\)\s*(?:-+|–|—|:)|[-–—]\s*(?P<source>[^\W\d_][^:\n]{0,40}?)\s*:)")
_MAX_SOURCE_WORDS = 4


@dataclass(slots=True)
class _Context:
    focus: str | None
    dateline: str | None
    named: set[str]  # countries of the article's actors and of the countries it names
    in_play: set[str | None] = field(init=False)

    def __post_init__(self) -> None:
        self.in_play = self.named | {self.focus, self.dateline}

    def rank(self, place: Place, match: PlaceMatch) -> tuple:
        """Sort key: the best reading of an ambiguous name first."""
        return (place.country != match.after,
                not (match.cue and place.kind in match.cue),
                place.country != self.focus,
                place.country != self.dateline,
                place.country not in self.named,
                _KIND_ORDER[place.kind],
                -(place.population or 0))

    def allowed(self, place: Place, match: PlaceMatch, rule: str | None, dateline: bool) -> bool:
        """Whether a place may be read here without an existing mention to vouch for it.

        The dateline or the place's country named right after the name settles it. Otherwise a
        risky name needs its country in play, and a "cue" one a cue word too ("بلدة سان جونز" in
        an article about Canada is no Malian San); so do a small city and a region named in one
        word (غيرا is a Chadian region and a surname; قطاع غزة is only ever the Gaza Strip).
        """
        if dateline or (match.after is not None and match.after == place.country):
            return True
        in_play = place.country is not None and place.country in self.in_play
        if rule == "cue":
            return match.cue is not None and in_play
        if rule == "country":
            return in_play
        if rule == "known" or in_play or place.kind in ("country", "area"):
            return True
        if place.kind == "region":
            return match.words > 1
        return (place.population or 0) >= MAJOR_POPULATION


def _best(places: list[Place], match: PlaceMatch, context: _Context) -> Place:
    return min(places, key=lambda p: context.rank(p, match))


def _dateline(doc: Document, matches: list[PlaceMatch],
              gazetteer: Gazetteer) -> tuple[PlaceMatch, Place] | None:
    """The dateline at the start of the first body paragraph (the second, after a title line)."""
    paragraphs = [p for p in doc.paragraphs if p.duplicate_of is None][:2]
    for index, paragraph in enumerate(paragraphs):
        found = _DATELINE.match(doc.text, paragraph.start, paragraph.end)
        if found and (found["source"] is None or len(found["source"].split()) <= _MAX_SOURCE_WORDS):
            start, end = found.span("place")
            match = next((m for m in matches if m.start == start and m.end == end), None)
            places = [p for p in match.places if p.kind != "area"] if match else []
            if places:
                country = None
                if found["country"]:
                    country_places = gazetteer.candidates(alias_key(found["country"]))
                    country = next((p.country for p in country_places if p.kind == "country"), None)
                in_country = [p for p in places if p.country == country]
                ranked = sorted(in_country or places, key=lambda p: (_DATELINE_KIND_ORDER[p.kind],
                                                                     -(p.population or 0)))
                if doc.focus_country in {p.country for p in ranked}:
                    ranked = [p for p in ranked if p.country == doc.focus_country]
                return match, ranked[0]
        text = doc.text[paragraph.start:paragraph.end].rstrip()
        if index == 0 and text.endswith(_TERMINAL):
            break  # the first paragraph is body text, not a title: no dateline further down
    return None


def _state_countries(doc: Document) -> dict[str, str]:
    """Actor id → ISO3 for the states among the document's actors."""
    return {a.id: iso3 for a in doc.actors if a.kind == "state" and (iso3 := a.country or a.canonical)}


def _actor_countries(doc: Document) -> set[str]:
    """The countries of the actors the article names (states, their governments, groups ...)."""
    named = {m.actor for m in doc.mentions if m.actor}
    return {a.country for a in doc.actors if a.id in named and a.country}


def run(doc: Document) -> Document:
    gazetteer = Gazetteer.load()
    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    skipped = {i for i, s in enumerate(doc.sentences) if s.paragraph in repeated}
    matches = [m for index, tokens in itertools.groupby(doc.tokens, key=lambda t: t.sentence)
               if index not in skipped for m in sentence_matches(Sentence.of(list(tokens)), gazetteer)]

    dateline = _dateline(doc, matches, gazetteer)
    dateline_country = None
    if dateline:
        doc.dateline = doc.span(dateline[0].start, dateline[0].end)
        dateline_country = dateline[1].country
        if doc.focus_country is None:
            doc.focus_country = dateline_country

    states = _state_countries(doc)
    named = _actor_countries(doc) | {states[m.actor] for m in doc.mentions if m.actor in states}
    named |= {p.country for m in matches if gazetteer.rule(m.key) is None
              for p in m.places if p.kind == "country"}
    context = _Context(doc.focus_country, dateline_country, named)

    existing = list(doc.mentions)
    for mention in existing:
        if mention.type in PLACE_TYPES:
            _resolve_mention(mention, matches, context, gazetteer, states)

    taken = _taken(existing)
    for match in matches:
        if _overlaps(taken, match):
            continue
        at_dateline = dateline is not None and match is dateline[0]
        rule = gazetteer.rule(match.key)
        places = [p for p in match.places if context.allowed(p, match, rule, at_dateline)]
        if not places:
            continue
        place = dateline[1] if dateline and match is dateline[0] else _best(places, match, context)
        doc.add_mention(match.start, match.end, TYPE_OF_KIND[place.kind], place=place.as_mention_place())

    doc.mentions.sort(key=lambda m: (m.start, m.end))
    for number, mention in enumerate(doc.mentions, start=1):
        mention.id = f"m{number}"
    return doc


def _taken(mentions: list[Mention]) -> tuple[list[int], list[int]]:
    """The mentions' starts in order, and the furthest end reached up to each (mentions nest)."""
    spans = sorted((m.start, m.end) for m in mentions)
    return [start for start, _ in spans], list(itertools.accumulate((end for _, end in spans), max))


def _overlaps(taken: tuple[list[int], list[int]], match: PlaceMatch) -> bool:
    starts, reach = taken
    index = bisect.bisect_left(starts, match.end)
    return index > 0 and reach[index - 1] > match.start


def _resolve_mention(mention: Mention, matches: list[PlaceMatch], context: _Context, gazetteer: Gazetteer,
                     states: dict[str, str]) -> None:
    """Give a GPE/LOC mention its place: a state's country entry, else the longest name inside
    it (no context needed: the linker or the tagger already read it as a place)."""
    place = None
    if mention.actor in states:
        place = gazetteer.country(states[mention.actor])
    if place is None:
        inside = [m for m in matches if mention.start <= m.start and m.end <= mention.end]
        if inside:
            match = max(inside, key=lambda m: m.words)
            place = _best(match.places, match, context)
    if place is not None:
        mention.place = place.as_mention_place()
        mention.type = TYPE_OF_KIND[place.kind]
