"""The embedder protocol and the registry of backends."""
from __future__ import annotations

from typing import Any, Protocol, Sequence, runtime_checkable

import numpy as np

from ..registry import Registry
from .models import ModelSpec


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text.

    Backends load their weights on the first ``encode`` call, never at construction,
    so a run whose vectors are all cached never loads a model.
    """

    spec: ModelSpec

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def l2_normalise(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


BACKENDS: Registry[Embedder] = Registry("embedding backend")


class LazyBackend:
    """Shared shape of in-process backends: create the model on first ``encode``, normalise the output."""

    default_dim = 0

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self._model: Any = None

    @property
    def dim(self) -> int:
        return self.spec.dim or self.default_dim

    def _create(self) -> Any:
        raise NotImplementedError

    def _encode(self, model: Any, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._model is None:
            self._model = self._create()
        return l2_normalise(self._encode(self._model, list(texts)))
