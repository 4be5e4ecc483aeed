"""What a worker does with one partition: read, analyze, flatten to rows, write Parquet.

It runs in a pool process or a Dask worker; the pipeline's models load on its first document
(`default_pipeline` is cached per process) and serve every later partition. Nothing a single
document does can fail the partition: a bad record or an exception inside the pipeline becomes
a row of the `errors` table. Two limits keep one pathological article (a run of names that sends
linking into tens of seconds and gigabytes) from stalling a worker or getting it killed by the
kernel: CPU seconds per document, and the memory a worker process may allocate; a document over
either becomes an error row too.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import threading
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasid.batch.parquet import ERRORS, PARTITION_TABLES, SIGNATURES, UNKNOWN_DAY, day_of, write_partition
from rasid.batch.partitions import Partition, read_partition
from rasid.errors import InputError
from rasid.pipeline import analyze_document
from rasid.store import stories
from rasid.store.rows import document_rows, light_json


@dataclass(frozen=True)
class Limits:
    """Per document CPU seconds and per worker process memory (MB of data segment); None: no limit."""

    doc_cpu_seconds: float | None = 30.0
    worker_memory_mb: int | None = 2500


DEFAULT_LIMITS = Limits()


class TooSlow(BaseException):
    """Raised by the CPU timer; a BaseException so that no `except Exception` in a stage eats it."""


def run_partition(part: Partition, out: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Write one partition's files under `out` and return its manifest entry and figures."""
    started, cpu_started = time.perf_counter(), time.process_time()
    _limit_memory(limits.worker_memory_mb)
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    seen: set[str] = set()
    counts = {"docs": 0, "events": 0, "claims": 0, "failures": 0, "duplicates": 0}
    for ordinal, item in enumerate(read_partition(part)):
        if isinstance(item, InputError):
            rows[ERRORS, UNKNOWN_DAY].append({"origin": item.where, "doc_id": None, "reason": item.problem})
            counts["failures"] += 1
            continue
        day = day_of(item.published)
        try:
            with _cpu_limit(limits.doc_cpu_seconds):
                found = document_rows(light_json(analyze_document(item)))
        except (TooSlow, MemoryError) as exc:
            reason = (f"gave up after {limits.doc_cpu_seconds:g} s of CPU (--doc-timeout)"
                      if isinstance(exc, TooSlow)
                      else f"gave up: over {limits.worker_memory_mb:,} MB of memory (--worker-memory)")
            rows[ERRORS, day].append({"origin": item.origin, "doc_id": item.id or None, "reason": reason})
            counts["failures"] += 1
            continue
        except Exception as exc:  # one bad document must not lose the partition
            if os.environ.get("RASID_DEBUG"):
                traceback.print_exc()
            rows[ERRORS, day].append({"origin": item.origin, "doc_id": item.id or None,
                                      "reason": f"internal error: {type(exc).__name__}: {exc}"})
            counts["failures"] += 1
            continue
        doc_id = found["documents"][0]["id"]
        # The same article twice (an id the input repeats, or the same text, whose id is its
        # hash) would collide on the store's keys; the first one stands.
        if doc_id in seen:
            counts["duplicates"] += 1
            continue
        seen.add(doc_id)
        for table, table_rows in found.items():
            rows[table, day].extend(table_rows)
        rows[SIGNATURES, day].append({
            "doc_id": doc_id, "origin": item.origin, "ordinal": ordinal,
            "minhash": stories.to_bytes(stories.signature(found["documents"][0]["text"]))})
        counts["docs"] += 1
        counts["events"] += len(found["events"])
        counts["claims"] += len(found["claims"])
    # Every table gets a file for every day the partition has, empty or not: the columns of a
    # table are then there even when nothing in the corpus filled it.
    for day in {day for _, day in rows}:
        for table in PARTITION_TABLES:
            rows.setdefault((table, day), [])
    files = write_partition(Path(out), part.id, rows)
    return {
        "id": part.id, "checksum": part.checksum, **part.to_dict(), "files": files, **counts,
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _limit_memory(megabytes: int | None) -> None:
    """Cap the process's data segment: past it allocations raise MemoryError instead of the kernel
    killing the worker (and, on a shared machine, maybe someone else's process)."""
    if megabytes is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = megabytes << 20
    soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


@contextmanager
def _cpu_limit(seconds: float | None) -> Iterator[None]:
    """Raise TooSlow inside the pipeline after `seconds` of CPU. Signals reach only the main
    thread, so in a Dask worker (tasks in threads) documents run without this limit."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
