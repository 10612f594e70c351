"""``number`` flags: counterparts that disagree on a number, amount, percentage or date.

Quantities are compared as values with units (``numbers.py``: "1,5 mld zł" =
"1.5 billion", "zehn Prozent" = "10 %", with rounding tolerance), one-to-one
within each alignment group. A version's quantity is flagged when most of the
other versions in the group have a different quantity of the same kind where it
has this one (with two versions, the non-reference one is flagged). A measure that one
version states in another sentence than the others (so no group holds both) is compared
across groups when its unit (not a duration) occurs once in every version.

Five faithful renderings are not flagged:
- a limit said from the other side: "bis fünf Jahre" = "sotto i sei anni" (``[numbers.bounds]``);
- a scale left to the context: "70 milioni ..., gli altri 48" = "48 Millionen";
- a sum or difference of two of the others' numbers, one of which the version states too, when it is
  not within a factor of 2 of the others' figure: "18 600, 2100 fewer than a year ago" = "18 600; a year
  ago there were 20 700";
- a title or lead that picks another fact of the story: each of the others states this
  number elsewhere, and the version states most of the others' numbers elsewhere.
- a year next to the others' one, where each side names the other year from it ("l'an dernier, …
  contre 780 en 2023" = "nel 2024 …, contro 780 dell'anno precedente"; ``[numbers] relative_year``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..types import Group, Segment, Span
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .numbers import (
    Quantity,
    bound_before,
    load_language,
    match_quantities,
    off_by_bound,
    quantities_of,
    same_dimension,
    same_quantity,
)

_COMPATIBLE = {"count": "count", "measure": "measure", "money": "money", "percent": "percent",
               "year": "time", "date": "time", "ordinal": "ordinal"}


_DURATIONS = frozenset({"y", "mo", "wk", "d", "h", "min", "s"})


@dataclass(frozen=True)
class _Q:
    """A quantity with absolute offsets in its version, the limit a phrase before it sets
    ("bis" -> at_most) and, for a bare number, what a scaled amount before it makes of it."""

    version: str
    start: int
    end: int
    q: Quantity
    bound: str | None = None
    read: Quantity | None = None


def _by_segment(ctx: FlagContext) -> dict[str, list[_Q]]:
    """Each non-quiet segment's quantities, read once per check."""
    out: dict[str, list[_Q]] = {}
    for v in ctx.versions:
        doc = ctx.documents[v]
        for seg in ctx.segments[v]:
            if seg.role in QUIET_ROLES:
                continue
            qs = [_Q(v, seg.start + q.start, seg.start + q.end, q, bound_before(doc.text, seg.start + q.start, doc.lang))
                  for q in quantities_of(seg.text, doc.lang)]
            out[seg.id] = [replace(x, read=_elliptic(doc.lang, x, qs)) for x in qs]
    return out


def _elliptic(lang: str, bare: _Q, siblings: list[_Q]) -> Quantity | None:
    """What a bare number means when a scaled amount just before it gives its scale: "70 milioni ..., gli altri 48"."""
    if bare.q.unit is not None or bare.q.kind != "count" or bare.q.value <= 0:
        return None
    before = [s for s in siblings if s.end <= bare.start and bare.start - s.end < 120 and s.q.value >= 1e3]
    if not before:
        return None
    sib = max(before, key=lambda s: s.end)
    written = sib.q.text.casefold()
    scale = next((f for surface, f in load_language(lang).scales
                  if re.search(rf"(?<!\w){re.escape(surface.casefold())}(?!\w)", written)), None)
    if scale is None or scale < 1e3:
        return None
    return replace(bare.q, value=bare.q.value * scale, tolerance=bare.q.tolerance * scale,
                   unit=sib.q.unit, kind=sib.q.kind)


def _same_saying(mine: _Q, other: _Q) -> bool:
    """Whether two unmatched quantities still say the same: a limit from the other side, or a scale left to context."""
    if off_by_bound(mine.q, mine.bound, other.q, other.bound):
        return True
    return ((mine.read is not None and same_quantity(mine.read, other.q))
            or (other.read is not None and same_quantity(mine.q, other.read)))


_ARITHMETIC = frozenset({"count", "money", "measure", "percent"})
# A sum or difference is of another size than the figures it is made of ("2.100 in meno" beside 20.700); a
# figure within this log ratio (a factor of 2) of the others' one is that figure changed, even when some
# sum happens to give it (the town's 1,8 milioni against 1,5 million + 300 000 from another funder).
_NEAR = math.log(2.0)


def _derived(q: Quantity, mine: list[_Q], theirs: list[_Q]) -> bool:
    """Whether ``q`` is the sum or the difference of two of ``theirs`` of its kind, one of which its own
    version (``mine``) states too: the same fact counted from the other end ("18.600, cioè 2.100 in meno
    rispetto a dodici mesi fa" = "18.600 Arbeitslose; vor einem Jahr waren es noch 20.700"). "5 Tote"
    against "two dead and three injured" states neither and stays a divergence."""
    if q.kind not in _ARITHMETIC or q.value <= 0:
        return False
    pool = [x.q for x in theirs if x.q.kind == q.kind and _compatible(q, x.q) and x.q.value > 0]
    own = [x.q for x in mine if x.q is not q]
    for i, a in enumerate(pool):
        for b in pool[i + 1:]:
            if a.unit is not None and b.unit is not None and a.unit != b.unit:
                continue
            if not any(same_quantity(o, a) or same_quantity(o, b) for o in own):
                continue
            tol = max(a.tolerance, b.tolerance)
            if tol > 0.5:  # rounded amounts add their rounding; whole counts add up exactly (64 is not 46 + 19)
                tol = a.tolerance + b.tolerance
            for value in (a.value + b.value, abs(a.value - b.value)):
                if value > 0 and same_quantity(q, replace(a, value=value, tolerance=tol)):
                    return True
    return False


def _log_ratio(a: Quantity, b: Quantity) -> float:
    """How many times one magnitude is the other, as a log (a calibrator feature, and a distance)."""
    return abs(math.log(max(abs(a.value), 1e-9) / max(abs(b.value), 1e-9)))


def _distance(a: Quantity, b: Quantity) -> float:
    """How far apart two values are: the rival a changed number most likely stands for is the closest one
    ("69 Spielen" for "96 partite", not for the "due" of "due stagioni e mezzo" before it); a sign apart
    counts as far."""
    return _log_ratio(a, b) + (0.0 if (a.value < 0) == (b.value < 0) else 1.0)


def _representative(mine: _Q, alternatives: list[_Q]) -> Quantity:
    """The others' value a candidate is set against: the one most of them give, then the closest to
    ``mine`` (whichever version comes first must not decide the features, nor so the flag)."""
    return min(alternatives, key=lambda a: (-sum(same_quantity(a.q, b.q) for b in alternatives),
                                            _distance(mine.q, a.q))).q


def _holds(x: Quantity, q: Quantity) -> bool:
    """Whether ``x`` states ``q``: the same value, and of another kind only when exactly equal ("quattro"
    seats, 4 give or take the half a word leaves, do not state "3,6 points de pourcentage"; "zwei" does state
    "deuxième")."""
    return same_quantity(x, q) and (x.kind == q.kind or x.value == q.value)


def _states(quantities: list[_Q], q: Quantity, outside: set[tuple[int, int]]) -> bool:
    """Whether ``quantities`` hold ``q`` outside the spans ``outside``."""
    return any(_holds(x.q, q) for x in quantities if (x.start, x.end) not in outside)


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Could ``b`` be what another version wrote for ``a``? Same kind, and units of one dimension when both
    have one ("250 hectares" against "250 km²" is a divergence; "7 nm" against "7 km" too, but "5 kg" against
    "5 km" is two facts; "31 dicembre" against "Ende 2024" too: a day without a year and a year say
    different parts of one date)."""
    if {a.kind, b.kind} == {"date", "year"} and "day-no-year" in (a.unit, b.unit):
        return False
    kinds = {_COMPATIBLE.get(a.kind, a.kind), _COMPATIBLE.get(b.kind, b.kind)}
    if kinds == {"count", "money"}:  # "48 milioni" may be the euros the sentence already named
        count = a if a.kind == "count" else b
        return count.unit is None and count.value >= 1e6
    if len(kinds) > 1:
        return False
    return same_dimension(a, b) or a.kind in ("date", "year")


@finder("number")
def find_numbers(ctx: FlagContext) -> list[Finding]:
    """``number`` candidates: a quantity most counterparts give with another value."""
    out: list[Finding] = []
    by_seg = _by_segment(ctx)
    whole = {v: [x for seg in ctx.segments[v] for x in by_seg.get(seg.id, [])] for v in ctx.versions}
    raised: set[tuple[str, int]] = set()
    for group in ctx.alignment.groups:
        present = ctx.versions_in(group)
        if len(present) < 2:
            continue
        split = {v: _split_off(ctx, by_seg, group, v) for v in present}
        qs = {v: [x for seg in ctx.members(group, v) + split[v] for x in by_seg.get(seg.id, [])] for v in present}
        from_split = {(x.version, x.start) for v in present for seg in split[v] for x in by_seg.get(seg.id, [])}
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
                    unmatched_w = [qs[w][j] for j in un_w]
                    rivals = [r for r in unmatched_w if _compatible(mine.read or mine.q, r.q)]
                    if any(_same_saying(mine, r) for r in unmatched_w) or (
                            _derived(mine.read or mine.q, qs[v], qs[w])
                            and not any(_log_ratio(mine.q, r.q) < _NEAR for r in rivals)):
                        agree.append(w)
                        continue
                    if rivals:
                        disagree.append(w)
                        alternatives.append(min(rivals, key=lambda r: _distance(mine.q, r.q)))
                if not disagree:
                    continue
                if len(disagree) < len(agree):
                    continue
                if len(disagree) == len(agree) and v == ctx.reference:
                    continue  # an even split: the reference's side counts as right
                if any(_holds(qs[w][j].q, a.q) for w in agree for j in unmatched[(v, w)][1] for a in alternatives):
                    continue  # a version with this value states the others' one too: two facts, and this
                    # version left the other out ("deuxième, devant le Suédois" = "Zweite …, Dritter der Schwede")
                mine_at = {(mine.start, mine.end)}
                if (v, mine.start) in from_split and any(_states(whole[v], a.q, mine_at) for a in alternatives):
                    continue  # a sentence split off may state another fact: v gives the others' figure elsewhere
                if (all(_states(whole[w], mine.q, set()) for w in disagree)
                        and 2 * sum(_states(whole[v], a.q, mine_at) for a in alternatives) >= len(alternatives)):
                    continue  # both numbers are in every version: another fact picked for this sentence, or
                    # one said twice here ("31,000 stranded ... 236 flights ... 31,000 passengers")
                if (mine.q.kind == "year" and all(a.q.kind == "year" and abs(a.q.value - mine.q.value) == 1
                                                  for a in alternatives)
                        and all(_counts_years_back(ctx, group, x) for x in (v, *disagree))):
                    continue  # "l'an dernier, 1140, contre 780 en 2023" = "nel 2024 1140, contro 780 l'anno prima":
                    # the same two years, each version naming the other one from it
                consensus = all(same_quantity(a.q, alternatives[0].q) for a in alternatives)
                severity = "high" if (not agree and consensus) else "medium"
                out.append(_finding(ctx, mine, alternatives, agree, disagree, len(others), len(present), severity,
                                    group.id))
                raised.add((v, mine.start))
    return out + _rivals_elsewhere(ctx, by_seg, whole, raised)


def _counts_years_back(ctx: FlagContext, group: Group, v: str) -> bool:
    """Whether ``v``'s sentences in ``group`` name a year from another one ("l'anno prima", "im Vorjahr")."""
    phrases = load_language(ctx.documents[v].lang).relative_year
    text = " ".join(s.text for s in ctx.members(group, v)).casefold().replace("\u2019", "'")
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text) for p in phrases)


def _split_off(ctx: FlagContext, by_seg: dict[str, list[_Q]], group: Group, v: str) -> list[Segment]:
    """``v``'s body sentences right before or after its members of ``group`` that the aligner left in a
    group of their own (no other version there) and that share a figure with the others' sentences in
    ``group``: a sentence split in two, whose second half the others say inside this group's sentence
    ("… un contratto di diciotto mesi da 46.000 euro" against "… mit dem Falkner Davide Orsatti. Er läuft
    achtzehn Monate und kostet 64.000 Euro."). Its figures are compared with the group's; one-to-one
    matching keeps a figure the others lack unflagged."""
    mine = ctx.members(group, v)
    if not mine or any(s.role != "body" for s in mine):
        return []
    theirs = [x.q for m in group.members if ctx.index[m].version != v for x in by_seg.get(m, [])]
    segs = ctx.segments[v]
    out = []
    for i in (min(s.index for s in mine) - 1, max(s.index for s in mine) + 1):
        if not 0 <= i < len(segs) or segs[i].role != "body":
            continue
        gid = ctx.alignment.group_of.get(segs[i].id)
        if (gid is not None and ctx.versions_in(ctx.alignment.groups[gid]) == [v]
                and any(same_quantity(x.q, q) for x in by_seg.get(segs[i].id, []) for q in theirs)):
            out.append(segs[i])
    return out


def _finding(ctx: FlagContext, mine: _Q, alternatives: list[_Q], agree: list[str], disagree: list[str],
             others: int, n_versions: int, severity: str, group: int) -> Finding:
    """The ``number`` candidate for ``mine`` against the others' ``alternatives`` (``others``: how many
    versions it was compared with)."""
    alt = _representative(mine, alternatives)
    ratio = _log_ratio(mine.q, alt)
    features = {
        "disagree": len(disagree) / max(1, others),
        "agree": len(agree) / max(1, others),
        "consensus": float(all(same_quantity(a.q, alt) for a in alternatives)),
        "n_versions": float(n_versions),
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
    return Finding(Candidate(
        kind="number", version=mine.version, start=mine.start, end=mine.end, counterparts=counterparts,
        severity=severity, score=0.9 if severity == "high" else 0.7, group=group,
        message=(f"The {mine.version} version has {quote(mine.q.text, 40)} where {join_names(disagree)} "
                 f"{verb} {quote(alt.text, 40)}."),
    ), "number", features)


def _rivals_elsewhere(ctx: FlagContext, by_seg: dict[str, list[_Q]], whole: dict[str, list[_Q]],
                      raised: set[tuple[str, int]]) -> list[Finding]:
    """A measure that a version gives in another sentence than the others do: "von der Erde ist er 112
    Lichtjahre entfernt" merged into the orbit sentence, where each of the others says "121 light years" in a
    sentence of its own, so no alignment group holds both. Compared when the measure's unit (not a duration)
    occurs once in every version, the others agree on the value among themselves and most of them differ
    from it."""
    group_of = {(seg.version, x.start): ctx.alignment.group_of.get(seg.id)
                for v in ctx.versions for seg in ctx.segments[v] for x in by_seg.get(seg.id, [])}
    out: list[Finding] = []
    for v in ctx.versions:
        others = [w for w in ctx.versions if w != v]
        for mine in whole[v]:
            unit = mine.q.unit
            if (len(others) < 2 or (v, mine.start) in raised or mine.q.kind != "measure" or unit is None
                    or unit in _DURATIONS):
                continue  # a duration or an age ("71 anni", "rok wcześniej"): too common to pair across sentences
            if sum(1 for x in whole[v] if x.q.unit == unit) != 1 or group_of[(v, mine.start)] is None:
                continue
            theirs = {w: [x for x in whole[w] if x.q.unit == unit] for w in others}
            if any(len(xs) > 1 for xs in theirs.values()):
                continue
            alternatives = [xs[0] for xs in theirs.values() if xs and not same_quantity(xs[0].q, mine.q)]
            agree = [w for w, xs in theirs.items() if xs and same_quantity(xs[0].q, mine.q)]
            disagree = [a.version for a in alternatives]
            if (len(disagree) * 2 <= len(others) or agree
                    or not all(same_quantity(a.q, alternatives[0].q) for a in alternatives)
                    or any(group_of[(a.version, a.start)] == group_of[(v, mine.start)] for a in alternatives)
                    or any(_same_saying(mine, a) for a in alternatives)):
                continue
            out.append(_finding(ctx, mine, alternatives, agree, disagree, len(others), len(ctx.versions), "medium",
                                group_of[(v, mine.start)]))
    return out

