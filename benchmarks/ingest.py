"""Is storage the bottleneck? CPU time to analyze articles vs to store them, into a fresh store.

Rates are per CPU second of this process, so they hold on a busy machine too. The storing side
covers everything `rasid ingest` adds to `analyze`: the duplicate check, rows, the story index,
inserts with the full-text index, cross-source contradictions, and the commit (WAL, one
transaction per article).

    python benchmarks/ingest.py [FILE.jsonl] [--limit N] [--db PATH]

Not a test: run it after changing the store and record the figures in the README.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from rasid.document import Document
from rasid.io import read_path
from rasid.pipeline import analyze_document
from rasid.store import Store
from rasid.store.rows import text_hash

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared/data/news/ant/ant-politics-4000.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(DEFAULT_INPUT))
    parser.add_argument("--limit", type=int, default=1000, help="at most N articles (default 1000)")
    parser.add_argument("--db", help="store to write (default: a new temporary file)")
    args = parser.parse_args()

    records = [r for r in read_path(args.input, max_bytes=1 << 34) if isinstance(r, Document)][: args.limit]
    folder = tempfile.mkdtemp(prefix="rasid-bench-")
    db = args.db or os.path.join(folder, "bench.db")
    analyze_seconds = store_seconds = 0.0
    stored = 0
    wall = time.perf_counter()
    with Store(db) as store:
        for record in records:
            t0 = time.process_time()
            duplicate = store.duplicate_of(doc_id=record.id or None, hash_of_text=text_hash(record.text),
                                           url=record.url)
            t1 = time.process_time()
            store_seconds += t1 - t0
            if duplicate:
                continue
            doc = analyze_document(record)
            t2 = time.process_time()
            result = store.ingest(doc)
            store_seconds += time.process_time() - t2
            analyze_seconds += t2 - t1
            stored += result.status == "stored"
    wall = time.perf_counter() - wall
    size_mb = os.path.getsize(db) / 1e6
    total = analyze_seconds + store_seconds
    print(f"input        {args.input} ({len(records)} articles, {stored} stored)")
    print(f"analyze      {analyze_seconds:7.1f} s CPU  {stored / analyze_seconds:7.1f} articles/s")
    print(f"store        {store_seconds:7.1f} s CPU  {stored / store_seconds:7.1f} articles/s")
    print(f"ingest       {total:7.1f} s CPU  {stored / total:7.1f} articles/s "
          f"({100 * (1 - analyze_seconds / total):.1f}% slower than analyze alone)")
    per_article_kb = 1000 * size_mb / max(stored, 1)
    print(f"wall         {wall:7.1f} s;  store file {size_mb:.1f} MB ({per_article_kb:.0f} kB/article)")


if __name__ == "__main__":
    main()
