"""Exports of the store for other tools: ACLED-style CSV, PLOVER JSON lines, GeoJSON, GraphML, Parquet.

Every exporter takes an open `Store`, a path and `Filters` (see `rasid.export.query`), writes the
path atomically (a half-written file never appears) and returns what it wrote.
"""

from collections.abc import Callable
from typing import Any

from rasid.export.acled import export_acled
from rasid.export.geojson import export_geojson
from rasid.export.graph import actor_graph, export_graphml, graph_json, write_graph
from rasid.export.parquet import export_parquet
from rasid.export.plover import export_plover
from rasid.export.query import Filters

EXPORTERS: dict[str, Callable[..., Any]] = {
    "acled-csv": export_acled,
    "plover-jsonl": export_plover,
    "geojson": export_geojson,
    "graphml": export_graphml,
    "parquet": export_parquet,
}

__all__ = ["EXPORTERS", "Filters", "actor_graph", "export_acled", "export_geojson", "export_graphml",
           "export_parquet", "export_plover", "graph_json", "write_graph"]
