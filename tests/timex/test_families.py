"""Every family of time expression the issue lists, as one table against fixed publication dates."""

import datetime as dt

import pytest

from rasid.timex import find_dates

WEDNESDAY = dt.date(2021, 10, 27)
FRIDAY = dt.date(2024, 3, 1)

TABLE = [
    # (published, sentence, expression, value, precision)
    (WEDNESDAY, "نفت الحكومة الخميس ذلك", "الخميس", "2021-10-21", "day"),
    (FRIDAY, "نفت الحكومة الخميس ذلك", "الخميس", "2024-02-29", "day"),
    (WEDNESDAY, "عقد الاجتماع أمس", "أمس", "2021-10-26", "day"),
    (WEDNESDAY, "يعقد الاجتماع اليوم", "اليوم", "2021-10-27", "day"),
    (WEDNESDAY, "يعقد الاجتماع غدا", "غدا", "2021-10-28", "day"),
    (WEDNESDAY, "أعلنت الحكومة الأسبوع الماضي", "الأسبوع الماضي", "2021-W42", "week"),
    (FRIDAY, "أعلنت الحكومة الأسبوع الماضي", "الأسبوع الماضي", "2024-W08", "week"),
    (WEDNESDAY, "تراجع القتال الشهر الماضي", "الشهر الماضي", "2021-09", "month"),
    (FRIDAY, "تراجع القتال الشهر الماضي", "الشهر الماضي", "2024-02", "month"),
    (WEDNESDAY, "برزت الفكرة العام الماضي", "العام الماضي", "2020", "year"),
    (WEDNESDAY, "قال الرئيس في يونيو الماضي", "يونيو الماضي", "2021-06", "month"),
    (FRIDAY, "قال الرئيس في يونيو الماضي", "يونيو الماضي", "2023-06", "month"),
    (WEDNESDAY, "وصل الوفد مطلع الشهر الجاري", "مطلع الشهر الجاري", "2021-10", "month"),
    (WEDNESDAY, "وقع الهجوم قبل أسبوعين", "قبل أسبوعين", "2021-W41", "week"),
    (WEDNESDAY, "بدأ الحصار منذ 3 أيام", "منذ 3 أيام", "2021-10-24", "day"),
    (WEDNESDAY, "ستنسحب القوات خلال 48 ساعة", "48 ساعة", "PT48H", "duration"),
    (WEDNESDAY, "التمرد في تسعينيات القرن الماضي", "تسعينيات القرن الماضي", "199X", "decade"),
    (WEDNESDAY, "بدأت الأزمة منتصف الثمانينيات", "منتصف الثمانينيات", "198X", "decade"),
    (WEDNESDAY, "عقد المؤتمر في أبريل/نيسان 2017", "أبريل/نيسان 2017", "2017-04", "month"),
    (WEDNESDAY, "وقعت الهدنة في كانون الثاني 2020", "كانون الثاني 2020", "2020-01", "month"),
    (WEDNESDAY, "وقعت الهدنة في جانفي 2020", "جانفي 2020", "2020-01", "month"),
    (WEDNESDAY, "وقعت الهدنة في حزيران 2019", "حزيران 2019", "2019-06", "month"),
    (WEDNESDAY, "وقعت الهدنة في جوان 2019", "جوان 2019", "2019-06", "month"),
    (WEDNESDAY, "أعلنت الهدنة في ١٥ رمضان ١٤٤٢", "١٥ رمضان ١٤٤٢", "2021-04-27", "day"),
    (WEDNESDAY, "وقع الاتفاق في 15 مارس 2024", "15 مارس 2024", "2024-03-15", "day"),
    (WEDNESDAY, "تأسس التنظيم عام 2017", "2017", "2017", "year"),
]


@pytest.mark.parametrize(("published", "sentence", "expression", "value", "precision"), TABLE)
def test_expression_resolves(published, sentence, expression, value, precision):
    found = {(d.text, d.value, d.precision) for d in find_dates(sentence, published)}
    assert (expression, value, precision) in found


@pytest.mark.parametrize(("published", "sentence", "expression", "value", "precision"), TABLE[:14])
def test_without_a_publication_date_relative_expressions_stay_unresolved(published, sentence, expression,
                                                                        value, precision):
    found = {d.text: d.value for d in find_dates(sentence, None)}
    assert found.get(expression) is None
