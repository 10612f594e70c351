"""Clause splitting: a sentence cut into the units an addition or an omission is made of.

An editor who appends "..., choć mieszkańcy skarżyli się na ciemne ulice" to a
faithful sentence adds a clause, not a sentence; to find and point at it the
sentence is cut at clause boundaries: semicolons, colons, spaced dashes,
brackets, and a comma followed by a conjunction, relative pronoun or
connective listed in the language's ``[clauses] after_comma`` (data file
``consistency/data/lang/<code>.toml``). Pieces shorter than ``MIN_WORDS`` words
join their neighbour ("Huawei, Cambricon, and MetaX" stays one unit). Spans
exclude the separator and the closing punctuation of the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .cues import _phrases, tokens
from .numbers import _read_toml, normalise_lang

__all__ = ["MIN_WORDS", "split_clauses"]

MIN_WORDS = 3
_HARD = re.compile(r"\s*;\s*|(?<!\d):(?!\d)\s*|\s+[-–—]\s+|\s*[–—]\s*(?=\w)|\s*\(|\)\s*")
_EDGE = " \t\r\n\u00a0\u202f.,;:!?…\"'«»„“”‘’()[]-–—"
_OPENING = "«„“‘\"'([¿¡"


@lru_cache(maxsize=64)
def _markers(lang: str) -> tuple[frozenset[tuple[str, ...]], int]:
    code = normalise_lang(lang)
    data: dict[str, Any] = (_read_toml(f"lang/{code}.toml") if re.fullmatch(r"[a-z]{2,3}", code) else None) or {}
    phrases = _phrases(data.get("clauses", {}).get("after_comma"))
    return phrases, max((len(p) for p in phrases), default=1)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE and text[start] not in _OPENING:
        start += 1
    while end > start and text[end - 1] in _EDGE and not (text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def split_clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each clause of the sentence ``text``, in order (none for a text without words)."""
    cuts: set[int] = {0, len(text)}
    for m in _HARD.finditer(text):
        if m.group().strip().startswith("("):
            cuts.add(m.start())
        else:
            cuts.add(m.start())
            cuts.add(m.end())
    phrases, longest = _markers(lang)
    if phrases:
        toks = tokens(text)
        for i, t in enumerate(toks):
            before = text[toks[i - 1].end : t.start] if i else ""
            if i == 0 or "," not in before:
                continue
            for n in range(min(longest, len(toks) - i), 0, -1):
                if tuple(x.norm for x in toks[i : i + n]) in phrases:
                    cuts.add(toks[i - 1].end + before.index(","))
                    cuts.add(t.start)
                    break
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:]):
        s, e = _trim(text, a, b)
        if e > s:
            pieces.append([s, e])
    if not pieces:
        return []
    # short pieces join a neighbour (the previous one when there is one)
    merged: list[list[int]] = []
    for p in pieces:
        if merged and (_words(text[p[0] : p[1]]) < MIN_WORDS or _words(text[merged[-1][0] : merged[-1][1]]) < MIN_WORDS):
            merged[-1][1] = p[1]
        else:
            merged.append(p)
    return [(s, e) for s, e in merged]
