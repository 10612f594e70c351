"""Waivers: inline markers (reason required, shown in reports) and the baseline (accepted once, new ones fail)."""
from __future__ import annotations

import json

import pytest

import consistency
from consistency.cli import main
from consistency.errors import ConfigError, InputError
from consistency.locate import locate_in_markup
from consistency.types import Block, Document, Flag
from consistency.waivers import Baseline, fingerprints, parse_markers
from gate_helpers import ADDED_DE, SECOND_PARAGRAPH_DE, add_claim, insert_before, make_set

MARKER = '<!-- consistency: ignore[addition] reason="local debate, only relevant to German readers" -->'


def _flag(kind: str, start: int, end: int, text: str = "x", version: str = "de") -> Flag:
    return Flag(id="F1", kind=kind, version=version, start=start, end=end, text=text, counterparts=(),
                severity="high", score=1.0, message="m")


def test_marker_on_its_own_line_covers_the_next_paragraph_and_the_gap_before_it():
    text = "# Titel\n\nErster Absatz.\n\n<!-- consistency: ignore reason=\"intended\" -->\nZweiter Absatz.\nNoch.\n\nDritter.\n"
    doc = Document(id="de", lang="de", text=text, source="story.de.md")
    [m] = parse_markers(doc)
    assert m.kinds is None and m.reason == "intended" and m.where == "story.de.md:5"
    second = text.index("Zweiter")
    assert m.covers(_flag("addition", second, text.index("Noch.") + 5))
    assert m.covers(_flag("omission", text.index("Erster Absatz.") + 14, text.index("Erster Absatz.") + 14))
    assert not m.covers(_flag("addition", text.index("Dritter"), text.index("Dritter") + 8))
    assert not m.covers(_flag("addition", text.index("Erster"), text.index("Erster") + 6))


def test_marker_inside_a_paragraph_covers_that_paragraph_and_only_its_kinds():
    text = "Eins.\n\nZwei <!-- consistency: ignore[number, entity] reason='Ortsangabe' --> und mehr.\n\nDrei.\n"
    doc = Document(id="de", lang="de", text=text, source="a/de.markdown")
    [m] = parse_markers(doc)
    assert m.kinds == {"number", "entity"}
    zwei = text.index("Zwei")
    assert m.covers(_flag("number", zwei, zwei + 4))
    assert not m.covers(_flag("addition", zwei, zwei + 4))
    assert not m.covers(_flag("number", text.index("Drei"), text.index("Drei") + 4))


def test_markers_are_read_only_in_markdown_and_html():
    text = 'Eins.\n<!-- consistency: ignore reason="x" -->\nZwei.\n'
    assert parse_markers(Document(id="de", lang="de", text=text, source="de.txt")) == []


@pytest.mark.parametrize("marker, words", [
    ("<!-- consistency: ignore[addition] -->", ["story.de.md:3", "needs a reason"]),
    ('<!-- consistency: ignore[addition] reason="" -->', ["needs a reason"]),
    ('<!-- consistency: ignore[additions] reason="x" -->', ["unknown flag kind 'additions'", "addition, omission"]),
    ('<!-- consistency: skip reason="x" -->', ["cannot read the consistency marker"]),
])
def test_bad_markers_are_errors_naming_file_and_line(marker, words):
    doc = Document(id="de", lang="de", text=f"Eins.\n\n{marker}\nZwei.\n", source="story.de.md")
    with pytest.raises(InputError) as exc:
        parse_markers(doc)
    for w in words:
        assert w in str(exc.value)


def test_html_marker_maps_into_the_extracted_text_and_locations_point_into_the_markup():
    raw = ("<html><body>\n<h1>Titel</h1>\n<p>Erster Absatz hier.</p>\n"
           '<!-- consistency: ignore[addition] reason="Zusatz gewollt" -->\n'
           "<p>Zweiter Absatz mit <b>Zusatz</b> &amp; mehr.</p>\n</body></html>\n")
    text = "Titel\nErster Absatz hier.\nZweiter Absatz mit Zusatz & mehr.\n"
    blocks = (Block(0, 5, "title"), Block(6, 25, "body"), Block(26, 58, "body"))
    doc = Document(id="de", lang="de", text=text, source="de.html", extracted=True, blocks=blocks)
    [m] = parse_markers(doc, raw)
    assert (m.start, m.end) == (25, 58) and m.where == "de.html:4"
    start = text.index("Zweiter")
    assert m.covers(_flag("addition", start, start + 25))
    loc = locate_in_markup(raw, text, start, start + 25)
    assert (loc.line, loc.column, loc.exact) == (5, 4, False)
    assert locate_in_markup(None, text, start, start + 5).line == 1


def test_html_versions_through_the_html_reader_marker_and_markup_positions(tmp_path, monkeypatch, capsys):
    pytest.importorskip("trafilatura")
    site = tmp_path / "valdoria"
    site.mkdir()
    for lang, path in make_set(tmp_path / "md").items():
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        body = "".join(f"<p>{p}</p>\n" for p in paras[1:])
        (site / f"{lang}.html").write_text(
            f'<!doctype html>\n<html lang="{lang}">\n<head><title>{paras[0][2:]}</title></head>\n<body>\n'
            f"<article>\n<h1>{paras[0][2:]}</h1>\n{body}</article>\n</body>\n</html>\n", encoding="utf-8")
    add_claim(site / "de.html")
    monkeypatch.chdir(tmp_path)
    assert main(["hook", "valdoria/de.html"]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if " addition high " in x)
    path, lineno, col = line.split(":")[:3]
    html_line = (site / "de.html").read_text(encoding="utf-8").split("\n")[int(lineno) - 1]
    assert path == "valdoria/de.html" and html_line[int(col) - 1:].startswith(ADDED_DE[:30])
    insert_before(site / "de.html", "<p>" + SECOND_PARAGRAPH_DE, MARKER)
    assert main(["hook", "valdoria/de.html", "--show-waived"]) == 0
    assert "[waived: local debate, only relevant to German readers (inline: valdoria/de.html:" in capsys.readouterr().out


def test_fingerprints_ignore_offsets_and_whitespace_but_not_text():
    a = _flag("addition", 10, 20, "Eine  neue\nBehauptung.")
    b = _flag("addition", 500, 510, "Eine neue Behauptung.")
    c = _flag("addition", 10, 20, "Eine andere Behauptung.")
    d = _flag("addition", 10, 20, "Eine neue Behauptung.", version="fr")
    fa, fb, fc, fd = (fingerprints([f])[0] for f in (a, b, c, d))
    assert fa == fb and fa != fc and fa != fd
    twice = fingerprints([b, a])  # the same finding twice in one version: told apart by occurrence, in text order
    assert twice == [fa + "-2", fa]


def test_inline_marker_waives_the_finding_in_the_report_and_the_verdict(tmp_path):
    paths = make_set(tmp_path)
    add_claim(paths["de"])
    insert_before(paths["de"], SECOND_PARAGRAPH_DE, MARKER)
    report = consistency.check([str(paths[x]) for x in ("it", "de", "fr")])
    waived = [f for f in report.flags if f.waived is not None]
    assert report.summary.verdict == "pass" and len(waived) == 1
    w = waived[0]
    assert w.kind == "addition" and ADDED_DE[:20] in w.text
    assert w.waived.reason == "local debate, only relevant to German readers" and w.waived.source == "inline"
    line = paths["de"].read_text(encoding="utf-8").splitlines().index(MARKER) + 1
    assert w.waived.where == f"{paths['de']}:{line}"
    d = report.to_dict()
    assert d["summary"]["waived"] == {"addition": 1}
    assert any(f.get("waived", {}).get("source") == "inline" for f in d["flags"])
    from consistency.report import render

    assert "waived (inline" in render(report, "text") and "1 waived" in render(report, "text")


def test_a_marker_for_another_kind_does_not_waive(tmp_path):
    paths = make_set(tmp_path)
    add_claim(paths["de"])
    insert_before(paths["de"], SECOND_PARAGRAPH_DE, MARKER.replace("[addition]", "[number]"))
    report = consistency.check([str(paths[x]) for x in ("it", "de", "fr")])
    assert report.summary.verdict == "fail" and not report.summary.waived


def test_bad_marker_in_a_checked_file_exits_2(tmp_path, capsys):
    paths = make_set(tmp_path)
    insert_before(paths["de"], SECOND_PARAGRAPH_DE, "<!-- consistency: ignore[addition] -->")
    assert main(["check", *(str(paths[x]) for x in ("it", "de", "fr"))]) == 2
    assert "needs a reason" in capsys.readouterr().err


def test_baseline_accepts_current_findings_new_ones_and_changed_text_fail(tmp_path, monkeypatch, capsys):
    paths = make_set(tmp_path)
    other = make_set(tmp_path / "more", slug="second")
    add_claim(paths["de"])
    monkeypatch.chdir(tmp_path)
    assert main(["hook", "valdoria/de.md"]) == 1
    assert main(["baseline", "--reason", "reviewed by the desk"]) == 0  # every set under the root
    data = json.loads((tmp_path / ".consistency-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "consistency-baseline/1"
    assert any(e["path"] == "valdoria/de.md" and e["kind"] == "addition" for e in data["findings"])
    assert all(e["reason"] == "reviewed by the desk" for e in data["findings"])
    capsys.readouterr()

    assert main(["hook", "valdoria/de.md", "--show-waived"]) == 0  # accepted once: no longer fails
    out = capsys.readouterr().out
    assert "[waived: reviewed by the desk (baseline: .consistency-baseline.json)]" in out
    assert main(["hook", "valdoria/de.md", "--no-baseline"]) == 1
    report = json.loads(_stdout(capsys, main, ["check", "valdoria/it.md", "valdoria/de.md", "valdoria/fr.md",
                                               "--format", "json"]))
    assert report["summary"]["verdict"] == "pass"  # check applies the project's baseline too
    assert [f["waived"]["source"] for f in report["flags"] if f["kind"] == "addition"] == ["baseline"]

    # an edit elsewhere in the file keeps the waiver (offsets move, the fingerprint does not)
    text = paths["de"].read_text(encoding="utf-8")
    paths["de"].write_text(text.replace("\n\n", "\n\n\n", 1), encoding="utf-8")
    assert main(["hook", "valdoria/de.md"]) == 0
    # a new divergence in another set still fails
    add_claim(other["de"])
    assert main(["hook", "more/second/de.md", "valdoria/de.md"]) == 1
    capsys.readouterr()
    # the waived claim's text changes: the waiver no longer applies
    paths["de"].write_text(paths["de"].read_text(encoding="utf-8").replace("Steuergeldern", "Geld"),
                           encoding="utf-8")
    assert main(["hook", "valdoria/de.md"]) == 1
    out = capsys.readouterr().out
    assert "addition high" in out and "Kritiker im Stadtrat" in out

    # baseline for some files only: their entries are replaced, the others kept
    before = {(e["path"], e["fingerprint"]) for e in data["findings"]}
    assert main(["baseline", "more/second/it.md"]) == 0
    after = json.loads((tmp_path / ".consistency-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {(e["path"], e["fingerprint"]) for e in after if e["path"].startswith("valdoria/")} == \
        {x for x in before if x[0].startswith("valdoria/")}
    assert any(e["path"] == "more/second/de.md" for e in after)
    assert main(["hook", "more/second/de.md"]) == 0


def _stdout(capsys, fn, argv) -> str:
    capsys.readouterr()
    fn(argv)
    return capsys.readouterr().out


def test_a_broken_baseline_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "b.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="b.json: is not a consistency baseline"):
        Baseline.load(path, root=tmp_path)
    assert len(Baseline.load(tmp_path / "missing.json", root=tmp_path)) == 0
