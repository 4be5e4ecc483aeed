"""Scale-out of `rasid batch`: the same corpus with 1 and with N worker processes.

Prints, for each worker count, articles/s and events/s (wall clock), the CPU seconds the
workers used, the peak memory of each worker process and, at the end, the speed-up and the
reduce step's time. The last line is JSON.

    python benchmarks/batch.py [INPUT...] [--workers 1,2] [--partition-size 500] [--keep DIR]

Default input: the whole SaudiNewsNet corpus (18 daily zips, 31,030 articles) beside this
checkout. Not a test. On a machine shared with other work the wall-clock figures are noisy;
`cpu efficiency` (worker CPU seconds / (wall seconds x workers)) shows how much of the cores
the run really had.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from rasid.batch import run_batch
from rasid.batch.manifest import Manifest
from rasid.batch.reduce import run_reduce

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/dataset"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--keep", metavar="DIR", help="write the outputs under DIR (else a temporary folder)")
    args = parser.parse_args()

    base = Path(args.keep or tempfile.mkdtemp(prefix="rasid-batch-bench-"))
    results = []
    for workers in (int(w) for w in args.workers.split(",")):
        out = base / f"workers-{workers}"
        started = time.perf_counter()
        summary = run_batch(args.inputs, out, workers=workers, partition_size=args.partition_size,
                            reduce=False)
        wall = time.perf_counter() - started
        cpu = sum(entry["cpu_seconds"] for entry in Manifest(out).entries())
        result = {"workers": workers, "articles": summary.docs, "events": summary.events,
                  "claims": summary.claims, "failures": summary.failures, "wall_s": round(wall, 1),
                  "articles_per_s": round(summary.docs / wall, 2),
                  "events_per_s": round(summary.events / wall, 2),
                  "worker_cpu_s": round(cpu, 1), "cpu_efficiency": round(cpu / (wall * workers), 3),
                  "peak_rss_mb": sorted(summary.peak_rss_mb.values(), reverse=True)}
        results.append(result)
        print(f"{workers} worker(s): {summary.docs:,} articles in {wall:,.1f} s: "
              f"{result['articles_per_s']:,.1f} articles/s, {result['events_per_s']:,.1f} events/s; "
              f"worker CPU {cpu:,.0f} s (efficiency {result['cpu_efficiency']:.2f}); "
              f"peak RSS per worker {', '.join(f'{m:,.0f}' for m in result['peak_rss_mb'])} MB", flush=True)
    started = time.perf_counter()
    reduced = run_reduce(base / f"workers-{results[0]['workers']}")
    reduce_s = time.perf_counter() - started
    print(f"reduce: {reduced['stories']:,} stories, {reduced['cross_contradictions']:,} cross-source "
          f"contradictions in {reduce_s:,.1f} s")
    report = {"results": results, "reduce_s": round(reduce_s, 1), "stories": reduced["stories"],
              "cross_contradictions": reduced["cross_contradictions"], "output": str(base)}
    if len(results) > 1:
        first, last = min(results, key=lambda r: r["workers"]), max(results, key=lambda r: r["workers"])
        report["speedup"] = round(first["wall_s"] / last["wall_s"], 2)
        # The speed-up had each run had its cores to itself: rates per worker CPU second.
        report["speedup_cpu"] = round((last["articles"] / last["worker_cpu_s"] * last["workers"])
                                      / (first["articles"] / first["worker_cpu_s"] * first["workers"]), 2)
        print(f"speed-up {first['workers']} -> {last['workers']} workers: {report['speedup']:.2f}x "
              f"wall clock, {report['speedup_cpu']:.2f}x per worker CPU second")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
