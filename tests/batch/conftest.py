"""A small generated corpus of fictional articles, and one clean batch run of it shared by the tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rasid.cli.main import cli

# Fictional dispatches: the same few sentences about different places, on two days, in outlets
# that sometimes print the same wire copy (for story clusters) or deny what another reports.
PLACES = (("ليبيا", "سرت"), ("اليمن", "تعز"), ("السودان", "الفاشر"), ("مالي", "غاو"),
          ("الصومال", "بيدوا"), ("النيجر", "نيامي"))
TEMPLATES = (
    "{city} (وكالات) - أعلنت وزارة الدفاع في {country} أمس أن قواتها قصفت مواقع للمسلحين قرب {city}، "
    "ما أدى إلى مقتل {n} مسلحين. وقال المتحدث باسم الوزارة إن العملية ستستمر حتى استعادة الأمن.",
    "نفى المتحدث باسم الجيش في {country} أن تكون قواته قد قصفت أحياء سكنية في {city}، "
    "وقال إن التقارير عن سقوط {n} قتلى من المدنيين كاذبة.",
    "التقى وزير الخارجية في {country} المبعوث الأممي في {city} لبحث وقف إطلاق النار، "
    "وأكد الجانبان دعمهما للمفاوضات التي تبدأ الأسبوع المقبل بمشاركة {n} وفدا.",
)
OUTLETS = ("الصحيفة الأولى", "الصحيفة الثانية")


def articles(count: int) -> list[dict[str, str]]:
    """`count` distinct records: templates x places, numbers varying so that texts differ."""
    records = []
    for i in range(count):
        country, city = PLACES[i % len(PLACES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(country=country, city=city, n=3 + i)
        record = {"title": f"خبر رقم {i + 1}", "content": text, "source": OUTLETS[i % 2],
                  "date_extracted": f"2025-03-{10 + i % 2:02d} 08:00:00"}
        if i % 4 == 0:
            record["id"] = f"doc-{i + 1}"
        records.append(record)
    return records


def write_jsonl(path: Path, records: list[dict[str, str]], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_batch_cli(*args: str) -> Result:
    return CliRunner().invoke(cli, ["batch", *args], catch_exceptions=False)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 articles, a wire copy printed by a second outlet, and three bad lines."""
    folder = tmp_path_factory.mktemp("corpus")
    records = articles(12)
    wire_copy = {**records[0], "source": OUTLETS[1]}
    wire_copy.pop("id")
    wire_copy["content"] += " وأضاف أن الوضع هادئ الآن."
    write_jsonl(folder / "news.jsonl", [*records[:6], wire_copy, *records[6:]],
                extra_lines=("{not json", "[1, 2]", json.dumps({"title": "بلا نص"})))
    return folder / "news.jsonl"


@pytest.fixture(scope="session")
def clean_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus through the local engine, 2 workers, partitions of 4 lines, with the reduce step."""
    out = tmp_path_factory.mktemp("clean") / "out"
    result = run_batch_cli(str(corpus), "--out", str(out), "--workers", "2", "--partition-size", "4")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def clean_copy(clean_run: Path, tmp_path: Path) -> Path:
    """A copy of the clean output that a test may damage."""
    return Path(shutil.copytree(clean_run, tmp_path / "out"))
