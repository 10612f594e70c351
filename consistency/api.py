"""The public API: ``check`` runs read -> segment -> embed -> align -> compare -> flag -> report.

The CLI is a thin layer over this; so are the hook and the server to come.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from . import __version__
from .align import AlignOptions, align
from .calibrate import Calibration, estimate_calibration, load_calibration
from .compare import compare
from .config import check_thresholds
from .embed import EmbeddingCache, embed, get_embedder, resolve
from .embed.models import get_spec
from .errors import InputError, UsageError
from .flags import FlagContext, detect
from .read import make_document, read_versions
from .segment import segment
from .waivers import WaiverSource, finish_flags
from .types import SEVERITIES, Document, Report, Segment, Signature, Summary, VersionInfo, severity_rank

Inputs = Sequence[str | Path | Document] | Mapping[str, str]


def _documents(inputs: Inputs, langs: Mapping[str, str] | None, model: str) -> list[Document]:
    if isinstance(inputs, Mapping):
        inputs = [make_document(text, id=ident, lang=(langs or {}).get(ident, ident)) for ident, text in inputs.items()]
    candidates = None
    if model != "auto" and not model.startswith("st:"):
        candidates = get_spec(model).languages
    return read_versions(list(inputs), langs=dict(langs or {}), candidates=candidates)


def verdict(flags_severities: Sequence[str], fail_on: str) -> str:
    """``fail`` when a flag reaches ``fail_on``, ``warn`` when there are flags below it, else ``pass``."""
    if any(severity_rank(s) >= severity_rank(fail_on) for s in flags_severities):
        return "fail"
    return "warn" if flags_severities else "pass"


def _timed(embedder, store: EmbeddingCache | None, spent: list[float]) -> Callable[[Sequence[str]], np.ndarray]:
    """An embed function over ``embedder`` and the cache that adds the seconds it takes to ``spent[0]``."""

    def embed_fn(texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        try:
            return embed(texts, embedder, store)
        finally:
            spent[0] += time.perf_counter() - start

    return embed_fn


def _segment_vectors(embed_fn: Callable[[Sequence[str]], np.ndarray], docs: Sequence[Document],
                     segments: Mapping[str, list[Segment]]) -> dict[str, np.ndarray]:
    """Every version's segment vectors, from one embedding call over all versions."""
    matrix = embed_fn([s.text for d in docs for s in segments[d.id]])
    vectors: dict[str, np.ndarray] = {}
    row = 0
    for d in docs:
        vectors[d.id] = matrix[row : row + len(segments[d.id])]
        row += len(segments[d.id])
    return vectors


def substitute_floor(calibration: Calibration) -> float | None:
    """From which calibrated similarity a rewritten sentence joins the group it stands in for: the
    75th percentile of unrelated pairs (estimated as normal from p50 and p95 when a calibration
    estimated from the input has no p75); None when unknown (no substitutions)."""
    q = calibration.quantiles.get("random", {})
    if "p75" in q:
        return calibration.cal("random", "p75")
    if "p50" in q and "p95" in q:
        return float(calibration.similarity(q["p50"] + (q["p95"] - q["p50"]) * 0.674 / 1.645))
    return None


def check(
    inputs: Inputs,
    *,
    langs: Mapping[str, str] | None = None,
    model: str = "auto",
    fail_on: str = "high",
    cache: bool | str | Path = True,
    detectors: Sequence[str] | None = None,
    thresholds: Mapping[str, float] | None = None,
    waivers: Sequence[WaiverSource] = (),
) -> Report:
    """Check two or more language versions of one article against each other.

    ``inputs``: file paths (``de.txt``, ``story.de.md``, ``id=path``), Documents, or a
    mapping of version id (a language code) to text. ``langs`` maps a version id or
    path to a language code. ``model``: ``auto``, a registry id or ``st:NAME_OR_FOLDER``.
    ``cache``: True for the default on-disk cache, False for none, or a folder.
    ``thresholds`` overrides the model's calibrated decision points (``link``,
    ``faithful``, ``absent``). ``waivers``: sources of accepted findings (a
    ``waivers.Baseline``); inline markers in Markdown/HTML files always apply. A waived
    flag stays in the report, marked, and never counts toward the verdict.
    Raises a ConsistencyError subclass for anything the caller can fix.
    """
    overrides = check_thresholds(thresholds or {}, "thresholds")
    if fail_on not in SEVERITIES:
        raise UsageError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    docs = _documents(inputs, langs, model)
    spec = resolve(model, [(d.source, d.lang) for d in docs])
    timings["read"] = time.perf_counter() - t0

    t = time.perf_counter()
    segments: dict[str, list[Segment]] = {d.id: segment(d) for d in docs}
    for d in docs:
        if not segments[d.id]:
            raise InputError(f"{d.source}: has no text to check; give a file with the article's text")
    timings["segment"] = time.perf_counter() - t

    t = time.perf_counter()
    embedder = get_embedder(spec)  # one per process: a server or batch worker loads the model once
    store = None if cache is False else EmbeddingCache(None if cache is True else cache)
    spent = [0.0]  # seconds inside embed() in every stage (align and flag embed windows too)
    embed_fn = _timed(embedder, store, spent)
    vectors = _segment_vectors(embed_fn, docs, segments)
    timings["embed"] = time.perf_counter() - t

    t = time.perf_counter()
    calibration: Calibration | None = load_calibration(spec.options.get("calibration", spec.id))
    if calibration is None:
        ids = [d.id for d in docs]
        sims = [vectors[a] @ vectors[b].T for i, a in enumerate(ids) for b in ids[i + 1 :]]
        calibration = estimate_calibration(spec.id, sims)
    thresholds = {**calibration.thresholds, **overrides}
    options = AlignOptions(link=thresholds["link"], substitute=substitute_floor(calibration))
    alignment = align(segments, vectors, calibration, options, embed_fn=embed_fn)
    pairs = compare(segments, alignment, thresholds["link"])
    timings["align"] = time.perf_counter() - t

    t = time.perf_counter()
    ctx = FlagContext(documents={d.id: d for d in docs}, segments=segments, alignment=alignment,
                      thresholds=thresholds, reference=docs[0].id, calibration=calibration,
                      embed_fn=embed_fn)
    flags = finish_flags(detect(ctx, detectors), docs, waivers)
    timings["flag"] = time.perf_counter() - t
    timings["embedding"] = spent[0]  # of all stages' time, what embedding (model or cache) took
    if store is not None:
        store.close()

    counts: dict[str, int] = {}
    waived: dict[str, int] = {}
    for f in flags:
        counts[f.kind] = counts.get(f.kind, 0) + 1
        if f.waived is not None:
            waived[f.kind] = waived.get(f.kind, 0) + 1
    summary = Summary(
        verdict=verdict([f.severity for f in flags if f.waived is None], fail_on),
        max_drift=max((p.drift for p in pairs), default=0.0),
        flags=counts,
        waived=waived,
    )
    signature = Signature(
        tool=f"consistency {__version__}",
        model=spec.id,
        dim=embedder.dim,
        thresholds=thresholds,
        fail_on=fail_on,
        options={"calibration": calibration.model if calibration.source != "estimated from the input" else "estimated", "reference": docs[0].id,
                 "merge_gain": options.merge_gain, "max_spread": options.max_spread, "k": options.k,
                 "max_align": options.max_align, "align_profile": options.profile},
    )
    timings["total"] = time.perf_counter() - t0
    return Report(
        model_name=spec.id,
        model_dim=embedder.dim,
        versions=tuple(VersionInfo(id=d.id, lang=d.lang, source=d.source, chars=len(d.text),
                                   segments=len(segments[d.id]), text=d.text if d.extracted else None,
                                   encoding=d.encoding)
                       for d in docs),
        segments=tuple(s for d in docs for s in segments[d.id]),
        alignment=tuple(alignment.groups),
        pairs=tuple(pairs),
        flags=tuple(flags),
        summary=summary,
        signature=signature,
        timings=timings,
    )


def align_versions(
    inputs: Inputs,
    *,
    langs: Mapping[str, str] | None = None,
    model: str = "auto",
    pre_split: bool = False,
    cache: bool | str | Path = True,
    max_align: int | None = None,
    options=None,
):
    """Align the sentences of two or more versions of one text (what ``consistency align`` writes).

    ``pre_split``: every non-blank line is one sentence, kept as given. ``model``: as in
    ``check``, or several joined with ``+`` (``use-m+e5-small``) to average their calibrated
    scores (the first weighs 1, each further one 0.5). ``max_align``: most sentences in one
    bead, both sides together (default 5).
    ``options``: a ``beads.BeadOptions`` replacing the ``align`` profile (benchmarks, tuning).
    Returns an ``alignio.AlignResult``; raises a ConsistencyError subclass for bad input.
    """
    from .alignio import AlignResult, presplit

    t0 = time.perf_counter()
    names = model.split("+")
    docs = _documents(inputs, langs, names[0])
    specs = [resolve(name, [(d.source, d.lang) for d in docs]) for name in names]
    segments: dict[str, list[Segment]] = {}
    lines: dict[str, list[int]] = {}
    for d in docs:
        if pre_split:
            segments[d.id], lines[d.id] = presplit(d)
        else:
            segments[d.id] = segment(d)
        if not segments[d.id]:
            raise InputError(f"{d.source}: has no text to align; give a file with the text's sentences")
    timings = {"read": time.perf_counter() - t0}
    store = None if cache is False else EmbeddingCache(None if cache is True else cache)
    spent = [0.0]
    models = []
    for spec in specs:
        embedder = get_embedder(spec)
        embed_fn = _timed(embedder, store, spent)
        vectors = _segment_vectors(embed_fn, docs, segments)
        calibration = load_calibration(spec.options.get("calibration", spec.id))
        if calibration is None:
            ids = [d.id for d in docs]
            calibration = estimate_calibration(
                spec.id, [vectors[a] @ vectors[b].T for i, a in enumerate(ids) for b in ids[i + 1 :]])
        models.append((vectors, embed_fn, calibration, 1.0 if not models else 0.5))  # 1 : 0.5, measured on dev
    t = time.perf_counter()
    spent_before = spent[0]
    align_options = AlignOptions(link=None, profile="align", max_align=max_align or 5, beads=options)
    (vectors, embed_fn, calibration, _w), *extra = models
    alignment = align(segments, vectors, calibration, align_options, embed_fn=embed_fn, extra_views=extra,
                      with_matrices=False)
    timings["embed"] = spent[0]
    timings["align"] = time.perf_counter() - t - (spent[0] - spent_before)
    if store is not None:
        store.close()
    return AlignResult(documents=tuple(docs), segments=segments, alignment=alignment,
                       model="+".join(s.id for s in specs), lines=lines, timings=timings,
                       options={"max_align": align_options.bead_options().max_align, "pre_split": pre_split})
