"""The actor dictionary: the packaged data loads, is big enough, and answers the lookups a linker
needs; a broken data file stops the load with its file and line."""

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from rasid.actors import ActorDataError, ActorDictionary, alias_key
from rasid.actors.dictionary import SPECIAL_FILES
from rasid.document import ACTOR_KINDS
from rasid.resources import data_path

HEADER = "id\tname_en\tkind\tcountry\twikidata\tsector\taliases_ar\n"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def ids(entries) -> set[str]:
    return {e.id for e in entries}


def test_loads_once_and_is_big_enough(actors):
    assert ActorDictionary.load() is actors
    assert len(actors.actors) >= 2000
    assert actors.alias_count >= 5000
    assert actors.max_alias_words >= 5


def test_every_actor_is_well_formed(actors):
    for actor in actors.actors.values():
        assert actor.kind in ACTOR_KINDS
        assert actor.aliases, actor.id
        assert actor.country is None or len(actor.country) == 3
        if actor.kind == "state":
            assert actor.id == actor.country
    kinds = Counter(a.kind for a in actors.actors.values())
    assert kinds["person"] >= 500 and kinds["state"] >= 190 and kinds["armed_group"] >= 100


def test_ids_are_unique_across_files(actors):
    rows = [line.split("\t")[0]
            for path in data_path("actors").glob("*.tsv") if path.name not in SPECIAL_FILES
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "id\t"))]
    assert len(rows) == len(set(rows)) == len(actors.actors)


@pytest.mark.parametrize(("text", "expected"), [
    ("مالى", "MLI"),
    ("مالي", "MLI"),
    ("نصرة الإسلام", "JNIM"),
    ("جماعة نصرة الاسلام والمسلمين", "JNIM"),
    ("القاعدة", "AQ"),
    ("الأمم المتحدة", "UN"),
    ("داعش", "ISIS"),
    ("النيجر", "NER"),
    ("نيجيريا", "NGA"),
    ("مينوسما", "MINUSMA"),
    ("إيكواس", "ECOWAS"),
    ("قوات الدعم السريع", "RSF"),
    ("أنصار الله", "HOUTHIS"),
    ("عاصمي غويتا", "P_ASSIMI_GOITA"),
    ("إياد آغ غالي", "P_IYAD_AG_GHALY"),
    ("ماكرون", "P_EMMANUEL_MACRON"),
    ("«البيت الأبيض»", "USA_PRESIDENCY"),
])
def test_known_aliases(actors, text, expected):
    assert expected in ids(actors.candidates(alias_key(text)))


def test_niger_and_nigeria_stay_apart(actors):
    assert ids(actors.candidates(alias_key("النيجر"))) == {"NER"}
    assert ids(actors.candidates(alias_key("نيجيريا"))) == {"NGA"}


def test_shared_alias_gives_every_candidate(actors):
    councils = actors.candidates(alias_key("المجلس الإسلامي الأعلى"))
    assert len(councils) >= 2
    assert {"MLI", "DZA"} <= {c.country for c in councils}
    assert all(c.kind == "religious_body" for c in councils)


def test_alias_key_folds_spelling_variants():
    assert alias_key("مالى") == alias_key("مالي")
    assert alias_key("الأُمَم  المتّحدة") == alias_key("الامم المتحده")
    assert alias_key("“مسؤول”") == alias_key("مسئول")
    assert alias_key("وزارة الشؤون الإسلامية") == alias_key("وزارة الشئون الاسلامية")


def test_office_holders_at_a_date(actors):
    assert actors.holder("head_of_state", "FRA", date(2021, 10, 27)).id == "P_EMMANUEL_MACRON"
    assert actors.holder("head_of_state", "FRA", date(2015, 6, 1)).id == "P_FRANCOIS_HOLLANDE"
    assert actors.holder("head_of_state", "FRA", date(2017, 5, 14)).id == "P_EMMANUEL_MACRON"
    assert actors.holder("head_of_state", "MLI", date(2021, 10, 27)).id == "P_ASSIMI_GOITA"
    assert actors.holder("head_of_state", "MLI", date(2016, 1, 1)).id == "P_IBRAHIM_BOUBACAR_KEITA"
    assert actors.holder("leader", "JNIM", date(2020, 1, 1)).id == "P_IYAD_AG_GHALY"
    assert actors.holder("head_of_state", "FRA", date(1900, 1, 1)) is None


def test_titles_demonyms_and_institutions(actors):
    assert "foreign_minister" in actors.office_roles(alias_key("وزير الخارجية"))
    assert "spokesperson" in actors.office_roles(alias_key("الناطق باسم"))
    assert actors.demonym_countries(alias_key("المالية")) == ["MLI"]
    assert actors.demonym_countries(alias_key("الماليين")) == ["MLI"]
    assert "NER" in actors.demonym_countries(alias_key("النيجري"))
    assert actors.demonyms["MLI"].adj_en == "Malian"
    government = actors.institution_titles(alias_key("الحكومة"))
    assert [i.key for i in government] == ["GOV"]
    built = actors.institution_actor("MLI", "MIN_FOREIGN")
    assert (built.id, built.kind, built.name_en) == ("MLI_MIN_FOREIGN", "ministry",
                                                     "Ministry of Foreign Affairs of Mali")
    assert actors.institution_actor("NGA", "ARMY").id == "NGA_ARMY"
    assert actors.institution_actor("ISR", "ARMY").aliases  # listed explicitly, with its aliases
    assert actors.institution_actor("BEN", "ARMY").name_en == "Beninese Armed Forces"


def write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("row", "problem"), [
    ("MLI\tMali\tcountry\tMLI\t\t\tمالي", "unknown kind 'country'"),
    ("MLI\tMali\tstate\tMali\t\t\tمالي", "bad country"),
    ("MLI\tMali\tstate\tMLI\tQ-12\t\tمالي", "bad Wikidata id"),
    ("MLI\tMali\tstate\tMLI\t\t\t", "no Arabic alias"),
    ("MLI\tMali\tstate\tMLI\t\tمالي", "expected 7 tab-separated fields"),
])
def test_a_broken_row_names_file_and_line(tmp_path, row, problem):
    write(tmp_path, "actors.tsv", f"# a comment\n{HEADER}{row}\n")
    with pytest.raises(ActorDataError, match=problem) as error:
        ActorDictionary.load(tmp_path)
    assert error.value.path.name == "actors.tsv"
    assert error.value.line == 3
    assert "actors.tsv:3:" in str(error.value)


def test_duplicate_ids_across_files_are_refused(tmp_path):
    write(tmp_path, "a.tsv", f"{HEADER}MLI\tMali\tstate\tMLI\t\t\tمالي\n")
    write(tmp_path, "b.tsv", f"{HEADER}MLI\tMali\tstate\tMLI\t\t\tجمهورية مالي\n")
    with pytest.raises(ActorDataError, match=r"duplicate id MLI \(first at a.tsv:2\)"):
        ActorDictionary.load(tmp_path)


def test_a_role_for_an_unknown_actor_is_refused(tmp_path):
    write(tmp_path, "states.tsv", f"{HEADER}MLI\tMali\tstate\tMLI\t\t\tمالي\n")
    write(tmp_path, "offices.tsv", "role\ttitles_ar\nhead_of_state\tالرئيس\n")
    write(tmp_path, "roles.tsv", "actor\trole\tof\tstart\tend\nP_NOBODY\thead_of_state\tMLI\t2020-01-01\t\n")
    with pytest.raises(ActorDataError, match=re.escape("roles.tsv:2: unknown actor actor 'P_NOBODY'")):
        ActorDictionary.load(tmp_path)


def test_a_small_valid_directory_loads(tmp_path):
    write(tmp_path, "states.tsv", f"{HEADER}MLI\tMali\tstate\tMLI\tQ912\t\tمالي | جمهورية مالي\n")
    write(tmp_path, "offices.tsv", "role\ttitles_ar\nhead_of_state\tالرئيس | رئيس\n")
    write(tmp_path, "people.tsv", f"{HEADER}P_X\tX\tperson\tMLI\t\tGOV\tفلان\n")
    write(tmp_path, "roles.tsv", "actor\trole\tof\tstart\tend\nP_X\thead_of_state\tMLI\t2020-01-01\t\n")
    loaded = ActorDictionary.load(tmp_path)
    assert loaded is not ActorDictionary.load()
    assert loaded.holder("head_of_state", "MLI", date(2024, 1, 1)).id == "P_X"
    assert loaded.max_alias_words == 2
