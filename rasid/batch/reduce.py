"""The second step: work that needs the whole corpus, over the Parquet the workers wrote.

Story clusters (`rasid.store.stories`) and cross-source contradictions (`rasid.store.cross`)
compare each document with every earlier one, so they cannot run inside a partition. This step
reads the partitions in corpus order, one at a time, and keeps only the indexes in memory: the
MinHash signatures (computed by the workers) and the claims that contain events. It writes
`stories` (doc_id, story) and `cross_contradictions` (doc_a, claim_a, doc_b, claim_b, reason),
and is skipped when the partitions have not changed since it last ran.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from rasid.batch.manifest import Manifest
from rasid.batch.parquet import CROSS, SIGNATURES, STORIES, partition_rows, write_table
from rasid.store import cross, stories

MARKER = "_reduce.json"
_TABLES = ("documents", "actors", "events", "claims", SIGNATURES)


def run_reduce(out: Path) -> dict[str, Any]:
    """Cluster stories and find cross-source contradictions; return the figures of the step."""
    entries = Manifest(out).entries()
    digest = hashlib.sha1(json.dumps([(e["id"], e["checksum"]) for e in entries]).encode()).hexdigest()
    marker = out / MARKER
    if marker.exists():
        previous = json.loads(marker.read_text(encoding="utf-8"))
        if previous.get("digest") == digest and all((out / f).exists() for f in previous["files"]):
            return {**previous, "skipped": True}
    started = time.perf_counter()
    index, claims = stories.StoryIndex(), cross.ClaimIndex()
    story_rows: list[dict[str, Any]] = []
    cross_rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in entries:
        for rows in partition_rows(out, entry, _TABLES):
            head = rows["documents"][0]
            if head["id"] in seen:  # the same article in two partitions counts once
                continue
            seen.add(head["id"])
            story = index.add(head["id"], stories.from_bytes(rows[SIGNATURES][0]["minhash"]))
            story_rows.append({"doc_id": head["id"], "story": story})
            records = cross.claim_records(head["id"], head.get("source"), head.get("published"),
                                          rows["claims"], rows["events"], rows["actors"])
            for earlier, new, reason in cross.find_cross_contradictions(claims, records):
                cross_rows.append({"doc_a": earlier.doc_id, "claim_a": earlier.stated.claim.id,
                                   "doc_b": new.doc_id, "claim_b": new.stated.claim.id, "reason": reason})
    files = [write_table(out, STORIES, story_rows), write_table(out, CROSS, cross_rows)]
    figures = {"digest": digest, "files": files, "documents": len(story_rows),
               "stories": len({row["story"] for row in story_rows}), "cross_contradictions": len(cross_rows),
               "seconds": round(time.perf_counter() - started, 3)}
    staged = marker.with_suffix(".tmp")
    staged.write_text(json.dumps(figures), encoding="utf-8")
    staged.replace(marker)
    return {**figures, "skipped": False}
