"""What every export reads: the store's events under one set of filters, and an atomic writer.

The filters mean the same in every format: `since`/`until` bound the event's date (the first day of
its period) or, for an undated event, its article's publication date; `actor` matches either side;
`country` is where the event took place (else the article's main country); `source` is the outlet.

Unless `include_all` is set, events that did not happen as far as the text says are left out: a
negative polarity (denied, or "did not attack"), a denied or hypothetical modality, and a future one
except CONCEDE (an announced concession is PLOVER's event itself).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rasid.store import Store

# SQL for "the text says it happened" (see the module docstring).
HAPPENED = ("(e.polarity = 'positive' AND (e.modality IN ('asserted', 'reported') "
            "OR (e.modality = 'future' AND e.type = 'CONCEDE')))")
# The day an event is filed under: its own date, else its article's.
DAY = "COALESCE(e.date_start, d.published)"


@dataclass(frozen=True)
class Filters:
    """Which events an export takes; every field None (or empty) means no restriction."""

    since: str | None = None          # YYYY-MM-DD, inclusive
    until: str | None = None          # YYYY-MM-DD, inclusive
    actor: str | None = None          # an actor key, source or target
    types: tuple[str, ...] = ()       # PLOVER event types
    country: str | None = None        # ISO3 of the event's place
    source: str | None = None         # the outlet
    include_all: bool = False         # also events that did not happen (see the module docstring)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on events `e` joined with documents `d`, and its parameters."""
        parts, params = ["1"], []
        if self.since:
            parts.append(f"{DAY} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{DAY} <= ?")
            params.append(self.until)
        if self.actor:
            parts.append("(e.source_key = ? OR e.target_key = ?)")
            params += [self.actor, self.actor]
        if self.types:
            parts.append(f"e.type IN ({', '.join('?' * len(self.types))})")
            params += list(self.types)
        if self.country:
            parts.append("COALESCE(e.place_country, d.focus_country) = ?")
            params.append(self.country.upper())
        if self.source:
            parts.append("d.source = ?")
            params.append(self.source)
        if not self.include_all:
            parts.append(HAPPENED)
        return " AND ".join(parts), params

    def documents_where(self) -> tuple[str, list[Any]]:
        """The SQL condition on documents `d` alone: the outlet and the publication window."""
        parts, params = ["1"], []
        for column, op, value in (("d.published", ">=", self.since), ("d.published", "<=", self.until),
                                  ("d.source", "=", self.source)):
            if value:
                parts.append(f"{column} {op} ?")
                params.append(value)
        return " AND ".join(parts), params


NO_FILTERS = Filters()


def events(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """The filtered events, oldest first, each with its document's fields and its sentence.

    Document fields come as `published`, `outlet`, `url`, `title`, `story`, `ingested_at`; `day` is
    the date the filters use; `sentence_text`/`sentence_start`/`sentence_end` give the trigger's
    sentence.
    """
    condition, params = filters.where()
    sql = (f"SELECT e.*, {DAY} AS day, d.published, d.source AS outlet, d.url, d.title, d.story, "
           "d.ingested_at, d.focus_country, s.text AS sentence_text, s.start AS sentence_start, "
           "s.\"end\" AS sentence_end FROM events e JOIN documents d ON d.id = e.doc_id "
           "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
           f"WHERE {condition} ORDER BY day, e.doc_id, e.rowid")
    return [dict(row) for row in store.conn.execute(sql, params)]


def actors(store: Store) -> dict[str, dict[str, Any]]:
    """Every canonical actor by key."""
    return {row["key"]: dict(row) for row in store.conn.execute("SELECT * FROM actors")}


def latest_published(store: Store) -> dt.date | None:
    """The newest publication date in the store: what relative windows (`7d`) count back from."""
    value = store.conn.execute("SELECT max(published) FROM documents").fetchone()[0]
    return dt.date.fromisoformat(value) if value else None


_RELATIVE = re.compile(r"^(\d+)d$")


def resolve_day(value: str | None, latest: dt.date | None) -> str | None:
    """YYYY-MM-DD as given, or `Nd`: the N days ending on the latest publication date (1d = that day).

    Relative windows count back from the store's newest article, not from today, so that a brief
    of an old corpus works; an empty store has no such day and gives None.
    """
    if not value:
        return None
    if match := _RELATIVE.match(value.strip()):
        if latest is None:
            return None
        return (latest - dt.timedelta(days=max(int(match[1]), 1) - 1)).isoformat()
    return dt.date.fromisoformat(value.strip()).isoformat()


def actor_name(actor: dict[str, Any] | None) -> str:
    """An actor's display name: English, else Arabic, else its key; '' for no actor."""
    if not actor:
        return ""
    return actor.get("name_en") or actor.get("name_ar") or actor["key"]


def _umask() -> int:
    """The process's umask: temp files are private (0600), the finished export should not be."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_file(path: str | os.PathLike[str], *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file that appears at `path` only once completely written (temp file + os.replace)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8",
                                                                         "newline": ""})) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


@contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A directory that replaces `path` only once completely written; an older one is removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
