"""``polarity`` flags without a negation word: a version that says the opposite with another word
("abgelehnt" where the others say "approvato", "a critiqué" where they say "welcomed").

Each language's data file (``[opposites]``) lists axes of opposite meaning under the same names in every
language (approve / reject, praise / criticise, rise / fall, convict / acquit, confirm / deny, strengthen /
weaken, above / below, a suspended / an unconditional sentence, ahead of / behind schedule, withdrawn / kept,
better / worse off, expensive / cheap, changed / unchanged, open / closed), with the words (or pairs of words:
"bez zmian") of either side by prefix, and for some axes a third list: words one of which the clause must have
for the axis to apply ("früher" takes a side only next to "geplant"; "geschlossen" only next to a verb of being
or staying); a "less" word right before a word of an axis named in
``turned_by_less`` turns it over ("moins cher" = cheaper). A clause takes a side on an axis from its words,
turned over by a negation cue in the same clause ("non è stato approvato" is on the reject side; ``cues.py``
decides what a negation is) unless an "and" word stands between them ("è inferiore ... e non servono
pesticidi"). A version with words of both sides of an axis in a group takes none. Within an alignment group, a
version on one side is a candidate when at least two other versions, and more than share its side, are on the
other, each in the clause closest to its own, or to its own with the part of its sentence before it
(``_facing``: not the next clause of a merged sentence, but the predicate that a relative clause split off its
subject); versions without a word of the axis do not vote. No head is fitted for these (no synthetic data
plants them): the probability is a prior that grows with the share of the other versions against it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..types import Group
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .clausesplit import articles, coordinators, infinitive_markers
from .cues import Cue, Token, _phrases, cues, tokens
from ..datafiles import WordList, read_data, word_list
from .numbers import normalise_lang
from .votes import Unit, best_counterpart, clauses_of, neighbour_units


@dataclass(frozen=True)
class Axis:
    """One axis of opposite meaning in one language: the word prefixes and whole words of each side."""

    name: str
    sides: tuple[WordList, WordList]
    context: WordList | None = None  # words one of which the clause needs ("ritardo" sul "calendario")
    before: bool = False  # only a negation just before a word turns it over ("non è migliore"; not "peggio di nessun")
    less: WordList | None = None  # "less" words that turn over the word right after them ("moins cher" = cheaper)

    def side(self, word: str) -> int:
        """+1 for the first side, -1 for the second, 0 for neither."""
        for sign, words in zip((1, -1), self.sides):
            if word in words:
                return sign
        return 0


def _section(lang: str, section: str) -> dict[str, Any]:
    """One section of a language's data file (empty for a language without one)."""
    code = normalise_lang(lang)
    return ((read_data(f"lang/{code}.toml") if re.fullmatch(r"[a-z]{2,3}", code) else None) or {}).get(section, {})


@lru_cache(maxsize=64)
def _less(lang: str) -> WordList:
    """The language's "less" words (``[opposites] less``): they turn over the word right after them on the
    ``turned_by_less`` axes, and say "fewer" (``says_less``)."""
    return word_list(_section(lang, "opposites").get("less", []))


# keys of a section that are settings, not axes
_SETTINGS = frozenset({"except", "turned_before", "less", "turned_by_less", "despite", "separable", "particles"})


@lru_cache(maxsize=64)
def axes(lang: str, section: str = "opposites") -> tuple[tuple[Axis, ...], tuple[str, ...]]:
    """The axes of a language's ``section`` (``opposites``, or ``wordings``: axes that only excuse a
    negation, see ``worded_alike``) and the prefixes of words that only look like axis words."""
    data = _section(lang, section)
    out = []
    before = set(data.get("turned_before", []))
    less = _less(lang)
    by_less = set(data.get("turned_by_less", []))
    for name, pair in data.items():
        if name in _SETTINGS:
            continue
        context = word_list(pair[2]) if len(pair) > 2 else None
        out.append(Axis(name, (word_list(pair[0]), word_list(pair[1])), context, name in before,
                        less if name in by_less and less else None))
    return tuple(out), tuple(w.casefold().rstrip("*") for w in data.get("except", []))


@dataclass(frozen=True)
class Stance:
    """A version's side on one axis in a group, with the clause and word that take it."""

    sign: int
    unit: Unit
    word: str
    turned: bool = False  # a negation turned the word over ("non è stato approvato")


def _stances(ctx: FlagContext, group: Group, version: str, section: str = "opposites") -> dict[str, Stance]:
    return _stances_in(clauses_of(ctx, group, version), ctx.documents[version].lang, section)


def _stances_in(units: list[Unit], lang: str, section: str) -> dict[str, Stance]:
    """The sides ``units`` take on the axes of ``section``, one per axis (none where they take both)."""
    known, skip = axes(lang, section)
    if not known:
        return {}
    found: dict[str, list[Stance]] = {}
    and_words = coordinators(lang)
    opening = articles(lang)
    markers = infinitive_markers(lang)
    despite = _despite(lang)
    separable, particles = _separable(lang)
    named = not _section(lang, "names").get("capitalised_nouns")
    for unit in units:
        negs = [c for c in cues(unit.text, lang) if c.kind == "negation"]
        toks = tokens(unit.text)
        reach = [_reach(toks, c) for c in negs] if section == "wordings" else []
        norms = [t.norm for t in toks]
        here = [a for a in known if a.context is None or any(w in a.context for w in norms)]
        for i, tok in enumerate(toks):
            if skip and tok.norm.startswith(skip):
                continue
            pair = f"{tok.norm} {toks[i + 1].norm}" if i + 1 < len(toks) else ""
            if tok.norm in separable and _separated(toks, i, particles, and_words, unit.text):
                continue  # "stieg … ab": another verb
            for axis in here:
                sign = axis.side(tok.norm) or (axis.side(pair) if pair else 0)  # a word, or two ("bez zmian")
                if sign and named and _in_a_name(toks, i, unit.text):
                    break  # "in Bassa Sassonia" is Lower Saxony, not low
                if sign:
                    if section == "wordings" and negs:
                        # a negation next to the word turns it over ("nie działały"); a word further on in a
                        # negated clause may or may not be in its scope ("uszkodzonego kabla" is not, "nicht
                        # mehr für alle Besucher kostenlos" is), so it takes no side
                        turned = any(lo <= i <= hi for lo, hi in reach)
                        if not turned:
                            continue
                    elif axis.before:
                        turned = sum(1 for c in negs if _just_before(toks, c, i, opening)
                                     and not _across(toks, c, i, and_words, unit.text, opening, despite)) % 2 == 1
                    else:
                        # a "without" turns only a word right after it ("senza approvare", "ohne zu genehmigen"): one
                        # after the word qualifies it ("approvate senza nessun voto contrario" is approved), and one
                        # with an article after it names a condition ("senza l'approvazione della ministra")
                        turned = sum(1 for c in negs if not (c.soft and not _governs(toks, c, i, opening, markers))
                                     and not _across(toks, c, i, and_words, unit.text, opening, despite)) % 2 == 1
                    if axis.less is not None and i > 0 and toks[i - 1].norm in axis.less:
                        turned = not turned  # "moins cher", "weniger teuer": the other side
                    if turned:
                        sign = -sign
                    found.setdefault(axis.name, []).append(Stance(sign, unit, unit.text[tok.start:tok.end], turned))
    return {name: ss[0] for name, ss in found.items() if len({s.sign for s in ss}) == 1}


def _in_a_name(toks: list[Token], i: int, text: str) -> bool:
    """Whether token ``i``, capitalised and not the first of ``text``, stands next to another capitalised word
    with nothing between: a word of a name ("Bassa Sassonia", "Baixa Saxónia", "Dolna Saksonia", "Haute
    Provence"), in a language that does not capitalise its nouns."""
    def upper(k: int) -> bool:
        return 0 <= k < len(toks) and text[toks[k].start:toks[k].start + 1].isupper()

    def joined(a: int, b: int) -> bool:
        return 0 <= a and b < len(toks) and not text[toks[a].end:toks[b].start].strip()

    return (i > 0 and upper(i) and not re.search(r"[.!?:;«»\"“”„–—]\s*$", text[:toks[i].start])
            and ((upper(i + 1) and joined(i, i + 1)) or (upper(i - 1) and joined(i - 1, i))))


def _separated(toks: list[Token], i: int, particles: frozenset[str], and_words: frozenset[str], text: str) -> bool:
    """Whether a separable ``particles`` word closes the clause of token ``i`` (before punctuation, an "and"
    word or the end): German "stieg mit den Rettern zu Fuß ab und …" is "descended", not "rose"."""
    for k in range(i + 1, len(toks)):
        if re.search(r"[,;:.!?–—]", text[toks[k - 1].end:toks[k].start]):
            return False
        if toks[k].norm in particles:
            after = text[toks[k].end:toks[k + 1].start] if k + 1 < len(toks) else ""
            if k + 1 == len(toks) or re.search(r"[,;:.!?–—]", after) or toks[k + 1].norm in and_words:
                return True
    return False


@lru_cache(maxsize=64)
def _separable(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's separable axis verbs and the particles that make them other verbs (``[opposites]
    separable``, ``particles``)."""
    data = _section(lang, "opposites")
    return (frozenset(str(w).casefold() for w in data.get("separable", [])),
            frozenset(str(w).casefold() for w in data.get("particles", [])))


@lru_cache(maxsize=64)
def _despite(lang: str) -> frozenset[tuple[str, ...]]:
    """A language's "despite" words (``[opposites] despite``), as token tuples."""
    return _phrases(_section(lang, "opposites").get("despite"))


_FULL_STOP = re.compile(r"[.!?][\"»”)]*\s+[«„“\"(]*([^\W\d_])")


def _across(toks: list[Token], cue: Cue, i: int, and_words: frozenset[str], text: str,
            opening: frozenset[str] = frozenset(), despite: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Whether an "and" word stands between a negation ``cue`` and token ``i``: the negation belongs to
    another coordinated clause ("è inferiore del 95 per cento ... e non servono pesticidi"); or a comma and an
    article (``opening``): an apposition or a relative clause ("non è scesa sotto i 27,8 gradi, la minima più
    alta mai rilevata": "alta" is not negated); or a full stop and a capital: another sentence that the
    segmenter joined ("… nie odnotowano, odkąd … w 1951 r. W porównaniu z 2023 r. urodzeń było o 3,1%
    mniej"); or, for a negation after the word, a comma: it opens a clause of its own ("não foi condenado
    pelo crime …, por não ter ficado provado": the second "não" is the reason's); or, for a negation after the
    word, a ``despite`` phrase that governs the word ("Mimo spadku żaden … nie straci pracy": the fall stands)."""
    lo, hi = (toks[i].end, cue.start) if toks[i].start < cue.start else (cue.end, toks[i].start)
    if toks[i].start < cue.start and "," in text[lo:hi]:
        return True
    if toks[i].start < cue.start and any(tuple(t.norm for t in toks[j:i][:len(p)]) == p
                                         for p in despite for j in range(max(0, i - 1 - len(p)), i)):
        return True
    return (any(lo <= t.start < hi and (t.norm in and_words
                                         or (t.norm in opening and k and "," in text[toks[k - 1].end:t.start]))
                for k, t in enumerate(toks))
            or any(m.group(1).isupper() for m in _FULL_STOP.finditer(text, lo, hi)))


_NEAR = 3  # tokens between a negation and the wording-axis word it turns over


def _inside(toks: list[Token], cue: Cue) -> list[int]:
    """The indices of the tokens a cue spans."""
    return [j for j, t in enumerate(toks) if cue.start <= t.start < cue.end]


def _reach(toks: list[Token], cue: Cue) -> tuple[int, int]:
    """The token indices a negation ``cue`` turns over on a wording axis: its own and ``_NEAR`` either side
    (an empty range when no token lies inside it)."""
    inside = _inside(toks, cue)
    if not inside:
        return 0, -1
    return inside[0] - _NEAR, inside[-1] + _NEAR


def _governs(toks: list[Token], cue: Cue, i: int, opening: frozenset[str], markers: frozenset[str]) -> bool:
    """Whether token ``i`` is what a "without" ``cue`` negates: right after it, no article between ("senza
    approvare"; not "senza l'approvazione"), or an infinitive with its marker ("ohne das Projekt zu genehmigen")."""
    inside = _inside(toks, cue)
    if not inside or i <= inside[-1]:
        return False
    if i > 0 and toks[i - 1].norm in markers:
        return True
    return i - inside[-1] <= 2 and not any(t.norm in opening for t in toks[inside[-1] + 1:i])


def _just_before(toks: list[Token], cue: Cue, i: int, opening: frozenset[str] = frozenset()) -> bool:
    """Whether a negation ``cue`` ends at most ``_NEAR`` tokens before token ``i`` ("non è affatto migliore"),
    articles (``opening``) not counted ("não é um hotel barato")."""
    inside = _inside(toks, cue)
    return bool(inside) and 0 < i - inside[-1] <= _NEAR + sum(
        1 for t in toks[inside[-1] + 1:i] if t.norm in opening)


def _facing(ctx: FlagContext, group: Group, mine: Stance, theirs: Stance) -> bool:
    """Whether two stances sit in clauses that render each other: ``theirs``'s clause is the closest of its
    version's clauses in the group to ``mine``'s. "na 2:0 podwyższył Mattia Rensi" (raised the score) does not
    face "a equipa visitante só reduziu aos 88" (reduced the gap), the next clause of a merged sentence."""
    units = clauses_of(ctx, group, theirs.unit.version)
    if len(units) < 2:
        return True
    match, _ = best_counterpart(ctx, mine.unit, units)
    if match is None or match == theirs.unit:
        return True
    # a predicate split off its subject ("aumenterà invece già dal prossimo anno" after "L'imposta sugli
    # immobili, che riguarda …,") is compared with the sentence up to it
    led = _with_lead(ctx, group, mine.unit)
    return led is not None and best_counterpart(ctx, led, units)[0] == theirs.unit


def _with_lead(ctx: FlagContext, group: Group, unit: Unit) -> Unit | None:
    """``unit`` with the part of its sentence before it, or None when it opens its sentence."""
    for s in ctx.members(group, unit.version):
        if s.start < unit.start < s.end:
            text = ctx.documents[unit.version].text[s.start:unit.end]
            return Unit(unit.version, s.start, unit.end, text)
    return None


def worded_alike(ctx: FlagContext, group: Group, version: str, others: list[str]) -> bool:
    """Whether ``version`` and at least two of ``others`` take the same side of an axis in ``group``, none of
    them the other side: a negation that only one of them writes is then its wording of the others'
    opposite word ("nicht genehmigt" = "respinto"), not a flipped claim, provided a negation turns the axis
    word of one of them. Besides the opposites, the
    ``[wordings]`` axes count here (pay / free, working / broken, affected / spared, heed / ignore, stay /
    leave, accept / appeal, disrupted / on schedule, allowed / banned, noisy / silent, agree / disagree,
    admitted / turned away, enough / too little, a free seat / full, back / missing, ...:
    "não pagam" = "gratis", "nie działały" = "avariadas");
    their words are too loose to say that a version contradicts the others, so they never raise a flag of
    their own. A version that takes no side in the group is read in the sentences next to it too: it may say
    the word in a sentence of its own that ``version`` merged ("…, onde não se paga entrada" against
    "… al Sägereiquai. L'ingresso è gratuito."); only a side that agrees counts there, as the other side
    in a neighbouring sentence is mostly about something else ("jedyna zamknięta", the one beach closed)."""
    for section in ("opposites", "wordings"):
        known = _stances(ctx, group, version, section)
        if not known:
            continue
        theirs = {w: _stances(ctx, group, w, section) for w in others}
        near: dict[str, dict[str, Stance]] = {}
        for name, mine in known.items():
            stances = []
            for w, t in theirs.items():
                if name in t:
                    stances.append(t[name])
                    continue
                if w not in near:
                    near[w] = _stances_in(neighbour_units(ctx, group, version, w), ctx.documents[w].lang, section)
                # a neighbouring sentence counts only for the side: one on the other side is about something
                # else ("jedyna zamknięta" in the next sentence, about the one beach that closed)
                if name in near[w] and near[w][name].sign == mine.sign:
                    stances.append(near[w][name])
            # the agreement must rest on a negation: a falling figure that all of them report in another
            # clause of the group does not explain "młode ryby nie mają czego jeść"
            if (len(stances) >= 2 and all(s.sign == mine.sign for s in stances)
                    and (mine.turned or any(s.turned for s in stances))):
                return True
    return False


def says_less(text: str, lang: str) -> bool:
    """Whether ``text`` has one of the language's "less" words ("meno", "moins", "mniej", "weniger")."""
    less = _less(lang)
    return bool(less) and any(t.norm in less for t in tokens(text))


@finder("opposites")
def find_opposites(ctx: FlagContext) -> list[Finding]:
    """``polarity`` candidates: a version on the other side of an axis of opposite words than the others."""
    out: list[Finding] = []
    for group in ctx.alignment.groups:
        roles = {ctx.index[m].role for m in group.members}
        if roles <= {*QUIET_ROLES, "title"}:
            continue
        present = ctx.versions_in(group)
        if len(present) < 3:
            continue
        stances = {v: _stances(ctx, group, v) for v in present}
        for name in sorted({a for s in stances.values() for a in s}):
            side = {v: s[name] for v, s in stances.items() if name in s}
            for v, mine in side.items():
                against = [w for w, s in side.items() if s.sign != mine.sign and _facing(ctx, group, mine, s)]
                along = [w for w, s in side.items() if s.sign == mine.sign and w != v]
                if len(against) < 2 or len(against) <= len(along) + 1:
                    continue
                share = len(against) / (len(present) - 1)
                theirs = ", ".join(dict.fromkeys(f"«{side[w].word}»" for w in against[:3]))
                cand = Candidate(
                    kind="polarity", version=v, start=mine.unit.start, end=mine.unit.end,
                    counterparts=tuple(ctx.span([s for s in ctx.members(group, w) if s.role not in QUIET_ROLES])
                                       for w in against),
                    severity="medium", score=round(0.55 + 0.25 * share, 4), group=group.id,
                    message=(f"The {v} version says the opposite of {join_names(against)} here "
                             f"(«{mine.word}» against {theirs}): {quote(mine.unit.text)}."))
                out.append(Finding(cand, "opposite", {"share": share, "n_versions": float(len(present))}))
    return out
