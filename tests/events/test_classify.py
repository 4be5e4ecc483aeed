"""The PLOVER quad classifier: metrics, numpy-only loading, agreement with scikit-learn, the CLI."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from rasid.cli.quad import eval_quad_command
from rasid.events.classify import QuadClassifier, char_wb_ngrams, word_ngrams
from rasid.events.eval_quad import accuracy, confusion, macro_f1, per_class, read_labelled, score

VIOLENT = "قصفت الطائرات الحربية مواقع المسلحين وقتلت عشرة منهم"
COOPERATIVE = "رحب الوزير بالاتفاق وأعرب عن دعمه الكامل للمفاوضات بين الطرفين"
OWN_SENTENCES = [
    VIOLENT,
    COOPERATIVE,
    "أدانَ المجلسُ بشدّة الهجماتِ واتهم الجماعة بانتهاك وقف إطلاق النار",
    "تتألف اللجنة من ١٥ عضوا، ويُعقد اجتماعها السنوي في «جنيف» — UNHCR.",
    "  مسافات   متعددة\tو\nسطر جديد  ",
    "و ب في",
    "",
]


def test_metrics_on_a_hand_made_case():
    gold = [0, 0, 0, 1, 1, 2]
    predicted = [0, 0, 1, 1, 2, 2]
    matrix = confusion(gold, predicted, 3)
    assert matrix.tolist() == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]
    table = per_class(matrix)
    assert table["precision"].tolist() == [1.0, 0.5, 0.5]
    assert np.allclose(table["recall"], [2 / 3, 0.5, 1.0])
    assert np.allclose(table["f1"], [0.8, 0.5, 2 / 3])
    assert table["support"].tolist() == [3, 2, 1]
    assert accuracy(matrix) == pytest.approx(4 / 6)
    assert macro_f1(matrix) == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)


def test_metrics_edge_cases():
    # A class never predicted scores 0 (not NaN); a class absent from gold and predictions is not averaged.
    matrix = confusion([0, 1], [0, 0], 5)
    table = per_class(matrix)
    assert table["precision"][1] == 0.0 and table["f1"][1] == 0.0
    assert macro_f1(matrix) == pytest.approx((2 / 3 + 0.0) / 2)
    assert accuracy(confusion([], [], 2)) == 0.0 and macro_f1(confusion([], [], 2)) == 0.0
    result = score([1, 1], [1, 1], ("no", "yes"))
    assert result["accuracy"] == 1.0 and result["macro_f1"] == 1.0 and result["classes"]["no"]["support"] == 0


def test_read_labelled_detects_the_task(tmp_path: Path):
    quad = tmp_path / "quad.tsv"
    quad.write_text('"ar"\t"QuadClass"\n"جملة ""مقتبسة"" هنا"\t3\n', encoding="utf-8")
    assert read_labelled(quad) == ("quad", ['جملة "مقتبسة" هنا'], [3])
    binary = tmp_path / "binary.tsv"
    binary.write_text("Relevant\tar\n1\tجملة\n", encoding="utf-8")
    assert read_labelled(binary) == ("relevance", ["جملة"], [1])
    bad = tmp_path / "bad.tsv"
    bad.write_text("ar\tQuadClass\nجملة\t7\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not one of"):
        read_labelled(bad)
    bad.write_text("ar\tlabel\nجملة\t1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected columns"):
        read_labelled(bad)


def test_shipped_model_loads_without_scikit_learn():
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['scipy'] = None\n"
        "from rasid.events.classify import QuadClassifier\n"
        "m = QuadClassifier.load()\n"
        f"print(m.predict([{VIOLENT!r}])[0], round(sum(m.scores([{VIOLENT!r}])[0]), 6))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "1.0"]


def test_numpy_inference_equals_scikit_learn():
    pytest.importorskip("sklearn")
    import scipy.sparse as sp

    from rasid.events.train_quad import to_sklearn

    model = QuadClassifier.load()
    blocks, quad, relevance = to_sklearn(model)
    for vectorizer in blocks:
        analyzer, prepare = vectorizer.build_analyzer(), vectorizer.build_preprocessor()
        for sentence in OWN_SENTENCES:
            text = prepare(sentence)
            if vectorizer.analyzer == "word":
                ours = word_ngrams(text, *model.word_range)
            else:
                ours = [g for word in text.split() for g in char_wb_ngrams(word, *model.char_range)]
            assert sorted(ours) == sorted(analyzer(sentence)), sentence
    x = sp.hstack([v.transform(OWN_SENTENCES) for v in blocks]).tocsr()
    ours = model.decision(OWN_SENTENCES)
    assert np.allclose(quad.decision_function(x), ours[:, :5], rtol=0, atol=1e-9)
    assert np.allclose(relevance.decision_function(x), ours[:, 5], rtol=0, atol=1e-9)
    assert quad.predict(x).tolist() == model.predict(OWN_SENTENCES)


def test_clear_sentences_get_their_class():
    model = QuadClassifier.load()
    violent, cooperative = model.predict([VIOLENT, COOPERATIVE])
    assert violent == 1
    assert cooperative in (2, 4)
    probs = model.scores(OWN_SENTENCES)
    assert probs.shape == (len(OWN_SENTENCES), 5) and np.allclose(probs.sum(1), 1.0)
    relevance = model.relevance([VIOLENT, ""])
    assert relevance[0] > 0.5 > relevance[1]


def test_eval_command_prints_json_last(tmp_path: Path):
    data = tmp_path / "tiny.tsv"
    rows = [f'"{VIOLENT}"\t1', f'"{COOPERATIVE}"\t4', '"تتألف اللجنة من خمسة أعضاء"\t0']
    data.write_text('"ar"\t"QuadClass"\n' + "\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(eval_quad_command, [str(data)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert last["task"] == "quad" and last["n"] == 3
    assert 0.0 <= last["macro_f1"] <= 1.0 and 0.0 <= last["accuracy"] <= 1.0
    assert "material conflict" in result.output
