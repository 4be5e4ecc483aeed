"""Checklist recall of rasid on the reference article and our own annotated articles.

    python benchmarks/score_annotated.py [--verbose] [--heldout]

Each checklist under tests/data/annotated/ (with --heldout: tests/data/heldout/, which nothing is tuned
on) names an ANT article by docno; its text is read from ../shared/data/news/ant (never copied into
the repo). Scoring is ../shared/eval/score_article.py.
Prints recall per section for each article and overall (with how many events matched no gold item,
a watch on precision), and a JSON last line.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import rasid

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ANNOTATED = ROOT / "tests" / "data" / "annotated"
HELDOUT = ROOT / "tests" / "data" / "heldout"
ANT = SHARED / "data" / "news" / "ant" / "ant-politics-4000.jsonl"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_article", SHARED / "eval" / "score_article.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(folder: Path = ANNOTATED) -> list[tuple[str, dict, str]]:
    """(name, checklist, text) for the reference article (with the tuning set) and every ANT article
    with a checklist in folder."""
    out = []
    reference = SHARED / "reference" / "000_d2cfe8c4e6261a55"
    if folder == ANNOTATED and reference.with_suffix(".txt").exists():
        out.append(("reference", json.loads(reference.with_suffix(".gold.json").read_text(encoding="utf-8")),
                    reference.with_suffix(".txt").read_text(encoding="utf-8")))
    golds = {p: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.gold.json"))}
    wanted = {g["input"]["docno"]: p for p, g in golds.items()}
    if wanted and ANT.exists():
        with ANT.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("docno") in wanted:
                    path = wanted[record["docno"]]
                    out.append((record["docno"], golds[path], record["text"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every checklist item")
    parser.add_argument("--heldout", action="store_true",
                        help="score the held-out checklists (tests/data/heldout/), which nothing is tuned on")
    args = parser.parse_args()
    scorer = _scorer()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    unmatched_events = 0
    for name, gold, text in articles(HELDOUT if args.heldout else ANNOTATED):
        doc = rasid.analyze(text, published=gold["input"]["published"])
        sections, unmatched, recall = scorer.score(gold, rasid.to_json(doc))
        unmatched_events += len(unmatched)
        parts = []
        for section, rows in sections.items():
            hits = sum(ok for _, ok in rows)
            totals[section][0] += hits
            totals[section][1] += len(rows)
            if rows:
                parts.append(f"{section} {hits}/{len(rows)}")
            if args.verbose:
                for label, ok in rows:
                    print(f"    {'+' if ok else '-'} {section}: {label}")
        print(f"{name:<36} required recall {recall:.2f}  " + "  ".join(parts))
    summary = {section: round(hit / total, 3) for section, (hit, total) in totals.items() if total}
    print("overall  " + "  ".join(f"{s} {totals[s][0]}/{totals[s][1]}" for s in summary)
          + f"  events matching no gold item {unmatched_events}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
