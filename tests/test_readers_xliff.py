"""XLIFF 1.2, XLIFF 2.0 and TMX: bilingual and multilingual files become versions unit by unit;
several target files of one source are one set with the source once."""
from __future__ import annotations

import re

import pytest

import consistency
from consistency.errors import UsageError
from consistency.read import read_path, read_versions
from readers_builders import ARTICLES, plain_text, tmx, write, xliff12, xliff20
from test_readers_html import _flags, assert_spans_reproduce_extracted_text

EN, FR = ARTICLES["en"], ARTICLES["fr"]
# one unit per paragraph: de's extra closing sentence goes into its last unit, as a translator would add it
DE = ARTICLES["de"][:6] + [(ARTICLES["de"][6][0] + " " + ARTICLES["de"][7][0], "body")]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain")
    paths = {lang: write(folder, f"{lang}.txt", plain_text(a)) for lang, a in (("en", EN), ("de", DE), ("fr", FR))}
    return paths, consistency.check([paths["en"], paths["de"], paths["fr"]])


def test_xliff12_units_roles_and_inline_codes(tmp_path):
    src, tgt = read_path(write(tmp_path, "story.xlf", xliff12(EN, DE, "en", "de")))
    assert (src.id, src.lang, tgt.id, tgt.lang) == ("en", "en", "de", "de")
    assert [(src.text[b.start:b.end], b.role) for b in src.blocks] == EN
    assert [(tgt.text[b.start:b.end], b.role) for b in tgt.blocks] == DE


def test_roles_from_layout_without_hints(tmp_path):
    src, tgt = read_path(write(tmp_path, "story.xlf", xliff12(EN, DE, "en", "de", hints=False)))
    # without restype hints the caption line reads as a heading: only the markup can say it is a caption
    assert [b.role for b in src.blocks] == ["title", "body", "heading", "heading", "body", "body", "body"]
    assert [b.role for b in tgt.blocks] == [b.role for b in src.blocks]


def test_xliff20_segments_ignorables_order_and_codes(tmp_path):
    data = """<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-GB" trgLang="fr-FR">
<file id="f"><group id="g" type="x:h1"><unit id="t"><segment><source>Bridge approved</source>
<target>Pont approuvé</target></segment></unit></group>
<unit id="u"><segment><source>It costs <pc id="1">4.2</pc> million<ph id="p"/>.</source>
<target order="3">Il coûte <pc id="1">4,2</pc> millions d<cp hex="2019"/>euros.</target></segment>
<ignorable><source> </source></ignorable>
<segment><source>Work starts in March.</source><target order="1">Les travaux commencent en mars.</target></segment>
</unit>
<unit id="n" translate="no"><segment><source>ID-4711</source></segment></unit>
</file></xliff>"""
    src, tgt = read_path(write(tmp_path, "x.xlf", data))
    assert (src.id, tgt.id) == ("en-gb", "fr-fr")
    assert src.text == "Bridge approved\n\nIt costs 4.2 million. Work starts in March."
    assert tgt.text == "Pont approuvé\n\nLes travaux commencent en mars. Il coûte 4,2 millions d\u2019euros."
    assert [b.role for b in tgt.blocks] == ["title", "body"]


@pytest.mark.parametrize("build", [xliff12, xliff20], ids=["xliff-1.2", "xliff-2.0"])
def test_same_findings_as_plain_text(tmp_path, plain, build):
    paths, from_txt = plain
    xlf = write(tmp_path, "story.xlf", build(EN, DE, "en", "de"))
    from_xlf = consistency.check([xlf])
    txt_pair = consistency.check([paths["en"], paths["de"]])
    assert any(f.kind == "number" and f.version == "de" for f in txt_pair.flags)
    assert _flags(from_xlf) == _flags(txt_pair)
    assert_spans_reproduce_extracted_text(from_xlf)


def test_several_targets_of_one_source_are_one_set(tmp_path, plain):
    _, from_txt = plain
    de = write(tmp_path, "src-de.xlf", xliff12(EN, DE, "en", "de"))
    fr = write(tmp_path, "src-fr.xlf", xliff20(EN, FR, "en", "fr"))
    docs = read_versions([de, fr])
    assert [d.id for d in docs] == ["en", "de", "fr"]
    report = consistency.check([de, fr])
    assert [v.id for v in report.versions] == ["en", "de", "fr"]
    assert _flags(report) == _flags(from_txt)
    assert_spans_reproduce_extracted_text(report)


def test_targets_of_different_sources_are_refused(tmp_path):
    de = write(tmp_path, "src-de.xlf", xliff12(EN, DE, "en", "de"))
    changed = [(EN[0][0] + " today", "title"), *EN[1:]]
    fr = write(tmp_path, "src-fr.xlf", xliff12(changed, FR, "en", "fr"))
    with pytest.raises(UsageError, match="src-fr.xlf.*differs from the one in .*src-de.xlf"):
        read_versions([de, fr])


def test_untranslated_unit_is_reported(tmp_path):
    xml, n = re.subn(r'(<trans-unit id="6".*?</source>)<target[^>]*>.*?</target>', r"\1",
                     xliff12(EN, DE, "en", "de"))
    assert n == 1
    report = consistency.check([write(tmp_path, "story.xlf", xml)])
    src = next(v for v in report.versions if v.id == "en")
    start = src.text.index(EN[5][0])
    end = start + len(EN[5][0])
    spans = [(f.version, f.start, f.end) for f in report.flags]
    spans += [(c.version, c.start, c.end) for f in report.flags if f.kind == "omission" for c in f.counterparts]
    assert any(v == "en" and a < end and start < b for v, a, b in spans), [f.message for f in report.flags]


def test_tmx_one_version_per_language(tmp_path, plain):
    _, from_txt = plain
    path = write(tmp_path, "story.tmx", tmx({"de": DE, "en": EN, "fr": FR}, "en"))
    docs = read_versions([path])
    assert [d.id for d in docs] == ["en", "de", "fr"]  # srclang first
    assert [(docs[1].text[b.start:b.end]) for b in docs[1].blocks] == [t for t, _ in DE]
    report = consistency.check([path])
    assert _flags(report) == _flags(from_txt)
    assert_spans_reproduce_extracted_text(report)


def test_tmx_inline_codes_and_missing_language(tmp_path):
    data = """<?xml version="1.0"?><tmx version="1.4"><header srclang="*all*" segtype="sentence" o-tmf="x"
adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>bridge<ept i="1">&lt;/b&gt;</ept> opens.</seg></tuv>
<tuv xml:lang="de-DE"><seg>Die <hi>Brücke</hi> öffnet.<ph>&lt;br/&gt;</ph></seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Only in English.</seg></tuv></tu></body></tmx>"""
    en, de = read_path(write(tmp_path, "m.tmx", data))
    assert (en.id, de.id) == ("en-us", "de-de")
    assert en.text == "The bridge opens.\n\nOnly in English."
    assert de.text == "Die Brücke öffnet."
