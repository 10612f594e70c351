"""Speed of `consistency check` on the five seed files, as a user runs it.

Cold: a new process and an empty embedding cache (the model loads and embeds
everything). Warm: a new process whose cache already holds every vector (no
model load). Each is run --repeat times; the median wall time and the peak
memory (max RSS of the child) are reported, per model.

    python benchmarks/speed.py --seeds ../shared/seeds [--models auto e5-small] [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGS = ["it", "de", "pt", "fr", "pl"]


def run_once(cli: str, files: list[str], model: str, cache: str) -> float:
    """Wall seconds of one check in a fresh process."""
    t = time.perf_counter()
    proc = subprocess.run([cli, "check", *files, "--model", model, "--cache-dir", cache, "--format", "json",
                           "-o", str(Path(cache) / "r.json")], capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
    return wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(Path(__file__).resolve().parents[2] / "shared" / "seeds"))
    ap.add_argument("--models", nargs="+", default=["auto", "e5-small"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)

    cli = str(Path(sys.executable).with_name("consistency"))
    files = [str(Path(args.seeds) / f"{lang}.txt") for lang in LANGS]
    results = []
    for model in args.models:
        cold, warm, peaks_cold, peaks_warm = [], [], [], []
        for _ in range(args.repeat):
            cache = tempfile.mkdtemp(prefix="consistency-bench-")
            try:
                cold.append(run_once(cli, files, model, cache))
                warm.append(run_once(cli, files, model, cache))
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        # peak memory: one run in its own parent process, whose RUSAGE_CHILDREN then holds just that run
        for target, store in ((peaks_cold, True), (peaks_warm, False)):
            cache = tempfile.mkdtemp(prefix="consistency-bench-")
            try:
                code = ("import resource,subprocess,sys;"
                        "subprocess.run(sys.argv[1:],capture_output=True);"
                        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
                cmd = [cli, "check", *files, "--model", model, "--cache-dir", cache, "--format", "json",
                       "-o", str(Path(cache) / "r.json")]
                if not store:
                    subprocess.run(cmd, capture_output=True)
                out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
                target.append(int(out.stdout.strip()) / 1024.0)
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        row = {
            "model": model,
            "cold_s_median": round(statistics.median(cold), 2),
            "cold_s_min": round(min(cold), 2),
            "warm_s_median": round(statistics.median(warm), 2),
            "warm_s_min": round(min(warm), 2),
            "cold_peak_mb": round(peaks_cold[0]),
            "warm_peak_mb": round(peaks_warm[0]),
            "runs": args.repeat,
        }
        results.append(row)
        print(json.dumps(row))
    info = {"machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}"}
    print("\n| model | cold (median of %d) | warm (median) | peak RSS cold / warm |" % args.repeat)
    print("| --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['model']} | {r['cold_s_median']:.2f} s | {r['warm_s_median']:.2f} s | "
              f"{r['cold_peak_mb']} / {r['warm_peak_mb']} MB |")
    print(f"\n{info['machine']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, **info}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
