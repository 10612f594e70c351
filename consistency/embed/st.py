"""Any sentence-transformers model: a registry entry, a Hugging Face name in the local cache, or a folder.

This is the path every Hugging Face model takes (LaBSE, bge-m3, multilingual-e5-large,
the generated e5-small-st folder). It never downloads: names must already be cached.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import ModelError
from .base import BACKENDS, l2_normalise
from .models import ModelSpec, models_dir


def resolve_path(target: str) -> str:
    """A registry ``path``: relative to the models folder when it exists there, else as given."""
    local = models_dir() / target
    if local.exists():
        return str(local)
    return target


@BACKENDS.register("sentence-transformers")
class SentenceTransformerEmbedder:
    """Loads ``SentenceTransformer(path, device="cpu", local_files_only=True)`` on first use."""

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.target = resolve_path(str(spec.options["path"]))
        self._model: Any = None

    @property
    def dim(self) -> int:
        if self.spec.dim:
            return self.spec.dim
        model = self.load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def load(self) -> Any:
        """The underlying SentenceTransformer (for token embeddings too)."""
        if self._model is not None:
            return self._model
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelError(
                f"model {self.spec.id} needs sentence-transformers; install the extra: pip install 'consistency[st]'"
            ) from None
        is_folder = Path(self.target).exists()
        try:  # no progress bars from the loader: stderr is the user's
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:
            pass
        try:
            self._model = SentenceTransformer(self.target, device="cpu", local_files_only=True)
        except Exception as exc:  # library raises many types for a missing/corrupt model
            if not is_folder and self.spec.id == "e5-small-st":
                hint = "run `make models` to generate it"
            elif is_folder:
                hint = "check that the folder holds a sentence-transformers model"
            else:
                hint = "no download happens here: put the model in the local Hugging Face cache or give a folder"
            raise ModelError(f"model {self.spec.id}: cannot load {self.target!r} ({type(exc).__name__}); {hint}") from None
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.load()
        kwargs: dict[str, Any] = {"convert_to_numpy": True, "batch_size": 32, "show_progress_bar": False}
        prompt_name = self.spec.options.get("prompt_name")
        if prompt_name and prompt_name in getattr(model, "prompts", {}):
            kwargs["prompt_name"] = prompt_name
        elif self.spec.options.get("prompt"):
            kwargs["prompt"] = self.spec.options["prompt"]
        return l2_normalise(model.encode(list(texts), **kwargs))
