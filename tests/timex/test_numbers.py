"""Quantity, money and percent rules of rasid.timex.numbers, one test per family of rules."""

from rasid.timex.numbers import find_numbers


def found(text: str) -> list[tuple[str, str, int | float | None]]:
    return [(e.text, e.type, e.value) for e in find_numbers(text)]


def test_digits_of_any_script_with_the_counted_noun():
    assert found("ستسحب فرنسا بعثتها المؤلفة من ٥ آلاف جندي") == [("٥ آلاف جندي", "QUANTITY", 5000)]
    assert found("قُتل ١٢ مدنيا وأصيب ٣٠ آخرون") == [
        ("١٢ مدنيا", "QUANTITY", 12), ("٣٠ آخرون", "QUANTITY", 30)]
    assert found("سقط 12 قتيلا في الهجوم") == [("12 قتيلا", "QUANTITY", 12)]
    assert found("قتل 12 في الهجوم") == [("12", "QUANTITY", 12)]
    assert found("وصلت قافلة من 40 شاحنة محملة") == [("40 شاحنة", "QUANTITY", 40)]


def test_decimals_and_thousands_separators():
    assert found("انتشر 1,000 جندي و١٬٠٠٠ شرطي") == [
        ("1,000 جندي", "QUANTITY", 1000), ("١٬٠٠٠ شرطي", "QUANTITY", 1000)]
    assert found("ارتفع المؤشر ٢٫٥ نقطة") == [("٢٫٥ نقطة", "QUANTITY", 2.5)]
    assert isinstance(find_numbers("بلغ 2.5 مليون لاجئ")[0].value, int)


def test_number_words_in_all_forms():
    assert found("انتشر ثلاثة آلاف وخمسمئة جندي") == [("ثلاثة آلاف وخمسمئة جندي", "QUANTITY", 3500)]
    assert found("قتل خمسة وعشرون شخصا") == [("خمسة وعشرون شخصا", "QUANTITY", 25)]
    assert found("أسر عشرين مقاتلا") == [("عشرين مقاتلا", "QUANTITY", 20)]
    assert found("نزح ثلاثمائة أسرة") == [("ثلاثمائة أسرة", "QUANTITY", 300)]
    assert found("أطلق سراح أحد عشر أسيرا") == [("أحد عشر أسيرا", "QUANTITY", 11)]
    assert found("وصلت ثلاث شاحنات") == [("ثلاث شاحنات", "QUANTITY", 3)]
    assert found("عبر نصف مليون لاجئ") == [("نصف مليون لاجئ", "QUANTITY", 500000)]
    assert found("واحد من أبرز القادة") == []


def test_approximations_stay_inside():
    assert found("تحمل نحو 600 طن من الحبوب") == [("نحو 600 طن", "QUANTITY", 600)]
    assert found("قتل أكثر من 80 شخصا") == [("أكثر من 80 شخصا", "QUANTITY", 80)]
    assert found("قتل ما لا يقل عن 20 مدنيا") == [("ما لا يقل عن 20 مدنيا", "QUANTITY", 20)]
    assert found("لقي 12 شخصا على الأقل حتفهم") == [("12 شخصا على الأقل", "QUANTITY", 12)]


def test_vague_counts_have_no_value():
    assert found("أفرجت عن عشرات الأسرى") == [("عشرات الأسرى", "QUANTITY", None)]
    assert found("أجبرت آلاف السكان على النزوح") == [("آلاف السكان", "QUANTITY", None)]
    assert found("وإصابة العشرات، وفقا للإسعاف") == [("العشرات", "QUANTITY", None)]


def test_money_and_percent():
    assert found("بلغ التمويل 2.5 مليون دولار قدمتها جهات مانحة") == [("2.5 مليون دولار", "MONEY", 2500000)]
    assert found("دفعت 500 دينار ليبي") == [("500 دينار ليبي", "MONEY", 500)]
    assert found("خسرت ملايين الدولارات") == [("ملايين الدولارات", "MONEY", None)]
    for text in ("30 في المئة", "30 في المائة", "30 بالمئة", "30%", "٪30", "٣٠٪"):
        assert found(f"ارتفعت الأسعار {text} هذا العام") == [(text, "PERCENT", 30)]


def test_dates_labels_ordinals_and_codes_are_not_quantities():
    assert found("تأسس التنظيم عام 2013 ويضم 4 تنظيمات") == [("4 تنظيمات", "QUANTITY", 4)]
    assert found("سحب الآليات خلال 48 ساعة") == []
    assert found("بموجب القرار 2254 في الذكرى الـ20") == []
    assert found("حلقت طائرات إف-16 وأف 35") == []
    assert found("أرسلت فرنسا 2500 جندي") == [("2500 جندي", "QUANTITY", 2500)]
    assert found("تهدف رؤية 2030 التي أطلقها") == []


def test_cases_seen_in_news():
    # a dot between groups of three digits groups thousands, unless a scale word follows
    assert found("وثقت المنظمة 5.432 حالة") == [("5.432 حالة", "QUANTITY", 5432)]
    assert found("نزح 1.250 مليون شخص") == [("1.250 مليون شخص", "QUANTITY", 1250000)]
    assert found("صدرت بقيمة 6،4 مليار يورو") == [("6،4 مليار يورو", "MONEY", 6400000000)]
    assert found("فرضت رسوما قيمتها مليارين وثمانمئة مليون يورو") == [
        ("مليارين وثمانمئة مليون يورو", "MONEY", 2800000000)]
    assert found("قال المشاركون (64 في المئة) إن") == [("64 في المئة", "PERCENT", 64)]
    assert found("بثت قناة فرانس24 التقرير") == []
    assert found("قتل 40 و45 آخرون") == [("40", "QUANTITY", 40), ("45 آخرون", "QUANTITY", 45)]
