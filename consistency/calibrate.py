"""Per-model similarity calibration: raw cosines mapped to one model-independent scale.

``similarity = (cos - negative) / (positive - negative)``, where ``positive`` is
the median cosine of true translations and ``negative`` that of random sentence
pairs, measured on STS-B multi-MT by ``models/calibrate.py`` into
``models/calibration/<model>.json``. On that scale 1 is a typical translation and 0
an unrelated sentence, whatever the model. The thresholds the aligner and flags use
are quantiles of the same measurement, so nothing is tuned on the articles checked.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

_DIR = Path(__file__).resolve().parent / "data" / "calibration"


@dataclass(frozen=True)
class Calibration:
    model: str
    positive: float
    negative: float
    quantiles: dict[str, dict[str, float]]
    source: str = ""

    def similarity(self, cos: np.ndarray | float) -> np.ndarray:
        """Calibrated similarity (1 = typical translation, 0 = unrelated), not clipped."""
        return (np.asarray(cos, dtype=np.float32) - self.negative) / max(self.positive - self.negative, 1e-6)

    def cal(self, quantity: str, q: str) -> float:
        """A measured quantile on the calibrated scale, e.g. cal("translation", "p05")."""
        return float(self.similarity(self.quantiles[quantity][q]))

    @property
    def thresholds(self) -> dict[str, float]:
        """The decision points, all from the STS-B measurement (see README "How decisions are made").

        - ``link``: a counterpart at all: the median of a translation that lost half its words.
        - ``faithful``: a faithful translation: 5th percentile of true translations.
        - ``absent``: surely no counterpart: 95th percentile of random pairs.
        """
        return {
            "link": self.cal("half_dropped", "p50"),
            "faithful": self.cal("translation", "p05"),
            "absent": self.cal("random", "p95"),
        }


@functools.lru_cache(maxsize=None)
def load_calibration(name: str) -> Calibration | None:
    """The stored calibration of a registry model, or None when it has none."""
    path = _DIR / f"{name}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibration(model=data["model"], positive=data["positive"], negative=data["negative"],
                       quantiles=data["quantiles"], source=data.get("source", ""))


def estimate_calibration(model: str, sims: Sequence[np.ndarray]) -> Calibration:
    """A fallback for a model with no stored calibration, from the documents' own cosines.

    Positives: each segment's best cosine in another version (mostly its translation);
    negatives: all cosines. Quantiles are placed where the STS-B measurement of the
    bundled models puts them, relative to these two medians.
    """
    best = np.concatenate([np.concatenate([s.max(axis=1), s.max(axis=0)]) for s in sims if s.size])
    allc = np.concatenate([s.ravel() for s in sims if s.size])
    pos, neg = float(np.median(best)), float(np.median(allc))
    span = max(pos - neg, 1e-6)

    def at(x: float) -> float:
        return neg + x * span

    quantiles = {
        "translation": {"p05": at(0.68), "p50": pos},
        "half_dropped": {"p50": at(0.49)},
        "random": {"p95": at(0.36), "p50": neg},
    }
    return Calibration(model=model, positive=pos, negative=neg, quantiles=quantiles, source="estimated from the input")
