"""Throughput of `analyze` in one process: articles/s, tokens/s, MB/s per stage, peak RSS.

Rates are per CPU second of this process, so they hold on a busy machine too.

    python benchmarks/analyze.py [FILE.jsonl] [--limit N]

Not a test: run it after adding a stage and record the figures in the README.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

from rasid.document import Document
from rasid.io import read_path
from rasid.pipeline import default_pipeline

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared/data/news/ant/ant-politics-4000.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(DEFAULT_INPUT))
    parser.add_argument("--limit", type=int, default=None, help="analyze at most N articles")
    args = parser.parse_args()

    records = [r for r in read_path(args.input, max_bytes=1 << 34) if isinstance(r, Document)]
    records: list[Document | None] = records[: args.limit] if args.limit else records
    pipeline = default_pipeline()
    per_stage: dict[str, float] = defaultdict(float)
    tokens = 0
    megabytes = sum(len(r.text.encode("utf-8")) for r in records if r) / 1e6

    # CPU time of this process: robust to other work on a shared machine; wall time shown beside it.
    wall_started, started = time.perf_counter(), time.process_time()
    for i, doc in enumerate(records):
        records[i] = None  # like the CLI, keep no finished document alive
        for stage in pipeline.stages:
            t0 = time.process_time()
            doc = stage.run(doc)
            per_stage[stage.name] += time.process_time() - t0
        tokens += len(doc.tokens)
    elapsed, wall = time.process_time() - started, time.perf_counter() - wall_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"input      {args.input}")
    print(f"articles   {len(records):,}  ({megabytes:.1f} MB of UTF-8 text, {tokens:,} tokens)")
    print(f"time       {elapsed:.2f} s CPU ({wall:.2f} s wall), one process")
    print(f"articles/s {len(records) / elapsed:,.0f}")
    print(f"tokens/s   {tokens / elapsed:,.0f}")
    print(f"MB/s       {megabytes / elapsed:.2f}")
    print(f"peak RSS   {peak_mb:,.0f} MB")
    for name, seconds in per_stage.items():
        print(f"  stage {name:<20} {seconds:6.2f} s  {megabytes / seconds:8.2f} MB/s")


if __name__ == "__main__":
    main()
