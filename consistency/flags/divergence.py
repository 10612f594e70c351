"""Sentence-pair divergence: the calibrated probability that two sentences (any two languages) differ in meaning.

A sentence cosine barely moves when one version adds a clause, drops a
negation or changes a number. The pair score therefore combines what each
signal sees, as features of one logistic model (head ``pair`` of the flag
calibrator, fitted on divergences planted in STS-B multi-MT sentences):

- ``sim``: the calibrated cosine of the two sentences (1 = a typical translation);
- ``gain`` / ``cover``: clause level. For each clause of either side, how much
  closer the sentence gets to the other once the clause is removed, and how
  well the clause alone is covered; an appended or dropped clause stands out;
- ``length``: the length ratio, corrected for how long each language writes;
- ``negation``, ``strong``, ``weak``: differences in negation and hedging cues;
- ``numbers``: quantities on one side with a different value on the other;
  ``extra_numbers``: quantities only one side has; ``names``: names only one
  side has (exonyms and inflection forgiven).

``pair_features`` computes all of them (for diagnostics and the training
script). The ``pair`` head (what the ``drift`` detector reads on aligned groups)
uses the two that transfer to loosely parallel text: ``sim`` and ``gain``; cue,
number, name and length differences are frequent between faithful but free
renderings, and the detectors that own them vote across versions instead.

``divergence_score`` / ``divergence_scores`` are the public entry points (the
REFreSD benchmark calls them). They read their own head, ``divergence``: ``sim``
and ``gain`` plus word-alignment coverage (``w_gap``, ``w_unaligned`` from
``wordalign.py``: each word's best match among the other side's words, from
e5-small's token vectors), which sees a phrase one side adds or leaves out where
the sentence cosine barely moves. It is fitted on pairs like loosely parallel
text (``models/train_flags.py``: ``divergence_examples``, ``own_sentence_pairs``).
Without the generated e5-small-st folder (or transformers) they fall back to the
``pair`` head.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

from ..calibrate import Calibration
from .calibration import load_flag_calibrator
from .clausesplit import split_clauses
from .cues import profile
from .names import extract_names, same_name
from .numbers import extract_quantities, match_quantities, same_quantity

__all__ = ["PAIR_FEATURES", "divergence_score", "divergence_scores", "pair_features", "pair_probability",
           "word_features"]

VecFn = Callable[[Sequence[str]], np.ndarray]

PAIR_FEATURES = ("sim", "gain", "cover", "length", "negation", "strong", "weak", "numbers", "extra_numbers", "names")
_COMPATIBLE = {"count": "amount", "measure": "amount", "money": "money", "percent": "percent",
               "year": "time", "date": "time", "ordinal": "ordinal"}


def _clauses(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_clauses(text, lang)]


def _residual(clauses: list[str], i: int) -> str:
    return " ".join(c for j, c in enumerate(clauses) if j != i)


def texts_needed(a: str, la: str, b: str, lb: str) -> list[str]:
    """Every text ``pair_features`` embeds for this pair (to embed many pairs in one batch)."""
    out = [a, b]
    for text, lang in ((a, la), (b, lb)):
        cl = _clauses(text, lang)
        if len(cl) >= 2:
            out += cl + [_residual(cl, i) for i in range(len(cl))]
    return out


def _quantity_diff(a: str, la: str, b: str, lb: str) -> tuple[int, int]:
    """(quantities whose counterpart has another value, quantities only one side has)."""
    qa, qb = extract_quantities(a, la), extract_quantities(b, lb)
    _pairs, ua, ub = match_quantities(qa, qb)
    kind = lambda q: _COMPATIBLE.get(q.kind, q.kind)  # noqa: E731
    changed = 0
    rivals = list(ub)
    for i in ua:
        for j in rivals:
            if kind(qa[i]) == kind(qb[j]) and not same_quantity(qa[i], qb[j]):
                changed += 1
                rivals.remove(j)
                break
    extra = len(ua) + len(ub) - 2 * changed
    return changed, extra


def _name_diff(a: str, la: str, b: str, lb: str) -> int:
    na, nb = extract_names(a, la), extract_names(b, lb)
    only_a = sum(1 for n in na if not any(same_name(n, m) for m in nb))
    only_b = sum(1 for m in nb if not any(same_name(m, n) for n in na))
    return only_a + only_b


def pair_features(a: str, la: str, b: str, lb: str, vec: VecFn, calibration: Calibration,
                  length_factors: dict[str, float] | None = None, *, lexical: bool = True) -> dict[str, float]:
    """The pair features of two sentences (``vec`` embeds texts, L2-normalised); without ``lexical``
    only the embedding ones (``sim``, ``gain``, ``cover``), which is all the fitted head reads."""
    texts = texts_needed(a, la, b, lb)
    V = vec(texts)
    at = {t: V[i] for i, t in enumerate(texts)}
    cal = calibration.similarity

    def sim(x: str, y: str) -> float:
        return float(cal(float(at[x] @ at[y])))

    full = sim(a, b)
    gain, cover = 0.0, 1.0
    for text, lang, other in ((a, la, b), (b, lb, a)):
        cl = _clauses(text, lang)
        if len(cl) < 2:
            continue
        for i, c in enumerate(cl):
            gain = max(gain, sim(_residual(cl, i), other) - full)
            cover = min(cover, sim(c, other))
    if not lexical:
        return {"sim": full, "gain": gain, "cover": cover}
    lf = length_factors or {}
    ratio = math.log(max(len(b), 1) / max(len(a), 1)) - math.log(lf.get(lb, 1.0) / lf.get(la, 1.0))
    pa, pb = profile(a, la), profile(b, lb)
    changed, extra = _quantity_diff(a, la, b, lb)
    return {
        "sim": full,
        "gain": gain,
        "cover": cover,
        "length": abs(ratio),
        "negation": float(min(2, abs(pa.negations - pb.negations))),
        "strong": float((pa.hedges > 0) != (pb.hedges > 0)),
        "weak": float((pa.certainty <= 1) != (pb.certainty <= 1)),
        "numbers": float(min(2, changed)),
        "extra_numbers": float(min(3, extra)),
        "names": float(min(3, _name_diff(a, la, b, lb))),
    }


def pair_probability(features: dict[str, float], model: str) -> float:
    """The ``pair`` head's probability (a fallback on the similarity alone when no calibrator is stored)."""
    cal = load_flag_calibrator(model)
    p = cal.probability("pair", features) if cal is not None else None
    if p is None:
        return float(1.0 / (1.0 + math.exp(8.0 * (features["sim"] - 0.6))))
    return p


def _vectoriser(model: str, langs: Sequence[str]) -> tuple[VecFn, Calibration, str]:
    from ..calibrate import estimate_calibration, load_calibration
    from ..embed import EmbeddingCache, embed, get_embedder, resolve

    spec = resolve(model, [(lang, lang) for lang in langs])
    embedder = get_embedder(spec)
    calibration = load_calibration(spec.options.get("calibration", spec.id))

    def vec(texts: Sequence[str]) -> np.ndarray:
        store = EmbeddingCache(None)
        try:
            return embed(list(texts), embedder, store)
        finally:
            store.close()

    if calibration is None:  # an uncalibrated model: place the scale from the texts themselves
        calibration = estimate_calibration(spec.id, [])
    return vec, calibration, spec.options.get("calibration", spec.id)


def word_features(pairs: Sequence[tuple[str, str, str, str]]) -> list[dict[str, float]]:
    """The word-alignment features (``wordalign.WORD_FEATURES``) of each pair; every text embedded once."""
    from .wordalign import alignment_features, word_vectors

    texts = list(dict.fromkeys(t for p in pairs for t in (p[0], p[2])))
    table = dict(zip(texts, word_vectors(texts)))
    return [alignment_features(table[p[0]], table[p[2]]) for p in pairs]


def _use_words(model: str) -> bool:
    """Whether the ``divergence`` head (sentence + word-alignment features) can be used for ``model``."""
    from .wordalign import available

    cal = load_flag_calibrator(model)
    return cal is not None and "divergence" in cal.heads and available()


def divergence_scores(pairs: Sequence[tuple[str, str, str, str]], model: str = "auto") -> list[float]:
    """Calibrated probabilities that each ``(a_text, a_lang, b_text, b_lang)`` pair differs in meaning.

    The ``divergence`` head (sentence similarity and clause gain from ``model``, word-alignment
    coverage from e5-small's token vectors) when the e5-small-st folder is there; otherwise the
    ``pair`` head on the sentence features alone."""
    if not pairs:
        return []
    langs = sorted({p[1] for p in pairs} | {p[3] for p in pairs})
    vec, calibration, name = _vectoriser(model, langs)
    needed = list(dict.fromkeys(t for p in pairs for t in texts_needed(*p)))
    matrix = vec(needed)
    table = {t: matrix[i] for i, t in enumerate(needed)}

    def cached(texts: Sequence[str]) -> np.ndarray:
        return np.stack([table[t] for t in texts])

    cal = load_flag_calibrator(name)
    factors = cal.length_factors if cal is not None else {}
    feats = [pair_features(*p, vec=cached, calibration=calibration, length_factors=factors,
                           lexical=_needs_lexical(name)) for p in pairs]
    if cal is not None and _use_words(name):
        head = cal.heads["divergence"]
        return [head.probability({**f, **w}) for f, w in zip(feats, word_features(pairs))]
    return [pair_probability(f, name) for f in feats]


def _needs_lexical(model: str) -> bool:
    """Whether the stored pair head reads any of the lexical features (the fallback does not)."""
    cal = load_flag_calibrator(model)
    heads = [cal.heads.get(h) for h in ("pair", "divergence")] if cal is not None else []
    return any(h is not None and bool(set(h.features) - {"sim", "gain", "cover"} - set(_word_names()))
               for h in heads)


def _word_names() -> tuple[str, ...]:
    from .wordalign import WORD_FEATURES

    return WORD_FEATURES


def divergence_score(a_text: str, a_lang: str, b_text: str, b_lang: str, model: str = "auto") -> float:
    """The calibrated probability (0-1) that two sentences, in any two languages, differ in meaning."""
    return divergence_scores([(a_text, a_lang, b_text, b_lang)], model=model)[0]
