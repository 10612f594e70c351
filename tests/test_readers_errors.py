"""Broken real inputs: exit 2, one line naming the file and what to do, no report written."""
from __future__ import annotations

import pytest

from consistency.cli import main
from readers_builders import ARTICLES, docx_bytes, plain_text, xliff12

EN_TXT = plain_text(ARTICLES["en"])
EN, DE, FR = ARTICLES["en"], ARTICLES["de"][:7], ARTICLES["fr"]
GOOD_DOCX = docx_bytes(ARTICLES["de"])
BROKEN_XLIFF = xliff12(EN, DE, "en", "de").replace("</trans-unit>", "</trans-unt>", 1)
NO_TARGETS = xliff12(EN, DE, "en", "de").replace('<target state="translated">', "<note>").replace("</target>",
                                                                                                  "</note>")
OTHER_SOURCE = xliff12([(EN[0][0] + " today", "title"), *EN[1:]], FR, "en", "fr")

CASES = [
    # name, files {name: content}, file arguments, words the message must contain
    ("html without markup", {"de.html": "<<<>>> &&& </ Brücke"}, ["en.txt", "de.html"],
     ["de.html", "does not look like an HTML page"]),
    ("html cut off before the article", {
        "de.html": '<html><head><title>Brücke</title></head><body><nav><a href="/">Start</a></nav>'
                   '<div class="cookie-banner">Wir verwenden Cookies.</div><p'},
     ["en.txt", "de.html"], ["de.html", "no article text"]),
    ("html in an undecodable encoding", {"de.html": b"<html><body><p>" + bytes(range(0x80, 0x100)) * 3},
     ["en.txt", "de.html"], ["de.html", "UTF-8"]),
    ("truncated docx", {"de.docx": GOOD_DOCX[: len(GOOD_DOCX) // 2]}, ["en.txt", "de.docx"],
     ["de.docx", "damaged or cut off", ".docx"]),
    ("docx that is no zip", {"de.docx": "Die Brücke wird gebaut."}, ["en.txt", "de.docx"],
     ["de.docx", "not a Word .docx file"]),
    ("old .doc", {"de.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64}, ["en.txt", "de.doc"],
     ["de.doc", "Word 97-2003", "save it as .docx"]),
    ("xliff not well-formed", {"de.xlf": BROKEN_XLIFF}, ["de.xlf"], ["de.xlf", "not well-formed XML", "line "]),
    ("xml that is not xliff", {"de.xlf": "<?xml version='1.0'?><html><p>x</p></html>"}, ["de.xlf"],
     ["de.xlf", "not XLIFF"]),
    ("xliff without targets", {"de.xlf": NO_TARGETS}, ["de.xlf"], ["de.xlf", "no translations"]),
    ("tmx not well-formed", {"m.tmx": "<tmx version='1.4'><body><tu><tuv xml:lang='en'><seg>x</tu></body></tmx>"},
     ["m.tmx"], ["m.tmx", "not well-formed XML"]),
    ("text in no known encoding", {"de.txt": "Die Brücke ".encode("cp1252") + bytes(range(0x80, 0x100)) * 3},
     ["en.txt", "de.txt"], ["de.txt", "not valid UTF-8", "UTF-8"]),
    ("broken utf-16", {"de.txt": b"\xff\xfe" + "Brücke".encode("utf-16-le") + b"\x00\xd8"}, ["en.txt", "de.txt"],
     ["de.txt", "byte-order mark"]),
    ("targets of different sources", {"src-de.xlf": xliff12(EN, DE, "en", "de"), "src-fr.xlf": OTHER_SOURCE},
     ["src-de.xlf", "src-fr.xlf"], ["src-fr.xlf", "differs from the one in", "same source"]),
    ("one id for two versions", {"de.xlf": xliff12(EN, DE, "en", "de")}, ["en.txt", "x=de.xlf"],
     ["de.xlf", "holds 2 versions"]),
]


@pytest.mark.parametrize("name,files,args,words", CASES, ids=[c[0] for c in CASES])
def test_exit_2_one_clear_line_nothing_written(tmp_path, capsys, name, files, args, words):
    (tmp_path / "en.txt").write_text(EN_TXT, encoding="utf-8")
    for fname, content in files.items():
        path = tmp_path / fname
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    argv = [a.replace("=", f"={tmp_path}/") if "=" in a else str(tmp_path / a) for a in args]
    code = main(["check", *argv, "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert list(out.parent.iterdir()) == []


def test_a_page_with_only_furniture_is_refused(tmp_path, capsys):
    page = ('<html lang="de"><head><title>Start | Seeblatt</title></head><body><header><nav><a href="/">Start</a> '
            '<a href="/p">Politik</a></nav></header><div class="cookie-consent"><p>Wir verwenden Cookies, um '
            'Ihnen das beste Erlebnis auf unserer Website zu bieten.</p></div><main><article></article>'
            '<div id="comments"><h3>Schreibe einen Kommentar</h3><form><textarea></textarea></form></div></main>'
            '<footer><p>© 2025 Seeblatt. Alle Rechte vorbehalten.</p></footer></body></html>')
    (tmp_path / "de.html").write_text(page, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN_TXT, encoding="utf-8")
    code = main(["check", str(tmp_path / "en.txt"), str(tmp_path / "de.html")])
    assert code == 2
    assert "de.html: no article text" in capsys.readouterr().err


def test_the_readers_are_registered():
    from consistency.readers import READERS, load_all, reader_for

    load_all()
    assert {"text", "html", "docx", "xliff", "tmx"} <= set(READERS.names())
    for name, reader in [("a.HTML", "HtmlReader"), ("b.docx", "DocxReader"), ("c.xliff", "XliffReader"),
                         ("d.tmx", "TmxReader"), ("e.md", "TextReader"), ("f.unknown", "TextReader")]:
        assert type(reader_for(name)).__name__ == reader, name
