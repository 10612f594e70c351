"""Sentence-level divergence on our own development sets: real translation pairs, labelled by gold spans.

    python benchmarks/devpairs.py                       # eval/sets: cosine baseline and divergence_score
    python benchmarks/devpairs.py eval/sets/tram-marenfeld --equivalent 200
    python benchmarks/devpairs.py --json -o out.json

A second held-out measure for ``consistency.flags.divergence_score`` beside REFreSD
(``benchmarks/refresd.py``): REFreSD is English-French Wikipedia text, these are the five
languages of our evaluation sets, freely translated news with planted divergences. Neither is
used to fit anything, so a change to the ``divergence`` head can be chosen on both.

Pairs: each set is checked (``consistency.check``, the default model); in every alignment
group where each version present has exactly one sentence, of role body, every two versions
give a pair. It is *divergent* when a gold divergence other than an omission (an omission's
span is a point between sentences) overlaps exactly one of the two sentences, *equivalent*
when none overlaps either; pairs where both sentences carry one are left out. Equivalent
pairs are sampled down to ``--equivalent`` (seed 5), since a set has far more of them.

Scorers (higher = more divergent), evaluated as ``refresd.py`` does: 1 - cosine of the
check's model, and ``divergence_scores``. ROC AUC over all pairs and per gold kind (that
kind's divergent pairs against all equivalent ones); F1 of the divergent class with a
threshold tuned by 5-fold stratified cross-validation. The blind sets are refused: they are
scored once per release with ``eval/score.py``, and this reads their gold.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from refresd import cosine_scorer, cross_validated, emit, f1_div, folds, prf, roc_auc  # noqa: E402
from score import EvalError, find_sets, load_set  # noqa: E402

SEED = 5
Pair = tuple[str, str, str, str]  # (a_text, a_lang, b_text, b_lang)


def set_pairs(folder: Path, model: str = "auto") -> list[tuple[Pair, int, str]]:
    """The labelled pairs of one set (``pairs_of`` on the check's report)."""
    import consistency

    gs = load_set(folder)
    report = consistency.check([str(folder / f"{v}.txt") for v in gs.ordered_versions()], model=model)
    return pairs_of(report.segments, report.alignment, {v.id: v.lang for v in report.versions}, gs.divergences)


def pairs_of(segments: Sequence[Any], groups: Sequence[Any], langs: dict[str, str],
             gold: Sequence[dict[str, Any]]) -> list[tuple[Pair, int, str]]:
    """(pair, label, gold kind or "") for every two one-sentence body members of an alignment group."""
    segs = {s.id: s for s in segments}
    spans = [g for g in gold if g["kind"] != "omission"]

    def kind_in(seg: Any) -> str | None:
        for g in spans:
            if g["version"] == seg.version and g["start"] < seg.end and seg.start < g["end"]:
                return g["kind"]
        return None

    out: list[tuple[Pair, int, str]] = []
    for group in groups:
        members: dict[str, list[Any]] = {}
        for m in group.members:
            members.setdefault(segs[m].version, []).append(segs[m])
        ones = {v: ms[0] for v, ms in members.items() if len(ms) == 1 and ms[0].role == "body"}
        if len(ones) < 2 or len(ones) < len(members):
            continue
        versions = sorted(ones)
        for i, a in enumerate(versions):
            for b in versions[i + 1:]:
                ka, kb = kind_in(ones[a]), kind_in(ones[b])
                if ka is not None and kb is not None:
                    continue
                pair = (ones[a].text, langs.get(a, a), ones[b].text, langs.get(b, b))
                out.append((pair, int(ka is not None or kb is not None), ka or kb or ""))
    return out


def evaluate(s: np.ndarray, y: np.ndarray, kinds: Sequence[str]) -> dict[str, Any]:
    """ROC AUC (all, per kind) and cross-validated F1 of the divergent class."""
    pred, thresholds = cross_validated(y, s, folds(y), f1_div)
    p, r, f = prf(y, pred, 1)
    eq = y == 0
    per_kind = {}
    for kind in sorted({k for k in kinds if k}):
        keep = eq | (np.array(kinds) == kind)
        per_kind[kind] = roc_auc(y[keep], s[keep])
    return {"f1": f, "precision": p, "recall": r, "roc_auc": roc_auc(y, s), "roc_auc_per_kind": per_kind,
            "thresholds": [round(t, 4) for t in thresholds]}


def markdown(result: dict[str, Any]) -> str:
    kinds = sorted({k for m in result["scorers"].values() for k in m["roc_auc_per_kind"]})
    lines = [f"Development pairs ({result['sets']} sets; {result['pairs']} pairs: {result['divergent']} divergent, "
             f"{result['equivalent']} equivalent, sampled from {result['equivalent_all']}); 5-fold stratified CV.", "",
             "| scorer | F1 (divergent) | P | R | ROC AUC | " + " | ".join(f"AUC {k}" for k in kinds) + " | s |",
             "| --- | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " | ---: |"]
    for name, m in result["scorers"].items():
        per = " | ".join(f"{m['roc_auc_per_kind'].get(k, float('nan')):.3f}" for k in kinds)
        lines.append(f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['roc_auc']:.3f} | "
                     f"{per} | {m['seconds']:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "eval" / "sets"],
                    help="set folders or folders of sets (default: eval/sets)")
    ap.add_argument("--model", default="auto")
    ap.add_argument("--equivalent", type=int, default=3000, help="equivalent pairs kept (sampled, seed 5)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args(argv)
    if any("sets-blind" in p.resolve().parts for p in args.paths):
        print("error: eval/sets-blind is scored once per release with eval/score.py; this reads its gold. "
              "Give development sets (eval/sets).", file=sys.stderr)
        return 2
    try:
        folders = find_sets(args.paths)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows: list[tuple[Pair, int, str]] = []
    t = time.perf_counter()
    for folder in folders:
        try:
            rows += set_pairs(folder, args.model)
        except EvalError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(f"{len(folders)} sets checked in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    divergent = [r for r in rows if r[1]]
    equivalent = [r for r in rows if not r[1]]
    kept = random.Random(SEED).sample(equivalent, min(args.equivalent, len(equivalent)))
    data = divergent + kept
    if not divergent or not kept:
        print("error: need divergent and equivalent pairs; give sets with gold divergences", file=sys.stderr)
        return 2
    pairs = [r[0] for r in data]
    y = np.array([r[1] for r in data])
    kinds = [r[2] for r in data]
    result: dict[str, Any] = {"sets": len(folders), "pairs": len(data), "divergent": len(divergent),
                              "equivalent": len(kept), "equivalent_all": len(equivalent), "seed": SEED,
                              "scorers": {}}
    from consistency.flags import divergence_scores

    cosine, model_id = cosine_scorer(args.model, langs=sorted({p[1] for p in pairs} | {p[3] for p in pairs}))
    for name, fn in ((f"cosine baseline ({model_id})", lambda ps: cosine([(a, b) for a, _la, b, _lb in ps])),
                     ("consistency.flags.divergence_scores", lambda ps: np.asarray(divergence_scores(ps), float))):
        t = time.perf_counter()
        s = fn(pairs)
        result["scorers"][name] = {**evaluate(s, y, kinds), "seconds": time.perf_counter() - t}
        print(f"{name}: done in {result['scorers'][name]['seconds']:.1f} s", file=sys.stderr, flush=True)
    emit(json.dumps(result, indent=1) + "\n" if args.json else markdown(result), args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
