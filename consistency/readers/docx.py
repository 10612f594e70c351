"""Word documents (.docx): paragraphs in reading order, roles from paragraph styles.

``python-docx`` opens the package and resolves styles; the text of each paragraph
is read from its XML as Word shows it with tracked changes accepted (inserted
runs kept, deleted text and field codes left out, hyperlinks and field results
kept). Styles give the role: Title (or, without one, a first Heading 1) is the
title, Subtitle, Heading n and outline levels are headings, Caption is a caption,
table-of-contents entries are boilerplate. Tables are read row by row;
footnotes and endnotes follow the body. Headers, footers and comments are not
article text. Offsets refer to the extracted text.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator

from ..errors import InputError
from . import READERS, Reading
from ._blocks import assemble, optional, row_pieces

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
# Elements whose content is not shown as the paragraph's text (deleted text, field codes,
# drawings and text boxes, which are anchored objects, not the paragraph's words).
_SKIP = frozenset({"del", "moveFrom", "instrText", "delText", "drawing", "pict", "AlternateContent", "object",
                   "rPr", "pPr", "footnoteReference", "endnoteReference", "commentReference"})


@READERS.register("docx")
class DocxReader:
    """.docx: a Word document's text, with roles from its paragraph styles."""

    suffixes = (".docx", ".docm", ".dotx", ".doc")

    def read(self, data: bytes, source: str) -> list[Reading]:
        if source.lower().endswith(".doc") and not data.startswith(b"PK"):
            raise InputError(f"{source}: is a Word 97-2003 .doc file, which cannot be read; "
                             "open it in Word and save it as .docx")
        text, blocks = extract(data, source)
        return [Reading(text=text, extracted=True, blocks=blocks)]


def extract(data: bytes, source: str) -> tuple[str, tuple]:
    """The document's text and its blocks with roles."""
    docx = optional("docx", source, "Word documents")
    if not data.startswith(b"PK"):
        raise InputError(f"{source}: is not a Word .docx file (a .docx is a zip archive; this is not one); "
                         "open it in Word and save it as .docx")
    try:
        document = docx.Document(io.BytesIO(data))
        pieces = list(_body_pieces(document.element.body, document))
        pieces += list(_note_pieces(document))
    except InputError:
        raise
    except zipfile.BadZipFile:
        raise InputError(f"{source}: is not a readable Word document (its zip archive is damaged or cut off); "
                         "open it in Word and save it again as .docx") from None
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken package
        raise InputError(f"{source}: is not a readable Word document ({type(exc).__name__}: "
                         f"{str(exc)[:120]}); open it in Word and save it again as .docx") from None
    if not any(role == "title" for _, role in pieces):
        first = next((i for i, (t, _) in enumerate(pieces) if t.strip()), None)
        if first is not None and pieces[first][1] == "heading":
            pieces[first] = (pieces[first][0], "title")
    text, blocks = assemble(pieces)
    if not text:
        raise InputError(f"{source}: this Word document holds no text; give the document with the article")
    return text, blocks


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def paragraph_text(p: Any) -> str:
    """A <w:p>'s text as shown, tracked changes accepted."""
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            name = _local(child)
            if name in _SKIP:
                continue
            if name == "t":
                out.append(child.text or "")
            elif name == "tab":
                out.append("\t")
            elif name in ("br", "cr"):
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("\u2011")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _style_role(p: Any, document: Any) -> str:
    """The role a paragraph's style (and the styles it is based on) or its outline level gives."""
    from docx.text.paragraph import Paragraph

    try:
        style = Paragraph(p, document).style
    except (KeyError, ValueError):
        style = None
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").lower()
        if name == "title":
            return "title"
        if name in ("subtitle", "heading") or re.match(r"heading \d", name):
            return "heading"
        if name == "caption":
            return "caption"
        if name.startswith("toc ") or name == "toc heading":
            return "boilerplate"
        style = style.base_style
        seen += 1
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    if outline is not None and (outline.get(f"{W}val") or "9") < "9":
        return "heading"
    return "body"


def _body_pieces(container: Any, document: Any) -> Iterator[tuple[str, str]]:
    """(text, role) of a body's paragraphs and tables in reading order."""
    for child in container:
        name = _local(child)
        if name == "p":
            yield paragraph_text(child), _style_role(child, document)
        elif name == "tbl":
            for row in child.findall(f"{W}tr"):
                cells = []
                for tc in row.findall(f"{W}tc"):
                    cells.append("\n".join(t for t in (paragraph_text(p) for p in tc.iter(f"{W}p")) if t.strip()))
                yield from row_pieces(cells)
        elif name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"):
            yield from _body_pieces(child, document)


def _note_pieces(document: Any) -> Iterator[tuple[str, str]]:
    """Footnotes, then endnotes (separators left out), as body paragraphs."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for reltype, tag in ((_FOOTNOTES, "footnote"), (_ENDNOTES, "endnote")):
        for rel in document.part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            root = etree.fromstring(rel.target_part.blob, parser)
            for note in root.iter(f"{W}{tag}"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                for p in note.iter(f"{W}p"):
                    yield paragraph_text(p), "body"
