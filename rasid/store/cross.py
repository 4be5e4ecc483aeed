"""Cross-source contradictions: a claim in one article that another article's claim denies.

Within one article, `rasid.claims.contradictions.contradiction_between` decides whether two
claims state the same proposition with opposite polarity. Across a corpus the same words recur
about different occasions ("Trump meets …" in May, "Trump will not meet …" in October), so a
pair must also be about one occasion:

- one claim asserts the event, the other denies it (or the accused actor itself says it did not
  happen): a hedged or merely reported negation is too weak a signal across articles;
- an event of the same PLOVER type with opposite polarity in each claim;
- the same named source actor on both sides (never two unnamed ones); the target the same, or
  unnamed on one side; and unless the same target or the same place (finer than a country) is
  named on both sides, wordings that share at least `SHARED_WORDS` content words;
- event days (the event's own date when the article gives a day, else its publication date) at
  most `WINDOW_DAYS` apart;
- different documents, and different speakers or outlets (a speaker repeating itself in one
  outlet is not a contradiction between sources).

Events here carry corpus-wide actor keys (see `rows.actor_key`) instead of document-local ids,
so that actors compare across documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasid.claims.contradictions import Stated, contradiction_between
from rasid.document import Actor, Claim, Event, Span
from rasid.resources import word_list
from rasid.text.arabic import strip_clitics
from rasid.text.normalize import fold

# Two reports of one occasion: event days at most this far apart (a week covers "last week").
WINDOW_DAYS = 7
# Two wordings of one proposition, when neither the target nor the place is named on both sides,
# share at least this many content words besides the trigger (the type and source already match).
SHARED_WORDS = 1
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ClaimRecord:
    """A stored claim with what a cross-source match needs: its document, outlet and speaker."""

    doc_id: str
    claim_id: str
    outlet: str | None
    speaker: str | None
    stated: Stated
    words: frozenset[str] = frozenset()  # content words of the claim, folded, without clitics

    def event_keys(self) -> set[tuple[str, str, str]]:
        """(event type, polarity, source actor key) of every event in the claim with a named source."""
        return {(e.type, e.polarity, e.source) for e in self.stated.events if e.source}


def _actor(row: dict[str, Any]) -> Actor:
    key = row["actor_key"]
    return Actor(key, row.get("name_en"), row.get("name_ar"), row.get("kind") or "other",
                 row.get("country"), row.get("wikidata"), None if key.startswith("new:") else key)


def claim_records(doc_id: str, outlet: str | None, published: str | None, claims: Iterable[dict[str, Any]],
                  events: Iterable[dict[str, Any]], actors: Iterable[dict[str, Any]]) -> list[ClaimRecord]:
    """The claims of one document (rows as `rows.document_rows` makes them) that contain events."""
    by_id = {e["id"]: Event(e["id"], e["type"],
                            Span(e["trigger_start"], e["trigger_end"], e.get("trigger_text")), e["sentence"],
                            source=e.get("source_key"), target=e.get("target_key"),
                            polarity=e["polarity"], modality=e["modality"],
                            date={"day": _event_day(e.get("date"), published)},
                            location=_place(e))
             for e in events}
    cast = {a["actor_key"]: _actor(a) for a in actors}
    records = []
    for c in claims:
        inside = tuple(by_id[i] for i in json.loads(c["events"]) if i in by_id)
        if not inside:
            continue
        # The claim is named by outlet (or document) and id, so that the reason a contradiction
        # gives tells the two articles apart: "Outlet A:c1 asserts …; Outlet B:c3 denies".
        label = f"{outlet or doc_id[:10]}:{c['id']}"
        claim = Claim(label, c.get("speaker_key"), c["stance"], c["kind"],
                      Span(c["cue_start"], c["cue_end"]), Span(c["content_start"], c["content_end"]),
                      [e.id for e in inside])
        stated = Stated(claim, inside, cast)
        records.append(ClaimRecord(doc_id, c["id"], outlet, c.get("speaker_key"), stated,
                                   content_words(c.get("content_text") or "")))
    return records


def independent(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two claims from different documents and from different speakers or outlets."""
    if a.doc_id == b.doc_id:
        return False
    return a.speaker != b.speaker or a.outlet != b.outlet


def _event_day(value: str | None, published: str | None) -> str | None:
    """The event's own day when the article gives one; a week, month or year is too coarse to
    tell two occasions apart, so those fall back to the publication date."""
    return value[:10] if value and _DAY.match(value) else published


def _day(event: Event) -> dt.date | None:
    day = (event.date or {}).get("day")
    return dt.date.fromisoformat(day[:10]) if day else None


def same_occasion(one: Event, other: Event) -> bool:
    """Two events that may be the same happening: same named source, compatible target, near days."""
    if one.type != other.type or one.polarity == other.polarity:
        return False
    if one.source is None or one.source != other.source:
        return False
    if one.target and other.target and one.target != other.target:
        return False
    first, second = _day(one), _day(other)
    return first is not None and second is not None and abs((first - second).days) <= WINDOW_DAYS


@functools.cache
def _function_words() -> frozenset[str]:
    return word_list("claims/function_words.txt")


def content_words(text: str) -> frozenset[str]:
    """Words of three letters or more, folded and without clitics, less function words and
    reporting verbs: what two wordings of one proposition share."""
    words = set()
    for word in fold(text).split():
        word = "".join(c for c in word if c.isalpha())
        stem = strip_clitics(word)
        if len(stem) >= 3 and stem not in _function_words() and word not in _function_words():
            words.add(stem)
    return frozenset(words)


def _place(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place when it is finer than a country (a country says little about an occasion)."""
    if event.get("geonames") is None or event.get("geo_precision") in (None, "country"):
        return None
    return {"geonames": event["geonames"]}


def _firm(record: ClaimRecord, event: Event) -> bool:
    """A claim firm enough to set against another article's.

    An event that happened must be asserted (not speculated); one that did not must be denied, or
    said not to have happened by the actor accused of it ("قالت الجماعة إنها لم تهاجم الموقع").
    """
    stance = record.stated.claim.stance
    if event.polarity == "positive":
        return stance == "assert"
    return stance == "deny" or (stance == "assert" and record.speaker is not None
                                and record.speaker == event.source)


def _same_proposition(a: ClaimRecord, b: ClaimRecord, one: Event, other: Event) -> bool:
    """The same named target or the same place on both sides, or wordings sharing SHARED_WORDS
    words besides the event's trigger ("قصفت السوق" and "قصفت سوق الفاشر" share السوق)."""
    if one.target and one.target == other.target:
        return True
    if one.location and one.location == other.location:
        return True
    triggers = content_words(one.trigger.text or "") | content_words(other.trigger.text or "")
    return len((a.words & b.words) - triggers) >= SHARED_WORDS


def contradiction(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Why an earlier claim `a` and a new claim `b` contradict, or None."""
    if not independent(a, b):
        return None
    for one in a.stated.events:
        for other in b.stated.events:
            if (same_occasion(one, other) and _firm(a, one) and _firm(b, other)
                    and _same_proposition(a, b, one, other)):
                reason = contradiction_between(Stated(a.stated.claim, (one,), a.stated.actors),
                                               Stated(b.stated.claim, (other,), b.stated.actors))
                if reason is not None:
                    return reason
    return None


class ClaimIndex:
    """Claims seen so far, by (event type, polarity, actor key): for corpus-wide matching in memory."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str, str], list[ClaimRecord]] = defaultdict(list)

    def candidates(self, record: ClaimRecord) -> list[ClaimRecord]:
        """Earlier claims with an opposite-polarity event of the same type from the same source."""
        seen: dict[tuple[str, str], ClaimRecord] = {}
        for type_, polarity, key in record.event_keys():
            opposite = "negative" if polarity == "positive" else "positive"
            for other in self._by_key.get((type_, opposite, key), []):
                seen.setdefault((other.doc_id, other.claim_id), other)
        return list(seen.values())

    def add(self, record: ClaimRecord) -> None:
        for key in record.event_keys():
            self._by_key[key].append(record)


def find_cross_contradictions(index: ClaimIndex, records: Iterable[ClaimRecord]
                              ) -> list[tuple[ClaimRecord, ClaimRecord, str]]:
    """Match one document's claims against the index, then add them to it.

    Returns (earlier claim, new claim, reason) for every contradiction found.
    """
    records = list(records)
    found = []
    for record in records:
        for other in index.candidates(record):
            reason = contradiction(other, record)
            if reason is not None:
                found.append((other, record, reason))
    for record in records:
        index.add(record)
    return found
