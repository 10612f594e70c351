"""Markdown and CSV reports, and the claim view behind the HTML and Markdown matrices, on the founding example."""
from __future__ import annotations

import io
import re

import pytest

from consistency.report import formats, render
from consistency.report._claims import MISSING, _reading_order, claims, pieces, snippet
from consistency.report.markdown import cell


def test_renderers_are_registered_and_offered_by_check():
    assert {"html", "md", "csv", "json", "text"} <= set(formats())
    from consistency.cli import build_parser

    check = build_parser()._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    choices = next(a.choices for a in check._actions if a.dest == "format")
    assert {"html", "md", "csv"} <= set(choices)


# -- the claim view ---------------------------------------------------------------

def test_every_segment_in_exactly_one_claim(seeds_report):
    rows = claims(seeds_report)
    seen = [s.id for c in rows for cell_ in c.cells for s in cell_.segments]
    assert sorted(seen) == sorted(s.id for s in seeds_report.segments)
    assert [c.number for c in rows] == list(range(1, len(rows) + 1))


def test_claim_cells_follow_the_alignment(seeds_report):
    groups = {g.id: {m.split(":")[0] for m in g.members} for g in seeds_report.alignment}
    for c in claims(seeds_report):
        assert c.group in groups
        for x in c.cells:
            assert (x.state == MISSING) == (x.version not in groups[c.group]), (c.number, x.version)


def test_every_flag_sits_in_one_cell_of_its_version(seeds_report):
    placed = [(f.id, x.version, f.version) for c in claims(seeds_report) for x in c.cells for f in x.flags]
    assert sorted(p[0] for p in placed) == sorted(f.id for f in seeds_report.flags)
    assert all(cell_version == flag_version for _, cell_version, flag_version in placed)


def test_claims_follow_the_first_versions_reading_order(seeds_report):
    rows = claims(seeds_report)
    starts = [s.start for c in rows for s in c.cells[0].segments]
    assert starts == sorted(starts)


@pytest.mark.parametrize("sequences,expected", [
    # consistent orders (a version may lack claims): every version reads top to bottom
    ([[1, 2, 3, 5], [1, 4, 3], [2, 4, 5], [6, 1]], [6, 1, 2, 4, 3, 5]),
    ([[1, 2], [3, 4], [1, 4]], [1, 2, 3, 4]),
    # a crossing (the second version swaps 2 and 3): the first version decides
    ([[1, 2, 3, 4], [1, 3, 2, 4]], [1, 2, 3, 4]),
    ([[1, 3, 2], [1, 2, 3], [2, 3]], [1, 3, 2]),
])
def test_reading_order_merges_every_versions_order(sequences, expected):
    order = _reading_order(sequences)
    assert order == expected
    position = {g: i for i, g in enumerate(order)}
    consistent = all(position[a] < position[b] for seq in sequences for a, b in zip(seq, seq[1:]))
    crossing = any(x.index(a) < x.index(b) and y.index(a) > y.index(b)
                   for x in sequences for y in sequences for a in x for b in x if a in y and b in y)
    assert consistent or crossing


def test_pieces_cut_at_flag_bounds_and_rebuild_the_segment(seeds_report):
    flags = seeds_report.flags
    for seg in seeds_report.segments:
        parts = pieces(seg, flags)
        assert "".join(p.text for p in parts) == seg.text
        for p in parts:
            for f in p.own:
                assert f.version == seg.version and f.start <= p.start and p.start + len(p.text) <= f.end


def test_snippet_cuts_at_a_word():
    assert snippet("one two three four", 100) == "one two three four"
    s = snippet("alpha beta gamma delta epsilon", 17)
    assert len(s) <= 17 and s.endswith("…") and s.startswith("alpha beta")


# -- Markdown -------------------------------------------------------------------------

def _md_tables(md: str) -> list[list[list[str]]]:
    """Every table of a Markdown text as rows of cells (header and rule rows included)."""
    tables, current = [], []
    for line in md.splitlines():
        if line.startswith("| "):
            current.append([c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]])
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def test_markdown_has_verdict_drift_flags_matrix_and_signature(seeds_report):
    md = render(seeds_report, "md")
    first = md.splitlines()[0]
    assert first.startswith(f"## Consistency: {seeds_report.summary.verdict.upper()}, {len(seeds_report.flags)} flags")
    drift, flags, matrix = _md_tables(md)
    ids = [v.id for v in seeds_report.versions]
    # drift: header + rule + one row per version; symmetric values equal to the pairs
    assert drift[0][1:] == ids and len(drift) == 2 + len(ids)
    values = {(row[0].strip("*"), ids[j]): row[1 + j] for row in drift[2:] for j in range(len(ids))}
    for p in seeds_report.pairs:
        assert values[(p.a, p.b)] == values[(p.b, p.a)] == f"{p.drift:.2f}"
    # flags: one row per flag in report order, with its severity, kind, version and passage
    rows = flags[2:]
    sources = {v.id: v.source for v in seeds_report.versions}
    assert [r[1] for r in rows] == [f.id for f in seeds_report.flags]
    for r, f in zip(rows, seeds_report.flags):
        assert r[0].endswith(f.severity) and r[2] == f.kind and r[3] == f.version
        assert r[4] == f"{sources[f.version]}:{f.location.line}:{f.location.column}"
        assert r[6] == " ".join(f.message.split())
        if f.start == f.end:
            assert r[5] == "(missing here)"
        else:
            assert r[5].strip("«»…").split()[0] == f.text.split()[0]
    # claim matrix: one row per claim; a version's "–" cells are exactly the groups it has no member in
    body = matrix[2:]
    assert len(body) == len(claims(seeds_report))
    for j, v in enumerate(ids):
        lacking = sum(1 for g in seeds_report.alignment if not any(m.startswith(v + ":") for m in g.members))
        assert sum(1 for r in body if r[2 + j].startswith("–")) == lacking, v
    for f in seeds_report.flags:
        assert sum(1 for r in body for c in r[2:] if re.search(rf"{f.id}\b", c)) == 1, f.id
    assert f"signature: `{seeds_report.signature.text()}`" in md


def test_markdown_cells_cannot_break_a_table():
    assert cell("a | b\nc  d") == "a \\| b c d"
    assert cell("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"


# -- CSV ------------------------------------------------------------------------------

def test_csv_rows_are_the_flags_then_the_pairs(seeds_report):
    pd = pytest.importorskip("pandas")
    text = render(seeds_report, "csv")
    assert text.splitlines()[0].startswith("record,id,kind,severity")
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    flags = frame[frame.record == "flag"]
    pairs = frame[frame.record == "pair"]
    assert len(flags) == len(seeds_report.flags) and len(pairs) == len(seeds_report.pairs)
    assert len(frame) == len(flags) + len(pairs)
    for (_, row), f in zip(flags.iterrows(), seeds_report.flags):
        assert (row.id, row.kind, row.severity, row.version) == (f.id, f.kind, f.severity, f.version)
        assert (int(row.start), int(row.end)) == (f.start, f.end)
        assert row.text == f.text  # quotes, commas and newlines survive
        assert row.message == f.message
        cps = row.counterparts.split() if row.counterparts else []
        assert cps == [f"{c.version}:{c.start}-{c.end}" for c in f.counterparts]
    by_pair = {(p.a, p.b): p for p in seeds_report.pairs}
    drifts = list(pairs.drift.astype(float))
    assert drifts == sorted(drifts, reverse=True)
    for _, row in pairs.iterrows():
        p = by_pair[(row.a, row.b)]
        assert float(row.drift) == pytest.approx(p.drift, abs=1e-4)
        assert float(row.coverage_b) == pytest.approx(p.coverage_b, abs=1e-4)
