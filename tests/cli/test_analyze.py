"""`rasid analyze` end to end: real files in, the document JSON or one-line errors out."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli

ARTICLE = ("وزارة الدفاع تعلن انسحاب القوات\n\n"
           "أعلنت وزارة الدفاع أمس انسحاب ٣٠٠ جندي من المدينة. وقال المتحدث «لن نعود».\n")
ENGLISH = "The ministry said on Tuesday that the troops would withdraw from the city within a week.\n"


def run_cli(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_offsets_exact(doc: dict) -> None:
    text = doc["text"]
    for sentence in doc["sentences"]:
        piece = text[sentence["start"]:sentence["end"]]
        assert piece and piece == piece.strip()
    for token in doc["tokens"]:
        assert text[token["start"]:token["end"]] == token["text"]
        assert token["prefix"] + token["stem"] + token["suffix"] == token["text"]


def test_one_article_as_json(article: Path):
    result = run_cli("analyze", str(article), "--format", "json", "--published", "2024-03-15")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == "rasid.document/1"
    assert doc["text"] == ARTICLE
    assert doc["title"] == "وزارة الدفاع تعلن انسحاب القوات"
    assert doc["published"] == "2024-03-15" and doc["lang"] == "ar"
    assert len(doc["id"]) == 40
    assert [ARTICLE[s["start"]:s["end"]] for s in doc["sentences"]] == [
        "وزارة الدفاع تعلن انسحاب القوات",
        "أعلنت وزارة الدفاع أمس انسحاب ٣٠٠ جندي من المدينة.",
        "وقال المتحدث «لن نعود».",
    ]
    assert_offsets_exact(doc)


def test_reference_article(reference_article: Path):
    result = run_cli("analyze", str(reference_article), "--published", "2021-10-27", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["text"] == reference_article.read_bytes().decode("utf-8")
    assert_offsets_exact(doc)
    text = doc["text"]
    # The sentence split by a blank line is one sentence, marked as joined.
    joined = [s for s in doc["sentences"] if "يرى بعض المراقبين" in text[s["start"]:s["end"]]]
    assert len(joined) == 1 and joined[0]["joined"]
    assert "أن هذه الخطوة قد تكون فرصة" in text[joined[0]["start"]:joined[0]["end"]]
    # The photo caption printed twice: the second copy points at the first.
    repeats = [p for p in doc["paragraphs"] if p["duplicate_of"] is not None]
    assert len(repeats) == 1
    first = doc["paragraphs"][repeats[0]["duplicate_of"]]
    assert text[first["start"]:first["end"]] == text[repeats[0]["start"]:repeats[0]["end"]]


def test_examples_analyze_cleanly(examples_dir: Path):
    result = run_cli("analyze", str(examples_dir), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == len(list(examples_dir.glob("*.txt"))) >= 3
    for doc in docs:
        assert doc["lang"] == "ar" and doc["title"] and len(doc["sentences"]) >= 5
        assert_offsets_exact(doc)


def test_text_report_names_the_article(article: Path):
    result = run_cli("analyze", str(article), "--format", "text")
    assert result.exit_code == 0
    assert "وزارة الدفاع تعلن انسحاب القوات" in result.stdout
    assert "3 sentences" in result.stdout


def test_stdin_and_out_file(tmp_path: Path):
    out = tmp_path / "docs.jsonl"
    result = run_cli("analyze", "-", "--format", "jsonl", "--out", str(out), stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["text"] == ARTICLE


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "empty"),
    (b"  \n\t \n", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"caf\x80 \x86\x87\x89 \x99\xa9\xae \xb0\xb1 \x80\x86 price", "decode"),  # not UTF-8, not Arabic
])
def test_bad_input_is_one_line_and_the_batch_goes_on(tmp_path: Path, article: Path, content: bytes,
                                                      problem: str):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run_cli("analyze", str(bad), str(article), "--format", "jsonl")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert str(bad) in line and problem in line.lower() and "Traceback" not in result.stderr
    [doc] = [json.loads(x) for x in result.stdout.splitlines()]
    assert doc["text"] == ARTICLE


def test_file_over_the_size_limit(article: Path):
    result = run_cli("analyze", str(article), "--max-bytes", "50", "--format", "json")
    assert result.exit_code == 1
    assert str(article) in result.stderr and "limit" in result.stderr
    assert result.stdout == ""


def test_non_arabic_text_is_analyzed_with_a_warning(tmp_path: Path):
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    result = run_cli("analyze", str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["lang"] == "en"
    assert "warning" in result.stderr and str(path) in result.stderr


@pytest.mark.parametrize("args", [["analyze"], ["analyze", "x.txt", "--published", "27/10/2021"],
                                  ["analyze", "x.txt", "--format", "xml"]])
def test_usage_errors_exit_2(args: list[str]):
    assert run_cli(*args).exit_code == 2


def test_console_script_exit_codes_and_stderr(tmp_path: Path, article: Path):
    """The real process: a missing file is one line on stderr, exit 1, the good file still printed."""
    missing = tmp_path / "nope.txt"
    proc = subprocess.run([sys.executable, "-m", "rasid", "analyze", str(missing), str(article),
                           "--format", "jsonl"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"rasid: error: {missing}: no such file or directory"]
    assert json.loads(proc.stdout)["text"] == ARTICLE


def test_schema_command_prints_a_json_schema():
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema"] == {"const": "rasid.document/1"}


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        result = run_cli(name, "--help")
        assert result.exit_code == 0 and "Example" in result.stdout, name
        for sub in getattr(command, "commands", {}):
            result = run_cli(name, sub, "--help")
            assert result.exit_code == 0 and "Example" in result.stdout, (name, sub)
