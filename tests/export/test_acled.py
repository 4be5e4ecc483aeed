"""ACLED-style CSV: ACLED's exact columns, the mapping, and what is left out."""

from __future__ import annotations

import csv
from pathlib import Path

from rasid.export import Filters, export_acled
from rasid.export.acled import classify, interaction, precision_of
from rasid.export.query import NO_FILTERS
from rasid.store import Store

ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp"]
JNIM = "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"


def _rows(store: Store, path: Path, filters: Filters = NO_FILTERS) -> tuple[list[str], list[dict[str, str]]]:
    export_acled(store, path, filters)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_header_is_acleds(store: Store, tmp_path: Path) -> None:
    header, rows = _rows(store, tmp_path / "a.csv")
    assert header == ACLED_HEADER
    assert rows


def test_the_known_assault(store: Store, tmp_path: Path) -> None:
    _, rows = _rows(store, tmp_path / "a.csv")
    row = next(r for r in rows
               if r["actor1"] == JNIM and r["source"] == "wakala-a" and r["fatalities"] == "8")
    assert row["event_date"] == "2023-03-09"  # أمس, the day before publication
    assert (row["year"], row["time_precision"]) == ("2023", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == \
        ("Political violence", "Battles", "Armed clash")
    assert (row["inter1"], row["interaction"]) == ("2", "20")
    assert (row["iso"], row["region"], row["country"]) == ("466", "Western Africa", "Mali")
    assert row["location"] == "Gao" and row["geo_precision"] == "1"
    assert abs(float(row["latitude"]) - 16.27) < 0.1 and abs(float(row["longitude"]) + 0.04) < 0.1
    assert "قتل 8 جنود" in row["notes"]
    assert row["event_id_cnty"].startswith("MLI-")
    assert "plover=ASSAULT" in row["tags"]


def test_unknown_fatalities_are_zero_and_said(store: Store, tmp_path: Path) -> None:
    _, rows = _rows(store, tmp_path / "a.csv")
    vague = [r for r in rows if r["tags"].startswith("plover=ASSAULT") and r["fatalities"] == "0"]
    assert vague
    assert all("[rasid: fatalities:" in r["notes"] for r in vague)


def test_verbal_and_denied_events_need_all(store: Store, tmp_path: Path) -> None:
    _, rows = _rows(store, tmp_path / "a.csv")
    tags = " ".join(r["tags"] for r in rows)
    assert "plover=ACCUSE" not in tags and "plover=REQUEST" not in tags
    assert "polarity=negative" not in tags
    _, everything = _rows(store, tmp_path / "all.csv", Filters(include_all=True))
    tags = " ".join(r["tags"] for r in everything)
    assert "plover=ACCUSE" in tags and "plover=REQUEST" in tags and "polarity=negative" in tags
    assert len(everything) == store.conn.execute("SELECT count(*) FROM events").fetchone()[0]


def test_filters(store: Store, tmp_path: Path) -> None:
    _, rows = _rows(store, tmp_path / "a.csv", Filters(source="wakala-c", types=("PROTEST",)))
    assert [r["event_type"] for r in rows] == ["Protests"]
    _, rows = _rows(store, tmp_path / "b.csv", Filters(since="2023-03-10", until="2023-03-10"))
    assert rows and all(r["event_date"] == "2023-03-10" for r in rows)
    _, rows = _rows(store, tmp_path / "c.csv", Filters(country="NER"))
    assert rows == []


def test_mapping() -> None:
    event = {"type": "ASSAULT", "mode": "aerial"}
    assert classify(event, 0) == ("Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert classify({"type": "ASSAULT", "mode": None}, 7)[1:] == ("Violence against civilians", "Attack")
    assert classify({"type": "COERCE", "mode": "arrest"}, 0)[2] == "Arrests"
    assert classify({"type": "RETREAT", "mode": "withdraw"}, 0)[2] == "Non-violent transfer of territory"
    assert classify({"type": "THREATEN", "mode": None}, 0) is None
    assert (interaction(1, 7), interaction(7, 1), interaction(2, 0), interaction(0, 0)) == (17, 17, 20, 0)
    assert [precision_of(v, False) for v in ("2021-10-21", "2021-W42", "2021-06", "2020")] == [1, 2, 2, 3]
    assert precision_of("2021-10-21", True) == 2
