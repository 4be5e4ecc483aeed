"""The brief: events counted once per story, new actors, contradictions, plots, escaping."""

from __future__ import annotations

import base64
import datetime as dt
import re

from rasid.store import Store
from rasid.store.brief import Brief, TopEvent, brief

PNG = b"\x89PNG\r\n\x1a\n"


def test_top_event_counts_a_story_once(store: Store) -> None:
    report = brief(store, dt.date(2023, 3, 4), dt.date(2023, 3, 11))
    top = report.top_events[0]
    assert (top.type, top.source) == ("ASSAULT", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)")
    assert (top.stories, top.outlets, top.documents) == (1, 2, 2)  # one dispatch printed twice
    assert report.documents == 3 and report.stories == 2
    assert report.active_actors[0].key in {"JNIM", "MLI_GOV"}
    assert any(a.is_new and a.name_ar == "آمادو سيلا" for a in report.new_actors)
    # The army's statement and "بحسب مصادر عسكرية" in each printing of the dispatch, against the denial.
    assert len(report.contradictions) == 4 and {c.outlet_b for c in report.contradictions} == {"wakala-c"}


def test_markdown_and_html(store: Store) -> None:
    report = brief(store, "2023-03-04", "2023-03-11")
    markdown = report.markdown()
    assert markdown.startswith("# rasid brief: 2023-03-04 to 2023-03-11")
    assert "| 1 | ASSAULT | Jama'at Nusrat al-Islam wal-Muslimin (JNIM) |" in markdown
    assert "لم تهاجم الموقع العسكري" in markdown
    html = report.html()
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(images) == 2 and all(base64.b64decode(i).startswith(PNG) for i in images)
    assert "Jama&#39;at Nusrat" in html


def test_empty_window(store: Store) -> None:
    report = brief(store, "2020-01-01", "2020-01-02")
    assert report.events == 0 and report.map_png is None and report.timeline_png.startswith(PNG)
    assert "No events in this window." in report.markdown()


def test_article_text_is_escaped() -> None:
    report = Brief("2023-01-01", "2023-01-01", 1, 1, 1, 1)
    report.top_events = [TopEvent("ASSAULT", None, "<b>x</b>", "", None, None, 1, 1, 1, None, None,
                                  "نص <script>alert(1)</script>", "d1", None, None, None)]
    html = report.html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;x" in html
