"""The SQLite store: ingest analyzed articles, search them, follow actors, find contradictions."""

from rasid.store.db import Store, Stored, StoreError, default_path

__all__ = ["Store", "StoreError", "Stored", "default_path"]
