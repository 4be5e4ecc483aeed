"""Chart geometry: dots inside the drawing, bars for every month between the first and the last."""

from __future__ import annotations

from rasid.web import charts


def test_timeline_places_dots_by_day_and_type() -> None:
    rows = [{"day": "2024-01-01", "type": "ASSAULT"}, {"day": "2024-03-01", "type": "AID"},
            {"day": None, "type": "AID"}]
    chart = charts.timeline(rows)
    assert len(chart["dots"]) == 2 and [lane["label"] for lane in chart["lanes"]] == ["AID", "ASSAULT"]
    first, last = sorted(chart["dots"], key=lambda d: d["x"])
    assert chart["left"] < first["x"] < last["x"] <= chart["right"]
    assert charts.timeline([])["dots"] == []


def test_monthly_bars_fill_the_gaps() -> None:
    chart = charts.monthly_bars([{"day": "2023-11-05"}, {"day": "2024-02-01"}, {"day": "2024-02-09"}])
    assert [(b["month"], b["count"]) for b in chart["bars"]] == [
        ("2023-11", 1), ("2023-12", 0), ("2024-01", 0), ("2024-02", 2)]
    assert max(b["h"] for b in chart["bars"]) <= chart["height"] - 40
