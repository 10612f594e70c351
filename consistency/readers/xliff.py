"""XLIFF 1.2 and 2.0: a bilingual file is two versions, its source and its target.

Each translation unit (``<trans-unit>``, ``<unit>``) is one paragraph of both
versions, in file order; a 2.0 unit's segments (and ignorables) are joined into
that paragraph, targets in their ``order``. Inline codes that stand for native
markup (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<x/>``, ``<sc/>``...) are left
out; ``<g>``, ``<pc>`` and ``<mrk>`` keep their text. Units marked
``translate="no"`` are skipped; a unit without a target is missing from the
target version only (untranslated text is reported as an omission). Roles come
from ``restype``/``type`` hints such as ``x-h1`` or ``caption`` where present,
else from layout (a short unpunctuated unit followed by body text is a heading;
first, the title). Languages come from the file (``source-language`` and
``target-language``, ``srcLang`` and ``trgLang``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import InputError
from . import READERS, Reading
from ._blocks import assemble, hinted_role, layout_roles
from ._xml import child, inline_text, join_segments, lang_tag, local, parse

_DROP_V1 = frozenset({"bpt", "ept", "ph", "it", "x", "bx", "ex"})
_DROP_V2 = frozenset({"ph", "sc", "ec", "sm", "em"})


@dataclass(frozen=True)
class Unit:
    """One translation unit: its source text, its target text (None when untranslated), a type hint."""

    source: str
    target: str | None
    hint: str | None = None


@READERS.register("xliff")
class XliffReader:
    """.xlf and .xliff (1.2 and 2.0): the source and the target version."""

    suffixes = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")

    def read(self, data: bytes, source: str) -> list[Reading]:
        root = parse(data, source, "XLIFF")
        if local(root) != "xliff":
            raise InputError(f"{source}: is XML but not XLIFF (its root element is <{local(root)}>); "
                             "give an XLIFF 1.2 or 2.0 file")
        version = root.get("version") or ""
        if version.startswith("2") or "document:2" in (root.tag or ""):
            src_lang, tgt_lang = lang_tag(root.get("srcLang")), lang_tag(root.get("trgLang"))
            units = list(_units_v2(root))
        else:
            src_lang, tgt_lang = _languages_v1(root, source)
            units = list(_units_v1(root))
        return bilingual(units, src_lang, tgt_lang, source, "XLIFF")


def bilingual(units: list[Unit], src_lang: str | None, tgt_lang: str | None, source: str,
              what: str) -> list[Reading]:
    """The two versions of a bilingual file, one paragraph per unit, roles shared by both sides."""
    units = [u for u in units if u.source.strip()]
    if not units:
        raise InputError(f"{source}: holds no translation units with text; give the {what} file of the article")
    if not any(u.target and u.target.strip() for u in units):
        raise InputError(f"{source}: holds no translations (every <target> is missing or empty); "
                         "translate it, or give the target version as its own file")
    layout = layout_roles([u.source for u in units])
    roles = [hinted_role(u.hint) or r for u, r in zip(units, layout)]
    src_text, src_blocks = assemble((u.source, r) for u, r in zip(units, roles))
    tgt_text, tgt_blocks = assemble((u.target or "", r) for u, r in zip(units, roles))
    src_id, tgt_id = src_lang, tgt_lang
    if src_lang and src_lang == tgt_lang:
        src_id, tgt_id = f"{src_lang}-source", f"{tgt_lang}-target"
    return [Reading(text=src_text, lang=src_lang, id=src_id, extracted=True, blocks=src_blocks),
            Reading(text=tgt_text, lang=tgt_lang, id=tgt_id, extracted=True, blocks=tgt_blocks)]


def _languages_v1(root: Any, source: str) -> tuple[str | None, str | None]:
    """The languages of an XLIFF 1.2 file's <file> elements, which must agree."""
    pairs = {(lang_tag(f.get("source-language")), lang_tag(f.get("target-language")))
             for f in root.iter() if local(f) == "file"}
    if len(pairs) > 1:
        listed = ", ".join(f"{a}->{b}" for a, b in sorted(pairs, key=str))
        raise InputError(f"{source}: its <file> elements have different languages ({listed}); "
                         "give one file per language pair")
    return next(iter(pairs), (None, None))


def _skipped(el: Any) -> bool:
    """``translate="no"`` on the element or a group around it."""
    return any(e.get("translate") == "no" for e in (el, *el.iterancestors()))


def _hint(el: Any, *attrs: str) -> str | None:
    for e in (el, *el.iterancestors()):
        for a in attrs:
            if e.get(a):
                return e.get(a)
    return None


def _units_v1(root: Any) -> Iterator[Unit]:
    for tu in root.iter():
        if local(tu) != "trans-unit" or _skipped(tu):
            continue
        src = child(tu, "source")
        if src is None:
            continue
        tgt = child(tu, "target")
        target = inline_text(tgt, _DROP_V1) if tgt is not None else None
        yield Unit(inline_text(src, _DROP_V1), target or None, _hint(tu, "restype", "resname"))


def _units_v2(root: Any) -> Iterator[Unit]:
    for unit in root.iter():
        if local(unit) != "unit" or _skipped(unit):
            continue
        sources: list[str] = []
        targets: list[tuple[int, int, str]] = []  # (position, file order, text)
        translated = False
        for i, part in enumerate(c for c in unit if local(c) in ("segment", "ignorable")):
            src, tgt = child(part, "source"), child(part, "target")
            sources.append(inline_text(src, _DROP_V2) if src is not None else "")
            if tgt is not None and (text := inline_text(tgt, _DROP_V2)):
                translated = translated or local(part) == "segment"
                try:
                    position = int(tgt.get("order") or i + 1)
                except ValueError:
                    position = i + 1
                targets.append((position, i, text))
            elif local(part) == "ignorable":
                targets.append((i + 1, i, sources[-1]))  # white space between sentences, untranslated
        target = join_segments([t for _, _, t in sorted(targets)]) if translated else None
        yield Unit(join_segments(sources), target, _hint(unit, "type", "name"))

