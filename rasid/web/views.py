"""What the article page shows, built the same way for a stored article and for a fresh analysis.

The store answers with rows keyed by corpus-wide actor keys; `analyze` answers with the
contract JSON and document-local actor ids. Both are brought to one shape here (the store's
row shape), so the article template and the highlighter have a single input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from rasid.web.glosses import event_sentence, mention_gloss
from rasid.web.highlight import Span, render

Row = dict[str, Any]


@dataclass
class ArticleView:
    doc: Row                                  # id, title, published, source, url, lang, text, warnings
    html: Markup
    events: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    contradictions: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    story_documents: list[Row] = field(default_factory=list)
    stored: bool = False                      # actors link to their pages only for stored articles


def from_stored(row: Row) -> ArticleView:
    """The view of `queries.document(store, id)`."""
    return _build(row, stored=True)


def from_contract(data: Row) -> ArticleView:
    """The view of a document's contract JSON (`rasid.document.to_json`), not stored."""
    actors = {a["id"]: a for a in data["actors"]}

    def name(actor_id: str | None) -> str | None:
        actor = actors.get(actor_id or "")
        return (actor["name_en"] or actor["name_ar"]) if actor else None

    mentions = [{**m, "actor_key": m["actor"], "place_name": (m.get("place") or {}).get("name_en")}
                for m in data["mentions"]]
    events = []
    for e in data["events"]:
        date, location = e.get("date") or {}, e.get("location") or {}
        events.append({
            "id": e["id"], "type": e["type"], "mode": e.get("mode"), "source_key": e["source"],
            "source_name": name(e["source"]), "target_key": e["target"], "target_name": name(e["target"]),
            "polarity": e["polarity"], "modality": e["modality"], "date": date.get("value"),
            "place_name": location.get("name_en"), "quantity": e.get("quantity"),
            "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
            "trigger_text": e["trigger"]["text"]})
    in_contradiction = {c for x in data["contradictions"] for c in x["claims"]}
    claims = [{"id": c["id"], "speaker_key": c["speaker"], "speaker": name(c["speaker"]),
               "stance": c["stance"], "kind": c["kind"], "cue_start": c["cue"]["start"],
               "cue_end": c["cue"]["end"], "cue_text": c["cue"]["text"],
               "content_start": c["content"]["start"], "content_end": c["content"]["end"],
               "content_text": c["content"]["text"], "events": c["events"],
               "contradicted": c["id"] in in_contradiction} for c in data["claims"]]
    by_claim = {c["id"]: c for c in claims}
    contradictions = []
    for x in data["contradictions"]:
        a, b = (by_claim[i] for i in x["claims"])
        contradictions.append({"id": x["id"], "reason": x["reason"], "scope": "document",
                               **_side("a", a, data), **_side("b", b, data)})
    row = {key: data.get(key) for key in ("id", "title", "published", "source", "url", "lang", "text",
                                         "warnings")}
    row.update(mentions=mentions, events=events, claims=claims, contradictions=contradictions,
               sentences=[{"idx": i, **s} for i, s in enumerate(data["sentences"])],
               actors=[{**a, "actor_key": a["id"]} for a in data["actors"]],
               relations=[{"type": r["type"], "head_key": r["head"], "tail_key": r["tail"]}
                          for r in data["relations"]])
    return _build(row, stored=False)


def _side(side: str, claim: Row, data: Row) -> Row:
    return {f"claim_{side}": claim["id"], f"speaker_{side}": claim["speaker"],
            f"stance_{side}": claim["stance"], f"content_{side}": claim["content_text"],
            f"title_{side}": data.get("title"), f"outlet_{side}": data.get("source"),
            f"published_{side}": data.get("published")}


def _build(row: Row, *, stored: bool) -> ArticleView:
    names = {a["actor_key"]: a["name_en"] or a["name_ar"] for a in row["actors"]}
    denials = {(e, c["speaker_key"]) for c in row["claims"] if c["stance"] == "deny" for e in c["events"]}
    spans = [Span(s["start"], s["end"], "s", layer=-1, anchor=f"s{s['idx']}") for s in row["sentences"]]
    events = []
    for e in row["events"]:
        sentence = event_sentence(e, denied_by_source=(e["id"], e["source_key"]) in denials)
        events.append({**e, "english": sentence})
        spans.append(Span(e["trigger_start"], e["trigger_end"], f"ev ev-{e['polarity']} {e['modality']}",
                          e["id"], f"{e['type']}: {sentence}", layer=3, anchor=f"ev-{e['id']}"))
    for c in row["claims"]:
        speaker = c["speaker"] or "an unnamed speaker"
        gloss = f"claim ({c['stance']}, {c['kind']}) by {speaker}"
        spans.append(Span(c["content_start"], c["content_end"], f"claim st-{c['stance']}", c["id"], gloss))
        spans.append(Span(c["cue_start"], c["cue_end"], "cue", c["id"], f"cue of {gloss}", layer=1))
    counts: dict[str, int] = {}
    for m in row["mentions"]:
        key = m.get("actor_key")
        if key:
            counts[key] = counts.get(key, 0) + 1
        cls = f"m m-{m['type']}" + (" actor" if key else "")
        gloss = mention_gloss(m, names.get(key or ""))
        spans.append(Span(m["start"], m["end"], cls, m["id"], gloss, layer=2))
    actors = [{**a, "mentions": counts.get(a["actor_key"], 0)} for a in row["actors"]]
    relations = [{**r, "head": names.get(r["head_key"], r["head_key"]), "tail": names.get(r["tail_key"],
                                                                                             r["tail_key"])}
                 for r in row["relations"]]
    doc = {key: row.get(key) for key in ("id", "title", "published", "source", "url", "lang", "text",
                                         "warnings", "focus_country")}
    return ArticleView(doc=doc, html=render(row["text"], spans), events=events, claims=row["claims"],
                       contradictions=row["contradictions"], actors=actors, relations=relations,
                       story_documents=row.get("story_documents", []), stored=stored)
