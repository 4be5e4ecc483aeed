"""One batch run: plan, skip what is written, run the rest, record it, then the reduce step."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasid.batch.engine import Outcome, run_partitions
from rasid.batch.manifest import Manifest, locked
from rasid.batch.partitions import Partition, plan
from rasid.batch.reduce import run_reduce
from rasid.batch.worker import DEFAULT_LIMITS, Limits
from rasid.errors import InputError


@dataclass
class Summary:
    """What a run did; the figures count this run's partitions only, not the skipped ones."""

    partitions: int = 0
    skipped: int = 0
    docs: int = 0
    events: int = 0
    claims: int = 0
    failures: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    input_errors: list[InputError] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (partition, why)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker process
    reduce: dict[str, Any] | None = None

    def add(self, entry: dict[str, Any]) -> None:
        for name in ("docs", "events", "claims", "failures", "duplicates"):
            setattr(self, name, getattr(self, name) + entry[name])
        worker = entry["worker"]
        self.peak_rss_mb[worker] = max(self.peak_rss_mb.get(worker, 0.0), entry["peak_rss_mb"])

    @property
    def articles_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def run_batch(inputs: list[str], out: str | Path, *, engine: str = "local", workers: int = 1,
              scheduler: str | None = None, partition_size: int = 500, reduce: bool = True,
              limits: Limits = DEFAULT_LIMITS,
              on_plan: Callable[[list[Partition]], None] = lambda todo: None,
              on_start: Callable[[str | None], None] = lambda dashboard: None,
              on_outcome: Callable[[Outcome], None] = lambda outcome: None) -> Summary:
    """Analyze `inputs` into Parquet under `out`, resuming a run that stopped part-way.

    The callbacks are for progress: `on_plan` gets the partitions still to run, `on_start` the Dask
    dashboard link (or None), `on_outcome` each finished partition.
    """
    out = Path(out)
    started = time.perf_counter()
    parts, problems = plan(inputs, partition_size)
    summary = Summary(partitions=len(parts), input_errors=problems)
    with locked(out):
        manifest = Manifest(out)
        manifest.start(partition_size)
        manifest.clean({part.id: part.checksum for part in parts})
        written = {pid for pid, entry in manifest.latest().items() if not entry.get("dropped")}
        todo = [part for part in parts if part.id not in written]
        summary.skipped = len(parts) - len(todo)
        on_plan(todo)
        if todo:
            for outcome in run_partitions(todo, str(out), engine=engine, workers=min(workers, len(todo)),
                                          scheduler=scheduler, limits=limits, on_start=on_start):
                if outcome.entry is not None:
                    manifest.record(outcome.entry)
                    summary.add(outcome.entry)
                else:
                    summary.failed.append((outcome.part.where, outcome.error or "unknown"))
                on_outcome(outcome)
        summary.seconds = time.perf_counter() - started
        if reduce:
            summary.reduce = run_reduce(out)
    return summary
