"""The seeds as users send them: plain text, web pages and Word documents built from the five seed files.

For each format: time to read the five files (median of --repeat, in-process, after one warm-up),
time of a whole check (warm embedding cache), and what the check finds: required gold divergences
found (their text searched in the extracted text), high flags on the faithful versions, extracted
characters. The pages and documents are built by tests/readers_builders.py.

    python benchmarks/readers.py [--seeds ../shared/seeds] [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ["it", "de", "pt", "fr", "pl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    import consistency
    from consistency.read import read_versions
    from readers_builders import docx_bytes, html_page, paragraphs_of, write

    seeds = Path(args.seeds)
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    required = [d for d in gold["divergences"] if d["required"]]
    print(f"load {os.getloadavg()[0]:.1f}; {len(required)} required divergences")
    print(f"{'format':6} {'read 5 files':>12} {'check':>7} {'required found':>15} {'high on faithful':>17} {'chars':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("CONSISTENCY_CACHE_DIR", str(folder / "cache"))
        builds = {"txt": [], "html": [], "docx": []}
        for lang in LANGS:
            text = (seeds / f"{lang}.txt").read_text(encoding="utf-8")
            article = paragraphs_of(text, lang)
            builds["txt"].append(str(seeds / f"{lang}.txt"))
            builds["html"].append(write(folder, f"{lang}.html", html_page(article, lang)))
            builds["docx"].append(write(folder, f"{lang}.docx", docx_bytes(article)))
        consistency.check(builds["txt"])  # loads the model and fills the cache
        for fmt, paths in builds.items():
            read_versions(paths)
            reads = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                docs = read_versions(paths)
                reads.append(time.perf_counter() - t)
            t = time.perf_counter()
            report = consistency.check(paths)
            check = time.perf_counter() - t
            texts = {d.id: d.text for d in docs}
            found = 0
            for div in required:
                start = texts[div["version"]].find(div["text"])
                end = start + len(div["text"])
                hits = [f for f in report.flags if start >= 0 and f.version == div["version"]
                        and f.start < end and start < f.end
                        and (div["kind"] != "entity" or f.kind in ("entity", "omission"))]
                found += bool(hits)
            high = sum(1 for f in report.flags if f.version in ("it", "de", "pt", "fr") and f.severity == "high")
            print(f"{fmt:6} {statistics.median(reads):11.3f}s {check:6.2f}s {found:>11}/{len(required)} "
                  f"{high:>17} {sum(len(t) for t in texts.values()):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
