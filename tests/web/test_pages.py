"""The server-rendered pages over the fixture store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from rasid.web import pages
from tests.web.conftest import FRESH, WebStore


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_lists_the_documents(client: TestClient, web_store: WebStore) -> None:
    html = page(client, "/")
    assert all(f"/documents/{doc_id}" in html for doc_id in web_store.ids.values())
    assert "3 articles" in html


def test_article_marks_mentions_events_and_claims(client: TestClient, web_store: WebStore) -> None:
    html = page(client, f"/documents/{web_store.ids['نشرة الساحل']}")
    assert re.search(r'class="m m-ORG actor" data-ref="m\d+" data-gloss="ORG · African Union"[^>]*>'
                     r"الاتحاد الأفريقي</span>", html)
    assert 'id="ev-e1"' in html and "Government of Mali requested talks with African Union" in html
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    denial = page(client, f"/documents/{web_store.ids['صحيفة التجربة']}")
    assert 'class="claim st-deny"' in denial and 'class="cue"' in denial
    assert "Rapid Support Forces DENIED shelling" in denial
    assert "Contradictions <small>(2)</small>" in denial


def test_unknown_pages_are_html_404(client: TestClient) -> None:
    assert "no document" in page(client, "/documents/nope", 404)
    assert "no actor called" in page(client, "/actors/nobody-at-all", 404)
    assert "no such page" in page(client, "/nothing-here", 404)


def test_actor_page(client: TestClient) -> None:
    html = page(client, "/actors/RSF")
    assert "Rapid Support Forces" in html and "قوات الدعم السريع" in html
    assert '<svg class="bars"' in html and "2024-03" in html
    assert 'class="pair"' in html                       # its contradiction, side by side


def test_actors_list(client: TestClient) -> None:
    assert "/actors/RSF" in page(client, "/actors")


def test_graph_page_loads_vendored_cytoscape(client: TestClient) -> None:
    html = page(client, "/graph?type=ASSAULT&since=2024-01-01")
    assert "/static/vendor/cytoscape.min.js" in html and 'id="cy"' in html
    assert 'value="ASSAULT" checked' in html
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200


def test_timeline_page_draws_the_events(client: TestClient) -> None:
    html = page(client, "/timeline")
    assert '<svg class="timeline"' in html and html.count("<circle") >= 5
    assert "2024-01-15" in html and 'class="dot ev-positive background"' in html
    jnim = page(client, "/timeline?actor=JNIM")
    assert "JNIM" in jnim and "Rapid Support Forces" not in jnim


def test_contradictions_side_by_side(client: TestClient) -> None:
    html = page(client, "/contradictions")
    assert html.count('class="side"') == 4
    assert "وكالة الاختبار" in html and "صحيفة التجربة" in html and "2024-03-10" in html


def test_search_page(client: TestClient) -> None:
    html = page(client, "/search?q=الفاشر")
    assert html.count('class="sentence"') >= 2
    assert "#s0" in html
    assert "no word to search for" in page(client, "/search?q=!!!")


def test_analyze_page_shows_the_result_at_once(fresh_client: TestClient) -> None:
    assert 'enctype="multipart/form-data"' in page(fresh_client, "/analyze")
    response = fresh_client.post("/analyze", data={"text": FRESH, "published": "2024-05-02"})
    assert response.status_code == 200
    assert "Government of Mauritania" in response.text and 'class="etype">AID' in response.text
    assert fresh_client.get("/api/documents").json()["items"] == []


def test_analyze_page_keeps_it_when_asked(fresh_client: TestClient) -> None:
    response = fresh_client.post("/analyze", data={"text": FRESH, "store": "1"}, follow_redirects=False)
    assert response.status_code == 303
    assert "Government of Mauritania" in fresh_client.get(response.headers["location"]).text


def test_analyze_page_explains_bad_input(fresh_client: TestClient) -> None:
    response = fresh_client.post("/analyze", data={"text": "   "})
    assert response.status_code == 400 and "no text (whitespace only)" in response.text
    assert fresh_client.post("/analyze", data={"text": FRESH, "published": "May"}).status_code == 422


def test_static_assets(client: TestClient) -> None:
    for path in ("/static/rasid.css", "/static/rasid.js", "/static/graph.js",
                 "/static/vendor/fonts/noto-naskh-arabic-arabic-400-normal.woff2"):
        assert client.get(path).status_code == 200, path


def test_timeline_page_says_when_it_shows_only_the_first_events(client: TestClient,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "TIMELINE", 3)
    html = page(client, "/timeline")
    assert "Showing the first 3 events" in html and html.count("<circle") == 3
