"""`rasid batch`: a whole corpus through the pipeline, into Parquet, on local processes or Dask."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from rasid.batch import Summary, run_batch
from rasid.batch.engine import ENGINES, EngineError, Outcome
from rasid.batch.manifest import ManifestError
from rasid.batch.partitions import Partition
from rasid.batch.worker import DEFAULT_LIMITS, Limits
from rasid.cli import messages


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Output directory: one Parquet dataset per table, by publication day.")
@click.option("--engine", type=click.Choice(ENGINES),
              help="local: a process pool on this machine; dask: a Dask cluster (pip install 'rasid[dask]'). "
                   "Default: dask with --scheduler, else local.")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Address of a running Dask scheduler; without it the dask engine starts a local cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes (local pool or local Dask cluster).")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Documents (lines, records or files) per partition; keep it when resuming.")
@click.option("--reduce/--no-reduce", default=True, show_default=True,
              help="Run the corpus-wide step (story clusters, cross-source contradictions) at the end.")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_LIMITS.doc_cpu_seconds,
              show_default=True, metavar="SECONDS",
              help="CPU seconds one document may take before it is given up as an error (local engine); "
                   "0: no limit.")
@click.option("--worker-memory", type=click.IntRange(min=0), default=DEFAULT_LIMITS.worker_memory_mb,
              show_default=True, metavar="MB",
              help="Memory (data segment) a worker process may allocate; a document that needs more is "
                   "given up as an error; 0: no limit.")
def batch_command(inputs: tuple[str, ...], out: str, engine: str | None, scheduler: str | None, workers: int,
                  partition_size: int, reduce: bool, doc_timeout: float, worker_memory: int) -> None:
    """Analyze a corpus into Parquet: JSONL files, directories, .json arrays or .zip archives of them.

    The inputs are cut into partitions of whole files or line ranges; each worker process loads
    the models once and writes its partitions' rows (documents, sentences, mentions, actors,
    events, claims, relations, contradictions, and errors for documents that failed) under
    OUT/TABLE/day=YYYY-MM-DD/. A rerun with the same OUT skips the partitions already written,
    so a killed run resumes where it stopped. The reduce step then writes OUT/stories and
    OUT/cross_contradictions over the whole corpus.

    Exit status: 0 when every partition was written (documents that failed are rows of the
    errors table), 1 when an input was missing or a partition failed (rerun to retry it), 2 for
    usage errors.

    \b
    Examples:
      rasid batch corpus.jsonl --out out/
      rasid batch ../shared/data/news/saudinewsnet/dataset --out snn/ --workers 2
      rasid batch feeds/ --out out/ --engine dask --workers 4
      rasid batch /data/news --out /shared/out --scheduler tcp://10.0.0.5:8786
    """
    if scheduler and engine == "local":
        raise click.UsageError("--scheduler needs the dask engine")
    engine = engine or ("dask" if scheduler else "local")
    with _progress() as progress:
        task = progress.add_task("documents", total=None)

        def planned(todo: list[Partition]) -> None:
            progress.update(task, total=sum(part.size for part in todo))

        def started(dashboard: str | None) -> None:
            if dashboard:
                messages.stderr.print(f"rasid: Dask dashboard: {dashboard}")

        def finished(outcome: Outcome) -> None:
            progress.advance(task, outcome.part.size)
            if outcome.error:
                messages.error(outcome.part.where, f"partition failed: {outcome.error}")

        try:
            summary = run_batch(list(inputs), out, engine=engine, workers=workers, scheduler=scheduler,
                                partition_size=partition_size, reduce=reduce,
                                limits=Limits(doc_timeout or None, worker_memory or None), on_plan=planned,
                                on_start=started, on_outcome=finished)
        except (ManifestError, EngineError) as err:
            raise click.UsageError(str(err)) from None
    for problem in summary.input_errors:
        messages.error(problem.where, problem.problem)
    _print_summary(summary, engine, out)
    if summary.input_errors or summary.failed:
        sys.exit(1)


@contextmanager
def _progress() -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal; nothing when piped."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=messages.stderr, disable=not messages.stderr.is_terminal) as progress:
        yield progress


def _print_summary(summary: Summary, engine: str, out: str) -> None:
    written = summary.partitions - summary.skipped - len(summary.failed)
    click.echo(f"partitions  {written:,} written, {summary.skipped:,} already there, "
               f"{len(summary.failed):,} failed")
    click.echo(f"documents   {summary.docs:,}  (failures: {summary.failures:,}, in the errors table; "
               f"duplicates skipped: {summary.duplicates:,})")
    click.echo(f"events      {summary.events:,}")
    click.echo(f"claims      {summary.claims:,}")
    events_rate = summary.events / summary.seconds if summary.seconds else 0.0
    click.echo(f"time        {summary.seconds:,.1f} s, {summary.articles_per_second:,.1f} articles/s, "
               f"{events_rate:,.1f} events/s ({engine}, {len(summary.peak_rss_mb)} worker processes)")
    if summary.peak_rss_mb:
        click.echo(f"peak memory {max(summary.peak_rss_mb.values()):,.0f} MB (largest worker)")
    if summary.reduce:
        r = summary.reduce
        note = " (unchanged, not rerun)" if r["skipped"] else f" ({r['seconds']:,.1f} s)"
        click.echo(f"reduce      {r['stories']:,} stories from {r['documents']:,} documents, "
                   f"{r['cross_contradictions']:,} cross-source contradictions{note}")
    click.echo(f"output      {out}")
