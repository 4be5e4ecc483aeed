"""The dates and numbers stages in a pipeline: spans that slice the original text exactly,
repeated paragraphs, the publication date, and the project's example articles."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.document import Document
from rasid.pipeline import Pipeline, Stage
from rasid.text import lang, normalize, segment
from rasid.timex import dates, find_dates, find_numbers, numbers

PIPELINE = Pipeline(Stage.from_module(m) for m in (lang, normalize, segment, dates, numbers))
PUBLISHED = "2021-10-27"


def analyze(text: str, published: str | None = PUBLISHED) -> Document:
    return PIPELINE(Document(text=text, published=published))


def values(doc: Document) -> list[tuple[str, str, object]]:
    return [(m.text, m.type, m.value) for m in doc.mentions]


def test_spans_slice_the_original_through_marks_tatweel_digits_and_no_break_spaces():
    text = ("قُتِلَ ١٢ قَتِيلًا أَمْسِ، وسُحِبَ ٥ آلافِ جُنْدِيٍّ في الأسبـــوع الماضي، "
            "و9\u00a0جنود في ١٥ مارس ٢٠٢٤ بكلفة ٢٫٥ مليون دولار")
    doc = analyze(text)
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)
    assert values(doc) == [
        ("أَمْسِ", "DATE", "2021-10-26"), ("الأسبـــوع الماضي", "DATE", "2021-W42"),
        ("١٥ مارس ٢٠٢٤", "DATE", "2024-03-15"), ("١٢ قَتِيلًا", "QUANTITY", 12),
        ("٥ آلافِ جُنْدِيٍّ", "QUANTITY", 5000), ("9\u00a0جنود", "QUANTITY", 9),
        ("٢٫٥ مليون دولار", "MONEY", 2500000)]


def test_a_repeated_paragraph_is_read_once():
    caption = "جنود ماليون خلال دورية قرب الحدود الخميس الماضي بعد سحب 300 جندي"
    doc = analyze(f"عنوان الخبر\n\n{caption}\n{caption}\n\nوقال المتحدث إن القرار نهائي.")
    assert doc.paragraphs[2].duplicate_of == 1
    assert values(doc) == [("الخميس الماضي", "DATE", "2021-10-21"), ("300 جندي", "QUANTITY", 300)]


def test_a_number_in_a_date_is_no_quantity():
    doc = analyze("أرسلت فرنسا 2500 جندي عام 2013 لمدة 48 ساعة")
    assert values(doc) == [("2013", "DATE", "2013"), ("48 ساعة", "DATE", "PT48H"),
                           ("2500 جندي", "QUANTITY", 2500)]


def test_without_a_publication_date_relative_dates_have_no_value():
    doc = analyze("اتفقا أمس على هدنة تبدأ الأسبوع المقبل، بعد اتفاق 15 مارس 2024", published=None)
    assert [(m.text, m.value, m.precision) for m in doc.mentions] == [
        ("أمس", None, None), ("الأسبوع المقبل", None, None), ("15 مارس 2024", "2024-03-15", "day")]


def test_variant_spellings_of_names_fold_to_one_rule():
    published = date(2021, 10, 27)
    for text in ("فى يونيه الماضى", "في يونيو الماضي", "في يونية الماضية"):
        assert [e.value for e in find_dates(text, published)] == ["2021-06"], text
    for name in ("إبريل", "ابريل", "أبريل", "أفريل"):
        assert [e.value for e in find_dates(f"في {name} 2020", published)] == ["2020-04"], name
    assert [e.value for e in find_dates("في جانفى 2020 و فيفرى 2020", published)] == ["2020-01", "2020-02"]
    assert [e.value for e in find_dates("الاحد والأحد", published)] == ["2021-10-24", "2021-10-24"]


def test_example_articles(examples_dir: Path):
    expected = {
        "libya_ceasefire.txt": [("أمس الثلاثاء", "DATE", "2021-10-26"),
                                ("الأسبوع الماضي", "DATE", "2021-W42"), ("72 ساعة", "DATE", "PT72H"),
                                ("15 مارس 2024", "DATE", "2024-03-15"),
                                ("مساء أمس", "DATE", "2021-10-26"), ("2019", "DATE", "2019"),
                                ("7 أشخاص", "QUANTITY", 7), ("مئات الأشخاص", "QUANTITY", None)],
        "sahel_talks.txt": [("الخميس", "DATE", "2021-10-21"), ("الشهر الماضي", "DATE", "2021-09"),
                            ("الأسبوع المقبل", "DATE", "2021-W44"), ("العام الماضي", "DATE", "2020"),
                            ("ثلاثة أعوام", "DATE", "P3Y"), ("٣٠٠ جندي", "QUANTITY", 300),
                            ("9\u00a0جنود", "QUANTITY", 9), ("عشرات الأسرى", "QUANTITY", None)],
        "sudan_aid.txt": [("يونيو الماضي", "DATE", "2021-06"), ("شهر", "DATE", "P1M"),
                          ("أسابيع", "DATE", "PXW"), ("نحو 600 طن", "QUANTITY", 600),
                          ("2.5 مليون دولار", "MONEY", 2500000), ("40 شاحنة", "QUANTITY", 40)],
        "yemen_strike.txt": [("أبريل/نيسان الماضي", "DATE", "2021-04"), ("العام الماضي", "DATE", "2020"),
                             ("١٢ قتيلا", "QUANTITY", 12), ("٣٠ آخرون", "QUANTITY", 30),
                             ("خمس حالات", "QUANTITY", 5)],
    }
    for name, wanted in expected.items():
        doc = analyze((examples_dir / name).read_text(encoding="utf-8"))
        assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
        found = values(doc)
        assert [w for w in wanted if w not in found] == [], name


# -- any text: every span lies inside it, is not empty, and slices to its text

_FRAGMENTS = ["أمس", "الخميس", "الماضي", "عام", "2013", "٥", "آلاف", "جندي", "مارس", "15", "نحو", "عشر",
              "سنوات", "في المئة", "%", "٪", "مليون", "دولار", "الساعة", "10:30", "27/10/2021", "قبل",
              "أسبوعين", "منذ", "رمضان", "1442", "هـ", "الأسبوع", "تسعينيات", "القرن", "و", "ال", "مساء",
              "أبريل/نيسان", "٢٫٥", "١٬٠٠٠", "«", "»", "(", ")", "،", "-", "/", ".", "ـ", "\u064b",
              "\u0651", "\u200f", "\u00a0", "\n", "ونصف", "الموافق", "أول"]
_CHARACTERS = "ابتجدرسعفقلمنهويىةءأإآئ0123456789٠٣٥٩ \u00a0\u064e\u0651\u0640\u200f.,،%/-:()\"«»\n"
_PARTS = st.one_of(st.sampled_from(_FRAGMENTS), st.text(alphabet=_CHARACTERS, max_size=6))
_GAPS = st.sampled_from([" ", "", "\u00a0", "، "])
_TEXTS = st.lists(st.tuples(_PARTS, _GAPS), max_size=14).map(lambda pairs: "".join(p + g for p, g in pairs))


def _assert_well_formed(text: str, spans: list[tuple[int, int, str]]) -> None:
    for start, end, span_text in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == span_text
        assert not span_text[0].isspace() and not span_text[-1].isspace()


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_every_span_is_inside_the_text_and_slices_to_its_text(text):
    _assert_well_formed(text, [(e.start, e.end, e.text) for e in find_dates(text, date(2021, 10, 27))])
    _assert_well_formed(text, [(e.start, e.end, e.text) for e in find_numbers(text)])
    doc = analyze(text)
    _assert_well_formed(text, [(m.start, m.end, m.text) for m in doc.mentions])
    times = [m for m in doc.mentions if m.type in ("DATE", "TIME")]
    for m in doc.mentions:
        if m.type not in ("DATE", "TIME"):
            assert all(m.end <= t.start or t.end <= m.start for t in times)
