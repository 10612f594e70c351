"""Word documents: paragraphs in order, roles from styles, tables and footnotes, the same findings
as from the plain text."""
from __future__ import annotations

import io

import pytest

import consistency
from conftest import SEED_LANGS, SEEDS
from consistency.read import read_path
from readers_builders import ARTICLES, docx_bytes, paragraphs_of, plain_text, write
from test_readers_html import LANGS, _flags, assert_seed_findings, assert_spans_reproduce_extracted_text


def test_styles_table_footnote(tmp_path):
    table = [["Year", "Cost"], ["2026", "1.5 million"]]
    note = "Figures from the council's budget report."
    (doc,) = read_path(write(tmp_path, "en.docx", docx_bytes(ARTICLES["en"], footnote=note, table=table)))
    got = [(doc.text[b.start:b.end], b.role) for b in doc.blocks]
    body = ARTICLES["en"]
    assert got == [body[0], body[1], ("Year | Cost", "body"), ("2026 | 1.5 million", "body"), *body[2:],
                   (note, "body")]
    assert doc.extracted and doc.lang == "en"


def test_tracked_changes_and_fields(tmp_path):
    """Inserted runs count, deleted text and field codes do not; tabs and line breaks are kept."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("The bridge will cost ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>3.9</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>4.2</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve"> million euros</w:t><w:tab/><w:t>(est.)</w:t>'
                          '<w:br/><w:instrText> PAGE </w:instrText><w:t>Next line.</w:t></w:r>'))
    buf = io.BytesIO()
    d.save(buf)
    (doc,) = read_path(write(tmp_path, "en.docx", buf.getvalue()))
    assert doc.text == "The bridge will cost 4.2 million euros\t(est.)\nNext line."


def test_first_heading_is_the_title_without_a_title_style(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Ferry timetable changes in May", level=1)
    d.add_paragraph("Boats will leave every forty minutes instead of every half hour.")
    d.add_heading("Criticism", level=2)
    d.add_paragraph("Passengers' groups criticised the change.")
    buf = io.BytesIO()
    d.save(buf)
    (doc,) = read_path(write(tmp_path, "en.docx", buf.getvalue()))
    assert [b.role for b in doc.blocks] == ["title", "body", "heading", "body"]


def test_same_findings_as_plain_text(tmp_path):
    txt = [write(tmp_path, f"{lang}.txt", plain_text(ARTICLES[lang])) for lang in LANGS]
    docs = [write(tmp_path, f"{lang}.docx", docx_bytes(ARTICLES[lang])) for lang in LANGS]
    from_txt = consistency.check(txt)
    from_docx = consistency.check(docs)
    assert any(f.kind == "number" and f.version == "de" for f in from_txt.flags)
    assert _flags(from_docx) == _flags(from_txt)
    assert_spans_reproduce_extracted_text(from_docx)


@pytest.fixture(scope="module")
def seed_documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-docx")
    paths = []
    for lang in SEED_LANGS:
        text = (SEEDS / f"{lang}.txt").read_text(encoding="utf-8")
        paths.append(write(folder, f"{lang}.docx", docx_bytes(paragraphs_of(text, lang))))
    return consistency.check(paths)


def test_seeds_as_word_documents_give_the_required_findings(seed_documents):
    assert_seed_findings(seed_documents)
    assert_spans_reproduce_extracted_text(seed_documents)
