"""Clause-level ``addition`` and ``omission`` flags: a clause one version appends to (or drops from) a
sentence that otherwise matches its counterparts.

Sentence alignment cannot see "..., choć mieszkańcy skarżyli się na ciemne
ulice" appended to a faithful sentence: the sentence still links. Inside each
alignment group every version's text is cut into clauses (``clausesplit.py``).
For a clause c of version v and another version w the model embeds c, v's text
without c, and w's text; the ``clause`` head of the calibrator turns what that
shows into the probability that w has no counterpart of c:

- ``gain``: how much closer v's text gets to w's once c is removed;
- ``cover`` / ``best``: how close c alone is to w's text / to w's closest clause;
- ``share``, ``words``, ``last``: how much of v's text c is, and where.

A clause most other versions lack is an addition in v (its span is the clause);
a clause the majority carries and v lacks is an omission in v (an empty span where the
clause belongs: after v's rendering of the clause before it, or at the end of v's sentence); a clause the lacking versions say in a neighbouring
sentence is not flagged, nor a bare attribution ("wie die Klinikleitung mitteilte") when the
lacking versions attribute the sentence in their own words. Whole sentences missing from a group are ``gaps.py``'s.
Only groups where some pair of versions is less similar than a typical
translation are examined (a cheap filter on similarities the aligner computed).
"""
from __future__ import annotations

import re
from statistics import mean
from typing import Sequence

import numpy as np

from ..types import Group, Span
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, calibrator_for, finder
from .clausesplit import is_attribution, is_gloss, reports_or_relays
from .names import Name, names_in, names_of
from .numbers import quantities_of
from .votes import (Unit, all_stated, best_counterpart, brings_new_name, clauses_of, clauses_outside, comma_pieces,
                    content_words, figures_only, group_text, in_standfirst, pair_similarity, restructured,
                    SENTENCE_END, standfirst)

CLAUSE_FEATURES = ("gain", "cover", "best", "share", "words", "last", "full")
MAX_CLAUSES = 8  # longer groups are left to sentence-level detectors
ABSENT = 0.5  # a clause counts as absent in a version when the head says so with at least this


def clause_features(clause: str, rest: str, whole: str, other: str, other_clauses: Sequence[str],
                    vec: dict[str, np.ndarray], similarity) -> dict[str, float]:
    """The ``clause`` head's features for one clause of a text against another version's text."""
    full = similarity(vec[whole], vec[other])
    gain = similarity(vec[rest], vec[other]) - full
    cover = similarity(vec[clause], vec[other])
    best = max([similarity(vec[clause], vec[c]) for c in other_clauses] or [cover])
    return {"gain": gain, "cover": cover, "best": max(best, cover), "share": len(clause) / max(1, len(whole)),
            "words": float(len(clause.split())), "full": full}


def absent_probability(features: dict[str, float], head) -> float:
    """The probability that the other version has no counterpart of the clause."""
    if head is None:  # no calibrator: a clause clearly worth removing and poorly covered
        return float(features["gain"] > 0.05 and features["best"] < 0.6)
    return head.probability(features)


def _texts(units: list[Unit]) -> tuple[str, list[str], list[str]]:
    clauses = [u.text for u in units]
    whole = " ".join(clauses)
    rests = [" ".join(c for j, c in enumerate(clauses) if j != i) for i in range(len(clauses))]
    return whole, clauses, rests


@finder("clauses")
def find_clauses(ctx: FlagContext) -> list[Finding]:
    """Clause-level addition and omission candidates inside aligned groups."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return []
    cal = calibrator_for(ctx)
    head = cal.heads.get("clause") if cal is not None else None
    typical = ctx.calibration.cal("translation", "p25") if "p25" in ctx.calibration.quantiles.get(
        "translation", {}) else 0.9
    similarity = lambda a, b: float(ctx.calibration.similarity(float(a @ b)))  # noqa: E731
    out: list[Finding] = []
    todo = []
    lead = standfirst(ctx)
    for group in ctx.alignment.groups:
        roles = {ctx.index[m].role for m in group.members}
        if roles <= {*QUIET_ROLES, "heading"} or "title" in roles:
            continue  # titles are rewritten by each desk, with whatever lead sentence joined them
        if in_standfirst(ctx, group, lead):
            continue  # standfirsts are each desk's own summary (votes.standfirst)
        units = {v: clauses_of(ctx, group, v) for v in ctx.versions_in(group)}
        units = {v: u for v, u in units.items() if u and len(u) <= MAX_CLAUSES}
        present = list(units)
        if len(present) < 2 or all(len(u) < 2 for u in units.values()):
            continue
        if min(pair_similarity(ctx, group, a, b) for i, a in enumerate(present) for b in present[i + 1:]) >= typical:
            continue
        todo.append((group, units, present, {v: _texts(units[v]) for v in present}))
    # one embedding call for every text of every group examined
    needed = list(dict.fromkeys(t for _g, units, present, parts in todo for v in present for t in
                                [parts[v][0], *(parts[v][1] if len(units[v]) > 1 else []),
                                 *(parts[v][2] if len(units[v]) > 1 else [])]))
    vecs = ctx.embed_fn(needed) if needed else np.zeros((0, 1), dtype=np.float32)
    vec = {t: vecs[i] for i, t in enumerate(needed)}
    for group, units, present, parts in todo:
        # p[v][i][w]: probability that w has no counterpart of v's clause i
        p: dict[str, list[dict[str, float]]] = {}
        feats: dict[str, list[dict[str, dict[str, float]]]] = {}
        for v in present:
            whole, clauses, rests = parts[v]
            p[v], feats[v] = [], []
            for i, c in enumerate(clauses):
                row, frow = {}, {}
                if len(clauses) > 1:
                    for w in present:
                        if w == v:
                            continue
                        f = clause_features(c, rests[i], whole, parts[w][0],
                                            parts[w][1] if len(units[w]) > 1 else [], vec, similarity)
                        f["last"] = float(i == len(clauses) - 1)
                        row[w], frow[w] = absent_probability(f, head), f
                p[v].append(row)
                feats[v].append(frow)
        out.extend(_additions(ctx, group, present, units, p, feats))
        out.extend(_omissions(ctx, group, present, units, p, feats))
    return out


def _majority_absent(ctx: FlagContext, v: str, row: dict[str, float]) -> tuple[list[str], list[str]] | None:
    lack = [w for w, q in row.items() if q >= ABSENT]
    have = [w for w, q in row.items() if q < ABSENT]
    if not lack:
        return None
    if len(lack) > len(have) or (len(lack) == len(have) and ctx.reference in lack):
        return lack, have
    return None


def _additions(ctx: FlagContext, group: Group, present: list[str], units: dict[str, list[Unit]],
               p: dict[str, list[dict[str, float]]], feats: dict[str, list[dict[str, dict[str, float]]]]) -> list[Finding]:
    out = []
    for v in present:
        for i, u in enumerate(units[v]):
            row = p[v][i]
            if not row:
                continue
            vote = _majority_absent(ctx, v, row)
            if vote is None:
                continue
            lack, have = vote
            # the rest of the sentence must be there: not every clause of v is missing
            if all(_majority_absent(ctx, v, p[v][j]) for j in range(len(units[v])) if j != i):
                continue
            if _GLOSS.fullmatch(u.text.strip()):
                continue  # "Piccolo Volo (wł. „mały lot”)": a name's translation in brackets, no claim
            if is_gloss(ctx.documents[v].text, u.start, u.end, ctx.documents[v].lang) and not brings_new_name(
                    ctx, v, u.text, lack):
                continue  # "grisu – a mistura de metano e ar que se acumula nas minas –": a term explained
            if figures_only(ctx, v, u.text, lack):
                continue  # "Neun Kilo pro Bienenstock – so lautet der Durchschnitt": the others state the figure
            if restructured(ctx, group, v, u.text, lack, and_split=True):
                continue  # the others say it in a neighbouring sentence
            if _recap(ctx, group, v, u.text):
                continue  # v repeats what it says elsewhere ("Varhaug first, Sadowska 12.4 s behind")
            if _attributed(ctx, group, v, u.text, lack):
                continue  # "wie die Klinikleitung mitteilte" where the others write "ha comunicato la direzione"
            if _said_elsewhere(ctx, group, v, u.text, lack):
                continue  # "…, sagt Lindqvist, die Leiterin des Grünflächenamts": the others gave her role earlier
            if _said_within(ctx, group, v, u, lack):
                continue  # "; ein Betreuer begleitet sie" where the others end their list "…, seguiti da un educatore"
            features = _aggregate([feats[v][i][w] for w in lack], [row[w] for w in row], len(present))
            others = join_names(lack)
            who = f"Only the {v} version adds" if not have else f"Only {join_names([v, *have])} add"
            message = (f"{who} {quote(u.text)} to this sentence; {others} "
                       f"{'does' if len(lack) == 1 else 'do'} not say it.")
            cand = Candidate(kind="addition", version=v, start=u.start, end=u.end, counterparts=_spans(ctx, group, lack),
                             severity="medium", score=features["p_mean"], message=message, group=group.id)
            out.append(Finding(cand, "clause_addition", features, whole_claim=False,
                               corroborated=brings_new_name(ctx, v, u.text, lack)
                               or _sentence_of_its_own(ctx, group, v, u, lack),
                               # "Le public n'est pas oublié : chaque samedi…" against "Ogni sabato … anche al pubblico"
                               framing=_colon_lead(ctx, v, u, units[v][i + 1:], lack)))
    return out


def _colon_lead(ctx: FlagContext, v: str, unit: Unit, after: Sequence[Unit], lacking: Sequence[str]) -> bool:
    """Whether ``unit`` leads into the rest of its sentence through a colon ("Houve críticas de vizinhos: vários
    contaram que …" against "Diversi residenti hanno protestato: molti …"; "Le public n'est pas oublié : chaque
    samedi, des visites guidées…" against "Ogni sabato la fabbrica si apre anche al pubblico…"): a lead announces
    what follows, which the others say, and is a desk's framing, unless it brings a name or a figure most lacking
    versions do not give."""
    text = ctx.documents[v].text
    if not text[unit.end:unit.end + 3].lstrip().startswith(":"):
        return False
    colon = text.index(":", unit.end)
    if not after or after[0].start - colon > 3:
        return False  # nothing of the sentence follows the colon
    if brings_new_name(ctx, v, unit.text, lacking):
        return False
    figures = quantities_of(unit.text, ctx.documents[v].lang)
    return not figures or sum(all_stated(ctx, figures, ctx.segments[w]) for w in lacking) * 2 > len(lacking)


def _sentence_of_its_own(ctx: FlagContext, group: Group, v: str, unit: Unit, lacking: Sequence[str]) -> bool:
    """Whether ``unit`` is a whole sentence of ``v`` that the aligner joined to a neighbour because the
    lacking versions have nothing for it: v has more sentences in the group than each of them. An added
    sentence between two that match ("Die Stadt rechnet damit, dass sich die Anlage im ersten Jahr selbst
    trägt.") is a second sign besides the clause head's."""
    mine = ctx.members(group, v)
    if len(mine) < 2:
        return False
    text = ctx.documents[v].text
    whole = any(s.start <= unit.start and unit.end <= s.end and not text[s.start:unit.start].strip()
                and not text[unit.end:s.end].strip(SENTENCE_END) for s in mine)  # the sentence, but its stop
    return whole and all(len(ctx.members(group, w)) < len(mine) for w in lacking)


def _attributed(ctx: FlagContext, group: Group, v: str, text: str, lacking: Sequence[str]) -> bool:
    """Whether a clause of ``v`` is a bare attribution and every lacking version attributes its text in the
    group too: an attribution is each desk's own placement and wording ("…, wie die Klinikleitung am Dienstag
    mitteilte" against "Jak poinformowała we wtorek dyrekcja, …"; "Zdaniem Lorenza Dalpiaza" against "könne sie
    vergrößert werden", reported speech), not a claim of its own."""
    if not is_attribution(text, ctx.documents[v].lang):
        return False
    return all(reports_or_relays(group_text(ctx, group, w)[0], ctx.documents[w].lang) for w in lacking)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _closest(ctx: FlagContext, text: str, units: Sequence[Unit]) -> tuple[int, float]:
    """The index of the unit the model finds closest to ``text``, and their calibrated similarity."""
    vecs = ctx.embed_fn([text] + [u.text for u in units])
    sims = ctx.calibration.similarity(vecs[1:] @ vecs[0])
    k = int(np.argmax(sims))
    return k, float(sims[k])


def _said_elsewhere(ctx: FlagContext, group: Group, v: str, text: str, lacking: Sequence[str]) -> bool:
    """Whether most versions that lack a clause here have a close rendering of it (at least ``link``) in
    another sentence and state its figures: a role repeated beside a name, a fact said again, not a claim
    of its own ("Sadowska 31 s behind her" against "second, 12.4 s behind" is a new figure)."""
    link = ctx.thresholds["link"]
    mine = quantities_of(text, ctx.documents[v].lang)
    people = names_of(group_text(ctx, group, v)[0], ctx.documents[v].lang)
    own: list[Unit] = []

    def says_it(w: str) -> bool:
        units = comma_pieces(clauses_outside(ctx, group, w))
        units += _beside(units, people, ctx.documents[w].lang)
        if not units or not all_stated(ctx, mine, ctx.segments[w]):
            return False
        k, sim = _closest(ctx, text, units)
        if sim < link:
            return False
        # a mutual best match: a clause of v's own elsewhere that renders theirs better is its counterpart, and
        # the two only share a name ("qui l'a prêté … au musée ethnographique de Cracovie" against "con il
        # sostegno del Museo etnografico di Cracovia", which v says too: "avec le soutien du musée …"), unless
        # v only repeats its own words ("vom Glasverbot bis zur Hundezone" after the title "Hunde erlaubt, Glas
        # verboten")
        if not own:
            own.extend(comma_pieces(clauses_outside(ctx, group, v)))
        if not own or content_words(text) <= content_words(" ".join(u.text for u in own)):
            return True
        back = ctx.embed_fn([units[k].text, text] + [u.text for u in own])
        return float(back[1] @ back[0]) >= float(np.max(back[2:] @ back[0]))

    return sum(says_it(w) for w in lacking) * 2 > len(lacking)


def _said_within(ctx: FlagContext, group: Group, v: str, unit: Unit, lacking: Sequence[str]) -> bool:
    """Whether most versions that lack a clause of ``v`` say it as a comma piece of their own sentence: a close
    rendering (at least ``link``) that is a mutual best match and states the clause's figures ("; ein Betreuer
    begleitet sie" against "…, seguiti da un educatore", "…, encadrés par un éducateur"). The clause head
    compares a clause with whole sentences and clauses, where a short phrase inside a long one scores low."""
    link = ctx.thresholds["link"]
    figures = quantities_of(unit.text, ctx.documents[v].lang)
    mine = comma_pieces(clauses_of(ctx, group, v))

    def says_it(w: str) -> bool:
        units = clauses_of(ctx, group, w)
        pieces = comma_pieces(units)[len(units):]
        if not pieces or not all_stated(ctx, figures, ctx.segments[w]):
            return False
        k, sim = _closest(ctx, unit.text, pieces)
        if sim < link:
            return False
        back = ctx.embed_fn([pieces[k].text] + [u.text for u in mine])
        return mine[int(np.argmax(back[1:] @ back[0]))].text == unit.text

    return sum(says_it(w) for w in lacking) * 2 > len(lacking)


_QUOTE_OR_DASH = re.compile(r"[«»\"“”„–—]")


def _beside(units: list[Unit], people: Sequence[Name], lang: str) -> list[Unit]:
    """The words right before and after a name of ``people`` in ``units``, up to a quotation mark or a dash
    (with the offsets of their unit): where a version gives that person's role ("…», spiega la responsabile
    del verde pubblico, Heike Lindqvist" holds "spiega la responsabile del verde pubblico")."""
    out = []
    for u in units:
        for n in names_of(u.text, lang):
            if len(n.text.split()) < 2 or not names_in(people, n):
                continue
            before = _QUOTE_OR_DASH.split(u.text[: n.start])[-1].strip(" ,;:")
            after = _QUOTE_OR_DASH.split(u.text[n.end :])[0].strip(" ,;:.")
            out.extend(Unit(u.version, u.start, u.end, piece) for piece in (before, after) if len(piece.split()) >= 2)
    return out


def _recap(ctx: FlagContext, group: Group, v: str, text: str) -> bool:
    """Whether a clause of ``v`` only repeats figures and words that ``v`` states in its other sentences: a
    recap that carries numbers ("Varhaug first, Sadowska 12.4 s behind her") adds no claim. A clause
    without a number says something of its own and is never a recap."""
    digits = set(_NUMBER.findall(text))
    if not digits:
        return False
    rest = " ".join(s.text for s in ctx.segments[v] if s.id not in group.members and s.role not in QUIET_ROLES)
    return digits <= set(_NUMBER.findall(rest)) and content_words(text) <= content_words(rest)


_NEARBY = 2  # sentences before and after a group where a moved clause's figures are looked for


def _figures_nearby(ctx: FlagContext, group: Group, text: str, holder: str, lacking: str) -> bool:
    """Whether every quantity of a clause of ``holder`` (at least one) is stated by ``lacking`` in its
    members of the group or the sentences around them: "L'etiope ha chiuso in 2:07:14, 41 secondi meglio
    del primato" against a version that gives the time and the margin in the next sentence."""
    mine = quantities_of(text, ctx.documents[holder].lang)
    if not mine:
        return False
    members = ctx.members(group, lacking)
    if not members:
        return False
    lo, hi = min(s.index for s in members) - _NEARBY, max(s.index for s in members) + _NEARBY
    return all_stated(ctx, mine, ctx.segments[lacking][max(0, lo): hi + 1])


# a bracket holding only a quotation, maybe after a language's abbreviation: "(wł. „mały lot”)",
# "(« Le Phare »)"
_GLOSS = re.compile(r"\(\s*(?:[^\W\d_]{1,6}\.\s*)?[„«\"“‘'‚][^()]*[”»\"“’'‘]\s*\)")

def _omissions(ctx: FlagContext, group: Group, present: list[str], units: dict[str, list[Unit]],
               p: dict[str, list[dict[str, float]]], feats: dict[str, list[dict[str, dict[str, float]]]]) -> list[Finding]:
    """A clause the majority has and one version lacks: one finding per lacking version, the strongest clause."""
    best: dict[str, tuple[float, Unit, list[str], dict[str, float], bool]] = {}
    for w in present:
        for i, u in enumerate(units[w]):
            row = p[w][i]
            if not row:
                continue
            lack = [x for x, q in row.items() if q >= ABSENT]
            have = [w] + [x for x, q in row.items() if q < ABSENT]
            if len(lack) != 1:
                continue  # one version lacks it: an omission there (two or more: w's addition, handled above)
            x = lack[0]
            if len(have) <= 1 and not (len(present) == 2 and x != ctx.reference):
                continue
            if all(p[w][j].get(x, 0.0) >= ABSENT for j in range(len(units[w])) if j != i):
                continue  # x lacks the whole sentence, not a clause
            if restructured(ctx, group, w, u.text, [x]):
                continue  # x says it in a neighbouring sentence
            if _attributed(ctx, group, w, u.text, [x]):
                continue  # x attributes the sentence in its own words
            if _figures_nearby(ctx, group, u.text, w, x):
                continue  # x gives the clause's figures in a sentence nearby: moved, not dropped
            features = _aggregate([feats[w][i][x]], [row[x]], len(present))
            features["carriers"] = (len(have) - 1) / max(1, len(present) - 2) if len(present) > 2 else 1.0
            features["p_share"] = features["carriers"]
            if x not in best or features["p_mean"] > best[x][0]:
                best[x] = (features["p_mean"], u, have, features, i == len(units[w]) - 1, units[w], i)
    out = []
    for x, (_score, u, have, features, last, theirs, i) in best.items():
        spans = group_text(ctx, group, x)[1]
        end = max(s.end for s in spans)
        text = ctx.documents[x].text
        placed = _gap(ctx, group, x, theirs, i)
        if placed is not None:
            end = placed
        elif not last:  # the missing clause belongs inside x's sentence, before its closing punctuation;
            while end > 0 and text[end - 1] in ".!?…»\"”’)":  # a last clause goes after it, where the
                end -= 1  # versions that say it as a sentence of its own put it
        message = (f"The {x} version lacks a part of this sentence that {join_names(have)} have: "
                   f"{quote(u.text)}.")
        cand = Candidate(kind="omission", version=x, start=end, end=end, counterparts=_spans(ctx, group, have),
                         severity="medium", score=features["p_mean"], message=message, group=group.id)
        out.append(Finding(cand, "clause_omission", features, whole_claim=False))
    return out


_CLOSING = ".!?…»\"”’)"


def _gap(ctx: FlagContext, group: Group, x: str, theirs: list[Unit], i: int) -> int | None:
    """Where in ``x`` the clause ``theirs[i]`` of another version belongs, when the missing one is not at the
    end of the group's text: after ``x``'s rendering of the clause before
    it (after the full stop when that rendering ends a sentence: "saudou o plano. | Sem incentivos"; inside
    a sentence, right before the next clause, where the insertion goes: "nicht die Leserzahlen, | sondern"),
    or before its rendering of the clause after it (also when ``x`` says nothing else there: fr "Qui veut grimper
    encordé doit …, et les moins de 14 ans …" against it "I minori di 14 anni …" lacks the first clause, before
    it). None: at the end of the group."""
    mine = clauses_of(ctx, group, x)
    if not mine or (len(mine) < 2 and i > 0):
        return None
    text = ctx.documents[x].text
    if i > 0:
        match, _ = best_counterpart(ctx, theirs[i - 1], mine)
        if match is None or match is mine[-1]:
            return None
        j = match.end
        while j < len(text) and text[j] in _CLOSING:
            j += 1
        if any(c in ".!?…" for c in text[match.end:j]):
            return j
        after = mine[mine.index(match) + 1]  # inside the sentence: where the insertion goes, before the next clause
        return after.start if after.start >= match.end else match.end
    if len(theirs) < 2:
        return None
    match, _ = best_counterpart(ctx, theirs[1], mine)
    return None if match is None else match.start


def _aggregate(fs: list[dict[str, float]], ps: list[float], n_versions: int) -> dict[str, float]:
    keys = fs[0].keys()
    out = {k: mean(f[k] for f in fs) for k in keys}
    out["p_mean"] = mean(ps) if ps else 0.0
    out["p_share"] = sum(1 for q in ps if q >= ABSENT) / max(1, len(ps))
    out["n_versions"] = float(n_versions)
    return out


def _spans(ctx: FlagContext, group: Group, versions: Sequence[str]) -> tuple[Span, ...]:
    return tuple(ctx.span([s for s in ctx.members(group, w) if s.role not in QUIET_ROLES]) for w in versions)
