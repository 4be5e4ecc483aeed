"""English glosses for what the UI shows over Arabic text: events as sentences, mentions as labels.

A reader who does not read Arabic should still see at a glance who did what to whom and when,
so every event becomes one plain sentence ("Government of Mali DENIED requesting talks with
JNIM — 2021-10-21") built from a phrase table kept beside the templates.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, NamedTuple


class Phrase(NamedTuple):
    base: str
    past: str
    gerund: str
    prep: str


@cache
def _phrases() -> dict[tuple[str, str], Phrase]:
    text = (resources.files("rasid.web") / "templates" / "event_phrases.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {(t, mode): Phrase(base, past, gerund, "" if prep == "-" else prep)
            for t, mode, base, past, gerund, prep in rows[1:]}


def phrase(type_: str, mode: str | None) -> Phrase:
    table = _phrases()
    fallback = Phrase(type_.lower(), type_.lower(), type_.lower(), "")
    return table.get((type_, mode or "*")) or table.get((type_, "*"), fallback)


def event_sentence(event: dict[str, Any], *, denied_by_source: bool = False) -> str:
    """One English sentence for an event row (source_name, target_name, type, mode, polarity …).

    A negative event its own source denies reads "X DENIED attacking Y"; one denied by someone
    else reads "X DID NOT attack Y"; future and hypothetical events read WILL (NOT) and MAY (NOT).
    """
    words = phrase(event["type"], event.get("mode"))
    source = event.get("source_name") or "Someone"
    target = event.get("target_name")
    negative = event.get("polarity") == "negative"
    if event.get("modality") in ("future", "hypothetical"):
        auxiliary = "WILL" if event["modality"] == "future" else "MAY"
        verb = f"{auxiliary} {'NOT ' if negative else ''}{words.base}"
    elif negative:
        verb = f"DENIED {words.gerund}" if denied_by_source else f"DID NOT {words.base}"
    else:
        verb = words.past
    sentence = f"{source} {verb}"
    if target:
        sentence += f" {words.prep} {target}" if words.prep else f" {target}"
    if event.get("quantity") is not None:
        sentence += f" (quantity {_number(event['quantity'])})"
    if event.get("place_name"):
        sentence += f" in {event['place_name']}"
    if event.get("modality") == "reported":
        sentence += " (reported)"
    if event.get("date"):
        sentence += f" — {event['date']}"
    return sentence


def _number(value: float | int) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def mention_gloss(mention: dict[str, Any], actor_name: str | None) -> str:
    """What a mention is, in English: its actor, its place, or its normalized value."""
    parts = [mention["type"]]
    if actor_name:
        parts.append(actor_name)
    if mention.get("place_name") and mention["place_name"] != actor_name:
        parts.append(mention["place_name"])
    if mention.get("value") not in (None, ""):
        value = mention["value"]
        parts.append(_number(value) if isinstance(value, int | float) else str(value))
    return " · ".join(parts)
