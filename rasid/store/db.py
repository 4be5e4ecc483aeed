"""The store: one SQLite file that keeps every analyzed article and the facts found in it.

Each document goes in as one transaction (rows, story cluster, new actors, contradictions with
earlier claims), so an interrupted ingest never leaves half a document. The schema is versioned
by `PRAGMA user_version` and upgraded by the numbered SQL files in `migrations/`, in order; they
can call `fold_name()`, the store's name folding (`rows.folded_name`), which SQL cannot do itself.
A read-only open of an older store upgrades the file first, when it can be written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rasid.document import Document
from rasid.store import cross, stories
from rasid.store.rows import Rows, document_rows, folded_name, light_json

DEFAULT_PATH = "rasid.db"
# Rows of `document_rows` go to these store tables (a document's own actor list is kept apart
# from the canonical actors table).
_TABLE_OF = {"documents": "documents", "sentences": "sentences", "mentions": "mentions",
             "actors": "document_actors", "events": "events", "claims": "claims",
             "relations": "relations"}


class StoreError(Exception):
    """A store that cannot be opened or used: not a database, newer than this rasid, read-only."""


def default_path() -> str:
    return os.environ.get("RASID_DB") or DEFAULT_PATH


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("rasid.store") / "migrations"
    found = sorted((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8"))
                   for entry in folder.iterdir() if entry.name.endswith(".sql"))
    return found


def schema_version() -> int:
    """The schema version this rasid writes (the highest migration)."""
    return _migrations()[-1][0]


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> Iterator[str]:
    """A migration's SQL statements one at a time (SQLite's own parser says where each ends), for
    running them inside a transaction that `executescript` would commit first."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""


def _upgrade(conn: sqlite3.Connection) -> None:
    """Apply the migrations the store lacks, each in one transaction that reads the version under the
    write lock: two processes opening the same old store at once upgrade it once."""
    for number, script in _migrations():
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _version(conn) < number:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Stored:
    """What ingesting one document did."""

    doc_id: str
    status: str                      # stored | duplicate
    reason: str | None = None        # for a duplicate: which earlier document it repeats, and how
    story: str | None = None
    new_actors: int = 0
    contradictions: list[dict[str, Any]] = field(default_factory=list)


class Store:
    """An open store. Use as a context manager; `readonly=True` for connections that only read."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path or default_path())
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise StoreError(f"{self.path}: no such store; create it with `rasid ingest`")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.create_function("fold_name", 1, folded_name, deterministic=True)
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a rasid store ({exc})") from exc
        except StoreError:
            self.conn.close()
            raise
        self._stories: stories.StoryIndex | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = _version(self.conn)
        latest = schema_version()
        if version > latest:
            raise StoreError(f"{self.path}: store schema {version} is newer than this rasid ({latest})")
        if version == latest:
            return
        if version == 0 and (self.readonly or self.conn.execute("SELECT 1 FROM sqlite_master").fetchone()):
            # A SQLite file rasid did not make (or an empty one opened only to read): never add
            # rasid's tables to someone else's database because of a mistyped --db.
            raise StoreError(f"{self.path}: not a rasid store (a SQLite file without rasid's schema)")
        if not self.readonly:
            _upgrade(self.conn)
            return
        # Reading an older store should just work: upgrade the file through a short writable
        # connection; this read-only one sees the new schema from its next statement on.
        try:
            with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                         isolation_level=None, timeout=30)) as writer:
                writer.create_function("fold_name", 1, folded_name, deterministic=True)
                _upgrade(writer)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: store schema {version} needs upgrading to {latest}, "
                             f"and this file cannot be written here ({exc})") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (Ctrl-C included)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- ingest -------------------------------------------------------------------------------
    def duplicate_of(self, *, doc_id: str | None = None, hash_of_text: str | None = None,
                     url: str | None = None) -> str | None:
        """Why a document is already stored ('same text as X', 'same URL as X'), or None."""
        checks = (("id", doc_id, "same id"), ("text_hash", hash_of_text, "same text as"),
                  ("url", url, "same URL as"))
        for column, value, why in checks:
            if value is None:
                continue
            row = self.conn.execute(f"SELECT id FROM documents WHERE {column} = ?", (value,)).fetchone()
            if row:
                return f"{why} {row['id']}" if why != "same id" else f"already stored as {row['id']}"
        return None

    def ingest(self, doc: Document) -> Stored:
        """Store one analyzed document (see `ingest_rows`)."""
        return self.ingest_rows(document_rows(light_json(doc)))

    def ingest_rows(self, rows: Rows) -> Stored:
        """Store one document's rows in one transaction; a repeat of a stored article changes nothing."""
        head = rows["documents"][0]
        why = self.duplicate_of(doc_id=head["id"], hash_of_text=head["text_hash"], url=head.get("url"))
        if why:
            return Stored(head["id"], "duplicate", why)
        signature = stories.signature(head["text"])
        index = self._story_index()
        self._stories = None  # until the transaction commits, the in-memory index may be ahead of it
        # Each mention's folded text too, to find an actor by an Arabic name (migration 002).
        mentions = [{**m, "folded": folded_name(m["text"])} for m in rows["mentions"]]
        with self.transaction() as conn:
            story = index.add(head["id"], signature)
            if head.get("source"):
                conn.execute("INSERT OR IGNORE INTO sources(name, first_seen) VALUES (?, ?)",
                             (head["source"], _now()))
            new_actors = self._add_actors(conn, rows["actors"], head.get("published"))
            document = {**head, "story": story, "minhash": stories.to_bytes(signature),
                        "ingested_at": _now()}
            _insert(conn, "documents", [document])
            for table, target in _TABLE_OF.items():
                if table != "documents":
                    _insert(conn, target, mentions if table == "mentions" else rows[table])
            found = self._contradictions(conn, rows)
        self._stories = index
        return Stored(head["id"], "stored", story=story, new_actors=new_actors, contradictions=found)

    def _story_index(self) -> stories.StoryIndex:
        if self._stories is None:
            index = stories.StoryIndex()
            for row in self.conn.execute("SELECT id, story, minhash FROM documents "
                                         "WHERE minhash IS NOT NULL ORDER BY rowid"):
                index.add_known(row["id"], stories.from_bytes(row["minhash"]), row["story"])
            self._stories = index
        return self._stories

    def _add_actors(self, conn: sqlite3.Connection, actors: list[dict[str, Any]],
                    published: str | None) -> int:
        """Add the canonical actors not yet stored; keep each one's earliest publication date."""
        keys = sorted({a["actor_key"] for a in actors})
        known = {row[0] for row in conn.execute(
            f"SELECT key FROM actors WHERE key IN ({','.join('?' * len(keys))})", keys)}
        conn.executemany(
            "INSERT INTO actors(key, name_en, name_ar, name_ar_folded, kind, country, wikidata, sector, "
            "is_new, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE "
            "SET first_seen = excluded.first_seen WHERE excluded.first_seen IS NOT NULL "
            "AND (first_seen IS NULL OR first_seen > excluded.first_seen)",
            [(a["actor_key"], a["name_en"], a["name_ar"],
              None if a["name_ar"] is None else folded_name(a["name_ar"]), a["kind"], a["country"],
              a["wikidata"], a["sector"], int(a["actor_key"].startswith("new:")), published) for a in actors])
        return sum(1 for key in keys if key not in known and key.startswith("new:"))

    def _contradictions(self, conn: sqlite3.Connection, rows: Rows) -> list[dict[str, Any]]:
        """Record the document's own contradictions, then those with earlier documents' claims."""
        head = rows["documents"][0]
        now = _now()
        found = []
        for x in rows["contradictions"]:
            conn.execute("INSERT OR IGNORE INTO contradictions(doc_a, claim_a, doc_b, claim_b, reason, "
                         "scope, found_at) VALUES (?, ?, ?, ?, ?, 'document', ?)",
                         (head["id"], x["claim_a"], head["id"], x["claim_b"], x["reason"], now))
        records = cross.claim_records(head["id"], head.get("source"), head.get("published"), rows["claims"],
                                      rows["events"], rows["actors"])
        for record in records:
            for earlier in self._candidates(conn, record):
                reason = cross.contradiction(earlier, record)
                if reason is None:
                    continue
                conn.execute("INSERT OR IGNORE INTO contradictions(doc_a, claim_a, doc_b, claim_b, reason, "
                             "scope, found_at) VALUES (?, ?, ?, ?, ?, 'corpus', ?)",
                             (earlier.doc_id, earlier.claim_id, record.doc_id,
                              record.claim_id, reason, now))
                found.append({"doc_a": earlier.doc_id, "claim_a": earlier.claim_id,
                              "doc_b": record.doc_id, "claim_b": record.claim_id, "reason": reason})
        return found

    def _candidates(self, conn: sqlite3.Connection, record: cross.ClaimRecord) -> list[cross.ClaimRecord]:
        """Stored claims with an opposite-polarity event of the same type from the same source actor."""
        pairs: set[tuple[str, str]] = set()
        for type_, polarity, key in record.event_keys():
            opposite = "negative" if polarity == "positive" else "positive"
            pairs.update(tuple(row) for row in conn.execute(
                "SELECT DISTINCT c.doc_id, c.id FROM events e JOIN claims c ON c.doc_id = e.doc_id "
                "AND EXISTS (SELECT 1 FROM json_each(c.events) j WHERE j.value = e.id) "
                "WHERE e.type = ? AND e.polarity = ? AND e.source_key = ? AND e.doc_id != ?",
                (type_, opposite, key, record.doc_id)).fetchall())
        return [r for doc_id, claim_id in sorted(pairs) for r in self._stored_claim(conn, doc_id, claim_id)]

    def _stored_claim(self, conn: sqlite3.Connection, doc_id: str, claim_id: str) -> list[cross.ClaimRecord]:
        claim = dict(conn.execute("SELECT * FROM claims WHERE doc_id = ? AND id = ?",
                                  (doc_id, claim_id)).fetchone())
        ids = json.loads(claim["events"])
        marks = ",".join("?" * len(ids))
        events = [dict(r) for r in conn.execute(
            f"SELECT * FROM events WHERE doc_id = ? AND id IN ({marks})", (doc_id, *ids))]
        keys = {k for e in events for k in (e["source_key"], e["target_key"]) if k}
        actors = [dict(r, actor_key=r["key"]) for r in conn.execute(
            f"SELECT * FROM actors WHERE key IN ({','.join('?' * len(keys))})", tuple(keys))]
        outlet, published = conn.execute("SELECT source, published FROM documents WHERE id = ?",
                                         (doc_id,)).fetchone()
        return cross.claim_records(doc_id, outlet, published, [claim], events, actors)

    # -- reading ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ("documents", "sentences", "mentions", "actors", "events", "claims", "relations",
                  "contradictions", "sources")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def integrity(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])

