"""A Markdown report for a pull-request or CMS comment: verdict, drift table, flags, claim matrix, signature."""
from __future__ import annotations

from ..types import SEVERITIES, Report
from . import RENDERERS
from ._claims import claims, snippet

GLYPH = {"high": "▲", "medium": "◆", "low": "●"}
STATE = {"present": "✓", "missing": "–", "changed": "≠"}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes and HTML escaped."""
    text = " ".join(str(text).split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


@RENDERERS.register("md")
def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    s = report.summary
    ids = [v.id for v in report.versions]
    counts = [f"{n} {sev}" for sev in reversed(SEVERITIES)
              if (n := sum(1 for f in report.flags if f.severity == sev))]
    head = f"## Consistency: {s.verdict.upper()}, {len(report.flags)} flag{'' if len(report.flags) == 1 else 's'}"
    lines = [head + (f" ({', '.join(counts)})" if counts else ""), "",
             f"{len(ids)} versions ({', '.join(ids)}), model `{report.model_name}`, fails on `{report.signature.fail_on}`."]
    if s.flags:
        lines[-1] += " Flags by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(s.flags.items())) + "."
    lines += ["", "### Drift between versions", "",
              "0 = as close as faithful translations, 1 = unrelated.", ""]
    drift = {frozenset((p.a, p.b)): p.drift for p in report.pairs}
    rows = []
    for a in ids:
        row = [f"**{cell(a)}**"]
        for b in ids:
            d = drift.get(frozenset((a, b)))
            row.append("–" if a == b or d is None else f"{d:.2f}")
        rows.append(row)
    lines += _table([""] + [cell(i) for i in ids], rows, ["---"] + ["---:"] * len(ids))
    lines += ["", "### Flags", ""]
    if not report.flags:
        lines.append("No divergences found.")
    else:
        sources = {v.id: v.source for v in report.versions}
        rows = []
        for f in report.flags:
            passage = f"«{snippet(f.text, 120)}»" if f.text.strip() else "(missing here)"
            loc = getattr(f, "location", None)
            where = f"{sources[f.version]}:{loc.line}:{loc.column}" if loc else f"{sources[f.version]} {f.start}-{f.end}"
            waived = getattr(f, "waived", None)
            message = f.message + (f" Waived: {waived.reason}." if waived else "")
            rows.append([f"{GLYPH[f.severity]} {f.severity}" + (" (waived)" if waived else ""), f.id, f.kind,
                         cell(f.version), cell(where), cell(passage), cell(message)])
        lines += _table(["severity", "id", "kind", "version", "where", "passage", "message"], rows)
    table = claims(report)
    lines += ["", f"<details><summary>Claim matrix: {len(table)} claims × {len(ids)} versions "
              f"({STATE['present']} present, {STATE['missing']} missing, {STATE['changed']} changed)</summary>", ""]
    rows = []
    for c in table:
        label = (f"*{c.role}* " if c.role != "body" else "") + snippet(c.label, 70)
        cells = []
        for x in c.cells:
            cells.append(" ".join([STATE[x.state]] + [f"{GLYPH[f.severity]}{f.id}" for f in x.flags]))
        rows.append([str(c.number), cell(label)] + cells)
    lines += _table(["#", "claim"] + [cell(i) for i in ids], rows, ["---:", "---"] + [":---:"] * len(ids))
    lines += ["", "</details>", "", f"<sub>signature: `{report.signature.text()}`</sub>", ""]
    return "\n".join(lines)
