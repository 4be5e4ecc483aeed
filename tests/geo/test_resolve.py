"""Place resolution on sentences written for these tests."""

from rasid.actors import link
from rasid.document import Document, Mention
from rasid.geo import resolve
from rasid.pipeline import Pipeline, Stage
from rasid.text import normalize, segment


def prepared(text: str) -> Document:
    """A document through normalization, segmentation and actor linking (no tagger)."""
    return link.run(segment.run(normalize.run(Document(text=text))))


def analyze(text: str) -> Document:
    return resolve.run(prepared(text))


def places(doc: Document) -> dict[str, tuple[str, str | None, str | None]]:
    """mention text -> (type, English place name, ISO3) for every mention with a place."""
    return {m.text: (m.type, m.place["name_en"], m.place["country"]) for m in doc.mentions if m.place}


def assert_spans_slice_the_text(doc: Document) -> None:
    for mention in doc.mentions:
        assert doc.text[mention.start:mention.end] == mention.text
    assert [m.id for m in doc.mentions] == [f"m{i}" for i in range(1, len(doc.mentions) + 1)]
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_the_stage_fits_after_the_linker():
    stages = [Stage("text", lambda d: d, ("text",), ("normalized", "paragraphs", "sentences", "tokens",
                                                     "entities", "actors"))]
    pipeline = Pipeline([*stages, Stage.from_module(resolve)])
    assert pipeline.stages[-1].provides == ("places", "dateline")


def test_a_city_keeps_its_clitic_outside_the_mention():
    doc = analyze("قال الجيش المالي إن جنوده انتشروا في غاو وبتمبكتو ولكيدال.")
    found = places(doc)
    assert found["غاو"] == ("GPE", "Gao", "MLI")
    assert found["تمبكتو"] == ("GPE", "Timbuktu", "MLI")
    assert found["كيدال"] == ("GPE", "Kidal", "MLI")
    [gao] = [m for m in doc.mentions if m.text == "غاو"]
    assert gao.place["geonames"] == 2457163 and gao.place["kind"] == "city"
    assert abs(gao.place["lat"] - 16.27) < 0.1
    assert_spans_slice_the_text(doc)


def test_an_ambiguous_city_goes_to_the_country_the_article_is_about():
    libya = analyze("اجتمع رئيس الحكومة الليبية مع وفد أممي في طرابلس لبحث الانتخابات في ليبيا.")
    lebanon = analyze("قال الجيش اللبناني إن اشتباكات اندلعت في طرابلس بين مسلحين.")
    assert places(libya)["طرابلس"] == ("GPE", "Tripoli", "LBY")
    assert places(lebanon)["طرابلس"] == ("GPE", "Tripoli", "LBN")
    assert libya.focus_country == "LBY" and lebanon.focus_country == "LBN"


def test_without_context_the_largest_place_wins():
    assert places(analyze("عقد الاجتماع في طرابلس أمس."))["طرابلس"][2] == "LBY"


def test_named_areas_are_locations():
    doc = analyze("أعلنت الحركات المسلحة في أزواد رفضها للاتفاق، فيما تنشط جماعات أخرى في منطقة الساحل.")
    found = places(doc)
    assert found["أزواد"] == ("LOC", "Azawad", "MLI")
    assert found["منطقة الساحل"] == ("LOC", "Sahel", None)
    assert_spans_slice_the_text(doc)


def test_the_coast_alone_is_not_the_sahel():
    assert "الساحل" not in places(analyze("تقدمت القوات على طول الساحل الشمالي للبلاد."))


def test_dateline_sets_the_span_and_the_focus_country():
    text = "هجوم على قاعدة عسكرية\nباماكو (وكالات) - قتل خمسة جنود في هجوم على قاعدة عسكرية وسط البلاد."
    doc = analyze(text)
    assert doc.dateline is not None
    assert (doc.dateline.start, doc.dateline.text) == (text.index("باماكو"), "باماكو")
    assert doc.focus_country == "MLI"
    assert places(doc)["باماكو"] == ("GPE", "Bamako", "MLI")


def test_dateline_with_country_and_with_agency_after_a_dash():
    doc = analyze("دبي، الإمارات العربية المتحدة (CNN)-- قال مسؤولون إن الاجتماع انتهى.")
    assert doc.dateline.text == "دبي"
    doc = analyze("نيامي - وكالات: أعلنت السلطات حظر التجول.")
    assert doc.dateline.text == "نيامي" and doc.focus_country == "NER"


def test_no_dateline_in_plain_text_and_the_linker_focus_stays():
    doc = analyze("قالت الحكومة المالية إن الوضع في غاو هادئ. وأضافت أن الجيش يسيطر على المدينة.")
    assert doc.dateline is None
    assert doc.focus_country == "MLI"


def test_no_mention_in_a_repeated_paragraph():
    line = "قتل ثلاثة جنود في هجوم قرب مدينة غاو شمالي مالي"
    doc = analyze(f"{line}\nوقال الجيش إن الهجوم صد.\n{line}")
    gao = [m for m in doc.mentions if m.text == "غاو"]
    assert len(gao) == 1 and gao[0].start == line.index("غاو")
    assert doc.paragraphs[2].duplicate_of == 0


def test_common_words_are_no_places():
    doc = analyze("قال البيت الأبيض إن التحالف يريد فتح الباب أمام الحوار في البلاد.")
    assert places(doc) == {}


def test_a_risky_name_after_a_cue_word():
    doc = analyze("سيطرت القوات السورية على مدينة الباب بعد معارك.")
    assert places(doc)["الباب"] == ("GPE", "Al Bāb", "SYR")


def test_a_small_town_needs_its_country_in_play():
    assert "ميناكا" not in places(analyze("وصل الموفد إلى ميناكا أمس."))
    assert places(analyze("وصل الموفد إلى ميناكا في مالي أمس."))["ميناكا"][2] == "MLI"


def test_a_cue_prefers_the_region_over_the_city():
    doc = analyze("قصفت الطائرات مواقع في محافظة إدلب ثم في مدينة إدلب شمال سوريا.")
    kinds = [m.place["kind"] for m in doc.mentions if m.text == "إدلب"]
    assert kinds == ["region", "city"]


def test_a_hyphenated_name():
    doc = analyze("وقع الهجوم في بوبو-ديولاسو ثاني مدن بوركينا فاسو.")
    assert places(doc)["بوبو-ديولاسو"] == ("GPE", "Bobo-Dioulasso", "BFA")


def test_a_name_tied_to_another_word_by_a_hyphen_is_no_place():
    doc = analyze("قال المسؤول الكوري كيم كاي-غوان إن القمة قائمة.")
    assert "كاي" not in places(doc)


def test_existing_mentions_get_their_place_and_type():
    doc = prepared("أعلن الجيش في مالي أن مدينة غاو تعرضت لهجوم، وأن أزواد تشهد توترا.")
    text = doc.text
    for phrase, kind in (("مدينة غاو", "GPE"), ("أزواد", "GPE"), ("الجيش", "ORG")):
        start = text.index(phrase)
        doc.mentions.append(Mention("", start, start + len(phrase), phrase, kind))
    resolve.run(doc)
    found = {m.text: m for m in doc.mentions}
    assert found["مالي"].place["name_en"] == "Mali" and found["مالي"].type == "GPE"
    assert found["مدينة غاو"].place["name_en"] == "Gao" and found["مدينة غاو"].type == "GPE"
    assert found["أزواد"].type == "LOC" and found["أزواد"].place["kind"] == "area"
    assert found["الجيش"].place is None and found["الجيش"].type == "ORG"
    assert "غاو" not in found  # no second mention inside the tagger's span
    assert_spans_slice_the_text(doc)
