"""Rows out: a table for people, JSON lines or CSV for pipes, chosen by `--format`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

FORMATS = ("table", "json", "csv")


def chosen(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def emit(rows: Sequence[dict[str, Any]], fmt: str | None, columns: Sequence[str], *,
         title: str | None = None, stream: TextIO | None = None) -> None:
    """Print rows: every field as JSON/CSV; the given columns (clipped) as a table."""
    stream = stream or sys.stdout
    fmt = chosen(fmt)
    if fmt == "json":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in fields})
    else:
        console = Console(file=stream, highlight=False)
        table = Table(title=title, title_justify="left", header_style="bold", box=None, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold", max_width=60)
        for row in rows:
            table.add_row(*(escape(_clip(_cell(row.get(c)))) for c in columns))
        console.print(table)
        if not rows:
            console.print("[dim](nothing found)[/]")


def _clip(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
