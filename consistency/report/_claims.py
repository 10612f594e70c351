"""The claim view shared by the HTML and Markdown reports: claims in reading order, one cell per version.

A claim is an alignment group (segments of several versions that say the same
thing). Its cell in a version is ``present`` (the version says it), ``missing``
(it has no segment in the group) or ``changed`` (it says it, but a number, name,
polarity, hedge or meaning differs: a flag other than addition/omission). Flags
sit in the cell of the claim and version they concern. Nothing here does I/O.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..types import Flag, Report, Segment, severity_rank

PRESENT, MISSING, CHANGED = "present", "missing", "changed"
GAP_KINDS = ("addition", "omission")


@dataclass(frozen=True)
class Cell:
    """One version's part of one claim."""

    version: str
    state: str  # present | missing | changed
    segments: tuple[Segment, ...]
    flags: tuple[Flag, ...]  # this version's flags that concern this claim

    @property
    def worst(self) -> str | None:
        """The highest severity among the cell's flags, or None."""
        return max((f.severity for f in self.flags), key=severity_rank, default=None)


@dataclass(frozen=True)
class Claim:
    """One row of the claim matrix and of the side-by-side view."""

    number: int  # 1-based, in reading order
    group: int | None  # the alignment group, None for a segment no group holds
    role: str  # the most common role of its segments
    cells: tuple[Cell, ...]  # one per version, in the report's version order

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(f for c in self.cells for f in c.flags)

    @property
    def label(self) -> str:
        """A short quote of the claim from the first version that has it."""
        for cell in self.cells:
            if cell.segments:
                return snippet(" ".join(s.text for s in cell.segments), 90)
        return ""


def snippet(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[: limit - 1]) + "…"


def _reading_order(sequences: Sequence[list[int]], reference: int = 0) -> list[int]:
    """Merge each version's order of claims into one order that respects all of them where possible.

    Repeatedly takes a claim that heads every sequence it occurs in; when reordered
    paragraphs make that impossible, the reference version's next claim goes first.
    """
    queues = [list(dict.fromkeys(seq)) for seq in sequences]
    heads = [0] * len(queues)
    done: set[int] = set()
    order: list[int] = []
    total = len({g for q in queues for g in q})
    while len(order) < total:
        for i, q in enumerate(queues):
            while heads[i] < len(q) and q[heads[i]] in done:
                heads[i] += 1
        current = [q[heads[i]] for i, q in enumerate(queues) if heads[i] < len(q)]
        pick = None
        for g in current:
            if all(g not in q[heads[i] + 1:] for i, q in enumerate(queues)):
                pick = g
                break
        if pick is None:
            ref = queues[reference] if heads[reference] < len(queues[reference]) else None
            pick = ref[heads[reference]] if ref else current[0]
        done.add(pick)
        order.append(pick)
    return order


def _flag_groups(report: Report, seg_group: dict[str, int]) -> dict[str, int | None]:
    """The claim each flag concerns: its own ``group``, else the group of the segment it overlaps."""
    by_version: dict[str, list[Segment]] = {}
    for s in report.segments:
        by_version.setdefault(s.version, []).append(s)
    out: dict[str, int | None] = {}
    for f in report.flags:
        if f.group is not None:
            out[f.id] = f.group
            continue
        segs = by_version.get(f.version, [])
        hit = [s for s in segs if s.start < max(f.end, f.start + 1) and f.start < s.end] or \
              [s for s in segs if s.start <= f.start <= s.end]
        out[f.id] = seg_group.get(hit[0].id) if hit else None
    return out


def claims(report: Report) -> list[Claim]:
    """Every claim of the report in reading order, with a cell per version."""
    versions = [v.id for v in report.versions]
    segs = {s.id: s for s in report.segments}
    members: dict[int, list[Segment]] = {}
    seg_group: dict[str, int] = {}
    for g in report.alignment:
        members[g.id] = [segs[m] for m in g.members if m in segs]
        for m in g.members:
            seg_group.setdefault(m, g.id)
    # segments no group holds become claims of their own (negative keys keep them apart)
    for i, s in enumerate(report.segments):
        if s.id not in seg_group:
            seg_group[s.id] = -(i + 1)
            members[-(i + 1)] = [s]
    sequences = []
    for v in versions:
        vsegs = sorted((s for s in report.segments if s.version == v), key=lambda s: (s.start, s.index))
        sequences.append([seg_group[s.id] for s in vsegs])
    order = _reading_order(sequences)
    flag_group = _flag_groups(report, seg_group)
    out = []
    for n, key in enumerate(order, 1):
        cells = []
        for v in versions:
            vsegs = tuple(sorted((s for s in members[key] if s.version == v), key=lambda s: s.start))
            vflags = tuple(f for f in report.flags if f.version == v and flag_group.get(f.id) == key)
            if not vsegs:
                state = MISSING
            elif any(f.kind not in GAP_KINDS for f in vflags):
                state = CHANGED
            else:
                state = PRESENT
            cells.append(Cell(version=v, state=state, segments=vsegs, flags=vflags))
        roles = Counter(s.role for s in members[key])
        out.append(Claim(number=n, group=key if key >= 0 else None, role=roles.most_common(1)[0][0],
                         cells=tuple(cells)))
    return out


def unplaced_flags(report: Report, rows: Iterable[Claim]) -> list[Flag]:
    """Flags no claim holds (none should be; listed so that nothing is lost)."""
    placed = {f.id for c in rows for f in c.flags}
    return [f for f in report.flags if f.id not in placed]


@dataclass(frozen=True)
class Piece:
    """A run of a segment's text with the flags that cover it (``own``) and the flags it answers (``answers``)."""

    text: str
    start: int
    own: tuple[Flag, ...]
    answers: tuple[Flag, ...]
    starts: tuple[str, ...]  # anchor ids ("F3-pl") that begin here
    points: tuple[Flag, ...]  # zero-width flags (an omission's place) right before this piece


def pieces(segment: Segment, flags: Sequence[Flag]) -> list[Piece]:
    """Cut a segment's text where flags (in its version) or their counterparts begin and end."""
    v = segment.version
    spans: list[tuple[int, int, Flag, bool]] = []  # start, end, flag, own?
    for f in flags:
        if f.version == v:
            spans.append((f.start, f.end, f, True))
        for c in f.counterparts:
            if c.version == v:
                spans.append((c.start, c.end, f, False))
    lo, hi = segment.start, segment.end
    cuts = {lo, hi}
    for a, b, _, _ in spans:
        for x in (a, b):
            if lo < x < hi:
                cuts.add(x)
    bounds = sorted(cuts)
    first_piece: dict[tuple[str, bool], int] = {}
    out: list[Piece] = []
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        own = tuple(f for s, e, f, is_own in spans if is_own and s < b and a < e and s < e)
        answers = tuple(f for s, e, f, is_own in spans if not is_own and s < b and a < e and s < e)
        starts = []
        for f in own:
            if (f.id, True) not in first_piece:
                first_piece[(f.id, True)] = i
                starts.append(f"{f.id}-{v}")
        for f in answers:
            if (f.id, False) not in first_piece:
                first_piece[(f.id, False)] = i
                starts.append(f"{f.id}-{v}")
        points = tuple(f for s, e, f, is_own in spans if is_own and s == e == a)
        out.append(Piece(text=segment.text[a - lo : b - lo], start=a, own=own, answers=answers,
                         starts=tuple(starts), points=points))
    return out


def position_in(segments: Sequence[Segment], pos: int) -> int | None:
    """Index of the segment (sorted by start) that holds position ``pos``, or None."""
    starts = [s.start for s in segments]
    i = bisect_right(starts, pos) - 1
    if 0 <= i < len(segments) and segments[i].start <= pos < segments[i].end:
        return i
    return None
