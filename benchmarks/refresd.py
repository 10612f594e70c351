"""REFreSD: sentence-level divergence (equivalent vs divergent) against a plain cosine baseline.

    python benchmarks/refresd.py                       # baseline and, when it exists, the project's score
    python benchmarks/refresd.py --model e5-small      # the baseline with another model
    python benchmarks/refresd.py --score-fn pkg.module:function
    python benchmarks/refresd.py --json -o out.json

Data: ../shared/data/refresd/refresd_untokenized.tsv (1,039 English-French WikiMatrix
pairs; read with quoting off, as its SOURCE.md says). Labels: ``no_meaning_difference``
is *equivalent*; ``some_meaning_difference`` and ``unrelated`` are *divergent* (the
positive class), as in Briakou & Carpuat (EMNLP 2020).

Two scorers, higher = more divergent, evaluated identically:
- baseline: 1 - cosine of the two sentences' embeddings by the default model
  (``--model auto`` resolves to the model ``consistency check`` would use for en+fr);
- project: ``consistency.flags.divergence_score(a_text, a_lang, b_text, b_lang) -> float``
  (or a batch ``divergence_scores(pairs) -> sequence of float`` where ``pairs`` holds
  ``(a_text, a_lang, b_text, b_lang)`` tuples), or any ``--score-fn module:function``
  with the single-pair signature. Skipped, with a note, while it does not exist.

Evaluation: 5-fold stratified cross-validation with a fixed seed (13). In each
fold the decision threshold is the one that maximises the metric on the other
four folds; the held-out fold is classified with it; the out-of-fold decisions
of all five folds are pooled into one F1. So no threshold ever sees the pairs it
is scored on, and both scorers get the same folds. ROC AUC needs no threshold
and is computed on all pairs, also for the paper's two subsets (unrelated vs
equivalent, some difference vs equivalent). F1 is the divergent class's F1
(the headline); macro F1 (both classes, threshold re-tuned for it) is also given.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "refresd" / "refresd_untokenized.tsv"
SEED = 13
FOLDS = 5
EQUIVALENT = "no_meaning_difference"

Scorer = Callable[[Sequence[tuple[str, str]]], np.ndarray]


def load(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(en, fr) pairs and 3-way labels."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        rows = [r for r in reader if r]
    pairs = [(r[col["en"]], r[col["fr"]]) for r in rows]
    labels = [r[col["label"]] for r in rows]
    return pairs, labels


def cosine_scorer(model: str, cache: bool = True, langs: Sequence[str] = ("en", "fr")) -> tuple[Scorer, str]:
    """1 - cosine of the default (or given) model's sentence embeddings, and the model id (the default model is
    the one the check would use for ``langs``)."""
    from consistency.embed import EmbeddingCache, embed, load_embedder, resolve

    spec = resolve(model, [(lang, lang) for lang in langs])
    embedder = load_embedder(spec)

    def score(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        store = EmbeddingCache(None) if cache else None  # the check's own cache, keyed by (model, text)
        try:
            a = embed([p[0] for p in pairs], embedder, store)
            b = embed([p[1] for p in pairs], embedder, store)
        finally:
            if store is not None:
                store.close()
        return 1.0 - np.sum(a * b, axis=1)

    return score, spec.id


def project_scorer(spec: str | None) -> tuple[Scorer | None, str]:
    """The project's divergence score, or (None, why not)."""
    if spec:
        mod_name, _, attr = spec.partition(":")
        try:
            fn = getattr(importlib.import_module(mod_name), attr)
        except (ImportError, AttributeError) as exc:
            return None, f"--score-fn {spec}: {exc}"
        batch = None
        name = spec
    else:
        try:
            flags = importlib.import_module("consistency.flags")
        except ImportError as exc:
            return None, f"consistency.flags does not import ({exc})"
        batch = getattr(flags, "divergence_scores", None)
        fn = getattr(flags, "divergence_score", None)
        if batch is None and fn is None:
            return None, "consistency.flags.divergence_score does not exist yet"
        name = "consistency.flags.divergence_score" + ("s" if batch is not None else "")

    def score(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if batch is not None:
            return np.asarray(batch([(en, "en", fr, "fr") for en, fr in pairs]), dtype=float)
        return np.asarray([fn(en, "en", fr, "fr") for en, fr in pairs], dtype=float)

    return score, name


# -- metrics (no sklearn needed for the numbers; sklearn only for the folds) --------------------------


def roc_auc(y: np.ndarray, s: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allv = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allv))
    i = 0
    while i < len(allv):  # average ranks over ties
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(allv))
    r[order] = ranks
    return float((r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def prf(y: np.ndarray, pred: np.ndarray, positive: int = 1) -> tuple[float, float, float]:
    tp = int(np.sum((pred == positive) & (y == positive)))
    fp = int(np.sum((pred == positive) & (y != positive)))
    fn = int(np.sum((pred != positive) & (y == positive)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def f1_div(y: np.ndarray, pred: np.ndarray) -> float:
    return prf(y, pred, 1)[2]


def f1_macro(y: np.ndarray, pred: np.ndarray) -> float:
    return (prf(y, pred, 1)[2] + prf(y, pred, 0)[2]) / 2


def best_threshold(y: np.ndarray, s: np.ndarray, metric: Callable[[np.ndarray, np.ndarray], float]) -> float:
    """The threshold (predict divergent when score >= t) that maximises ``metric`` on (y, s)."""
    values = np.unique(s)
    candidates = np.concatenate([[values[0] - 1e-9], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-9]])
    best_t, best = candidates[0], -1.0
    for t in candidates:
        m = metric(y, (s >= t).astype(int))
        if m > best:
            best_t, best = t, m
    return float(best_t)


def folds(y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    skf = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return list(skf.split(np.zeros(len(y)), y))


def cross_validated(y: np.ndarray, s: np.ndarray, splits: list[tuple[np.ndarray, np.ndarray]],
                    metric: Callable[[np.ndarray, np.ndarray], float]) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold decisions (threshold tuned on the other folds) and the thresholds used."""
    pred = np.zeros(len(y), dtype=int)
    thresholds = []
    for train, test in splits:
        t = best_threshold(y[train], s[train], metric)
        thresholds.append(t)
        pred[test] = (s[test] >= t).astype(int)
    return pred, thresholds


def evaluate(s: np.ndarray, y: np.ndarray, labels: list[str],
             splits: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, Any]:
    pred, thr = cross_validated(y, s, splits, f1_div)
    p, r, f = prf(y, pred, 1)
    pred_m, thr_m = cross_validated(y, s, splits, f1_macro)
    lab = np.array(labels)
    eq = lab == EQUIVALENT
    sub = {}
    for name, other in (("unrelated", "unrelated"), ("some_difference", "some_meaning_difference")):
        keep = eq | (lab == other)
        sub[name] = roc_auc(y[keep], s[keep])
    return {"f1": f, "precision": p, "recall": r, "macro_f1": f1_macro(y, pred_m),
            "accuracy": float(np.mean(pred == y)), "roc_auc": roc_auc(y, s),
            "roc_auc_unrelated_vs_equivalent": sub["unrelated"],
            "roc_auc_some_difference_vs_equivalent": sub["some_difference"],
            "thresholds": [round(t, 4) for t in thr], "thresholds_macro": [round(t, 4) for t in thr_m]}


def markdown(result: dict[str, Any]) -> str:
    rows = result["scorers"]
    lines = [f"REFreSD ({result['pairs']} en-fr pairs: {result['divergent']} divergent, {result['equivalent']} "
             f"equivalent); {FOLDS}-fold stratified CV (seed {SEED}), threshold tuned on the training folds.", "",
             "| scorer | F1 (divergent) | P | R | macro F1 | ROC AUC | AUC unrelated vs eq. | AUC some diff. vs eq. | s |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, m in rows.items():
        lines.append(f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['macro_f1']:.3f} | "
                     f"{m['roc_auc']:.3f} | {m['roc_auc_unrelated_vs_equivalent']:.3f} | "
                     f"{m['roc_auc_some_difference_vs_equivalent']:.3f} | {m['seconds']:.1f} |")
    triv = result["all_divergent_f1"]
    lines += ["", f"Reference: calling every pair divergent gives F1 (divergent) {triv:.3f}, macro F1 "
                  f"{result['all_divergent_macro_f1']:.3f}."]
    for note in result["notes"]:
        lines.append(f"Note: {note}")
    if len(rows) == 2:
        (bn, b), (pn, pm) = list(rows.items())
        lines.append(f"Difference (project - baseline): F1 {100 * (pm['f1'] - b['f1']):+.1f} points, "
                     f"macro F1 {100 * (pm['macro_f1'] - b['macro_f1']):+.1f}, ROC AUC {pm['roc_auc'] - b['roc_auc']:+.3f}.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--model", default="auto", help="model for the cosine baseline (default: what check uses)")
    ap.add_argument("--score-fn", help="module:function(a_text, a_lang, b_text, b_lang) -> float, higher = divergent")
    ap.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    ap.add_argument("--limit", type=int, help="use only the first N pairs (a quick look; not for reporting)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data}: not found; give --data PATH to refresd_untokenized.tsv", file=sys.stderr)
        return 2
    pairs, labels = load(args.data)
    if args.limit:
        pairs, labels = pairs[: args.limit], labels[: args.limit]
    y = np.array([0 if lab == EQUIVALENT else 1 for lab in labels])
    splits = folds(y)
    result: dict[str, Any] = {"pairs": len(y), "divergent": int(y.sum()), "equivalent": int(len(y) - y.sum()),
                              "folds": FOLDS, "seed": SEED, "scorers": {}, "notes": []}
    result["all_divergent_f1"] = f1_div(y, np.ones_like(y))
    result["all_divergent_macro_f1"] = f1_macro(y, np.ones_like(y))
    base, model_id = cosine_scorer(args.model, cache=not args.no_cache)
    scorers: list[tuple[str, Scorer | None]] = [(f"cosine baseline ({model_id})", base)]
    proj, proj_name = project_scorer(args.score_fn)
    if proj is None:
        result["notes"].append(f"project score not run: {proj_name}")
    else:
        scorers.append((proj_name, proj))
    for name, fn in scorers:
        t = time.perf_counter()
        s = np.asarray(fn(pairs), dtype=float)
        secs = time.perf_counter() - t
        if s.shape != (len(y),) or not np.all(np.isfinite(s)):
            result["notes"].append(f"{name}: returned {s.shape} scores or non-finite values; skipped")
            continue
        result["scorers"][name] = {**evaluate(s, y, labels, splits), "seconds": secs}
        print(f"{name}: done in {secs:.1f} s", file=sys.stderr, flush=True)
    emit(json.dumps(result, indent=1) + "\n" if args.json else markdown(result), args.output)
    return 0


def emit(out: str, output: Path | None) -> None:
    """Write a benchmark's result to ``output`` (atomically: a temporary file, then renamed), or to stdout."""
    if output:
        from consistency.commands._common import write_atomic

        write_atomic(output, out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    raise SystemExit(main())
