"""ACLED-style CSV: the store's events under ACLED's column names, for tools built around ACLED.

ACLED records political violence, demonstrations and the strategic developments around them, so
only PLOVER types that are such acts map onto it:

| PLOVER type (mode) | ACLED event_type | sub_event_type |
|---|---|---|
| ASSAULT (aerial) | Explosions/Remote violence | Air/drone strike |
| ASSAULT (explosives) | Explosions/Remote violence | Remote explosive/landmine/IED |
| ASSAULT (abduct) | Violence against civilians | Abduction/forced disappearance |
| ASSAULT (sexual) | Violence against civilians | Sexual violence |
| ASSAULT (assassinate, execute, torture, beat) | Violence against civilians | Attack |
| ASSAULT (other mode), target civilian (inter 7) | Violence against civilians | Attack |
| ASSAULT (other mode), target armed or unknown | Battles | Armed clash |
| PROTEST (riot) | Riots | Violent demonstration |
| PROTEST (other mode) | Protests | Peaceful protest |
| AGREE; CONCEDE (not disarm) | Strategic developments | Agreement |
| CONCEDE (disarm); MOBILIZE | Strategic developments | Change to group/activity |
| RETREAT (withdraw) | Strategic developments | Non-violent transfer of territory |
| RETREAT (other mode) | Strategic developments | Change to group/activity |
| COERCE (arrest) | Strategic developments | Arrests |
| COERCE (seize) | Strategic developments | Looting/property destruction |
| COERCE (other mode); SANCTION; COOPERATE; AID | Strategic developments | Other |
| CONSULT, SUPPORT, REQUEST, ACCUSE, REJECT, THREATEN | not ACLED events: left out | (`--all`: SD, Other) |

Violence against civilians, and explosions aimed at civilians, get civilian_targeting "Civilian
targeting". disorder_type is "Political violence" for Battles, Explosions/Remote violence and
Violence against civilians, "Demonstrations" for Protests and Riots, else "Strategic developments".

inter codes come from the actor's sector and kind: 1 state forces (GOV MIL COP SPY LEG JUD sectors,
state/government/ministry/military kinds), 8 when that state is not the event's country and for
IGOs, 2 rebels (REB, INS, other armed groups), 3 political militias (UAF, armed parties; also an
unidentified attacker), 4 identity militias (an ethnic group or ETH armed group as attacker), 5
rioters and 6 protesters (the source of a riot or protest), 7 civilians (everyone else), 0 no actor.

Other columns: time_precision 1 for a day, 2 for a week, a month or an undated event (filed under
its article's date), 3 for a year or more; geo_precision 1 for a town, 2 for a region or named
area, 3 for a country; fatalities is the event's number only for an ASSAULT whose number counts the
dead (قتلى، مقتل ...), else 0, with the reason in notes; notes is the trigger's sentence; source is
the outlet; source_scale, admin2 and admin3 stay empty. Events that did not happen are left out
unless `include_all` (see `rasid.export.query`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rasid.export.query import NO_FILTERS, Filters, actor_name, actors, atomic_file, events
from rasid.geo.gazetteer import Gazetteer, Place
from rasid.store import Store
from rasid.text.normalize import fold

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
           "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
           "notes", "fatalities", "tags", "timestamp")

VERBAL = frozenset({"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
VIOLENCE = "Political violence"
BATTLES, REMOTE, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
STRATEGIC = "Strategic developments"
# (type, mode) first, then (type, None) for every other mode; ASSAULT without a listed mode is
# decided by its target (`_assault`).
_STRATEGIC = {("AGREE", None): "Agreement", ("CONCEDE", None): "Agreement",
              ("CONCEDE", "disarm"): "Change to group/activity",
              ("MOBILIZE", None): "Change to group/activity",
              ("RETREAT", "withdraw"): "Non-violent transfer of territory",
              ("RETREAT", None): "Change to group/activity", ("COERCE", "arrest"): "Arrests",
              ("COERCE", "seize"): "Looting/property destruction"}
_ASSAULT = {"aerial": (REMOTE, "Air/drone strike"), "explosives": (REMOTE, "Remote explosive/landmine/IED"),
            "abduct": (VAC, "Abduction/forced disappearance"), "sexual": (VAC, "Sexual violence"),
            "assassinate": (VAC, "Attack"), "execute": (VAC, "Attack"), "torture": (VAC, "Attack"),
            "beat": (VAC, "Attack")}

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
STATE_KINDS = frozenset({"state", "government", "ministry", "military"})
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}
GEO_PRECISION = {"place": 1, "region": 2, "country": 3}
# Words that make a number a count of the dead (folded): قتيلا، قتلى، مقتل، قُتل، مصرع، لقوا حتفهم، شهداء.
_KILLED = re.compile(r"قتل|قتيل|مصرع|حتف|شهيد|شهداء|استشهاد|بحياه|اعدام")
_WOUNDED = re.compile(r"جرح|جريح|اصاب|اصيب|مصاب")


@dataclass(frozen=True)
class Country:
    """ACLED's iso (ISO numeric), region and country name of one ISO3 code."""

    iso: int
    region: str
    name: str


@cache
def countries() -> dict[str, Country]:
    """countries.tsv joined with the gazetteer's English country names."""
    gazetteer = Gazetteer.load()
    found = {}
    text = (resources.files("rasid.export") / "countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for iso3, numeric, region in rows[1:]:
        place = gazetteer.country(iso3)
        found[iso3] = Country(int(numeric), region, place.name_en if place else iso3)
    return found


@cache
def _places() -> tuple[dict[int, Place], dict[tuple[str, str], str]]:
    """Gazetteer places by GeoNames id, and first-level region names by (country, admin1 code)."""
    gazetteer = Gazetteer.load()
    by_id = {p.geonames: p for p in gazetteer.places if p.geonames is not None}
    regions = {(p.country, p.admin1): p.name_en for p in gazetteer.places
               if p.kind == "region" and p.country and p.admin1}
    return by_id, regions


def precision_of(value: str | None, defaulted: bool) -> int:
    """ACLED time_precision of a date value (2021-10-21, 2021-W42, 2021-06, 2020 ...)."""
    if not value or defaulted:
        return 2
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return TIME_PRECISION["day"]
    if "-W" in value or re.fullmatch(r"\d{4}-\d{2}", value) or "/" in value:
        return TIME_PRECISION["month"]
    return TIME_PRECISION["year"]


def inter_code(actor: dict[str, Any] | None, event: dict[str, Any], role: str) -> int:
    """ACLED's inter code of the event's `role` ('source' or 'target') actor (module docstring)."""
    if actor is None:
        return 0
    sector, kind = actor.get("sector"), actor.get("kind")
    attacker = role == "source" and event["type"] == "ASSAULT"
    if role == "source" and event["type"] == "PROTEST" and sector not in STATE_SECTORS:
        return 5 if "riot" in (event["mode"] or "") else 6
    if sector in STATE_SECTORS or (kind in STATE_KINDS and sector is None):
        country = event["place_country"] or event["focus_country"]
        return 8 if actor.get("country") and country and actor["country"] != country else 1
    if sector == "IGO" or kind == "igo":
        return 8
    if sector in ("REB", "INS"):
        return 2
    if sector == "UAF":
        return 3
    if kind == "armed_group":
        return {"ETH": 4, "PTY": 3, "OPP": 3}.get(sector or "", 2)
    if attacker and (sector == "ETH" or kind == "ethnic_group"):
        return 4
    return 7


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the lower code first; a lone actor is `code`0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def classify(event: dict[str, Any], inter2: int) -> tuple[str, str, str] | None:
    """(disorder_type, event_type, sub_event_type), or None for a verbal event (not an ACLED event)."""
    type_, mode = event["type"], event["mode"]
    if type_ == "ASSAULT":
        kind, sub = _ASSAULT.get(mode or "", (VAC, "Attack") if inter2 == 7 else (BATTLES, "Armed clash"))
        return VIOLENCE, kind, sub
    if type_ == "PROTEST":
        if "riot" in (mode or ""):
            return "Demonstrations", "Riots", "Violent demonstration"
        return "Demonstrations", "Protests", "Peaceful protest"
    if type_ in VERBAL:
        return None
    return STRATEGIC, STRATEGIC, _STRATEGIC.get((type_, mode), _STRATEGIC.get((type_, None), "Other"))


def fatalities(store: Store, event: dict[str, Any]) -> tuple[int, str]:
    """The number of dead an ASSAULT reports, and a note when it cannot be told (then 0)."""
    if event["type"] != "ASSAULT":
        return 0, ""
    if event["quantity"] is None:
        return 0, "fatalities: no number given"
    if event["sentence_start"] is None:
        return 0, "fatalities: unknown"
    rows = store.conn.execute(
        "SELECT \"start\", text, value FROM mentions WHERE doc_id = ? AND type = 'QUANTITY' "
        "AND \"start\" >= ? AND \"end\" <= ?", (event["doc_id"], event["sentence_start"],
                                               event["sentence_end"])).fetchall()
    number = int(event["quantity"]) if float(event["quantity"]).is_integer() else event["quantity"]
    sentence = event["sentence_text"] or ""
    for mention in sorted(rows, key=lambda r: abs(r["start"] - event["trigger_start"])):
        if _number(mention["value"]) != event["quantity"]:
            continue
        # The counted noun (١٢ قتيلا) or the word before the number (مقتل 9 جنود، قُتل ١٢ مدنيا).
        before = fold(sentence[:mention["start"] - event["sentence_start"]]).split()[-1:]
        for words in (fold(mention["text"]), " ".join(before)):
            if _KILLED.search(words):
                return int(event["quantity"]), ""
            if _WOUNDED.search(words):
                return 0, f"fatalities: unknown (the number {number} counts the wounded)"
    return 0, f"fatalities: unknown (the number {number} may not count the dead)"


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _side(actor: dict[str, Any] | None, code: int, event: dict[str, Any], role: str) -> tuple[str, str]:
    """(actor, assoc_actor) names: civilians as ACLED writes them, unknown attackers and crowds."""
    country = countries().get(event["place_country"] or event["focus_country"] or "")
    where = f" ({country.name})" if country else ""
    if actor is None:
        if role == "source" and event["type"] == "ASSAULT":
            return f"Unidentified Armed Group{where}", ""
        if role == "source" and event["type"] == "PROTEST":
            return f"Protesters{where}", ""
        return "", ""
    if code == 7 and actor.get("kind") in ("person", "ethnic_group", "other", None):
        own = countries().get(actor.get("country") or "")
        return f"Civilians ({own.name})" if own else f"Civilians{where}", actor_name(actor)
    return actor_name(actor), ""


def row(store: Store, event: dict[str, Any], cast: dict[str, dict[str, Any]],
        include_all: bool) -> dict[str, Any] | None:
    """One ACLED row for a stored event (with its document fields), or None when it is left out."""
    source, target = cast.get(event["source_key"] or ""), cast.get(event["target_key"] or "")
    inter1, inter2 = inter_code(source, event, "source"), inter_code(target, event, "target")
    if source is None and event["type"] == "ASSAULT":
        inter1 = 3
    elif source is None and event["type"] == "PROTEST":
        inter1 = 6
    kinds = classify(event, inter2)
    if kinds is None:
        if not include_all:
            return None
        kinds = (STRATEGIC, STRATEGIC, "Other")
    disorder, event_type, sub_event_type = kinds
    actor1, assoc1 = _side(source, inter1, event, "source")
    actor2, assoc2 = _side(target, inter2, event, "target")
    iso3 = event["place_country"] or event["focus_country"] or ""
    country = countries().get(iso3)
    place = _places()[0].get(event["geonames"]) if event["geonames"] is not None else None
    admin1 = ""
    if place is not None and place.kind == "region":
        admin1 = place.name_en
    elif place is not None and place.admin1:
        admin1 = _places()[1].get((place.country or "", place.admin1), "")
    killed, note = fatalities(store, event)
    notes = " ".join((event["sentence_text"] or event["trigger_text"] or "").split())
    day = event["day"] or ""
    stamp = dt.datetime.fromisoformat(event["ingested_at"]) if event["ingested_at"] else None
    tags = [f"plover={event['type']}", f"mode={event['mode'] or ''}", f"modality={event['modality']}",
            f"polarity={event['polarity']}", f"doc={event['doc_id']}"]
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}-{event['doc_id'][:12]}-{event['id']}",
        "event_date": day, "year": day[:4],
        "time_precision": precision_of(event["date"], event["date_mention"] is None),
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and disorder == VIOLENCE else "",
        "iso": country.iso if country else "", "region": country.region if country else "",
        "country": country.name if country else iso3, "admin1": admin1, "admin2": "", "admin3": "",
        "location": event["place_name"] or "", "latitude": _coordinate(event["lat"]),
        "longitude": _coordinate(event["lon"]),
        "geo_precision": GEO_PRECISION.get(event["geo_precision"] or "",
                                           3 if event["lat"] is not None else ""),
        "source": event["outlet"] or "", "source_scale": "",
        "notes": f"{notes} [rasid: {note}]" if note else notes,
        "fatalities": killed, "tags": "; ".join(tags),
        "timestamp": int(stamp.timestamp()) if stamp else "",
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def export_acled(store: Store, path: str | os.PathLike[str], filters: Filters = NO_FILTERS) -> int:
    """Write the filtered events as an ACLED-style CSV at `path`; returns the number of rows."""
    cast = actors(store)
    written = 0
    with atomic_file(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events(store, filters):
            record = row(store, event, cast, filters.include_all)
            if record is not None:
                writer.writerow(record)
                written += 1
    return written
