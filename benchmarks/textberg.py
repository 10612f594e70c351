"""Sentence alignment on Text+Berg de-fr (Bleualign's gold), scored with the data set's own score.py.

Every document goes through the public API, exactly what `consistency align --pre-split
--format beads de.txt fr.txt` runs, and the beads are scored strict/lax P/R/F1
(micro-averaged over the seven test documents, as published). Also:

- ``--shuffle``: the same documents with the French side's paragraphs moved. Text+Berg
  has no paragraph marks, so paragraphs are cut at gold bead boundaries (3 to 10 beads,
  fixed seed) and their order shuffled; the gold is remapped. Strict F1 should drop little.
- ``--timing``: one cold run over the whole test set in a fresh process with an empty
  embedding cache: seconds spent embedding vs aligning, peak RSS, and the alignment's own
  peak allocation (tracemalloc, on a second warm run).
- ``--tune N``: the coordinate search on dev strict F1 that set the ``align`` profile's
  weights (N rounds; prints them). ``--train N``: an averaged structured perceptron
  instead (tried; worse). Both use dev only.
- ``--scaling``: alignment time and peak allocation as documents grow.

    python benchmarks/textberg.py --split dev test --models use-m e5-small use-m+e5-small
    python benchmarks/textberg.py --split test --shuffle
    python benchmarks/textberg.py --split test --timing --models use-m

The data is GPL-2.0 evaluation data (../shared/data/textberg/SOURCE.md): it is read
here, never copied into the project.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = Path(os.environ.get("CONSISTENCY_SHARED", ROOT.parent / "shared")) / "data" / "textberg"
TEST = [f"test{i}" for i in range(7)]
Beads = list[list[list[int]]]


def scorer(data: Path) -> Any:
    spec = importlib.util.spec_from_file_location("textberg_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def shuffle_document(fr: list[str], gold: Beads, seed: int) -> tuple[list[str], Beads]:
    """French lines with paragraph-sized runs (cut between gold beads) in another order, and the gold remapped."""
    rng = random.Random(seed)
    cuts = [0]
    since = 0
    target = rng.randint(3, 10)
    for k, (_src, tgt) in enumerate(gold[:-1]):
        since += 1
        upto = max([j for _, t in gold[: k + 1] for j in t], default=-1) + 1
        clean = all(min(t) >= upto for _, t in gold[k + 1 :] if t)
        if clean and since >= target and upto > cuts[-1]:
            cuts.append(upto)
            since = 0
            target = rng.randint(3, 10)
    cuts.append(len(fr))
    runs = [list(range(a, b)) for a, b in zip(cuts, cuts[1:]) if b > a]
    order = list(range(len(runs)))
    while len(runs) > 1 and order == sorted(order):
        rng.shuffle(order)
    new_lines = [j for r in order for j in runs[r]]
    where = {old: new for new, old in enumerate(new_lines)}
    return [fr[j] for j in new_lines], [[list(s), sorted(where[j] for j in t)] for s, t in gold]


def align_folder(folder: Path, model: str, cache: Any, options: Any = None) -> tuple[Beads, dict[str, float]]:
    from consistency.api import align_versions

    result = align_versions([str(folder / "de.txt"), str(folder / "fr.txt")], model=model, pre_split=True,
                            cache=cache, options=options)
    return result.pair_beads("de", "fr"), result.timings


def run(data: Path, docs: list[str], model: str, cache: Any, shuffle: bool = False, options: Any = None,
        seed: int = 0) -> dict[str, Any]:
    sc = scorer(data)
    golds, preds = [], []
    embed_s = align_s = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for k, doc in enumerate(docs):
            gold = sc.read_alignment(str(data / doc / "gold.json"))
            folder = data / doc
            if shuffle:
                fr, gold = shuffle_document(read_lines(data / doc / "fr.txt"), gold, seed + k)
                folder = Path(tmp) / doc
                folder.mkdir()
                (folder / "de.txt").write_bytes((data / doc / "de.txt").read_bytes())
                (folder / "fr.txt").write_text("".join(x + "\n" for x in fr), encoding="utf-8")
            pred, timings = align_folder(folder, model, cache, options)
            golds.append(gold)
            preds.append(pred)
            embed_s += timings.get("embed", 0.0)
            align_s += timings.get("align", 0.0)
    res = sc.score(golds, preds)
    res["embed_seconds"], res["align_seconds"] = embed_s, align_s
    return res


def timing(data: Path, model: str) -> dict[str, Any]:
    """Cold run in a fresh process and empty cache: time split and peak memory."""
    with tempfile.TemporaryDirectory() as cache:
        code = (
            "import json, resource, sys, time, tracemalloc\n"
            f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
            "import textberg as tb\n"
            f"data = tb.Path({str(data)!r})\n"
            "t = time.perf_counter()\n"
            f"cold = tb.run(data, tb.TEST, {model!r}, {cache!r})\n"
            "wall = time.perf_counter() - t\n"
            "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "tracemalloc.start()\n"
            f"warm = tb.run(data, tb.TEST, {model!r}, {cache!r})\n"
            "peak = tracemalloc.get_traced_memory()[1] / 2**20\n"
            "print(json.dumps({'wall': wall, 'embed': cold['embed_seconds'], 'align': cold['align_seconds'],"
            " 'rss_mb': rss, 'align_peak_mb': peak, 'warm_align': warm['align_seconds'],"
            " 'f1_strict': cold['f1_strict']}))\n"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def scaling(data: Path, model: str, cache: Any) -> list[dict[str, float]]:
    """Alignment time and peak allocation as the document grows: distinct documents joined (no repeats,
    which would make every sentence ambiguous): test0, test0-3, all of test, test and dev."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, docs in enumerate((["test0"], TEST[:4], TEST, TEST + ["dev"])):
            de = [x for d in docs for x in read_lines(data / d / "de.txt")]
            fr = [x for d in docs for x in read_lines(data / d / "fr.txt")]
            folder = Path(tmp) / f"x{k}"
            folder.mkdir()
            (folder / "de.txt").write_text("".join(x + "\n" for x in de), encoding="utf-8")
            (folder / "fr.txt").write_text("".join(x + "\n" for x in fr), encoding="utf-8")
            align_folder(folder, model, cache)  # embeds the few new windows at the joins
            tracemalloc.start()
            _beads, timings = align_folder(folder, model, cache)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            out.append({"sentences": len(de) + len(fr), "align_s": timings["align"], "peak_mb": peak})
    return out


def dev_pair(data: Path, model: str, cache: Any) -> tuple[Any, Any]:
    """The dev document prepared for repeated searches (``beads._Pair``) and its gold."""
    from consistency import beads as B
    from consistency.align import prior_of
    from consistency.calibrate import load_calibration
    from consistency.embed import EmbeddingCache, embed, get_embedder, get_spec

    sc = scorer(data)
    store = EmbeddingCache(None if cache is True else cache) if cache is not False else None
    views = []
    de, fr = read_lines(data / "dev" / "de.txt"), read_lines(data / "dev" / "fr.txt")
    for k, name in enumerate(model.split("+")):
        spec = get_spec(name)
        embedder = get_embedder(spec)

        def fn(texts, embedder=embedder):
            return embed(texts, embedder, store)

        views.append(B.View(B.Windows(de, fn(de), fn), B.Windows(fr, fn(fr), fn), 1.0 if k == 0 else 0.5,
                            prior_of(load_calibration(spec.options.get("calibration", spec.id)))))
    pair = B._Pair(views, [len(x.strip()) for x in de], [len(x.strip()) for x in fr], B.PROFILES["align"])
    return pair, sc.read_alignment(str(data / "dev" / "gold.json"))


def dev_f1(data: Path, pair: Any, gold: Any, weights: Any) -> float:
    import numpy as np

    path, _ = pair.search(np.asarray(weights, dtype=float))
    return scorer(data).score([gold], [[b.as_list() for b in pair.beads(path)]])["f1_strict"]


def tune(data: Path, model: str, cache: Any, rounds: int) -> dict[str, float]:
    """Coordinate search on dev strict F1 (how the align profile's weights were set): each weight in
    turn tries a few values around its current one and keeps a strictly better F1."""
    from consistency import beads as B

    pair, gold = dev_pair(data, model, cache)
    w = dict(zip(B.FEATURES, B.PROFILES["align"].weights))
    best = dev_f1(data, pair, gold, [w[f] for f in B.FEATURES])
    print(f"start: dev strict F1 {best:.4f}", file=sys.stderr)
    for r in range(rounds):
        changed = False
        for f in B.FEATURES:
            base = w[f]
            steps = ([base + d for d in (-0.3, -0.15, -0.05, 0.05, 0.15, 0.3)] if abs(base) < 0.2
                     else [base * m for m in (0, 0.5, 0.75, 1.25, 1.5, 2)])
            for v in steps:
                trial = dict(w, **{f: round(v, 4)})
                score = dev_f1(data, pair, gold, [trial[x] for x in B.FEATURES])
                if score > best + 1e-9:
                    best, w, changed = score, trial, True
                    print(f"round {r + 1}: {f}={v:.4g} -> dev strict F1 {best:.4f}", file=sys.stderr)
        if not changed:
            break
    return w


def train(data: Path, model: str, cache: Any, epochs: int) -> list[float]:
    """Averaged structured perceptron on dev (tried; the coordinate search did better)."""
    import numpy as np

    from consistency import beads as B

    pair, gold = dev_pair(data, model, cache)
    w = np.asarray(B.PROFILES["align"].weights, dtype=float)
    for epoch in range(epochs):
        w = B.train([(pair, gold)], w, epochs=1, seed=epoch)
        print(f"epoch {epoch + 1}: dev strict F1 {dev_f1(data, pair, gold, w):.4f}", file=sys.stderr)
    return [round(float(x), 4) for x in w]


def row(name: str, split: str, res: dict[str, Any]) -> str:
    return (f"| {name} | {split} | {res['precision_strict']:.3f} / {res['recall_strict']:.3f} / "
            f"{res['f1_strict']:.3f} | {res['f1_lax']:.3f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--models", nargs="+", default=["use-m"], help="model ids; a+b averages two models")
    ap.add_argument("--split", nargs="+", default=["dev", "test"], choices=["dev", "test"])
    ap.add_argument("--shuffle", action="store_true", help="also score with the French paragraphs shuffled")
    ap.add_argument("--timing", action="store_true", help="cold time and memory of the whole test set")
    ap.add_argument("--scaling", action="store_true", help="alignment time and memory as documents grow")
    ap.add_argument("--tune", type=int, default=0, metavar="ROUNDS",
                    help="coordinate search of the align weights on dev (how they were set)")
    ap.add_argument("--train", type=int, default=0, metavar="EPOCHS",
                    help="structured perceptron on dev instead (tried, worse)")
    ap.add_argument("--set", nargs="*", default=[], metavar="FEATURE=WEIGHT",
                    help="override bead weights (see consistency/beads.py FEATURES)")
    ap.add_argument("--cache-dir", default=str(Path.home() / ".cache" / "consistency-textberg"))
    a = ap.parse_args(argv)
    if not (a.data / "score.py").is_file():
        print(f"textberg: no score.py in {a.data}; put ../shared beside the checkout or pass --data", file=sys.stderr)
        return 2
    options = None
    if a.set:
        from consistency import beads as B

        named = dict(zip(B.FEATURES, B.PROFILES["align"].weights))
        named.update({k: float(v) for k, v in (x.split("=") for x in a.set)})
        options = dataclasses.replace(B.PROFILES["align"], weights=B.weights_of(**named))
    if a.tune:
        print(json.dumps(tune(a.data, a.models[0], a.cache_dir, a.tune)))
        return 0
    if a.train:
        from consistency.beads import FEATURES

        print(json.dumps(dict(zip(FEATURES, train(a.data, a.models[0], a.cache_dir, a.train)))))
        return 0
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    if a.scaling:
        print("| sentences (de + fr) | alignment s | alignment peak MB |")
        print("| --- | --- | --- |")
        for r in scaling(a.data, a.models[0], a.cache_dir):
            print(f"| {r['sentences']} | {r['align_s']:.2f} | {r['peak_mb']:.1f} |", flush=True)
        return 0
    print("| model | split | strict P / R / F1 | lax F1 |")
    print("| --- | --- | --- | --- |")
    for model in a.models:
        for split in a.split:
            docs = ["dev"] if split == "dev" else TEST
            t = time.perf_counter()
            res = run(a.data, docs, model, a.cache_dir, options=options)
            print(row(model, split, res), flush=True)
            if a.shuffle:
                shuf = run(a.data, docs, model, a.cache_dir, shuffle=True, options=options)
                print(row(model, split + ", fr paragraphs shuffled", shuf), flush=True)
            print(f"  ({time.perf_counter() - t:.1f} s)", file=sys.stderr)
        if a.timing:
            tm = timing(a.data, model)
            print(f"\n{model}, whole test set, cold (load {os.getloadavg()[0]:.2f}): wall {tm['wall']:.1f} s, "
                  f"embedding {tm['embed']:.1f} s, alignment {tm['align']:.2f} s (warm {tm['warm_align']:.2f} s), "
                  f"peak RSS {tm['rss_mb']:.0f} MB, alignment peak allocation {tm['align_peak_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
