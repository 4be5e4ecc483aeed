"""The gazetteer: places with their Arabic names and coordinates, read once per process.

The data is plain TSV under rasid/data/geo/ (sources and format in its README): places.tsv
(countries, first-level regions, cities and named areas), ambiguous.tsv (names that are also
common words, and when to trust them) and cues.tsv (words that announce a place name). Names are
indexed by `alias_key`, the same key the actor linker uses, so spelling variants of hamza, ya
and ta marbuta meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rasid.actors.dictionary import alias_key
from rasid.resources import data_path

PLACE_COLUMNS = ("geonames", "name_en", "kind", "country", "admin1", "lat", "lon", "population", "names_ar")
AMBIGUOUS_COLUMNS = ("name", "rule", "why")
CUE_COLUMNS = ("cue", "prefer")
KINDS = ("country", "region", "city", "area")
RULES = ("never", "cue", "country", "known")
NAME_SEPARATOR = "|"


class GazetteerDataError(ValueError):
    """A row of the gazetteer data that cannot be used; the message names the file and line."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")


@dataclass(frozen=True, slots=True)
class Place:
    geonames: int | None
    name_en: str
    kind: str             # country, region (first-level), city, area (not administrative)
    country: str | None   # ISO3; None for an area across several countries (the Sahel)
    admin1: str           # the GeoNames first-level code of a city or region, or ""
    lat: float
    lon: float
    population: int | None
    names: tuple[str, ...]

    def as_mention_place(self) -> dict[str, Any]:
        """The `Mention.place` form of this place."""
        return {"name_en": self.name_en, "geonames": self.geonames, "lat": self.lat, "lon": self.lon,
                "country": self.country, "kind": self.kind}


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each data row, after checking the header and the field count."""
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise GazetteerDataError(path, number, f"header must be {' '.join(columns)} (tab separated)")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise GazetteerDataError(path, number, f"expected {len(columns)} fields, found {len(fields)}")
        yield number, fields


def _number(path: Path, line: int, value: str, cast: type, what: str) -> Any:
    try:
        return cast(value) if value else None
    except ValueError:
        raise GazetteerDataError(path, line, f"bad {what} {value!r}") from None


def _place(path: Path, line: int, fields: list[str]) -> Place:
    geonames, name_en, kind, country, admin1, lat, lon, population, names = fields
    if kind not in KINDS:
        raise GazetteerDataError(path, line, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if country and not (len(country) == 3 and country.isupper()):
        raise GazetteerDataError(path, line, f"bad country {country!r} (want ISO3)")
    latitude = _number(path, line, lat, float, "latitude")
    longitude = _number(path, line, lon, float, "longitude")
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise GazetteerDataError(path, line, f"bad coordinates {lat!r}, {lon!r}")
    forms = tuple(f.strip() for f in names.split(NAME_SEPARATOR) if f.strip())
    if not name_en or not forms:
        raise GazetteerDataError(path, line, "a place needs an English name and an Arabic name")
    return Place(_number(path, line, geonames, int, "GeoNames id"), name_en, kind, country or None,
                 admin1, latitude, longitude, _number(path, line, population, int, "population"), forms)


class Gazetteer:
    """Places by name key, the rule for risky names, and the cue words (never names themselves:
    GeoNames lists "مدينة" among the names of Medina)."""

    def __init__(self, places: list[Place], rules: dict[str, str], cues: dict[str, tuple[str, ...]]) -> None:
        self.places = tuple(places)
        self.rules = rules
        self.cues = cues
        self._by_key: dict[str, list[Place]] = {}
        self._countries: dict[str, Place] = {}
        for place in places:
            for key in dict.fromkeys(map(alias_key, place.names)):
                if key and rules.get(key) != "never" and key not in cues:
                    self._by_key.setdefault(key, []).append(place)
            if place.kind == "country" and place.country:
                self._countries.setdefault(place.country, place)
        # The longest name in words, so a scanner knows how far ahead to look.
        self.max_words = max((len(k.split(" ")) for k in self._by_key), default=0)
        # Every leading run of words of a name ("جبل", "جبل مرة"): a scanner stops extending a
        # span as soon as it leaves this set, and most words of a text are in none.
        self.prefixes = frozenset(" ".join(words[:n]) for words in (k.split(" ") for k in self._by_key)
                                  for n in range(1, len(words) + 1))

    @classmethod
    def load(cls, directory: Path | str | None = None) -> Gazetteer:
        """The gazetteer in `directory` (default: the packaged data), read once per process."""
        return _packaged() if directory is None else _read(Path(directory))

    def candidates(self, key: str) -> list[Place]:
        """Every place one of whose names has this `alias_key` (several when it is ambiguous)."""
        return list(self._by_key.get(key, ()))

    def rule(self, key: str) -> str | None:
        """How far a name may be trusted alone (see ambiguous.tsv): None, never, cue, country, known."""
        return self.rules.get(key)

    def cue(self, key: str) -> tuple[str, ...] | None:
        """The kinds a cue word prefers (maybe none), or None when the word is no cue."""
        return self.cues.get(key)

    def country(self, iso3: str) -> Place | None:
        """The country entry of a state."""
        return self._countries.get(iso3)


@cache
def _packaged() -> Gazetteer:
    return _read(data_path("geo"))


def _read(directory: Path) -> Gazetteer:
    if not directory.is_dir():
        raise FileNotFoundError(f"no gazetteer directory at {directory}")
    path = directory / "places.tsv"
    places = [_place(path, line, fields) for line, fields in _rows(path, PLACE_COLUMNS)]
    rules: dict[str, str] = {}
    path = directory / "ambiguous.tsv"
    for line, (name, rule, _why) in _rows(path, AMBIGUOUS_COLUMNS):
        if rule not in RULES:
            raise GazetteerDataError(path, line, f"unknown rule {rule!r} (one of {', '.join(RULES)})")
        rules[alias_key(name)] = rule
    cues: dict[str, tuple[str, ...]] = {}
    path = directory / "cues.tsv"
    for line, (cue, prefer) in _rows(path, CUE_COLUMNS):
        kinds = tuple(k for k in prefer.split(",") if k and k != "-")
        if unknown := [k for k in kinds if k not in KINDS]:
            raise GazetteerDataError(path, line, f"unknown kind {unknown[0]!r}")
        cues[alias_key(cue)] = kinds
    return Gazetteer(places, rules, cues)
