"""The shipped tagger: loads and runs without torch, and finds entities in sentences written for this test."""

import json
import subprocess
import sys

import pytest

from rasid.ner.eval import spans
from rasid.ner.model import NerModel, models_dir

SENTENCES = [
    ["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس", "إن", "فرنسا", "ستدعم", "لبنان", "."],
    ["التقى", "وزير", "الخارجية", "الأمريكي", "أنتوني", "بلينكن", "نظيره", "السعودي", "في", "الرياض", "."],
    ["أعلنت", "الأمم", "المتحدة", "أن", "مجلس", "الأمن", "سيجتمع", "غدا", "في", "نيويورك", "."],
]

pytestmark = pytest.mark.skipif(not (models_dir() / "ner-v1.npz").exists(), reason="model files not built")


def entities(tokens: list[str], tags: list[str]) -> set[tuple[str, str]]:
    return {(" ".join(tokens[s:e]), kind) for s, e, kind in spans(tags)}


def test_loads_and_tags_without_torch() -> None:
    code = (
        "import sys, json; sys.modules['torch'] = None\n"
        "from rasid.ner.model import NerModel\n"
        "print(json.dumps(NerModel.load().tag([['زار', 'ماكرون', 'باريس']])))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    tags = json.loads(run.stdout.strip().splitlines()[-1])
    assert len(tags) == 1 and len(tags[0]) == 3


def test_finds_people_and_places() -> None:
    model = NerModel.load()
    tagged = model.tag(SENTENCES)
    assert [len(t) for t in tagged] == [len(s) for s in SENTENCES]
    first = entities(SENTENCES[0], tagged[0])
    assert ("إيمانويل ماكرون", "PERS") in first
    assert {("باريس", "LOC"), ("فرنسا", "LOC")} <= first
    assert ("أنتوني بلينكن", "PERS") in entities(SENTENCES[1], tagged[1])
    assert ("الرياض", "LOC") in entities(SENTENCES[1], tagged[1])
    assert ("الأمم المتحدة", "ORG") in entities(SENTENCES[2], tagged[2])


def test_edge_cases_keep_shape() -> None:
    model = NerModel.load()
    assert model.tag([]) == []
    reuters = model.tag([["Reuters", "،"]])[0][0]
    assert model.tag([[], ["٢٠٢٦"], ["Reuters", "،"]]) == [[], ["O"], [reuters, "O"]]
    assert NerModel.load() is model  # loaded once per process


def test_decoding_gives_valid_bio() -> None:
    for tags in NerModel.load().tag(SENTENCES):
        for before, tag in zip(["O", *tags], tags, strict=False):
            assert not tag.startswith("I-") or before[2:] == tag[2:]
