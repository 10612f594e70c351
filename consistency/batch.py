"""Batch runs: every article set of a corpus checked, in parallel, with one report per set and a summary.

The API behind ``consistency batch``:
- ``discover(corpus, ...)``: the article sets under a folder (``consistency.sets`` namings: a folder per
  article with ``de.txt``, ``it.txt``..., or ``slug.de.md`` files side by side), plus the folders that
  cannot be a set (empty, one language, no file named as a version) as jobs that fail with a reason;
- ``check_set(job, settings)``: one set checked and rendered in memory, never raising (a worker's task);
- ``run(jobs, out_dir, settings, ...)``: skips sets whose inputs and settings did not change since the
  last run, checks the others in a process pool or on a Dask cluster, writes each set's reports
  atomically as it finishes, then ``summary.csv`` and ``index.html``.

An interrupted run leaves complete reports only (every file is written through a rename); the next
run skips what was finished. Reports are written by the process that called ``run``: Dask workers
need to see the corpus at the same path (a shared filesystem), not the output folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from . import __version__
from .errors import ConsistencyError, UsageError
from .types import KINDS, SEVERITIES

STATE_VERSION = 1
STATE_DIR = ".consistency-batch"  # inside the output folder: one small JSON per set (fingerprint, summary row)
EXTENSIONS = {"html": ".html", "json": ".json", "md": ".md", "csv": ".csv", "text": ".txt", "sarif": ".sarif",
              "junit": ".xml", "github": ".txt"}
VERDICT_ORDER = ("error", "fail", "warn", "pass")


# -- what a run is made of -----------------------------------------------------

@dataclass(frozen=True)
class SetJob:
    """One article set to check: its key (``folder`` or ``folder/slug``) and its versions as (language, path)."""

    key: str
    versions: tuple[tuple[str, str], ...]
    problem: str | None = None  # found while discovering: the set cannot be checked, and why

    @property
    def langs(self) -> list[str]:
        return [lang for lang, _ in self.versions]

    def inputs(self) -> list[str]:
        """``lang=path`` arguments for ``consistency.check``."""
        return [f"{lang}={path}" for lang, path in self.versions]


@dataclass(frozen=True)
class Settings:
    """Everything besides the input files that decides a set's reports (all of it goes into the fingerprint)."""

    model: str = "auto"
    fail_on: str = "high"
    formats: tuple[str, ...] = ("html",)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    cache: bool | str = True  # True: the default embedding cache; False: none; a folder
    baseline: str | None = None  # a baseline file of accepted findings, applied to every set
    baseline_root: str = "."  # the folder the baseline's paths are relative to (the project root)

    def fingerprint_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"tool": __version__, "state": STATE_VERSION, "model": self.model,
                                "fail_on": self.fail_on, "formats": sorted(self.formats),
                                "thresholds": dict(sorted(self.thresholds.items()))}
        if self.baseline:
            data["baseline"] = _file_digest(Path(self.baseline)) if Path(self.baseline).is_file() else None
        return data


@dataclass
class SetResult:
    """What checking one set gave: a summary row, and the rendered reports until they are written."""

    key: str
    status: str  # checked | skipped | failed
    langs: list[str]
    verdict: str  # pass | warn | fail, or "error" when the set could not be checked
    max_drift: float | None = None
    flags: dict[str, int] = field(default_factory=dict)  # by kind
    severities: dict[str, int] = field(default_factory=dict)  # by severity
    waived: int = 0
    error: str | None = None
    detail: str | None = None  # a traceback for an internal error
    reports: dict[str, str] = field(default_factory=dict)  # format -> path relative to the output folder
    timings: dict[str, float] = field(default_factory=dict)  # per stage, seconds (report.timings + render)
    fingerprint: str = ""
    outputs: dict[str, str] = field(default_factory=dict, repr=False)  # format -> rendered text, not kept

    def row(self) -> dict[str, Any]:
        """One row of ``summary.csv``."""
        row: dict[str, Any] = {"set": self.key, "status": self.status, "verdict": self.verdict,
                               "languages": " ".join(self.langs), "versions": len(self.langs),
                               "max_drift": None if self.max_drift is None else round(self.max_drift, 4),
                               "flags": sum(self.flags.values())}
        for sev in reversed(SEVERITIES):
            row[sev] = self.severities.get(sev, 0)
        for kind in sorted(set(KINDS) | set(self.flags)):
            row[kind] = self.flags.get(kind, 0)
        row["waived"] = self.waived
        row["seconds"] = round(self.timings.get("total", 0.0) + self.timings.get("render", 0.0), 3)
        row["report"] = next(iter(self.reports.values()), "")
        row["error"] = self.error or ""
        return row


@dataclass
class BatchSummary:
    """A whole run: every set's result (in job order) and the files written."""

    results: list[SetResult]
    out_dir: Path
    seconds: float
    index: Path | None = None
    table: Path | None = None

    def count(self, status: str | None = None, verdict: str | None = None) -> int:
        return sum(1 for r in self.results
                   if (status is None or r.status == status) and (verdict is None or r.verdict == verdict))

    @property
    def failed(self) -> list[SetResult]:
        return [r for r in self.results if r.status == "failed"]


# -- finding the sets ----------------------------------------------------------

def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def discover(corpus: str | Path, *, naming: str = "auto", languages: Sequence[str] | None = None,
             ignore: Sequence[str] = (), exclude: Iterable[str | Path] = ()) -> list[SetJob]:
    """Every article set under ``corpus`` as a job, sorted by key; unusable folders become failing jobs.

    A leaf folder that is empty, or holds files none of which is named as a language
    version, and a set with a single version, are jobs with a ``problem``. ``exclude``:
    folders not to search (the output folder when it lies inside the corpus).
    """
    from .sets import SKIP_DIRS, group_files, relative_key, version_of, _suffixes

    root = Path(corpus)
    if not root.is_dir():
        raise UsageError(f"{corpus}: is not a folder; give the folder that holds the article sets")
    skip = {os.path.abspath(p) for p in exclude}
    suffixes = _suffixes()
    jobs: list[SetJob] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and os.path.abspath(os.path.join(folder, d)) not in skip)
        names = sorted(f for f in files if not f.startswith("."))
        here = Path(folder)
        key = relative_key(here, root)
        groups: dict[tuple[str, str], list[Path]] = {}
        for name in names:
            v = version_of(name, naming, languages, suffixes)
            if v is not None:
                groups.setdefault((v[0], v[1]), []).append(here / name)
        if not groups:
            if not dirs and here != root:
                why = ("empty folder: no files in it" if not names else
                       f"no file named as a language version (like de.txt or story.de.md) among: {', '.join(names[:5])}"
                       + (" ..." if len(names) > 5 else ""))
                jobs.append(SetJob(key=key, versions=(), problem=why))
            continue
        for (kind, slug), paths in sorted(groups.items()):
            set_key = key if kind == "folder" else (slug if key in ("", ".") else f"{key}/{slug}")
            try:
                found = group_files(paths[:1], root=root, naming=naming, languages=languages, ignore=ignore)
            except ConsistencyError as exc:
                jobs.append(SetJob(key=set_key or root.name, versions=(), problem=str(exc)))
                continue
            for s in found:
                versions = tuple((lang, str(p)) for lang, p in s.versions)
                problem = None
                if len(versions) < 2:
                    what = f"{versions[0][1]} ({versions[0][0]})" if versions else "nothing"
                    problem = f"only one language version: {what}; a set needs two or more"
                jobs.append(SetJob(key=s.key if s.key not in ("", ".") else root.name, versions=versions,
                                   problem=problem))
    return _unique_keys(sorted(jobs, key=lambda j: j.key))


def _unique_keys(jobs: list[SetJob]) -> list[SetJob]:
    """A folder set ``a`` and a suffix set ``a.de.txt`` beside it would share a key: number the later ones."""
    seen: dict[str, int] = {}
    out = []
    for j in jobs:
        n = seen.get(j.key, 0)
        seen[j.key] = n + 1
        out.append(j if n == 0 else replace(j, key=f"{j.key}~{n + 1}"))
    return out


def fingerprint(job: SetJob, settings: Settings) -> str:
    """A digest of the set's files (names, languages, bytes) and the settings: equal means nothing changed."""
    data = {"settings": settings.fingerprint_data(),
            "versions": [[lang, os.path.abspath(path), _file_digest(Path(path))] for lang, path in job.versions]}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


# -- checking one set (runs in a worker) -----------------------------------------

def _failed(job: SetJob, error: str, *, detail: str | None = None, fp: str = "") -> SetResult:
    return SetResult(key=job.key, status="failed", langs=job.langs, verdict="error", error=error, detail=detail,
                     fingerprint=fp)


def check_set(job: SetJob, settings: Settings, fp: str = "") -> SetResult:
    """Check one set and render its reports in memory. Never raises: a failure is a result with its reason."""
    if job.problem:
        return _failed(job, job.problem, fp=fp)
    try:
        from .api import check
        from .report import render

        waivers = []
        if settings.baseline and Path(settings.baseline).is_file():
            from .waivers import Baseline

            baseline = Baseline.load(settings.baseline, root=settings.baseline_root)
            if len(baseline):
                waivers.append(baseline)
        kwargs: dict[str, Any] = {"model": settings.model, "fail_on": settings.fail_on, "cache": settings.cache}
        if settings.thresholds:
            kwargs["thresholds"] = dict(settings.thresholds)
        if waivers:
            kwargs["waivers"] = waivers
        report = check(job.inputs(), **kwargs)
        t = time.perf_counter()
        outputs = {fmt: render(report, fmt) for fmt in settings.formats}
        timings = dict(report.timings)
        timings["render"] = time.perf_counter() - t
    except ConsistencyError as exc:
        return _failed(job, str(exc), fp=fp)
    except Exception as exc:  # a bug must not stop the other sets
        return _failed(job, f"internal error: {type(exc).__name__}: {exc}", detail=traceback.format_exc(), fp=fp)
    severities: dict[str, int] = {}
    for f in report.flags:
        severities[f.severity] = severities.get(f.severity, 0) + 1
    waived = sum(1 for f in report.flags if getattr(f, "waived", None) is not None)
    return SetResult(key=job.key, status="checked", langs=[v.id for v in report.versions],
                     verdict=report.summary.verdict, max_drift=report.summary.max_drift,
                     flags=dict(report.summary.flags), severities=severities, waived=waived, timings=timings,
                     fingerprint=fp, outputs=outputs)


# -- the output folder -------------------------------------------------------------

class OutputFolder:
    """Where a batch writes: ``<key>.<ext>`` per set and format, state files, ``summary.csv``, ``index.html``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def report_path(self, key: str, fmt: str) -> str:
        """The report's path relative to the output folder (a set named ``index`` or ``summary`` gets ``-set``)."""
        if key in ("index", "summary"):
            key += "-set"
        return f"{key}{EXTENSIONS.get(fmt, '.' + fmt)}"

    def _state_file(self, key: str) -> Path:
        return self.path / STATE_DIR / f"{key}.json"

    def previous(self, key: str, fp: str, formats: Sequence[str]) -> SetResult | None:
        """The last run's result for this set when its fingerprint matches and its reports are all there."""
        try:
            data = json.loads(self._state_file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("fingerprint") != fp or data.get("status") != "checked":
            return None
        reports = data.get("reports", {})
        if sorted(reports) != sorted(formats) or not all((self.path / p).is_file() for p in reports.values()):
            return None
        fields = {k: v for k, v in data.items() if k in SetResult.__dataclass_fields__ and k != "outputs"}
        return SetResult(**{**fields, "status": "skipped"})

    def write(self, result: SetResult) -> None:
        """Write a checked set's reports, then its state file (so a state file always means complete reports)."""
        from .commands._common import write_atomic

        for fmt, text in result.outputs.items():
            rel = self.report_path(result.key, fmt)
            target = self.path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
            result.reports[fmt] = rel
        result.outputs = {}
        state = {k: v for k, v in asdict(result).items() if k not in ("outputs", "detail")}
        state["status"] = "checked"
        state_file = self._state_file(result.key)
        state_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(state_file, json.dumps(state, ensure_ascii=False, indent=1))

    def forget(self, key: str) -> None:
        """A set that failed has no valid state: the next run checks it again."""
        try:
            self._state_file(key).unlink()
        except OSError:
            pass


# -- running ---------------------------------------------------------------------

def _worker_loop(conn: Any) -> None:
    """A pool worker: check the sets the parent sends until it sends ``None`` or goes away.

    Workers ignore Ctrl-C: the parent stops them (they only compute, so nothing is lost).
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        conn.send(check_set(*task))


def _local(todo: list[tuple[SetJob, str]], settings: Settings, workers: int) -> Iterator[SetResult]:
    """Results as they finish: in this process for one worker, else in a pool of fresh processes.

    The pool is a few processes with one pipe each, not ``ProcessPoolExecutor``: stopping the
    executor's workers on Ctrl-C can leave its manager thread blocked on a half-sent result, and
    the interpreter then hangs at exit joining it. Here the parent owns every pipe and has no
    helper thread, so an interrupt terminates the workers and returns at once. A worker that dies
    (killed, out of memory) fails its set and is replaced.
    """
    if workers <= 1 or len(todo) <= 1:
        for job, fp in todo:
            yield check_set(job, settings, fp)
        return
    import multiprocessing
    from collections import deque
    from multiprocessing.connection import wait as wait_ready

    ctx = multiprocessing.get_context("spawn")
    queue = deque(todo)
    pool: dict[Any, tuple[Any, SetJob | None]] = {}  # the parent's pipe end -> (process, set it is checking)

    def start() -> None:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_loop, args=(child,), name="consistency-batch-worker")
        proc.start()
        child.close()
        pool[parent] = (proc, None)

    def feed(conn: Any) -> None:
        proc, _ = pool[conn]
        if queue:
            job, fp = queue.popleft()
            conn.send((job, settings, fp))
            pool[conn] = (proc, job)
        else:
            pool[conn] = (proc, None)

    finished = False
    try:
        for _ in range(min(workers, len(todo))):
            start()
        for conn in list(pool):
            feed(conn)
        while any(job is not None for _, job in pool.values()):
            busy = {conn: proc for conn, (proc, job) in pool.items() if job is not None}
            ready = wait_ready(list(busy) + [proc.sentinel for proc in busy.values()])
            for conn, proc in busy.items():
                if conn not in ready and proc.sentinel not in ready:
                    continue
                job = pool[conn][1]
                assert job is not None
                try:
                    result = conn.recv()
                except (EOFError, OSError):  # the worker died before it could answer
                    proc.join(1)
                    code = proc.exitcode
                    yield _failed(job, f"worker process died (exit code {code}) while checking this set; "
                                       "if it ran out of memory, run with fewer jobs (-j)")
                    conn.close()
                    del pool[conn]
                    if queue:
                        start()
                        feed(list(pool)[-1])
                    continue
                feed(conn)
                yield result
        finished = True
    finally:
        for conn, (proc, _) in pool.items():
            if finished:
                try:
                    conn.send(None)
                except OSError:
                    pass
            else:  # interrupted: stop the workers now instead of letting them finish their sets
                proc.terminate()
        for conn, (proc, _) in pool.items():
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
            conn.close()


def _dask(todo: list[tuple[SetJob, str]], settings: Settings, scheduler: str) -> Iterator[SetResult]:
    """Results as they finish on a Dask cluster (``distributed``) at ``scheduler`` (``tcp://host:port``)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'consistency[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address") from None
    futures: dict[Any, SetJob] = {}
    try:
        futures = {client.submit(check_set, job, settings, fp, pure=False, key=f"consistency-{i}"): job
                   for i, (job, fp) in enumerate(todo)}
        for fut in as_completed(list(futures), loop=client.loop):
            job = futures[fut]
            try:
                result = fut.result()
            except Exception as exc:  # a worker died or the task could not run there
                result = _failed(job, f"Dask worker failed: {type(exc).__name__}: {exc}")
            yield result
    finally:
        if futures:
            client.cancel(list(futures))  # nothing left running on the cluster when interrupted
        client.close()


def run(jobs: Sequence[SetJob], out_dir: str | Path, settings: Settings, *, workers: int = 1,
        scheduler: str | None = None, force: bool = False,
        on_result: Callable[[SetResult], None] | None = None) -> BatchSummary:
    """Check every job, writing reports into ``out_dir`` as sets finish, then ``summary.csv`` and ``index.html``.

    Unchanged sets (same files, same settings, reports present) are skipped unless
    ``force``. ``on_result`` is called once per set, in completion order (progress).
    """
    from .report import formats as known_formats

    for fmt in settings.formats:
        if fmt not in known_formats():
            raise UsageError(f"unknown report format {fmt!r}; choose from: {', '.join(known_formats())}")
    t0 = time.perf_counter()
    out = OutputFolder(out_dir)
    out.path.mkdir(parents=True, exist_ok=True)
    results: dict[str, SetResult] = {}
    todo: list[tuple[SetJob, str]] = []

    def done(result: SetResult) -> None:
        if result.status == "checked":
            out.write(result)
        elif result.status == "failed":
            out.forget(result.key)
        results[result.key] = result
        if on_result is not None:
            on_result(result)

    for job in jobs:
        if job.problem:
            done(check_set(job, settings))
            continue
        try:
            fp = fingerprint(job, settings)
        except OSError as exc:
            done(_failed(job, f"{exc.filename}: cannot be read ({exc.strerror}); check the file"))
            continue
        prev = None if force else out.previous(job.key, fp, settings.formats)
        if prev is not None:
            done(prev)
        else:
            todo.append((job, fp))
    stream = _dask(todo, settings, scheduler) if scheduler else _local(todo, settings, workers)
    try:
        for result in stream:
            done(result)
    finally:
        stream.close()  # on an interrupt, stop the workers now
    ordered = [results[j.key] for j in jobs if j.key in results]
    summary = BatchSummary(results=ordered, out_dir=out.path, seconds=time.perf_counter() - t0)
    write_summary(summary, settings)
    return summary


# -- the summary files ---------------------------------------------------------------

def summary_rows(results: Sequence[SetResult]) -> list[dict[str, Any]]:
    """One row per set, sorted by set key."""
    return [r.row() for r in sorted(results, key=lambda r: r.key)]


def write_summary(summary: BatchSummary, settings: Settings) -> None:
    """``summary.csv`` (pandas) and ``index.html`` (a sortable table linking every report), written atomically."""
    import pandas as pd

    from .commands._common import write_atomic
    from .report.html import asset, environment

    rows = summary_rows(summary.results)
    frame = pd.DataFrame.from_records(rows, columns=list(rows[0]) if rows else ["set"])
    if "max_drift" in frame:
        frame["max_drift"] = frame["max_drift"].astype("Float64")
    summary.table = summary.out_dir / "summary.csv"
    write_atomic(summary.table, frame.to_csv(index=False, lineterminator="\n"))
    order = {v: i for i, v in enumerate(VERDICT_ORDER)}
    ranked = sorted(rows, key=lambda r: (order.get(r["verdict"], 9), -(r["max_drift"] or 0.0), r["set"]))
    kinds = [k for k in sorted(set(KINDS) | {k for r in summary.results for k in r.flags})
             if any(r.flags.get(k) for r in summary.results)]
    from markupsafe import Markup

    html = environment().get_template("index.html.j2").render(
        rows=ranked, kinds=kinds, severities=list(reversed(SEVERITIES)), settings=settings, tool=__version__,
        counts={v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICT_ORDER},
        skipped=summary.count(status="skipped"), total=len(rows), js=Markup(asset("index.js")),
        css=Markup(asset("index.css")))
    summary.index = summary.out_dir / "index.html"
    write_atomic(summary.index, html)
