"""Shared pieces of the per-group detectors: majority votes over versions, a version's text in a group,
and clause-level localisation of a cue.

With five versions the odd one out is the one that differs from the majority;
with an even split (two versions, or two against two) the reference version's
side counts as right, and the message says which differs from which, not who is
wrong.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Mapping, Sequence, TypeVar

import numpy as np

from ..types import Group, Span
from .base import QUIET_ROLES, FlagContext
from .clausesplit import split_clauses

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Vote:
    """The outcome of a vote over versions on one attribute."""

    value: Hashable  # the winning value
    winners: tuple[str, ...]  # versions holding it
    losers: tuple[str, ...]  # versions that differ (the ones to flag)
    tie: bool  # decided by the reference, not by a strict majority


def vote(values: Mapping[str, K], reference: str) -> Vote | None:
    """The majority value among versions; None when everyone agrees or no side can be called right.

    A strict majority wins; otherwise the value held by the reference version wins
    if it is among the most common ones (two versions, or 2 against 2).
    """
    if len(values) < 2:
        return None
    counts = Counter(values.values())
    if len(counts) == 1:
        return None
    (top, n_top), *rest = counts.most_common()
    if n_top * 2 > len(values):
        winner, tie = top, False
    elif reference in values and counts[values[reference]] == n_top:
        winner, tie = values[reference], True
    else:
        return None
    winners = tuple(v for v in values if values[v] == winner)
    losers = tuple(v for v in values if values[v] != winner)
    return Vote(winner, winners, losers, tie)


@dataclass(frozen=True)
class Unit:
    """A clause of one version, with absolute offsets."""

    version: str
    start: int
    end: int
    text: str


def group_text(ctx: FlagContext, group: Group, version: str) -> tuple[str, list[Span]]:
    """The text a version contributes to a group (quiet roles left out) and its member spans."""
    segs = [s for s in ctx.members(group, version) if s.role not in QUIET_ROLES]
    segs.sort(key=lambda s: s.start)
    spans = [Span(version, s.start, s.end, s.text) for s in segs]
    return " ".join(s.text for s in segs), spans


def clauses_of(ctx: FlagContext, group: Group, version: str) -> list[Unit]:
    """The clauses of a version's members in a group, with absolute offsets."""
    lang = ctx.documents[version].lang
    out: list[Unit] = []
    for seg in sorted(ctx.members(group, version), key=lambda s: s.start):
        if seg.role in QUIET_ROLES:
            continue
        for a, b in split_clauses(seg.text, lang):
            out.append(Unit(version, seg.start + a, seg.start + b, seg.text[a:b]))
    return out


def unit_containing(units: Sequence[Unit], start: int, end: int) -> Unit | None:
    for u in units:
        if u.start <= start and end <= u.end:
            return u
    return None


def best_counterpart(ctx: FlagContext, unit: Unit, candidates: Sequence[Unit]) -> tuple[Unit | None, float]:
    """The candidate clause the model finds closest to ``unit`` (None without an embedder)."""
    if not candidates:
        return None, 0.0
    if len(candidates) == 1:
        return candidates[0], 1.0
    if ctx.embed_fn is None:
        return None, 0.0
    vecs = ctx.embed_fn([unit.text] + [c.text for c in candidates])
    sims = vecs[1:] @ vecs[0]
    i = int(np.argmax(sims))
    return candidates[i], float(sims[i])


def whole(ctx: FlagContext, spans: Sequence[Span]) -> tuple[int, int]:
    """From the first to the last span."""
    return min(s.start for s in spans), max(s.end for s in spans)


def pair_similarity(ctx: FlagContext, group: Group, a: str, b: str) -> float:
    """Best calibrated similarity between a's and b's members of a group."""
    return max(ctx.alignment.sim(x.id, y.id) for x in ctx.members(group, a) for y in ctx.members(group, b))
