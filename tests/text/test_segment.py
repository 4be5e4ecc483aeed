from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.document import Document
from rasid.text import normalize as normalize_stage
from rasid.text import segment
from rasid.text.segment import mark_repeats, paragraphs, sentences, tokens


def analyze(text: str) -> Document:
    return segment.run(normalize_stage.run(Document(text=text)))


def sentence_texts(text: str) -> list[str]:
    doc = analyze(text)
    return [text[s.start:s.end] for s in doc.sentences]


def test_paragraphs_are_non_blank_lines_without_surrounding_space():
    text = "  العنوان الأول \n\n\t\u00a0\nالفقرة الثانية\u200f  \n"
    spans = [text[p.start:p.end] for p in paragraphs(text)]
    assert spans == ["العنوان الأول", "الفقرة الثانية"]


def test_sentences_end_at_terminators_and_line_breaks():
    text = "وصل الوفد إلى المدينة. هل انتهت المحادثات؟ نعم! بدأ الاجتماع؛ ثم انتهى\nعاد الوزير"
    assert sentence_texts(text) == [
        "وصل الوفد إلى المدينة.", "هل انتهت المحادثات؟", "نعم!", "بدأ الاجتماع؛", "ثم انتهى",
        "عاد الوزير"]


def test_runs_of_terminators_end_once():
    text = "انتهى الأمر... وعاد الوفد؟! ثم غادر.. وبقي الجنود"
    assert sentence_texts(text) == ["انتهى الأمر...", "وعاد الوفد؟!", "ثم غادر..", "وبقي الجنود"]


def test_no_break_inside_quotes_and_closing_quote_stays_with_its_sentence():
    text = "قال الوزير: «لن نتفاوض. ولن نقبل بالشروط». ثم غادر القاعة. وقال: «انتهى الأمر.» وصمت."
    assert sentence_texts(text) == [
        "قال الوزير: «لن نتفاوض. ولن نقبل بالشروط».", "ثم غادر القاعة.", "وقال: «انتهى الأمر.»",
        "وصمت."]


def test_straight_and_curly_quotes():
    text = 'قال "لن نتفاوض. أبدا". وقالت “انتهى الأمر. هنا” ثم سكتت.'
    assert sentence_texts(text) == ['قال "لن نتفاوض. أبدا".', "وقالت “انتهى الأمر. هنا” ثم سكتت."]


def test_unclosed_quote_is_closed_at_the_paragraph_end():
    text = "عنوان الخبر\nقال المتحدث «لن نتفاوض. ولن نقبل\nوغادر الوفد. ثم عاد إلى العاصمة."
    assert sentence_texts(text) == [
        "عنوان الخبر", "قال المتحدث «لن نتفاوض. ولن نقبل", "وغادر الوفد.", "ثم عاد إلى العاصمة."]


def test_no_break_inside_numbers():
    text = "بلغ النمو 5.3 بالمئة. وارتفع المؤشر ٥٫٣ نقطة. وبلغ الدعم 1,000 دولار."
    assert sentence_texts(text) == [
        "بلغ النمو 5.3 بالمئة.", "وارتفع المؤشر ٥٫٣ نقطة.", "وبلغ الدعم 1,000 دولار."]


def test_no_break_after_abbreviations():
    text = ("التقى د. خالد بالمهندس م. سامي عام 300 ق.م. في القصر. "
            "وقال مسؤول في U.S. Army إن Dr. Smith وصل. ثم انتهى اللقاء.")
    assert sentence_texts(text) == [
        "التقى د. خالد بالمهندس م. سامي عام 300 ق.م. في القصر.",
        "وقال مسؤول في U.S. Army إن Dr. Smith وصل.", "ثم انتهى اللقاء."]


def test_dotted_acronyms_and_trailing_marks_do_not_make_sentences():
    text = 'نقلت (بي.بي.سي) عن (إف.بي.آي) الخبر. وسأل: "هل انتهى؟". ثم قال إنه عاد عام 2008. . وانتهى'
    assert sentence_texts(text) == [
        "نقلت (بي.بي.سي) عن (إف.بي.آي) الخبر.", 'وسأل: "هل انتهى؟".', "ثم قال إنه عاد عام 2008. .",
        "وانتهى"]


def test_sentence_spans_exclude_surrounding_whitespace_and_controls():
    text = "  \u200fجملة أولى.   جملة ثانية.\u200f  "
    assert sentence_texts(text) == ["جملة أولى.", "جملة ثانية."]


def test_unfinished_paragraph_continued_by_a_subordinate_clause_is_one_sentence():
    text = ("محادثات السلام بين التفاؤل والحذر\n\n"
            "أعلنت الحكومة استئناف الحوار ورغم تحفظ المعارضة يعتقد عدد من الخبراء\n\n"
            "أن هذه الجولة قد تكون الأخيرة قبل الاتفاق.\n\n"
            "وأضاف المتحدث أن الوفد سيصل غدا.")
    doc = analyze(text)
    texts = [text[s.start:s.end] for s in doc.sentences]
    assert texts[1] == ("أعلنت الحكومة استئناف الحوار ورغم تحفظ المعارضة يعتقد عدد من الخبراء\n\n"
                        "أن هذه الجولة قد تكون الأخيرة قبل الاتفاق.")
    assert doc.sentences[1].joined and doc.sentences[1].paragraph == 1
    assert len(doc.sentences) == 3 and not doc.sentences[2].joined
    assert doc.sentences[2].paragraph == 3


def test_paragraph_opening_with_wa_after_an_unpunctuated_one_is_a_new_sentence():
    text = ("عنوان الخبر\n"
            "أعلنت الوزارة خطة جديدة للحوار فى وقت حرج فى العلاقات مع الجيران\n"
            "ورغم إعلان الحكومة دعمها للخطة رفض البرلمان التصويت عليها.")
    assert sentence_texts(text) == [
        "عنوان الخبر", "أعلنت الوزارة خطة جديدة للحوار فى وقت حرج فى العلاقات مع الجيران",
        "ورغم إعلان الحكومة دعمها للخطة رفض البرلمان التصويت عليها."]


def test_paragraph_ending_in_a_dangling_word_is_continued_by_a_coordinated_one():
    text = ("عنوان الخبر\n"
            "وأكد المسؤول أن الحوار سيستمر مع\n"
            "وفد المعارضة في الأسبوع المقبل.")
    doc = analyze(text)
    assert [text[s.start:s.end] for s in doc.sentences][1] == (
        "وأكد المسؤول أن الحوار سيستمر مع\nوفد المعارضة في الأسبوع المقبل.")
    assert doc.sentences[1].joined


def test_in_after_an_ordinary_word_starts_afresh_but_continues_a_reporting_verb():
    text = ("عنوان الخبر\n"
            "تشمل المحادثات الدول المجاورة إلى جانب الصين والولايات المتحدة\n"
            "إن منطق الحوار يفرض جدولا زمنيا واضحا.\n"
            "وفي ختام الاجتماع قال\n"
            "إن الطرفين اتفقا على اللقاء مجددا.")
    doc = analyze(text)
    assert [s.joined for s in doc.sentences] == [False, False, False, True]


def test_colon_ended_and_kaana_paragraphs_are_not_joined():
    text = ("عنوان الخبر\n"
            "وتشمل الخطة المحاور التالية في:\n"
            "وتعزيز التعاون الأمني بين البلدين.\n"
            "نبذة عن الأمين العام السابق للأمم المتحدة\n"
            "كان الأمين العام دبلوماسيا من غانا.")
    assert not any(s.joined for s in analyze(text).sentences)


def test_title_and_repeated_paragraphs_are_never_joined():
    text = ("عنوان بلا نقطة في آخره\n"
            "أن الخبر يبدأ هنا.\n"
            "صورة لجنود يقومون بدورية في شوارع المدينة القديمة\n"
            "صورة لجنود يقومون بدورية في شوارع المدينة القديمة\n"
            "الذي لا يبدو منطقيا هنا.")
    doc = analyze(text)
    assert not any(s.joined for s in doc.sentences)
    assert len(doc.sentences) == 5


def test_repeated_caption_is_flagged_and_short_lines_are_not():
    text = ("عنوان الخبر\n"
            "بقلم فلان\n"
            "جنود من قوات حفظ السلام يقومون بدورية فى شوارع المدينة\n"
            "جُنُود من قوات حفظ السلام يقومون بدورية في شوارع المدينة\n"
            "بقلم فلان\n"
            "وأعلنت الأمم المتحدة أن البعثة ستبقى في المنطقة حتى نهاية العام المقبل على الأقل كما "
            "أكد المتحدث باسمها في مؤتمر صحفي عقده أمس في مقر المنظمة\n"
            "وأعلنت الأمم المتحدة رسميا أن البعثة ستبقى في المنطقة حتى نهاية العام المقبل على الأقل "
            "كما أكد المتحدث باسمها في مؤتمر صحفي عقده أمس في مقر المنظمة\n")
    paras = paragraphs(text)
    mark_repeats(text, paras)
    assert [p.duplicate_of for p in paras] == [None, None, None, 2, None, None, 5]


def test_tokens_slice_the_text_exactly():
    text = "قال رئيسها إن «القاعدة»، و#الحرب_الأهلية بلغت ٥٫٣ و5.3 و1,000 في 2021-10-27 (COVID-19)."
    doc = analyze(text)
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert [t.text for t in doc.tokens] == [
        "قال", "رئيسها", "إن", "«", "القاعدة", "»", "،", "و", "#", "الحرب", "_", "الأهلية", "بلغت",
        "٥٫٣", "و", "5.3", "و", "1,000", "في", "2021", "-", "10", "-", "27", "(", "COVID", "-", "19",
        ")", "."]


def test_tokens_keep_diacritics_and_clitics():
    text = "وَبِالْمَدِينَةِ قال رئيسها إن الوزير وصل"
    doc = analyze(text)
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["وَبِالْمَدِينَةِ"].prefix == "وَبِالْ"
    assert by_text["وَبِالْمَدِينَةِ"].stem == "مَدِينَةِ"
    assert by_text["رئيسها"].suffix == "ها" and by_text["رئيسها"].stem == "رئيس"
    assert by_text["الوزير"].prefix == "ال"
    assert by_text["وصل"].prefix == "" and by_text["وصل"].suffix == ""


def test_tokens_never_cross_sentences():
    text = "انتهى.بدأ الاجتماع"
    doc = analyze(text)
    assert [text[s.start:s.end] for s in doc.sentences] == ["انتهى.", "بدأ الاجتماع"]
    assert [(t.text, t.sentence) for t in doc.tokens] == [
        ("انتهى", 0), (".", 0), ("بدأ", 1), ("الاجتماع", 1)]


def test_stage_fills_the_document():
    doc = analyze("عنوان\nجملة أولى. جملة ثانية.")
    assert len(doc.paragraphs) == 2 and len(doc.sentences) == 3 and len(doc.tokens) == 7
    assert segment.REQUIRES == ("text", "normalized")
    assert segment.PROVIDES == ("paragraphs", "sentences", "tokens")


def test_functions_work_without_a_normalized_view():
    text = "عنوان\nجملة أولى. جملة ثانية."
    paras = paragraphs(text)
    sents = sentences(text, paras)
    assert [text[s.start:s.end] for s in sents] == ["عنوان", "جملة أولى.", "جملة ثانية."]
    assert [t.sentence for t in tokens(text, sents)] == [0, 1, 1, 1, 2, 2, 2]


ARTICLE_PIECES = [
    *"احمدلسبيةوفأن",                                              # letters
    "\u064e", "\u0651", "\u0640", "\u200f", "\u00a0", "\ufefb",        # marks, controls, a ligature
    *" \n\n.!?;,:،؛؟«»\"“”()٥٫5-#_",                                # spaces and punctuation
    "...", "أن ", "في ", "وقال ", "U.S. ", "د. ",                    # connectives, abbreviations
]
ARTICLE_TEXT = st.lists(st.sampled_from(ARTICLE_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_TEXT)
def test_offsets_always_slice_the_text_in_order(text):
    doc = analyze(text)
    previous_end = 0
    for sentence in doc.sentences:
        piece = text[sentence.start:sentence.end]
        assert previous_end <= sentence.start < sentence.end
        assert piece == piece.strip()
        previous_end = sentence.end
    previous_end = 0
    for token in doc.tokens:
        sentence = doc.sentences[token.sentence]
        assert text[token.start:token.end] == token.text
        assert previous_end <= token.start < token.end
        assert sentence.start <= token.start and token.end <= sentence.end
        assert token.prefix + token.stem + token.suffix == token.text
        previous_end = token.end
    for para in doc.paragraphs:
        assert text[para.start:para.end].strip() == text[para.start:para.end]
