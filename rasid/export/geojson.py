"""GeoJSON: one Point Feature per located event, for maps (QGIS, Leaflet, kepler.gl).

Coordinates are [lon, lat] as GeoJSON wants them. An event located only at country level sits at
the country's capital (the gazetteer's point), with `geo_precision` "country" saying so; events
without a place are left out.
"""

from __future__ import annotations

import json
import os
from typing import Any

from rasid.export.query import NO_FILTERS, Filters, actor_name, actors, atomic_file, events
from rasid.store import Store


def feature_collection(store: Store, filters: Filters = NO_FILTERS) -> dict[str, Any]:
    """The filtered, located events as a GeoJSON FeatureCollection."""
    cast = actors(store)
    features = []
    for e in events(store, filters):
        if e["lat"] is None or e["lon"] is None:
            continue
        source, target = cast.get(e["source_key"] or ""), cast.get(e["target_key"] or "")
        features.append({
            "type": "Feature",
            "id": f"{e['doc_id']}-{e['id']}",
            "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
            "properties": {
                "event_id": f"{e['doc_id']}-{e['id']}", "type": e["type"], "mode": e["mode"],
                "date": e["day"], "date_value": e["date"], "polarity": e["polarity"],
                "modality": e["modality"], "source": actor_name(source) or None,
                "source_key": e["source_key"], "target": actor_name(target) or None,
                "target_key": e["target_key"], "place": e["place_name"], "country": e["place_country"],
                "geonames": e["geonames"], "geo_precision": e["geo_precision"], "quantity": e["quantity"],
                "doc_id": e["doc_id"], "title": e["title"], "outlet": e["outlet"], "url": e["url"],
                "trigger": e["trigger_text"], "text": e["sentence_text"]},
        })
    return {"type": "FeatureCollection", "features": features}


def export_geojson(store: Store, path: str | os.PathLike[str], filters: Filters = NO_FILTERS) -> int:
    """Write the located events as GeoJSON at `path`; returns the number of features."""
    collection = feature_collection(store, filters)
    with atomic_file(path) as handle:
        json.dump(collection, handle, ensure_ascii=False)
    return len(collection["features"])
