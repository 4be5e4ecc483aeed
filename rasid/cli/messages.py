"""One-line messages on stderr: coloured for people, plain when piped."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def error(where: str, problem: str) -> None:
    stderr.print(f"[bold red]rasid: error:[/] {escape(where)}: {escape(problem)}")


def warning(where: str, problem: str) -> None:
    stderr.print(f"[yellow]rasid: warning:[/] {escape(where)}: {escape(problem)}")
