"""One self-contained HTML file an editor reads: versions side by side by claim, the claim matrix, a drift heatmap.

No network, no CDN: the CSS, the script and the heatmap (inline SVG) are inside
the file, so it opens from disk and prints. Jinja2 and MarkupSafe are imported
only when a report is rendered.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Sequence

from ..types import SEVERITIES, Flag, Report, severity_rank
from . import RENDERERS
from ._claims import GAP_KINDS, Claim, claims, pieces, snippet, unplaced_flags

TEMPLATES = Path(__file__).resolve().parent / "templates"
SEVERITY_GLYPH = {"high": "▲", "medium": "◆", "low": "●"}
STATE_GLYPH = {"present": "✓", "missing": "–", "changed": "≠"}


@functools.lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment for this package's templates (autoescaping on); one per process, so each
    template is compiled once (a batch renders hundreds of reports)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(glyph=SEVERITY_GLYPH, state_glyph=STATE_GLYPH)
    return env


@functools.lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A CSS or JS file from the templates folder, to inline."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


# -- drift heatmap -------------------------------------------------------------

def _blues(x: float) -> str:
    """A light-to-dark blue for ``x`` in [0, 1]: one hue, so it reads for colour-blind readers and in grey."""
    stops = [(0.0, (247, 251, 255)), (0.25, (198, 219, 239)), (0.5, (107, 174, 214)),
             (0.75, (33, 113, 181)), (1.0, (8, 48, 107))]
    x = min(max(x, 0.0), 1.0)
    for (x0, c0), (x1, c1) in zip(stops, stops[1:]):
        if x <= x1:
            t = (x - x0) / (x1 - x0)
            return "#%02x%02x%02x" % tuple(round(a + (b - a) * t) for a, b in zip(c0, c1))
    return "#08306b"


def _ink(fill: str) -> str:
    """Black or white text, whichever contrasts more with ``fill`` (WCAG relative luminance)."""
    rgb = [int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lum = sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
              for w, c in zip((0.2126, 0.7152, 0.0722), rgb))
    return "#ffffff" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else "#111111"


def heatmap_svg(report: Report, cell: int = 46) -> str:
    """The drift between every pair of versions as an inline SVG grid (numbers printed in every cell)."""
    from markupsafe import escape

    ids = [v.id for v in report.versions]
    pairs = {frozenset((p.a, p.b)): p for p in report.pairs}
    label = max(40, 9 * max(len(i) for i in ids) + 12)
    n = len(ids)
    width, height = label + n * cell + 2, label + n * cell + 2
    out = [f'<svg class="heatmap" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-labelledby="heatmap-title" xmlns="http://www.w3.org/2000/svg">',
           '<title id="heatmap-title">Drift between every pair of versions: 0 = as close as faithful translations, '
           '1 = unrelated</title>']
    for i, v in enumerate(ids):
        x = label + i * cell + cell / 2
        out.append(f'<text class="axis" x="{x:.0f}" y="{label - 10}" text-anchor="middle">{escape(v)}</text>')
        out.append(f'<text class="axis" x="{label - 8}" y="{label + i * cell + cell / 2 + 5:.0f}" '
                   f'text-anchor="end">{escape(v)}</text>')
    for r, a in enumerate(ids):
        for c, b in enumerate(ids):
            x, y = label + c * cell, label + r * cell
            if a == b:
                out.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" class="diag"/>')
                continue
            p = pairs.get(frozenset((a, b)))
            if p is None:
                continue
            fill = _blues(p.drift)
            ink = _ink(fill)
            cov_a, cov_b = (p.coverage_a, p.coverage_b) if p.a == a else (p.coverage_b, p.coverage_a)
            tip = (f"{a} / {b}: drift {p.drift:.2f}, similarity {p.similarity:.2f}; "
                   f"{cov_a:.0%} of {a} has a counterpart in {b}, {cov_b:.0%} of {b} in {a}")
            out.append(f'<g class="pair"><title>{escape(tip)}</title>'
                       f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}"/>'
                       f'<text x="{x + (cell - 2) / 2:.0f}" y="{y + cell / 2 + 3:.0f}" text-anchor="middle" '
                       f'fill="{ink}">{p.drift:.2f}</text></g>')
    out.append("</svg>")
    return "".join(out)


def legend_svg(width: int = 180) -> str:
    """The heatmap's colour scale, 0 to 1."""
    stops = "".join(f'<stop offset="{x:.2f}" stop-color="{_blues(x)}"/>' for x in (0, 0.25, 0.5, 0.75, 1))
    return (f'<svg class="legend" width="{width + 20}" height="34" viewBox="0 0 {width + 20} 34" aria-hidden="true" '
            f'xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="drift-scale">{stops}</linearGradient>'
            f'</defs><rect x="10" y="2" width="{width}" height="12" fill="url(#drift-scale)" stroke="#777"/>'
            f'<text x="10" y="30" text-anchor="start">0 faithful</text>'
            f'<text x="{width + 10}" y="30" text-anchor="end">1 unrelated</text></svg>')


# -- the side-by-side text -----------------------------------------------------

def _flag_title(f: Flag) -> str:
    return f"{f.id} · {f.severity} {f.kind} in {f.version}: {f.message}"


def _point(f: Flag) -> str:
    """The marker for a zero-width flag (where an omitted claim would belong)."""
    from markupsafe import escape

    return (f'<span class="omit sev-{f.severity}" id="{f.id}-{escape(f.version)}" data-flags="{f.id}" '
            f'title="{escape(_flag_title(f))}">{SEVERITY_GLYPH[f.severity]} {f.id}: '
            f'{"missing here" if f.kind == "omission" else escape(f.kind)}</span>')


def cell_html(claim: Claim, index: int, flags: Sequence[Flag], anchored: set[str] | None = None) -> str:
    """One version's text of one claim, its flagged spans marked, counterparts of other flags underlined.

    ``anchored``: anchor ids already placed (a passage over several segments gets one, at its start).
    """
    from markupsafe import escape

    anchored = set() if anchored is None else anchored

    cell = claim.cells[index]
    out: list[str] = []
    shown_points: set[str] = set()
    last_para = None
    for seg in cell.segments:
        if last_para is not None and seg.paragraph != last_para:
            out.append('<span class="para-break" aria-hidden="true"></span>')
        last_para = seg.paragraph
        out.append(f'<span class="seg role-{seg.role}" data-seg="{escape(seg.id)}">')
        for p in pieces(seg, flags):
            for f in p.points:
                out.append(_point(f))
                shown_points.add(f.id)
            anchors = "".join(f'<span class="anchor" id="{escape(a)}"></span>' for a in p.starts
                              if a not in anchored)
            anchored.update(p.starts)
            text = escape(p.text)
            if p.own:
                worst = max(p.own, key=lambda f: severity_rank(f.severity))
                kinds = " ".join(sorted({f"k-{f.kind}" for f in p.own}))
                attrs = f' data-cp="{" ".join(f.id for f in p.answers)}"' if p.answers else ""
                title = escape(" | ".join(_flag_title(f) for f in p.own))
                out.append(f'{anchors}<mark class="hl sev-{worst.severity} {kinds}" '
                           f'data-flags="{" ".join(f.id for f in p.own)}"{attrs} title="{title}">{text}</mark>')
            elif p.answers:
                title = escape(" | ".join(f"counterpart of {f.id} ({f.version})" for f in p.answers))
                out.append(f'{anchors}<span class="cp" data-cp="{" ".join(f.id for f in p.answers)}" '
                           f'title="{title}">{text}</span>')
            else:
                out.append(f"{anchors}{text}")
        out.append("</span> ")
    for f in cell.flags:
        if f.start == f.end and f.id not in shown_points:
            out.append(_point(f))
    if not cell.segments and not cell.flags:
        out.append('<span class="absent" aria-label="no counterpart">—</span>')
    return "".join(out)


def view(report: Report, title: str | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain values and pre-rendered markup."""
    from markupsafe import Markup

    rows = claims(report)
    versions = [v.id for v in report.versions]
    sev_counts = {s: sum(1 for f in report.flags if f.severity == s) for s in reversed(SEVERITIES)}
    flag_claim = {f.id: c.number for c in rows for f in c.flags}
    sources = {v.id: v.source for v in report.versions}
    flags = []
    for f in report.flags:
        loc = getattr(f, "location", None)
        waived = getattr(f, "waived", None)
        flags.append({
            "where": f"{sources[f.version]}:{loc.line}:{loc.column}" if loc else f"{sources[f.version]} {f.start}-{f.end}",
            "waived": f"{waived.reason} ({waived.source})" if waived else None,
            "id": f.id, "kind": f.kind, "severity": f.severity, "version": f.version, "message": f.message,
            "score": f.score, "start": f.start, "end": f.end, "gap": f.kind in GAP_KINDS,
            "text": snippet(f.text, 160) if f.text.strip() else "",
            "counterparts": [{"version": c.version, "anchor": f"{f.id}-{c.version}", "text": snippet(c.text, 120)}
                             for c in f.counterparts],
            "claim": flag_claim.get(f.id),
        })
    table = []
    anchored: set[str] = set()
    for c in rows:
        table.append({
            "number": c.number, "group": c.group, "role": c.role, "label": c.label,
            "flagged": bool(c.flags), "worst": max((f.severity for f in c.flags), key=severity_rank, default=""),
            "cells": [{"version": cell.version, "state": cell.state, "worst": cell.worst or "",
                       "flags": [{"id": f.id, "severity": f.severity, "kind": f.kind} for f in cell.flags],
                       "html": Markup(cell_html(c, i, report.flags, anchored))}
                      for i, cell in enumerate(c.cells)],
        })
    pairs = sorted(report.pairs, key=lambda p: -p.drift)
    return {
        "title": title or "Consistency report: " + ", ".join(versions),
        "report": report,
        "versions": report.versions,
        "version_ids": versions,
        "sources": sources,
        "flags": flags,
        "unplaced": [f.id for f in unplaced_flags(report, rows)],
        "claims": table,
        "sev_counts": sev_counts,
        "waived": sum(1 for f in flags if f["waived"]),
        "kind_counts": dict(sorted(report.summary.flags.items(), key=lambda kv: (-kv[1], kv[0]))),
        "states": {s: sum(1 for c in rows for cell in c.cells if cell.state == s)
                   for s in ("present", "missing", "changed")},
        "pairs": pairs,
        "heatmap": Markup(heatmap_svg(report)),
        "legend": Markup(legend_svg()),
        "signature": report.signature,
        "css": Markup(asset("report.css")),
        "js": Markup(asset("report.js")),
    }


@RENDERERS.register("html")
def render_html(report: Report) -> str:
    """The report as one self-contained HTML page."""
    return environment().get_template("report.html.j2").render(**view(report))
