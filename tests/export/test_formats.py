"""PLOVER JSON lines, GeoJSON, the actor graph and Parquet."""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq

from rasid.export import Filters, actor_graph, export_geojson, export_graphml, export_parquet, export_plover
from rasid.export.graph import graph_json, render, write_graph
from rasid.export.parquet import TABLES
from rasid.store import Store


def test_plover_records(store: Store, tmp_path: Path) -> None:
    export_plover(store, tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    attack = next(r for r in records if r["event"] == "ASSAULT" and r["actor"]
                  and r["actor"][0]["key"] == "JNIM" and r["quantity"] == 8)
    # The dispatch gives the attack "بحسب مصادر عسكرية": reported, not asserted by the outlet.
    assert attack["date"] == "2023-03-09" and attack["modality"] == "reported"
    assert attack["event_loc"]["name"] == "Gao" and attack["event_loc"]["country"] == "MLI"
    info = attack["text_info"]
    doc = store.conn.execute("SELECT text FROM documents WHERE id = ?", (info["doc_id"],)).fetchone()[0]
    assert doc[info["trigger"]["start"]:info["trigger"]["end"]] == info["trigger"]["text"]
    assert doc[info["sentence"]["start"]:info["sentence"]["end"]] == attack["event_text"]
    assert all(r["polarity"] == "positive" for r in records)


def test_geojson(store: Store, tmp_path: Path) -> None:
    count = export_geojson(store, tmp_path / "e.geojson", Filters(types=("ASSAULT",)))
    data = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == count > 0
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["properties"]["place"] == "Gao"
        assert abs(lat - 16.27) < 0.1 and abs(lon + 0.04) < 0.1  # [lon, lat], Gao in Mali


def test_graph(store: Store, tmp_path: Path) -> None:
    graph = actor_graph(store)
    assert isinstance(graph, nx.MultiDiGraph)
    assert {"JNIM", "MLI_GOV", "AU", "FRA"} <= set(graph.nodes)
    accuse = graph.get_edge_data("MLI_GOV", "FRA", "event:ACCUSE")
    assert accuse["weight"] == 1 and accuse["first"] == accuse["last"] == "2023-03-11"
    request = graph.get_edge_data("MLI_GOV", "AU", "event:REQUEST")
    assert request["weight"] == 2 and request["doc_count"] == 2
    relations = [(u, v) for u, v, k in graph.edges(keys=True) if k == "relation:spokesperson_of"]
    assert [v for _, v in relations] == ["MLI_GOV"]
    export_graphml(store, tmp_path / "g.graphml")
    loaded = nx.read_graphml(tmp_path / "g.graphml")
    assert set(loaded.nodes) == set(graph.nodes)
    assert loaded.number_of_edges() == graph.number_of_edges()
    assert loaded.nodes["JNIM"]["name_en"].endswith("(JNIM)")
    write_graph(graph, tmp_path / "g.gexf", "gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()
    assert actor_graph(store, since="2023-03-11", event_types=["ACCUSE"]).number_of_edges() == 1


def test_graph_json(store: Store) -> None:
    data = graph_json(actor_graph(store))
    assert json.loads(render(actor_graph(store), "json")) == data
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["JNIM"]["label"].endswith("(JNIM)") and nodes["JNIM"]["weight"] > 0
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("MLI_GOV", "AU"))
    assert (edge["kind"], edge["types"], edge["weight"]) == ("event", ["REQUEST"], 2)
    assert {"id", "label", "counts", "first", "last"} <= set(edge)


def test_parquet(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    counts = export_parquet(store, out)
    store_counts = store.counts()
    for table in TABLES:
        rows = pq.read_table(out / f"{table}.parquet").num_rows
        assert rows == counts[table]
        if table in store_counts:
            assert rows == store_counts[table], table
    assert "minhash" not in pq.read_schema(out / "documents.parquet").names
    export_parquet(store, out, Filters(source="wakala-c"))  # replaces the directory
    assert pq.read_table(out / "documents.parquet").num_rows == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left behind


def test_files_are_not_private(store: Store, tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        export_geojson(store, tmp_path / "e.geojson")
        export_parquet(store, tmp_path / "pq")
    finally:
        os.umask(mask)
    assert (tmp_path / "e.geojson").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert (tmp_path / "pq").stat().st_mode & 0o777 == 0o755
