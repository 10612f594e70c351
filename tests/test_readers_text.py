"""Plain text in the encodings editors actually send, CRLF line ends, and Markdown front matter."""
from __future__ import annotations

import codecs

import pytest

import consistency
from consistency.errors import InputError
from consistency.read import read_path
from consistency.readers.text import decode_bytes
from readers_builders import ARTICLES, plain_text, write

# Text written for these tests, in the languages legacy code pages are still used for.
SAMPLES = {
    "de": "Die Gemeinde hat den neuen Radweg genehmigt. Größere Straßen folgen später, sagte die Bürgermeisterin.",
    "fr": "La commune a approuvé le nouveau plan vélo. Les travaux commenceront à l'été, a-t-elle précisé.",
    "it": "Il comune ha approvato il nuovo piano. I lavori inizieranno più tardi, perché è già autunno.",
    "pt": "A câmara aprovou o novo plano de ciclovias. As obras começarão em março, disse o presidente.",
    "pl": "Gmina zatwierdziła nowy plan rowerowy. Prace rozpoczną się w marcu, powiedział burmistrz miasta.",
    "cs": "Obec schválila nový plán pro cyklisty. Práce začnou v březnu, řekl starosta města.",
    "ru": "Городской совет одобрил новый план. Работы начнутся в марте, сказал мэр города.",
    "el": "Το δημοτικό συμβούλιο ενέκρινε το νέο σχέδιο. Οι εργασίες θα ξεκινήσουν τον Μάρτιο.",
    "tr": "Belediye yeni bisiklet planını onayladı. Çalışmalar mart ayında başlayacak, dedi başkan.",
}
LEGACY = [("de", "cp1252"), ("de", "latin-1"), ("fr", "cp1252"), ("it", "cp1252"), ("pt", "cp1252"),
          ("pl", "cp1250"), ("pl", "iso8859_2"), ("cs", "cp1250"), ("ru", "cp1251"), ("ru", "koi8_r"),
          ("el", "cp1253"), ("tr", "cp1254")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32"])
def test_unicode_with_and_without_byte_order_mark(encoding):
    text = SAMPLES["pl"] + "\r\n" + SAMPLES["de"]
    data = (codecs.BOM_UTF16_BE + text.encode("utf-16-be")) if encoding == "utf-16-be-bom" else text.encode(encoding)
    assert decode_bytes(data, "x.txt").text == text


@pytest.mark.parametrize("lang,encoding", LEGACY, ids=[f"{lang}-{enc}" for lang, enc in LEGACY])
def test_legacy_encoding_detected(lang, encoding):
    decoded = decode_bytes(SAMPLES[lang].encode(encoding), f"{lang}.txt")
    assert decoded.text == SAMPLES[lang]
    assert not decoded.utf8


def test_undecodable_bytes_are_refused():
    data = "Die Gemeinde hat ".encode() + bytes(range(0x80, 0x100)) * 3
    with pytest.raises(InputError, match=r"x\.txt: is not valid UTF-8 .* re-save the file as UTF-8"):
        decode_bytes(data, "x.txt")


def test_bad_utf16_after_its_byte_order_mark_is_refused():
    with pytest.raises(InputError, match="UTF-16-LE byte-order mark but is not valid"):
        decode_bytes(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8", "x.txt")


def test_offsets_of_non_utf8_versions_count_decoded_characters(tmp_path):
    """UTF-16 and a legacy code page with CRLF: the same findings as UTF-8, at offsets into the decoded text."""
    en = write(tmp_path, "en.txt", plain_text(ARTICLES["en"]).encode("utf-16"))
    de_text = plain_text(ARTICLES["de"]).replace("\n", "\r\n")
    de = write(tmp_path, "de.txt", de_text.encode("cp1252"))
    fr = write(tmp_path, "fr.txt", plain_text(ARTICLES["fr"]))
    report = consistency.check([en, de, fr])
    texts = {"en": plain_text(ARTICLES["en"]), "de": de_text, "fr": plain_text(ARTICLES["fr"])}
    assert any(f.kind == "number" and f.version == "de" for f in report.flags)
    for f in report.flags:
        assert texts[f.version][f.start:f.end] == f.text
    for s in report.segments:
        assert texts[s.version][s.start:s.end] == s.text
    versions = report.to_dict()["versions"]
    assert "extracted" not in versions[1]
    # the report says which encoding each file was read in, so an editor can tell a mis-saved file
    # (de's bytes decode identically in cp1252 and cp1250: either is a true answer)
    assert versions[0]["encoding"] == "utf-16-le" and versions[2]["encoding"] == "utf-8"
    assert versions[1]["encoding"] in ("cp1252", "cp1250", "latin-1")


def test_crlf_files_keep_exact_offsets(tmp_path, seed_paths, seeds_report):
    """The seeds with CRLF line ends: the same flags, at offsets shifted by one per preceding line end."""
    paths = []
    texts = {}
    for p in seed_paths:
        text = p.read_text(encoding="utf-8")
        texts[p.stem] = text
        paths.append(write(tmp_path, p.name, text.replace("\n", "\r\n")))
    crlf = consistency.check(paths)

    def shifted(version: str, offset: int) -> int:
        return offset + texts[version].count("\n", 0, offset)

    expected = {(f.kind, f.version, shifted(f.version, f.start), shifted(f.version, f.end)) for f in seeds_report.flags}
    assert {(f.kind, f.version, f.start, f.end) for f in crlf.flags} == expected
    for f in crlf.flags:
        raw = open(next(p for p in paths if p.endswith(f"{f.version}.txt")), encoding="utf-8", newline="").read()
        assert raw[f.start:f.end] == f.text


FRONT = {
    "en": ("---\ntitle: \"New footbridge for the old harbour\"\ndescription: The bridge will cost 4.2 million "
           "euros.\nauthor: Desk\n---\n\n"),
    "de": ("---\ntitle: \"Neue Fußgängerbrücke für den alten Hafen\"\ndescription: Die Brücke wird 5,6 Millionen "
           "Euro kosten.\nauthor: Desk\n---\n\n"),
}


def test_markdown_front_matter_is_checked_with_title_and_heading_roles(tmp_path):
    paths = []
    for lang in ("en", "de"):
        body = "\n\n".join(t for t, r in ARTICLES[lang][1:7] if r == "body")
        paths.append(write(tmp_path, f"story.{lang}.md", FRONT[lang] + body + "\n"))
    (doc,) = read_path(paths[1])
    assert not doc.extracted
    report = consistency.check(paths)
    segs = [s for s in report.segments if s.version == "de"]
    assert (segs[0].text, segs[0].role) == ("Neue Fußgängerbrücke für den alten Hafen", "title")
    assert (segs[1].text, segs[1].role) == ("Die Brücke wird 5,6 Millionen Euro kosten.", "heading")
    assert "author" not in " ".join(s.text for s in report.segments)
    assert any(f.kind == "number" and f.version == "de" and f.start < segs[1].end and segs[1].start < f.end
               for f in report.flags), [f.message for f in report.flags]
