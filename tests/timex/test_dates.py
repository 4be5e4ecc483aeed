"""Date, time and duration rules of rasid.timex.dates, one test per family of rules.

The publication date is Wednesday 27 October 2021, as in the project's reference article.
"""

from datetime import date

import pytest

from rasid.timex.dates import find_dates

PUBLISHED = date(2021, 10, 27)  # a Wednesday, in ISO week 43


def found(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e.value, e.precision) for e in find_dates(text, published)]


def only(text: str, published: date | None = PUBLISHED) -> tuple[str, str | None, str | None]:
    expressions = found(text, published)
    assert len(expressions) == 1, expressions
    return expressions[0]


def test_absolute_day_month_and_year():
    assert found("انهار اتفاق وُقّع في 15 مارس 2024 بعد أقل من شهر") == [
        ("15 مارس 2024", "2024-03-15", "day"), ("أقل من شهر", "P1M", "duration")]
    assert only("جرت الانتخابات في مارس 2024 دون تأخير") == ("مارس 2024", "2024-03", "month")
    assert only("صدر القرار في 15 من يونيو عام 2020") == ("15 من يونيو عام 2020", "2020-06-15", "day")
    assert only("في السابع من أبريل 2019 بدأ الهجوم") == ("السابع من أبريل 2019", "2019-04-07", "day")


def test_year_word_is_a_cue_outside_the_mention():
    assert only("تأسست الجماعة عام 2013 في الشمال") == ("2013", "2013", "year")
    assert only("وفي 2017 أعلن الجيش الانسحاب") == ("2017", "2017", "year")
    assert only("تراجع العنف منذ مطلع عام 2020") == ("مطلع عام 2020", "2020", "year")


def test_numeric_dates():
    assert only("بتاريخ 27/10/2021 أعلنت الوزارة") == ("27/10/2021", "2021-10-27", "day")
    assert only("نُشر البيان 2021-10-27 على الموقع") == ("2021-10-27", "2021-10-27", "day")
    assert only("بتاريخ ٢٧/١٠/٢٠٢١ أعلنت الوزارة") == ("٢٧/١٠/٢٠٢١", "2021-10-27", "day")


def test_double_month_names():
    assert only("قُتل في أبريل/نيسان 2017 ثلاثة جنود") == ("أبريل/نيسان 2017", "2017-04", "month")
    assert only("وقع الهجوم في آب (أغسطس) 2020 قرب الحدود") == ("آب (أغسطس) 2020", "2020-08", "month")
    assert only("طالب في أبريل/نيسان الماضي بفتح الطرق") == ("أبريل/نيسان الماضي", "2021-04", "month")


@pytest.mark.parametrize(("name", "month"), [
    ("يناير", 1), ("كانون الثاني", 1), ("جانفي", 1), ("فبراير", 2), ("شباط", 2), ("فيفري", 2),
    ("مارس", 3), ("آذار", 3), ("أبريل", 4), ("إبريل", 4), ("ابريل", 4), ("نيسان", 4), ("أفريل", 4),
    ("مايو", 5), ("أيار", 5), ("ماي", 5), ("يونيو", 6), ("يونية", 6), ("حزيران", 6), ("جوان", 6),
    ("يوليو", 7), ("يوليه", 7), ("تموز", 7), ("جويلية", 7), ("أغسطس", 8), ("اغسطس", 8), ("آب", 8),
    ("أوت", 8), ("سبتمبر", 9), ("أيلول", 9), ("أكتوبر", 10), ("تشرين الأول", 10),
    ("نوفمبر", 11), ("تشرين الثاني", 11), ("ديسمبر", 12), ("كانون الأول", 12), ("كانون الاول", 12),
])
def test_month_names_of_every_calendar(name, month):
    assert only(f"عقد الاجتماع في {name} 2020 بالعاصمة") == (f"{name} 2020", f"2020-{month:02d}", "month")


def test_bare_four_digit_numbers_are_years_only_in_a_date_context():
    assert only("تمكنت الحركة الوطنية لتحرير «أزواد 2012»- وهي حركة") == ("2012", "2012", "year")
    assert only("وقعت الأحداث، 2012، في الشمال") == ("2012", "2012", "year")
    assert found("بين عامي 2012 و2013 تصاعد القتال") == [("2012", "2012", "year"), ("2013", "2013", "year")]
    assert found("أرسلت فرنسا 2500 جندي إلى المنطقة") == []
    assert found("بلغ عدد الجنود 2012 جنديا") == []


def test_hijri_dates():
    assert only("في ١٥ رمضان ١٤٤٢ أعلنت الهدنة") == ("١٥ رمضان ١٤٤٢", "2021-04-27", "day")
    assert only("في 15 رمضان 1442 هـ أعلنت الهدنة") == ("15 رمضان 1442 هـ", "2021-04-27", "day")
    assert only("خلال شهر رمضان الماضي") == ("شهر رمضان الماضي", "2021-04-13/2021-05-12", "range")
    assert only("تأسست عام 1442 هـ") == ("1442 هـ", "2020-08-20/2021-08-08", "range")
    assert found("استقبل رجب طيب أردوغان الوفد") == []


def test_relative_days():
    assert only("توصل الطرفان إلى اتفاق أمس") == ("أمس", "2021-10-26", "day")
    assert only("توصل الطرفان إلى اتفاق امس") == ("امس", "2021-10-26", "day")
    assert only("وبالأمس توصل الطرفان إلى اتفاق") == ("الأمس", "2021-10-26", "day")
    assert only("يجتمع المجلس اليوم في طرابلس") == ("اليوم", "2021-10-27", "day")
    assert only("يجتمع المجلس غدًا في طرابلس") == ("غدًا", "2021-10-28", "day")
    assert only("وصل الوفد أول أمس إلى باماكو") == ("أول أمس", "2021-10-25", "day")
    assert only("توصلتا إلى اتفاق أمس الثلاثاء بوساطة أممية") == ("أمس الثلاثاء", "2021-10-26", "day")
    assert found("وفي اليوم التالي غادر الوفد") == []
    assert found("البلاد بأمس الحاجة إلى المساعدات") == []


def test_weekdays():
    assert only("نفت الحكومة الخميس تكليف أي جهة") == ("الخميس", "2021-10-21", "day")
    assert only("نفت الحكومة يوم الخميس تكليف أي جهة") == ("يوم الخميس", "2021-10-21", "day")
    assert only("وصل الوفد الخميس الماضي") == ("الخميس الماضي", "2021-10-21", "day")
    assert only("يصل الوفد الخميس المقبل") == ("الخميس المقبل", "2021-10-28", "day")
    assert only("أعلن الجيش الأربعاء سحب قواته") == ("الأربعاء", "2021-10-27", "day")
    assert only("أعلن الجيش الأربعاء الماضي سحب قواته") == ("الأربعاء الماضي", "2021-10-20", "day")
    assert only("أعلن الجيش الجمعة 22 أكتوبر 2021 سحب قواته") == (
        "الجمعة 22 أكتوبر 2021", "2021-10-22", "day")


def test_relative_weeks_months_and_years():
    assert only("أعلنت الحكومة، الأسبوع الماضي، أنها طلبت") == ("الأسبوع الماضي", "2021-W42", "week")
    assert only("تبدأ المحادثات هذا الأسبوع") == ("هذا الأسبوع", "2021-W43", "week")
    assert only("ينسحب الجيش خلال الأسبوع المقبل") == ("الأسبوع المقبل", "2021-W44", "week")
    assert only("انهارت هدنة محلية الشهر الماضي") == ("الشهر الماضي", "2021-09", "month")
    assert only("عاد النازحون مطلع الشهر الجاري") == ("مطلع الشهر الجاري", "2021-10", "month")
    assert only("أفرجت الجماعة العام الماضي عن أسرى") == ("العام الماضي", "2020", "year")
    assert only("أفرجت الجماعة السنة الماضية عن أسرى") == ("السنة الماضية", "2020", "year")
    assert only("تجرى الانتخابات العام المقبل") == ("العام المقبل", "2022", "year")


def test_relative_and_bare_month_names():
    assert only("قال الرئيس في يونيو الماضي إن القوات") == ("يونيو الماضي", "2021-06", "month")
    assert only("قال الرئيس في يونيو الماضي", date(2021, 6, 15)) == ("يونيو الماضي", "2020-06", "month")
    assert only("تجرى الانتخابات في يونيو المقبل") == ("يونيو المقبل", "2022-06", "month")
    assert only("وقع الهجوم في مارس من العام الماضي") == ("مارس من العام الماضي", "2020-03", "month")
    assert only("وقع الهجوم في 15 يونيو الماضي") == ("15 يونيو الماضي", "2021-06-15", "day")
    # A month alone is the latest such month at most two months after publication.
    assert only("تجرى الانتخابات في ديسمبر") == ("ديسمبر", "2021-12", "month")
    assert only("وقع الهجوم في يناير") == ("يناير", "2021-01", "month")
    assert only("وقع الهجوم في ديسمبر", date(2022, 1, 10)) == ("ديسمبر", "2021-12", "month")
    # مارس is also a verb: alone it is no date.
    assert found("مارس الجيش ضغوطا على الجماعة") == []


def test_ago_and_since():
    assert only("وصل الوفد قبل أسبوعين") == ("قبل أسبوعين", "2021-W41", "week")
    assert only("وصل الوفد منذ 3 أيام") == ("منذ 3 أيام", "2021-10-24", "day")
    assert only("انسحبت القوات قبل عامين") == ("قبل عامين", "2019", "year")
    assert only("انسحبت القوات قبل 3 أيام من الانتخابات") == ("3 أيام", "P3D", "duration")
    assert only("تشهد المنطقة اشتباكات منذ ثلاثة أعوام") == ("ثلاثة أعوام", "P3Y", "duration")


def test_decades_and_centuries():
    assert only("أعلنوا التمرد في تسعينيات القرن الماضي") == ("تسعينيات القرن الماضي", "199X", "decade")
    assert only("بدأ الصراع منتصف الثمانينيات") == ("منتصف الثمانينيات", "198X", "decade")
    assert only("شهد القرن الماضي حروبا كثيرة") == ("القرن الماضي", "19XX", "century")
    assert only("في مطلع القرن العشرين") == ("مطلع القرن العشرين", "19XX", "century")


def test_parts_of_day_join_the_day_and_clock_times_are_times():
    assert only("تظاهر مئات الأشخاص مساء أمس في الميدان") == ("مساء أمس", "2021-10-26", "day")
    assert only("سقطت القذائف صباح الخميس على السوق") == ("صباح الخميس", "2021-10-21", "day")
    text = "بدأ القصف الساعة 10 صباحا وتوقف الساعة العاشرة مساء، ثم عند 10:30"
    times = [(e.text, e.type, e.value, e.precision) for e in find_dates(text, PUBLISHED)]
    assert times == [("الساعة 10 صباحا", "TIME", "T10:00", "time"),
                     ("الساعة العاشرة مساء", "TIME", "T22:00", "time"),
                     ("10:30", "TIME", "T10:30", "time")]


def test_durations():
    assert only("صراع مستمر منذ نحو عشر سنوات") == ("نحو عشر سنوات", "P10Y", "duration")
    assert only("بعد تدخل عسكري امتد لسبع سنوات") == ("سبع سنوات", "P7Y", "duration")
    assert only("سحب الآليات خلال 48 ساعة") == ("48 ساعة", "PT48H", "duration")
    assert only("تكفي لإطعام الأسر لمدة شهر") == ("شهر", "P1M", "duration")
    assert only("استمرت المعارك يومين") == ("يومين", "P2D", "duration")
    assert only("نفدت الأدوية منذ أسابيع") == ("أسابيع", "PXW", "duration")
    assert only("استمر الاجتماع ساعتين ونصف") == ("ساعتين ونصف", "PT2.5H", "duration")


def test_without_a_publication_date_relative_expressions_have_no_value():
    assert found("اتفقا أمس على هدنة الأسبوع الماضي بعد عشر سنوات من القتال عام 2013", None) == [
        ("أمس", None, None), ("الأسبوع الماضي", None, None), ("عشر سنوات", "P10Y", "duration"),
        ("2013", "2013", "year")]
    assert only("في تسعينيات القرن الماضي", None) == ("تسعينيات القرن الماضي", None, None)
    assert only("في 15 مارس 2024", None) == ("15 مارس 2024", "2024-03-15", "day")


def test_cases_seen_in_news():
    # an ordinal day, and a double month name without a mark between the names
    assert only("منذ الحادي عشر من سبتمبر أيلول 2001") == (
        "الحادي عشر من سبتمبر أيلول 2001", "2001-09-11", "day")
    # a clock time with a dot after الساعة or before بتوقيت
    times = [(e.text, e.value) for e in find_dates("أقلعت الساعة 21.00 (19.00 بتوقيت غرينتش)", PUBLISHED)]
    assert times == [("الساعة 21.00", "T21:00"), ("19.00", "T19:00")]
    # a score is no clock time; مساء there belongs to the weekday
    assert only("فاز الفريق بنتيجة 2-1 مساء السبت") == ("مساء السبت", "2021-10-23", "day")
    assert only("وقع الانفجار بعد يوم واحد من الاجتماع") == ("يوم واحد", "P1D", "duration")
    assert only("في 12 تموز/يوليو المقبل") == ("12 تموز/يوليو المقبل", "2022-07-12", "day")
    assert found("عند ارتفاع 2500 م فوق سطح البحر") == []
