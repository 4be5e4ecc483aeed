"""Event coding on sentences written for these tests."""

import rasid

PUBLISHED = "2021-10-27"


def coded(text: str) -> list[tuple[str, str | None, str | None, str, str]]:
    """(type, source, target, polarity, modality) with actors by dictionary id."""
    doc = rasid.analyze(text, published=PUBLISHED)
    names = {a.id: a.canonical or a.name_ar for a in doc.actors}
    for event in doc.events:
        assert doc.text[event.trigger.start:event.trigger.end] == event.trigger.text
    return [(e.type, names.get(e.source), names.get(e.target), e.polarity, e.modality) for e in doc.events]


def test_source_and_target_from_the_clause():
    events = coded("واتهمت مالي فرنسا بالتخلي عنها في منتصف الطريق.")
    assert ("ACCUSE", "MLI", "FRA", "positive", "asserted") in events


def test_request_with_talks_is_a_request_to_meet():
    doc = rasid.analyze("طلبت حكومة مالي من المجلس الإسلامي الأعلى إجراء محادثات مع الجماعات المسلحة.",
                        published=PUBLISHED)
    [request] = [e for e in doc.events if e.type == "REQUEST"]
    assert request.mode == "meet"
    names = {a.id: a.canonical for a in doc.actors}
    assert (names[request.source], names[request.target]) == ("MLI_GOV", "MLI_HCI")


def test_announced_withdrawal_is_a_concession_with_its_size():
    doc = rasid.analyze("وأعلنت فرنسا أنها ستسحب ٥ آلاف جندي من منطقة الساحل خلال العام المقبل.",
                        published=PUBLISHED)
    [event] = [e for e in doc.events if e.type in ("CONCEDE", "RETREAT")]
    assert event.type == "CONCEDE" and event.quantity == 5000


def test_negation_and_dates():
    doc = rasid.analyze("لم تهاجم القوات الفرنسية مدينة كيدال أمس.", published=PUBLISHED)
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert event.polarity == "negative"
    yesterday = next(m.id for m in doc.mentions if m.text == "أمس")
    assert event.date == {"value": "2021-10-26", "mention": yesterday}


def test_embedded_headline_of_another_story_is_skipped():
    text = ("مالي تطلب وساطة\n\nطلبت حكومة مالي من الاتحاد الأفريقي التوسط.\n\n"
            "اقرأ أيضا: النيجر تتهم بنين بإغلاق الحدود\n")
    assert all(source != "NER" for _, source, *_ in coded(text))


def test_a_trigger_word_inside_a_name_is_no_event():
    doc = rasid.analyze("قالت قوات الدعم السريع إنها سيطرت على مدينة نيالا بعد معارك مع الجيش السوداني أمس.",
                        published="2024-04-02")
    assert "قوات الدعم السريع" in [m.text for m in doc.mentions]
    assert [e.type for e in doc.events if e.trigger.text == "الدعم"] == []
    assert "COERCE" in [e.type for e in doc.events]


def test_short_condemn_and_blame_and_missile_fire():
    assert ("ACCUSE", "FRA", None, "positive", "asserted") in coded("دانت فرنسا بشدة القصف على المدينة.")
    assert [e[0] for e in coded("ولامت ألمانيا روسيا على التصعيد.")] == ["ACCUSE"]
    assert ("ASSAULT", "HOUTHIS", None, "positive", "asserted") in \
        coded("واصل الحوثيون إطلاق الصواريخ على المدن.")


def test_a_session_and_talking_with_someone_are_consultations():
    assert [e[0] for e in coded("عقد مجلس الأمن جلسة طارئة أمس.")] == ["CONSULT"]
    assert ("CONSULT", "MLI_GOV", "FRA", "positive", "reported") in \
        coded("وقالت حكومة مالي إنها تحدثت مع فرنسا عن الوضع.")


def test_the_speaker_is_the_subject_of_a_verb_after_a_pronoun_complementizer():
    assert ("ACCUSE", "MLI", "FRA", "positive", "reported") in \
        coded("وقالت مالي في مجلس الأمن إنها تدين فرنسا.")


def test_a_verbal_noun_governed_by_a_request_takes_the_requester_as_source():
    events = coded("ودعا الاتحاد الأفريقي، في بيان، إلى التنديد باستخدام فرنسا القوة.")
    assert ("ACCUSE", "AU", "FRA", "positive", "asserted") in events


def test_coordinated_subjects_are_not_the_target():
    assert coded("ولامت كل من فرنسا وألمانيا روسيا.")[0][:3] == ("ACCUSE", "FRA", "RUS")
    assert coded("ولامت كل من فرنسا وألمانيا في ختام اجتماع طويل، روسيا.")[0][:3] == ("ACCUSE", "FRA", "RUS")


def test_targets_after_a_hashtag_or_behind_a_verbal_noun():
    assert ("ASSAULT", "HOUTHIS", "SAU", "positive", "asserted") in \
        coded("واصل الحوثيون إطلاق الصواريخ ضد #السعودية.")
    assert ("ACCUSE", "MLI_GOV", "FRA", "positive", "asserted") in \
        coded("وعبرت حكومة مالي عن إدانتها للهجوم الذي شنته فرنسا.")


def test_a_verbal_noun_after_a_clitic_preposition_is_a_trigger():
    events = coded("وتتهم مالي فرنسا بدعم الحركة الوطنية لتحرير أزواد.")
    assert [e[0] for e in events] == ["ACCUSE", "SUPPORT"]
    assert events[1][1:3] == ("FRA", "MNLA")


def test_a_noun_after_another_word_keeps_its_own_agent():
    events = coded("شنت إسرائيل غارات على لبنان ردا على هجوم حزب الله.")
    assert ("ASSAULT", "ISR", "LBN", "positive", "asserted") in events
    assert [e[1] for e in events if e[0] == "ASSAULT" and e[1] != "ISR"] == ["HEZBOLLAH"]


def test_a_verb_starting_with_ba_is_no_verbal_noun_after_a_clitic():
    assert "REQUEST" not in [e[0] for e in coded("بحثت فرنسا مع ألمانيا الأزمة في مالي.")]
    assert ("REQUEST", "MLI", "FRA", "positive", "asserted") in coded("وخرجت مالي لتطالب فرنسا بالانسحاب.")
