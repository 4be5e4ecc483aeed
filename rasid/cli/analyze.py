"""`rasid analyze`: articles in, document JSON (or a readable report) out."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from rasid.cli import messages
from rasid.cli.report import print_report
from rasid.document import Document, to_json
from rasid.errors import InputError
from rasid.io import DEFAULT_MAX_BYTES, iter_inputs, read_path
from rasid.pipeline import analyze_document


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD", param, ctx)


@contextmanager
def _output(out: str | None) -> Iterator[TextIO]:
    """stdout, or a file that appears only when the run completes (never half-written)."""
    if out is None:
        yield sys.stdout
        return
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _documents(paths: tuple[str, ...], max_bytes: int, published: str | None,
               source: str | None) -> Iterator[Document | InputError]:
    """Every article of every input, analyzed, or the error that stopped it."""
    for path in iter_inputs(list(paths)):
        if isinstance(path, InputError):
            yield path
            continue
        for record in read_path(path, max_bytes=max_bytes, stdin=sys.stdin.buffer):
            if isinstance(record, InputError):
                yield record
                continue
            record.published = record.published or published
            record.source = record.source or source
            try:
                yield analyze_document(record)
            except Exception as exc:  # one bad document must not stop the batch
                if os.environ.get("RASID_DEBUG"):
                    traceback.print_exc()
                yield InputError(record.origin or path, f"internal error: {type(exc).__name__}: {exc}")


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]),
              help="json: one document (an array for several); jsonl: one per line; "
                   "text: a readable report. Default: text on a terminal, else jsonl.")
@click.option("--published", type=IsoDate(),
              help="Publication date for inputs that carry none; relative dates resolve against it.")
@click.option("--source", metavar="NAME", help="Outlet name for inputs that carry none.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the output to FILE (atomically).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse input files larger than this.")
def analyze_command(paths: tuple[str, ...], fmt: str | None, published: str | None, source: str | None,
                    out: str | None, max_bytes: int) -> None:
    """Analyze Arabic articles: .txt, .html, .jsonl and RSS/Atom files, directories, or - for stdin.

    Exit status: 0 when every input succeeded, 1 when some failed (the others are still
    processed and printed), 2 for usage errors.

    \b
    Examples:
      rasid analyze article.txt --published 2021-10-27 --format json
      rasid analyze examples/ --format text
      rasid analyze feed.jsonl --format jsonl --out docs.jsonl
      cat article.txt | rasid analyze - --format json
    """
    fmt = fmt or ("text" if sys.stdout.isatty() and out is None else "jsonl")
    failed = 0
    collected: list[dict] = []
    with _output(out) as stream:
        for item in _documents(paths, max_bytes, published, source):
            if isinstance(item, InputError):
                messages.error(item.where, item.problem)
                failed += 1
                continue
            for warning in item.warnings:
                messages.warning(item.origin or item.id, warning)
            if fmt == "jsonl":
                stream.write(json.dumps(to_json(item), ensure_ascii=False) + "\n")
            elif fmt == "json":
                collected.append(to_json(item))
            else:
                print_report(item, stream)
        if fmt == "json" and collected:
            body = collected[0] if len(collected) == 1 else collected
            stream.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    if failed:
        sys.exit(1)
