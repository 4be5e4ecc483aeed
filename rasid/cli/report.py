"""The `--format text` report: what rasid found in one article, for a person to read."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rasid.document import Document


def print_report(doc: Document, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    console.rule(f"[bold]{escape(doc.title or doc.origin or doc.id)}")
    facts = {
        "file": doc.origin, "id": doc.id, "published": doc.published, "source": doc.source,
        "url": doc.url, "language": doc.lang,
        "size": f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, {len(doc.tokens)} tokens",
    }
    for key, value in facts.items():
        if value:
            console.print(f"[dim]{key:>10}[/]  {escape(str(value))}")
    for warning in doc.warnings:
        console.print(f"[yellow]{'warning':>10}[/]  {escape(warning)}")

    repeated = {i for i, p in enumerate(doc.paragraphs) if p.duplicate_of is not None}
    table = Table(show_header=True, header_style="bold", box=None, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("sentence", overflow="fold")
    for number, sentence in enumerate(doc.sentences):
        text = escape(" ".join(doc.text[sentence.start:sentence.end].split()))
        if sentence.paragraph in repeated:
            text = f"[dim]{text}  (repeats paragraph {doc.paragraphs[sentence.paragraph].duplicate_of})[/]"
        elif sentence.joined:
            text += "  [cyan](joined across a paragraph break)[/]"
        table.add_row(str(number), text)
    console.print(table)
    _facts(doc, console)
    console.print()


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def _facts(doc: Document, console: Console) -> None:
    """Actors, events, claims and contradictions, each with the words that support it."""
    names = {a.id: a.name_en or a.name_ar or a.id for a in doc.actors}
    if doc.actors:
        actors = Table(title="actors", box=None, title_justify="left", header_style="bold")
        for column in ("id", "name", "Arabic", "kind", "country", "wikidata"):
            actors.add_column(column, overflow="fold")
        for actor in doc.actors:
            actors.add_row(actor.id, escape(actor.name_en or ""), escape(actor.name_ar or ""), actor.kind,
                           actor.country or "", actor.wikidata or "")
        console.print(actors)
    if doc.events:
        events = Table(title="events", box=None, title_justify="left", header_style="bold")
        for column in ("id", "type", "source → target", "date", "modality", "trigger"):
            events.add_column(column, overflow="fold")
        for event in doc.events:
            date = (event.date or {}).get("value") or ""
            flag = "" if event.polarity == "positive" else " (not)"
            events.add_row(event.id, f"{event.type}{'/' + event.mode if event.mode else ''}",
                           escape(f"{names.get(event.source, '?')} → {names.get(event.target, '—')}"),
                           str(date), event.modality + flag, escape(event.trigger.text or ""))
        console.print(events)
    if doc.claims:
        claims = Table(title="claims", box=None, title_justify="left", header_style="bold")
        for column in ("id", "speaker", "stance", "kind", "content"):
            claims.add_column(column, overflow="fold")
        for claim in doc.claims:
            claims.add_row(claim.id, escape(names.get(claim.speaker, "?")), claim.stance, claim.kind,
                           _clip(claim.content.text or ""))
        console.print(claims)
    for contradiction in doc.contradictions:
        console.print(f"[bold red]contradiction[/] {contradiction.id}: {escape(contradiction.reason)}")
