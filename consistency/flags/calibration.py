"""Calibrated probabilities for candidate flags, and the severity that follows from them.

Every detector turns a candidate into a few numeric features (how many versions
agree, how similar the counterparts are, how much of a clause is covered ...).
A logistic model per detector family ("head") maps them to the probability that
the candidate is a real divergence. The coefficients are fitted with
scikit-learn by ``models/train_flags.py`` on synthetic divergences planted in
STS-B multi-MT sentences, one file per embedding model
(``models/calibration/flags-<model>.json``, copied into the package as
``consistency/data/calibration/flags-<model>.json``); at run time only numpy
reads them. A model without its own file uses ``flags-generic.json`` (fitted
on the pooled features of the bundled models: every similarity feature is on
the calibrated scale, 1 = a typical translation, so it transfers).

Severity (documented in docs/detection.md):
- not reported when ``p < REPORT`` (0.5), or for ``drift`` below ``MEDIUM``, or for an ``addition``
  below ``MEDIUM`` that brings no name the other versions lack (``CORROBORATE_BELOW``);
- ``high`` when ``p >= HIGH`` (0.85) and the kind can be high: additions and
  omissions of a whole claim, numbers, polarity;
- ``medium`` when ``p >= MEDIUM`` (0.65), or ``p >= HIGH`` for the other kinds
  (entity, hedging, drift, clause-level additions and omissions);
- ``low`` otherwise.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence

from .base import DETECTORS, Candidate, FlagContext

__all__ = ["CORROBORATE_BELOW", "FINDERS", "HIGH", "MEDIUM", "REPORT", "FlagCalibrator", "Finding", "Head", "decide",
           "finalize", "finder", "judge", "load_flag_calibrator", "severity_for"]

REPORT = 0.5
MEDIUM = 0.65
HIGH = 0.85
# kinds whose flags may be high (a whole claim added or dropped, a changed number, a flipped negation)
HIGH_KINDS = ("addition", "omission", "number", "polarity")

_DIR = Path(__file__).resolve().parents[1] / "data" / "calibration"


@dataclass(frozen=True)
class Head:
    """One logistic model: p = sigmoid(intercept + sum(coef * (x - mean) / scale))."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept
        for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef):
            z += c * (float(features.get(name, m)) - m) / (s or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_dict(cls, d: Mapping[str, Sequence[float] | float | Sequence[str]]) -> "Head":
        return cls(features=tuple(d["features"]), mean=tuple(float(x) for x in d["mean"]),  # type: ignore[union-attr]
                   scale=tuple(float(x) for x in d["scale"]), coef=tuple(float(x) for x in d["coef"]),  # type: ignore[union-attr]
                   intercept=float(d["intercept"]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class FlagCalibrator:
    """The heads fitted for one embedding model."""

    model: str
    heads: dict[str, Head]
    source: str = ""
    length_factors: dict[str, float] = field(default_factory=dict)  # characters per English character, by language

    def probability(self, head: str, features: Mapping[str, float]) -> float | None:
        h = self.heads.get(head)
        return None if h is None else h.probability(features)


def _read_calibrator(name: str) -> FlagCalibrator | None:
    path = _DIR / f"flags-{name}.json"
    return _read_file(path) if path.is_file() else None


@functools.lru_cache(maxsize=None)
def _read_file(path: Path) -> FlagCalibrator:
    data = json.loads(path.read_text(encoding="utf-8"))
    return FlagCalibrator(model=data.get("model", path.stem.removeprefix("flags-")),
                          heads={k: Head.from_dict(v) for k, v in data.get("heads", {}).items()},
                          source=str(path.name),
                          length_factors={k: float(v) for k, v in data.get("length_factors", {}).items()})


def load_flag_calibrator(model: str) -> FlagCalibrator | None:
    """The stored calibrator of a model, else the generic one, else None. A head the model's own file
    lacks (too few training candidates of that family) is taken from the generic file."""
    own, generic = _read_calibrator(model), _read_calibrator("generic")
    if own is None:
        return generic
    if generic is not None and set(generic.heads) - set(own.heads):
        return replace(own, heads={**generic.heads, **own.heads})
    return own


# kinds reported only from a higher probability: "says something else" is the vaguest finding, and a
# doubtful one costs an editor more reading than it saves
REPORT_FROM = {"drift": MEDIUM}
# kinds that below this probability are reported only with a second, independent sign (Finding.corroborated).
# A sentence or clause with no counterpart is, at low probability, more often one the others split, merged or
# rendered freely than a claim they lack; one that brings a name no other version has is a claim
CORROBORATE_BELOW = {"addition": MEDIUM}


def severity_for(kind: str, p: float, *, whole_claim: bool = True) -> str | None:
    """The severity of a flag of ``kind`` with probability ``p`` (None: not reported)."""
    if p < REPORT_FROM.get(kind, REPORT):
        return None
    if p >= HIGH and kind in HIGH_KINDS and whole_claim:
        return "high"
    if p >= MEDIUM:
        return "medium"
    return "low"


_OVERRIDE: dict[str, FlagCalibrator | None] = {}


def override(model: str, calibrator: FlagCalibrator | None) -> None:
    """Use ``calibrator`` for ``model`` in this process (``models/train_flags.py`` while it fits)."""
    _OVERRIDE[model] = calibrator


def calibrator_for(ctx: FlagContext) -> FlagCalibrator | None:
    """The calibrator of the check's model (the generic one for a model calibrated on the input)."""
    model = ctx.calibration.model if ctx.calibration is not None else "generic"
    if ctx.calibration is not None and ctx.calibration.source == "estimated from the input":
        model = "generic"
    if model in _OVERRIDE:
        return _OVERRIDE[model]
    return load_flag_calibrator(model)


def decide(ctx: FlagContext, head: str, features: Mapping[str, float], *, kind: str | None = None,
           whole_claim: bool = True, default: float = 0.6) -> tuple[bool, str, float]:
    """(report it?, severity, probability) of a candidate of detector family ``head``."""
    cal = calibrator_for(ctx)
    p = cal.probability(head, features) if cal is not None else None
    if p is None:
        p = default
    sev = severity_for(kind or head, p, whole_claim=whole_claim)
    return sev is not None, sev or "low", float(p)


@dataclass(frozen=True)
class Finding:
    """A detector's candidate before calibration: the flag, its family (head) and the head's features."""

    candidate: Candidate  # severity and score are provisional
    head: str
    features: dict[str, float]
    whole_claim: bool = True  # False for clause-level findings: they are never ``high``
    corroborated: bool = True  # a second sign besides the head's features (see CORROBORATE_BELOW)
    framing: bool = False  # a desk's own framing (a lead before a colon): never reported, it only explains a drift


Finder = Callable[[FlagContext], list[Finding]]
FINDERS: dict[str, Finder] = {}


def _held(f: Finding, p: float) -> bool:
    """Whether a finding that ``decide`` keeps is held back: a framing, or for want of corroboration
    (``CORROBORATE_BELOW``)."""
    return f.framing or (not f.corroborated and p < CORROBORATE_BELOW.get(f.candidate.kind, 0.0))


def judge(ctx: FlagContext, f: Finding) -> tuple[bool, str, float]:
    """(report it?, severity, probability) of a finding: ``decide``, then ``CORROBORATE_BELOW``."""
    keep, severity, p = decide(ctx, f.head, f.features, kind=f.candidate.kind, whole_claim=f.whole_claim,
                               default=f.candidate.score)
    return keep and not _held(f, p), severity, p


def finalize(ctx: FlagContext, findings: Sequence[Finding]) -> list[Candidate]:
    """Calibrated candidates: probability from the head, severity from probability and kind, weak ones
    dropped. One held back (a framing, or for want of corroboration) comes unreported (it still explains a drift)."""
    out = []
    for f in findings:
        keep, severity, p = decide(ctx, f.head, f.features, kind=f.candidate.kind, whole_claim=f.whole_claim,
                                   default=f.candidate.score)
        if keep:
            out.append(replace(f.candidate, severity=severity, score=round(p, 4), reported=not _held(f, p)))
    return out


def finder(name: str) -> Callable[[Finder], Finder]:
    """Register a finder in ``FINDERS`` and, calibrated by ``finalize``, as the detector ``name``."""

    def deco(fn: Finder) -> Finder:
        FINDERS[name] = fn
        DETECTORS.register(name)(lambda ctx: finalize(ctx, fn(ctx)))
        return fn

    return deco
