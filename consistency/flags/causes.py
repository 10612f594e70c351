"""``drift`` flags for a replaced cause: one version gives another reason than the others.

Sentence-level drift (``gaps.find_drift``) compares whole sentences, and a reason swapped inside a long
sentence ("..., weil vor allem Firmen abends Gruppenfahrten buchen" against "..., perché i kart elettrici
sono molto più silenziosi") moves the whole sentence's similarity no further than a free rendering does.
Here each version's cause is read on its own: the words after a cause connective (``[causes] cues``:
perché, weil, parce que, porque, bo, "a causa di", "devido a") up to the end of the clause. In a group
where three versions or more give a cause, a version whose cause is unlike the others' (median
calibrated similarity below ``link``) while theirs agree among themselves (``faithful`` or more) is a
candidate; the ``drift`` head judges it, with the gap measured on the causes.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from statistics import median

import numpy as np

from ..types import Group, Span
from .base import QUIET_ROLES, Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .cues import tokens
from .gaps import _pair_probability, _speech
from .opposites import _section

CAUSE_MIN_WORDS = 3  # a cause of fewer words ("wegen Regen") says too little to compare
CAUSE_MIN_VERSIONS = 3  # versions that must give a cause before one of them can be the odd one out

# where a cause clause ends: a sentence stop (not the point of an ordinal "3."), a comma, a dash, a
# bracket or a quotation mark (an attribution or the main clause follows)
_END = re.compile(r"(?<!\d)[.;:!?…]|[,–—()«»“”„\"]|\s-\s")


@lru_cache(maxsize=64)
def _cues(lang: str) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(cause connectives, those that count only after a comma) of a language, as token tuples."""
    data = _section(lang, "causes")

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(t.norm for t in tokens(p)) for p in data.get(key, []))

    return phrases("cues"), phrases("after_comma")


def causes_in(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The causes ``text`` gives: (connective's start, start, end) of the words after each cause connective,
    to the clause's end; only those of ``CAUSE_MIN_WORDS`` words or more."""
    cues, after_comma = _cues(lang)
    if not cues:
        return []
    lengths = sorted({len(c) for c in cues}, reverse=True)
    toks = tokens(text)
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(toks):
        n = next((n for n in lengths if i + n <= len(toks) and tuple(t.norm for t in toks[i:i + n]) in cues), 0)
        if not n or (tuple(t.norm for t in toks[i:i + n]) in after_comma
                     and not text[:toks[i].start].rstrip().endswith(",")):
            i += 1
            continue
        start = toks[i + n - 1].end
        stop = _END.search(text, start)
        end = stop.start() if stop else len(text)
        while start < end and not text[start].isalnum():
            start += 1
        if len(text[start:end].split()) >= CAUSE_MIN_WORDS:
            out.append((toks[i].start, start, end))
        i += n
    return out


def _causes(ctx: FlagContext, group: Group, v: str) -> list[tuple[Span, Span]]:
    """The causes a version gives in a group: (the cause with its connective, the cause's words alone), as
    spans of its document."""
    lang = ctx.documents[v].lang
    return [(Span(v, s.start + c, s.start + b, s.text[c:b]), Span(v, s.start + a, s.start + b, s.text[a:b]))
            for s in ctx.members(group, v) for c, a, b in causes_in(s.text, lang)]


@finder("causes")
def find_causes(ctx: FlagContext) -> list[Finding]:
    """``drift`` candidates: a version whose cause in a group is unlike the cause the others agree on."""
    if ctx.embed_fn is None or ctx.calibration is None:
        return []
    link, faithful = ctx.thresholds["link"], ctx.thresholds["faithful"]
    out: list[Finding] = []
    for group in ctx.alignment.groups:
        if {ctx.index[m].role for m in group.members} & {"title", *QUIET_ROLES}:
            continue
        given = {v: c for v in ctx.versions_in(group)
                 if not all(_speech(s.text) for s in ctx.members(group, v)) and (c := _causes(ctx, group, v))}
        if len(given) < CAUSE_MIN_VERSIONS:
            continue
        vecs = ctx.embed_fn([words.text for v in given for _whole, words in given[v]])
        by_version: dict[str, np.ndarray] = {}
        k = 0
        for v in given:
            by_version[v] = vecs[k:k + len(given[v])]
            k += len(given[v])

        def sim(a: str, b: str) -> float:
            return float(ctx.calibration.similarity(float(np.max(by_version[a] @ by_version[b].T))))

        for v in given:
            others = [w for w in given if w != v]
            mine = median(sim(v, w) for w in others)
            rest = median(sim(a, b) for i, a in enumerate(others) for b in others[i + 1:])
            if mine >= link or rest < faithful:
                continue
            cause = given[v][0][0]
            counterparts = tuple(given[w][0][0] for w in others)
            words = sum(len(s.text.split()) for s in ctx.members(group, v))
            features = {"mine": mine, "rest": rest, "gap": rest - mine, "words": math.log1p(words),
                        "n_versions": float(len(given)), "pair": _pair_probability(ctx, group, v, others)}
            out.append(Finding(Candidate(
                kind="drift", version=v, start=cause.start, end=cause.end, counterparts=counterparts,
                severity="medium", score=0.6, group=group.id,
                message=(f"The {v} version gives another cause: {quote(cause.text, 70)} where "
                         f"{join_names(others)} say {quote(counterparts[0].text, 70)} ({others[0]}; "
                         f"similarity {mine:.2f}, the others agree at {rest:.2f})."),
            ), "drift", features))
    return out
