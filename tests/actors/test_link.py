"""Linking, coreference and relations on sentences written for these tests."""

import pytest

import rasid
from rasid.actors.dictionary import alias_key


def linked(doc: rasid.Document) -> dict[str, tuple[str, str | None]]:
    """mention text -> (type, canonical actor id) for every mention."""
    actors = {a.id: a for a in doc.actors}
    return {m.text: (m.type, actors[m.actor].canonical if m.actor else None) for m in doc.mentions}


@pytest.fixture(scope="module")
def sahel() -> rasid.Document:
    text = ("نفت الحكومة المالية أمس أن تكون قد فوضت أحدا بالتفاوض مع جماعة نصرة الإسلام والمسلمين.\n"
            "وقال وزير الدفاع إن الجيش المالي سيواصل عملياته في مالى، بينما أعلنت فرنسا سحب قواتها.\n"
            "وتعارض فرنسا، الحليف التقليدي لمالي، هذا النهج، حيث قال رئيسها إيمانويل ماكرون إن "
            "القوات الفرنسية لن تبقى.\n"
            "وتأسس تنظيم نصرة الإسلام عام 2017، ويضم «جماعة أنصار الدين» و«كتيبة المرابطون». "
            "ويقود التنظيم إياد آغ غالي.\n")
    return rasid.analyze(text, published="2021-10-27")


def test_states_institutions_and_groups_link_to_canonical_actors(sahel):
    found = linked(sahel)
    assert found["الحكومة المالية"] == ("ORG", "MLI_GOV")
    assert found["الجيش المالي"] == ("ORG", "MLI_ARMY")
    assert found["مالى"] == ("GPE", "MLI")
    assert found["فرنسا"] == ("GPE", "FRA")
    assert found["جماعة نصرة الإسلام والمسلمين"][1] == "JNIM"
    assert found["إيمانويل ماكرون"] == ("PER", "P_EMMANUEL_MACRON")
    assert found["جماعة أنصار الدين"][1] == "ANSAR_DINE"
    assert sahel.focus_country == "MLI"


def test_a_clitic_stays_outside_the_mention(sahel):
    [mention] = [m for m in sahel.mentions if m.text == "مالي" and sahel.text[m.start - 1] == "ل"]
    assert sahel.text[mention.start:mention.end] == "مالي"


def test_one_actor_per_canonical_id(sahel):
    canonical = [a.canonical for a in sahel.actors]
    assert len(canonical) == len(set(canonical))
    assert all(m.actor in {a.id for a in sahel.actors} for m in sahel.mentions if m.actor)


def test_anaphora_points_back(sahel):
    found = linked(sahel)
    assert found["التنظيم"][1] == "JNIM"  # introduced as "تنظيم نصرة الإسلام"


def test_relations_stated_in_the_text(sahel):
    actors = {a.id: a.canonical for a in sahel.actors}
    relations = {(r.type, actors[r.head], actors[r.tail]) for r in sahel.relations}
    assert ("leader_of", "P_EMMANUEL_MACRON", "FRA") in relations
    assert ("leader_of", "P_IYAD_AG_GHALY", "JNIM") in relations
    assert ("member_of", "ANSAR_DINE", "JNIM") in relations
    assert ("member_of", "MOURABITOUN", "JNIM") in relations
    assert ("ally_of", "FRA", "MLI") in relations
    for relation in sahel.relations:
        assert sahel.text[relation.evidence.start:relation.evidence.end] == relation.evidence.text


def test_bare_title_needs_a_country():
    doc = rasid.analyze("أعلنت الحكومة أمس خطة جديدة للنقل.", published="2021-10-27")
    assert not any(m.actor for m in doc.mentions)


def test_office_title_links_to_the_holder_at_the_articles_date():
    text = "قال الرئيس الفرنسي في مؤتمر صحفي إن بلاده ستواصل دعم الحوار في مالي."
    for published, holder in (("2021-10-27", "P_EMMANUEL_MACRON"), ("2015-06-01", "P_FRANCOIS_HOLLANDE")):
        doc = rasid.analyze(text, published=published)
        assert linked(doc)["الرئيس الفرنسي"] == ("PER", holder)


def test_same_name_different_countries_follows_the_article():
    for country, iso3 in (("مالي", "MLI"), ("الجزائر", "DZA")):
        doc = rasid.analyze(f"دعا المجلس الإسلامي الأعلى إلى الحوار، وقالت حكومة {country} إنها ترحب.",
                            published="2021-10-27")
        assert linked(doc)["المجلس الإسلامي الأعلى"][1].startswith(iso3)


def test_hamza_seats_and_alef_variants_match():
    assert alias_key("وزارة الشئون الإسلامية") == alias_key("وزارة الشؤون الاسلامية")
    doc = rasid.analyze("وأعلنت وزارة الشئون الإسلامية في مالى أنها كلفت المجلس بالوساطة.",
                        published="2021-10-27")
    assert linked(doc)["وزارة الشئون الإسلامية"] == ("ORG", "MLI_MIN_RELIGIOUS")


def test_a_person_the_dictionary_lacks_becomes_an_actor_with_a_latin_name():
    doc = rasid.analyze("وقال سيدو كوليبالي، المتحدث باسم وزارة الدفاع المالية، إن الجيش سيسحب قواته. "
                        "وأضاف كوليبالي أن الانسحاب سيتم خلال أسبوع.", published="2024-05-10")
    people = [a for a in doc.actors if a.kind == "person"]
    assert len(people) == 1 and people[0].canonical is None
    assert people[0].name_en and people[0].name_en.isascii()
    assert {m.text for m in doc.mentions if m.actor == people[0].id} >= {"سيدو كوليبالي"}
    names = {a.id: a.canonical for a in doc.actors}
    assert ("spokesperson_of", people[0].id, "MLI_MIN_DEFENCE") in {
        (r.type, r.head, names[r.tail]) for r in doc.relations}


def test_a_run_on_list_of_names_is_romanized_a_few_words_at_a_time(monkeypatch):
    from rasid.actors import link

    asked: list[str] = []

    class Recorder:
        def transliterate(self, name: str) -> str:
            asked.append(name)
            return name.upper()

    monkeypatch.setattr(link, "_romanizer", lambda: Recorder())
    link.romanize.cache_clear()
    team = "محمد حسين عمر هوساوي خالد الغامدي عبدالعزيز الجبرين شايع شراحيلي يحيى"
    assert link.romanize(team) == team.upper()
    assert asked and max(len(name.split()) for name in asked) <= link.ROMANIZE_WORDS
    link.romanize.cache_clear()
