"""SARIF 2.1.0 output: valid against the schema, a rule per kind, regions from offsets, stable fingerprints, suppressions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import consistency
from consistency.report.sarif import FINGERPRINT_KEY, render_many, render_sarif
from gate_helpers import SECOND_PARAGRAPH_DE, add_claim, insert_before, make_set

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    from jsonschema import Draft4Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _errors(validator, log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def test_seeds_sarif_validates_and_regions_point_at_the_flagged_text(seeds_report, validator):
    log = json.loads(render_sarif(seeds_report))
    assert _errors(validator, log) == []
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"addition", "omission", "number", "entity", "polarity", "hedging", "drift"} <= set(rules)
    assert len(rules) == len(set(rules))
    results = run["results"]
    assert len(results) == len(seeds_report.flags) > 0
    sources = {v.id: v.source for v in seeds_report.versions}
    for res, flag in zip(results, seeds_report.flags):
        assert res["ruleId"] == flag.kind and rules[res["ruleIndex"]] == flag.kind
        assert res["level"] == ("error" if flag.severity == "high" else "note" if flag.severity == "low" else "warning")
        region = res["locations"][0]["physicalLocation"]["region"]
        lines = Path(sources[flag.version]).read_text(encoding="utf-8").split("\n")
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:].startswith(flag.text[:40].split("\n")[0])
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] - region["startColumn"] == len(flag.text)
        assert len(res["partialFingerprints"][FINGERPRINT_KEY]) == 32
    assert len({r["partialFingerprints"][FINGERPRINT_KEY] for r in results}) == len(results)


def test_fingerprints_survive_edits_elsewhere_and_waived_findings_are_suppressions(tmp_path, validator):
    paths = make_set(tmp_path)
    add_claim(paths["de"])
    files = [str(paths[x]) for x in ("it", "de", "fr")]

    def addition(log: dict) -> dict:
        [res] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "addition"]
        return res

    first = addition(json.loads(render_sarif(consistency.check(files))))
    text = paths["de"].read_text(encoding="utf-8")
    paths["de"].write_text(text.replace("\n\n", "\n\n\n\n", 1), encoding="utf-8")  # moves the finding two lines down
    moved = addition(json.loads(render_sarif(consistency.check(files))))
    assert moved["partialFingerprints"] == first["partialFingerprints"]
    r1 = first["locations"][0]["physicalLocation"]["region"]
    r2 = moved["locations"][0]["physicalLocation"]["region"]
    assert r2["startLine"] == r1["startLine"] + 2 and r2["startColumn"] == r1["startColumn"]
    assert "suppressions" not in moved and moved["level"] == "error"

    insert_before(paths["de"], SECOND_PARAGRAPH_DE,
                  '<!-- consistency: ignore[addition] reason="intended for German readers" -->')
    report = consistency.check(files)
    log = json.loads(render_many([("valdoria", report)], exit_code=0))
    assert _errors(validator, log) == []
    waived = addition(log)
    assert waived["suppressions"][0]["kind"] == "inSource"
    assert waived["suppressions"][0]["status"] == "accepted"
    assert "intended for German readers" in waived["suppressions"][0]["justification"]
    assert waived["partialFingerprints"] == first["partialFingerprints"]  # the marker sits outside the claim
    assert log["runs"][0]["invocations"][0]["exitCode"] == 0


def test_hook_sarif_for_several_sets_validates(tmp_path, monkeypatch, capsys, validator):
    from consistency.cli import main

    a = make_set(tmp_path, slug="one")
    make_set(tmp_path, slug="two")
    add_claim(a["de"])
    monkeypatch.chdir(tmp_path)
    assert main(["hook", "one/de.md", "two/it.md", "--format", "sarif", "-o", "out.sarif"]) == 1
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert _errors(validator, log) == []
    assert [s["name"] for s in log["runs"][0]["properties"]["sets"]] == ["one", "two"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"one/de.md"}  # relative, /-separated: what code scanning matches against the repository
    capsys.readouterr()
