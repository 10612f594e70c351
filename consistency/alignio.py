"""What ``consistency align`` produces: an alignment of two or more versions, and its file formats.

Formats (``ALIGN_FORMATS``): ``json`` (groups of segment ids with spans, plus each
pair's beads), ``tsv`` (one row per group, one text column per version), ``tmx``
(TMX 1.4, one translation unit per group that two or more versions share, which a
CAT tool imports as a translation memory) and ``beads`` (two versions only: a
JSON list of ``[[source indices], [target indices]]``, 0-based; with pre-split
input the indices are line numbers, the shape of Text+Berg's ``gold.json``).
Also ``presplit``: a document read as one sentence per line, kept as given.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable
from xml.etree import ElementTree as ET

from .align import Alignment
from .types import Document, Segment

SCHEMA = "consistency-alignment/1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class AlignResult:
    """An alignment of versions with everything its formats need."""

    documents: tuple[Document, ...]
    segments: dict[str, list[Segment]]  # version id -> segments in reading order
    alignment: Alignment
    model: str
    lines: dict[str, list[int]] = field(default_factory=dict)  # pre-split: segment index -> line number
    timings: dict[str, float] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def versions(self) -> list[str]:
        return [d.id for d in self.documents]

    def index_of(self, version: str, seg_index: int) -> int:
        """The number a bead shows for a segment: its line with pre-split input, else its index."""
        lines = self.lines.get(version)
        return lines[seg_index] if lines else seg_index

    def pair_beads(self, a: str, b: str) -> list[list[list[int]]]:
        """Beads of versions ``a`` and ``b`` as ``[[a indices], [b indices]]`` in ``a``'s order."""
        key = (a, b) if (a, b) in self.alignment.beads else (b, a)
        out = []
        for bead in self.alignment.beads.get(key, []):
            src, tgt = (bead.src, bead.tgt) if key == (a, b) else (bead.tgt, bead.src)
            out.append([[self.index_of(a, i) for i in src], [self.index_of(b, j) for j in tgt]])
        if key != (a, b):
            out.sort(key=lambda bd: (bd[0][0] if bd[0] else -1, bd[1][0] if bd[1] else -1))
        return out


def presplit(doc: Document) -> tuple[list[Segment], list[int]]:
    """One segment per non-blank line, text and offsets exactly as given; blank lines end paragraphs.

    Returns the segments and, for each, its 0-based line number in the file.
    """
    segs: list[Segment] = []
    lines: list[int] = []
    pos = 0
    paragraph = 0
    blank_before = False
    for number, line in enumerate(doc.text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if end > start and line.endswith("\r"):
            end -= 1
        if not doc.text[start:end].strip():
            blank_before = True
            continue
        if blank_before and segs:
            paragraph += 1
        blank_before = False
        segs.append(Segment(id=f"{doc.id}:{len(segs)}", version=doc.id, index=len(segs), paragraph=paragraph,
                            start=start, end=end, text=doc.text[start:end], role="body"))
        lines.append(number)
    return segs, lines


def _members(result: AlignResult, members: tuple[str, ...]) -> dict[str, list[Segment]]:
    index = {s.id: s for segs in result.segments.values() for s in segs}
    out: dict[str, list[Segment]] = {v: [] for v in result.versions}
    for m in members:
        out[index[m].version].append(index[m])
    return out


def _joined(segs: list[Segment]) -> str:
    return " ".join(" ".join(s.text.split()) for s in segs)


def to_json(result: AlignResult) -> str:
    groups = []
    for g in result.alignment.groups:
        per = _members(result, g.members)
        groups.append({
            "group": g.id,
            "score": round(g.score, 4),
            "members": {v: [{"id": s.id, "index": result.index_of(v, s.index), "start": s.start, "end": s.end,
                             "text": s.text} for s in segs] for v, segs in per.items() if segs},
        })
    pairs = [{"a": a, "b": b, "reordered": result.alignment.reordered.get((a, b), False),
              "beads": result.pair_beads(a, b)} for a, b in result.alignment.beads]
    data = {
        "schema": SCHEMA,
        "model": result.model,
        "options": result.options,
        "versions": [{"id": d.id, "lang": d.lang, "source": d.source, "segments": len(result.segments[d.id]),
                      "pre_split": d.id in result.lines} for d in result.documents],
        "groups": groups,
        "pairs": pairs,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_tsv(result: AlignResult) -> str:
    """One row per group: group, score, then per version the segment indices and the text."""
    vs = result.versions
    rows = ["\t".join(["group", "score"] + [c for v in vs for c in (f"{v}.ids", v)])]
    for g in result.alignment.groups:
        per = _members(result, g.members)
        cells = [str(g.id), f"{g.score:.4f}"]
        for v in vs:
            cells.append(",".join(str(result.index_of(v, s.index)) for s in per[v]))
            cells.append(_joined(per[v]).replace("\t", " "))
        rows.append("\t".join(cells))
    return "\n".join(rows) + "\n"


def _xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")


def _tmx_lang(lang: str) -> str:
    """``pt-br`` -> ``pt-BR`` (RFC 4646 case)."""
    parts = lang.replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def to_tmx(result: AlignResult) -> str:
    """TMX 1.4: one <tu> per group that at least two versions share, one <tuv> per version in it."""
    from . import __version__

    langs = {d.id: _tmx_lang(d.lang) for d in result.documents}
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "consistency", "creationtoolversion": __version__, "segtype": "block",
        "o-tmf": "consistency-alignment", "adminlang": "en", "srclang": langs[result.versions[0]],
        "datatype": "plaintext",
    })
    body = ET.SubElement(root, "body")
    for g in result.alignment.groups:
        per = {v: segs for v, segs in _members(result, g.members).items() if segs}
        if len(per) < 2:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(g.id))
        prop = ET.SubElement(tu, "prop", type="x-score")
        prop.text = f"{g.score:.4f}"
        for v in result.versions:
            if v not in per:
                continue
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: langs[v]})
            seg = ET.SubElement(tuv, "seg")
            seg.text = _xml_text(_joined(per[v]))
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_beads(result: AlignResult) -> str:
    vs = result.versions
    return json.dumps(result.pair_beads(vs[0], vs[1])) + "\n"


ALIGN_FORMATS: dict[str, Callable[[AlignResult], str]] = {
    "json": to_json,
    "tsv": to_tsv,
    "tmx": to_tmx,
    "beads": to_beads,
}
