"""The data model: one `Document` that every stage enriches, and its contract JSON.

The JSON form is `rasid.document/1` (see the shared contract). Everything points into
`Document.text` by code-point offsets, end exclusive; the text itself is never changed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "rasid.document/1"

MENTION_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
                 "QUANTITY", "MONEY", "PERCENT")
ACTOR_KINDS = ("person", "state", "government", "ministry", "military", "armed_group",
               "political_party", "igo", "ngo", "religious_body", "media", "ethnic_group", "other")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
RELATION_TYPES = ("member_of", "leader_of", "spokesperson_of", "part_of", "ally_of", "opposes",
                  "located_in")


# Metadata for fields that live on the object but are not part of the contract JSON.
INTERNAL = {"json": False}


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str | None = None


@dataclass(slots=True)
class Paragraph:
    """A block of text between blank lines (or line breaks)."""
    start: int
    end: int
    duplicate_of: int | None = None  # index of an earlier paragraph with (nearly) the same text


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0
    # True when this sentence runs on across a paragraph break (an unterminated paragraph
    # followed by one that starts with a connective).
    joined: bool = False


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int = 0
    # Light clitic split; prefix + stem + suffix == text, so offsets never change.
    prefix: str = ""
    suffix: str = ""

    @property
    def stem(self) -> str:
        return self.text[len(self.prefix):len(self.text) - len(self.suffix)]


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    type: str
    actor: str | None = None
    value: str | int | float | None = None
    # How precise a DATE/TIME value is: day, week, month, year, decade, century, duration, range,
    # time (see rasid.timex.dates).
    precision: str | None = None
    # For GPE/LOC/FAC: the gazetteer entry it resolved to, e.g.
    # {"name_en": "Bamako", "geonames": 2460596, "lat": 12.65, "lon": -8.0, "country": "MLI"}.
    place: dict[str, Any] | None = None


@dataclass(slots=True)
class Actor:
    id: str
    name_en: str | None
    name_ar: str | None
    kind: str = "other"
    country: str | None = None
    wikidata: str | None = None
    # The actor dictionary's id (e.g. "MLI_GOV"), or None for an actor first met in this text.
    canonical: str | None = None
    # CAMEO/PLOVER-style sector code: GOV, MIL, REB, INS, IGO, MED, REL, CVL ...
    sector: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: int
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    polarity: str = "positive"
    modality: str = "asserted"
    date: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    quantity: int | float | None = None


@dataclass(slots=True)
class Claim:
    id: str
    speaker: str | None
    stance: str
    kind: str
    cue: Span
    content: Span
    events: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Contradiction:
    id: str
    claims: list[str]
    reason: str


@dataclass(slots=True)
class Relation:
    type: str
    head: str
    tail: str
    evidence: Span


@dataclass(slots=True)
class Document:
    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "ar"
    # The state the article is mostly about (ISO3), by its names and its dateline.
    focus_country: str | None = None
    # The dateline ("باماكو (وكالات) -"): where the story was filed, when the article has one.
    dateline: Span | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Where the article came from (file path, line number); shown in messages, not serialized.
    origin: str | None = field(default=None, repr=False, compare=False, metadata=INTERNAL)
    # The normalized view of `text` (rasid.text.normalize.Normalized), set by that stage.
    normalized: Any = field(default=None, repr=False, compare=False, metadata=INTERNAL)

    def add_mention(self, start: int, end: int, type: str, *, actor: str | None = None,
                    value: str | int | float | None = None, precision: str | None = None,
                    place: dict[str, Any] | None = None) -> Mention:
        """Add a mention of text[start:end] with the next free id (m1, m2, ...)."""
        mention = Mention(f"m{len(self.mentions) + 1}", start, end, self.text[start:end], type,
                          actor=actor, value=value, precision=precision, place=place)
        self.mentions.append(mention)
        return mention

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_tokens(self, index: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == index]


def content_id(normalized_text: str) -> str:
    """The document id when the record brings none: sha1 of its normalized text."""
    return hashlib.sha1(normalized_text.encode("utf-8")).hexdigest()


@functools.cache
def _json_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("json", True))


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _to_plain(value: Any) -> Any:
    # Called for every token of every article the store or batch writes: look types up once.
    cls = type(value)
    if cls in _SCALARS:
        return value
    if cls is list:
        return [_to_plain(v) for v in value]
    if cls is dict:
        return {k: _to_plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(cls):
        out = {name: _to_plain(getattr(value, name)) for name in _json_fields(cls)}
        if cls is Token:
            out["stem"] = value.stem
        return out
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


def to_json(doc: Document, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The contract form of a document (a plain dict ready for json.dumps), less `exclude`d fields."""
    plain = {name: _to_plain(getattr(doc, name)) for name in _json_fields(Document) if name not in exclude}
    return {"schema": SCHEMA, **plain}


def _dataclass_of(hint: Any) -> type | None:
    if dataclasses.is_dataclass(hint):
        return hint
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        for arg in typing.get_args(hint):
            if dataclasses.is_dataclass(arg):
                return arg
    return None


def _from_plain(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if not f.metadata.get("json", True) or f.name not in data:
            continue
        value, hint = data[f.name], hints[f.name]
        if typing.get_origin(hint) is list and value is not None:
            item_cls = _dataclass_of(typing.get_args(hint)[0])
            value = [_from_plain(item_cls, v) for v in value] if item_cls else list(value)
        elif (item_cls := _dataclass_of(hint)) and isinstance(value, dict):
            value = _from_plain(item_cls, value)
        kwargs[f.name] = value
    return cls(**kwargs)


def from_json(data: dict[str, Any]) -> Document:
    """Read a contract dict back into a Document; unknown fields are ignored."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema: {data.get('schema')!r})")
    return _from_plain(Document, data)
