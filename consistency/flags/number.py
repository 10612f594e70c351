"""``number`` flags: counterparts that disagree on a number, amount, percentage or date.

Quantities are compared as values with units (``numbers.py``: "1,5 mld zł" =
"1.5 billion", "zehn Prozent" = "10 %", with rounding tolerance), one-to-one
within each alignment group. A version's quantity is flagged when most of the
other versions in the group have a different quantity of the same kind where it
has this one (with two versions, the non-reference one is flagged).
"""
from __future__ import annotations

from dataclasses import dataclass

import math

from ..types import Group, Span
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .numbers import Quantity, extract_quantities, match_quantities, same_quantity

_COMPATIBLE = {"count": "count", "measure": "measure", "money": "money", "percent": "percent",
               "year": "time", "date": "time", "ordinal": "ordinal"}


@dataclass(frozen=True)
class _Q:
    """A quantity with absolute offsets in its version."""

    version: str
    start: int
    end: int
    q: Quantity


def _quantities(ctx: FlagContext, group: Group, version: str) -> list[_Q]:
    out: list[_Q] = []
    for seg in ctx.members(group, version):
        if seg.role in QUIET_ROLES:
            continue
        lang = ctx.documents[version].lang
        for q in extract_quantities(seg.text, lang):
            out.append(_Q(version, seg.start + q.start, seg.start + q.end, q))
    return out


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Could ``b`` be what another version wrote for ``a``? Same kind, and the same unit when both have one."""
    if _COMPATIBLE.get(a.kind, a.kind) != _COMPATIBLE.get(b.kind, b.kind):
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit or a.kind in ("date", "year")


@finder("number")
def find_numbers(ctx: FlagContext) -> list[Finding]:
    """``number`` candidates: a quantity most counterparts give with another value."""
    out: list[Finding] = []
    for group in ctx.alignment.groups:
        present = ctx.versions_in(group)
        if len(present) < 2:
            continue
        qs = {v: _quantities(ctx, group, v) for v in present}
        if sum(1 for v in present if qs[v]) < 2:
            continue
        # one-to-one matching for every ordered pair: which of v's quantities w lacks
        unmatched: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        for v in present:
            for w in present:
                if v != w:
                    _pairs, un_v, un_w = match_quantities([x.q for x in qs[v]], [x.q for x in qs[w]])
                    unmatched[(v, w)] = (un_v, un_w)
        for v in present:
            others = [w for w in present if w != v]
            for i, mine in enumerate(qs[v]):
                agree, disagree = [], []
                alternatives: list[_Q] = []
                for w in others:
                    un_v, un_w = unmatched[(v, w)]
                    if i not in un_v:
                        agree.append(w)
                        continue
                    rivals = [qs[w][j] for j in un_w if _compatible(mine.q, qs[w][j].q)]
                    if rivals:
                        disagree.append(w)
                        alternatives.append(rivals[0])
                if not disagree:
                    continue
                if len(disagree) < len(agree):
                    continue
                if len(disagree) == len(agree) and v == ctx.reference:
                    continue  # an even split: the reference's side counts as right
                alt_text = alternatives[0].q.text
                consensus = all(same_quantity(a.q, alternatives[0].q) for a in alternatives)
                severity = "high" if (not agree and consensus) else "medium"
                alt = alternatives[0].q
                ratio = abs(math.log(max(abs(mine.q.value), 1e-9) / max(abs(alt.value), 1e-9)))
                features = {
                    "disagree": len(disagree) / max(1, len(others)),
                    "agree": len(agree) / max(1, len(others)),
                    "consensus": float(consensus),
                    "n_versions": float(len(present)),
                    "digits": float(any(c.isdigit() for c in mine.q.text) and any(c.isdigit() for c in alt.text)),
                    "time": float(mine.q.kind in ("year", "date")),
                    "ratio": min(ratio, 5.0),
                    "unit": float(mine.q.unit is not None and mine.q.unit == alt.unit),
                }
                counterparts = tuple(
                    Span(version=a.version, start=a.start, end=a.end,
                         text=ctx.documents[a.version].text[a.start:a.end]) for a in alternatives
                )
                verb = "has" if len(disagree) == 1 else "have"
                out.append(Finding(Candidate(
                    kind="number", version=v, start=mine.start, end=mine.end, counterparts=counterparts,
                    severity=severity, score=0.9 if severity == "high" else 0.7, group=group.id,
                    message=(f"The {v} version has {quote(mine.q.text, 40)} where {join_names(disagree)} "
                             f"{verb} {quote(alt_text, 40)}."),
                ), "number", features))
    return out

