"""The questions the store answers, on the small corpus of conftest.py."""

from __future__ import annotations

import pytest

from rasid.store import Store, queries
from rasid.store.search import fts_query


def test_search_ignores_diacritics_and_alef_forms(store: Store) -> None:
    plain = queries.search(store, "قصفت")
    assert plain and all("قصفت" in hit["text"] for hit in plain)
    assert [h["doc_id"] for h in queries.search(store, "قَصَفَتْ")] == [h["doc_id"] for h in plain]
    # أعلن is written with hamza in the article; the query without it still finds it, and back.
    assert queries.search(store, "اعلن") == queries.search(store, "أعلن") != []


def test_search_finds_a_word_under_its_clitics(store: Store) -> None:
    # The articles write "والحوثيين" and "بافتعال"; the bare words find them.
    assert any("والحوثيين" in hit["text"] for hit in queries.search(store, "الحوثيين"))
    assert any("بافتعال" in hit["text"] for hit in queries.search(store, "افتعال"))


def test_search_shows_the_facts_in_each_sentence_and_filters(store: Store) -> None:
    hits = queries.search(store, "سوق قصف", source="قناة الجنوب")
    assert hits and {h["outlet"] for h in hits} == {"قناة الجنوب"}
    assert any(any(e.startswith("ASSAULT(Houthis") for e in h["events"]) for h in hits)
    assert queries.search(store, "سوق", until="2024-04-01") == []
    assert len(queries.search(store, "سوق", limit=1)) == 1


def test_search_lists_a_sentences_events_in_text_order_not_by_id(store: Store) -> None:
    # The denial's sentence 1 has e2 (ASSAULT) before e3 (ACCUSE); as e10, e3 would sort first by id.
    with Store(store.path) as writable:
        writable.conn.execute("UPDATE events SET id = 'e10' WHERE id = 'e3' AND type = 'ACCUSE'")
    [hit] = [h for h in queries.search(store, "بافتعال") if h["outlet"] == "قناة الجنوب"]
    assert [e.split("(")[0] for e in hit["events"]] == ["ASSAULT", "ACCUSE"]


def test_a_phrase_must_appear_in_order_and_an_empty_query_is_refused(store: Store) -> None:
    assert queries.search(store, '"سوقا شعبيا"')
    assert not queries.search(store, '"شعبيا سوقا"')
    assert fts_query("  ،،  ") is None
    with pytest.raises(ValueError):
        queries.search(store, "!!")


def test_actors_and_a_profile_by_english_or_arabic_name(store: Store) -> None:
    listed = queries.actors(store, kind="armed_group")
    assert listed[0]["key"] == "HOUTHIS" and listed[0]["documents"] == 3
    assert queries.actors(store, country="mli")
    by_arabic = queries.actor_profile(store, "الحوثيين")
    by_english = queries.actor_profile(store, "houthis (ansar allah)")
    assert by_arabic["key"] == by_english["key"] == "HOUTHIS"
    assert {"text": "جماعة الحوثي", "mentions": 3} in by_arabic["aliases"]
    # The same wire story in two outlets counts once; the denial is not an ASSAULT that happened.
    assert {"type": "ASSAULT", "events": 1} in by_arabic["events_as_source"]
    assert by_arabic["contradictions"]
    assert by_arabic["mentions_by_month"][0]["month"] == "2024-04"
    with pytest.raises(LookupError):
        queries.actor_profile(store, "nobody at all")


def test_events_filter_by_actor_type_place_date_and_outlet(store: Store, analyzed) -> None:
    assaults = queries.events(store, type="assault", actor="Houthis (Ansar Allah)")
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    assert all("HOUTHIS" in (e["source_key"], e["target_key"]) for e in assaults)
    assert {e["place_country"] for e in queries.events(store, where="YEM")} == {"YEM"}
    mali = queries.events(store, since="2024-05-01")
    assert mali and {e["doc_id"] for e in mali} == {analyzed[3].id}
    assert {e["outlet"] for e in queries.events(store, source="صحيفة الساحل")} == {"صحيفة الساحل"}
    days = [e["day"] for e in queries.events(store) if e["day"]]
    assert days == sorted(days)


def test_the_timeline_places_events_at_their_own_dates(store: Store) -> None:
    rows = queries.timeline(store)
    assert rows and all(r["day"] for r in rows)
    shelling = next(r for r in rows if r["type"] == "ASSAULT" and r["outlet"] == "وكالة الشمال")
    assert shelling["day"] == "2024-04-01" and shelling["dated_by"] == "event"  # أمس, a day before


def test_claims_by_stance_speaker_and_contradiction(store: Store) -> None:
    denials = queries.claims(store, stance="deny")
    assert denials and all(c["stance"] == "deny" for c in denials)
    assert all(c["speaker_key"] == "HOUTHIS" for c in queries.claims(store, speaker="HOUTHIS"))
    contradicted = queries.claims(store, contradicted=True)
    assert contradicted and all(c["contradicted"] for c in contradicted)
    assert not any(c["contradicted"] for c in queries.claims(store, contradicted=False))


def test_contradictions_show_both_sides(store: Store) -> None:
    rows = queries.contradictions(store, scope="corpus")
    assert rows
    first = rows[0]
    assert first["outlet_b"] == "قناة الجنوب" and first["stance_b"] == "deny"
    assert first["outlet_a"] in {"وكالة الشمال", "صحيفة الساحل"}
    assert queries.contradictions(store, since="2024-06-01") == []


def test_a_document_comes_back_with_its_facts_and_its_story(store: Store, analyzed) -> None:
    listed = queries.documents(store)
    assert [d["published"] for d in listed] == sorted((d["published"] for d in listed), reverse=True)
    doc = queries.document(store, analyzed[1].id)
    assert doc["text"] == analyzed[1].text
    assert len(doc["mentions"]) == len(analyzed[1].mentions)
    assert [d["id"] for d in doc["story_documents"]] == [analyzed[0].id]
    with pytest.raises(LookupError):
        queries.document(store, "no-such-id")
