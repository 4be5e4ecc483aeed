"""`rasid export`, `rasid graph` and `rasid brief` through click."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from rasid.cli.export import EXPORT_FORMATS, GRAPH_FORMATS, brief_command, export_command, graph_command
from rasid.cli.main import cli
from rasid.export import EXPORTERS
from rasid.export.graph import FORMATS


def test_formats_match_the_library() -> None:
    assert tuple(EXPORTERS) == EXPORT_FORMATS
    assert FORMATS == GRAPH_FORMATS


def test_registered() -> None:
    assert {"export", "graph", "brief"} <= set(cli.commands)


def test_export(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(export_command, ["--format", "acled-csv", "--out", str(out), "--db",
                                                 str(store_path), "--type", "assault", "--where", "mli"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["event_type"] for r in rows} <= {"Battles", "Violence against civilians"}
    everything = tmp_path / "all.csv"
    result = CliRunner().invoke(export_command, ["--format", "acled-csv", "--out", str(everything), "--all",
                                                 "--db", str(store_path)])
    assert "plover=ACCUSE" in everything.read_text(encoding="utf-8")


def test_export_every_format(store_path: Path, tmp_path: Path) -> None:
    for fmt in EXPORT_FORMATS:
        result = CliRunner().invoke(export_command, ["--format", fmt, "--out", str(tmp_path / fmt),
                                                     "--since", "2d", "--db", str(store_path)])
        assert result.exit_code == 0, (fmt, result.output)
        assert (tmp_path / fmt).exists()


def test_graph_to_stdout(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASID_DB", str(store_path))
    result = CliRunner().invoke(graph_command, ["--format", "json", "--since", "1d"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any((e["source"], e["target"]) == ("MLI_GOV", "FRA") for e in data["edges"])
    assert all(e["last"] == "2023-03-11" for e in data["edges"] if e["kind"] == "event")


def test_brief(store_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(brief_command, ["--db", str(store_path), "--since", "7d"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# rasid brief: 2023-03-05 to 2023-03-11")
    out = tmp_path / "b.html"
    result = CliRunner().invoke(brief_command, ["--db", str(store_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "rasid brief: 2023-03-11 to 2023-03-11" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(brief_command, ["--db", str(store_path), "--since", "2d",
                                                "--until", "2023-03-10"])
    assert result.output.startswith("# rasid brief: 2023-03-09 to 2023-03-10")


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    for command, args in ((export_command, ["--format", "geojson", "--out", str(tmp_path / "x")]),
                          (graph_command, []), (brief_command, [])):
        result = CliRunner().invoke(command, [*args, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1 and "no such store" in result.output


def test_bad_day_is_a_usage_error(store_path: Path) -> None:
    result = CliRunner().invoke(brief_command, ["--db", str(store_path), "--since", "last week"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.parametrize("command", [export_command, graph_command, brief_command])
def test_help_has_an_example(command: click.Command) -> None:
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output and f"rasid {command.name}" in result.output
