"""`rasid eval ner` on a tiny file written here; its last line is the JSON the team lead reads."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli.ner import eval_ner_command, train_ner_command
from rasid.ner.model import models_dir

TINY = """قال O
الرئيس O
الفرنسي O
إيمانويل B-PERS
ماكرون I-PERS
في O
باريس B-LOC
. O

زار\tO
وفد\tO
الأمم\tB-ORG
المتحدة\tI-ORG
دمشق\tB-LOC
"""


@pytest.mark.skipif(not (models_dir() / "ner-v1.npz").exists(), reason="model files not built")
def test_eval_prints_table_then_json(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(TINY, encoding="utf-8")
    result = CliRunner().invoke(eval_ner_command, [str(path), "--format", "conll"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    last = json.loads(lines[-1])
    assert set(last) == {"f1", "precision", "recall", "tokens_per_s"}
    assert 0 <= last["f1"] <= 1 and last["tokens_per_s"] > 0
    assert any(line.startswith("micro") for line in lines)


def test_help_has_examples() -> None:
    for command in (eval_ner_command, train_ner_command):
        result = CliRunner().invoke(command, ["--help"])
        assert result.exit_code == 0 and "Example:" in result.output
