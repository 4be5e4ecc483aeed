"""`rasid export`, `rasid graph` and `rasid brief`: the store out, for other tools and for readers.

Each opens the store read-only. Windows (`--since`, `--until`) take a date (YYYY-MM-DD) or `Nd`,
the N days ending on `--until` or else on the newest publication date in the store (not today),
so that they work on old corpora as well as on a live feed.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Callable
from typing import Any

import click

from rasid.cli import messages
from rasid.document import EVENT_TYPES
from rasid.export.query import Filters, atomic_file, latest_published, resolve_day
from rasid.store import Store, StoreError, default_path

# The formats of `rasid.export.EXPORTERS` and `rasid.export.graph.FORMATS`, named here so that
# networkx and pyarrow are imported only when a command runs, not whenever `rasid` starts.
EXPORT_FORMATS = ("acled-csv", "plover-jsonl", "geojson", "graphml", "parquet")
GRAPH_FORMATS = ("graphml", "gexf", "json")
_DAY = re.compile(r"^(\d+d|\d{4}-\d{2}-\d{2})$")
DAY_METAVAR = "YYYY-MM-DD|Nd"
_UNITS = {"acled-csv": "rows", "plover-jsonl": "records", "geojson": "features", "graphml": "actors"}


class Day(click.ParamType):
    """A date (YYYY-MM-DD) or `Nd`; resolved against the store once it is open."""

    name = "YYYY-MM-DD|Nd"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        value = value.strip()
        if not _DAY.match(value):
            self.fail(f"{value!r}: write a date as YYYY-MM-DD, or Nd for the last N days", param, ctx)
        try:
            resolve_day(value, None)
        except ValueError:
            self.fail(f"{value!r} is not a date", param, ctx)
        return value


def _db_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", metavar="PATH", default=None,
                        help="The store. Default: $RASID_DB, else ./rasid.db.")(function)


def _window_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option("--until", type=Day(), metavar=DAY_METAVAR,
                            help="Last day, inclusive (YYYY-MM-DD or Nd).")(function)
    return click.option("--since", type=Day(), metavar=DAY_METAVAR,
                        help="First day, inclusive: YYYY-MM-DD, or Nd = the N days ending on --until, "
                             "else on the newest publication date in the store.")(function)


def _open(db: str | None) -> Store:
    """The store, read-only; a missing or unreadable one is a one-line error and exit status 1."""
    try:
        return Store(db or default_path(), readonly=True)
    except StoreError as exc:
        messages.error("store", str(exc))
        sys.exit(1)


def _window(store: Store, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both ends as dates; `--since Nd` counts back from `--until` when given, else from the newest
    publication date."""
    latest = latest_published(store)
    last = resolve_day(until, latest)
    return resolve_day(since, dt.date.fromisoformat(last) if last else latest), last


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="acled-csv: ACLED's columns; plover-jsonl: PLOVER 2.0 records; geojson: located "
                   "events; graphml: the actor network; parquet: a directory, one file per table.")
@click.option("--out", required=True, metavar="PATH", help="The file (a directory for parquet), "
                                                           "replaced only once completely written.")
@_window_options
@click.option("--actor", metavar="KEY", help="Only events with this actor (e.g. HOUTHIS) on either side.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="Only this PLOVER event type (ASSAULT, PROTEST, ACCUSE ...); repeat for several.")
@click.option("--where", "country", metavar="ISO3", help="Only events that took place in this country.")
@click.option("--source", metavar="OUTLET", help="Only articles from this outlet.")
@click.option("--all", "include_all", is_flag=True,
              help="Also events that did not happen (denied, negative, hypothetical, future) and, for "
                   "acled-csv, verbal events (ACCUSE, REQUEST ...).")
@_db_option
def export_command(fmt: str, out: str, since: str | None, until: str | None, actor: str | None,
                   types: tuple[str, ...], country: str | None, source: str | None, include_all: bool,
                   db: str | None) -> None:
    """Export the store's events for other tools (see docs/exports.md).

    \b
    Example:
      rasid export --format acled-csv --out mali.csv --where MLI --since 2021-10-01
      rasid export --format parquet --out store.parquet
    """
    from rasid.export import EXPORTERS

    with _open(db) as store:
        since, until = _window(store, since, until)
        filters = Filters(since=since, until=until, actor=actor, types=tuple(t.upper() for t in types),
                          country=country, source=source, include_all=include_all)
        started = time.perf_counter()
        written = EXPORTERS[fmt](store, out, filters)
    if isinstance(written, dict):
        what = ", ".join(f"{table} {n}" for table, n in written.items())
    else:
        what = f"{written} {_UNITS[fmt]}"
    messages.stderr.print(f"rasid: {fmt}: {what} to {out} in {time.perf_counter() - started:.2f} s",
                          markup=False)


@click.command("graph")
@_window_options
@click.option("--format", "fmt", type=click.Choice(GRAPH_FORMATS), default="graphml", show_default=True,
              help="graphml or gexf (Gephi, networkx), json (nodes and edges, as the web UI draws them).")
@click.option("--out", metavar="PATH", help="The file; default: standard output.")
@_db_option
def graph_command(since: str | None, until: str | None, fmt: str, out: str | None, db: str | None) -> None:
    """The actor network: actors as nodes, events and stated relations as typed, weighted edges.

    \b
    Example:
      rasid graph --since 30d --format gexf --out actors.gexf
    """
    from rasid.export.graph import actor_graph, render

    with _open(db) as store:
        since, until = _window(store, since, until)
        text = render(actor_graph(store, since, until), fmt)
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    with atomic_file(out) as handle:
        handle.write(text)


@click.command("brief")
@click.option("--since", type=Day(), default="1d", show_default=True, metavar=DAY_METAVAR,
              help="First day: YYYY-MM-DD, or Nd = the N days ending on --until, else on the newest "
                   "publication date in the store (1d: that day alone).")
@click.option("--until", type=Day(), metavar=DAY_METAVAR,
              help="Last day (default: the newest publication date in the store).")
@click.option("--out", metavar="FILE.html|FILE.md",
              help="Write HTML (with the timeline and map) for .html/.htm, else Markdown; "
                   "default: Markdown on standard output.")
@_db_option
def brief_command(since: str, until: str | None, out: str | None, db: str | None) -> None:
    """What happened in a window: top events (once per story), active and new actors, contradictions.

    \b
    Example:
      rasid brief --since 7d --out week.html
    """
    from rasid.store.brief import brief  # matplotlib is slow to import; only this command needs it

    with _open(db) as store:
        latest = latest_published(store)
        if latest is None:
            messages.error("brief", f"{store.path}: no dated articles in the store")
            sys.exit(1)
        first, last = _window(store, since, until or latest.isoformat())
        last = last or latest.isoformat()
        report = brief(store, first or last, last)
    if out is None:
        sys.stdout.write(report.markdown())
        return
    text = report.html() if out.lower().endswith((".html", ".htm")) else report.markdown()
    with atomic_file(out) as handle:
        handle.write(text)

