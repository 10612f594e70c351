"""Per-model similarity calibration from STS-B multi-MT (public data, never the seeds).

Raw cosines live in different bands per model (USE: translations ~0.7; e5: ~0.9).
This measures, for one model, the cosine of true translations, of the best wrong
candidate, of random pairs, and of a translation that lost half its words, over
the row-aligned STS-B test sentences in en it de pt fr pl. The pipeline maps a
cosine to ``(cos - negative) / (positive - negative)`` so that thresholds are
model-independent. Writes ``models/calibration/<model>.json``.

    python models/calibrate.py --model use-m [--rows 600]
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consistency.embed import embed, get_spec, load_embedder  # noqa: E402

LANGS = ["en", "it", "de", "pt", "fr", "pl"]


def load_stsb(data_dir: Path, rows: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        with open(data_dir / f"stsb-{lang}-test.tsv", encoding="utf-8") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            out[lang] = [r[1] for r in reader][:rows]
    return out


def half(text: str) -> str:
    words = text.split()
    return " ".join(words[: max(1, len(words) // 2)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--rows", type=int, default=600)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "stsb-multi-mt"))
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)

    spec = get_spec(args.model)
    emb = load_embedder(spec)
    data = load_stsb(Path(args.data), args.rows)
    t0 = time.time()
    vecs = {lang: embed(texts, emb) for lang, texts in data.items()}
    halves = {lang: embed([half(t) for t in texts], emb) for lang, texts in data.items()}
    secs = time.time() - t0

    pos, hard, rand, trunc = [], [], [], []
    rng = np.random.default_rng(0)
    for a, b in itertools.permutations(LANGS, 2):
        s = vecs[a] @ vecs[b].T
        n = s.shape[0]
        pos.append(np.diag(s))
        off = s.copy()
        np.fill_diagonal(off, -1.0)
        hard.append(off.max(axis=1))
        perm = rng.permutation(n)
        perm = np.where(perm == np.arange(n), (perm + 1) % n, perm)
        rand.append(s[np.arange(n), perm])
        trunc.append(np.sum(halves[a] * vecs[b], axis=1))
    pos_a, hard_a, rand_a, trunc_a = (np.concatenate(x) for x in (pos, hard, rand, trunc))

    def q(x: np.ndarray) -> dict[str, float]:
        return {k: round(float(np.quantile(x, p)), 4) for k, p in (("p05", 0.05), ("p25", 0.25), ("p50", 0.5),
                                                                   ("p75", 0.75), ("p95", 0.95))}

    result = {
        "model": spec.id,
        "source": "STS-B multi-MT test, sentence1, first %d rows, 30 ordered pairs of en it de pt fr pl" % args.rows,
        "positive": float(np.median(pos_a)),
        "negative": float(np.median(rand_a)),
        "quantiles": {"translation": q(pos_a), "best_wrong": q(hard_a), "random": q(rand_a), "half_dropped": q(trunc_a)},
        "embed_seconds": round(secs, 1),
    }
    out = Path(args.out) if args.out else ROOT / "models" / "calibration" / f"{spec.id}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
