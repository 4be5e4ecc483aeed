"""The `--data` and `--out` options every `rasid train` command takes, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

_FOLDER = click.Path(file_okay=False, path_type=Path)


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
