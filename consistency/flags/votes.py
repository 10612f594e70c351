"""Shared pieces of the per-group detectors: majority votes over versions, a version's text in a group,
and clause-level localisation of a cue.

With five versions the odd one out is the one that differs from the majority;
with an even split (two versions, or two against two) the reference version's
side counts as right, and the message says which differs from which, not who is
wrong.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Sequence, TypeVar

import numpy as np

from ..types import Group, Segment, Span
from .base import QUIET_ROLES, FlagContext
from .clausesplit import coordinators, is_attribution, split_clauses
from .names import names_of, names_in
from .numbers import Quantity, quantities_of, same_quantity

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


def _clauses(ctx: FlagContext, segs: Iterable[Segment]) -> list[Unit]:
    """The clauses of segments (quiet roles left out), with absolute offsets."""
    return [Unit(seg.version, seg.start + a, seg.start + b, seg.text[a:b])
            for seg in segs if seg.role not in QUIET_ROLES
            for a, b in split_clauses(seg.text, ctx.documents[seg.version].lang)]


def clauses_of(ctx: FlagContext, group: Group, version: str) -> list[Unit]:
    """The clauses of a version's members in a group, with absolute offsets."""
    return _clauses(ctx, sorted(ctx.members(group, version), key=lambda s: s.start))


def clauses_outside(ctx: FlagContext, group: Group, version: str) -> list[Unit]:
    """The clauses of a version's text outside a group (quiet roles left out), in order."""
    own = set(group.members)
    return _clauses(ctx, (s for s in ctx.segments[version] if s.id not in own))


def comma_pieces(units: list[Unit]) -> list[Unit]:
    """The clauses and, for a clause with commas, its comma-separated pieces of three words or more: an
    asyndetic "…, nessuna è in pericolo di vita" is one clause to the splitter but a claim of its own."""
    out = list(units)
    for u in units:
        if "," not in u.text:
            continue
        for m in re.finditer(r"[^,]+", u.text):
            a = m.start() + len(m.group()) - len(m.group().lstrip())
            text = m.group().strip()
            if len(text.split()) >= 3:
                out.append(Unit(u.version, u.start + a, u.start + a + len(text), text))
    return out


AND_PIECE_WORDS = 3  # the fewest words on each side of an "and" for the two to be pieces of their own


def and_pieces(units: list[Unit], lang: str) -> list[Unit]:
    """The clauses and, for a clause with an "and" word (``[clauses] coordinators``) between two runs of three
    words or more, the two runs: "che resta presidente onorario … e ogni martedì passerà a stimare i volumi
    rari" holds what another version says in a sentence of its own ("Il viendra chaque mardi estimer les
    ouvrages rares.")."""
    ands = coordinators(lang)
    if not ands:
        return list(units)
    out = list(units)
    for u in units:
        for m in re.finditer(r"\s(\w+)\s", u.text):
            if m.group(1).casefold() not in ands:
                continue
            left, right = u.text[:m.start()].rstrip(" ,"), u.text[m.end():]
            if len(left.split()) >= AND_PIECE_WORDS and len(right.split()) >= AND_PIECE_WORDS:
                out.append(Unit(u.version, u.start, u.start + len(left), left))
                out.append(Unit(u.version, u.start + m.end(), u.end, right))
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


def neighbour_units(ctx: FlagContext, group: Group, reader: str, target: str, radius: int = 1) -> list[Unit]:
    """Clauses of ``target`` around where ``group`` sits (not in it): ``target``'s segments within ``radius``
    of its own members of the group or, when it has none, of its counterparts of ``reader``'s
    neighbouring segments."""
    anchors = [s.index for s in ctx.members(group, target)]
    if not anchors:
        segs = ctx.segments[reader]
        mine = [s.index for s in ctx.members(group, reader)]
        for i in range(max(0, min(mine, default=0) - radius), min(len(segs), max(mine, default=-1) + radius + 1)):
            gid = ctx.alignment.group_of.get(segs[i].id)
            if gid is not None:
                anchors += [s.index for s in ctx.members(ctx.alignment.groups[gid], target)]
    if not anchors:
        return []
    own = set(group.members)
    near = ctx.segments[target][max(0, min(anchors) - radius): max(anchors) + radius + 1]
    return _clauses(ctx, (s for s in near if s.id not in own))


def covered(ctx: FlagContext, text: str, units: Sequence[Unit]) -> float:
    """The calibrated similarity of ``text`` to the closest of ``units`` (0 without an embedder or units)."""
    if not units or ctx.embed_fn is None or ctx.calibration is None:
        return 0.0
    vecs = ctx.embed_fn([text] + [u.text for u in units])
    return float(ctx.calibration.similarity(float(np.max(vecs[1:] @ vecs[0]))))


SENTENCE_END = " .!?…\"'”’»)"  # what may follow a sentence's last clause: its stop, a closing quote or bracket
DISTINCT_FLOOR = 0.2  # calibrated similarity a clearly-best neighbouring clause needs at least (restructured)
DISTINCT_MARGIN = 0.15  # how much closer than the next clause around it must be
JOINED_GAIN = 0.1  # how much closer a clause gets to a neighbouring clause with ``text`` joined to it (restructured)


def _probe(text: str) -> str:
    """A sentence to compare with clauses: clauses carry no sentence-final stop, and the model scores "X."
    against "Y" far lower than "X" against "Y"."""
    return text.rstrip(" .!?…")


def _taken(ctx: FlagContext, rival: str, unit: Unit, units: list[Unit]) -> bool:
    """Whether ``rival`` is closest to a clause or comma piece of ``units`` apart from ``unit``: matched elsewhere."""
    pieces = comma_pieces(units)
    vecs = ctx.embed_fn([rival] + [p.text for p in pieces])
    best = pieces[int(np.argmax(vecs[1:] @ vecs[0]))]
    return best.end <= unit.start or unit.end <= best.start


def restructured(ctx: FlagContext, group: Group, holder: str, text: str, lacking: Sequence[str],
                 and_split: bool = False) -> bool:
    """Whether most versions said to lack ``text`` (of ``holder``, in ``group``) do say it, as a clause of
    a neighbouring sentence: translations merge and split sentences, so a sentence of one version can
    be a clause of another's. The closest neighbouring clause counts when it is closer than unrelated
    sentences (``absent``) and ``text`` is its best match among ``holder``'s clauses around (a mutual
    best match: a free rendering the aligner left unlinked), or when it is as close as a faithful
    translation, or when, a mutual best match above ``DISTINCT_FLOOR``, it sits where ``text`` would be
    (``_at_the_gap``: it opens the next sentence or closes the one before); or when the closest clause
    renders a neighbouring clause of ``holder``'s and joining ``text`` to that clause brings it clearly closer (``_joined_gain``: one clause of theirs says both); or
    when joining ``text`` to a neighbouring sentence brings that sentence closer to its counterpart
    (``_merge_gain``: the counterpart says both in one sentence). With ``and_split`` (a text said to be added)
    the two sides of an "and" in their clauses count as clauses too (``and_pieces``): a sentence one version
    adds may be the second predicate of another's ("… e ogni martedì passerà a stimare i volumi rari")."""
    faithful, absent = ctx.thresholds["faithful"], ctx.thresholds["absent"]
    if ctx.embed_fn is None or ctx.calibration is None:
        return False
    own = clauses_of(ctx, group, holder)
    around = own + neighbour_units(ctx, group, holder, holder, radius=2)
    probe = _probe(text)
    hits = 0
    attribution = is_attribution(text, ctx.documents[holder].lang)
    for w in lacking:
        # a bare attribution renders no claim ("powiedziała po ogłoszeniu wyroku" is not "Maurer did not
        # comment on the verdict"), unless the text is one itself
        near = neighbour_units(ctx, group, holder, w)
        units = [u for u in (and_pieces(near, ctx.documents[w].lang) if and_split else near)
                 if attribution or not is_attribution(u.text, ctx.documents[w].lang)]
        if not units:
            continue
        vecs = ctx.embed_fn([probe] + [u.text for u in units])
        sims = ctx.calibration.similarity(vecs[1:] @ vecs[0])
        ok = False
        ranked = sorted(zip(units, sims), key=lambda p: -p[1])
        u, sim = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else absent
        # closer than unrelated sentences, or clearly closer than any other clause around (a free rendering
        # the model scores low: "C'est au cœur du village que les dégâts sont les plus spectaculaires" against
        # "Il danno più visibile è nel centro del paese: ..."); and nothing else of holder's is closer to it:
        # a mutual best match at the clause level (a sentence of the same story about something else is not)
        distinct = sim >= DISTINCT_FLOOR and sim - runner_up >= DISTINCT_MARGIN
        if around:
            back = ctx.embed_fn([u.text] + [x.text for x in around])
            dots = back[1:] @ back[0]
            j = int(np.argmax(dots))
            if j >= len(own) and own and sim >= ctx.thresholds["link"] and _taken(ctx, around[j].text, u, units):
                # the clause around that wins renders another clause of w's better ("bevor es geschnitten wird"
                # is "prima di essere tagliata", not "Il più delicato è il taglio"): it is no rival
                j = int(np.argmax(dots[:len(own)]))
            if sim >= absent or distinct:
                # the clause must render most of ``text``: one matching only "Non è il primo incidente" of
                # "Non è il primo incidente: già nel 2019 …" leaves the rest unsaid
                ok = (j < len(own) and len(own[j].text.split()) * 2 >= len(probe.split())) or sim >= faithful
            if not ok and around and j < len(own) and sim >= DISTINCT_FLOOR and _at_the_gap(ctx, group, holder, w, u):
                # the closest clause opens the sentence right after the gap, or closes the one before, and
                # nothing of holder's around is closer to it: the desk joined the sentence to its neighbour
                # there ("Damit ist es nicht getan: Jedes Jahr …" against "Ma il club non si ferma qui. Ogni
                # anno …"), however freely it words it
                ok = True
            if not ok and j >= len(own):
                # the clause renders a neighbouring clause of holder's and ``text`` together ("che resta presidente
                # onorario ... e ogni martedì passerà a stimare i volumi rari" against "qui reste président
                # d'honneur" + "Il viendra chaque mardi estimer les ouvrages rares"): joined, they come closer
                ok = _joined_gain(ctx, u.text, around[j].text, probe) >= JOINED_GAIN
        hits += ok or _merge_gain(ctx, group, holder, text, w) > 0.0 or _moved(ctx, group, holder, text, w)
    return hits * 2 > len(lacking)


def _at_the_gap(ctx: FlagContext, group: Group, holder: str, w: str, unit: Unit) -> bool:
    """Whether ``unit`` (of ``w``) is the first clause of ``w``'s sentence that renders ``holder``'s sentence
    right after ``group``, or the last clause of the one that renders the sentence right before, with
    clauses of its own besides: where ``holder``'s sentence would be, had ``w`` joined it to a neighbour."""
    mine = [s.index for s in ctx.members(group, holder)]
    segs = ctx.segments[holder]
    text = ctx.documents[w].text
    for i, after in ((min(mine) - 1, False), (max(mine) + 1, True)):
        if not 0 <= i < len(segs) or segs[i].role in QUIET_ROLES:
            continue
        gid = ctx.alignment.group_of.get(segs[i].id)
        if gid is None or gid == group.id:
            continue
        for seg in ctx.members(ctx.alignment.groups[gid], w):
            if not (seg.start <= unit.start and unit.end <= seg.end) or seg.role in QUIET_ROLES:
                continue
            before, rest = text[seg.start:unit.start], text[unit.end:seg.end]
            if after and not before.strip(" \"'„“”«»‚‘’–—(") and len(rest.split()) >= 3:
                return True
            if not after and not rest.strip(SENTENCE_END) and len(before.split()) >= 3:
                return True
    return False


def _joined_gain(ctx: FlagContext, theirs: str, neighbour: str, text: str) -> float:
    """How much closer ``theirs`` gets to ``neighbour`` with ``text`` joined after it (calibrated similarity)."""
    vecs = ctx.embed_fn([theirs, neighbour, f"{neighbour} {text}"])
    sims = ctx.calibration.similarity(vecs[1:] @ vecs[0])
    return float(sims[1] - sims[0])


def _all_units(ctx: FlagContext, version: str, skip: set[str]) -> list[Unit]:
    """Every clause of a version's body (not titles, captions or furniture), with absolute offsets."""
    return _clauses(ctx, (s for s in ctx.segments[version] if s.id not in skip))


def _moved(ctx: FlagContext, group: Group, holder: str, text: str, target: str) -> bool:
    """Whether ``target`` says ``text`` as a clause somewhere else in the article (the holder moved the
    sentence: "Per la prima settimana ... a metà prezzo" closing the article against "...; pendant la
    première semaine, il sera proposé à moitié prix" in the price paragraph): a clause of ``target``
    whose best match among all of ``holder``'s clauses is ``text``, as close as a faithful translation,
    or at least a link when it states every figure of ``text`` (a lead opening with the sentence as a
    participle phrase: "Chiuso dall'autunno 2021 per le crepe nella muratura, il faro ..." against "Der
    Leuchtturm war im Herbst 2021 geschlossen worden, nachdem sich tiefe Risse ... gezeigt hatten").
    Comma pieces count as clauses."""
    theirs = comma_pieces(_all_units(ctx, target, set(group.members)))
    if not theirs:
        return False
    vecs = ctx.embed_fn([_probe(text)] + [u.text for u in theirs])
    sims = ctx.calibration.similarity(vecs[1:] @ vecs[0])
    k = int(np.argmax(sims))
    if sims[k] < ctx.thresholds["faithful"]:
        figures = quantities_of(text, ctx.documents[holder].lang)
        if (sims[k] < ctx.thresholds["link"] or not figures
                or not states_all(figures, quantities_of(theirs[k].text, ctx.documents[target].lang))):
            return False
    mine = comma_pieces(_all_units(ctx, holder, set()))
    back = ctx.embed_fn([theirs[k].text] + [u.text for u in mine])
    best = mine[int(np.argmax(back[1:] @ back[0]))]
    return best.text in text or text in best.text


RIVALS = 3  # sentences of the holder tried in place of the one tested (_merge_gain)


def _merge_gain(ctx: FlagContext, group: Group, holder: str, text: str, target: str) -> float:
    """How much closer a neighbouring sentence of ``holder`` gets to its counterpart in ``target`` with
    ``text`` joined to it (best over the sentences before and after the group): positive when the
    counterpart says ``text`` too, inside one sentence ("..., a village threatened by a tourism
    project" against "... a village. The village is threatened by a tourism project."), negative
    when it does not (the join only dilutes), and less than joining another sentence of ``holder``
    (the three closest to the counterpart) gains when the counterpart merged the neighbour with
    something else. -1 when there is no aligned neighbour."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return -1.0
    mine = sorted(ctx.members(group, holder), key=lambda s: s.index)
    if not mine:
        return -1.0
    inside = [m.text for m in mine if m.text in text]
    if len(inside) > 1:  # several sentences: each must be said in the neighbour's counterpart
        return min(_merge_gain(ctx, group, holder, t, target) for t in inside)
    segs = ctx.segments[holder]
    best = -1.0
    for i, after in ((mine[0].index - 1, True), (mine[-1].index + 1, False)):
        if not 0 <= i < len(segs) or segs[i].role in QUIET_ROLES:
            continue
        gid = ctx.alignment.group_of.get(segs[i].id)
        theirs = [s for s in ctx.members(ctx.alignment.groups[gid], target) if s.role not in QUIET_ROLES] \
            if gid is not None else []
        if not theirs:
            continue
        other = " ".join(s.text for s in sorted(theirs, key=lambda s: s.start))
        # rivals: the same join with the sentences of holder most like the counterpart. A counterpart that
        # merged the neighbour with another sentence gets closer with that one, and ``text`` must win
        pool = [s for s in segs if s.role == "body" and s.id not in group.members and s.index != i]
        pv = ctx.embed_fn([other] + [s.text for s in pool]) if pool else np.zeros((1, 1))
        rivals = [pool[k].text for k in np.argsort(-(pv[1:] @ pv[0]))[:RIVALS]] if pool else []

        def join(extra: str) -> str:
            return f"{segs[i].text} {extra}" if after else f"{extra} {segs[i].text}"

        vecs = ctx.embed_fn([other, segs[i].text, join(text), *(join(r) for r in rivals)])
        sims = ctx.calibration.similarity(vecs[1:] @ vecs[0])
        rival_gain = max((float(x - sims[0]) for x in sims[2:]), default=0.0)
        best = max(best, float(sims[1] - sims[0]) - max(0.0, rival_gain))
    return best


FRAGMENT_WORDS = 6  # a clause or sentence this short that states figures the others state too adds no claim


def figures_only(ctx: FlagContext, v: str, text: str, lacking: Sequence[str]) -> bool:
    """Whether a short clause or sentence says little beyond figures that most lacking versions state too,
    here or in a sentence of their own: "Neun Kilo pro Bienenstock – so lautet der Durchschnitt, …" against
    "Nove chili per alveare. È la media che …"; "Pracuje w nim sześcioro doradców." split off "Sei consulenti,
    che insieme parlano undici lingue, aiutano …". The number check compares the figures; the fragment
    carries no claim of its own."""
    if len(text.split()) > FRAGMENT_WORDS:
        return False
    mine = quantities_of(text, ctx.documents[v].lang)
    if not mine:
        return False
    return sum(all_stated(ctx, mine, ctx.segments[w]) for w in lacking) * 2 > len(lacking)


SPLIT_OFF_FIGURES = 2  # figures a sentence needs before the figures alone say it was split off (split_off)


def split_off(ctx: FlagContext, group: Group, v: str, text: str, lacking: Sequence[str]) -> bool:
    """Whether most versions said to lack ``text`` (of ``v``, in ``group``) state all its figures, two or more,
    in the sentences where it sits: ``v`` split a sentence of theirs in two ("Neben der Kürzung … eine
    Schonzeit von sechzig Tagen vor. Vom 1. Mai bis zum 29. Juni, wenn der Seehecht laicht, ist sie dort
    verboten." against "… un fermo di sessanta giorni …, dal 1° maggio al 29 giugno, il periodo in cui il
    nasello si riproduce"), and the part left over repeats their dates and numbers, however freely it words
    the rest. One figure is too common a coincidence."""
    mine = quantities_of(text, ctx.documents[v].lang)
    if len(mine) < SPLIT_OFF_FIGURES:
        return False

    def states(w: str) -> bool:
        lang = ctx.documents[w].lang
        return states_all(mine, [q for u in neighbour_units(ctx, group, v, w) for q in quantities_of(u.text, lang)])

    return sum(states(w) for w in lacking) * 2 > len(lacking)


def all_stated(ctx: FlagContext, quantities: Sequence[Quantity], segs: Sequence[Segment]) -> bool:
    """Whether every one of ``quantities`` is stated in ``segs`` (one version's, quiet roles left out)."""
    if not segs:
        return not quantities
    lang = ctx.documents[segs[0].version].lang
    return states_all(quantities, [q for s in segs if s.role not in QUIET_ROLES for q in quantities_of(s.text, lang)])


def states_all(quantities: Sequence[Quantity], theirs: Sequence[Quantity]) -> bool:
    """Whether every one of ``quantities`` has the same quantity among ``theirs``. An ordinal needs an ordinal:
    "als erst drittes polnisches Gebäck" is not stated by a "3" somewhere in the others' text."""
    return all(any(same_quantity(q, r) and (q.kind == "ordinal") == (r.kind == "ordinal") for r in theirs)
               for q in quantities)


STANDFIRST_MAX_SENTENCES = 3
STANDFIRST_MAX_WORDS = 50
STANDFIRST_MIN_FOLLOWING = 3  # body paragraphs after it


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str) -> set[str]:
    """Words of four letters or more, by their first five letters (a crude stem that works in any language)."""
    return {w.casefold()[:5] for w in _CONTENT_WORD.findall(text)}


def standfirst(ctx: FlagContext) -> frozenset[str]:
    """Segment ids of each version's standfirst: the first body paragraph, when it is short (three sentences,
    50 words at most) and at least three body paragraphs follow. Desks write their own standfirst, as they
    write their own title: one sums up what another leaves to the body, in other words, so a sentence
    there that the others lack is no addition (numbers, names and negations in it are still compared).
    The price: a claim only one standfirst makes is not reported as an addition either."""
    ids: set[str] = set()
    for segs in ctx.segments.values():
        paragraphs: dict[int, list] = {}
        for s in segs:
            paragraphs.setdefault(s.paragraph, []).append(s)
        body = [p for p in sorted(paragraphs) if all(s.role == "body" for s in paragraphs[p])]
        if len(body) < 1 + STANDFIRST_MIN_FOLLOWING:
            continue
        first = paragraphs[body[0]]
        if len(first) <= STANDFIRST_MAX_SENTENCES and sum(len(s.text.split()) for s in first) <= STANDFIRST_MAX_WORDS:
            ids.update(s.id for s in first)
    return frozenset(ids)


def in_standfirst(ctx: FlagContext, group: Group, lead: frozenset[str]) -> bool:
    """Whether every member of ``group`` (quiet roles aside) is a standfirst sentence (``lead``: ``standfirst(ctx)``)."""
    return all(m in lead for m in group.members if ctx.index[m].role not in QUIET_ROLES)


def brings_new_name(ctx: FlagContext, version: str, text: str, others: Sequence[str]) -> bool:
    """Whether ``text`` (of ``version``) names someone or something that none of ``others`` names anywhere
    in its article ("zamiast EUV jak Tajwan, Korea czy USA"): a new fact, not a free rendering."""
    theirs = [names_of(ctx.documents[w].text, ctx.documents[w].lang) for w in others]
    return any(all(not names_in(t, n) for t in theirs) for n in names_of(text, ctx.documents[version].lang))
