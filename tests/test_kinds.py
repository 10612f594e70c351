"""Each flag kind on small articles we wrote (tests/data/cases.json), in several languages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import consistency

CASES = json.loads((Path(__file__).parent / "data" / "cases.json").read_text(encoding="utf-8"))


def _run(case):
    return consistency.check(dict(case["versions"]))


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] != "clean"], ids=lambda c: c["name"])
def test_planted_divergence_found(case):
    report = _run(case)
    exp = case["expect"]
    hits = [f for f in report.flags if f.version == exp["version"] and f.kind == exp["kind"]]
    assert hits, f"expected a {exp['kind']} flag on {exp['version']}; got " + "; ".join(
        f"{f.kind}/{f.version}: {f.message}" for f in report.flags)
    if "contains" in exp:
        assert any(exp["contains"] in f.text for f in hits), [f.text for f in hits]
    if "counterpart_contains" in exp:
        assert any(exp["counterpart_contains"] in c.text for f in hits for c in f.counterparts)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "clean"], ids=lambda c: c["name"])
def test_clean_set_raises_no_high_flag(case):
    report = _run(case)
    high = [f"{f.kind}/{f.version}: {f.message}" for f in report.flags if f.severity == "high"]
    assert not high
