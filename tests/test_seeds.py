"""The founding example: what issue 2 promises on ../shared/seeds, asserted on the default check."""
from __future__ import annotations

import json

import pytest

from conftest import SEEDS

FAITHFUL = ("it", "de", "pt", "fr")


def _gold():
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


def _overlaps(flag, span) -> bool:
    return flag.version == span["version"] and flag.start < span["end"] and span["start"] < flag.end


@pytest.mark.parametrize("div", [d for d in _gold()["divergences"] if d["required"]], ids=lambda d: d["kind"])
def test_required_divergence_found(seeds_report, div):
    hits = [f for f in seeds_report.flags if _overlaps(f, div)]
    if div["kind"] == "entity":
        hits = [f for f in hits if f.kind in ("entity", "omission")]
    assert hits, f"no flag on {div['version']} over {div['text'][:60]!r}"


@pytest.mark.parametrize("div", [d for d in _gold()["divergences"] if not d["required"]], ids=lambda d: d["kind"])
def test_non_required_divergence_reported(seeds_report, div):
    """Issue 4: the non-required divergences are reported at ``low`` or above (by any flag over them)."""
    assert [f for f in seeds_report.flags if _overlaps(f, div)], f"no flag on {div['version']} over {div['text'][:60]!r}"


def test_no_high_flag_on_faithful_translations(seeds_report):
    segs = {s.id: s for s in seeds_report.segments}
    for f in seeds_report.flags:
        if f.version in FAITHFUL and f.severity == "high":
            roles = {s.role for s in segs.values() if s.version == f.version and s.start < f.end and f.start < s.end}
            assert False, f"high {f.kind} flag on {f.version} ({roles}): {f.message}"


def test_captions_and_boilerplate_have_roles_and_no_flags(seeds_report):
    for noise in _gold()["noise"]:
        covering = [s for s in seeds_report.segments
                    if s.version == noise["version"] and s.start < noise["end"] and noise["start"] < s.end]
        assert covering, noise
        assert {s.role for s in covering} == {noise["kind"]}, (noise["text"], [(s.role, s.text) for s in covering])
        flagged = [f for f in seeds_report.flags if _overlaps(f, noise) and f.start != f.end]
        assert not flagged, (noise["text"], [f.message for f in flagged])


def test_every_span_reproduces_the_file(seeds_report):
    texts = {v.id: open(v.source, encoding="utf-8").read() for v in seeds_report.versions}
    for s in seeds_report.segments:
        assert texts[s.version][s.start:s.end] == s.text
    for f in seeds_report.flags:
        assert texts[f.version][f.start:f.end] == f.text
        for c in f.counterparts:
            assert texts[c.version][c.start:c.end] == c.text


def test_json_follows_the_contract(seeds_report):
    data = seeds_report.to_dict()
    assert data["schema"] == "consistency-report/1"
    for key in ("model", "versions", "segments", "alignment", "pairs", "flags", "summary"):
        assert key in data
    assert {v["id"] for v in data["versions"]} == {"it", "de", "pt", "fr", "pl"}
    assert len(data["pairs"]) == 10
    seg_ids = {s["id"] for s in data["segments"]}
    for g in data["alignment"]:
        assert set(g["members"]) <= seg_ids
    for f in data["flags"]:
        assert f["kind"] in ("addition", "omission", "number", "entity", "polarity", "hedging", "drift")
        assert f["severity"] in ("low", "medium", "high") and 0.0 <= f["score"] <= 1.0
        assert f["message"] and f["message"].endswith(".")
    assert data["summary"]["verdict"] == "fail"
    assert sum(data["summary"]["flags"].values()) == len(data["flags"])
    assert data["signature"]["model"] == data["model"]["name"]


def test_pl_drifts_most(seeds_report):
    """pl is a different newsroom's account; the four translations are closer to each other than to it."""
    drift = {frozenset((p.a, p.b)): p.drift for p in seeds_report.pairs}
    for a in FAITHFUL:
        for b in FAITHFUL:
            if a < b:
                assert drift[frozenset((a, b))] < drift[frozenset((a, "pl"))]
