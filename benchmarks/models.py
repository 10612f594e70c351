"""Which embedding model to use by default: cross-lingual retrieval on STS-B multi-MT, and speed.

For every ordered pair of it de pt fr pl, each sentence retrieves its translation
among all sentences of the other language: P@1 by raw cosine and by ratio margin
(what the aligner uses). Also load time and sentences per second on this machine.

    python benchmarks/models.py [--models use-m e5-small e5-small-st] [--rows 500]

With --gold DIR [DIR ...] (folders holding it/de/pt/fr/pl .txt and a gold.json in
the seeds' shape), it also checks each set with each model and reports how many
required divergences are found and how many high flags land on versions gold
says are faithful (the task-level view of the same choice).
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consistency.align import _margin  # noqa: E402
from consistency.embed import embed, get_spec, load_embedder, prepare  # noqa: E402

LANGS = ["it", "de", "pt", "fr", "pl"]


def load(data: Path, lang: str, rows: int) -> list[str]:
    with open(data / f"stsb-{lang}-test.tsv", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [r[1] for r in reader][:rows]


def gold_scores(model: str, folder: Path) -> dict[str, object]:
    """Required divergences found, and high flags on versions with no gold divergence, for one set."""
    import consistency

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    files = sorted(p for p in folder.glob("*.txt"))
    report = consistency.check([str(p) for p in files], model=model, cache=False)

    def hit(d: dict) -> bool:
        return any(f.version == d["version"] and f.start < d["end"] and d["start"] < f.end for f in report.flags)

    required = [d for d in gold["divergences"] if d.get("required")]
    odd = {d["version"] for d in gold["divergences"]}
    return {"set": folder.name, "required_found": f"{sum(hit(d) for d in required)}/{len(required)}",
            "high_on_faithful": sum(1 for f in report.flags if f.severity == "high" and f.version not in odd),
            "noise_flagged": sum(1 for n in gold["noise"] if hit(n))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["use-m", "e5-small", "e5-small-st"])
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "stsb-multi-mt"))
    ap.add_argument("--gold", nargs="*", default=[], help="article-set folders with a gold.json")
    args = ap.parse_args(argv)
    texts = {lang: load(Path(args.data), lang, args.rows) for lang in LANGS}
    rows = []
    for name in args.models:
        spec = get_spec(name)
        emb = load_embedder(spec)
        t = time.perf_counter()
        emb.encode([prepare("warm-up sentence")])
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        vecs = {lang: embed(texts[lang], emb) for lang in LANGS}
        per_s = sum(len(v) for v in texts.values()) / (time.perf_counter() - t)
        p1, pm = [], []
        for a, b in itertools.permutations(LANGS, 2):
            s = vecs[a] @ vecs[b].T
            gold = np.arange(s.shape[0])
            p1.append(float(np.mean(s.argmax(axis=1) == gold)))
            pm.append(float(np.mean(_margin(s, 4).argmax(axis=1) == gold)))
        row = {"model": name, "p@1": round(float(np.mean(p1)), 3), "margin_p@1": round(float(np.mean(pm)), 3),
               "load_s": round(load_s, 2), "sentences_per_s": round(per_s), "languages": len(spec.languages or [])}
        rows.append(row)
        print(json.dumps(row), flush=True)
    print(f"\n| model | P@1 | margin P@1 | load | sentences/s | languages |  (STS-B, {args.rows} rows, 20 pairs)")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['model']} | {r['p@1']:.3f} | {r['margin_p@1']:.3f} | {r['load_s']:.2f} s | "
              f"{r['sentences_per_s']} | {r['languages']} |")
    if args.gold:
        print("\n| model | set | required found | high flags on faithful versions | noise flagged |")
        print("| --- | --- | --- | --- | --- |")
        for name in args.models:
            for folder in args.gold:
                g = gold_scores(name, Path(folder))
                print(f"| {name} | {g['set']} | {g['required_found']} | {g['high_on_faithful']} | {g['noise_flagged']} |",
                      flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
