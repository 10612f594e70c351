"""The flag stage: detectors (one module per family) read aligned groups and return divergences.

Detectors register in ``DETECTORS``; ``detect`` runs the chosen ones, drops exact
duplicates, orders the flags most severe first and numbers them F1, F2, ...
"""
from __future__ import annotations

from typing import Sequence

from ..types import Flag, severity_rank
from .base import DETECTORS, Candidate, FlagContext
from .divergence import divergence_score, divergence_scores

__all__ = ["DETECTORS", "FlagContext", "detect", "detector_names", "divergence_score", "divergence_scores"]


def _register() -> None:
    from . import entity, gaps, hedging, number, polarity  # noqa: F401  (importing registers)


def detector_names() -> list[str]:
    _register()
    return DETECTORS.names()


def detect(ctx: FlagContext, detectors: Sequence[str] | None = None) -> list[Flag]:
    """Run detectors (all by default) and return numbered flags, most severe first."""
    _register()
    found: list[Candidate] = []
    for name in detectors or DETECTORS.names():
        found.extend(DETECTORS.get(name)(ctx))
    seen: set[tuple[str, str, int, int]] = set()
    unique: list[Candidate] = []
    for c in found:
        key = (c.kind, c.version, c.start, c.end)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    order = {v: i for i, v in enumerate(ctx.versions)}
    unique.sort(key=lambda c: (-severity_rank(c.severity), -c.score, order[c.version], c.start))
    flags = []
    for i, c in enumerate(unique, 1):
        text = ctx.documents[c.version].text[c.start : c.end]
        flags.append(Flag(id=f"F{i}", kind=c.kind, version=c.version, start=c.start, end=c.end, text=text,
                          counterparts=c.counterparts, severity=c.severity, score=c.score, message=c.message,
                          group=c.group))
    return flags
