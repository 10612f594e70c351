"""Helpers for readers of structured formats: extracted text assembled from blocks, roles guessed
from layout, optional dependencies imported with a clear error."""
from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Iterable, Iterator, Sequence

from ..errors import InputError
from ..types import Block

BLOCK_SEPARATOR = "\n\n"  # between the blocks of an extracted text: one paragraph per block
HEADING_MAX_CHARS = 150  # a unit longer than this is body text, whatever its punctuation
CELL_MAX_CHARS = 200  # table rows with longer cells are read cell by cell, not as one line
CELL_SEPARATOR = " | "
_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")  # HTML/XML white space; no-break spaces are content
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]*]*$")


def collapse(text: str) -> str:
    """Runs of markup white space as one space, ends stripped (how a browser shows text)."""
    return _SPACE_RE.sub(" ", text).strip()


def assemble(pieces: Iterable[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """One text from (text, role) pieces, blank-line separated, and the block of each non-empty piece."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for text, role in pieces:
        text = text.strip()
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(text)
        blocks.append(Block(pos, pos + len(text), role))
        pos += len(text)
    return "".join(parts), tuple(blocks)


def row_pieces(cells: Sequence[str]) -> Iterator[tuple[str, str]]:
    """A table row as one body block ("a | b | c") when its cells are short, else one block per cell."""
    cells = [c.strip() for c in cells if c.strip()]
    if not cells:
        return
    if all(len(c) <= CELL_MAX_CHARS and "\n" not in c for c in cells):
        deduped = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]  # merged cells repeat
        yield CELL_SEPARATOR.join(deduped), "body"
    else:
        for c in cells:
            yield c, "body"


def layout_roles(texts: Sequence[str]) -> list[str]:
    """Roles for units whose format does not say them (translation units): a short unit without
    final punctuation is a heading when body text follows it, and the title when it comes first."""
    roles = ["body"] * len(texts)
    short = [len(t) <= HEADING_MAX_CHARS and bool(t.strip()) and not _FINAL_PUNCT_RE.search(t.rstrip())
             for t in texts]
    body_after = False
    for i in range(len(texts) - 1, -1, -1):
        if short[i] and body_after:
            roles[i] = "heading"
        elif not short[i] and texts[i].strip():
            body_after = True
    first = next((i for i, t in enumerate(texts) if t.strip()), None)
    if first is not None and roles[first] == "heading":
        roles[first] = "title"
    return roles


def hinted_role(hint: str | None) -> str | None:
    """The role a format's type hint names (XLIFF ``restype``/``type``, e.g. ``x-h1``, ``caption``), if any."""
    if not hint:
        return None
    tokens = set(re.split(r"[^a-z0-9]+", hint.lower()))
    if tokens & {"title", "h1"}:
        return "title"
    if tokens & {"h2", "h3", "h4", "h5", "h6", "heading", "header", "subtitle", "subheading"}:
        return "heading"
    if tokens & {"caption", "figcaption", "alt"}:
        return "caption"
    return None


def optional(module: str, source: str, what: str) -> ModuleType:
    """Import an optional dependency of a reader, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            f"{source}: reading {what} needs the Python package {module!r}; "
            "install it with pip install 'consistency[formats]'"
        ) from None
