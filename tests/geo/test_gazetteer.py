"""The packaged gazetteer: its size, the places the conflict data needs, and its data checks."""

from pathlib import Path

import pytest

from rasid.actors.dictionary import alias_key
from rasid.geo.gazetteer import Gazetteer, GazetteerDataError, Place

MALI_REGION_CAPITALS = ("تمبكتو", "غاو", "كيدال", "موبتي", "سيغو", "سيكاسو", "كاي", "كوليكورو",
                        "ميناكا", "تاوديني")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def places(gazetteer: Gazetteer, name: str, kind: str | None = None) -> list[Place]:
    return [p for p in gazetteer.candidates(alias_key(name)) if kind is None or p.kind == kind]


def test_loads_once_with_thousands_of_places_of_every_kind(gazetteer):
    assert Gazetteer.load() is gazetteer
    kinds = {kind: sum(p.kind == kind for p in gazetteer.places)
             for kind in ("country", "region", "city", "area")}
    assert len(gazetteer.places) >= 4000
    assert kinds["country"] >= 200 and kinds["region"] >= 200 and kinds["city"] >= 3000
    assert kinds["area"] >= 50
    assert gazetteer.max_words >= 4


@pytest.mark.parametrize("name", MALI_REGION_CAPITALS)
def test_every_mali_region_capital_is_a_malian_city(gazetteer, name):
    assert any(p.country == "MLI" for p in places(gazetteer, name, "city"))


@pytest.mark.parametrize("name, country", [
    ("أغاديز", "NER"), ("طاوة", "NER"), ("تيلابيري", "NER"), ("واغادوغو", "BFA"), ("بوبو ديولاسو", "BFA"),
    ("جيبو", "BFA"), ("أبشي", "TCD"), ("الفاشر", "SDN"), ("سبها", "LBY"), ("كيسمايو", "SOM"),
    ("دير الزور", "SYR"), ("تلعفر", "IRQ"), ("المكلا", "YEM")])
def test_conflict_towns_under_their_press_spelling(gazetteer, name, country):
    assert any(p.country == country for p in places(gazetteer, name, "city"))


def test_spelling_variants_share_a_key(gazetteer):
    assert places(gazetteer, "إدلب", "city") == places(gazetteer, "ادلب", "city")
    assert places(gazetteer, "حماة", "city") == places(gazetteer, "حماه", "city")


def test_countries_regions_and_areas(gazetteer):
    [mali] = places(gazetteer, "مالي", "country")
    assert (mali.country, mali.geonames) == ("MLI", 2453866)
    assert gazetteer.country("MLI") is mali
    [azawad] = places(gazetteer, "أزواد")
    assert (azawad.kind, azawad.country) == ("area", "MLI")
    [sahel] = places(gazetteer, "منطقة الساحل")
    assert (sahel.kind, sahel.country) == ("area", None)
    assert {p.country for p in places(gazetteer, "طرابلس", "city")} == {"LBY", "LBN"}
    assert places(gazetteer, "شمال دارفور", "region")[0].country == "SDN"


def test_mention_place_form(gazetteer):
    [bamako] = places(gazetteer, "باماكو", "city")
    place = bamako.as_mention_place()
    assert place["name_en"] == "Bamako" and place["geonames"] == 2460596 and place["country"] == "MLI"
    assert abs(place["lat"] - 12.65) < 0.1 and abs(place["lon"] + 8.0) < 0.1
    assert place["kind"] == "city"


def test_common_words_and_cues_are_no_names(gazetteer):
    assert gazetteer.candidates(alias_key("التحالف")) == []  # a Yemeni village in GeoNames
    assert gazetteer.candidates(alias_key("مدينة")) == []    # a cue word (and a name of Medina)
    assert gazetteer.rule(alias_key("الباب")) == "cue"
    assert gazetteer.cue(alias_key("محافظة")) == ("region",)


def write_data(folder: Path, place_row: str, rule_row: str = "") -> Path:
    (folder / "places.tsv").write_text(
        "geonames\tname_en\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\tnames_ar\n" + place_row + "\n",
        encoding="utf-8")
    (folder / "ambiguous.tsv").write_text("name\trule\twhy\n" + rule_row, encoding="utf-8")
    (folder / "cues.tsv").write_text("cue\tprefer\nمدينة\tcity\n", encoding="utf-8")
    return folder


def test_a_directory_of_its_own(tmp_path):
    row = "\tTestville\tcity\tMLI\t\t14.5\t-4.2\t\tقرية تجريبية | تجريبية"
    gazetteer = Gazetteer.load(write_data(tmp_path, row))
    [place] = gazetteer.candidates(alias_key("تجريبية"))
    assert place.geonames is None and place.population is None
    assert gazetteer.candidates(alias_key("قرية تجريبية")) == [place]
    assert gazetteer.max_words == 2


@pytest.mark.parametrize("row, problem", [
    ("1\tX\ttown\tMLI\t\t1\t1\t\tاسم", "unknown kind"),
    ("1\tX\tcity\tmali\t\t1\t1\t\tاسم", "bad country"),
    ("1\tX\tcity\tMLI\t\t100\t1\t\tاسم", "bad coordinates"),
    ("1\tX\tcity\tMLI\t\t1\t1\t\t", "Arabic name"),
    ("1\tX\tcity\tMLI\t\t1", "expected 9 fields"),
])
def test_bad_rows_name_their_file_and_line(tmp_path, row, problem):
    with pytest.raises(GazetteerDataError, match=rf"places\.tsv:2: .*{problem}"):
        Gazetteer.load(write_data(tmp_path, row))


def test_bad_rule(tmp_path):
    with pytest.raises(GazetteerDataError, match=r"ambiguous\.tsv:2: unknown rule"):
        Gazetteer.load(write_data(tmp_path, "\tX\tcity\tMLI\t\t1\t1\t\tاسم", "اسم\tsometimes\t\n"))
