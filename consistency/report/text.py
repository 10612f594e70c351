"""A terminal summary an editor can read: verdict, pairwise drift, then every flag with its passage."""
from __future__ import annotations

import textwrap

from ..types import Report
from . import RENDERERS

_MARK = {"high": "!!", "medium": "! ", "low": ". "}


@RENDERERS.register("text")
def render_text(report: Report) -> str:
    s = report.summary
    ids = [v.id for v in report.versions]
    lines = [
        f"consistency: {len(ids)} versions ({', '.join(ids)}), model {report.model_name}: "
        f"{s.verdict.upper()}, {len(report.flags)} flag(s)"
        + (f" ({', '.join(f'{n} {k}' for k, n in sorted(s.flags.items()))})" if s.flags else "")
        + (f", {sum(s.waived.values())} waived" if s.waived else ""),
        "",
        "Drift between versions (0 = as close as faithful translations, 1 = unrelated):",
    ]
    drift = {(p.a, p.b): p.drift for p in report.pairs}
    width = max(len(i) for i in ids) + 2
    lines.append(" " * width + "".join(f"{i:>7}" for i in ids))
    for a in ids:
        cells = []
        for b in ids:
            d = drift.get((a, b), drift.get((b, a)))
            cells.append(f"{'-':>7}" if d is None else f"{d:7.2f}")
        lines.append(f"{a:<{width}}" + "".join(cells))
    lines.append("")
    if not report.flags:
        lines.append("No divergences found.")
    for f in report.flags:
        src = next(v.source for v in report.versions if v.id == f.version)
        lines.append(f"{_MARK[f.severity]} {f.id} {f.severity:<6} {f.kind:<9} {f.version} ({src} {f.start}-{f.end})")
        lines += textwrap.wrap(f.message, width=100, initial_indent="     ", subsequent_indent="     ")
        if f.waived is not None:
            lines.append(f"     waived ({f.waived.source}, {f.waived.where}): {f.waived.reason}")
        for c in f.counterparts[:4]:
            snippet = " ".join(c.text.split())
            snippet = snippet if len(snippet) <= 90 else snippet[:87] + "..."
            lines.append(f"     {c.version}: {snippet}")
    lines.append("")
    lines.append(f"signature: {report.signature.text()}")
    return "\n".join(lines) + "\n"
