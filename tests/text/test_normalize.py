from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.document import Document
from rasid.text import normalize as normalize_stage
from rasid.text.normalize import fold, normalize


def test_fold_removes_marks_and_unifies_letters():
    assert fold("أَحْمَدُ") == "احمد"
    assert fold("إسلام آمن ٱلله") == "اسلام امن الله"
    assert fold("مصـــر") == "مصر"
    assert fold("فى مالى") == "في مالي"
    assert fold("سُبْحَانَ ٰ") == "سبحان "


def test_fold_options():
    assert fold("مدرسة مسؤول رئيس") == "مدرسة مسؤول رئيس"
    assert fold("مدرسة", ta_marbuta=True) == "مدرسه"
    assert fold("مسؤول رئيس", hamza=True) == "مسوول رييس"


def test_fold_digits_spaces_controls_and_punctuation():
    assert fold("٥٫٣ و١٬٠٠٠ و۱۲") == "5.3 و1,000 و12"
    assert fold("أ\u00a0ب\u2009ج") == "ا ب ج"
    assert fold("\u200fنعم\u200e\u202b\u202c\u2066\u2069\ufeff\u00ad") == "نعم"
    assert fold("لا، نعم؛ لماذا؟") == "لا, نعم; لماذا?"
    assert fold("«هنا» “هناك” „ذا‘’") == "\"هنا\" \"هناك\" \"ذا''"
    assert fold("أ–ب—ج‒د") == "ا-ب-ج-د"


def test_fold_presentation_forms():
    assert fold("\ufefb") == "لا"          # lam-alef ligature
    assert fold("\ufe8d\ufee0\ufee4") == "الم"  # isolated, initial and medial forms
    assert fold("\ufdf2") == "الله"


def test_match_maps_back_with_its_diacritics():
    text = "قال أَحْمَد\u00a0إن الوفد وصل"
    norm = normalize(text)
    start = norm.text.index("احمد")
    begin, end = norm.to_original(start, start + len("احمد"))
    assert text[begin:end] == "أَحْمَد"


def test_deleted_characters_are_kept_inside_and_dropped_at_the_edges():
    text = "\u200fمـصـر\u200f"
    norm = normalize(text)
    assert norm.text == "مصر"
    begin, end = norm.to_original(0, 3)
    assert text[begin:end] == "مـصـر"


def test_ligature_characters_map_to_the_one_original_character():
    text = "قال \ufefb أحد"
    norm = normalize(text)
    start = norm.text.index("لا")
    assert norm.to_original(start, start + 1) == (4, 5)
    assert norm.to_original(start + 1, start + 2) == (4, 5)
    assert norm.to_original(start, start + 2) == (4, 5)


def test_empty_spans_map_to_empty_spans():
    text = "اب\u200bجد"
    norm = normalize(text)
    assert norm.to_original(2, 2) == (3, 3)  # just before ج, after the deleted space
    assert norm.to_original(0, 0) == (0, 0)
    assert norm.to_original(4, 4) == (5, 5)


def test_to_normalized_is_the_forward_map():
    text = "قال أَحْمَد \ufefb"
    norm = normalize(text)
    begin = text.index("أ")
    assert norm.to_normalized(begin, begin + len("أَحْمَد")) == (4, 8)
    assert norm.to_normalized(len(text), len(text)) == (len(norm.text), len(norm.text))


def test_stage_sets_the_normalized_view():
    doc = normalize_stage.run(Document(text="مَرْحَبًا"))
    assert doc.normalized.text == "مرحبا"
    assert normalize_stage.REQUIRES == ("text",) and normalize_stage.PROVIDES == ("normalized",)


MIXED_CHARACTERS = [
    *"احمدلسبيةىأإآؤئ", *"\u064b\u064e\u0650\u0651\u0652\u0670",          # letters, diacritics
    *"\u0640\u200b\u200f\u202b\u202c\ufeff\u00ad\u00a0",                  # tatweel, controls, NBSP
    *"٠١٢٣٫٬۱۲",                                                          # digits, separators
    *"\ufefb\ufef7\ufe8d\ufdf2\ufe70\u2026",                              # presentation forms, …
    *"ab1 .,?\n«»،؟",                                                    # ASCII and punctuation
]
MIXED = st.text(alphabet=st.sampled_from(MIXED_CHARACTERS), max_size=30)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_mapped_spans_slice_the_original_to_the_matched_text(text):
    norm = normalize(text)
    assert norm.text == fold(text)
    size = len(norm.text)
    for start in range(size + 1):
        for end in range(start, size + 1):
            begin, stop = norm.to_original(start, end)
            assert 0 <= begin <= stop <= len(text)
            covered = norm.to_normalized(begin, stop)
            if start == end:  # an empty span: empty, and not after the place it stands for
                assert begin == stop and covered[0] <= start
                continue
            # the original span folds to the matched text, plus at most the rest of a ligature
            assert covered[0] <= start and end <= covered[1]
            assert fold(text[begin:stop]) == norm.text[covered[0]:covered[1]]
            # deleted characters never sit at the edges of a mapped span
            assert fold(text[begin]) and fold(text[stop - 1])


@settings(max_examples=300, deadline=None)
@given(MIXED, st.booleans(), st.booleans())
def test_fold_equals_normalize_text(text, ta_marbuta, hamza):
    assert fold(text, ta_marbuta=ta_marbuta, hamza=hamza) == \
        normalize(text, ta_marbuta=ta_marbuta, hamza=hamza).text


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_every_original_span_folds_to_its_normalized_span(text):
    norm = normalize(text)
    for begin in range(len(text) + 1):
        for stop in range(begin, len(text) + 1):
            start, end = norm.to_normalized(begin, stop)
            assert norm.text[start:end] == fold(text[begin:stop])
