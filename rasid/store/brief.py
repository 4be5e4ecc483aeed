"""The brief: what happened in a window of days, for a reader who has five minutes.

The same wire story printed by ten outlets is one story (`documents.story`), so an event counts once
per (story, type, source, target): ten copies of one dispatch about a strike are one strike, while
two stories about it make it more prominent. Only events that happened count (see
`rasid.export.query`). Top events are those (type, source, target, country) groups told by the most
stories, then the most outlets; the most active actors are those in the most such units.

Plots are drawn with matplotlib's Agg canvas (no display, no global pyplot state) and embedded in
the HTML as base64 PNG; the map is a plain scatter of event coordinates with country labels: no
tiles, nothing downloaded. The Markdown form carries everything but the two pictures.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rasid.document import EVENT_TYPES
from rasid.export.query import Filters, actor_name, actors, events
from rasid.store import Store

TOP = 10
NEW_ACTORS = 20
CLIP = 280
MAX_BARS = 60
_SEVERITY = {t: i for i, t in enumerate(EVENT_TYPES)}


@dataclass
class TopEvent:
    """One (type, source, target, country) group of the window, with an example sentence."""

    type: str
    mode: str | None
    source: str
    target: str
    country: str | None
    place: str | None
    stories: int
    outlets: int
    documents: int
    first: str | None
    last: str | None
    text: str
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None


@dataclass
class ActorLine:
    key: str
    name: str
    name_ar: str | None
    kind: str | None
    country: str | None
    is_new: bool
    first_seen: str | None
    events: int


@dataclass
class ContradictionLine:
    reason: str
    scope: str
    found_at: str
    doc_a: str
    outlet_a: str | None
    published_a: str | None
    claim_a: str
    speaker_a: str
    doc_b: str
    outlet_b: str | None
    published_b: str | None
    claim_b: str
    speaker_b: str


@dataclass
class Brief:
    """A window's brief; `markdown()` and `html()` render it."""

    since: str
    until: str
    documents: int
    stories: int
    outlets: int
    events: int
    top_events: list[TopEvent] = field(default_factory=list)
    active_actors: list[ActorLine] = field(default_factory=list)
    new_actors: list[ActorLine] = field(default_factory=list)
    new_actor_count: int = 0
    contradictions: list[ContradictionLine] = field(default_factory=list)
    timeline_png: bytes | None = None
    map_png: bytes | None = None

    def markdown(self) -> str:
        return _environment().get_template("brief.md").render(brief=self)

    def html(self) -> str:
        images = {name: base64.b64encode(png).decode("ascii") if png else None
                  for name, png in (("timeline", self.timeline_png), ("map", self.map_png))}
        return _environment().get_template("brief.html").render(brief=self, images=images)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("rasid.store", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["cell"] = lambda value: " ".join(str(value or "").split()).replace("|", "\\|")
    env.filters["plural"] = lambda n, one, many=None: f"{n} {one if n == 1 else many or one + 's'}"
    return env


def _day(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else dt.date.fromisoformat(value).isoformat()


def _clip(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= CLIP else text[:CLIP - 1] + "…"


def brief(store: Store, since: dt.date | str, until: dt.date | str) -> Brief:
    """The brief of the days from `since` to `until`, both included (module docstring)."""
    since, until = _day(since), _day(until)
    cast = actors(store)
    happened = events(store, Filters(since=since, until=until))
    docs = store.conn.execute("SELECT count(*), count(DISTINCT story), count(DISTINCT source) FROM documents "
                              "WHERE published BETWEEN ? AND ?", (since, until)).fetchone()
    units: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in happened:
        units.setdefault((e["story"], e["type"], e["source_key"], e["target_key"]), e)
    result = Brief(since, until, docs[0], docs[1], docs[2], len(units))
    result.top_events = _top_events(happened, cast)
    activity: Counter[str] = Counter()
    for _, _, source, target in units:
        activity.update({source, target} - {None})
    result.active_actors = [_actor_line(cast.get(key, {"key": key}), n)
                            for key, n in activity.most_common(TOP)]
    fresh = [dict(r) for r in store.conn.execute(
        "SELECT * FROM actors WHERE first_seen BETWEEN ? AND ? ORDER BY is_new DESC, key", (since, until))]
    fresh.sort(key=lambda a: (-a["is_new"], -activity.get(a["key"], 0), a["key"]))
    result.new_actor_count = len(fresh)
    result.new_actors = [_actor_line(a, activity.get(a["key"], 0)) for a in fresh[:NEW_ACTORS]]
    result.contradictions = _contradictions(store, since, until, cast)
    result.timeline_png = _timeline(list(units.values()), since, until)
    result.map_png = _map(list(units.values()))
    return result


def _top_events(happened: list[dict[str, Any]], cast: dict[str, dict[str, Any]]) -> list[TopEvent]:
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for e in happened:
        country = e["place_country"] or e["focus_country"]
        groups[(e["type"], e["source_key"], e["target_key"], country)].append(e)
    # Ties go to the more violent type (PLOVER's order runs from AGREE to ASSAULT).
    ranked = sorted(groups.items(), key=lambda item: (-len({e["story"] for e in item[1]}),
                                                      -len({e["outlet"] for e in item[1]}),
                                                      -len(item[1]), -_SEVERITY.get(item[0][0], 0),
                                                      str(item[0][1:])))
    top = []
    for (type_, source, target, country), group in ranked[:TOP]:
        first = group[0]
        days = [e["day"] for e in group if e["day"]]
        top.append(TopEvent(
            type_, first["mode"], actor_name(cast.get(source or "")), actor_name(cast.get(target or "")),
            country, first["place_name"], len({e["story"] for e in group}), len({e["outlet"] for e in group}),
            len({e["doc_id"] for e in group}), min(days, default=None), max(days, default=None),
            _clip(first["sentence_text"] or first["trigger_text"]), first["doc_id"], first["title"],
            first["url"], first["outlet"]))
    return top


def _actor_line(actor: dict[str, Any], n: int) -> ActorLine:
    return ActorLine(actor["key"], actor_name(actor), actor.get("name_ar"), actor.get("kind"),
                     actor.get("country"), bool(actor.get("is_new")), actor.get("first_seen"), n)


def _contradictions(store: Store, since: str, until: str,
                    cast: dict[str, dict[str, Any]]) -> list[ContradictionLine]:
    """Contradictions found in the window, or whose later article was published in it."""
    rows = store.conn.execute(
        "SELECT x.*, da.source AS outlet_a, da.published AS published_a, db.source AS outlet_b, "
        "db.published AS published_b, ca.content_text AS claim_a_text, ca.speaker_key AS speaker_a, "
        "cb.content_text AS claim_b_text, cb.speaker_key AS speaker_b FROM contradictions x "
        "JOIN documents da ON da.id = x.doc_a JOIN documents db ON db.id = x.doc_b "
        "JOIN claims ca ON ca.doc_id = x.doc_a AND ca.id = x.claim_a "
        "JOIN claims cb ON cb.doc_id = x.doc_b AND cb.id = x.claim_b "
        "WHERE substr(x.found_at, 1, 10) BETWEEN ? AND ? "
        "OR max(COALESCE(da.published, ''), COALESCE(db.published, '')) BETWEEN ? AND ? ORDER BY x.id",
        (since, until, since, until)).fetchall()
    return [ContradictionLine(
        r["reason"], r["scope"], r["found_at"], r["doc_a"], r["outlet_a"], r["published_a"],
        _clip(r["claim_a_text"]), actor_name(cast.get(r["speaker_a"] or "")), r["doc_b"], r["outlet_b"],
        r["published_b"], _clip(r["claim_b_text"]), actor_name(cast.get(r["speaker_b"] or "")))
        for r in rows]


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def _timeline(units: list[dict[str, Any]], since: str, until: str) -> bytes:
    """Events a day (one per story unit), stacked by the four most frequent types; a long window
    is drawn in bins of several days so that it stays at most MAX_BARS bars."""
    start, end = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    width = max(1, -(-((end - start).days + 1) // MAX_BARS))
    bins = [start + dt.timedelta(days=i) for i in range(0, (end - start).days + 1, width)]
    common = [t for t, _ in Counter(u["type"] for u in units).most_common(4)]
    counts: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for u in units:
        if u["day"]:
            offset = min(max((dt.date.fromisoformat(u["day"]) - start).days // width, 0), len(bins) - 1)
            counts[u["type"] if u["type"] in common else "other"][bins[offset]] += 1
    figure = Figure(figsize=(8, 2.8), dpi=100)
    axes = figure.add_subplot()
    bottom = [0] * len(bins)
    for type_ in [*common, "other"]:
        heights = [counts[type_][b] for b in bins]
        if any(heights):
            axes.bar(bins, heights, bottom=bottom, label=type_, width=0.8 * width, align="edge")
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_ylabel("events" if width == 1 else f"events per {width} days")
    axes.set_title(f"Events, {since} to {until}", fontsize=10)
    if units:
        axes.legend(fontsize=8, loc="upper left")
    figure.autofmt_xdate()
    figure.tight_layout()
    return _png(figure)


def _map(units: list[dict[str, Any]]) -> bytes | None:
    """Event locations as a scatter of lon/lat, sized by count, with each country's ISO3 code."""
    points = Counter((u["lon"], u["lat"]) for u in units if u["lat"] is not None and u["lon"] is not None)
    if not points:
        return None
    figure = Figure(figsize=(6, 4), dpi=100)
    axes = figure.add_subplot()
    xs, ys = zip(*points, strict=True)
    axes.scatter(xs, ys, s=[20 + 15 * n for n in points.values()], alpha=0.6, color="#b22222")
    where: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for u in units:
        if u["lat"] is not None and u["place_country"]:
            where[u["place_country"]].append((u["lon"], u["lat"]))
    for country, spots in where.items():
        axes.annotate(country, (sum(x for x, _ in spots) / len(spots), sum(y for _, y in spots) / len(spots)),
                      textcoords="offset points", xytext=(6, 6), fontsize=9)
    pad = 3.0
    axes.set_xlim(min(xs) - pad, max(xs) + pad)
    axes.set_ylim(min(ys) - pad, max(ys) + pad)
    axes.set_aspect("equal", adjustable="box")
    axes.set_xlabel("longitude")
    axes.set_ylabel("latitude")
    axes.grid(alpha=0.3)
    axes.set_title("Where events took place", fontsize=10)
    figure.tight_layout()
    return _png(figure)
