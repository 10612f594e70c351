"""Batch benchmark: 100 generated article sets (5 versions each) through ``consistency batch``.

Measures sets per minute, peak memory (the whole process tree), the share of the check time
spent embedding (``report.timings['embedding']``, which counts the embed stage and the windows
alignment and flag detection embed), and a re-run with nothing changed.

The sets are derived from our own example, ``examples/lumenor`` (it de pt fr pl, its planted
pl divergences reverted first): each set takes the title, the lead and a random choice and
order of body paragraphs, with the company, town, product, people and numbers renamed the same
way in every version. Half the sets get one planted divergence in one version: a paragraph
dropped (omission), a paragraph from ``tests/data/cases.json`` in the same language added
(addition), a number changed (number) or the minister's name changed (entity). Nothing is
committed: the corpus goes to a temporary folder (or --keep DIR).

    python benchmarks/batch.py                      # 100 sets, --jobs 2, model auto, fresh cache
    python benchmarks/batch.py --cache none         # no embedding cache: every sentence embedded
    python benchmarks/batch.py --model e5-small --sets 100 --jobs 2
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LUMENOR = ROOT / "examples" / "lumenor"
CASES = ROOT / "tests" / "data" / "cases.json"
LANGS = ("it", "de", "pt", "fr", "pl")
CAPTION = re.compile(r"^(Foto|Photo)\s?:")
FOOTERS = ("Lascia un commento", "Accedi per commentare", "Deixe um comentário", "Laisser un commentaire")

# invented names, swapped in per set (stems, so inflected Polish forms follow: Lumenora, Varessie)
COMPANIES = ["Solvane", "Brightwell", "Quorva", "Nivalto", "Tessaro", "Luxora", "Vireon", "Calmera", "Ombriq",
             "Streeta", "Nocturna", "Halvio", "Dimora", "Pallas", "Veltrix", "Aurilo"]
TOWNS = ["Corvell", "Brenn", "Montall", "Savell", "Ostrell", "Verrin", "Castell", "Lorrin", "Pavell", "Tirrell"]
PRODUCTS = ["DimLine", "NightMesh", "StreetIQ", "LumaNet", "QuietLight", "SmartPole", "GlowGrid", "DarkSense"]
SURNAMES = ["Lindqvist", "Moreau", "Kessler", "Almeida", "Novak", "Rinaldi", "Haugen", "Duarte", "Brandt", "Sorel"]
NUMBERS = ("2019", "2023", "2027", "40", "38", "60", "20")


def lumenor_paragraphs() -> dict[str, list[str]]:
    """The 11 parallel paragraphs (title, lead, 9 body) of each version, captions and footers left out."""
    out = {}
    for lang in LANGS:
        text = (LUMENOR / f"{lang}.txt").read_text(encoding="utf-8")
        if lang == "pl":  # revert the planted divergences: the generator plants its own
            text = (text.replace(", choć mieszkańcy kilku dzielnic skarżyli się potem na zbyt ciemne ulice", "")
                        .replace(" Eksperci zwracają jednak uwagę, że utrzymanie systemu jest kosztowne, a czujniki "
                                 "i moduły obliczeniowe same zużywają sporo prądu, co zjada część deklarowanych "
                                 "oszczędności.", "")
                        .replace("zatrudnia 180 osób", "zatrudnia 280 osób")
                        .replace("Halvard Capital i Ostrea Ventures", "Halvard Capital, Ostrea Ventures i Banca Meridia"))
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        lines = [ln for ln in lines if not CAPTION.match(ln) and not ln.startswith(FOOTERS)]
        out[lang] = lines
    sizes = {len(v) for v in out.values()}
    if sizes != {11}:
        raise SystemExit(f"examples/lumenor changed: expected 11 paragraphs per version, found {sizes}")
    return out


def case_sentences() -> dict[str, list[str]]:
    """Body paragraphs of the small case articles, by language: material for planted additions."""
    out: dict[str, list[str]] = {}
    for case in json.loads(CASES.read_text(encoding="utf-8")):
        for lang, text in case["versions"].items():
            paras = [p.strip() for p in text.split("\n\n") if p.strip()]
            out.setdefault(lang, []).extend(p for p in paras[1:] if len(p) > 60)
    return out


def _rename(text: str, names: dict[str, str], numbers: dict[str, str]) -> str:
    for old, new in names.items():
        text = text.replace(old, new)
    if numbers:  # one pass, so that a replaced number is never replaced again
        pattern = r"(?<![\d.,])(" + "|".join(sorted(numbers, key=len, reverse=True)) + r")(?!\d)"
        text = re.sub(pattern, lambda m: numbers[m.group(1)], text)
    return text


def generate(folder: Path, n_sets: int, seed: int = 1) -> list[dict]:
    """Write ``n_sets`` five-language article sets under ``folder``; returns what was planted where."""
    rng = random.Random(seed)
    paras = lumenor_paragraphs()
    extra = case_sentences()
    manifest = []
    for i in range(n_sets):
        names = {"Lumenor": rng.choice(COMPANIES), "Varess": rng.choice(TOWNS), "NoctaGrid": rng.choice(PRODUCTS),
                 "Boldrin": rng.choice(SURNAMES), "Verhoeven": rng.choice(SURNAMES)}
        numbers = {n: str(int(n) + rng.randint(1, 9)) for n in NUMBERS}
        body = rng.sample(range(2, 11), rng.randint(5, 9))
        order = [0, 1, *body]
        versions = {lang: [_rename(paras[lang][k], names, numbers) for k in order] for lang in LANGS}
        plant = None
        if i % 2 == 1:
            lang = rng.choice(LANGS)
            kind = ("omission", "addition", "number", "entity")[(i // 2) % 4]
            if kind == "omission":
                versions[lang].pop(rng.randrange(2, len(versions[lang])))
            elif kind == "addition":
                versions[lang].insert(rng.randrange(2, len(versions[lang]) + 1), rng.choice(extra[lang]))
            elif kind == "number":
                old = rng.choice([numbers["40"], numbers["38"], numbers["60"], numbers["20"]])
                hits = [k for k, p in enumerate(versions[lang]) if re.search(rf"(?<![\d.,]){old}(?!\d)", p)]
                if hits:
                    k = rng.choice(hits)
                    versions[lang][k] = re.sub(rf"(?<![\d.,]){old}(?!\d)", str(int(old) * 3 + 7), versions[lang][k], 1)
                else:
                    kind = None
            else:
                k = next((k for k, p in enumerate(versions[lang]) if names["Verhoeven"] in p), None)
                if k is None:
                    kind = None
                else:
                    versions[lang][k] = versions[lang][k].replace(names["Verhoeven"], "Okonkwo")
            plant = {"version": lang, "kind": kind} if kind else None
        slug = f"set{i:03d}"
        day = f"day{i % 7}"
        if i % 2 == 0:  # a folder per article
            d = folder / day / slug
            d.mkdir(parents=True, exist_ok=True)
            for lang, ps in versions.items():
                (d / f"{lang}.txt").write_text("\n\n".join(ps) + "\n", encoding="utf-8")
        else:  # slug.lang.ext side by side
            d = folder / day
            d.mkdir(parents=True, exist_ok=True)
            for lang, ps in versions.items():
                (d / f"{slug}.{lang}.md").write_text("\n\n".join(ps) + "\n", encoding="utf-8")
        manifest.append({"set": f"{day}/{slug}", "planted": plant})
    return manifest


class PeakRSS:
    """The largest total resident memory of a process and its descendants, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                total = root.memory_info().rss
                for child in root.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.1)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_batch(corpus: Path, out: Path, args: argparse.Namespace, cache: Path) -> tuple[float, float, int, int, str]:
    """One ``consistency batch`` in a fresh process: wall seconds, CPU seconds of the process and its workers,
    peak tree RSS (bytes), exit status, stderr. CPU time is what a busy shared machine distorts least."""
    import resource

    cmd = [str(Path(sys.executable).parent / "consistency"), "batch", str(corpus), "-o", str(out),
           "--jobs", str(args.jobs), "--model", args.model, "--no-progress", "--format", args.format]
    cmd += ["--no-cache"] if args.cache == "none" else ["--cache-dir", str(cache)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=corpus)
    with PeakRSS(proc.pid) as mem:
        _, err = proc.communicate()
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, mem.peak, proc.returncode, err


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--model", default="auto")
    ap.add_argument("--format", default="html")
    ap.add_argument("--cache", choices=("fresh", "none"), default="fresh",
                    help="fresh: an empty embedding cache the run fills (sentences repeated across sets hit it); "
                         "none: no cache, every sentence of every set is embedded")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    args = ap.parse_args()

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="consistency-batch-bench-"))
    corpus, out, cache = tmp / "corpus", tmp / "reports", tmp / "cache"
    for p in (corpus, out, cache):
        shutil.rmtree(p, ignore_errors=True)
    try:
        manifest = generate(corpus, args.sets, args.seed)
        files = sorted(corpus.rglob("*.*"))
        sentences = sum(len(re.findall(r"[.!?»“”\"](\s|$)", f.read_text(encoding="utf-8"))) for f in files)
        load = os.getloadavg()[0]
        first, first_cpu, peak, code, err = run_batch(corpus, out, args, cache)
        if code not in (0, 1):
            sys.stderr.write(err)
            return 2
        again, again_cpu, peak2, code2, _ = run_batch(corpus, out, args, cache)
        load_after = os.getloadavg()[0]

        states = [json.loads(p.read_text(encoding="utf-8")) for p in (out / ".consistency-batch").rglob("*.json")]
        timings = [s["timings"] for s in states]
        check_s = sum(t.get("total", 0.0) + t.get("render", 0.0) for t in timings)
        embedding_s = sum(t.get("embedding", t.get("embed", 0.0)) for t in timings)
        import pandas as pd

        table = pd.read_csv(out / "summary.csv", keep_default_na=False).set_index("set")
        planted = [m for m in manifest if m["planted"]]
        clean = [m for m in manifest if not m["planted"]]

        def verdicts(ms: list[dict]) -> dict[str, int]:
            return dict(table.loc[[m["set"] for m in ms], "verdict"].value_counts().sort_index())

        found = 0
        for m in planted:
            row = table.loc[m["set"]]
            kind = m["planted"]["kind"]
            found += int(row[kind]) > 0 if kind in row else 0
        result = {
            "sets": args.sets, "versions": len(files), "sentences_approx": sentences, "jobs": args.jobs,
            "model": args.model, "cache": args.cache, "format": args.format,
            "first_run_s": round(first, 1), "sets_per_minute": round(args.sets / first * 60, 1),
            "first_run_cpu_s": round(first_cpu, 1), "sets_per_cpu_minute": round(args.sets / first_cpu * 60, 1),
            "peak_rss_mb": round(peak / 2**20), "exit": code,
            "check_s_summed_over_sets": round(check_s, 1), "embedding_s_summed": round(embedding_s, 1),
            "embedding_share_of_check_time": round(embedding_s / check_s, 3) if check_s else None,
            "embedding_share_of_worker_time": round(embedding_s / (first * args.jobs), 3),
            "stages_s_summed": {k: round(sum(t.get(k, 0.0) for t in timings), 1)
                                for k in ("read", "segment", "embed", "align", "flag", "render")},
            "rerun_s": round(again, 2), "rerun_share_of_first": round(again / first, 4),
            "rerun_cpu_s": round(again_cpu, 2), "rerun_cpu_share_of_first": round(again_cpu / first_cpu, 4),
            "rerun_peak_rss_mb": round(peak2 / 2**20), "rerun_skipped": int((table.status == "skipped").sum()),
            "verdicts_planted": verdicts(planted), "verdicts_clean": verdicts(clean),
            "planted_kind_flagged": f"{found}/{len(planted)}",
            "load_before": round(load, 2), "load_after": round(load_after, 2),
            "cpu": os.cpu_count(), "python": sys.version.split()[0],
        }
        print(json.dumps(result, indent=1, default=int))
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
