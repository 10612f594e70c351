"""Flags and version pairs as one CSV table (through pandas), for spreadsheets and scripts.

One row per flag (``record`` = ``flag``) and one per pair of versions
(``record`` = ``pair``); columns that do not apply to a record stay empty.
"""
from __future__ import annotations

from typing import Any

from ..types import Report
from . import RENDERERS

COLUMNS = ["record", "id", "kind", "severity", "score", "version", "start", "end", "line", "column", "group", "text",
           "message", "counterparts", "waived", "fingerprint", "a", "b", "similarity", "drift", "coverage_a",
           "coverage_b"]


def records(report: Report) -> list[dict[str, Any]]:
    """The rows of the CSV, as dicts (flags first, most severe first; then pairs, most drift first)."""
    rows: list[dict[str, Any]] = []
    for f in report.flags:
        loc = getattr(f, "location", None)
        waived = getattr(f, "waived", None)
        rows.append({"record": "flag", "id": f.id, "kind": f.kind, "severity": f.severity, "score": round(f.score, 4),
                     "version": f.version, "start": f.start, "end": f.end,
                     "line": loc.line if loc else None, "column": loc.column if loc else None,
                     "group": f.group, "text": f.text, "message": f.message,
                     "counterparts": " ".join(f"{c.version}:{c.start}-{c.end}" for c in f.counterparts),
                     "waived": waived.reason if waived else None, "fingerprint": getattr(f, "fingerprint", None)})
    for p in sorted(report.pairs, key=lambda p: -p.drift):
        rows.append({"record": "pair", "a": p.a, "b": p.b, "similarity": round(p.similarity, 4),
                     "drift": round(p.drift, 4), "coverage_a": round(p.coverage_a, 4),
                     "coverage_b": round(p.coverage_b, 4)})
    return rows


@RENDERERS.register("csv")
def render_csv(report: Report) -> str:
    """The report's flags and pairs as CSV (UTF-8, a header row, ``\\n`` line ends)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records(report), columns=COLUMNS)
    for col in ("start", "end", "line", "column", "group"):
        frame[col] = frame[col].astype("Int64")
    return frame.to_csv(index=False, lineterminator="\n")
