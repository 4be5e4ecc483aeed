"""`rasid ingest` and the questions asked of the store: search, actors, actor, events, claims,
contradictions, timeline."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasid.cli import messages
from rasid.cli.analyze import IsoDate
from rasid.cli.options import db_option, format_option
from rasid.cli.output import emit
from rasid.document import ACTOR_KINDS, EVENT_TYPES, Document
from rasid.errors import InputError
from rasid.io import DEFAULT_MAX_BYTES, iter_inputs, read_path
from rasid.pipeline import analyze_document
from rasid.store import Store, StoreError, default_path, queries
from rasid.store.rows import Rows, text_hash


def _open(db: str | None, *, readonly: bool) -> Store:
    try:
        return Store(db or default_path(), readonly=readonly)
    except StoreError as exc:
        messages.error("store", str(exc))
        sys.exit(1)


def _records(paths: tuple[str, ...], max_bytes: int) -> Iterator[Document | InputError]:
    for path in iter_inputs(list(paths)):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_path(path, max_bytes=max_bytes, stdin=sys.stdin.buffer)


def _parquet_rows(directory: str) -> Iterator[Rows]:
    from rasid.batch.parquet import read_document_rows

    yield from read_document_rows(directory)


class _Tally:
    """What an ingest run did, for the summary at the end."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.started = time.perf_counter()

    def failed(self, error: InputError) -> None:
        self.counts["failed"] += 1
        self.failures[error.problem.split(":")[0]] += 1
        messages.error(error.where, error.problem)

    def summary(self, console: Console, interrupted: bool = False) -> None:
        seconds = time.perf_counter() - self.started
        analyzed = self.counts["stored"]
        table = Table(title="ingest " + ("interrupted" if interrupted else "summary"), box=None,
                      title_justify="left", show_header=False)
        table.add_column(style="bold", justify="right")
        table.add_column()
        rows = [("stored", self.counts["stored"]), ("duplicates", self.counts["duplicate"]),
                ("joined a story", self.counts["joined_story"]), ("new actors", self.counts["new_actors"]),
                ("new contradictions across articles", self.counts["contradictions"]),
                ("failed", self.counts["failed"])]
        for label, value in rows:
            table.add_row(label, str(value))
        for reason, count in self.failures.most_common():
            table.add_row("", f"{count} × {escape(reason)}")
        rate = analyzed / seconds if seconds else 0.0
        table.add_row("time", f"{seconds:.1f} s, {rate:.1f} articles/s stored")
        console.print(table)


@click.command("ingest")
@click.argument("paths", nargs=-1, metavar="PATH... | -")
@db_option
@click.option("--source", metavar="NAME", help="Outlet name for articles that carry none.")
@click.option("--published", type=IsoDate(), help="Publication date for articles that carry none.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse articles larger than this (a JSONL file may hold many of them).")
@click.option("--from-parquet", "parquet", metavar="DIR", type=click.Path(file_okay=False, exists=True),
              help="Load the output of `rasid batch` instead of analyzing articles.")
def ingest_command(paths: tuple[str, ...], db: str | None, source: str | None, published: str | None,
                   max_bytes: int, parquet: str | None) -> None:
    """Analyze articles and keep them, with every fact found, in the store.

    Each article is stored in one transaction: an interrupted run (Ctrl-C, a crash, kill -9)
    never leaves half an article, and running it again picks up where it stopped. An article
    already stored (same text, same URL or same id) is skipped without being analyzed again;
    the same wire story from several outlets is stored once per outlet and linked as one story.

    \b
    Examples:
      rasid ingest examples/ --db news.db
      rasid ingest ../shared/data/news/ant/ant-politics-4000.jsonl --source ANT
      rasid ingest --from-parquet batch-out/ --db news.db
    """
    if not paths and not parquet:
        raise click.UsageError("give articles to ingest (PATH...), or --from-parquet DIR")
    console = Console(stderr=True, highlight=False)
    tally = _Tally()
    with _open(db, readonly=False) as store:
        try:
            with Progress(TextColumn("[bold]ingest"), BarColumn(bar_width=None),
                          TextColumn("{task.completed} articles · {task.fields[rate]}"), TimeElapsedColumn(),
                          console=console, transient=True, disable=not console.is_terminal) as progress:
                task = progress.add_task("ingest", total=None, rate="")
                if parquet:
                    items: Iterator[Document | InputError | Rows] = _parquet_rows(parquet)
                else:
                    items = _records(paths, max_bytes)
                for item in items:
                    _ingest_one(store, item, tally, source, published)
                    seconds = time.perf_counter() - tally.started
                    progress.update(task, advance=1, rate=f"{tally.counts['stored'] / seconds:.1f}/s")
        except KeyboardInterrupt:
            tally.summary(console, interrupted=True)
            messages.error("ingest", "interrupted; every article stored so far is complete")
            sys.exit(130)
    tally.summary(console)
    if tally.counts["failed"]:
        sys.exit(1)


def _ingest_one(store: Store, item: Document | InputError | Rows, tally: _Tally, source: str | None,
                published: str | None) -> None:
    if isinstance(item, InputError):
        tally.failed(item)
        return
    if isinstance(item, dict):
        result = store.ingest_rows(item)
    else:
        why = store.duplicate_of(doc_id=item.id or None, hash_of_text=text_hash(item.text), url=item.url)
        if why:
            tally.counts["duplicate"] += 1
            return
        item.source = item.source or source
        item.published = item.published or published
        try:
            doc = analyze_document(item)
        except Exception as exc:  # one bad article must not stop the run
            if os.environ.get("RASID_DEBUG"):
                traceback.print_exc()
            tally.failed(InputError(item.origin or item.id, f"internal error: {type(exc).__name__}: {exc}"))
            return
        result = store.ingest(doc)
    tally.counts[result.status] += 1
    tally.counts["new_actors"] += result.new_actors
    tally.counts["contradictions"] += len(result.contradictions)
    tally.counts["joined_story"] += result.status == "stored" and result.story != result.doc_id


def _query(function: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Run a store query; a name or query it cannot use is one line on stderr and exit 1."""
    try:
        return function()
    except (LookupError, ValueError) as exc:
        messages.error("query", str(exc.args[0]))
        sys.exit(1)


_paging = (click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True),
           click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True))


def paged(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_paging):
        function = option(function)
    return function


@click.command("search")
@click.argument("query")
@click.option("--since", type=IsoDate())
@click.option("--until", type=IsoDate())
@click.option("--source", metavar="NAME", help="Only articles from this outlet.")
@db_option
@format_option
@paged
def search_command(query: str, since: str | None, until: str | None, source: str | None, db: str | None,
                   fmt: str | None, limit: int, offset: int) -> None:
    """Sentences that contain every word of QUERY ("…" for a phrase), with their article and facts.

    Diacritics, alef forms and clitics do not matter: كَتَبَ finds كتب, أحمد finds احمد,
    المدينة finds وبالمدينة.

    \b
    Examples:
      rasid search "وقف إطلاق النار" --since 2024-01-01
      rasid search باماكو --format json | jq .doc_id
    """
    with _open(db, readonly=True) as store:
        rows = _query(lambda: queries.search(store, query, since=since, until=until, source=source,
                                             limit=limit, offset=offset))
    emit(rows, fmt, ("published", "outlet", "text", "events", "actors"), title=f"search: {query}")


@click.command("actors")
@click.option("--kind", type=click.Choice(ACTOR_KINDS))
@click.option("--country", metavar="ISO3", help="e.g. MLI")
@db_option
@format_option
@paged
def actors_command(kind: str | None, country: str | None, db: str | None, fmt: str | None, limit: int,
                   offset: int) -> None:
    """Actors named in the stored articles, most mentioned first.

    \b
    Examples:
      rasid actors --kind armed_group
      rasid actors --country MLI --format csv > mali-actors.csv
    """
    with _open(db, readonly=True) as store:
        rows = queries.actors(store, kind=kind, country=country, limit=limit, offset=offset)
    emit(rows, fmt, ("key", "name_en", "name_ar", "kind", "country", "wikidata", "documents", "mentions"),
         title="actors")


@click.command("actor")
@click.argument("name")
@db_option
@format_option
def actor_command(name: str, db: str | None, fmt: str | None) -> None:
    """One actor's profile: aliases, mentions over time, events, relations, claims, contradictions.

    NAME is the actor's key, its English name, or an Arabic name it appears under.

    \b
    Examples:
      rasid actor "Government of Mali"
      rasid actor "جماعة نصرة الإسلام والمسلمين" --format json
    """
    with _open(db, readonly=True) as store:
        profile = _query(lambda: [queries.actor_profile(store, name)])[0]
    if (fmt or ("table" if sys.stdout.isatty() else "json")) != "table":
        emit([profile], "json" if fmt is None else fmt, list(profile))
        return
    console = Console(highlight=False)
    console.rule(f"[bold]{escape(profile['name_en'] or profile['key'])}  {escape(profile['name_ar'] or '')}")
    for field in ("key", "kind", "country", "wikidata", "sector", "first_seen"):
        if profile[field]:
            console.print(f"[dim]{field:>10}[/]  {escape(str(profile[field]))}")
    sections = (("aliases", ("text", "mentions")), ("mentions_by_month", ("month", "mentions")),
                ("events_as_source", ("type", "events")), ("events_as_target", ("type", "events")),
                ("relations", ("type", "direction", "other_name")),
                ("claims", ("published", "stance", "content_text")),
                ("contradictions", ("speaker_a", "content_a", "speaker_b", "content_b")))
    for section, columns in sections:
        if profile[section]:
            emit(profile[section], "table", columns, title=section.replace("_", " "))


@click.command("events")
@click.option("--actor", metavar="NAME", help="Events where this actor is the source or the target.")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--since", type=IsoDate())
@click.option("--until", type=IsoDate())
@click.option("--where", metavar="ISO3", help="Events located in this country, e.g. MLI.")
@click.option("--source", metavar="NAME", help="Only articles from this outlet.")
@db_option
@format_option
@paged
def events_command(actor: str | None, type_: str | None, since: str | None, until: str | None,
                   where: str | None, source: str | None, db: str | None, fmt: str | None, limit: int,
                   offset: int) -> None:
    """Events (PLOVER), in date order: who did what to whom, when, where, with the sentence.

    \b
    Examples:
      rasid events --type ASSAULT --where MLI --since 2024-01-01
      rasid events --actor JNIM --format csv > jnim.csv
    """
    with _open(db, readonly=True) as store:
        rows = _query(lambda: queries.events(store, actor=actor, type=type_, since=since, until=until,
                                             where=where, source=source, limit=limit, offset=offset))
    emit(rows, fmt, ("day", "type", "source_name", "target_name", "polarity", "modality", "place_name",
                     "quantity", "trigger_text", "outlet"), title="events")


@click.command("claims")
@click.option("--speaker", metavar="NAME")
@click.option("--stance", type=click.Choice(["assert", "deny", "speculate"]))
@click.option("--contradicted/--not-contradicted", default=None,
              help="Only claims that are (or are not) part of a contradiction.")
@db_option
@format_option
@paged
def claims_command(speaker: str | None, stance: str | None, contradicted: bool | None, db: str | None,
                   fmt: str | None, limit: int, offset: int) -> None:
    """Who said what, with stance (assert, deny, speculate), newest first.

    \b
    Examples:
      rasid claims --stance deny
      rasid claims --speaker "Government of Mali" --contradicted
    """
    with _open(db, readonly=True) as store:
        rows = _query(lambda: queries.claims(store, speaker=speaker, stance=stance, contradicted=contradicted,
                                             limit=limit, offset=offset))
    emit(rows, fmt, ("published", "speaker", "stance", "kind", "content_text", "contradicted", "outlet"),
         title="claims")


@click.command("contradictions")
@click.option("--since", type=IsoDate(), help="Pairs where either article is from this date on.")
@click.option("--scope", type=click.Choice(["document", "corpus"]),
              help="document: within one article; corpus: across articles and outlets.")
@db_option
@format_option
@paged
def contradictions_command(since: str | None, scope: str | None, db: str | None, fmt: str | None,
                           limit: int, offset: int) -> None:
    """Pairs of claims that cannot both be true, each with its speaker, outlet and date.

    \b
    Examples:
      rasid contradictions --since 2024-03-01
      rasid contradictions --scope corpus --format json
    """
    with _open(db, readonly=True) as store:
        rows = queries.contradictions(store, since=since, scope=scope, limit=limit, offset=offset)
    emit(rows, fmt, ("scope", "speaker_a", "stance_a", "content_a", "speaker_b", "stance_b", "content_b",
                     "reason"), title="contradictions")


@click.command("timeline")
@click.option("--actor", metavar="NAME")
@click.option("--since", type=IsoDate())
@click.option("--until", type=IsoDate())
@db_option
@format_option
@paged
def timeline_command(actor: str | None, since: str | None, until: str | None, db: str | None,
                     fmt: str | None, limit: int, offset: int) -> None:
    """Dated events in order; an event an article recalls from the past sits at its own date.

    \b
    Examples:
      rasid timeline --actor "Government of Mali"
      rasid timeline --since 2024-01-01 --format csv
    """
    with _open(db, readonly=True) as store:
        rows = _query(lambda: queries.timeline(store, actor=actor, since=since, until=until, limit=limit,
                                               offset=offset))
    emit(rows, fmt, ("day", "date", "background", "type", "source_name", "target_name", "polarity",
                     "place_name", "title"), title="timeline")


COMMANDS = (ingest_command, search_command, actors_command, actor_command, events_command, claims_command,
            contradictions_command, timeline_command)
