"""Readers: one module per input format, registered in ``READERS`` by name and claimed by file suffix.

A reader turns a file's bytes into one or more ``Reading`` objects (a bilingual
XLIFF file holds two versions). ``read.py`` adds ids and languages and checks the set.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Protocol

from ..registry import Registry
from ..types import Block


@dataclass(frozen=True)
class Reading:
    """What a reader found in a file: one version's text, and what the format says about it."""

    text: str
    lang: str | None = None  # when the format states it (XLIFF, HTML lang=)
    id: str | None = None  # when the format names the version
    extracted: bool = False  # text extracted from markup rather than the file's own characters
    blocks: tuple[Block, ...] | None = None
    encoding: str | None = None  # the character encoding the bytes were decoded from, for byte formats


class Reader(Protocol):
    suffixes: tuple[str, ...]

    def read(self, data: bytes, source: str) -> list[Reading]: ...


READERS: Registry[Reader] = Registry("reader")


def load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def reader_for(source: str) -> Reader:
    """The reader that claims ``source``'s suffix; plain text for anything unclaimed."""
    load_all()
    name = source.lower()
    best: tuple[int, Reader] | None = None
    for key in READERS:
        reader = READERS.get(key)()
        for suffix in reader.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), reader)
    return best[1] if best else READERS.get("text")()
