"""Word-level alignment coverage of two sentences (any two languages), from e5-small's token vectors.

A sentence cosine averages over the whole sentence: a phrase one version adds or
leaves out ("the debut English album by German band ..." against "Il contient ...")
moves it little. Word vectors see it: each word of one side is compared with every
word of the other (cosine of contextual vectors), and a word whose best match is
weak has no counterpart. From those best matches, per pair:

- ``w_cover``: the lower of the two sides' mean best match (BERTScore's precision
  and recall, the weaker one);
- ``w_gap``: the weakest run of ``RUN`` consecutive words on either side (mean of
  their best matches): a phrase without counterpart;
- ``w_unaligned``: the larger share, over the two sides, of words that are not
  in a mutual best match (a scale-free cue: no threshold on the cosine).

Vectors: the hidden states of layer ``LAYER`` of multilingual-e5-small (the
generated ``e5-small-st`` folder, see models/README.md), the sub-word vectors of
a word averaged, punctuation pieces left out (so "columns." is "columns" and "," no word). Middle layers align words
across languages better than the last one, which is trained for the sentence
(layer chosen on synthetic STS-B pairs, see models/train_flags.py). Optional:
``available()`` is False when the folder or transformers is missing, and
``divergence_score`` then uses the sentence features only.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Sequence

import numpy as np

__all__ = ["WORD_FEATURES", "alignment_features", "available", "layer_word_vectors", "word_vectors"]

WORD_FEATURES = ("w_cover", "w_gap", "w_unaligned")  # the divergence head reads w_gap and w_unaligned
LAYER = 8
RUN = 3
MODEL_FOLDER = "e5-small-st"
PROMPT = "passage: "
_PUNCT = re.compile(r"^\W+$", re.UNICODE)


def _folder() -> Path:
    from ..embed.models import models_dir

    return models_dir() / MODEL_FOLDER


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """Whether the e5-small-st folder and transformers (with torch) are there."""
    if not (_folder() / "model.safetensors").is_file():
        return False
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _load():
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    folder = str(_folder())
    tok = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModel.from_pretrained(folder, local_files_only=True).eval()
    return tok, model, torch


def word_vectors(texts: Sequence[str], batch: int = 16) -> list[np.ndarray]:
    """Per text, one L2-normalised row per word (sub-words averaged, punctuation skipped)."""
    return [v[LAYER] for v in layer_word_vectors(texts, (LAYER,), batch)]


def layer_word_vectors(texts: Sequence[str], layers: Sequence[int], batch: int = 16) -> list[dict[int, np.ndarray]]:
    """``word_vectors`` for several layers at once (the training script compares them)."""
    tok, model, torch = _load()
    out: list[dict[int, np.ndarray]] = []
    out: list[np.ndarray] = []
    skip = len(PROMPT)
    for i in range(0, len(texts), batch):
        part = list(texts[i:i + batch])
        enc = tok([PROMPT + t for t in part], return_tensors="pt", padding=True, truncation=True, max_length=256,
                  return_offsets_mapping=True)
        offsets = enc.pop("offset_mapping").tolist()
        with torch.no_grad():
            states = model(**enc, output_hidden_states=True).hidden_states
        for k, text in enumerate(part):
            groups: dict[int, list[int]] = {}
            for j, w in enumerate(enc.word_ids(k)):
                if w is None:
                    continue
                a, b = offsets[k][j]
                if b <= skip:  # the prompt
                    continue
                piece = text[max(a - skip, 0):b - skip].strip()
                if not piece or _PUNCT.match(piece):  # "columns." is the word "columns"; "," is no word
                    continue
                groups.setdefault(w, []).append(j)
            keep = list(groups.values())
            per: dict[int, np.ndarray] = {}
            for layer in layers:
                hidden = states[layer][k].numpy()
                m = np.stack([hidden[ix].mean(axis=0) for ix in keep]) if keep else np.zeros((0, hidden.shape[-1]))
                m = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
                per[layer] = m.astype(np.float32)
            out.append(per)
    return out


def _runs(best: np.ndarray, n: int) -> float:
    if len(best) <= n:
        return float(best.mean())
    c = np.convolve(best, np.ones(n) / n, mode="valid")
    return float(c.min())


def alignment_features(A: np.ndarray, B: np.ndarray) -> dict[str, float]:
    """``w_cover``, ``w_gap``, ``w_unaligned`` of two sentences' word vectors (see the module docstring)."""
    if len(A) == 0 or len(B) == 0:
        return {"w_cover": 0.0, "w_gap": 0.0, "w_unaligned": 1.0}
    S = A @ B.T
    ba, bb = S.max(axis=1), S.max(axis=0)
    mutual_a = S.argmax(axis=1)
    mutual_b = S.argmax(axis=0)
    aligned_a = np.array([mutual_b[mutual_a[i]] == i for i in range(len(A))])
    aligned_b = np.array([mutual_a[mutual_b[j]] == j for j in range(len(B))])
    return {
        "w_cover": float(min(ba.mean(), bb.mean())),
        "w_gap": min(_runs(ba, RUN), _runs(bb, RUN)),
        "w_unaligned": float(max(1.0 - aligned_a.mean(), 1.0 - aligned_b.mean())),
    }
