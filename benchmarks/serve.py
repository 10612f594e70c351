"""Checks per second that `consistency serve` sustains for five short versions, on loopback only.

Starts the server as a user runs it (`consistency serve --port 0 ...`, 127.0.0.1),
waits until it listens, then drives it with a bounded load generator: CONCURRENCY
client threads with keep-alive connections send the same five-version request
until --requests checks are done or --duration seconds have passed, whichever is
first. A side thread polls /healthz meanwhile. Reports checks/s, latency
percentiles, errors, the /healthz latency under load, and the machine's load
average before and after (the machine is shared: read the numbers with it).

    python benchmarks/serve.py [--workers 1 2] [--concurrency 1 4] [--cache on off] [--requests 300] [--duration 20]
    python benchmarks/serve.py --url http://127.0.0.1:8080   # a server already running (loopback only)
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Five short versions of one made-up story, written for this benchmark (three sentences each).
STORY = {
    "it": "Il museo civico riapre sabato dopo due anni di lavori. L'ingresso costa 8 euro. "
          "La nuova sala ospita 40 dipinti del Seicento.",
    "de": "Das Stadtmuseum öffnet am Samstag nach zwei Jahren Bauarbeiten wieder. Der Eintritt kostet 8 Euro. "
          "Der neue Saal zeigt 40 Gemälde aus dem 17. Jahrhundert.",
    "pt": "O museu municipal reabre no sábado depois de dois anos de obras. A entrada custa 8 euros. "
          "A nova sala acolhe 40 pinturas do século XVII.",
    "fr": "Le musée municipal rouvre samedi après deux ans de travaux. L'entrée coûte 8 euros. "
          "La nouvelle salle présente 40 tableaux du XVIIe siècle.",
    "pl": "Muzeum miejskie zostanie ponownie otwarte w sobotę po dwóch latach remontu. Wstęp kosztuje 8 euro. "
          "Nowa sala mieści 40 obrazów z XVII wieku.",
}
BODY = json.dumps({"versions": [{"id": k, "lang": k, "text": v} for k, v in STORY.items()]}).encode()
MAX_REQUESTS = 5000  # hard caps, whatever the options say
MAX_DURATION = 120.0


def loopback_only(url: str) -> str:
    host = urlsplit(url).hostname or ""
    ok = host == "localhost"
    try:
        ok = ok or ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    if not ok:
        sys.exit(f"refusing {url}: this load generator only targets loopback (127.0.0.1, ::1, localhost)")
    return url.rstrip("/")


def start_server(workers: int, cache: bool, extra: list[str]) -> tuple[subprocess.Popen[str], str, str]:
    """`consistency serve` on 127.0.0.1 and a free port; returns the process, its URL and its cache folder."""
    cli = str(Path(sys.executable).with_name("consistency"))
    cache_dir = tempfile.mkdtemp(prefix="consistency-serve-bench-")
    cmd = [cli, "serve", "--host", "127.0.0.1", "--port", "0", "--workers", str(workers), "--max-queue", "64",
           *(["--cache-dir", cache_dir] if cache else ["--no-cache"]), *extra]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert proc.stderr is not None
    line, seen = "", []
    for line in proc.stderr:  # library warnings may come first; the start line ends the wait
        seen.append(line)
        if "listening on " in line or len(seen) > 50:
            break
    if "listening on " not in line:
        proc.kill()
        sys.exit(f"the server did not start: {''.join(seen).strip()}")
    # keep draining stderr so the server never blocks on a full pipe
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    return proc, line.split("listening on ")[1].split()[0], cache_dir


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process, all its threads (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def drive(url: str, concurrency: int, requests: int, duration: float, warmup: int,
          server_pid: int | None = None) -> dict[str, Any]:
    """Send BODY from ``concurrency`` threads until ``requests`` are done or ``duration`` has passed."""
    import httpx

    requests, duration = min(requests, MAX_REQUESTS), min(duration, MAX_DURATION)
    headers = {"Content-Type": "application/json"}
    with httpx.Client(timeout=60) as client:  # warm-up: first requests load lazy parts of the pipeline
        for _ in range(warmup):
            r = client.post(url + "/v1/check", content=BODY, headers=headers)
            r.raise_for_status()
    lock = threading.Lock()
    issued = 0
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    stop = threading.Event()
    deadline = time.monotonic() + duration

    def client_loop() -> None:
        nonlocal issued
        with httpx.Client(timeout=60) as client:
            while not stop.is_set() and time.monotonic() < deadline:
                with lock:
                    if issued >= requests:
                        return
                    issued += 1
                t = time.perf_counter()
                try:
                    status = client.post(url + "/v1/check", content=BODY, headers=headers).status_code
                except httpx.HTTPError:
                    status = 0
                dt = time.perf_counter() - t
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    if status == 200:
                        latencies.append(dt)

    health: list[float] = []

    def health_loop() -> None:
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                t = time.perf_counter()
                try:
                    client.get(url + "/healthz")
                    health.append(time.perf_counter() - t)
                except httpx.HTTPError:
                    pass
                stop.wait(0.1)

    load_before = os.getloadavg()[0]
    cpu_before = cpu_seconds(server_pid)
    threads = [threading.Thread(target=client_loop) for _ in range(concurrency)]
    monitor = threading.Thread(target=health_loop)
    t0 = time.perf_counter()
    monitor.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    stop.set()
    monitor.join()
    ok = statuses.get(200, 0)
    cpu_after = cpu_seconds(server_pid)
    # the server's CPU time per check: unlike checks/s, it hardly depends on what else the machine runs
    cpu_ms = round((cpu_after - cpu_before) * 1000 / ok, 1) if ok and cpu_before is not None and cpu_after else None
    return {
        "checks": ok, "errors": {str(k): v for k, v in statuses.items() if k != 200}, "wall_s": round(wall, 2),
        "checks_per_s": round(ok / wall, 2) if wall else 0.0,
        "latency_ms": {"p50": round(pct(latencies, 0.5) * 1000, 1), "p95": round(pct(latencies, 0.95) * 1000, 1),
                       "max": round(max(latencies, default=float("nan")) * 1000, 1)},
        "healthz_ms": {"p50": round(pct(health, 0.5) * 1000, 1), "max": round(max(health, default=float("nan")) * 1000, 1)},
        "server_cpu_ms_per_check": cpu_ms,
        "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="a server already running on loopback (default: start one per configuration)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="server --workers values to try")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4], help="client threads to try")
    ap.add_argument("--cache", nargs="+", choices=["on", "off"], default=["off", "on"],
                    help="embedding cache: off embeds every sentence of every request; on serves repeats from it")
    ap.add_argument("--requests", type=int, default=300, help=f"checks per configuration (at most {MAX_REQUESTS})")
    ap.add_argument("--duration", type=float, default=20.0,
                    help=f"seconds per configuration (at most {MAX_DURATION:g})")
    ap.add_argument("--warmup", type=int, default=3, help="requests sent before measuring")
    ap.add_argument("--server-arg", action="append", default=[], help="extra option for `consistency serve`")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)

    print(f"# {platform.node()}: {os.cpu_count()} cores, python {platform.python_version()}; "
          f"body {len(BODY)} bytes, 5 versions x 3 sentences", file=sys.stderr)
    results = []
    configs = ([(None, None)] if args.url else
               [(w, c) for w in args.workers for c in args.cache])
    for workers, cache in configs:
        proc = None
        if args.url:
            url = loopback_only(args.url)
        else:
            assert workers is not None
            proc, url, cache_dir = start_server(workers, cache == "on", args.server_arg)
            url = loopback_only(url)
        try:
            for conc in args.concurrency:
                row = {"workers": workers, "cache": cache, "concurrency": conc,
                       **drive(url, conc, args.requests, args.duration, args.warmup,
                               server_pid=proc.pid if proc is not None else None)}
                results.append(row)
                print(json.dumps(row), file=sys.stderr)
        finally:
            if proc is not None:
                stop_server(proc)
                import shutil

                shutil.rmtree(cache_dir, ignore_errors=True)

    print("| workers | cache | clients | checks/s | p50 ms | p95 ms | server CPU ms/check | /healthz p50 / max ms "
          "| errors | load before/after |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        errors = ", ".join(f"{k}: {v}" for k, v in r["errors"].items()) or "0"
        print(f"| {r['workers'] or '-'} | {r['cache'] or '-'} | {r['concurrency']} | {r['checks_per_s']} | "
              f"{r['latency_ms']['p50']} | {r['latency_ms']['p95']} | {r['server_cpu_ms_per_check'] or '-'} | "
              f"{r['healthz_ms']['p50']} / "
              f"{r['healthz_ms']['max']} | {errors} | {r['load_before']} / {r['load_after']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
