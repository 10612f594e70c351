"""eval/explain.py: every candidate near each gold entry, and never the blind sets."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("eval_explain", ROOT / "eval" / "explain.py")
explain = importlib.util.module_from_spec(spec)
sys.modules["eval_explain"] = explain
spec.loader.exec_module(explain)


def test_lists_each_gold_entry_with_its_candidates(capsys):
    assert explain.main([str(ROOT / "eval" / "sets" / "tram-marenfeld")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## tram-marenfeld")
    entries = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(entries) == 3 and all("(found)" in e or "(MISSED)" in e for e in entries)
    # a found entry shows the candidate that found it, with its probability and severity
    assert any("p=" in line and ("high" in line or "medium" in line or "low" in line) for line in out.splitlines())


def test_refuses_the_blind_sets():
    with pytest.raises(SystemExit, match="never explained"):
        explain.main([str(ROOT / "eval" / "sets-blind")])


def test_noise_read_as_text_is_listed():
    report = {"segments": [
        {"version": "de", "start": 0, "end": 20, "role": "body"},
        {"version": "de", "start": 21, "end": 40, "role": "boilerplate"},
        {"version": "fr", "start": 0, "end": 30, "role": "heading"},
    ]}
    noise = [{"version": "de", "kind": "boilerplate", "start": 0, "end": 12, "text": "Zum Thema: …"},
             {"version": "de", "kind": "boilerplate", "start": 21, "end": 40, "text": "Teilen | Drucken"},
             {"version": "fr", "kind": "caption", "start": 5, "end": 25, "text": "… Phot"}]
    listed = [(role, n["text"]) for role, n in explain.misread_noise(report, noise)]
    assert listed == [("body", "Zum Thema: …"), ("heading", "… Phot")]


def test_noise_option_runs_on_a_development_set(capsys):
    assert explain.main([str(ROOT / "eval" / "sets" / "tram-marenfeld"), "--noise"]) == 0
    assert capsys.readouterr().out.startswith("## tram-marenfeld")
