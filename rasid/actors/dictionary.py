"""The actor dictionary: who acts in the news, under which Arabic names, holding which office when.

The data is plain TSV under rasid/data/actors/ (format and sources in its README) so that a domain
expert can edit it without touching code. This module reads it once per process, checks every row
(a bad row stops the load with its file and line), and indexes every Arabic form by its matching
key, so a linker can look up a span of text, a title ("وزير الخارجية"), a demonym ("المالية") or
a generic institution ("الحكومة") in one dictionary access.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from rasid.document import ACTOR_KINDS
from rasid.resources import data_path
from rasid.text.normalize import fold

ACTOR_COLUMNS = ("id", "name_en", "kind", "country", "wikidata", "sector", "aliases_ar")
ROLE_COLUMNS = ("actor", "role", "of", "start", "end")
OFFICE_COLUMNS = ("role", "titles_ar")
DEMONYM_COLUMNS = ("country", "adj_en", "adj_ar")
INSTITUTION_COLUMNS = ("key", "name_en", "kind", "sector", "titles_ar")
# Every *.tsv file in the directory other than these holds actors (states.tsv, people.tsv, ...).
SPECIAL_FILES = frozenset({"roles.tsv", "offices.tsv", "demonyms.tsv", "institutions.tsv", "collectives.tsv"})

ALIAS_SEPARATOR = "|"
_ID = re.compile(r"[A-Z0-9][A-Z0-9_]*")
_ISO3 = re.compile(r"[A-Z]{3}")
_QID = re.compile(r"Q[1-9][0-9]*")
_SECTOR = re.compile(r"[A-Z]{3}")
_ROLE = re.compile(r"[a-z][a-z_]*")
_INSTITUTION_KEY = re.compile(r"[A-Z][A-Z_]*")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_PLACEHOLDER_WORD = re.compile(r"\s*\(?\{\w*\}\)?\s*")
_QUOTES = re.compile("[\"'`\u00ab\u00bb\u2018-\u201f\u2039\u203a]")
_SPACES = re.compile(r"\s+")
_HAMZA_SEATS = str.maketrans({"ؤ": "ء", "ئ": "ء"})
T = TypeVar("T")


class ActorDataError(ValueError):
    """A row of the actor data that cannot be used; the message names the file and line."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


@lru_cache(maxsize=1 << 17)  # news repeats its words: most keys are made once per process
def alias_key(text: str) -> str:
    """The key two written forms share when they name the same thing: folded (diacritics, alef,
    ya and ta marbuta variants; a hamza on any seat is one letter, so الشؤون = الشئون and
    مسؤول = مسئول), quotes and guillemets removed, whitespace collapsed.

    Latin letters keep their case, so "JNIM" does not match the word "jnim".
    """
    folded = fold(text, ta_marbuta=True).translate(_HAMZA_SEATS)
    return _SPACES.sub(" ", _QUOTES.sub("", folded)).strip()


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name_en: str
    kind: str
    country: str | None
    wikidata: str | None
    sector: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """`actor` held office `role` of actor `of` from `start` to `end` (inclusive; None: open)."""

    actor: str
    role: str
    of: str
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Demonym:
    """The adjective of a country: "Malian", and its Arabic forms (المالي، المالية، الماليين ...)."""

    country: str
    adj_en: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Institution:
    """A kind of institution every state has (its army, its foreign ministry ...), named in the
    news by a title alone ("الجيش") or with a country name or demonym ("الجيش المالي").

    The actor it stands for in one country has the id "{ISO3}_{key}" (MLI_ARMY).
    """

    key: str
    name_en: str  # a template: {country} is the English country name, {adj} its adjective
    kind: str
    sector: str | None
    titles: tuple[str, ...]

    def actor_id(self, country: str) -> str:
        return f"{country}_{self.key}"


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data row; checks the header and the number of fields."""
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise ActorDataError(path, number, f"header must be {' | '.join(columns)} "
                                                   f"(tab separated), found {' | '.join(fields)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise ActorDataError(path, number, f"expected {len(columns)} tab-separated fields, "
                                               f"found {len(fields)}")
        yield number, fields
    if not header_seen:
        raise ActorDataError(path, 1, "no header row")


def _forms(path: Path, line: int, text: str, what: str) -> tuple[str, ...]:
    """The ` | `-separated Arabic forms of a field, one per matching key, in the order written."""
    forms: dict[str, str] = {}
    for form in text.split(ALIAS_SEPARATOR):
        form = form.strip()
        if form and (key := alias_key(form)):
            forms.setdefault(key, form)
    if not forms:
        raise ActorDataError(path, line, f"no {what}")
    return tuple(forms.values())


def _check(path: Path, line: int, value: str, pattern: re.Pattern[str], what: str) -> str | None:
    if not value:
        return None
    if not pattern.fullmatch(value):
        raise ActorDataError(path, line, f"bad {what}: {value!r}")
    return value


def _date(path: Path, line: int, value: str, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ActorDataError(path, line, f"bad {what} date {value!r} (want YYYY-MM-DD)") from None


class ActorDictionary:
    """Actors by id and by alias key, date-bounded office holders, titles, demonyms and the
    institution templates.

    The lookups take keys made by `alias_key`: `candidates` (actors), `office_roles` (titles),
    `demonym_countries` (nisba adjectives) and `institution_titles` (generic institutions).
    """

    def __init__(self, actors: dict[str, ActorEntry], roles: list[Role], offices: dict[str, tuple[str, ...]],
                 demonyms: dict[str, Demonym], institutions: dict[str, Institution],
                 collectives: dict[str, Institution] | None = None) -> None:
        self.actors = actors
        self.roles = tuple(roles)
        self.offices = offices
        self.demonyms = demonyms
        self.institutions = institutions
        self.collectives = collectives or {}
        self._by_alias = _index((key, actor) for actor in actors.values()
                                for key in map(alias_key, actor.aliases))
        self._by_title = _index((alias_key(t), role) for role, titles in offices.items() for t in titles)
        self._by_demonym = _index((alias_key(f), d.country) for d in demonyms.values() for f in d.forms)
        self._by_institution = _index((alias_key(t), i) for i in institutions.values() for t in i.titles)
        self._by_collective = _index((alias_key(t), c) for c in self.collectives.values() for t in c.titles)
        self._roles_by_office: dict[tuple[str, str], list[Role]] = defaultdict(list)
        self._roles_by_actor: dict[str, list[Role]] = defaultdict(list)
        for role in self.roles:
            self._roles_by_office[role.role, role.of].append(role)
            self._roles_by_actor[role.actor].append(role)
        keys = (*self._by_alias, *self._by_title, *self._by_demonym, *self._by_institution,
                *self._by_collective)
        # The longest key in words, so a scanner knows how far ahead to look for a match.
        self.max_alias_words = max((len(k.split(" ")) for k in keys), default=0)
        # Every key and every leading run of its words: a scanner stops extending a span as soon
        # as no key starts with it.
        self.keys = frozenset(keys)
        self.key_prefixes = frozenset(" ".join(words[:n]) for k in keys
                                      for words in [k.split(" ")] for n in range(1, len(words) + 1))

    @classmethod
    def load(cls, directory: Path | str | None = None) -> ActorDictionary:
        """The dictionary in `directory` (default: the packaged data), read once per process."""
        if directory is None:
            return _packaged()
        return _read(Path(directory))

    @property
    def alias_count(self) -> int:
        """How many (actor, alias key) pairs there are."""
        return sum(len(entries) for entries in self._by_alias.values())

    def candidates(self, key: str) -> list[ActorEntry]:
        """Every actor one of whose aliases has this key (several when the name is ambiguous)."""
        return list(self._by_alias.get(key, ()))

    def holder(self, role: str, of: str, on: date | None = None) -> ActorEntry | None:
        """Who held office `role` of actor `of` on a date (default today); on a handover day, the
        incoming holder."""
        on = on or date.today()
        holding = [r for r in self._roles_by_office.get((role, of), ()) if r.covers(on)]
        if not holding:
            return None
        latest = max(holding, key=lambda r: r.start or date.min)
        return self.actors[latest.actor]

    def roles_of(self, actor: str) -> list[Role]:
        """The offices an actor held, in file order."""
        return list(self._roles_by_actor.get(actor, ()))

    def office_roles(self, key: str) -> list[str]:
        """The roles a title names: "وزير الخارجية" → ["foreign_minister"]."""
        return list(self._by_title.get(key, ()))

    def demonym_countries(self, key: str) -> list[str]:
        """The countries (ISO3) a nisba adjective form refers to: "المالية" → ["MLI"]."""
        return list(self._by_demonym.get(key, ()))

    def institution_titles(self, key: str) -> list[Institution]:
        """The institution templates a generic title names: "الجيش" → [ARMY]."""
        return list(self._by_institution.get(key, ()))

    def institution_actor(self, country: str, key: str) -> ActorEntry:
        """The actor for institution `key` of `country`: the one listed under the id
        "{country}_{key}" when there is one (it may carry more aliases and a Wikidata id), else
        one built from the template with the country's English name and adjective."""
        actor_id = f"{country}_{key}"
        if actor_id in self.actors:
            return self.actors[actor_id]
        return self._from_template(country, self.institutions[key], actor_id)

    def collective_groups(self, key: str) -> list[Institution]:
        """The generic collective actors a form names: "المدنيين" → [CIVILIANS]."""
        return list(self._by_collective.get(key, ()))

    def collective_actor(self, country: str | None, key: str) -> ActorEntry:
        """The actor for collective `key` ("Civilians (Mali)", id MLI_CIVILIANS); without a
        country, the group as such ("Civilians", id CIVILIANS)."""
        template = self.collectives[key]
        if country is None:
            name_en = _PLACEHOLDER_WORD.sub(" ", template.name_en).strip()
            return ActorEntry(key, name_en[:1].upper() + name_en[1:], template.kind, None, None,
                              template.sector, ())
        return self._from_template(country, template, f"{country}_{key}")

    def _from_template(self, country: str, template: Institution, actor_id: str) -> ActorEntry:
        """The actor `actor_id` of `country` built from an institution or collective template, its
        name filled in with the country's English name and adjective."""
        state = self.actors.get(country)
        name = state.name_en if state else country
        demonym = self.demonyms.get(country)
        name_en = template.name_en.format(country=name, adj=demonym.adj_en if demonym else name)
        return ActorEntry(actor_id, name_en, template.kind, country, None, template.sector, ())


def _index(pairs: Iterable[tuple[str, T]]) -> dict[str, list[T]]:
    """Values by key, each value once per key, in the order met."""
    index: dict[str, list[T]] = defaultdict(list)
    for key, value in pairs:
        if value not in index[key]:
            index[key].append(value)
    return dict(index)


@cache
def _packaged() -> ActorDictionary:
    return _read(data_path("actors"))


def _read(directory: Path) -> ActorDictionary:
    if not directory.is_dir():
        raise FileNotFoundError(f"no actor data directory at {directory}")
    actors: dict[str, ActorEntry] = {}
    where: dict[str, str] = {}
    for path in sorted(directory.glob("*.tsv")):
        if path.name in SPECIAL_FILES:
            continue
        for line, actor in _read_actors(path):
            if actor.id in actors:
                raise ActorDataError(path, line, f"duplicate id {actor.id} (first at {where[actor.id]})")
            actors[actor.id] = actor
            where[actor.id] = f"{path.name}:{line}"
    offices = _read_offices(directory / "offices.tsv")
    roles = _read_roles(directory / "roles.tsv", actors, offices)
    demonyms = _read_demonyms(directory / "demonyms.tsv", actors)
    institutions = _read_institutions(directory / "institutions.tsv")
    collectives = _read_institutions(directory / "collectives.tsv")
    return ActorDictionary(actors, roles, offices, demonyms, institutions, collectives)


def _read_actors(path: Path) -> Iterator[tuple[int, ActorEntry]]:
    for line, (actor_id, name_en, kind, country, wikidata, sector, aliases) in _rows(path, ACTOR_COLUMNS):
        if not _ID.fullmatch(actor_id):
            raise ActorDataError(path, line, f"bad id {actor_id!r} (want A-Z, 0-9 and _)")
        if not name_en:
            raise ActorDataError(path, line, f"{actor_id} has no English name")
        if kind not in ACTOR_KINDS:
            raise ActorDataError(path, line, f"unknown kind {kind!r} (one of {', '.join(ACTOR_KINDS)})")
        yield line, ActorEntry(
            actor_id, name_en, kind,
            _check(path, line, country, _ISO3, "country (want an ISO 3166-1 alpha-3 code)"),
            _check(path, line, wikidata, _QID, "Wikidata id"),
            _check(path, line, sector, _SECTOR, "sector"),
            _forms(path, line, aliases, "Arabic alias"))


def _read_offices(path: Path) -> dict[str, tuple[str, ...]]:
    offices: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return offices
    for line, (role, titles) in _rows(path, OFFICE_COLUMNS):
        _check(path, line, role, _ROLE, "role")
        if role in offices:
            raise ActorDataError(path, line, f"role {role} listed twice")
        offices[role] = _forms(path, line, titles, "title")
    return offices


def _read_roles(path: Path, actors: dict[str, ActorEntry], offices: dict[str, tuple[str, ...]]) -> list[Role]:
    roles: list[Role] = []
    if not path.exists():
        return roles
    for line, (actor, role, of, start, end) in _rows(path, ROLE_COLUMNS):
        for what, actor_id in (("actor", actor), ("of", of)):
            if actor_id not in actors:
                raise ActorDataError(path, line, f"unknown {what} actor {actor_id!r}")
        if role not in offices:
            raise ActorDataError(path, line, f"role {role!r} has no titles in offices.tsv")
        begins, ends = _date(path, line, start, "start"), _date(path, line, end, "end")
        if begins and ends and ends < begins:
            raise ActorDataError(path, line, f"end {end} is before start {start}")
        roles.append(Role(actor, role, of, begins, ends))
    return roles


def _read_demonyms(path: Path, actors: dict[str, ActorEntry]) -> dict[str, Demonym]:
    demonyms: dict[str, Demonym] = {}
    if not path.exists():
        return demonyms
    for line, (country, adj_en, forms) in _rows(path, DEMONYM_COLUMNS):
        _check(path, line, country, _ISO3, "country")
        if country not in actors:
            raise ActorDataError(path, line, f"unknown country actor {country!r}")
        if country in demonyms:
            raise ActorDataError(path, line, f"country {country} listed twice")
        if not adj_en:
            raise ActorDataError(path, line, f"{country} has no English adjective")
        arabic = _forms(path, line, forms, "Arabic form") if forms else ()
        demonyms[country] = Demonym(country, adj_en, arabic)
    return demonyms


def _read_institutions(path: Path) -> dict[str, Institution]:
    """institutions.tsv, or collectives.tsv (the same columns: key, name template, kind, sector, forms)."""
    institutions: dict[str, Institution] = {}
    if not path.exists():
        return institutions
    for line, (key, name_en, kind, sector, titles) in _rows(path, INSTITUTION_COLUMNS):
        _check(path, line, key, _INSTITUTION_KEY, "key (want A-Z and _)")
        if key in institutions:
            raise ActorDataError(path, line, f"key {key} listed twice")
        if kind not in ACTOR_KINDS:
            raise ActorDataError(path, line, f"unknown kind {kind!r} (one of {', '.join(ACTOR_KINDS)})")
        unknown = set(_PLACEHOLDER.findall(name_en)) - {"country", "adj"}
        if not name_en or unknown:
            raise ActorDataError(path, line,
                                 f"bad name template {name_en!r} (placeholders: {{country}}, {{adj}})")
        institutions[key] = Institution(key, name_en, kind, _check(path, line, sector, _SECTOR, "sector"),
                                        _forms(path, line, titles, "title"))
    return institutions
