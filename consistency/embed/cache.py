"""An on-disk embedding cache keyed by (model id, text): re-checking an unchanged article loads no model.

SQLite in WAL mode, so parallel batch workers can share it. Keys are SHA-1 of the
exact (already NFC-normalised) text; values are float32 bytes.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Sequence

import numpy as np

SCHEMA_VERSION = 1


def default_cache_dir() -> Path:
    """$CONSISTENCY_CACHE_DIR, else $XDG_CACHE_HOME/consistency, else ~/.cache/consistency."""
    env = os.environ.get("CONSISTENCY_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "consistency"


def _key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors by (model, text). A cache that cannot be opened degrades to no cache, never to an error."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.path = Path(directory or default_cache_dir()) / f"embeddings-v{SCHEMA_VERSION}.sqlite"
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS vec (model TEXT, key BLOB, dim INTEGER, data BLOB,"
                    " PRIMARY KEY (model, key))"
                )
                self._db = db
            except (OSError, sqlite3.Error):
                return None
        return self._db

    def get_many(self, model: str, texts: Sequence[str]) -> dict[int, np.ndarray]:
        """Cached vectors by position in ``texts``."""
        db = self._conn()
        found: dict[int, np.ndarray] = {}
        if db is None or not texts:
            self.misses += len(texts)
            return found
        by_key: dict[bytes, list[int]] = {}
        for i, t in enumerate(texts):
            by_key.setdefault(_key(t), []).append(i)
        keys = list(by_key)
        try:
            for lo in range(0, len(keys), 500):
                chunk = keys[lo : lo + 500]
                q = f"SELECT key, data FROM vec WHERE model=? AND key IN ({','.join('?' * len(chunk))})"
                for key, data in db.execute(q, [model, *chunk]):
                    vec = np.frombuffer(data, dtype=np.float32)
                    for i in by_key[bytes(key)]:
                        found[i] = vec
        except sqlite3.Error:
            return {}
        self.hits += len(found)
        self.misses += len(texts) - len(found)
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        db = self._conn()
        if db is None:
            return
        rows = [(model, _key(t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
