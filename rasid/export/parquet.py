"""Parquet: the store's tables, one file each, for pandas, DuckDB, Spark or pyarrow.

Column types follow the store's schema (TEXT string, INTEGER int64, REAL float64). The story
MinHash signatures and the folded names (for finding actors) are internal and left out; so is the
full-text index. Events that did not happen stay (with their polarity and modality): this is the
store as it is. With filters, documents are restricted by outlet and publication window, every
per-document table to those documents, events further by all the event filters (see
`rasid.export.query`), actors to those the chosen documents name, and contradictions to those
touching a chosen document.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasid.export.query import NO_FILTERS, Filters, atomic_dir
from rasid.store import Store

TABLES = ("sources", "documents", "sentences", "actors", "document_actors", "mentions", "events",
          "claims", "relations", "contradictions")
_SKIP = {"documents": {"minhash"}, "mentions": {"folded"}, "actors": {"name_ar_folded"}}
_TYPES = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
_DOCS = "SELECT d.id FROM documents d WHERE {}"


def _schema(store: Store, table: str) -> pa.Schema:
    columns = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
    return pa.schema([(c["name"], _TYPES.get(c["type"].upper(), pa.string())) for c in columns
                      if c["name"] not in _SKIP.get(table, set())])


def _query(table: str, filters: Filters) -> tuple[str, list[Any]]:
    """The SELECT for one table under the filters (module docstring)."""
    docs, params = filters.documents_where()
    chosen = _DOCS.format(docs)
    if table == "events":
        condition, event_params = replace(filters, include_all=True).where()
        return (f"SELECT e.* FROM events e JOIN documents d ON d.id = e.doc_id WHERE {condition} "
                f"AND e.doc_id IN ({chosen})", [*event_params, *params])
    if table == "documents":
        return f"SELECT * FROM documents d WHERE {docs}", params
    if table == "sources":
        return f"SELECT * FROM sources WHERE name IN (SELECT d.source FROM documents d WHERE {docs})", params
    if table == "actors":
        return (f"SELECT * FROM actors WHERE key IN (SELECT actor_key FROM document_actors "
                f"WHERE doc_id IN ({chosen}))", params)
    if table == "contradictions":
        return (f"SELECT * FROM contradictions WHERE doc_a IN ({chosen}) OR doc_b IN ({chosen})",
                [*params, *params])
    return f"SELECT * FROM {table} WHERE doc_id IN ({chosen})", params


def export_parquet(store: Store, path: str | os.PathLike[str],
                   filters: Filters = NO_FILTERS) -> dict[str, int]:
    """Write one Parquet file per table into the directory `path`; returns rows per table."""
    counts = {}
    with atomic_dir(path) as folder:
        for table in TABLES:
            schema = _schema(store, table)
            sql, params = _query(table, filters)
            cursor = store.conn.execute(sql, params)
            with pq.ParquetWriter(Path(folder) / f"{table}.parquet", schema) as writer:
                counts[table] = 0
                while batch := cursor.fetchmany(10_000):
                    columns = {name: [row[name] for row in batch] for name in schema.names}
                    writer.write_table(pa.table(columns, schema=schema))
                    counts[table] += len(batch)
    return counts
