"""The exact-span scorer on hand-made cases whose conlleval answers are worked out by hand."""

from pathlib import Path

import pytest

from rasid.ner.eval import evaluate, read_conll, score, spans


def test_spans_follow_conlleval_iob_reading() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC", "I-MISC"]
    assert spans(tags) == {(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"), (7, 9, "MISC")}


def test_spans_of_empty_and_all_outside() -> None:
    assert spans([]) == set()
    assert spans(["O", "O"]) == set()


def test_exact_match_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    table = score(gold, pred)
    # PERS: predicted span (0,1) misses the gold (0,2) → 0 true positives out of 1 and 1.
    assert table["PERS"]["f1"] == 0.0
    assert table["LOC"]["f1"] == 100.0
    assert table["ORG"]["f1"] == 100.0
    micro = table["micro"]
    assert micro["precision"] == pytest.approx(200 / 3)
    assert micro["recall"] == pytest.approx(200 / 3)
    assert micro["f1"] == pytest.approx(200 / 3)


def test_wrong_type_is_both_a_false_positive_and_a_miss() -> None:
    table = score([["B-LOC", "O"]], [["B-ORG", "O"]])
    assert table["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert table["ORG"]["support"] == 0
    assert table["micro"]["f1"] == 0.0


def test_precision_and_recall_differ() -> None:
    gold = [["B-PERS", "O", "B-LOC", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "B-LOC", "O", "O"]]
    micro = score(gold, pred)["micro"]
    assert micro["precision"] == 100.0
    assert micro["recall"] == pytest.approx(200 / 3)
    assert micro["f1"] == pytest.approx(80.0)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_read_conll_space_tab_and_per_alias(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    text = "سافر O\nأحمد\tB-PER\nإلى O\nدمشق B-LOC\n\n\nالأمم B-ORG\nالمتحدة I-ORG\n"
    path.write_text(text, encoding="utf-8")
    assert read_conll(path) == [
        (["سافر", "أحمد", "إلى", "دمشق"], ["O", "B-PERS", "O", "B-LOC"]),
        (["الأمم", "المتحدة"], ["B-ORG", "I-ORG"]),
    ]


def test_evaluate_reports_micro_and_speed() -> None:
    class Echo:
        def tag(self, sentences: list[list[str]]) -> list[list[str]]:
            return [["B-LOC" if t == "دمشق" else "O" for t in s] for s in sentences]

    result = evaluate(Echo(), [(["في", "دمشق"], ["O", "B-LOC"]), (["أحمد"], ["B-PERS"])])
    assert result["precision"] == 100.0
    assert result["recall"] == 50.0
    assert result["tokens"] == 3
    assert result["tokens_per_s"] > 0
