"""The stages in order, checked once, and `analyze()`: the one entry point every caller uses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from rasid.document import Document, content_id

# What a reader puts on a Document before any stage runs.
READER_PROVIDES = ("text", "id", "title", "published", "source", "url")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Stage:
    """One step: reads the Document and returns it enriched with the layers it provides."""

    name: str
    run: Callable[[Document], Document]
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    @classmethod
    def from_module(cls, module: ModuleType) -> Stage:
        return cls(module.__name__.removeprefix("rasid."), module.run, module.REQUIRES, module.PROVIDES)


class Pipeline:
    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = list(stages)
        available = set(READER_PROVIDES)
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise ValueError(
                    f"stage {stage.name} requires {sorted(missing)}, which no earlier stage provides")
            available.update(stage.provides)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage.run(doc)
        if not doc.id:
            doc.id = content_id(" ".join(doc.normalized.text.split()))
        return doc


@cache
def default_pipeline() -> Pipeline:
    """The standard stage list; modules are imported here so that resources load once, on first use."""
    from rasid.actors import coref, link, relations
    from rasid.claims import attribution, contradictions
    from rasid.events import detect
    from rasid.geo import resolve
    from rasid.ner import stage as ner
    from rasid.text import lang, normalize, segment
    from rasid.timex import dates, numbers

    stages = (lang, normalize, segment, dates, numbers, ner, link, coref, relations, resolve, attribution,
              detect, contradictions)
    return Pipeline(Stage.from_module(m) for m in stages)


def analyze_document(doc: Document) -> Document:
    """Run the standard pipeline over a Document that a reader (or a caller) has filled in."""
    if doc.published is not None and not _ISO_DATE.match(doc.published):
        raise ValueError(f"published must be an ISO date YYYY-MM-DD, not {doc.published!r}")
    return default_pipeline()(doc)


def analyze(text: str, *, title: str | None = None, published: str | None = None,
            source: str | None = None, url: str | None = None, id: str = "") -> Document:
    """Analyze one article's text; relative dates resolve against `published` (YYYY-MM-DD)."""
    return analyze_document(Document(text=text, id=id, title=title, published=published,
                                      source=source, url=url))
