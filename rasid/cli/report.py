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
    console.print()
