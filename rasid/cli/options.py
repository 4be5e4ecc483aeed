"""Options that several commands take, declared once: `--db` and `--format` for the store's
questions, `--data` and `--out` for every `rasid train` command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rasid.cli.output import FORMATS

_FOLDER = click.Path(file_okay=False, path_type=Path)


def db_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db", metavar="PATH", default=None,
                        help="The store file. Default: $RASID_DB, else ./rasid.db.")(function)


def format_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS),
        help="table: for people; json: one JSON object per line; csv: with a header row. "
             "Default: table on a terminal, else json.")(function)


def train_options(model: str, data: str, *, data_default: str = "../shared/data",
                  files: str = "the model files") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--data DIR` (what `data` says it holds) and `--out DIR` (where `files` go), as `data_dir` and
    `out_dir`. Both default to None, which stands for `data_default` beside the repository and the
    package's rasid/models/`model`/."""
    data_option = click.option("--data", "data_dir", type=_FOLDER, default=None,
                               help=f"{data} Default: {data_default} beside the repository.")
    out_option = click.option("--out", "out_dir", type=_FOLDER, default=None,
                              help=f"Where {files} go. Default: the package's rasid/models/{model}/.")

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        return data_option(out_option(function))
    return decorate
