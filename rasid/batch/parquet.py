"""The batch output: one Parquet dataset per table, partitioned by publication day.

Layout: `OUT/<table>/day=<YYYY-MM-DD|unknown>/part-<partition id>.parquet`. The schema of every
table comes from `rasid.store.rows.COLUMNS` (plus `errors` here), so a file with no rows still
has the right columns and every file of a table has the same types. A file is written under a
temporary name and renamed; the manifest (manifest.py) says which files make up the corpus, and
the readers here follow it, so half-written partitions of a crashed run are never read.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasid.batch.manifest import Manifest
from rasid.store.rows import COLUMNS, TABLES, Rows

# Documents that could not be read or analyzed: where they came from, and why.
ERRORS = "errors"
ERROR_COLUMNS = (("origin", "TEXT"), ("doc_id", "TEXT"), ("reason", "TEXT"))
# Per document: where it came from, its place in its partition's input (the days of a partition
# are separate files; this puts them back in input order), and its MinHash signature
# (rasid.store.stories), computed by the workers so that the reduce step only compares them.
SIGNATURES = "signatures"
SIGNATURE_COLUMNS = (("doc_id", "TEXT"), ("origin", "TEXT"), ("ordinal", "INTEGER"), ("minhash", "BLOB"))
# Every table a partition writes.
PARTITION_TABLES = (*TABLES, ERRORS, SIGNATURES)
# Written by the reduce step over the whole corpus (reduce.py), one file each.
STORIES = "stories"
STORY_COLUMNS = (("doc_id", "TEXT"), ("story", "TEXT"))
CROSS = "cross_contradictions"
CROSS_COLUMNS = (("doc_a", "TEXT"), ("claim_a", "TEXT"), ("doc_b", "TEXT"), ("claim_b", "TEXT"),
                 ("reason", "TEXT"))

UNKNOWN_DAY = "unknown"
_ARROW_TYPES = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
_OWN_COLUMNS = {ERRORS: ERROR_COLUMNS, SIGNATURES: SIGNATURE_COLUMNS, STORIES: STORY_COLUMNS,
                CROSS: CROSS_COLUMNS}


@cache
def schema_of(table: str) -> pa.Schema:
    """The fixed Arrow schema of a table, from its SQL column types."""
    columns = _OWN_COLUMNS.get(table) or COLUMNS[table]
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])


def day_of(published: str | None) -> str:
    return published[:10] if published else UNKNOWN_DAY


def write_partition(out: Path, partition_id: str,
                    rows: dict[tuple[str, str], list[dict[str, Any]]]) -> list[str]:
    """Write one partition's rows, keyed by (table, day); return the files, relative to `out`.

    Every file is written under a hidden temporary name first and all are renamed at the end,
    so a crash leaves either whole files or hidden leftovers, which the next run removes.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for (table, day), table_rows in sorted(rows.items()):
            folder = out / table / f"day={day}"
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{partition_id}.parquet"
            temporary = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
            pq.write_table(pa.Table.from_pylist(table_rows, schema=schema_of(table)), temporary,
                           compression="zstd")
            staged.append((temporary, final))
        for temporary, final in staged:
            os.replace(temporary, final)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    return [str(final.relative_to(out)) for _, final in staged]


def write_table(out: Path, table: str, rows: list[dict[str, Any]]) -> str:
    """A whole-corpus table (the reduce step's) as one file, replaced atomically."""
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / "part-0.parquet"
    temporary = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema_of(table)), temporary, compression="zstd")
    os.replace(temporary, final)
    return str(final.relative_to(out))


def read_table(out_dir: str | os.PathLike[str], table: str) -> pa.Table:
    """All rows of one table of a batch output: partitions in input order, each day by day.

    Partition tables are read through the manifest; the reduce step's tables from their file.
    """
    out = Path(out_dir)
    if table not in PARTITION_TABLES:
        path = out / table / "part-0.parquet"
        return pq.read_table(path, schema=schema_of(table)) if path.exists() else _empty(table)
    tables = [read_file(out, name) for entry in Manifest(out).entries() for name in entry["files"]
              if _table_of(name) == table]
    return pa.concat_tables(tables) if tables else _empty(table)


def _empty(table: str) -> pa.Table:
    return schema_of(table).empty_table()


def read_file(out: Path, name: str) -> pa.Table:
    """One partition file (`name` relative to `out`) with its table's schema."""
    return pq.read_table(out / name, schema=schema_of(_table_of(name)))


def read_document_rows(out_dir: str | os.PathLike[str]) -> Iterator[Rows]:
    """Per document of a batch output, its rows as `rasid.store.rows.document_rows` gives them.

    Order: the input's (path, zip member, line or record). Only partitions the manifest records
    as complete are read, one at a time, so memory stays at one partition's rows.
    """
    out = Path(out_dir)
    for entry in Manifest(out).entries():
        yield from partition_rows(out, entry, TABLES)


def partition_rows(out: Path, entry: dict[str, Any], tables: tuple[str, ...]) -> Iterator[Rows]:
    """Per document of one recorded partition, in input order, its rows of `tables` (with documents).

    The reduce step asks for `signatures` too: one row per document, like `documents`.
    """
    wanted = {*tables, "documents", SIGNATURES}
    by_table: dict[str, list[dict[str, Any]]] = {name: [] for name in wanted}
    for name in entry["files"]:
        if _table_of(name) in wanted:
            by_table[_table_of(name)].extend(read_file(out, name).to_pylist())
    others = tuple(t for t in tables if t != "documents")
    by_doc: dict[str, Rows] = {}
    for table in (*others, "documents"):
        key = "id" if table == "documents" else "doc_id"
        for row in by_table[table]:
            by_doc.setdefault(row[key], {}).setdefault(table, []).append(row)
    for signature in sorted(by_table[SIGNATURES], key=lambda row: row["ordinal"]):
        found = by_doc[signature["doc_id"]]
        yield {"documents": found["documents"], **{t: found.get(t, []) for t in others}}


def _table_of(relative: str) -> str:
    return relative.split("/", 1)[0]
