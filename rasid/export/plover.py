"""PLOVER 2.0 records, one JSON object a line: the event data format rasid's types come from.

Each record carries PLOVER's fields (id, date, actor, recipient, event, mode, context, event_loc,
event_text) and what ties it to its evidence (text_info: document, outlet, URL, publication date
and the character offsets of the trigger and its sentence), plus rasid's polarity, modality and
the date as the article gives it (`date_value`: a day, a week 2021-W42, a month, a year) next to
PLOVER's `date` (its first day). PLOVER's `context` is filled only where the mode says it
(humanitarian, economic, military aid); rasid does not guess the rest.
"""

from __future__ import annotations

import json
import os
from typing import Any

from rasid.export.query import NO_FILTERS, Filters, actor_name, actors, atomic_file, events
from rasid.store import Store

_CONTEXT = {"humanitarian": "humanitarian", "economic": "economic", "military": "military"}


def _actors(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    return [{"name": actor_name(actor), "name_ar": actor.get("name_ar"), "key": actor["key"],
             "country": actor.get("country"), "sector": actor.get("sector"), "kind": actor.get("kind"),
             "wikidata": actor.get("wikidata")}]


def record(event: dict[str, Any], cast: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The PLOVER record of one stored event (with its document fields, as `query.events` gives)."""
    location = None
    if event["place_name"] or event["lat"] is not None:
        location = {"name": event["place_name"], "lat": event["lat"], "lon": event["lon"],
                    "geonames": event["geonames"], "country": event["place_country"],
                    "precision": event["geo_precision"]}
    return {
        "id": f"{event['doc_id']}-{event['id']}",
        "date": event["day"],
        "date_value": event["date"],
        "date_defaulted": event["date_mention"] is None,
        "actor": _actors(cast.get(event["source_key"] or "")),
        "recipient": _actors(cast.get(event["target_key"] or "")),
        "event": event["type"],
        "mode": event["mode"],
        "context": [_CONTEXT[event["mode"]]] if event["mode"] in _CONTEXT else [],
        "polarity": event["polarity"],
        "modality": event["modality"],
        "quantity": event["quantity"],
        "event_loc": location,
        "event_text": event["sentence_text"],
        "text_info": {"doc_id": event["doc_id"], "event_id": event["id"], "source": event["outlet"],
                      "url": event["url"], "title": event["title"], "published": event["published"],
                      "trigger": {"start": event["trigger_start"], "end": event["trigger_end"],
                                  "text": event["trigger_text"]},
                      "sentence": {"index": event["sentence"], "start": event["sentence_start"],
                                   "end": event["sentence_end"]}},
    }


def export_plover(store: Store, path: str | os.PathLike[str], filters: Filters = NO_FILTERS) -> int:
    """Write the filtered events as PLOVER JSON lines at `path`; returns the number of records."""
    cast = actors(store)
    written = 0
    with atomic_file(path) as handle:
        for event in events(store, filters):
            handle.write(json.dumps(record(event, cast), ensure_ascii=False) + "\n")
            written += 1
    return written
