"""Web pages: the article's text without the page around it, roles from the markup, the same findings
as from the plain text, and spans that reproduce the extracted text the report carries."""
from __future__ import annotations

import json

import pytest

import consistency
from conftest import SEED_LANGS, SEEDS
from consistency.read import read_path
from readers_builders import ARTICLES, FURNITURE, html_page, paragraphs_of, plain_text, write

LANGS = ["en", "de", "fr"]


def _flags(report) -> set[tuple[str, str, str]]:
    return {(f.kind, f.version, f.text) for f in report.flags}


def assert_spans_reproduce_extracted_text(report) -> None:
    """Every offset of an extracted version points into versions[].text, which the JSON carries."""
    data = report.to_dict()
    texts = {v["id"]: v["text"] for v in data["versions"]}
    assert all(v.get("extracted") for v in data["versions"])
    for s in data["segments"]:
        assert texts[s["version"]][s["start"]:s["end"]] == s["text"]
    for f in data["flags"]:
        assert texts[f["version"]][f["start"]:f["end"]] == f["text"]
        for c in f["counterparts"]:
            assert texts[c["version"]][c["start"]:c["end"]] == c["text"]
    json.dumps(data)


@pytest.fixture(scope="module")
def article_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    txt = [write(folder, f"{lang}.txt", plain_text(ARTICLES[lang])) for lang in LANGS]
    pages = [write(folder, f"{lang}.html", html_page(ARTICLES[lang], lang)) for lang in LANGS]
    return txt, pages


def test_page_furniture_dropped_roles_kept(article_files):
    _, pages = article_files
    (doc,) = read_path(pages[1])
    assert doc.extracted and doc.lang == "de"
    got = [(doc.text[b.start:b.end], b.role) for b in doc.blocks]
    assert got == ARTICLES["de"]
    for word in FURNITURE:
        assert word not in doc.text, word
    assert "not text" not in doc.text and "color" not in doc.text


def test_language_from_the_page_when_the_name_does_not_say_it(tmp_path):
    path = write(tmp_path, "story.html", html_page(ARTICLES["fr"], "fr"))
    (doc,) = read_path(path)
    assert doc.lang == "fr" and doc.id == "fr"


def test_a_template_language_is_overruled_by_the_text(tmp_path):
    page = html_page(ARTICLES["de"], "de").replace('<html lang="de">', '<html lang="en-US">')
    (doc,) = read_path(write(tmp_path, "story.html", page))
    assert doc.lang == "de"
    (doc,) = read_path(write(tmp_path, "story2.html", html_page(ARTICLES["de"], "de-AT")))
    assert doc.lang == "de-at"


def test_same_findings_as_plain_text(article_files):
    txt, pages = article_files
    from_txt = consistency.check(txt)
    from_html = consistency.check(pages)
    found = _flags(from_txt)
    assert any(k == "number" and v == "de" for k, v, _ in found), found  # 5,6 against 4.2 million
    assert any(k == "addition" and v == "de" and "Gericht" in t for k, v, _ in found for t in [_]), found
    assert _flags(from_html) == found
    assert_spans_reproduce_extracted_text(from_html)


def test_caption_title_alt_text_and_table(tmp_path):
    page = """<html lang="en"><head><title>Ferry timetable changes | Harbour Times</title></head><body>
    <nav><a href="/">Home</a></nav>
    <div class="entry-content">
    <p>The ferry company will change its timetable from May. Boats will leave every forty minutes instead of
    every half hour, the company said on Monday.</p>
    <p><img src="ferry.jpg" alt="The morning ferry leaving the harbour"></p>
    <p>Passengers' groups criticised the change. They say that commuters will lose time every day.</p>
    <table><tr><th>Line</th><th>Old</th><th>New</th></tr><tr><td>A</td><td>30 min</td><td>40 min</td></tr></table>
    <p>The company wants to save fuel. It has not said how much the change will save.</p>
    </div></body></html>"""
    (doc,) = read_path(write(tmp_path, "ferry.html", page))
    got = [(doc.text[b.start:b.end], b.role) for b in doc.blocks]
    assert got[0] == ("Ferry timetable changes", "title")  # no <h1>: the page title without the site name
    assert ("The morning ferry leaving the harbour", "caption") in got
    assert ("Line | Old | New", "body") in got and ("A | 30 min | 40 min", "body") in got
    assert "Home" not in doc.text


def test_declared_legacy_charset(tmp_path):
    page = html_page(ARTICLES["de"], "de").replace('charset="utf-8"', 'charset="windows-1252"')
    (doc,) = read_path(write(tmp_path, "de.html", page.encode("cp1252")))
    assert "Fußgängerbrücke" in doc.text and "Bürgermeisterin" in doc.text


def test_short_page_without_article_markup(tmp_path):
    """Too little text for the main-content extractor: every block of the cleaned page is read."""
    page = ("<html><body><div class='menu'><a href='/'>Start</a></div><h1>Pont fermé</h1>"
            "<p>Le pont est fermé jusqu'à lundi.</p></body></html>")
    (doc,) = read_path(write(tmp_path, "fr.html", page))
    assert [(doc.text[b.start:b.end], b.role) for b in doc.blocks] == [
        ("Pont fermé", "title"), ("Le pont est fermé jusqu'à lundi.", "body")]


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-pages")
    paths = []
    for lang in SEED_LANGS:
        text = (SEEDS / f"{lang}.txt").read_text(encoding="utf-8")
        paths.append(write(folder, f"{lang}.html", html_page(paragraphs_of(text, lang), lang)))
    return consistency.check(paths)


def _gold():
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


def assert_seed_findings(report) -> None:
    """What test_seeds.py asserts on the .txt seeds, with gold spans found again in the extracted text."""
    texts = {v.id: v.text for v in report.versions}
    for div in (d for d in _gold()["divergences"] if d["required"]):
        start = texts[div["version"]].find(div["text"])
        assert start >= 0, f"extraction lost {div['text'][:60]!r}"
        end = start + len(div["text"])
        hits = [f for f in report.flags if f.version == div["version"] and f.start < end and start < f.end]
        if div["kind"] == "entity":
            hits = [f for f in hits if f.kind in ("entity", "omission")]
        assert hits, f"no flag on {div['version']} over {div['text'][:60]!r}"
    for f in report.flags:
        assert not (f.version in ("it", "de", "pt", "fr") and f.severity == "high"), f.message
    for noise in _gold()["noise"]:
        start = texts[noise["version"]].find(noise["text"])
        if noise["kind"] == "boilerplate" and start < 0:
            continue  # page furniture the extraction dropped
        assert start >= 0, noise["text"]
        end = start + len(noise["text"])
        roles = {s.role for s in report.segments if s.version == noise["version"] and s.start < end and start < s.end}
        assert roles == {noise["kind"]}, (noise["text"], roles)
        assert not [f for f in report.flags if f.version == noise["version"] and f.start < end and start < f.end
                    and f.start != f.end]


def test_seeds_as_pages_give_the_required_findings(seed_pages):
    assert_seed_findings(seed_pages)
    assert_spans_reproduce_extracted_text(seed_pages)


def test_line_breaks_inside_a_paragraph_are_kept(tmp_path):
    page = ("<html lang='en'><body><nav><a href='/'>Home</a></nav><article><h1>Ferry timetable</h1>"
            "<p>Boats will leave every forty minutes.<br>The company said so on Monday.<br>Short line.</p>"
            "<p>Passengers' groups criticised the change. They say commuters will lose time every day.</p>"
            "</article></body></html>")
    (doc,) = read_path(write(tmp_path, "en.html", page))
    assert doc.text.split("\n\n")[1] == "Boats will leave every forty minutes.\nThe company said so on Monday.\nShort line."
