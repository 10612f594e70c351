"""``consistency batch``: finding sets, reports per set, summary and index, skipping unchanged sets, bad input,
parallel runs (process pool, a local Dask cluster) and interruption."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT
from consistency import batch
from consistency.batch import Settings, discover, run
from consistency.cli import main

CASES = json.loads((ROOT / "tests" / "data" / "cases.json").read_text(encoding="utf-8"))
BY_NAME = {c["name"]: c for c in CASES}
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


def _folder_set(root: Path, name: str, case: str) -> None:
    d = root / name
    d.mkdir(parents=True)
    for lang, text in BY_NAME[case]["versions"].items():
        (d / f"{lang}.txt").write_text(text, encoding="utf-8")


def _suffix_set(root: Path, slug: str, case: str, ext: str = "md") -> None:
    root.mkdir(parents=True, exist_ok=True)
    for lang, text in BY_NAME[case]["versions"].items():
        (root / f"{slug}.{lang}.{ext}").write_text(text, encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Four good sets (both namings, one with a name that needs escaping in a link), four that cannot be checked."""
    root = tmp_path / "corpus"
    _folder_set(root, "2024-05-02/tram", "addition-de-criticism")
    _folder_set(root, "2024-05-02/pay", "number-de-employees")
    _suffix_set(root / "2024-05-03", "names", "clean-exonyms")
    _folder_set(root, "odd name #1", "number-pl-money")
    _folder_set(root, "bad/unreadable", "omission-it-no-injuries")
    (root / "bad/unreadable/de.txt").write_bytes(BINARY)
    (root / "bad/one").mkdir(parents=True)
    (root / "bad/one/it.txt").write_text(BY_NAME["clean-exonyms"]["versions"]["it"], encoding="utf-8")
    (root / "bad/empty").mkdir(parents=True)
    (root / "bad/unnamed").mkdir(parents=True)
    (root / "bad/unnamed/article.txt").write_text("Testo senza lingua nel nome.", encoding="utf-8")
    (root / "README.md").write_text("notes about this corpus\n", encoding="utf-8")
    return root


GOOD = {"2024-05-02/tram", "2024-05-02/pay", "2024-05-03/names", "odd name #1"}
BAD = {"bad/unreadable": "binary", "bad/one": "only one language", "bad/empty": "empty folder",
       "bad/unnamed": "no file named as a language version"}


def test_discover_finds_both_namings_and_unusable_folders(corpus, tmp_path):
    out = corpus / "reports"
    out.mkdir()
    (out / "x.de.txt").write_text("a report folder inside the corpus is never searched", encoding="utf-8")
    jobs = {j.key: j for j in discover(corpus, exclude=[out])}
    assert set(jobs) == GOOD | set(BAD)
    assert sorted(jobs["2024-05-02/tram"].langs) == sorted(BY_NAME["addition-de-criticism"]["versions"])
    assert all(p.endswith(".md") for _, p in jobs["2024-05-03/names"].versions)
    for key in GOOD | {"bad/unreadable"}:
        assert jobs[key].problem is None, key
    for key in ("bad/one", "bad/empty", "bad/unnamed"):
        assert BAD[key] in jobs[key].problem
    # two versions in one language: a failing job naming the file, not an exception
    (corpus / "2024-05-02/pay/de.md").write_text("Zweite deutsche Fassung.", encoding="utf-8")
    jobs = {j.key: j for j in discover(corpus, exclude=[out])}
    assert "second de version" in jobs["2024-05-02/pay"].problem


def _read_summary(out: Path):
    import pandas as pd

    return pd.read_csv(out / "summary.csv", keep_default_na=False).set_index("set")


def test_batch_reports_summary_and_index(corpus, tmp_path):
    out = tmp_path / "out"
    settings = Settings(formats=("html", "json"))
    summary = run(discover(corpus), out, settings, workers=1)
    table = _read_summary(out)
    assert set(table.index) == GOOD | set(BAD)
    for key in GOOD:
        data = json.loads((out / f"{key}.json").read_text(encoding="utf-8"))
        row = table.loc[key]
        assert row.status == "checked" and row.verdict == data["summary"]["verdict"]
        assert row.languages.split() == [v["id"] for v in data["versions"]]
        assert float(row.max_drift) == pytest.approx(data["summary"]["max_drift"], abs=1e-4)
        assert int(row["flags"]) == len(data["flags"])
        for sev in ("high", "medium", "low"):
            assert int(row[sev]) == sum(1 for f in data["flags"] if f["severity"] == sev)
        for kind, n in data["summary"]["flags"].items():
            assert int(row[kind]) == n
        html = (out / f"{key}.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>") and row.report == f"{key}.html"
    for key, why in BAD.items():
        row = table.loc[key]
        assert row.status == "failed" and row.verdict == "error" and why in row.error, (key, row.error)
        assert not (out / f"{key}.html").exists()
    # the planted addition is found in the de version of the tram set
    tram = json.loads((out / "2024-05-02/tram.json").read_text(encoding="utf-8"))
    assert any(f["version"] == "de" and f["kind"] == "addition" and "ärmeren Vororte" in f["text"]
               for f in tram["flags"])
    index = (out / "index.html").read_text(encoding="utf-8")
    for key in GOOD:
        assert f'href="{quote(key)}.html"' in index
    assert 'href="odd%20name%20%231.html"' in index
    for why in BAD.values():
        assert why in index
    assert summary.count(status="failed") == len(BAD) and summary.count(status="checked") == len(GOOD)


def test_rerun_skips_unchanged_sets(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    settings = Settings(formats=("html",))
    run(discover(corpus), out, settings, workers=1)
    checked: list[str] = []
    real = batch.check_set

    def spy(job, settings, fp=""):
        checked.append(job.key)
        return real(job, settings, fp)

    monkeypatch.setattr(batch, "check_set", spy)
    summary = run(discover(corpus), out, settings, workers=1)
    assert sorted(checked) == sorted(BAD)  # failed sets are tried again; nothing else is checked
    assert {r.key for r in summary.results if r.status == "skipped"} == GOOD
    assert set(_read_summary(out).index) == GOOD | set(BAD)  # skipped sets keep their rows

    checked.clear()
    path = corpus / "2024-05-02/pay/it.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nUna frase in più.\n", encoding="utf-8")
    (out / "2024-05-03/names.html").unlink()
    run(discover(corpus), out, settings, workers=1)
    assert sorted(k for k in checked if k in GOOD) == ["2024-05-02/pay", "2024-05-03/names"]

    checked.clear()
    run(discover(corpus), out, Settings(formats=("html",), fail_on="medium"), workers=1)
    assert GOOD <= set(checked)  # other settings: every set again


def test_interrupted_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    """A report is renamed into place whole; the state file (what skipping trusts) comes after every report."""
    out = batch.OutputFolder(tmp_path)
    result = batch.SetResult(key="s", status="checked", langs=["it", "de"], verdict="pass",
                             outputs={"html": "<html>" + "x" * 100_000 + "</html>", "json": "{}"})
    real = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        out.write(result)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["s.html"]  # the first report whole, no temporary file, no state file
    assert (tmp_path / "s.html").read_text().endswith("</html>")
    assert out.previous("s", "", ["html", "json"]) is None


def _results(summary):
    return {r.key: (r.status, r.verdict, r.flags, r.langs) for r in summary.results}


def test_process_pool_gives_the_same_results(corpus, tmp_path):
    one = run(discover(corpus), tmp_path / "one", Settings(formats=("json",)), workers=1)
    two = run(discover(corpus), tmp_path / "two", Settings(formats=("json",)), workers=2)
    assert _results(one) == _results(two)
    for key in GOOD:
        a = json.loads((tmp_path / "one" / f"{key}.json").read_text(encoding="utf-8"))
        b = json.loads((tmp_path / "two" / f"{key}.json").read_text(encoding="utf-8"))
        assert a["flags"] == b["flags"]


def test_killed_worker_fails_its_set_and_the_rest_go_on(corpus):
    """A worker killed mid-set (out of memory, kill -9): that set fails with a reason, a new worker takes the rest."""
    import multiprocessing

    for i in range(4):
        _folder_set(corpus, f"more/set{i}", CASES[i]["name"])
    todo = [(job, batch.fingerprint(job, Settings())) for job in discover(corpus) if job.problem is None]
    stream = batch._local(todo, Settings(formats=("json",)), 2)
    results = [next(stream)]
    for proc in multiprocessing.active_children():  # both workers are busy: the queue is not empty yet
        if proc.name == "consistency-batch-worker":
            os.kill(proc.pid, signal.SIGKILL)
    results += list(stream)
    assert sorted(r.key for r in results) == sorted(job.key for job, _ in todo)  # every set answered once
    died = [r for r in results if r.status == "failed" and r.key != "bad/unreadable"]  # that one is binary
    assert 1 <= len(died) <= 2 and all("worker process died" in r.error and "-j" in r.error for r in died)
    assert sum(r.status == "checked" for r in results) == len(todo) - len(died) - 1 >= 4
    assert not [p for p in multiprocessing.active_children() if p.name == "consistency-batch-worker"]


def test_dask_cluster_on_localhost(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        settings = Settings(formats=("json",), cache=os.environ["CONSISTENCY_CACHE_DIR"])
        remote = run(discover(corpus), tmp_path / "dask", settings, scheduler=cluster.scheduler_address)
    local = run(discover(corpus), tmp_path / "local", Settings(formats=("json",)), workers=1)
    assert _results(remote) == _results(local)
    assert (tmp_path / "dask" / "index.html").is_file()


def test_cli_progress_summary_and_exit_status(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["batch", str(corpus), "-o", str(out), "--format", "html", "--format", "md", "-j", "1"])
    captured = capsys.readouterr()
    assert code == 1  # some sets fail (a high flag) and some could not be checked
    assert captured.out == ""
    err = captured.err
    assert f"{len(GOOD | set(BAD))}/{len(GOOD | set(BAD))}" in err  # the progress bar, on stderr
    for key, why in BAD.items():
        assert f"  {key}: " in err and why in err
    assert (out / "2024-05-02/tram.md").is_file() and (out / "index.html").is_file()
    assert main(["batch", str(tmp_path / "nothing-here"), "-o", str(out)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_interrupted_batch_resumes(corpus, tmp_path):
    """Ctrl-C in the middle of a parallel run: complete reports only; the next run checks only what was left."""
    for i in range(5):
        _folder_set(corpus, f"more/set{i}", CASES[i]["name"])
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "consistency.cli", "batch", str(corpus), "-o", str(out), "-j", "2",
           "--no-progress", "--format", "html", "--format", "json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    state = out / batch.STATE_DIR
    deadline = time.time() + 60
    while time.time() < deadline and not (state.is_dir() and list(state.rglob("*.json"))):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole process group
    t = time.time()
    _, err = proc.communicate(timeout=60)
    stopped_after = time.time() - t
    if proc.returncode == 1 and (out / "index.html").exists():
        pytest.skip("the batch finished before it could be interrupted")
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert stopped_after < 15  # the workers are stopped, not left to finish the queued sets
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    done = [p for p in state.rglob("*.json")]
    for report in out.rglob("*.html"):
        assert report.read_text(encoding="utf-8").rstrip().endswith("</html>"), report
    for report in out.rglob("*.json"):
        json.loads(report.read_text(encoding="utf-8"))
    summary = run(discover(corpus), out, Settings(formats=("html", "json")), workers=1)
    assert summary.count(status="skipped") == len(done) >= 1
    assert summary.count(status="checked") == len(GOOD) + 5 - len(done)
