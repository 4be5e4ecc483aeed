"""A document as flat table rows: what the SQLite store inserts and what batch writes to Parquet.

One function turns the contract JSON of an analyzed article into rows for seven tables
(documents, sentences, mentions, actors, events, claims, relations, contradictions). Both the
store and the batch engine go through it, so a document stored directly and one loaded back from
Parquet are the same rows.

Actors get a corpus-wide key: the dictionary id when the actor was linked to the dictionary
(`canonical`), else `new:` and a hash of the Arabic name, so that the same unknown person named in
two articles is one actor in the store (an unnamed source, "مصدر عسكري", stays one per article).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from typing import Any

from rasid.document import Document, to_json
from rasid.resources import table
from rasid.text.normalize import fold

TABLES = ("documents", "sentences", "mentions", "actors", "events", "claims", "relations",
          "contradictions")

# Column names and SQL types of every table, in order; the store's schema and the Parquet schema
# are both built from this one list.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("id", "TEXT"), ("text_hash", "TEXT"), ("title", "TEXT"), ("published", "TEXT"),
                  ("source", "TEXT"), ("url", "TEXT"), ("lang", "TEXT"), ("focus_country", "TEXT"),
                  ("text", "TEXT"), ("warnings", "TEXT")),
    "sentences": (("doc_id", "TEXT"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
                  ("text", "TEXT"), ("norm", "TEXT"), ("stems", "TEXT")),
    "mentions": (("doc_id", "TEXT"), ("id", "TEXT"), ("start", "INTEGER"), ("end", "INTEGER"),
                 ("text", "TEXT"), ("type", "TEXT"), ("actor_key", "TEXT"), ("value", "TEXT"),
                 ("precision", "TEXT"), ("place_name", "TEXT"), ("place_country", "TEXT"),
                 ("geonames", "INTEGER"), ("lat", "REAL"), ("lon", "REAL")),
    "actors": (("doc_id", "TEXT"), ("id", "TEXT"), ("actor_key", "TEXT"), ("name_en", "TEXT"),
               ("name_ar", "TEXT"), ("kind", "TEXT"), ("country", "TEXT"), ("wikidata", "TEXT"),
               ("sector", "TEXT")),
    "events": (("doc_id", "TEXT"), ("id", "TEXT"), ("type", "TEXT"), ("mode", "TEXT"),
               ("source_key", "TEXT"), ("target_key", "TEXT"), ("sentence", "INTEGER"),
               ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger_text", "TEXT"),
               ("polarity", "TEXT"), ("modality", "TEXT"), ("date", "TEXT"), ("date_start", "TEXT"),
               ("date_mention", "TEXT"), ("place_name", "TEXT"), ("place_country", "TEXT"),
               ("geonames", "INTEGER"), ("lat", "REAL"), ("lon", "REAL"), ("geo_precision", "TEXT"),
               ("quantity", "REAL")),
    "claims": (("doc_id", "TEXT"), ("id", "TEXT"), ("speaker_key", "TEXT"), ("stance", "TEXT"),
               ("kind", "TEXT"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue_text", "TEXT"),
               ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content_text", "TEXT"),
               ("events", "TEXT")),
    "relations": (("doc_id", "TEXT"), ("idx", "INTEGER"), ("type", "TEXT"), ("head_key", "TEXT"),
                  ("tail_key", "TEXT"), ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER")),
    "contradictions": (("doc_id", "TEXT"), ("id", "TEXT"), ("claim_a", "TEXT"), ("claim_b", "TEXT"),
                       ("reason", "TEXT")),
}

Rows = dict[str, list[dict[str, Any]]]


def folded_name(text: str) -> str:
    """A name as the store matches it: folded, whitespace collapsed (أنصار  الله → انصار الله).

    `text_hash` hashes an article's text folded this way: a change here changes the stored hashes.
    """
    return " ".join(fold(text).split())


def text_hash(text: str) -> str:
    """The identity of an article's wording: sha1 of its folded text with whitespace collapsed."""
    return hashlib.sha1(folded_name(text).encode("utf-8")).hexdigest()


@functools.cache
def _unnamed_sources() -> frozenset[str]:
    """English names the claims stage gives unnamed speakers ("a military source", "observers")."""
    return frozenset(row[1] for row in table("claims/unnamed_sources.tsv")[1:])


def actor_key(actor: dict[str, Any], doc_id: str = "") -> str:
    """The corpus-wide key of a document's actor (see the module docstring).

    An unnamed speaker ("مصدر عسكري") is someone different in every article: its key includes
    the document, so that the store does not merge every "military source" into one actor.
    """
    if actor.get("canonical"):
        return str(actor["canonical"])
    name = folded_name(actor.get("name_ar") or actor.get("name_en") or actor["id"])
    if actor.get("name_en") in _unnamed_sources():
        name = f"{doc_id}/{name}"
    return "new:" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")


def date_start(value: str | None) -> str | None:
    """The first day of a date value's period (2021-W42 → 2021-10-18), for sorting and filtering.

    Durations, times and centuries have no day to sort by and give None.
    """
    if not value:
        return None
    if _DAY.match(value):  # a day, or a range "day/day"
        return value[:10]
    if match := _WEEK.match(value):
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1).isoformat()
    if match := _MONTH.match(value):
        return f"{match[1]}-{match[2]}-01"
    if match := _YEAR.match(value):
        return f"{match[1]}-01-01"
    if match := _DECADE.match(value):
        return f"{match[1]}0-01-01"
    return None


def light_json(doc: Document) -> dict[str, Any]:
    """The contract JSON with only what rows need of the tokens (their sentence and stem).

    Tokens are most of a document's JSON and of the time it takes to build; the store keeps
    none of them but each sentence's stems.
    """
    data = to_json(doc, exclude=("tokens", "paragraphs"))
    data["tokens"] = [{"sentence": t.sentence, "stem": t.stem} for t in doc.tokens]
    return data


def document_rows(doc: dict[str, Any], *, hash_of_text: str | None = None) -> Rows:
    """Flatten one contract document (`to_json` output) into rows, keyed by table name."""
    doc_id = doc["id"]
    keys = {a["id"]: actor_key(a, doc_id) for a in doc.get("actors", [])}
    places = {m["id"]: m.get("place") or {} for m in doc.get("mentions", [])}
    text = doc["text"]
    tokens_by_sentence: dict[int, list[str]] = {}
    for token in doc.get("tokens", []):
        stem = token.get("stem") or token.get("text", "")
        tokens_by_sentence.setdefault(token["sentence"], []).append(stem)
    rows: Rows = {name: [] for name in TABLES}
    rows["documents"].append({
        "id": doc_id, "text_hash": hash_of_text or text_hash(text), "title": doc.get("title"),
        "published": doc.get("published"), "source": doc.get("source"), "url": doc.get("url"),
        "lang": doc.get("lang"), "focus_country": doc.get("focus_country"), "text": text,
        "warnings": json.dumps(doc.get("warnings", []), ensure_ascii=False)})
    for idx, sentence in enumerate(doc.get("sentences", [])):
        original = text[sentence["start"]:sentence["end"]]
        rows["sentences"].append({
            "doc_id": doc_id, "idx": idx, "start": sentence["start"], "end": sentence["end"],
            "text": original, "norm": fold(original),
            "stems": fold(" ".join(tokens_by_sentence.get(idx, [])))})
    for m in doc.get("mentions", []):
        place = m.get("place") or {}
        value = m.get("value")
        rows["mentions"].append({
            "doc_id": doc_id, "id": m["id"], "start": m["start"], "end": m["end"], "text": m["text"],
            "type": m["type"], "actor_key": keys.get(m.get("actor") or ""),
            "value": None if value is None else str(value), "precision": m.get("precision"),
            "place_name": place.get("name_en"), "place_country": place.get("country"),
            "geonames": place.get("geonames"), "lat": place.get("lat"), "lon": place.get("lon")})
    for a in doc.get("actors", []):
        rows["actors"].append({
            "doc_id": doc_id, "id": a["id"], "actor_key": keys[a["id"]], "name_en": a.get("name_en"),
            "name_ar": a.get("name_ar"), "kind": a.get("kind"), "country": a.get("country"),
            "wikidata": a.get("wikidata"), "sector": a.get("sector")})
    for e in doc.get("events", []):
        date = e.get("date") or {}
        where = e.get("location") or {}
        quantity = e.get("quantity")
        rows["events"].append({
            "doc_id": doc_id, "id": e["id"], "type": e["type"], "mode": e.get("mode"),
            "source_key": keys.get(e.get("source") or ""), "target_key": keys.get(e.get("target") or ""),
            "sentence": e["sentence"], "trigger_start": e["trigger"]["start"],
            "trigger_end": e["trigger"]["end"], "trigger_text": e["trigger"].get("text"),
            "polarity": e["polarity"], "modality": e["modality"], "date": date.get("value"),
            "date_start": date_start(date.get("value")), "date_mention": date.get("mention"),
            "place_name": where.get("name_en"),
            "place_country": (places.get(where.get("mention") or "", {}).get("country")
                              or where.get("country")),
            "geonames": where.get("geonames"), "lat": where.get("lat"), "lon": where.get("lon"),
            "geo_precision": where.get("precision"),
            "quantity": None if quantity is None else float(quantity)})
    for c in doc.get("claims", []):
        rows["claims"].append({
            "doc_id": doc_id, "id": c["id"], "speaker_key": keys.get(c.get("speaker") or ""),
            "stance": c["stance"], "kind": c["kind"], "cue_start": c["cue"]["start"],
            "cue_end": c["cue"]["end"], "cue_text": c["cue"].get("text"),
            "content_start": c["content"]["start"], "content_end": c["content"]["end"],
            "content_text": c["content"].get("text"), "events": json.dumps(c.get("events", []))})
    for idx, r in enumerate(doc.get("relations", [])):
        rows["relations"].append({
            "doc_id": doc_id, "idx": idx, "type": r["type"], "head_key": keys.get(r["head"]),
            "tail_key": keys.get(r["tail"]), "evidence_start": r["evidence"]["start"],
            "evidence_end": r["evidence"]["end"]})
    for x in doc.get("contradictions", []):
        first, second = x["claims"][:2]
        rows["contradictions"].append({
            "doc_id": doc_id, "id": x["id"], "claim_a": first, "claim_b": second, "reason": x["reason"]})
    return rows
