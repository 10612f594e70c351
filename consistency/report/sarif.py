"""SARIF 2.1.0 for GitHub code scanning and other CI viewers.

One run per invocation; a rule per flag kind (``ruleId`` = the kind); a result per
flag with the version's file and 1-based line/column region; counterparts as related
locations; ``partialFingerprints`` from the flag's fingerprint and file (stable across
edits elsewhere in the file); waived flags carry a ``suppressions`` entry (``inSource``
for a marker, ``external`` for the baseline), so viewers show them as dismissed.
Level: ``error`` when the flag reaches ``fail_on``, else ``warning`` (medium, high) or ``note`` (low).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Sequence

from .. import __version__
from ..types import Flag, Report, severity_rank
from . import RENDERERS
from ._gate import DESCRIPTIONS, WAIVE_HELP, Named, blocking, kinds_of, location, set_name, source_of, uri

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "consistencyFinding/v1"


def _level(flag: Flag, fail_on: str) -> str:
    """By severity alone (a waived flag keeps its level; its suppression says it is accepted)."""
    if severity_rank(flag.severity) >= severity_rank(fail_on):
        return "error"
    return "note" if flag.severity == "low" else "warning"


def _rule(kind: str) -> dict[str, Any]:
    short, full = DESCRIPTIONS.get(kind, (f"{kind} divergence", f"The versions diverge ({kind})."))
    return {
        "id": kind,
        "name": "".join(w.capitalize() for w in kind.replace("-", "_").split("_")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": f"{full} {WAIVE_HELP.format(kind=kind)}"},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["translation", "consistency"]},
    }


def _region(flag: Flag, snippet: bool) -> dict[str, Any]:
    loc = location(flag)
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.column,
                              "endLine": loc.end_line, "endColumn": loc.end_column}
    if snippet and flag.text:
        region["snippet"] = {"text": flag.text}
    return region


def _result(name: str, report: Report, flag: Flag, rule_index: dict[str, int], fail_on: str) -> dict[str, Any]:
    path = uri(source_of(report, flag.version))
    exact = location(flag).exact
    fp = hashlib.sha256(f"{path}\x1f{flag.fingerprint or flag.id}".encode("utf-8")).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": flag.kind,
        "ruleIndex": rule_index[flag.kind],
        "level": _level(flag, fail_on),
        "message": {"text": flag.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path},
                                            "region": _region(flag, snippet=exact)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"severity": flag.severity, "score": round(flag.score, 4), "set": name,
                       "version": flag.version, "flag": flag.id, "blocking": blocking(flag, fail_on)},
    }
    related = []
    for i, c in enumerate(flag.counterparts[:9], 1):
        cpath = uri(source_of(report, c.version))
        text = " ".join(c.text.split())
        related.append({"id": i, "physicalLocation": {"artifactLocation": {"uri": cpath}},
                        "message": {"text": f"{c.version}: {text[:300]}"}})
    if related:
        result["relatedLocations"] = related
    if flag.waived is not None:
        result["suppressions"] = [{
            "kind": "inSource" if flag.waived.source == "inline" else "external",
            "status": "accepted",
            "justification": f"{flag.waived.reason} ({flag.waived.source}: {flag.waived.where})",
        }]
    return result


def render_many(reports: Sequence[Named], *, exit_code: int | None = None) -> str:
    """One SARIF log for several article sets (a run of ``consistency hook``)."""
    kinds = kinds_of(reports)
    rule_index = {k: i for i, k in enumerate(kinds)}
    results = [_result(name, report, f, rule_index, report.signature.fail_on)
               for name, report in reports for f in report.flags]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if exit_code is not None:
        invocation["exitCode"] = exit_code
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "consistency", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(k) for k in kinds]}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"sets": [{"name": name, "verdict": r.summary.verdict, "model": r.model_name,
                                 "signature": r.signature.text()} for name, r in reports]},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


@RENDERERS.register("sarif")
def render_sarif(report: Report) -> str:
    return render_many([(set_name(report), report)])
