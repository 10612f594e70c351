"""The flag stage: detectors (one module per family) read aligned groups and return divergences.

Detectors register in ``DETECTORS``; ``detect`` runs the chosen ones, drops exact
duplicates, drift that a more specific flag explains and candidates judged too weak to report, turns a sentence
added where the same version lacks the others' sentence into one ``drift`` (a claim replaced), orders the flags
most severe first and numbers them F1, F2, ...
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from ..types import Flag, severity_rank
from .base import DETECTORS, Candidate, FlagContext, join_names, quote
from .divergence import divergence_score, divergence_scores

__all__ = ["DETECTORS", "FlagContext", "detect", "detector_names", "divergence_score", "divergence_scores"]


def _register() -> None:
    from . import causes, clauses, entity, gaps, hedging, number, opposites, polarity  # noqa: F401  (importing registers)


def detector_names() -> list[str]:
    _register()
    return DETECTORS.names()


def _memoised(embed_fn: Callable[[Sequence[str]], np.ndarray]) -> Callable[[Sequence[str]], np.ndarray]:
    """The check's embedder with an in-memory table in front: detectors ask for the same clauses often."""
    table: dict[str, np.ndarray] = {}

    def fn(texts: Sequence[str]) -> np.ndarray:
        todo = list(dict.fromkeys(t for t in texts if t not in table))
        if todo:
            for t, v in zip(todo, embed_fn(todo)):
                table[t] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([table[t] for t in texts])

    fn.memoised = True  # type: ignore[attr-defined]
    return fn


def _explained(found: list[Candidate]) -> list[Candidate]:
    """Drop a ``drift`` flag where a more specific flag (number, entity, polarity, hedging, a clause
    added or dropped, even one too weak to report) already says what differs in that version and group,
    and all but the narrowest of two drift flags there."""
    specific = {(c.version, c.group) for c in found if c.kind != "drift" and c.group is not None}
    kept = [c for c in found if not (c.kind == "drift" and (c.version, c.group) in specific)]
    # one drift per version and group, the narrowest: a replaced cause (``causes``) inside a drifting sentence
    narrowest: dict[tuple[str, str], Candidate] = {}
    for c in kept:
        if c.kind == "drift" and c.group is not None:
            key = (c.version, c.group)
            if key not in narrowest or c.end - c.start < narrowest[key].end - narrowest[key].start:
                narrowest[key] = c
    return [c for c in kept
            if not (c.kind == "drift" and c.group is not None and narrowest[(c.version, c.group)] is not c)]


def _substituted(ctx: FlagContext, found: list[Candidate]) -> list[Candidate]:
    """An addition and an omission in one version at the same place are one claim replaced by another: a
    ``drift`` flag on the added text, with the lacking sentence's counterparts ("the storm was decisive"
    where the others say "the heat and the dry summer were")."""
    out = list(found)
    for a in found:
        if a.kind != "addition" or a not in out:
            continue
        o = next((c for c in out if c.kind == "omission" and c.version == a.version and c.counterparts
                  and a.start - _SAME_PLACE <= c.start <= a.end + _SAME_PLACE), None)
        if o is None:
            continue
        carriers = {s.version for s in o.counterparts}
        others = join_names([v for v in ctx.versions if v in carriers])
        added = ctx.documents[a.version].text[a.start : a.end]
        drift = replace(a, kind="drift", counterparts=o.counterparts,
                        severity=max(a.severity, o.severity, key=severity_rank), score=max(a.score, o.score),
                        message=(f"The {a.version} version says {quote(added)} where {others} say "
                                 f"{quote(o.counterparts[0].text)}."))
        out = [drift if c is a else c for c in out if c is not o]
    return out


_SAME_PLACE = 3  # characters between an addition's edges and an omission's insertion point


def detect(ctx: FlagContext, detectors: Sequence[str] | None = None) -> list[Flag]:
    """Run detectors (all by default) and return numbered flags, most severe first."""
    _register()
    if ctx.embed_fn is not None and not getattr(ctx.embed_fn, "memoised", False):
        ctx.embed_fn = _memoised(ctx.embed_fn)
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
    unique = _substituted(ctx, [c for c in _explained(unique) if c.reported])
    order = {v: i for i, v in enumerate(ctx.versions)}
    unique.sort(key=lambda c: (-severity_rank(c.severity), -c.score, order[c.version], c.start))
    flags = []
    for i, c in enumerate(unique, 1):
        text = ctx.documents[c.version].text[c.start : c.end]
        flags.append(Flag(id=f"F{i}", kind=c.kind, version=c.version, start=c.start, end=c.end, text=text,
                          counterparts=c.counterparts, severity=c.severity, score=c.score, message=c.message,
                          group=c.group))
    return flags
