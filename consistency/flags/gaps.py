"""Additions, omissions and drift: claims with no counterpart, or a counterpart that says something else.

The odd one out is decided by majority over the versions of an alignment group:
content that fewer than half of the versions carry is an ``addition`` in those
that carry it; content that more than half carry is an ``omission`` in the rest;
an even split goes to the reference version's side. A version counts as carrying
a group when one of its segments is a member or is linked to a member (a claim
merged into a neighbouring sentence is linked by the aligner's bead test).
"""
from __future__ import annotations

from statistics import median

from ..types import Group, Segment
from .base import DETECTORS, QUIET_ROLES, Candidate, FlagContext, clip01, join_names, quote


def _carriers(ctx: FlagContext, group: Group) -> tuple[list[str], list[str]]:
    """(versions that carry the group's content, versions that lack it)."""
    link = ctx.thresholds["link"]
    present = set(ctx.versions_in(group))
    for w in ctx.versions:
        if w in present:
            continue
        if any(ctx.alignment.linked(m, w) >= link for m in group.members):
            present.add(w)
    have = [v for v in ctx.versions if v in present]
    lack = [v for v in ctx.versions if v not in present]
    return have, lack


def _absence(ctx: FlagContext, group: Group, lacking: list[str]) -> float:
    """How sure we are the lacking versions have no counterpart: 0 at ``link``, 1 at ``absent`` or below."""
    link, absent = ctx.thresholds["link"], ctx.thresholds["absent"]
    best = max((ctx.alignment.support(m, w) for m in group.members for w in lacking), default=absent)
    return clip01((link - best) / max(link - absent, 1e-6))


def _roles(ctx: FlagContext, group: Group) -> set[str]:
    return {ctx.index[m].role for m in group.members}


def _words(segs: list[Segment]) -> int:
    return sum(len(s.text.split()) for s in segs)


def _insertion_point(ctx: FlagContext, group: Group, version: str, reader: str) -> int:
    """Where ``group`` would sit in ``version``: after the counterpart of the nearest earlier group in ``reader``."""
    first = min(ctx.members(group, reader), key=lambda s: s.index)
    for seg in reversed(ctx.segments[reader][: first.index]):
        prior = ctx.alignment.groups[ctx.alignment.group_of[seg.id]]
        there = ctx.members(prior, version)
        if there:
            return max(s.end for s in there)
    return 0


@DETECTORS.register("gaps")
def detect_gaps(ctx: FlagContext) -> list[Candidate]:
    """``addition`` and ``omission`` flags for groups that not every version carries."""
    out: list[Candidate] = []
    for group in ctx.alignment.groups:
        roles = _roles(ctx, group)
        if roles <= set(QUIET_ROLES) or "title" in roles:
            continue
        have, lack = _carriers(ctx, group)
        if not lack:
            continue
        heading_only = roles <= {"heading"}
        sure = _absence(ctx, group, lack)
        score = 0.5 + 0.5 * sure
        if ctx.majority_side(have, lack):
            # an omission in each version that lacks it; skip when only quiet roles carry it
            members = [ctx.index[m] for m in group.members if ctx.index[m].role not in QUIET_ROLES]
            if not members or heading_only:
                continue
            reader = ctx.index[members[0].id].version
            counterparts = tuple(ctx.span(ctx.members(group, v)) for v in ctx.versions_in(group))
            big = _words(ctx.members(group, reader)) >= 6
            for w in lack:
                pos = _insertion_point(ctx, group, w, reader)
                severity = "high" if (big and sure >= 0.5 and len(have) >= 3) else "medium"
                out.append(Candidate(
                    kind="omission", version=w, start=pos, end=pos, counterparts=counterparts,
                    severity=severity, score=score, group=group.id,
                    message=(f"The {w} version lacks what {join_names(have)} say here: "
                             f"{quote(ctx.members(group, reader)[0].text)}."),
                ))
        else:
            for v in ctx.versions_in(group):
                segs = [s for s in ctx.members(group, v) if s.role not in QUIET_ROLES]
                if not segs:
                    continue
                span = ctx.span(segs)
                if heading_only:
                    severity = "low"
                elif _words(segs) >= 6 and sure >= 0.5:
                    severity = "high"
                else:
                    severity = "medium"
                others = [x for x in ctx.versions if x not in have]
                who = f"Only the {v} version says" if len(have) == 1 else f"Only {join_names(have)} say"
                out.append(Candidate(
                    kind="addition", version=v, start=span.start, end=span.end, counterparts=(),
                    severity=severity, score=score, group=group.id,
                    message=f"{who} {quote(span.text)}; {join_names(others)} have no counterpart.",
                ))
    return out


@DETECTORS.register("drift")
def detect_drift(ctx: FlagContext) -> list[Candidate]:
    """``drift`` flags: a version whose counterpart is related but clearly not a faithful rendering.

    A version is the odd one out when the median of its similarities to the other
    members is below ``faithful`` while the others agree among themselves (their
    median is at least ``faithful``); with two versions, the non-reference one.
    """
    link, faithful = ctx.thresholds["link"], ctx.thresholds["faithful"]
    out: list[Candidate] = []
    for group in ctx.alignment.groups:
        if _roles(ctx, group) & {"title", *QUIET_ROLES}:
            continue
        present = ctx.versions_in(group)
        if len(present) < 2:
            continue

        def pair_sim(a: str, b: str) -> float:
            return max(ctx.alignment.sim(x.id, y.id) for x in ctx.members(group, a) for y in ctx.members(group, b))

        for v in present:
            others = [w for w in present if w != v]
            mine = median([pair_sim(v, w) for w in others])
            if mine >= faithful:
                continue
            if len(others) >= 2:
                rest = median([pair_sim(a, b) for i, a in enumerate(others) for b in others[i + 1 :]])
                if rest < faithful:
                    continue  # the others do not agree among themselves either: no odd one out
            elif v == ctx.reference:
                continue  # two versions: the non-reference one is the one that moved
            span = ctx.span(ctx.members(group, v))
            counterparts = tuple(ctx.span(ctx.members(group, w)) for w in others)
            severity = "medium" if mine < link else "low"
            out.append(Candidate(
                kind="drift", version=v, start=span.start, end=span.end, counterparts=counterparts,
                severity=severity, score=0.5 + 0.5 * clip01((faithful - mine) / max(faithful - link, 1e-6)),
                group=group.id,
                message=(f"The {v} version says something different here from {join_names(others)} "
                         f"(similarity {mine:.2f}; faithful translations score {faithful:.2f} or more)."),
            ))
    return out
