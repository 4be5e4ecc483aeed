"""Data files under rasid/data/, loaded once per process and shared by every stage."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """The path of a packaged data file, e.g. data_path("abbreviations.txt")."""
    return Path(str(resources.files("rasid") / "data" / name))


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list; blank lines and lines starting with # are skipped."""
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated data file, fields stripped; blank and # lines skipped.

    A header row, when the file has one, is the first row.
    """
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(tuple(field.strip() for field in line.split("\t"))
                 for line in lines if line.strip() and not line.startswith("#"))
