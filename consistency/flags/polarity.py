"""``polarity`` flags: counterparts of which one is negated and the others are not (or the reverse).

Each version's text in an alignment group is read for negation cues (``cues.py``:
per-language lexicons, negative concord counted once, "not only" and French
"ne ... que" are not negations). The number of negations is put to a vote over
the versions of the group; a version whose count differs from the majority's is
a candidate, unless another version counts as it does (with four or more
versions, two translations that negate where the others do not chose a wording:
"non sono vietate" and "ne sont pas interdits" against "allowed"). One of its features is whether deleting the cue brings the clause
closer to its counterparts (a real flip: "não abrandou" against "slowed") or
further away (the others say it in other words: "nicht eingeplant" against
"imprevisto"). The flag's span is the clause that carries the extra negation, or,
for a dropped negation, the clause that renders the others' negated clause
(found with the check's embedder); its probability comes from the calibrator
(``calibration.py``), which also sets the severity.

The machinery (``cue_candidates``) is shared with ``hedging.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Callable, Hashable

import numpy as np

from ..types import Group, Span
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .cues import (Cue, CueProfile, corrected_after, cues, lexicon, profile_of, says_absent, says_few, says_first,
                   says_instead, says_many, says_most, says_never, says_not_in_years, says_only, says_other,
                   says_stopped, says_too_early, says_unexpected)
from .numbers import quantities_of
from .opposites import says_less, worded_alike
from .votes import (Unit, Vote, best_counterpart, clauses_of, clauses_outside, comma_pieces, group_text,
                    neighbour_units, pair_similarity, unit_containing, vote)


@dataclass(frozen=True)
class CueFinding:
    """A version whose cue value differs from the majority's in a group, before calibration."""

    group: Group
    version: str
    vote: Vote
    values: dict[str, Hashable]
    cues: dict[str, list[Cue]]  # version -> its relevant cues (absolute offsets)
    profiles: dict[str, CueProfile]
    span: tuple[int, int]
    cue_text: str  # the cue(s) the message names
    extra: bool  # True: the version has the cue the others lack; False: it lacks theirs
    features: dict[str, float]


def _absolute(cs: list[Cue], spans: list[Span], text: str) -> list[Cue]:
    """Map cues found in the joined group text back to document offsets."""
    out, pos = [], 0
    bounds = []
    for s in spans:
        bounds.append((pos, pos + len(s.text), s.start))
        pos += len(s.text) + 1
    for c in cs:
        for a, b, base in bounds:
            if a <= c.start < b:
                out.append(Cue(base + c.start - a, base + min(c.end, b) - a, c.text, c.kind, c.soft))
                break
    return out


def _cue_texts(ctx: FlagContext, group: Group) -> dict[str, tuple[str, list[Span]]]:
    """Each version's text in a group (with its segments), for versions whose language has cue lexicons;
    none for a group of titles or quiet lines (titles are rephrased too freely to count negations or
    hedges in)."""
    roles = {ctx.index[m].role for m in group.members}
    if roles <= set(QUIET_ROLES) or "title" in roles:
        return {}
    texts: dict[str, tuple[str, list[Span]]] = {}
    for v in ctx.versions_in(group):
        if not lexicon(ctx.documents[v].lang).empty:
            text, spans = group_text(ctx, group, v)
            if text.strip():
                texts[v] = (text, spans)
    return texts


def cue_candidates(
    ctx: FlagContext,
    value_of: Callable[[CueProfile], Hashable],
    relevant: Callable[[Cue], bool],
) -> list[CueFinding]:
    """Versions whose cue value (``value_of`` of their cue profile) differs from the group's majority."""
    out: list[CueFinding] = []
    for group in ctx.alignment.groups:
        texts = _cue_texts(ctx, group)
        if len(texts) < 2:
            continue
        found = {v: cues(t, ctx.documents[v].lang) for v, (t, _s) in texts.items()}
        profiles = {v: profile_of(found[v]) for v in texts}
        values = {v: value_of(p) for v, p in profiles.items()}
        result = vote(values, ctx.reference)
        if result is None:
            continue
        absolute = {v: _absolute([c for c in found[v] if relevant(c)], texts[v][1], texts[v][0]) for v in texts}
        for v in result.losers:
            span, cue_text, extra = _locate(ctx, group, v, result, values, absolute)
            sims = [pair_similarity(ctx, group, v, w) for w in result.winners]
            others = [w for w in texts if w != v]
            agree = sum(1 for w in others if values[w] == result.value)
            out.append(CueFinding(
                group=group, version=v, vote=result, values=values, cues=absolute, profiles=profiles,
                span=span, cue_text=cue_text, extra=extra,
                features={
                    "agree_share": agree / max(1, len(others)),
                    "n_versions": float(len(texts)),
                    "tie": float(result.tie),
                    "similarity": float(median(sims)) if sims else 0.0,
                    "extra": float(extra),
                    "removal": _removal_gain(ctx, group, v, span, extra, result, absolute),
                },
            ))
    return out


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + text[b:]
    return " ".join(text.split())


def _removal_gain(ctx: FlagContext, group: Group, v: str, span: tuple[int, int], extra: bool, result: Vote,
                  absolute: dict[str, list[Cue]]) -> float:
    """Does the cue carry the difference? How much closer the cued clause gets to its counterpart once
    the cue is deleted (median over the majority). A real flip gains ("não abrandou" -> "abrandou"
    matches "slowed"); a cue the others express in other words ("nicht eingeplant" / "imprevisto")
    loses. 0 without an embedder."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return 0.0
    pairs: list[tuple[str, str, str]] = []  # (cued clause, the same without its cue, counterpart)
    if extra:
        units = clauses_of(ctx, group, v)
        unit = unit_containing(units, span[0], span[1])
        cued = [c for c in absolute[v] if unit is not None and unit.start <= c.start < unit.end]
        if unit is None or not cued:
            return 0.0
        minus = _without(unit.text, [(c.start - unit.start, c.end - unit.start) for c in cued])
        for w in result.winners:
            match, _ = best_counterpart(ctx, unit, clauses_of(ctx, group, w))
            if match is not None:
                pairs.append((unit.text, minus, match.text))
    else:
        units = clauses_of(ctx, group, v)
        for w in result.winners:
            if not absolute[w]:
                continue
            c = absolute[w][0]
            theirs = unit_containing(clauses_of(ctx, group, w), c.start, c.end)
            if theirs is None:
                continue
            match, _ = best_counterpart(ctx, theirs, units)
            if match is not None:
                pairs.append((theirs.text, _without(theirs.text, [(c.start - theirs.start, c.end - theirs.start)]),
                              match.text))
    if not pairs:
        return 0.0
    texts = list(dict.fromkeys(t for p in pairs for t in p))
    vecs = ctx.embed_fn(texts)
    at = {t: vecs[i] for i, t in enumerate(texts)}
    cal = ctx.calibration.similarity
    gains = [float(cal(float(at[m] @ at[o]))) - float(cal(float(at[c] @ at[o]))) for c, m, o in pairs]
    return float(median(gains))


def _locate(ctx: FlagContext, group: Group, v: str, result: Vote, values: dict[str, Hashable],
            absolute: dict[str, list[Cue]]) -> tuple[tuple[int, int], str, bool]:
    """(span in v, the cue text to name, whether v has the extra cue) for a version that lost the vote."""
    units = clauses_of(ctx, group, v)
    mine = absolute[v]
    # the majority reader: a winner with cues when v lacks them, the most similar winner otherwise
    readers = sorted(result.winners, key=lambda w: -pair_similarity(ctx, group, v, w))
    theirs_have = [w for w in readers if absolute[w]]
    extra = len(mine) > max((len(absolute[w]) for w in result.winners), default=0)
    if extra and mine:
        # the clause of v whose counterpart in the closest winner has no cue
        reader = readers[0]
        their_units = clauses_of(ctx, group, reader)
        cued = {(u.start, u.end) for c in absolute[reader] for u in [unit_containing(their_units, c.start, c.end)] if u}
        choice = mine[0]
        for c in mine:
            u = unit_containing(units, c.start, c.end)
            if u is None:
                continue
            match, _ = best_counterpart(ctx, u, their_units)
            if match is not None and (match.start, match.end) not in cued:
                choice = c
                break
        u = unit_containing(units, choice.start, choice.end)
        span = (u.start, u.end) if u else (choice.start, choice.end)
        return span, choice.text, True
    if theirs_have:
        reader = theirs_have[0]
        their_units = clauses_of(ctx, group, reader)
        c = absolute[reader][0]
        target = unit_containing(their_units, c.start, c.end)
        if target is not None and units:
            match, _ = best_counterpart(ctx, target, units)
            if match is not None:
                return (match.start, match.end), c.text, False
        texts = ", ".join(dict.fromkeys(f"«{absolute[w][0].text}»" for w in theirs_have[:3]))
        spans = [s for s in group_text(ctx, group, v)[1]]
        return (min(s.start for s in spans), max(s.end for s in spans)), texts, False
    spans = group_text(ctx, group, v)[1]
    return (min(s.start for s in spans), max(s.end for s in spans)), "", extra


def _counterparts(ctx: FlagContext, group: Group, versions: tuple[str, ...]) -> tuple[Span, ...]:
    return tuple(ctx.span([s for s in ctx.members(group, w) if s.role not in QUIET_ROLES]) for w in versions)


def _loses_without_soft(f: CueFinding, reference: str) -> bool:
    """Does the version still lose the vote when "without" words ("senza", "ohne", "bez") are not counted?

    Asked of a version with an extra negation: a lone "without" is most often how one translator put
    what the others say with a word no lexicon lists ("Ohne Code drohen Bußgelder" against "chi ne è
    sprovvisto", "faute de code", "za brak kodu"). A version that lacks the negation the others state,
    with "without" or otherwise ("senza sussidi pubblici", "sem recorrer a subsídios", "keine
    Fördergelder" against "otrzyma dotacje publiczne"), is still a candidate."""
    hard = {v: sum(1 for c in f.cues.get(v, []) if not c.soft) for v in f.values}
    result = vote(hard, reference)
    return result is not None and f.version in result.losers


def _record_as_first(ctx: FlagContext, f: CueFinding) -> bool:
    """Whether the negation difference is a record said two ways: the version with the extra negation
    has no "first" word where most of the others (two at least) have one ("Noch nie hatte eine
    Qualifikantin das Turnier gewonnen" against "la prima qualificata a vincere il torneo"; with a "never"
    negation, or "not in N years", a superlative counts too: "jamais une commande aussi importante" = "the
    biggest order", "so viele wie seit fünfzehn Jahren nicht mehr" = "il numero più alto degli ultimi quindici
    anni"), or the
    version that lacks the others' "never" has one they lack ("è la prima volta" against "jamais")."""
    def first(w: str) -> bool:
        return says_first(group_text(ctx, f.group, w)[0], ctx.documents[w].lang)

    if f.extra:
        # "never" with a comparative ("Einen größeren Auftrag hat das Unternehmen noch nie …") is the others'
        # superlative ("il più grande nei 112 anni"); "not in fifteen years" ("so viele wie seit fünfzehn
        # Jahren nicht mehr") is a "never" too
        lang = ctx.documents[f.version].lang
        never = _cue_pieces(ctx, f, lambda c, u: says_never(c.text, lang, u.text[:c.start - u.start])
                            or says_not_in_years(u.text, lang, c.start - u.start, c.end - u.start))
        theirs = sum(first(w) or _facing_says(ctx, f, never, w, says_most) for w in f.vote.winners)
        return not first(f.version) and theirs >= 2 and theirs * 2 > len(f.vote.winners)
    if not first(f.version) or sum(first(w) for w in f.vote.winners) * 2 >= len(f.vote.winners):
        return False
    # ... and only for a "never" the others say: "die Erlaubnis gestattet erstmals den Verkauf im Internet"
    # against "non consente la vendita online" is a flip with "first" added, not a record
    return sum(_says_never_cue(ctx, w, f.cues[w]) for w in f.vote.winners) * 2 > len(f.vote.winners)


def _says_never_cue(ctx: FlagContext, w: str, held: list[Cue]) -> bool:
    """Whether one of ``w``'s negation cues is a "never" ("jamais", "noch nie", "nigdy", "so schnell war noch niemand")."""
    text, lang = ctx.documents[w].text, ctx.documents[w].lang
    return any(says_never(c.text, lang, text[max(0, c.start - 40):c.start]) for c in held)


# what the others may say without a negation where a version negates: "less", "instead of", "stopped", "too early",
# an absence word ("deserto"), an "other" word ("einen anderen Ort als"), a surprise word ("überraschend")
_SAID_WITHOUT: tuple[Callable[[str, str], bool], ...] = (says_less, says_instead, says_stopped, says_too_early,
                                                         says_absent, says_other, says_unexpected)


def _one_fewer(ctx: FlagContext, f: CueFinding) -> bool:
    """Whether an extra negation says what most of the others (two at least) say with one of ``_SAID_WITHOUT`` (a "less"
    word, an "instead" phrase, a "stopped" verb, a "too early" phrase, an absence, an "other" or a "surprise" word)
    in the clause that renders it: "ein Bett, das wir nicht schließen müssen" against "un letto in meno da
    chiudere", "un lit de moins à fermer"; "10,50 euro, a nie 9 euro" against "10,50 euro anziché 9", "au lieu de
    9"; "kamen keine Daten mehr an" against "i dati hanno smesso di arrivare", "przestały spływać"; "lasse sich noch
    nicht sagen" against "è troppo presto per dire"; "nikogo nie było" against "era deserto"; "non ce l'aspettavamo"
    against "kam überraschend", "nas zaskoczyła"; and "not many" (a negation with a ``many`` word) against "few"
    ("non sono stati molti" against "nur wenige"). A version that says it that way itself is compared as usual. The
    same the other way round: a version that drops the others' negation for an absence word or a "stopped" verb in
    the clause that renders theirs ("In Haldenau fehlen der Ambulanz eigene Räume" against "non dispone di locali
    propri")."""
    if not f.extra:
        return _dropped_for_a_word(ctx, f)
    negated = _cue_pieces(ctx, f)
    if not negated:
        return False
    lang = ctx.documents[f.version].lang
    for says in _SAID_WITHOUT:
        if any(says(u.text, lang) for u in negated):
            continue
        theirs = sum(_facing_says(ctx, f, negated, w, says) for w in f.vote.winners)
        if theirs >= 2 and theirs * 2 > len(f.vote.winners):
            return True
    # "not many" is "few": "i clienti che si sono lamentati non sono stati molti" against "nur wenige Kunden"
    # ("nessun cliente", with no "many" word, is not)
    if any(says_many(u.text, lang) and not says_few(u.text, lang) for u in negated):
        theirs = sum(_facing_says(ctx, f, negated, w, says_few) or _says_only_some(ctx, f, w) for w in f.vote.winners)
        return theirs >= 2 and theirs * 2 > len(f.vote.winners)
    return False


def _says_only_some(ctx: FlagContext, f: CueFinding, w: str) -> bool:
    """Whether ``w`` says "only" with a figure in a clause of the group ("nur sechs Wochen gesperrt", "solo 7
    oggetti"): what "non è rimasto fermo a lungo", "os atrasos não foram muitos" say with a negation. Any clause
    of the group: the one the embedder ranks closest to the negated clause is often another."""
    lang = ctx.documents[w].lang
    return any(says_only(u.text, lang) and quantities_of(u.text, lang) for u in clauses_of(ctx, f.group, w))


def _dropped_for_a_word(ctx: FlagContext, f: CueFinding) -> bool:
    """Whether a version without the others' negation says their negated clause with an absence word or a
    "stopped" verb that most of their negated clauses do not use (see ``_one_fewer``)."""
    lang = ctx.documents[f.version].lang
    # the clause found for theirs, or another clause of the sentence: the absence word may close it ("Für eine
    # Belüftungsanlage …, die rund 600.000 Euro kosten würde, fehlt der Gemeinde das Geld")
    mine = group_text(ctx, f.group, f.version)[0]
    theirs = [(unit.text, ctx.documents[w].lang) for w in f.vote.winners
              for _h, _r, _c, unit in [_negated_unit(ctx, f, w)] if unit is not None]
    return bool(theirs) and any(
        says(mine, lang) and 2 * sum(says(text, w_lang) for text, w_lang in theirs) < len(theirs)
        for says in (says_absent, says_stopped))


def _cue_pieces(ctx: FlagContext, f: CueFinding,
                keep: Callable[[Cue, Unit], bool] = lambda c, u: True) -> list[Unit]:
    """The finding's version's clauses that hold its cues (those ``keep`` accepts, with their clause), each cut
    to its comma piece with the cue when it has one: what the others' facing clause renders ("…, o número
    mais elevado dos últimos …")."""
    mine = clauses_of(ctx, f.group, f.version)
    return [unit_containing(comma_pieces([u])[1:], c.start, c.end) or u
            for c in f.cues[f.version] for u in [unit_containing(mine, c.start, c.end)]
            if u is not None and keep(c, u)]


def _facing_says(ctx: FlagContext, f: CueFinding, pieces: list[Unit], w: str,
                 says: Callable[[str, str], bool]) -> bool:
    """Whether ``w``'s clause closest to one of ``pieces`` ``says`` it ("più alto", "in meno"): in that clause,
    not elsewhere in the group ("sempre più calde" in another clause is no record). The group's text is
    read first, so that nothing is embedded when ``w`` does not say it at all."""
    lang = ctx.documents[w].lang
    if not pieces or not says(group_text(ctx, f.group, w)[0], lang):
        return False
    units = clauses_of(ctx, f.group, w)
    return any(match is not None and says(match.text, lang)
               for match, _ in (best_counterpart(ctx, u, units) for u in pieces))


def _negated_unit(ctx: FlagContext, f: CueFinding, w: str) -> tuple[str, str, list[Cue], Unit | None]:
    """For a finding and one version ``w`` of the majority: (the version that holds the extra negation, the
    one that reads without it, the holder's cues, the holder's clause with the negation, None without one)."""
    holder, reader = (f.version, w) if f.extra else (w, f.version)
    held = f.cues[holder]
    if not held:
        return holder, reader, held, None
    own = clauses_of(ctx, f.group, holder)
    unit = (unit_containing(own, f.span[0], f.span[1]) if f.extra
            else unit_containing(own, held[0].start, held[0].end))
    return holder, reader, held, unit


def cue_next_door(ctx: FlagContext, f: CueFinding, count: Callable[[CueProfile], int] = lambda p: p.negations,
                  said_without: tuple[Callable[[str, str], bool], ...] = ()) -> bool:
    """Whether the others say the cued clause in a neighbouring sentence (``count``: the cues a profile has,
    negations by default; hedging passes whether it is hedged): for most of the versions on
    the other side, a negated clause of the sentence before or after the group is the closest clause to
    the negated one, or the one that, joined to their text here, brings it closest (and closer than it
    was), and with it their negations add up to the holder's; the same the other way round for a dropped
    negation. Translators merge a sentence into the one before or
    after it ("Sędziom nie udało się ich przesunąć i po czterdziestu minutach ... odwołał próbę" against
    "... e i commissari non sono riusciti a farli spostare. Dopo quaranta minuti ..."), so the negation
    moved with its clause; so does a hedge ("Eine Kaltfront könnte dann Gewitter bringen" in a sentence of
    its own, where the others say "quando un fronte freddo potrebbe portare temporali" in the one before).
    For an extra cue, a clause next door that says it with one of ``said_without`` counts as well ("Siebzehn
    von ihnen sind noch keine 18." in a sentence of its own, "diciassette hanno meno di 18 anni" in the one
    before)."""
    if ctx.embed_fn is None:
        return False
    moved = voters = 0
    for w in f.vote.winners:
        holder, reader, held, unit = _negated_unit(ctx, f, w)
        here = clauses_of(ctx, f.group, reader)
        near = neighbour_units(ctx, f.group, holder, reader)
        if unit is None or not here or not near:
            continue
        voters += 1
        lang = ctx.documents[reader].lang
        base = " ".join(u.text for u in here)
        joined = [f"{n.text} {base}" if n.start < here[0].start else f"{base} {n.text}" for n in near]
        vecs = ctx.embed_fn([unit.text, base, *joined, *(u.text for u in here), *(n.text for n in near)])
        sims = vecs[1:] @ vecs[0]
        gains, alone = sims[1:1 + len(near)] - sims[0], sims[1 + len(near):]
        k = int(np.argmax(gains))  # the join that helps most: the counterpart says the clause with its neighbour
        j = int(np.argmax(alone)) - len(here)  # the closest clause: a neighbour's (j >= 0) or one of the group's
        # the join, or the clause, must render the negated clause (closer than unrelated sentences: an added
        # clause has no rendering, and some negated clause next door is always the least far), and with that
        # clause the counterpart has as many negations as the holder: nothing else is flipped
        close = ctx.calibration.similarity(sims) if ctx.calibration is not None else sims
        absent = ctx.thresholds["absent"]
        picks = ((k, close[1 + k]) if gains[k] > 0 else (-1, 0.0), (j, close[1 + len(near) + len(here) + j]))
        moved += any(m >= 0 and sim >= absent
                     and (int(f.values[reader]) + count(profile_of(cues(near[m].text, lang))) == int(f.values[holder])
                          or (f.extra and any(says(near[m].text, lang) for says in said_without)))
                     for m, sim in picks)
    return voters > 0 and moved * 2 > voters


def _said_elsewhere(ctx: FlagContext, f: CueFinding) -> bool:
    """Whether the negated clause has no rendering here but a close one, negated too, elsewhere in most of the
    versions on the other side: a lead that restates a body sentence ("Quattro persone sono state ricoverate,
    nessuna è in pericolo di vita" above a body where the others say "in Lebensgefahr schwebte niemand") adds
    a clause to the group, it flips nothing (the same the other way round for a dropped negation)."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return False
    restated = voters = 0
    for w in f.vote.winners:
        holder, reader, held, unit = _negated_unit(ctx, f, w)
        here = comma_pieces(clauses_of(ctx, f.group, reader))
        there = comma_pieces(clauses_outside(ctx, f.group, reader))
        if unit is None or not here or not there:
            continue
        voters += 1
        cue = held[0] if not f.extra else next((c for c in held if unit.start <= c.start < unit.end), held[0])
        unit = unit_containing(comma_pieces([unit])[1:], cue.start, cue.end) or unit  # its piece with the cue
        vecs = ctx.embed_fn([unit.text, *(u.text for u in here), *(u.text for u in there)])
        close = ctx.calibration.similarity(vecs[1:] @ vecs[0])
        k = int(np.argmax(close[len(here):]))
        restated += bool(max(close[:len(here)]) < ctx.thresholds["absent"]
                         and close[len(here) + k] >= ctx.thresholds["faithful"]
                         and profile_of(cues(there[k].text, ctx.documents[reader].lang)).negations > 0)
    return voters > 0 and restated * 2 > voters


def _negated_clauses(units: list[Unit], negations: list[Cue]) -> set[int]:
    """Indices of the clauses that hold a negation."""
    return {i for i, u in enumerate(units) if any(u.start <= c.start < u.end for c in negations)}


def _cue_in(unit: Unit, negations: list[Cue]) -> Cue:
    """The first of ``negations`` inside ``unit`` (one is there)."""
    return next(c for c in negations if unit.start <= c.start < unit.end)


def _faces_back(ctx: FlagContext, mine: list[Unit], faced: list[Unit], i: int) -> bool:
    """Whether the clause ``mine[i]`` faces, ``faced[i]``, faces it back: a mutual best match."""
    return best_counterpart(ctx, faced[i], mine)[0] is mine[i]


def _reads_unnegated(ctx: FlagContext, unit: Unit, negations: list[Cue], theirs: list[Unit],
                     their_negations: list[Cue]) -> bool:
    """Whether the comma piece of ``unit`` with its negation reads best as an unnegated piece of ``theirs``."""
    cue = _cue_in(unit, negations)
    piece = unit_containing(comma_pieces([unit])[1:], cue.start, cue.end) or unit
    match, _ = best_counterpart(ctx, piece, comma_pieces(theirs))
    return match is not None and not any(match.start <= c.start < match.end for c in their_negations)


def moved_negations(ctx: FlagContext) -> list[CueFinding]:
    """Groups where every version negates as often, but one version negates another clause than most of the
    others: "O distrito não vai suportar o custo …, pelo que terão de ser as famílias a pagá-las" against "Il
    distretto coprirà il costo …, così le famiglie non pagheranno nulla". The count vote sees nothing. For
    each other version, the version's clauses are matched to their closest clauses there (the check's
    embedder): the negation moved when a negated clause of the version faces an unnegated one and an
    unnegated clause faces a negated one, each a mutual best match, and the comma piece with the negation
    reads best as an unnegated piece there (clauses cut at other places carry a negation across: "części
    zamiennych, których producenci już nie dostarczają, np. pokręteł" against "pezzi di ricambio che i
    produttori non forniscono più, come manopole"). It must have moved against most of the others, and
    every clause must face a different one (a merged clause reads both ways)."""
    out: list[CueFinding] = []
    if ctx.embed_fn is None:
        return out
    for group in ctx.alignment.groups:
        texts = _cue_texts(ctx, group)
        if len(texts) < 3:
            continue
        found = {v: [c for c in cues(t, ctx.documents[v].lang) if c.kind == "negation"] for v, (t, _s) in texts.items()}
        values = {v: len(found[v]) for v in texts}
        if len(set(values.values())) != 1 or not next(iter(values.values())):
            continue  # counts differ (the count vote's case) or nothing is negated
        absolute = {v: _absolute(found[v], texts[v][1], texts[v][0]) for v in texts}
        units = {v: clauses_of(ctx, group, v) for v in texts}
        negated = {v: _negated_clauses(units[v], absolute[v]) for v in texts}
        for v in texts:
            mine = units[v]
            if len(mine) < 2 or not negated[v] or len(negated[v]) == len(mine):
                continue
            others = [w for w in texts if w != v]
            movers, flipped = [], None
            for w in others:
                faced = [best_counterpart(ctx, u, units[w])[0] for u in mine]
                index = [next((j for j, x in enumerate(units[w]) if x is m), None) for m in faced]
                if None in index or len(set(index)) < len(index):
                    continue
                gained = [i for i in negated[v] if index[i] not in negated[w] and _faces_back(ctx, mine, faced, i)
                          and _reads_unnegated(ctx, mine[i], absolute[v], units[w], absolute[w])]
                lost = [i for i in range(len(mine))
                        if i not in negated[v] and index[i] in negated[w] and _faces_back(ctx, mine, faced, i)]
                if gained and lost:
                    movers.append(w)
                    flipped = flipped if flipped is not None else gained[0]
            if flipped is None or len(movers) * 2 <= len(others):
                continue
            unit = mine[flipped]
            cue = _cue_in(unit, absolute[v])
            result = Vote(value=values[v], winners=tuple(movers), losers=(v,), tie=False)
            sims = [pair_similarity(ctx, group, v, w) for w in movers]
            span = (unit.start, unit.end)
            out.append(CueFinding(
                group=group, version=v, vote=result, values=values, cues=absolute,
                profiles={w: profile_of(found[w]) for w in texts}, span=span, cue_text=cue.text, extra=True,
                features={
                    "agree_share": len(movers) / len(others),
                    "n_versions": float(len(texts)),
                    "tie": 0.0,
                    "similarity": float(median(sims)) if sims else 0.0,
                    "extra": 1.0,
                    "removal": _removal_gain(ctx, group, v, span, True, result, absolute),
                },
            ))
    return out


@finder("polarity")
def find_polarity(ctx: FlagContext) -> list[Finding]:
    """``polarity`` candidates: a version that negates a claim its counterparts state (or the reverse)."""
    out: list[Finding] = []
    for f in cue_candidates(ctx, lambda p: p.negations, lambda c: c.kind == "negation"):
        mine, theirs = f.values[f.version], f.vote.value
        if f.features["n_versions"] >= 4 and any(w != f.version and x == mine for w, x in f.values.items()):
            continue  # two translators negating where the others do not chose a wording ("non vietate" = "allowed")
        if f.extra and not _loses_without_soft(f, ctx.reference):
            continue  # only its "without" makes the difference ("Ohne Code drohen Bußgelder" = "chi ne è sprovvisto")
        if _one_fewer(ctx, f):
            continue  # "ein Bett, das wir nicht schließen müssen" = "un letto in meno da chiudere"
        if f.extra and _corrected(ctx, f):
            continue  # "nicht wie geplant um 9 Uhr, sondern erst um 9.40 Uhr" = "retardé de 40 minutes"
        if _record_as_first(ctx, f):
            continue  # "noch nie hatte eine Qualifikantin gewonnen" = "la prima qualificata a vincere"
        if worded_alike(ctx, f.group, f.version, f.vote.winners):
            continue  # "nicht genehmigt" where the others say "respinto": the negation is a wording
        if cue_next_door(ctx, f, said_without=_SAID_WITHOUT):
            continue  # the negated clause is part of a neighbouring sentence in the others (embeds: last)
        if _said_elsewhere(ctx, f):
            continue  # a restated clause the others say, negated, elsewhere in the article (embeds)
        f.features["delta"] = float(abs(int(mine) - int(theirs)))  # type: ignore[call-overload]
        text = ctx.documents[f.version].text[f.span[0] : f.span[1]]
        others = join_names(f.vote.winners)
        if f.extra:
            message = (f"The {f.version} version negates this where {others} do not "
                       f"(«{f.cue_text}»): {quote(text)}.")
        else:
            cue = f.cue_text if f.cue_text.startswith("«") else f"«{f.cue_text}»"
            message = f"The {f.version} version drops the negation {others} have here ({cue}): {quote(text)}."
        out.append(_finding(ctx, f, message))
    for f in moved_negations(ctx):
        if worded_alike(ctx, f.group, f.version, f.vote.winners) or _said_elsewhere(ctx, f):
            continue
        f.features["delta"] = 1.0
        text = ctx.documents[f.version].text[f.span[0] : f.span[1]]
        message = (f"The {f.version} version negates this where {join_names(f.vote.winners)} negate another "
                   f"part of the claim («{f.cue_text}»): {quote(text)}.")
        out.append(_finding(ctx, f, message))
    return out


def _corrected(ctx: FlagContext, f: CueFinding) -> bool:
    """Whether every negation of an extra-negated version is corrected later in its sentence by a ``rather`` word
    ("nicht X, sondern Y", "non X, bensì Y"): the claim is Y, which the others state without a negation."""
    text, lang = ctx.documents[f.version].text, ctx.documents[f.version].lang
    mine = f.cues[f.version]
    return bool(mine) and all(corrected_after(text, lang, c.end) for c in mine)


def _finding(ctx: FlagContext, f: CueFinding, message: str) -> Finding:
    """A polarity candidate on the finding's span, against the versions that won its vote."""
    cand = Candidate(kind="polarity", version=f.version, start=f.span[0], end=f.span[1],
                     counterparts=_counterparts(ctx, f.group, f.vote.winners), severity="medium",
                     score=0.6, message=message, group=f.group.id)
    return Finding(cand, "polarity", f.features)
