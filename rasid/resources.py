"""Data files under rasid/data/, loaded once per process and shared by every stage."""

from __future__ import annotations

import json
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar


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


def model_dir(name: str) -> Path:
    """Where a shipped model's files live inside the package, e.g. model_dir("ner")."""
    return Path(str(resources.files("rasid") / "models" / name))


class _FromArrays(Protocol):
    def __init__(self, arrays: dict[str, Any], meta: dict[str, Any]) -> None: ...


M = TypeVar("M", bound=_FromArrays)
_models: dict[tuple[type, Path], Any] = {}
_models_lock = threading.Lock()


def load_model(cls: type[M], default_dir: Path, name: str, path: str | Path | None = None) -> M:
    """`cls(arrays, meta)` from NAME.npz and the NAME.json beside it, read once per process.

    `path` is the .npz or its folder; without it, the shipped files in `default_dir`.
    """
    import numpy as np

    npz = Path(path) if path else default_dir / f"{name}.npz"
    if npz.is_dir():
        npz = npz / f"{name}.npz"
    key = (cls, npz.resolve())
    with _models_lock:
        if key not in _models:
            meta = json.loads(key[1].with_suffix(".json").read_text(encoding="utf-8"))
            with np.load(key[1]) as data:
                _models[key] = cls({k: data[k] for k in data.files}, meta)
        return _models[key]
