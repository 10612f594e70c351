"""Additions, omissions and drift: claims with no counterpart, or a counterpart that says something else.

The odd one out is decided by majority over the versions of an alignment group:
content that fewer than half of the versions carry is an ``addition`` in those
that carry it; content that more than half carry is an ``omission`` in the rest;
an even split goes to the reference version's side. Page furniture left in the
body (a short line of its own near the start or end: a byline, "Komentarze (27)")
is skipped, and so is content the lacking versions say as a clause of a
neighbouring sentence (translations merge and split sentences). A version counts as carrying
a group when one of its segments is a member or is linked to a member (a claim
merged into a neighbouring sentence is linked by the aligner's bead test).
"""
from __future__ import annotations

import math
import re
from statistics import median

import numpy as np

from ..types import Group, Segment
from .base import QUIET_ROLES, Candidate, FlagContext, clip01, join_names, quote
from .calibration import Finding, finder
from .cues import cues
from .numbers import Quantity, quantities_of, same_quantity
from .votes import (brings_new_name, clauses_of, content_words, covered, figures_only, in_standfirst, restructured,
                    split_off, standfirst)


# With this many versions or more, a sentence that two or more (but fewer than half) carry is not
# an addition: two translators rarely add the same claim on their own; such a sentence is a bridge
# or summary the others fold into a neighbouring one ("Tutto esaurito, come previsto" / "Guichets
# fermés, comme prévu"). On the development sets none of the nine such flags was right.
SHARED_ADDITION_MIN_VERSIONS = 5


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


HEADING_LIKE_WORDS = 8  # a group this short with a subheading in it is a lead-in line, not a claim
SHORT_MEMBER_WORDS = 8  # a member this short beside a longer one of its version gives no support


def _free_support(ctx: FlagContext, group: Group, lacking: list[str], default: float) -> float:
    """The best similarity of the group's members to a segment of a lacking version that is free: not
    aligned with the member's own version elsewhere. A sentence already paired with its own
    translation ("the researchers now want to test ...") is no counterpart of another claim of the
    same story, however close the model puts the two. A version that splits the group's content keeps
    only its longest sentence here: a short one ("Não é o primeiro incidente.") is close to any short
    sentence of the same tone."""
    best = default
    longest = {v: max(ctx.members(group, v), key=lambda s: len(s.text.split())).id for v in ctx.versions_in(group)}
    for m in group.members:
        mv = ctx.index[m].version
        if m != longest[mv] and len(ctx.index[m].text.split()) < SHORT_MEMBER_WORDS:
            continue
        for w in lacking:
            for seg in ctx.segments[w]:
                gid = ctx.alignment.group_of.get(seg.id)
                if gid is not None and gid != group.id and ctx.members(ctx.alignment.groups[gid], mv):
                    continue
                best = max(best, ctx.alignment.sim(m, seg.id))
    return best


def _absence(ctx: FlagContext, group: Group, lacking: list[str]) -> float:
    """How sure we are the lacking versions have no counterpart: 0 at ``link``, 1 at ``absent`` or below."""
    link, absent = ctx.thresholds["link"], ctx.thresholds["absent"]
    best = _free_support(ctx, group, lacking, absent)
    return clip01((link - best) / max(link - absent, 1e-6))


def _roles(ctx: FlagContext, group: Group) -> set[str]:
    return {ctx.index[m].role for m in group.members}


def _words(segs: list[Segment]) -> int:
    return sum(len(s.text.split()) for s in segs)


def _insertion_point(ctx: FlagContext, group: Group, version: str, reader: str) -> int:
    """Where ``group`` would sit in ``version``: after the counterpart of the nearest earlier group in ``reader``.

    When the sentence just before has no counterpart of its own in ``version`` (``version`` merged it
    into the sentence after the gap: "L'entreprise a confirmé la fuite et l'usine est fermée"), the
    point is where the counterpart of the nearest later group starts: the gap lies in or before it."""
    def there(seg: Segment) -> list[Segment]:  # the counterparts in ``version`` of seg's group
        return ctx.members(ctx.alignment.groups[ctx.alignment.group_of[seg.id]], version)

    indices = [s.index for s in ctx.members(group, reader)]
    earlier = ctx.segments[reader][: min(indices)]
    if earlier and not there(earlier[-1]):
        later = next((t for seg in ctx.segments[reader][max(indices) + 1:] if (t := there(seg))), None)
        if later:
            return min(s.start for s in later)
    found = next(((seg, t) for seg in reversed(earlier) if (t := there(seg))), None)
    if found is None:
        return 0
    before, prior = found
    after = next((seg for seg in ctx.segments[reader][max(indices) + 1:] if there(seg)), None)
    if after is not None and len(prior) == 1 and [s.id for s in there(after)] == [prior[0].id]:
        # one sentence of ``version`` renders the sentences before and after the gap ("… w 2024 r. Dziś
        # śpiewa w nim 48 osób", one segment where Punkt saw no end after "r."): the gap lies inside it
        inside = _split_point(ctx, prior[0], before.text, after.text)
        if inside is not None:
            return inside
    return max(s.end for s in prior)


_BREAK = re.compile(r"[.!?…:;,][\"'»”’)]*(?=\s+[\"'«„“(]?[^\W\d_])")


def _split_point(ctx: FlagContext, seg: Segment, before: str, after: str) -> int | None:
    """Where in ``seg`` the part that renders ``before`` ends and the part that renders ``after`` begins: the
    stop or comma after which the two parts come closest to them (None without an embedder or a break)."""
    if ctx.embed_fn is None:
        return None
    cuts = [m.end() for m in _BREAK.finditer(seg.text) if 0 < m.end() < len(seg.text.rstrip()) - 1]
    if not cuts:
        return None
    heads = [seg.text[:c] for c in cuts]
    tails = [seg.text[c:].strip() for c in cuts]
    vecs = ctx.embed_fn([before, after, *heads, *tails])
    n = len(cuts)
    scores = vecs[2:2 + n] @ vecs[0] + vecs[2 + n:] @ vecs[1]
    return seg.start + cuts[int(np.argmax(scores))]


def _edge(ctx: FlagContext, segs: list[Segment]) -> float:
    """1 when the segments open or close their version (where bylines and footers sit), else 0."""
    v = segs[0].version
    n = len(ctx.segments[v])
    return float(min(s.index for s in segs) == 0 or max(s.index for s in segs) >= n - 2)


def _sentence_like(segs: list[Segment]) -> float:
    """1 when the text ends like a sentence (. ! ? or a closing quote after one)."""
    return float(bool(re.search(r"[.!?…][\"'»”’)]*\s*$", segs[-1].text)))


_DATE = re.compile(r"\b(?:1[89]|20)\d{2}\b")


def _furniture(ctx: FlagContext, segs: list[Segment]) -> bool:
    """Page furniture the segmenter left in the body: a short line of its own that is no sentence
    ("Komentarze (27)", "Subscreva a nossa newsletter", a byline "Di X | 21 giugno 2025"), near the
    start or the end of the version or shaped like a byline (a "|" or a year on the line)."""
    if len(segs) != 1 or len(re.findall(r"\w+", segs[0].text)) > 12 or _sentence_like(segs):
        return False
    seg = segs[0]
    text = ctx.documents[seg.version].text
    alone = (seg.start == 0 or text[:seg.start].rstrip(" \t").endswith("\n")) and (
        seg.end == len(text) or text[seg.end:].lstrip(" \t")[:1] in ("\n", ""))
    if not alone:
        return False
    n = len(ctx.segments[seg.version])
    return seg.index < 4 or seg.index >= n - 4 or "|" in seg.text or bool(_DATE.search(seg.text))


def _furniture_elsewhere(ctx: FlagContext, group: Group) -> bool:
    """Whether most versions carry the group as a caption or boilerplate and fewer as text: a caption
    whose cue the segmenter did not know in one version ("Legenda: …" beside "Foto: …", "Bild: …")
    is furniture there too, and no version adds or lacks a claim with it."""
    quiet = [v for v in ctx.versions_in(group)
             if all(s.role in QUIET_ROLES for s in ctx.members(group, v))]
    return len(quiet) * 2 > len(ctx.versions_in(group))


def _asserts(ctx: FlagContext, segs: list[Segment], lacking: list[str]) -> bool:
    """Whether a subheading makes a claim of its own: it negates or hedges ("Niestety - chcieć to nie
    zawsze znaczy móc"), or states a number that some ``lacking`` version gives nowhere ("Erster Heimsieg
    seit zwölf Jahren" above a body where every version says twelve years is navigation). Without one
    it names a topic ("Ce que les passagers doivent savoir")."""
    lang = ctx.documents[segs[0].version].lang
    if any(cues(s.text, lang) for s in segs):
        return True
    quantities = [q for s in segs for q in quantities_of(s.text, lang)]
    return any(not all(_stated(ctx, w, q) for w in lacking) for q in quantities)


def _stated(ctx: FlagContext, version: str, q: Quantity) -> bool:
    """Whether ``version`` states quantity ``q`` anywhere in its text."""
    doc = ctx.documents[version]
    return any(same_quantity(q, x) for x in quantities_of(doc.text, doc.lang))


def _summarises(ctx: FlagContext, version: str, heading: list[Segment]) -> bool:
    """Whether most content words of a subheading (by their first five letters) recur in the next six
    body sentences of its version: "Hagel und Dürre" above a paragraph on hail and drought, not
    "Unfortunately, wanting is not always being able" above one on chip yields."""
    words = content_words(" ".join(s.text for s in heading))
    if not words:
        return False
    last = max(s.index for s in heading)
    after = [s for s in ctx.segments[version][last + 1 :] if s.role == "body"][:6]
    seen = content_words(" ".join(s.text for s in after))
    return len(words & seen) * 2 >= len(words)


def _restated(ctx: FlagContext, group: Group, reader: str, segs: list[Segment], lacking: str) -> bool:
    """Whether ``reader`` says the content of ``segs`` twice (a lead that sums up a later sentence, a
    quote repeated) and ``lacking`` has the other statement: most content words of ``segs`` recur in one
    other sentence of ``reader`` that is aligned with a sentence of ``lacking``, and the model reads the
    two as saying the same (at least the faithful-translation similarity). Then ``lacking`` says it
    once: it lacks nothing, and ``reader`` adds nothing. Shared words alone are not enough: "those on
    housing benefit get it automatically" shares three of five with "it does not count against housing
    benefit"."""
    text = " ".join(s.text for s in segs)
    words = content_words(text)
    if len(words) < 3:
        return False
    for seg in ctx.segments[reader]:
        if seg.id in group.members or seg.role in QUIET_ROLES:
            continue
        gid = ctx.alignment.group_of.get(seg.id)
        if gid is None or not ctx.members(ctx.alignment.groups[gid], lacking):
            continue
        if len(words & content_words(seg.text)) * 2 >= len(words):
            sims = [ctx.similarity(text, " ".join(s.text for s in window)) for window in _windows(ctx, seg)]
            if None in sims or max(sims) >= ctx.thresholds["faithful"]:
                return True
    return False


def _windows(ctx: FlagContext, seg: Segment) -> list[list[Segment]]:
    """``seg`` alone and with each body neighbour: a summed-up claim may be spread over two sentences."""
    segs, i = ctx.segments[seg.version], seg.index
    out = [[seg]]
    if i > 0 and segs[i - 1].role == "body":
        out.append([segs[i - 1], seg])
    if i + 1 < len(segs) and segs[i + 1].role == "body":
        out.append([seg, segs[i + 1]])
    return out


def _gap_features(ctx: FlagContext, group: Group, segs: list[Segment], sure: float, have: list[str],
                  lack: list[str], heading_only: bool) -> dict[str, float]:
    best = _free_support(ctx, group, lack, 0.0)
    return {
        "sure": sure,
        "support": best,
        "words": math.log1p(_words(segs)),
        "share": len(have) / max(1, len(have) + len(lack)),
        "n_versions": float(len(have) + len(lack)),
        "heading": float(heading_only),
        "edge": _edge(ctx, segs),
        "sentence": _sentence_like(segs),
    }


@finder("gaps")
def find_gaps(ctx: FlagContext) -> list[Finding]:
    """``addition`` and ``omission`` candidates for groups that not every version carries."""
    out: list[Finding] = []
    lead = standfirst(ctx)
    for group in ctx.alignment.groups:
        roles = _roles(ctx, group)
        if roles <= set(QUIET_ROLES) or "title" in roles:
            continue
        have, lack = _carriers(ctx, group)
        if not lack or _furniture_elsewhere(ctx, group):
            continue
        if in_standfirst(ctx, group, lead):
            continue  # standfirsts are each desk's own summary, like titles
        heading_only = roles <= {"heading"}
        sure = _absence(ctx, group, lack)
        score = 0.5 + 0.5 * sure
        if ctx.majority_side(have, lack):
            # an omission in each version that lacks it; skip when only quiet roles carry it
            members = [ctx.index[m] for m in group.members if ctx.index[m].role not in QUIET_ROLES]
            if not members or heading_only or all(_furniture(ctx, [m]) for m in members):
                continue
            if "heading" in roles and all(_words([m]) <= HEADING_LIKE_WORDS for m in members):
                continue  # a line one desk sets as a subheading ("Arbeitgeber ziehen mit" = "Anche i datori di
                # lavoro si adeguano."): navigation that the next sentences spell out, no claim to lack
            reader = members[0].version
            reader_segs = [s for s in ctx.members(group, reader) if s.role not in QUIET_ROLES]
            counterparts = tuple(ctx.span(ctx.members(group, v)) for v in ctx.versions_in(group))
            big = _words(ctx.members(group, reader)) >= 6
            features = _gap_features(ctx, group, reader_segs, sure, have, lack, heading_only)
            reader_text = " ".join(s.text for s in reader_segs)
            for w in lack:
                if restructured(ctx, group, reader, reader_text, [w]):
                    continue  # w says it as a clause of a neighbouring sentence
                if _restated(ctx, group, reader, reader_segs, w):
                    continue  # the others say it twice (a lead summing up the body), w once
                pos = _insertion_point(ctx, group, w, reader)
                severity = "high" if (big and sure >= 0.5 and len(have) >= 3) else "medium"
                out.append(Finding(Candidate(
                    kind="omission", version=w, start=pos, end=pos, counterparts=counterparts,
                    severity=severity, score=score, group=group.id,
                    message=(f"The {w} version lacks what {join_names(have)} say here: "
                             f"{quote(ctx.members(group, reader)[0].text)}."),
                ), "omission", dict(features), whole_claim=big))
        else:
            if len(have) >= 2 and len(have) + len(lack) >= SHARED_ADDITION_MIN_VERSIONS:
                continue  # two desks adding the same sentence: the others fold it into another one
            for v in ctx.versions_in(group):
                segs = [s for s in ctx.members(group, v) if s.role not in QUIET_ROLES]
                if not segs or _furniture(ctx, segs):
                    continue
                if heading_only and (_summarises(ctx, v, segs) or not _asserts(ctx, segs, lack)):
                    continue  # a subheading is navigation unless it states, negates or hedges
                span = ctx.span(segs)
                if restructured(ctx, group, v, span.text, lack, and_split=True):
                    continue  # the others say it inside a neighbouring sentence
                if figures_only(ctx, v, span.text, lack):
                    continue  # a short sentence split off with figures the others state ("Sechs Berater.")
                if split_off(ctx, group, v, span.text, lack):
                    continue  # the rest of a sentence of theirs, with its dates and numbers ("Vom 1. Mai bis …")
                if sum(_restated(ctx, group, v, segs, w) for w in lack) * 2 > len(lack):
                    continue  # v says it twice (a lead summing up its body), the others once
                if _words(segs) >= 6 and sure >= 0.5:
                    severity = "high"
                else:
                    severity = "medium"
                others = [x for x in ctx.versions if x not in have]
                who = f"Only the {v} version says" if len(have) == 1 else f"Only {join_names(have)} say"
                features = _gap_features(ctx, group, segs, sure, have, lack, heading_only)
                out.append(Finding(Candidate(
                    kind="addition", version=v, start=span.start, end=span.end, counterparts=(),
                    severity=severity, score=score, group=group.id,
                    message=f"{who} {quote(span.text)}; {join_names(others)} have no counterpart.",
                ), "addition", features, whole_claim=_words(segs) >= 6,
                    corroborated=brings_new_name(ctx, v, span.text, others)))
    return out


@finder("drift")
def find_drift(ctx: FlagContext) -> list[Finding]:
    """``drift`` candidates: a version whose counterpart is related but clearly not a faithful rendering.

    A version is the odd one out when the median of its similarities to the other
    members is below ``faithful`` while the others agree among themselves (their
    median is at least ``faithful``); with two versions, the non-reference one. With
    five or more, two versions that agree with each other and not with an agreeing
    majority are both odd ones out (a shared rewording, 3 against 2). Direct speech is not judged
    (``_speech``).
    """
    link, faithful = ctx.thresholds["link"], ctx.thresholds["faithful"]
    out: list[Finding] = []
    for group in ctx.alignment.groups:
        if _roles(ctx, group) & {"title", *QUIET_ROLES}:
            continue
        present = [v for v in ctx.versions_in(group) if not all(_speech(s.text) for s in ctx.members(group, v))]
        if len(present) < 2:
            continue

        def pair_sim(a: str, b: str) -> float:
            return max(ctx.alignment.sim(x.id, y.id) for x in ctx.members(group, a) for y in ctx.members(group, b))

        def agree(vs: list[str]) -> float:
            return median([pair_sim(a, b) for i, a in enumerate(vs) for b in vs[i + 1 :]])

        for v in present:
            others = [w for w in present if w != v]
            mine = median([pair_sim(v, w) for w in others])
            if mine >= faithful:
                continue
            # two versions may say the same other thing (3 against 2): v and a partner it agrees with,
            # against a majority that agrees among itself; v is then compared with that majority only
            partner = None
            if len(present) >= 5:
                for u in others:
                    rest_u = [w for w in others if w != u]
                    if (pair_sim(v, u) >= faithful and agree(rest_u) >= faithful
                            and median([pair_sim(u, w) for w in rest_u]) < faithful):
                        partner = u
                        break
            if partner is not None:
                others = [w for w in others if w != partner]
                mine = median([pair_sim(v, w) for w in others])
                if mine >= faithful:
                    continue
            elif len(others) >= 2 and agree(others) < faithful:
                continue  # the others do not agree among themselves either: no odd one out
            elif len(others) < 2 and v == ctx.reference:
                continue  # two versions: the non-reference one is the one that moved
            # content of v the others' sentences here lack, but say in a neighbouring sentence: v merged
            # two sentences (or the segmenter did), not a drift
            extra = [u for u in clauses_of(ctx, group, v)
                     if sum(covered(ctx, u.text, clauses_of(ctx, group, w)) < link for w in others) * 2 > len(others)]
            if extra and all(restructured(ctx, group, v, u.text, others) for u in extra):
                continue
            # the reverse: what the others say here and v lacks, v says in a neighbouring sentence (v moved
            # an apposition out: "..., sagt Holger Timm. ... Der 61-Jährige arbeitet seit 1983 bei Brämer.")
            if not extra and _moved_out(ctx, group, v, others):
                continue
            span = ctx.span(ctx.members(group, v))
            counterparts = tuple(ctx.span(ctx.members(group, w)) for w in others)
            severity = "medium" if mine < link else "low"
            rest_sim = median([pair_sim(a, b) for i, a in enumerate(others) for b in others[i + 1 :]]) if len(
                others) >= 2 else faithful
            features = {
                "mine": mine,
                "rest": rest_sim,
                "gap": rest_sim - mine,
                "words": math.log1p(_words(ctx.members(group, v))),
                "n_versions": float(len(present)),
                "pair": _pair_probability(ctx, group, v, others),
            }
            out.append(Finding(Candidate(
                kind="drift", version=v, start=span.start, end=span.end, counterparts=counterparts,
                severity=severity, score=0.5 + 0.5 * clip01((faithful - mine) / max(faithful - link, 1e-6)),
                group=group.id,
                message=(f"The {v} version says something else here than {join_names(others)}: "
                         f"{quote(span.text, 70)} against {quote(counterparts[0].text, 70)} in {others[0]} "
                         f"(similarity {mine:.2f}; faithful translations score {faithful:.2f} or more)."),
            ), "drift", features))
    return out


def _moved_out(ctx: FlagContext, group: Group, v: str, others: list[str]) -> bool:
    """Whether the others' clauses here that ``v`` lacks (closer than ``link`` to none of its clauses) are
    all said by ``v`` in a neighbouring sentence (``restructured``), and there is at least one: a
    version that moved an apposition or a relative clause out of the sentence is no drift."""
    link = ctx.thresholds["link"]
    mine = clauses_of(ctx, group, v)
    lacking = [(w, u) for w in others for u in clauses_of(ctx, group, w) if covered(ctx, u.text, mine) < link]
    return bool(lacking) and all(restructured(ctx, group, w, u.text, [v]) for w, u in lacking)


_SPEECH = re.compile(r"\s*(?:[«„“”\"‚‹]|[–—-]\s)")


def _speech(text: str) -> bool:
    """Whether a sentence is direct speech (opens with a quotation mark or a dialogue dash). Quotes are
    rendered freely, idioms and jokes most of all ("keine Liebesheirat, sondern eine Vernunftehe"), so a
    similarity gap there is no sign of a shifted meaning: drift does not judge them (a changed figure, name
    or negation in a quote is still the other detectors')."""
    return bool(_SPEECH.match(text))


def _pair_probability(ctx: FlagContext, group: Group, v: str, others: list[str]) -> float:
    """Median over the other versions of the sentence-pair divergence probability (``divergence.py``)."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return 0.5
    from .calibration import calibrator_for
    from .divergence import pair_features, texts_needed
    from .votes import group_text

    cal = calibrator_for(ctx)
    head = cal.heads.get("pair") if cal is not None else None
    if head is None:
        return 0.5
    mine = group_text(ctx, group, v)[0]
    lang = ctx.documents[v].lang
    pairs = [(mine, lang, group_text(ctx, group, w)[0], ctx.documents[w].lang) for w in others]
    needed = list(dict.fromkeys(t for p in pairs for t in texts_needed(*p)))
    vecs = ctx.embed_fn(needed)
    table = {t: vecs[i] for i, t in enumerate(needed)}

    def vec(texts: list[str]) -> np.ndarray:
        return np.stack([table[t] for t in texts])

    lexical = bool(set(head.features) - {"sim", "gain", "cover"})
    probs = [head.probability(pair_features(*p, vec=vec, calibration=ctx.calibration,
                                            length_factors=cal.length_factors, lexical=lexical)) for p in pairs]
    return float(median(probs))
