"""Checklist recall on the reference article and our annotated ANT articles (texts in ../shared).

The thresholds sit a little under today's figures (benchmarks/score_annotated.py prints them), so
a change that loses what rasid already finds fails here.
"""

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import rasid

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
score_annotated = pytest.importorskip("score_annotated")

pytestmark = pytest.mark.skipif(not score_annotated.ANT.exists(),
                                reason="../shared (reference and ANT corpus) is not beside this checkout")


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple[dict, float]]:
    spec = importlib.util.spec_from_file_location("score_article",
                                                  score_annotated.SHARED / "eval" / "score_article.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = {}
    for name, gold, text in score_annotated.articles():
        doc = rasid.analyze(text, published=gold["input"]["published"])
        sections, _, recall = scorer.score(gold, rasid.to_json(doc))
        out[name] = (sections, recall)
    return out


def test_every_checklist_was_scored(scored):
    assert len(scored) == 1 + len(list(score_annotated.ANNOTATED.glob("*.gold.json")))


def test_every_place_in_the_reference_has_coordinates():
    text = (score_annotated.SHARED / "reference" / "000_d2cfe8c4e6261a55.txt").read_text(encoding="utf-8")
    doc = rasid.analyze(text, published="2021-10-27")
    places = [m for m in doc.mentions if m.type in ("GPE", "LOC")]
    assert len(places) >= 15
    assert all(m.place and m.place["lat"] is not None for m in places)


def test_reference_article(scored):
    sections, recall = scored["reference"]
    assert recall >= 0.85
    for section in ("dates.required", "events.required", "claims.required", "contradictions.required"):
        assert all(ok for _, ok in sections[section]), section


def test_annotated_articles(scored):
    totals = defaultdict(lambda: [0, 0])
    for name, (sections, _) in scored.items():
        if name == "reference":
            continue
        for section, rows in sections.items():
            totals[section][0] += sum(ok for _, ok in rows)
            totals[section][1] += len(rows)
    recall = {section: hit / total for section, (hit, total) in totals.items() if total}
    assert recall["entities.required"] >= 0.70
    assert recall["dates.required"] >= 0.90
    assert recall["events.required"] >= 0.35
    assert recall["claims.required"] >= 0.85
