"""Where partitions run: a local process pool, or a Dask cluster (local or remote).

Both take the same partitions and call the same `run_partition`, so they write the same files;
they differ only in how tasks reach processes. Results come back as partitions finish, in any
order; the caller records each in the manifest.
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from rasid.batch.partitions import Partition
from rasid.batch.worker import DEFAULT_LIMITS, Limits, run_partition

ENGINES = ("local", "dask")


class EngineError(Exception):
    """The engine cannot start (Dask missing, scheduler unreachable)."""


@dataclass(frozen=True)
class Outcome:
    """One finished partition: its manifest entry, or why the task itself failed."""

    part: Partition
    entry: dict[str, Any] | None = None
    error: str | None = None


def run_partitions(parts: list[Partition], out: str, *, engine: str, workers: int,
                   scheduler: str | None = None, limits: Limits = DEFAULT_LIMITS,
                   on_start: Callable[[str | None], None] = lambda dashboard: None) -> Iterator[Outcome]:
    """Run every partition; `on_start` gets the Dask dashboard link (None locally) once running."""
    if engine == "dask":
        yield from _dask(parts, out, workers, scheduler, limits, on_start)
    else:
        on_start(None)
        queue = deque(parts)
        while queue:
            yield from _pool(queue, out, workers, limits)


def _pool(queue: deque[Partition], out: str, workers: int, limits: Limits) -> Iterator[Outcome]:
    """Run partitions from `queue` until it is empty or a worker process dies.

    At most two partitions a worker are handed to the pool at a time: when a worker dies (killed
    for memory, say), the pool fails whatever it holds, so only those are lost; the caller starts
    a new pool for the rest.
    """
    # forkserver: workers are forks of a clean server process (not of a driver that runs a
    # progress thread). Each loads the models on its first partition: workers forked from a
    # server that had loaded them shared those pages copy-on-write and spent 30% more CPU an
    # article (3,304 articles, 2 workers: 132 s of CPU preloaded, 101 s not).
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: dict[Future[dict[str, Any]], Partition] = {}
    try:
        while queue or pending:
            while queue and len(pending) < 2 * workers:
                try:
                    future = pool.submit(run_partition, queue[0], out, limits)
                except BrokenProcessPool:  # a worker died since the last wait
                    break
                pending[future] = queue.popleft()
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                broken = broken or isinstance(future.exception(), BrokenProcessPool)
                yield _outcome(pending.pop(future), future)
            if broken:
                wait(pending)
                for future, part in pending.items():
                    yield _outcome(part, future)
                return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(parts: list[Partition], out: str, workers: int, scheduler: str | None, limits: Limits,
          on_start: Callable[[str | None], None]) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'rasid[dask]'") from None
    dashboard: str | None = None
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except OSError as err:
                raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
        else:
            # One single-threaded process per worker: the pipeline is pure Python and holds the GIL.
            dashboard = ":0" if importlib.util.find_spec("bokeh") else None
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=dashboard,
                silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        futures = [client.submit(run_partition, part, out, limits, key=f"rasid-partition-{part.id}",
                                 pure=False) for part in parts]
        by_key = {future.key: part for future, part in zip(futures, parts, strict=True)}
        on_start(client.dashboard_link if scheduler or dashboard else None)
        for future in as_completed(futures):
            yield _outcome(by_key[future.key], future)
            future.release()


def _outcome(part: Partition, future: Any) -> Outcome:
    try:
        return Outcome(part, entry=future.result())
    except BrokenProcessPool:
        return Outcome(part, error="a worker process died while it held this partition (out of memory?)")
    except Exception as exc:  # the task itself failed (disk full, worker killed): report, go on
        return Outcome(part, error=f"{type(exc).__name__}: {exc}")
