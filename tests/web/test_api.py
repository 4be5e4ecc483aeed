"""The REST API over the fixture store: every endpoint, its filters, pages and errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rasid.store.db import Store
from tests.web.conftest import FRESH, SCRIPT, WebStore

RSF_OUTLET = "وكالة الاختبار"
DENIAL_OUTLET = "صحيفة التجربة"
MALI_OUTLET = "نشرة الساحل"


def items(response: object) -> list[dict]:
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    return response.json()["items"]  # type: ignore[attr-defined]


def test_documents_newest_first_with_counts(client: TestClient) -> None:
    docs = items(client.get("/api/documents"))
    assert [d["published"] for d in docs] == ["2024-03-11", "2024-03-10", "2024-02-20"]
    assert all(d["events"] >= 1 for d in docs)


def test_documents_pagination_says_where_the_next_page_starts(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert (len(first["items"]), first["next_offset"]) == (2, 2)
    last = client.get("/api/documents", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert (len(last["items"]), last["next_offset"]) == (1, None)
    assert {d["id"] for d in first["items"]}.isdisjoint(d["id"] for d in last["items"])


def test_documents_filters(client: TestClient) -> None:
    assert [d["outlet"] for d in items(client.get("/api/documents", params={"source": MALI_OUTLET}))] \
        == [MALI_OUTLET]
    assert len(items(client.get("/api/documents", params={"since": "2024-03-01"}))) == 2
    assert len(items(client.get("/api/documents", params={"until": "2024-03-10"}))) == 2


def test_one_document_with_its_facts(client: TestClient, web_store: WebStore) -> None:
    doc = client.get(f"/api/documents/{web_store.ids[MALI_OUTLET]}").json()
    assert doc["title"].startswith(SCRIPT)          # JSON carries the text as it is
    assert {e["type"] for e in doc["events"]} >= {"REQUEST", "THREATEN"}
    assert any(m["text"] == "الاتحاد الأفريقي" and m["actor_key"] == "AU" for m in doc["mentions"])


def test_actors_and_profile(client: TestClient) -> None:
    actors = items(client.get("/api/actors"))
    assert actors[0]["key"] == "RSF"
    assert {a["kind"] for a in items(client.get("/api/actors", params={"kind": "igo"}))} == {"igo"}
    assert {a["country"] for a in items(client.get("/api/actors", params={"country": "mli"}))} == {"MLI"}
    profile = client.get("/api/actors/RSF").json()
    assert profile["name_en"] == "Rapid Support Forces"
    assert profile["contradictions"] and profile["claims"]
    by_arabic_name = client.get("/api/actors/قوات الدعم السريع").json()
    assert by_arabic_name["key"] == "RSF"


def test_events_filters(client: TestClient) -> None:
    assault = items(client.get("/api/events", params={"type": "assault"}))
    assert assault and {e["type"] for e in assault} == {"ASSAULT"}
    assert {e["polarity"] for e in assault} == {"positive", "negative"}
    happened = items(client.get("/api/events", params={"type": "ASSAULT", "include_negative": False}))
    assert {e["polarity"] for e in happened} == {"positive"}
    rsf = items(client.get("/api/events", params={"actor": "RSF"}))
    assert all("RSF" in (e["source_key"], e["target_key"]) for e in rsf)
    assert {e["place_country"] for e in items(client.get("/api/events", params={"where": "MLI"}))} == {"MLI"}
    assert {e["outlet"] for e in items(client.get("/api/events", params={"source": MALI_OUTLET}))} \
        == {MALI_OUTLET}
    window = items(client.get("/api/events", params={"since": "2024-03-01", "until": "2024-03-31"}))
    assert window and all("2024-03-01" <= e["day"] <= "2024-03-31" for e in window)


def test_claims_filters(client: TestClient, web_store: WebStore) -> None:
    denials = items(client.get("/api/claims", params={"stance": "deny"}))
    assert denials and {c["stance"] for c in denials} == {"deny"}
    contradicted = items(client.get("/api/claims", params={"contradicted": True}))
    assert {c["speaker_key"] for c in contradicted} == {"RSF", "SDN_ARMY", "SDN_GOV"}  # اتهمت is a claim
    assert all(c["speaker_key"] == "RSF" for c in items(client.get("/api/claims", params={"speaker": "RSF"})))
    doc_id = web_store.ids[DENIAL_OUTLET]
    assert {c["doc_id"] for c in items(client.get("/api/claims", params={"doc_id": doc_id}))} == {doc_id}


def test_contradictions_across_outlets(client: TestClient) -> None:
    pairs = items(client.get("/api/contradictions"))
    assert len(pairs) == 2  # the army's statement and the government's accusation, each against the denial
    pair = pairs[0]
    assert (pair["scope"], pair["outlet_a"], pair["outlet_b"]) == ("corpus", RSF_OUTLET, DENIAL_OUTLET)
    assert items(client.get("/api/contradictions", params={"scope": "document"})) == []
    assert len(items(client.get("/api/contradictions", params={"actor": "RSF"}))) == 2
    assert items(client.get("/api/contradictions", params={"since": "2025-01-01"})) == []


def test_search_folds_arabic(client: TestClient) -> None:
    hits = items(client.get("/api/search", params={"q": "الفاشر"}))
    assert {h["outlet"] for h in hits} == {RSF_OUTLET, DENIAL_OUTLET}
    assert items(client.get("/api/search", params={"q": "الفاشر", "source": DENIAL_OUTLET}))[0]["outlet"] \
        == DENIAL_OUTLET
    assert items(client.get("/api/search", params={"q": "كوكب"})) == []


def test_timeline_in_date_order(client: TestClient) -> None:
    rows = items(client.get("/api/timeline"))
    days = [r["day"] for r in rows]
    assert days == sorted(days) and days[0] == "2024-01-15"
    assert rows[0]["background"]          # recalled by an article of the next month
    assert {r["dated_by"] for r in rows} <= {"event", "article"}
    assert all(r["source_key"] == "RSF" or r["target_key"] == "RSF"
               for r in items(client.get("/api/timeline", params={"actor": "RSF"})))


def test_graph_nodes_edges_and_filters(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    nodes = {n["id"] for n in graph["nodes"]}
    assert {"MLI_GOV", "AU", "JNIM"} <= nodes
    assert any(e["source"] == "MLI_GOV" and e["target"] == "AU" and "REQUEST" in e["types"]
               for e in graph["edges"])
    only = client.get("/api/graph", params=[("type", "THREATEN")]).json()
    assert {t for e in only["edges"] for t in e["types"]} == {"THREATEN"}
    both = client.get("/api/graph", params={"type": "THREATEN,request"}).json()
    assert {t for e in both["edges"] for t in e["types"]} == {"THREATEN", "REQUEST"}
    assert client.get("/api/graph", params={"since": "2030-01-01"}).json() == {"nodes": [], "edges": []}
    mali = client.get("/api/graph", params={"actor": "JNIM"}).json()
    assert all("JNIM" in (e["source"], e["target"]) for e in mali["edges"] if e["kind"] == "event")
    assert {n["id"] for n in client.get("/api/graph", params={"where": "sdn"}).json()["nodes"]} >= {"RSF"}
    assert client.get("/api/graph", params={"actor": "nobody-at-all"}).status_code == 404


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/documents/nope", 404, "no document 'nope'"),
    ("/api/actors/nobody-at-all", 404, "no actor called"),
    ("/api/events?actor=nobody-at-all", 404, "no actor called"),
    ("/api/nothing-here", 404, "no such page"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=5000", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?since=yesterday", 422, "since"),
    ("/api/events?type=PICNIC", 422, "PICNIC"),
    ("/api/graph?type=PICNIC", 422, "PICNIC"),
    ("/api/claims?stance=shrug", 422, "stance"),
    ("/api/contradictions?scope=galaxy", 422, "scope"),
    ("/api/actors?kind=wizard", 422, "kind"),
    ("/api/search", 422, "q"),
    ("/api/search?q=!!!", 400, "no word to search for"),
])
def test_errors_are_json_with_a_message(client: TestClient, url: str, status: int, words: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and words in body["error"]


def test_analyze_text_returns_the_contract_json(fresh_client: TestClient) -> None:
    response = fresh_client.post("/api/analyze", data={"text": FRESH, "published": "2024-05-02",
                                                       "source": "مصدر تجريبي"})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["schema"] == "rasid.document/1" and doc["source"] == "مصدر تجريبي"
    assert {e["type"] for e in doc["events"]} >= {"AID", "ACCUSE"}
    assert "stored" not in doc
    assert fresh_client.get("/api/documents").json()["items"] == []


def test_analyze_file_upload_and_store(fresh_client: TestClient) -> None:
    article = f"عنوان تجريبي\n\n{FRESH}".encode()
    response = fresh_client.post("/api/analyze", params={"store": "true"}, data={"published": "2024-05-02"},
                                 files={"file": ("article.txt", article, "text/plain")})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert doc["title"] == "عنوان تجريبي"            # the .txt reader's headline rule
    assert doc["stored"]["status"] == "stored"
    stored = fresh_client.get("/api/documents").json()["items"]
    assert [d["id"] for d in stored] == [doc["id"]]
    again = fresh_client.post("/api/analyze", params={"store": "true"},
                              files={"file": ("article.txt", article, "text/plain")}).json()
    assert again["stored"]["status"] == "duplicate"


def test_analyze_windows_1256_upload(fresh_client: TestClient) -> None:
    upload = {"file": ("old.txt", FRESH.encode("cp1256"), "text/plain")}
    response = fresh_client.post("/api/analyze", files=upload)
    assert response.status_code == 200 and response.json()["text"] == FRESH


@pytest.mark.parametrize(("form", "files", "reason"), [
    ({"text": "   \n\t "}, None, "text: no text (whitespace only)"),
    ({"text": "نص\x00ثنائي"}, None, "text: binary content (NUL bytes), not text"),
    (None, {"file": ("a.txt", b"", "text/plain")}, "a.txt: empty file"),
    (None, {"file": ("b.txt", b"\x00\x01\x02binary", "application/octet-stream")},
     "b.txt: binary content (NUL bytes), not text"),
    (None, {"file": ("c.txt", b"\xff\xfe\xfd" * 3 + b"\x81\x8d", "text/plain")},
     "c.txt: cannot decode: not UTF-8, UTF-16 or Windows-1256"),
    ({"text": "The army said on Monday that the talks had failed and the border was closed."}, None,
     "rasid reads Arabic news"),
    ({}, None, "no article"),
    ({"text": FRESH}, {"file": ("a.txt", FRESH.encode(), "text/plain")}, "either"),
])
def test_analyze_bad_input_is_400_with_the_readers_reason(fresh_client: TestClient, form: dict | None,
                                                          files: dict | None, reason: str) -> None:
    response = fresh_client.post("/api/analyze", data=form, files=files)
    assert response.status_code == 400, response.text
    assert reason in response.json()["error"]


def test_analyze_empty_text_field(fresh_client: TestClient) -> None:
    response = fresh_client.post("/api/analyze", data={"text": ""})
    assert response.status_code == 400
    assert response.json()["error"] == ("no article: the form field `text` is empty or missing "
                                        "and no `file` was sent")


def test_analyze_too_large_is_413(fresh_client: TestClient) -> None:
    big = "ا" * 15_000                                # 30 kB of UTF-8 over the fixture's 20 kB limit
    response = fresh_client.post("/api/analyze", data={"text": big})
    assert response.status_code == 413 and "limit" in response.json()["error"]
    huge = b"x" * 200_000                             # over the limit plus the form allowance: refused unread
    response = fresh_client.post("/api/analyze", files={"file": ("big.txt", huge, "text/plain")})
    assert response.status_code == 413


def test_analyze_streamed_body_without_length_is_cut_at_the_limit(fresh_client: TestClient) -> None:
    def chunks():
        for _ in range(100):
            yield b"a=" + b"b" * 4_000

    response = fresh_client.post("/api/analyze", content=chunks(),
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_analyze_validation_is_422(fresh_client: TestClient) -> None:
    response = fresh_client.post("/api/analyze", data={"text": FRESH, "published": "2 May 2024"})
    assert response.status_code == 422 and "published" in response.json()["error"]


def test_cross_site_post_is_refused(fresh_client: TestClient) -> None:
    response = fresh_client.post("/api/analyze", data={"text": FRESH},
                                 headers={"origin": "https://evil.example"})
    assert response.status_code == 403


def test_gets_use_a_read_only_connection(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bool] = []
    real_init = Store.__init__

    def spy(self: Store, path: object = None, *, readonly: bool = False) -> None:
        opened.append(readonly)
        real_init(self, path, readonly=readonly)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", spy)
    for url in ("/api/documents", "/api/events", "/", "/actors/RSF"):
        assert client.get(url).status_code == 200
    assert opened and all(opened)


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/analyze", "/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{name}",
            "/api/events", "/api/claims", "/api/contradictions", "/api/search", "/api/graph",
            "/api/timeline"} <= paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
