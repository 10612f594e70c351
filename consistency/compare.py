"""The compare stage: how close each pair of versions is overall (similarity, drift, coverage)."""
from __future__ import annotations

from typing import Mapping, Sequence

from .align import Alignment
from .types import PairScore, Segment

CONTENT_ROLES = ("body",)


def _coverage(segs: Sequence[Segment], other: str, alignment: Alignment, link: float) -> tuple[float, float]:
    """(share of body characters with a counterpart in ``other``, character-weighted mean similarity)."""
    body = [s for s in segs if s.role in CONTENT_ROLES] or list(segs)
    total = sum(len(s.text) for s in body) or 1
    covered = sum(len(s.text) for s in body if alignment.linked(s.id, other) >= link)
    sim = sum(len(s.text) * min(1.0, max(0.0, alignment.support(s.id, other))) for s in body)
    return covered / total, sim / total


def compare(
    segments: Mapping[str, Sequence[Segment]], alignment: Alignment, link: float
) -> list[PairScore]:
    """One PairScore per unordered version pair, in input order.

    ``similarity`` is the mean calibrated similarity of each side's body text to its
    best counterparts in the other (1 = as close as typical translations), ``drift``
    is ``1 - similarity``, and ``coverage_x`` the share of x's body characters that
    have a counterpart at all.
    """
    versions = list(segments)
    out: list[PairScore] = []
    for i, a in enumerate(versions):
        for b in versions[i + 1 :]:
            cov_a, sim_a = _coverage(segments[a], b, alignment, link)
            cov_b, sim_b = _coverage(segments[b], a, alignment, link)
            sim = (sim_a + sim_b) / 2
            out.append(PairScore(a=a, b=b, similarity=sim, drift=1.0 - sim, coverage_a=cov_a, coverage_b=cov_b))
    return out
