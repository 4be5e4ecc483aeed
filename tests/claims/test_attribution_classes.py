"""Claim cues, speakers and stances by class, on short sentences written for these tests."""

import rasid

PUBLISHED = "2024-03-10"


def analyze(text: str) -> rasid.Document:
    return rasid.analyze(text, published=PUBLISHED)


def speaker(doc: rasid.Document, claim) -> rasid.document.Actor | None:
    return next((a for a in doc.actors if a.id == claim.speaker), None)


def by_cue(doc: rasid.Document) -> dict[str, rasid.document.Claim]:
    return {c.cue.text: c for c in doc.claims}


def test_a_source_after_the_clause_it_vouches_for():
    doc = analyze("قتل عشرة أشخاص في القصف على السوق، وفق الأمم المتحدة.")
    [claim] = doc.claims
    assert speaker(doc, claim).name_en == "United Nations"
    assert claim.content.text.startswith("قتل عشرة أشخاص")


def test_a_source_in_quotation_marks():
    doc = analyze('انتهت جولة المحادثات دون أي اتفاق، وفق "رويترز".')
    [claim] = doc.claims
    assert "Reuters" in speaker(doc, claim).name_en
    assert claim.content.text.startswith("انتهت جولة")


def test_as_the_army_said_is_one_claim_of_the_army():
    doc = analyze("ووصلت القافلة إلى المدينة بعد ظهر اليوم، حسبما قال الجيش اللبناني.")
    [claim] = doc.claims
    assert claim.cue.text.startswith("حسبما")
    assert speaker(doc, claim) is not None and "الجيش" in speaker(doc, claim).name_ar
    assert claim.content.text.startswith("ووصلت القافلة")


def test_an_unnamed_source_takes_its_adjectives():
    doc = analyze("وقال مصدر قضائي رفيع إن المحكمة ستنعقد الأسبوع المقبل.")
    [claim] = doc.claims
    assert speaker(doc, claim).name_ar == "مصدر قضائي"


def test_a_bare_source_noun_is_not_a_speaker():
    doc = analyze("وقال إن المياه مصدر الحياة في القرية.")
    assert all(speaker(doc, c) is None or "مصدر" not in speaker(doc, c).name_ar for c in doc.claims)


def test_a_person_named_after_a_long_description_is_the_speaker():
    doc = analyze("وقال زعيم أكبر فصيل معارض في الجنوب مرتبط بحزب المؤتمر عبد الله صالح إن الانتخابات مزورة.")
    claim = by_cue(doc)["قال"]
    assert speaker(doc, claim) is not None and speaker(doc, claim).kind == "person"
    assert "صالح" in speaker(doc, claim).name_ar


def test_an_adjunct_after_the_cue_is_not_a_description():
    doc = analyze("وكان المتحدث أحمد خالد نفى في تغريدة نشرها أمس مرض الرئيس محمد علي.")
    claim = by_cue(doc)["نفى"]
    assert speaker(doc, claim) is not None and "خالد" in speaker(doc, claim).name_ar


def test_a_circumstantial_participle_is_a_claim_of_the_subject():
    doc = analyze("ودانت فرنسا الهجوم على القرية، معتبرة أن المسؤولين عنه يجب أن يحاسبوا.")
    claim = by_cue(doc)["معتبرة"]
    assert speaker(doc, claim).name_en == "France"
    assert claim.content.text.startswith("أن المسؤولين")


def test_a_participle_that_leads_into_the_content_is_not_a_second_claim():
    doc = analyze("وقالت فرنسا، مؤكدة أن الهدنة صامدة، إن المحادثات ستستمر.")
    assert "مؤكدة" not in by_cue(doc)


def test_accusation_is_a_claim():
    doc = analyze("واتهمت الحكومة المصرية المتمردين بخرق الهدنة في المدينة.")
    claim = by_cue(doc)["اتهمت"]
    assert claim.stance == "assert" and speaker(doc, claim) is not None


def test_an_accused_party_alone_before_the_charge_is_not_the_speaker():
    doc = analyze("وقالت وزارة الخارجية الفرنسية إن الوضع خطير. واتهمت حماس بالتصعيد في المنطقة.")
    claim = by_cue(doc)["اتهمت"]
    assert speaker(doc, claim) is not None and "الخارجية" in speaker(doc, claim).name_ar


def test_half_is_not_a_cue():
    doc = analyze("وقال الجيش إن نصف السكان غادروا المدينة.")
    assert [c.cue.text for c in doc.claims] == ["قال"]


def test_describing_as_is_a_claim():
    doc = analyze("ووصفت وزارة الخارجية التركية الهجوم بأنه عمل إرهابي.")
    claim = by_cue(doc)["وصفت"]
    assert claim.stance == "assert" and claim.content.text.startswith("بأنه")


def test_a_content_that_negates_its_predicate_is_a_denial():
    doc = analyze("وأكد الجيش السوداني أن قواته لم تقصف أي حي سكني. "
                  "وأكد الوزير عدم وجود أي أدلة على ذلك.")
    assert [c.stance for c in doc.claims] == ["deny", "deny"]


def test_judgements_intentions_and_exceptions_are_assertions():
    doc = analyze("وقال الوزير إن هذه الأنباء ليست سوى دعاية. وقالت الحكومة إنها لن تشارك في المؤتمر. "
                  "وقال القائد إنه لا يمكن الوثوق بالوسطاء. وقال النائب إن الأمر لم يعد سرا.")
    assert [c.stance for c in doc.claims] == ["assert", "assert", "assert", "assert"]


def test_a_content_conditional_on_its_own_truth_is_speculation():
    doc = analyze("وقالت الوزارة إن الهجوم جريمة حرب إذا تأكدت المعلومات. "
                  "وقال القائد إن قواته سترد بقوة إذا تعرضت لهجوم.")
    assert [c.stance for c in doc.claims] == ["speculate", "assert"]


def test_cues_inside_a_direct_quotation_are_the_speakers_words():
    doc = analyze("وقال الرئيس الفرنسي: «نحن نتوقع نهاية الحرب قريبا، ونؤكد دعمنا للحل».")
    assert [c.cue.text for c in doc.claims] == ["قال"]


def test_in_reference_to_is_not_a_claim():
    doc = analyze("وقال الجيش إن العملية ستستمر، في إشارة إلى الهجوم على المدينة.")
    assert [c.cue.text for c in doc.claims] == ["قال"]


def test_a_negation_covers_only_its_own_clause_and_adam_before_a_noun_is_a_noun():
    doc = analyze("وقال الحزب إن الشرطة لم تحترم الاتفاق واعتقلت عشرة طلاب. "
                  "وأكد المجلس أن عدم الاستقرار في الإقليم يضر بالزراعة.")
    assert [c.stance for c in doc.claims] == ["assert", "assert"]


def test_a_source_between_an_adjunct_and_the_clause_vouches_for_what_follows():
    doc = analyze("من جهة أخرى، وبحسب الأمم المتحدة، غرق قارب في النهر. «وفق الأمم المتحدة» غرق قارب آخر.")
    assert [c.content.text for c in doc.claims] == ["غرق قارب في النهر", "غرق قارب آخر"]


def test_in_after_a_cue_is_the_complementizer_not_a_condition():
    doc = analyze("وقال الوزير إن ثبوت تورط العصابة في السرقة دفعه إلى الاستقالة.")
    assert [c.stance for c in doc.claims] == ["assert"]


def test_a_participle_after_an_opening_adjunct_or_inside_a_content():
    doc = analyze("في سوريا، دانت فرنسا الهجوم، معتبرة أنه جريمة. "
                  "وقال المتحدث باسم البلدية إن الجسر انهار، مشيرا إلى أن الأمطار كانت غزيرة.")
    claims = by_cue(doc)
    assert speaker(doc, claims["معتبرة"]).name_en == "France"
    assert "مشيرا" not in claims
