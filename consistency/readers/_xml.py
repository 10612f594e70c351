"""Helpers for the XML translation formats (XLIFF, TMX): a safe parser and inline-markup-aware text."""
from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ._blocks import collapse, optional

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def parse(data: bytes, source: str, what: str) -> Any:
    """The root element of an XML file; no DTDs, external entities or network access."""
    etree = optional("lxml.etree", source, what)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise InputError(f"{source}: is not well-formed XML ({line}{exc.msg}); "
                         f"export the {what} file again from the translation tool") from None
    if root is None:
        raise InputError(f"{source}: holds no XML element; give a {what} file")
    return root


def local(el: Any) -> str:
    """An element's tag without its namespace ("" for comments and processing instructions)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def children(el: Any, name: str) -> list[Any]:
    """Direct children with this local name, whatever their namespace."""
    return [c for c in el if local(c) == name]


def child(el: Any, name: str) -> Any | None:
    found = children(el, name)
    return found[0] if found else None


def preserves_space(el: Any) -> bool:
    """Whether ``xml:space="preserve"`` applies to the element."""
    for e in (el, *el.iterancestors()):
        value = e.get(f"{XML_NS}space")
        if value is not None:
            return value == "preserve"
    return False


def inline_text(el: Any, drop: frozenset[str]) -> str:
    """The translatable text of a segment element: the content of inline codes named in ``drop``
    (native markup such as ``<bpt>``, ``<ph>``) left out, the content of others (``<g>``, ``<mrk>``,
    ``<pc>``, ``<hi>``) kept, ``<cp hex="..."/>`` as its character; white space collapsed unless
    ``xml:space="preserve"``."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        parts.append(e.text or "")
        for c in e:
            name = local(c)
            if name == "cp":
                try:
                    parts.append(chr(int(c.get("hex", ""), 16)))
                except (ValueError, OverflowError):
                    pass
            elif name and name not in drop:
                walk(c)
            parts.append(c.tail or "")

    walk(el)
    text = "".join(parts)
    return text.strip() if preserves_space(el) else collapse(text)


def lang_tag(value: str | None) -> str | None:
    """A language tag as the reports spell it (``de-DE`` -> ``de-de``), or None when it is not one."""
    value = (value or "").strip()
    return value.replace("_", "-").lower() if _LANG_RE.match(value) else None


def join_segments(parts: list[str]) -> str:
    """Sentences of one unit joined, with a space where neither side brings white space."""
    out = ""
    for p in parts:
        if out and p and not out[-1].isspace() and not p[0].isspace():
            out += " "
        out += p
    return out
