"""Generic collective actors (collectives.tsv): civilians, protesters, hostages ... become actors
that events can take as source or target. Sentences written for these tests."""

import rasid
from rasid.actors.dictionary import ActorDictionary
from rasid.document import Actor


def actors_by_text(doc: rasid.Document) -> dict[str, Actor]:
    actors = {a.id: a for a in doc.actors}
    return {m.text: actors[m.actor] for m in doc.mentions if m.actor}


def test_the_data_file_loads_and_names_every_group():
    dictionary = ActorDictionary.load()
    assert {"CIVILIANS", "PROTESTERS", "HOSTAGES", "DETAINEES", "REFUGEES", "GUNMEN", "PEOPLE"} \
        <= set(dictionary.collectives)
    assert dictionary.collective_groups("المدنيين")[0].key == "CIVILIANS"
    assert dictionary.collective_actor("MLI", "CIVILIANS").name_en == "Civilians (Mali)"
    assert dictionary.collective_actor(None, "CIVILIANS").name_en == "Civilians"
    assert dictionary.collective_actor(None, "CIVILIANS").id == "CIVILIANS"
    assert dictionary.collective_actor("MLI", "PEOPLE").name_en == "Malian people"
    assert dictionary.collective_actor(None, "PEOPLE").name_en == "People"


def test_a_bare_group_takes_no_country():
    doc = rasid.analyze("قال الجيش المالي إن المتظاهرين تجمعوا أمام مقر الحكومة في باماكو، "
                        "وإن اللاجئين عادوا إلى مالي.\n", published="2022-03-01")
    found = actors_by_text(doc)
    assert found["المتظاهرين"].canonical == "PROTESTERS"
    assert found["المتظاهرين"].name_en == "Protesters"
    assert found["اللاجئين"].canonical == "REFUGEES"
    assert found["اللاجئين"].sector == "CVL"
    assert found["اللاجئين"].kind == "other"
    [mention] = [m for m in doc.mentions if m.text == "المتظاهرين"]
    assert mention.type == "NORP"


def test_a_country_named_after_the_group_wins():
    doc = rasid.analyze("أطلق الجيش المالي سراح المعتقلين النيجريين أمس.\n", published="2022-03-01")
    found = actors_by_text(doc)
    assert found["المعتقلين النيجريين"].canonical == "NER_DETAINEES"


def test_a_plural_nisba_is_that_countrys_people():
    doc = rasid.analyze("رحب الماليون بقرار الحكومة المالية.\n", published="2022-03-01")
    assert actors_by_text(doc)["الماليون"].canonical == "MLI_PEOPLE"


def test_civil_society_is_not_civilians():
    doc = rasid.analyze("التقى وزير الخارجية المالي ممثلي المجتمع المدني في باماكو.\n",
                        published="2022-03-01")
    assert not any(a.canonical and a.canonical.endswith("CIVILIANS") for a in doc.actors)


def test_civilians_are_what_an_attack_befell_not_who_made_it():
    doc = rasid.analyze("وأدان الجيش المالي قتل المدنيين في قرية قرب موبتي.\n", published="2022-03-01")
    actors = {a.id: a for a in doc.actors}
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults
    for event in assaults:
        assert event.source is None or not actors[event.source].canonical.endswith("CIVILIANS")
    assert any(e.target and actors[e.target].canonical == "CIVILIANS" for e in assaults)


def test_victims_do_not_take_the_attackers_country():
    doc = rasid.analyze("قتلت القوات الروسية ثلاثة مدنيين في قرية صغيرة.\n", published="2022-03-01")
    actors = {a.id: a for a in doc.actors}
    targets = {actors[e.target].canonical for e in doc.events if e.type == "ASSAULT" and e.target}
    assert targets == {"CIVILIANS"}


def test_gunmen_can_be_the_source_of_an_attack():
    doc = rasid.analyze("هاجم مسلحون مجهولون قرية في وسط مالي أمس.\n", published="2022-03-01")
    actors = {a.id: a for a in doc.actors}
    sources = {actors[e.source].canonical for e in doc.events if e.type == "ASSAULT" and e.source}
    assert "GUNMEN" in sources


def test_a_counted_group_is_the_target_despite_the_number_around_it():
    doc = rasid.analyze("وأدانت الحكومة المالية خطف الجماعة المسلحة خمسة صحفيين قرب تمبكتو.\n",
                        published="2022-03-01")
    actors = {a.id: a for a in doc.actors}
    assert any(e.target and actors[e.target].canonical == "JOURNALISTS" for e in doc.events)


def test_a_civilian_group_before_a_violent_trigger_is_its_target():
    doc = rasid.analyze("وقال الجيش المالي إن المعتقلين تعرضوا للتعذيب.\n", published="2022-03-01")
    actors = {a.id: a for a in doc.actors}
    for event in doc.events:
        if event.type in ("ASSAULT", "COERCE") and event.source:
            assert actors[event.source].sector != "CVL"
