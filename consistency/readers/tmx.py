"""TMX: a translation memory of one article is one version per language, unit by unit.

Each ``<tu>`` is one paragraph of every language that has a ``<tuv>`` in it (a
unit without one language is missing from that version only). Inline codes
(``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) are left out, ``<hi>`` keeps its
text. The header's ``srclang`` comes first; other languages follow in the order
they first appear. Roles come from layout, as for XLIFF, judged on the source
language's text and shared by every version.
"""
from __future__ import annotations

from ..errors import InputError
from . import READERS, Reading
from ._blocks import assemble, layout_roles
from ._xml import XML_NS, child, inline_text, lang_tag, local, parse

_DROP = frozenset({"bpt", "ept", "ph", "it", "ut"})


@READERS.register("tmx")
class TmxReader:
    """.tmx: one version per language of the memory."""

    suffixes = (".tmx",)

    def read(self, data: bytes, source: str) -> list[Reading]:
        root = parse(data, source, "TMX")
        if local(root) != "tmx":
            raise InputError(f"{source}: is XML but not TMX (its root element is <{local(root)}>); give a TMX file")
        header = child(root, "header")
        srclang = lang_tag(header.get("srclang")) if header is not None else None
        units: list[dict[str, str]] = []
        order: list[str] = []
        for tu in root.iter():
            if local(tu) != "tu":
                continue
            texts: dict[str, str] = {}
            for tuv in tu:
                if local(tuv) != "tuv":
                    continue
                lang = lang_tag(tuv.get(f"{XML_NS}lang") or tuv.get("lang"))
                seg = child(tuv, "seg")
                if lang is None or seg is None or lang in texts:
                    continue
                texts[lang] = inline_text(seg, _DROP)
                if lang not in order:
                    order.append(lang)
            if any(t.strip() for t in texts.values()):
                units.append(texts)
        if not units:
            raise InputError(f"{source}: holds no translation units with text; give the TMX file of the article")
        if srclang in order:
            order.remove(srclang)
            order.insert(0, srclang)
        first = order[0]
        roles = layout_roles([u.get(first) or next(iter(u.values())) for u in units])
        readings = []
        for lang in order:
            text, blocks = assemble((u.get(lang, ""), r) for u, r in zip(units, roles))
            readings.append(Reading(text=text, lang=lang, id=lang, extracted=True, blocks=blocks))
        return readings
