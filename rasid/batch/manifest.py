"""The record of finished partitions, which makes a batch run resumable.

`OUT/_manifest.jsonl` gets one line per partition when, and only when, all its files are in
place: its id, the checksum of its input, and its files. A rerun skips a partition whose line is
there with the same checksum; files that no line claims (a run killed between writing a
partition and recording it) are deleted before anything else happens, so a crash costs the
partitions in flight and never leaves duplicate rows. Only the driver writes here, one line at a
time, under a lock that keeps two runs off the same directory.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FORMAT = "rasid.batch/1"
MANIFEST = "_manifest.jsonl"
LOCK = "_lock"


class ManifestError(Exception):
    """The output directory cannot be used as asked (another run holds it, other partitioning)."""


class Manifest:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / MANIFEST

    def header(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        with self.path.open(encoding="utf-8") as handle:
            first = handle.readline()
        return json.loads(first) if first.strip() else None

    def latest(self) -> dict[str, dict[str, Any]]:
        """The last line of every partition id; a line cut short by a crash is ignored."""
        found: dict[str, dict[str, Any]] = {}
        if not self.path.exists():
            return found
        with self.path.open(encoding="utf-8") as handle:
            handle.readline()
            for line in handle:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                found[entry["id"]] = entry
        return found

    def entries(self) -> list[dict[str, Any]]:
        """The complete partitions, in input order (path, zip member, first line or record)."""
        live = [e for e in self.latest().values() if not e.get("dropped")]
        return sorted(live, key=lambda e: (e["paths"][0], e.get("member") or "", e["start"], e["id"]))

    def start(self, partition_size: int) -> None:
        """Begin or continue a run; partitions cut to another size would overlap the ones written."""
        header = self.header()
        if header is None:
            # A rerun deletes files that no manifest line claims: never in someone else's directory.
            if any(p.name != LOCK for p in self.out.iterdir()):
                raise ManifestError(f"{self.out} is not empty and holds no rasid batch output; "
                                    "write to a new or empty directory")
            self._append({"format": FORMAT, "partition_size": partition_size})
        elif header.get("format") != FORMAT:
            raise ManifestError(f"{self.out} holds no rasid batch output ({self.path.name} is not ours)")
        elif header["partition_size"] != partition_size:
            raise ManifestError(f"{self.out} was written with --partition-size {header['partition_size']}; "
                                "rerun with that size, or write to a new directory")
        else:
            with self.path.open("rb+") as handle:  # end a line a crash cut short, before appending
                handle.seek(-1, os.SEEK_END)
                if handle.read(1) != b"\n":
                    handle.write(b"\n")

    def record(self, entry: dict[str, Any]) -> None:
        self._append(entry)

    def clean(self, checksums: dict[str, str]) -> None:
        """Forget partitions whose input changed (`checksums`: id → checksum of this run's plan) and
        delete every data file that no recorded partition claims, including temporaries."""
        keep: set[str] = set()
        for pid, entry in self.latest().items():
            if entry.get("dropped"):
                continue
            if pid in checksums and checksums[pid] != entry["checksum"]:
                self._append({"id": pid, "dropped": True})
            else:
                keep.update(entry["files"])
        for path in self.out.glob("*/day=*/*"):
            if str(path.relative_to(self.out)) not in keep:
                path.unlink()

    def _append(self, entry: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold `OUT/_lock` for a run; a second run on the same directory fails at once."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / LOCK).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ManifestError(f"another rasid batch is writing to {out}") from None
        yield
