"""Geometry for the small SVG charts the pages draw on the server (no chart library to ship).

Only numbers come out of here; the templates write the SVG, so every label stays escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

Row = dict[str, Any]

WIDTH = 1000          # viewBox units; the SVG scales to the page width
_LEFT, _RIGHT, _TOP, _LANE = 110, 50, 30, 30
_MAX_BAR, _SLOT, _MIN_BARS_WIDTH = 60, 70, 320


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def timeline(rows: list[Row]) -> Row:
    """Dots for dated events: x by day, one lane per event type, axis ticks between the ends."""
    dated = [(day, r) for r in rows if (day := _day(r.get("day") or ""))]
    if not dated:
        return {"width": WIDTH, "height": 0, "dots": [], "lanes": [], "ticks": []}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    first -= dt.timedelta(days=max(span // 20, 1))
    span = (last - first).days + max(span // 20, 1)
    inner = WIDTH - _LEFT - _RIGHT
    lanes = sorted({r["type"] for _, r in dated})
    lane_y = {t: _TOP + 20 + i * _LANE for i, t in enumerate(lanes)}

    def x(day: dt.date) -> float:
        return round(_LEFT + inner * (day - first).days / span, 1)

    dots = [{"x": x(day), "y": lane_y[r["type"]], "row": r} for day, r in dated]
    ticks = []
    for i in range(6):
        day = first + dt.timedelta(days=round(span * i / 5))
        ticks.append({"x": x(day), "label": day.isoformat() if span < 400 else day.isoformat()[:7]})
    height = _TOP + 20 + len(lanes) * _LANE
    return {"width": WIDTH, "height": height, "dots": dots, "ticks": ticks, "axis_y": height - 10,
            "left": _LEFT, "right": WIDTH - _RIGHT,
            "lanes": [{"y": y, "label": t} for t, y in lane_y.items()]}


def monthly_bars(rows: list[Row], height: int = 120) -> Row:
    """Bars of events per month (by the event's own day), every month between the first and last."""
    counts = Counter((r.get("day") or "")[:7] for r in rows if _day(r.get("day") or ""))
    if not counts:
        return {"width": WIDTH, "height": 0, "bars": []}
    months = _months(min(counts), max(counts))
    top = max(counts.values())
    # A few months make a small chart, drawn at its own size; many fill the page width.
    width = max(_MIN_BARS_WIDTH, min(WIDTH, 40 + _SLOT * len(months)))
    slot = (width - 40) / len(months)
    thickness = min(slot * 0.8, _MAX_BAR)
    step = max(1, round(len(months) * 90 / width))      # a month label every ~90 units
    bars = []
    for i, month in enumerate(months):
        h = round((height - 40) * counts.get(month, 0) / top, 1)
        bars.append({"x": round(20 + i * slot + (slot - thickness) / 2, 1), "w": round(thickness, 1),
                     "y": round(height - 20 - h, 1), "h": h, "month": month, "count": counts.get(month, 0),
                     "label_x": round(20 + i * slot + slot / 2, 1), "labelled": i % step == 0})
    return {"width": width, "height": height, "bars": bars, "base": height - 20}


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
