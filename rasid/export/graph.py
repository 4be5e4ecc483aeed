"""The actor network: who did what to whom, how often and when, as a networkx graph.

`actor_graph` returns a `networkx.MultiDiGraph`: nodes are canonical actors (key, name_en, name_ar,
kind, country, wikidata, sector, events = how many counted events they take part in); there is
one edge per (source, target, type), keyed "event:ASSAULT" or "relation:member_of", so that an
edge is one kind of interaction and several kinds between two actors stay apart. Edge attributes:
kind (event | relation), type, weight (events, or documents stating the relation), first and last
(dates), docs (document ids, `;`-joined, at most 50) and doc_count.

Events count only when they happened (see `rasid.export.query`) and both sides are known; an actor
with one-sided events is still a node. Relations are dated by their article; when the actor,
country or type filters are set they are kept only between actors the events brought in.

Writers: GraphML and GEXF (networkx; values that are None are written as empty strings, lists
as `;`-joined strings) and `graph_json`, the node/edge lists the web UI draws with cytoscape.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from typing import Any

import networkx as nx

from rasid.export.query import NO_FILTERS, Filters, actors, atomic_file, events
from rasid.store import Store

MAX_DOCS = 50
FORMATS = ("graphml", "gexf", "json")


def actor_graph(store: Store, since: str | None = None, until: str | None = None,
                event_types: Iterable[str] | None = None, *, actor: str | None = None,
                country: str | None = None, source: str | None = None,
                include_all: bool = False) -> nx.MultiDiGraph:
    """The actor network of the events in the window (module docstring)."""
    filters = Filters(since=since, until=until, actor=actor, types=tuple(event_types or ()),
                      country=country, source=source, include_all=include_all)
    cast = actors(store)
    graph = nx.MultiDiGraph()
    activity: dict[str, int] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in events(store, filters):
        for key in {e["source_key"], e["target_key"]} - {None}:
            activity[key] = activity.get(key, 0) + 1
        if e["source_key"] and e["target_key"] and e["source_key"] != e["target_key"]:
            _count(edges, (e["source_key"], e["target_key"], f"event:{e['type']}"), e["day"], e["doc_id"])
    narrowed = bool(actor or country or event_types)
    docs, params = filters.documents_where()
    for r in store.conn.execute("SELECT r.head_key, r.tail_key, r.type, r.doc_id, d.published "
                                "FROM relations r JOIN documents d ON d.id = r.doc_id "
                                f"WHERE {docs}", params):
        if narrowed and not (r["head_key"] in activity and r["tail_key"] in activity):
            continue
        _count(edges, (r["head_key"], r["tail_key"], f"relation:{r['type']}"), r["published"], r["doc_id"])
    for key in {k for u, v, _ in edges for k in (u, v)} | set(activity):
        a = cast.get(key, {"key": key})
        graph.add_node(key, name_en=a.get("name_en"), name_ar=a.get("name_ar"), kind=a.get("kind"),
                       country=a.get("country"), wikidata=a.get("wikidata"), sector=a.get("sector"),
                       events=activity.get(key, 0))
    for (u, v, key), data in edges.items():
        kind, type_ = key.split(":", 1)
        docs_seen = sorted(data["docs"])
        graph.add_edge(u, v, key=key, kind=kind, type=type_, weight=data["weight"], first=data["first"],
                       last=data["last"], docs=docs_seen[:MAX_DOCS], doc_count=len(docs_seen))
    return graph


def _count(edges: dict[tuple[str, str, str], dict[str, Any]], key: tuple[str, str, str],
           day: str | None, doc_id: str) -> None:
    data = edges.setdefault(key, {"weight": 0, "first": None, "last": None, "docs": set()})
    data["weight"] += 1
    data["docs"].add(doc_id)
    if day:
        data["first"] = min(data["first"] or day, day)
        data["last"] = max(data["last"] or day, day)


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML and GEXF can hold (no None, no lists)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(v) for k, v in data.items()})
    return flat


def _scalar(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ";".join(map(str, value))
    return value


def graph_json(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """{"nodes": [...], "edges": [...]} for cytoscape: one edge per (source, target, kind).

    A node has id, label (English name, else Arabic, else key), kind, country, weight (events) and
    the actor's other fields; an edge has id, source, target, kind (event | relation), weight (the
    sum), types (the event or relation types, most frequent first), counts (per type), label,
    first and last.
    """
    nodes = [{"id": n, "label": d.get("name_en") or d.get("name_ar") or n, "kind": d.get("kind"),
              "country": d.get("country"), "weight": d.get("events", 0), "name_en": d.get("name_en"),
              "name_ar": d.get("name_ar"), "wikidata": d.get("wikidata"), "sector": d.get("sector")}
             for n, d in graph.nodes(data=True)]
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, d in graph.edges(data=True):
        edge = merged.setdefault((u, v, d["kind"]), {"counts": {}, "first": d["first"], "last": d["last"]})
        edge["counts"][d["type"]] = edge["counts"].get(d["type"], 0) + d["weight"]
        edge["first"] = min(filter(None, (edge["first"], d["first"])), default=None)
        edge["last"] = max(filter(None, (edge["last"], d["last"])), default=None)
    edges = []
    for (u, v, kind), edge in merged.items():
        counts = dict(sorted(edge["counts"].items(), key=lambda item: (-item[1], item[0])))
        edges.append({"id": f"{u}->{v}:{kind}", "source": u, "target": v, "kind": kind,
                      "weight": sum(counts.values()), "types": list(counts), "counts": counts,
                      "label": ", ".join(f"{t} {n}" for t, n in counts.items()),
                      "first": edge["first"], "last": edge["last"]})
    return {"nodes": nodes, "edges": edges}


def render(graph: nx.MultiDiGraph, fmt: str) -> str:
    """The graph as GraphML, GEXF or cytoscape JSON text."""
    if fmt == "json":
        return json.dumps(graph_json(graph), ensure_ascii=False, indent=1)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(_flat(graph), buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(_flat(graph), buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")
    return buffer.getvalue().decode("utf-8")


def write_graph(graph: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str = "graphml") -> None:
    """Write the graph at `path` in `fmt` (graphml, gexf or json), atomically."""
    text = render(graph, fmt)
    with atomic_file(path) as handle:
        handle.write(text)


def export_graphml(store: Store, path: str | os.PathLike[str], filters: Filters = NO_FILTERS) -> int:
    """The `rasid export --format graphml` entry: the filtered actor network; returns the node count."""
    graph = actor_graph(store, filters.since, filters.until, filters.types, actor=filters.actor,
                        country=filters.country, source=filters.source, include_all=filters.include_all)
    write_graph(graph, path, "graphml")
    return graph.number_of_nodes()
