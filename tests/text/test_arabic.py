import pytest

from rasid.text.arabic import arabic_ratio, split_clitics


def test_arabic_ratio_counts_letters_only():
    assert arabic_ratio("") == 0.0
    assert arabic_ratio("123 ... !!") == 0.0
    assert arabic_ratio("سلام") == 1.0
    assert arabic_ratio("سلام abcd") == 0.5
    # diacritics, tatweel and digits are not letters, so they do not dilute the share
    assert arabic_ratio("سَلامٌ ـ ٥ 5") == 1.0


@pytest.mark.parametrize(("word", "prefix", "suffix"), [
    ("وبالمدينة", "وبال", ""),
    ("رئيسها", "", "ها"),
    ("ورئيسها", "و", "ها"),
    ("وزير", "", ""),          # و is a root letter here (exception list)
    ("وزيرها", "", "ها"),
    ("بلد", "", ""),           # a single ب needs three letters after it
    ("كتب", "", ""),
    ("والمدينة", "وال", ""),
    ("للحكومة", "لل", ""),
    ("للبنان", "ل", ""),       # ل + لبنان, not لل + بنان
    ("لفرنسا", "ل", ""),
    ("والله", "و", ""),        # الله keeps its article
    ("الذي", "", ""),
    ("سيتم", "س", ""),         # future sa- before a present-tense verb
    ("وسيكون", "وس", ""),
    ("سياسة", "", ""),         # ...but not the first letters of a noun
    ("قادتهم", "", "هم"),
    ("المياه", "ال", ""),      # a word with the article takes no pronoun suffix
    ("اتجاه", "", ""),         # ه of the root, not a pronoun
    ("عربي", "", ""),          # nisba -ي is not a pronoun
    ("منها", "", ""),          # the stem would be too short
])
def test_split_clitics(word, prefix, suffix):
    assert split_clitics(word) == (prefix, suffix)


def test_split_clitics_looks_through_diacritics_and_tatweel():
    word = "وَبِالْمَدِينَةِ"
    prefix, suffix = split_clitics(word)
    assert prefix == "وَبِالْ" and suffix == ""
    assert split_clitics("رَئِيسُهَا") == ("", "هَا")
    assert split_clitics("والـمدينة") == ("والـ", "")


def test_split_clitics_parts_rebuild_the_word():
    for word in ("وبالمدينة", "رَئِيسُهَا", "ولرئيسهم", "وزير", "ا", ""):
        prefix, suffix = split_clitics(word)
        assert word.startswith(prefix) and word.endswith(suffix)
        assert len(prefix) + len(suffix) <= len(word)
