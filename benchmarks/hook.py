"""Speed of `consistency hook` on the five seed files laid out as one article set, as pre-commit runs it.

The seeds are copied to a temporary site (``articles/seeds/{it,de,pt,fr,pl}.txt``);
each run is a new process started in the site's root, like pre-commit's. Cases:
- warm, one file changed: ``consistency hook articles/seeds/pl.txt`` with every vector
  cached (the four siblings are loaded by the hook itself);
- warm, all five files changed;
- warm, SARIF written (``--format sarif -o``);
- cold: an empty embedding cache (the model loads and embeds everything).
Median and minimum wall time of --repeat runs, median CPU time (user + system: less
disturbed by other processes than wall time), peak RSS of one run, and the load
average at the start and end (the machine is shared: note it next to the numbers).

    python benchmarks/hook.py --seeds ../shared/seeds [--repeat 7] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGS = ["it", "de", "pt", "fr", "pl"]


CPU: list[float] = []  # CPU seconds (user + system) of each timed run, in order


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall seconds of one run in a new process; its CPU seconds go to CPU (less disturbed by a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"hook failed ({proc.returncode}): {proc.stderr.strip()}")
    return wall


def peak_rss_mb(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],capture_output=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], cwd=cwd, env=env, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(Path(__file__).resolve().parents[2] / "shared" / "seeds"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)

    cli = str(Path(sys.executable).with_name("consistency"))
    work = Path(tempfile.mkdtemp(prefix="consistency-hook-bench-"))
    try:
        site = work / "site"
        (site / "articles" / "seeds").mkdir(parents=True)
        for lang in LANGS:
            shutil.copyfile(Path(args.seeds) / f"{lang}.txt", site / "articles" / "seeds" / f"{lang}.txt")
        one = ["articles/seeds/pl.txt"]
        every = [f"articles/seeds/{lang}.txt" for lang in LANGS]
        cases = {
            "warm, 1 file changed": [cli, "hook", *one],
            "warm, 5 files changed": [cli, "hook", *every],
            "warm, SARIF written": [cli, "hook", *one, "--format", "sarif", "-o", str(work / "out.sarif")],
        }
        load_start = os.getloadavg()
        warm_env = {**os.environ, "CONSISTENCY_CACHE_DIR": str(work / "cache")}
        timed(cases["warm, 1 file changed"], site, warm_env)  # fills the cache
        rows = []
        for name, cmd in cases.items():
            del CPU[:]
            walls = [timed(cmd, site, warm_env) for _ in range(args.repeat)]
            rows.append({"case": name, "median_s": round(statistics.median(walls), 3),
                         "min_s": round(min(walls), 3), "cpu_s": round(statistics.median(CPU), 3),
                         "peak_mb": round(peak_rss_mb(cmd, site, warm_env))})
        colds = []
        del CPU[:]
        for i in range(args.repeat):
            cold_env = {**os.environ, "CONSISTENCY_CACHE_DIR": str(work / f"cold{i}")}
            colds.append(timed(cases["warm, 1 file changed"], site, cold_env))
        cold_env = {**os.environ, "CONSISTENCY_CACHE_DIR": str(work / "cold-rss")}
        rows.append({"case": "cold, 1 file changed", "median_s": round(statistics.median(colds), 3),
                     "min_s": round(min(colds), 3), "cpu_s": round(statistics.median(CPU), 3),
                     "peak_mb": round(peak_rss_mb(cases["warm, 1 file changed"], site, cold_env))})
        load_end = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    result = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
              "load_start": [round(x, 2) for x in load_start], "load_end": [round(x, 2) for x in load_end],
              "runs": args.repeat, "rows": rows}
    print(f"{result['machine']}; load average {load_start[0]:.2f} at start, {load_end[0]:.2f} at end; "
          f"median of {args.repeat} runs\n")
    print("| case | wall, median | wall, min | CPU, median | peak RSS |\n| --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['case']} | {r['median_s']:.2f} s | {r['min_s']:.2f} s | {r['cpu_s']:.2f} s | {r['peak_mb']} MB |")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
