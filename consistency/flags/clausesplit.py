"""Clause splitting: a sentence cut into the units an addition or an omission is made of.

An editor who appends "..., choć mieszkańcy skarżyli się na ciemne ulice" to a
faithful sentence adds a clause, not a sentence; to find and point at it the
sentence is cut at clause boundaries: semicolons, colons, spaced dashes,
brackets, a comma followed by a conjunction, relative pronoun or connective
listed in the language's ``[clauses] after_comma`` (or a ``contrast`` word second: ", accolta però
dai fischi"), and a comma followed by an
apposition with a relative clause (", una stima che ...": an article of
``apposition``, then one of ``relative`` within four words), or a relative pronoun after a preposition
(", al termine del quale ...", ", po którym ...": one of ``relative_after_preposition`` among the
piece's first four words). A comma and an article of
``infinitive_objects`` opening a piece that ends with an ``infinitive`` word and one more word
is an infinitive with its object (", den Platz zu räumen"), which completes the clause before
it: no cut there. Nor is a clause interposed in a main clause of fewer than ``INTERPOSED_HEAD`` words, whose
closing comma the rest of the main clause follows ("Die alten Sättel gehen, sofern …, an drei Zentren"), nor the
object of a verb of showing or knowing (``complement_verbs``) right before the comma when the piece opens with a
question word (``interrogatives``: "pokaże, jak opala się beczki"). The lists are in
``consistency/data/lang/<code>.toml``. Pieces shorter than ``MIN_WORDS`` words
join their neighbour ("Huawei, Cambricon, and MetaX" stays one unit). Spans
exclude the separator and the closing punctuation of the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .cues import _phrases, lexicon, tokens
from ..datafiles import read_data
from .numbers import normalise_lang

__all__ = ["MIN_WORDS", "coordinators", "is_attribution", "is_gloss", "reports", "split_clauses"]

MIN_WORDS = 3
_HARD = re.compile(r"\s*;\s*|(?<!\d):(?!\d)\s*|\s+[-–—]\s+|\s*[–—]\s*(?=\w)|\s*\(|\)\s*")
_EDGE = " \t\r\n\u00a0\u202f.,;:!?…\"'«»„“”‘’()[]-–—"
_OPENING = "«„“‘\"'([¿¡"


def _clause_data(lang: str) -> dict[str, Any]:
    """A language's ``[clauses]`` section (empty for an unknown language)."""
    code = normalise_lang(lang)
    data: dict[str, Any] = (read_data(f"lang/{code}.toml") if re.fullmatch(r"[a-z]{2,3}", code) else None) or {}
    return data.get("clauses", {})


_GOVERNED_WITHIN = 4  # a prepositional relative's pronoun is among the piece's first words ("al termine del quale")


@lru_cache(maxsize=64)
def _markers(lang: str) -> tuple[frozenset[tuple[str, ...]], int, frozenset[str], frozenset[str]]:
    """(clause markers after a comma, the longest in words, apposition articles, relative pronouns)."""
    clauses = _clause_data(lang)
    phrases = _phrases(clauses.get("after_comma"))
    return (phrases, max((len(p) for p in phrases), default=1), _fold(clauses.get("apposition")),
            _fold(clauses.get("relative")))


def _fold(items: Any) -> frozenset[str]:
    return frozenset(str(x).casefold() for x in items or [])


def infinitive_markers(lang: str) -> frozenset[str]:
    """The language's infinitive markers (``[clauses] infinitive``: "zu")."""
    return _infinitives(lang)[1]


@lru_cache(maxsize=64)
def _infinitives(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(articles that open an infinitive's object, infinitive markers): ", den Platz zu räumen"."""
    clauses = _clause_data(lang)
    return _fold(clauses.get("infinitive_objects")), _fold(clauses.get("infinitive"))


@lru_cache(maxsize=64)
def coordinators(lang: str) -> frozenset[str]:
    """The language's "and" words (``[clauses] coordinators``): a negation does not reach over one of them
    to an opposite word (``opposites.py``)."""
    return _fold(_clause_data(lang).get("coordinators"))


@lru_cache(maxsize=64)
def articles(lang: str) -> frozenset[str]:
    """The language's articles (``[clauses] definite`` and ``apposition``): after a comma, one opens an
    apposition or a relative clause, which a negation before the comma does not reach (``opposites.py``)."""
    data = _clause_data(lang)
    return _fold(data.get("definite")) | _fold(data.get("apposition"))


_PIECE_END = re.compile(r"[,;:.!?()]")


def _infinitive_piece(text: str, toks: list, i: int, lang: str) -> bool:
    """Whether the piece opened by token ``i`` is an infinitive with its object (", den Platz zu räumen")."""
    objects, markers = _infinitives(lang)
    if toks[i].norm not in objects or not markers:
        return False
    last = i
    while last + 1 < len(toks) and not _PIECE_END.search(text[toks[last].end : toks[last + 1].start]):
        last += 1
    return last - 1 > i and toks[last - 1].norm in markers


@lru_cache(maxsize=64)
def _relayed(lang: str) -> frozenset[str]:
    """A language's verbs in the mood of reported speech (``[clauses] relayed``)."""
    return _fold(_clause_data(lang).get("relayed"))


ATTRIBUTION_WORDS = 8  # the longest clause read as a bare attribution


def reports(text: str, lang: str) -> bool:
    """Whether ``text`` has a reporting word ("sagte", "selon", "ha comunicato", "powiedział")."""
    words = lexicon(lang).reporting
    return bool(words) and any(w in words for w in re.findall(r"\w+", text.casefold()))


def reports_or_relays(text: str, lang: str) -> bool:
    """Whether ``text`` has a reporting word or a verb in the mood of reported speech (``[clauses] relayed``:
    German "könne", "sei"), which attributes a sentence without naming the speaker again."""
    relayed = _relayed(lang)
    return reports(text, lang) or (bool(relayed) and any(w in relayed for w in re.findall(r"\w+", text.casefold())))


def is_attribution(text: str, lang: str) -> bool:
    """Whether a clause is a bare attribution: at most ``ATTRIBUTION_WORDS`` words with a reporting word ("wie
    die Klinikleitung am Dienstag mitteilte", "powiedział przyszły szef regionalnego rządu")."""
    return _words(text) <= ATTRIBUTION_WORDS and reports(text, lang)


_DASHES = ("–", "—")


def is_gloss(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the clause ``text[start:end]`` is an apposition between paired dashes or in brackets that opens
    with a definite article (``[clauses] definite``) or a "that is" word (``that_is``) and states no figure: "un'esplosione di grisu – a mistura
    de metano e ar que se acumula nas minas –" defines the term before it for the desk's readers. An
    apposition with an indefinite article classifies or judges ("– un progetto molto contestato –") and is
    no gloss."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    paired = (before.endswith(_DASHES) and after.startswith(_DASHES)) or (before.endswith("(") and after.startswith(")"))
    if not paired or any(c.isdigit() for c in text[start:end]):
        return False
    toks = tokens(text[start:end])
    opening = tuple(t.norm for t in toks[:4])
    return len(toks) > 1 and (toks[0].norm in _definite(lang)
                              or any(opening[:len(p)] == p for p in _that_is(lang)))


@lru_cache(maxsize=64)
def _that_is(lang: str) -> frozenset[tuple[str, ...]]:
    """A language's "that is" words that open a gloss (``[clauses] that_is``: "also", "cioè", "czyli")."""
    return _phrases(_clause_data(lang).get("that_is"))


@lru_cache(maxsize=64)
def _definite(lang: str) -> frozenset[str]:
    """A language's definite articles (``[clauses] definite``), folded."""
    return _fold(_clause_data(lang).get("definite"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE and text[start] not in _OPENING:
        start += 1
    while end > start and text[end - 1] in _EDGE and not (text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


INTERPOSED_HEAD = 5  # a main clause of fewer words before an interposed clause keeps it (``_interposed``)


def _interposed(text: str, cuts: set[int], comma: int, start: int) -> bool:
    """Whether the clause opened at ``start`` (after the comma at ``comma``) is interposed in a short main clause:
    the sentence opens with fewer than ``INTERPOSED_HEAD`` words before it, and after its own closing comma the main
    clause goes on with no clause marker ("Die alten Sättel gehen, sofern sie noch gut erhalten sind, an drei
    Reittherapie-Zentren"). Cut there, the main clause's head would stand alone as a clause no version has. A
    piece after an earlier cut is no main clause ("…, takich jak litografia DUV, zamiast EUV jak Tajwan, Korea …")."""
    if any(0 < c < comma and text[:c].strip() for c in cuts) or _words(text[:comma]) >= INTERPOSED_HEAD:
        return False
    end = min((c for c in cuts if c > start), default=len(text))
    close = text.find(",", start, end)
    return close != -1 and _words(text[close:end]) >= 1 and close not in cuts


def split_clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each clause of the sentence ``text``, in order (none for a text without words)."""
    return list(_split(text, lang))


@lru_cache(maxsize=4096)
def _split(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    cuts: set[int] = {0, len(text)}
    for m in _HARD.finditer(text):
        mark = m.group().strip()
        if mark.startswith("("):
            cuts.add(m.start() + m.group().index("("))  # the bracket opens the next clause
        elif mark.startswith(")"):
            cuts.add(m.start() + 1)  # ... and closes it
        else:
            cuts.add(m.start())
            cuts.add(m.end())
    phrases, longest, articles, relatives = _markers(lang)
    contrast = _fold(_clause_data(lang).get("contrast"))
    correlative = _fold(_clause_data(lang).get("correlative"))
    asking = _fold(_clause_data(lang).get("complement_verbs"))
    interrogative = _fold(_clause_data(lang).get("interrogatives"))
    definite = _fold(_clause_data(lang).get("definite"))
    governed = _fold(_clause_data(lang).get("relative_after_preposition"))
    opened: list[tuple[int, int]] = []  # (comma, start) of each clause a comma and a marker open
    if phrases or articles or governed:
        toks = tokens(text)
        for i, t in enumerate(toks):
            before = text[toks[i - 1].end : t.start] if i else ""
            if i == 0 or "," not in before:
                continue
            found = any(tuple(x.norm for x in toks[i : i + n]) in phrases
                        for n in range(min(longest, len(toks) - i), 0, -1))
            if not found and t.norm in articles:  # ", una stima che ...": an apposition with a relative clause
                found = any(x.norm in relatives for x in toks[i + 2 : i + 6])
            if not found and any(x.norm in governed for x in toks[i + 1 : i + _GOVERNED_WITHIN]):
                found = True  # ", al termine del quale …": a relative clause after a preposition
            if not found and i + 1 < len(toks) and toks[i + 1].norm in contrast:
                found = True  # ", accolta però dai fischi …": a contrast word second in the piece
            if found and t.norm in contrast and text[t.end:].lstrip(" ").startswith(","):
                found = False  # "O coração do projeto, porém, é a coleção": an aside, the sentence goes on
            if found and (toks[i - 1].norm in correlative
                          or (i > 1 and toks[i - 2].norm in correlative and toks[i - 2].norm not in definite)):
                found = False  # "noch nicht dort, wo man hinwolle", "dort stehen, wo": the clause before needs
                # it; two words before the comma an article is no demonstrative ("das Band, wobei sie …")
            if found and toks[i - 1].norm in asking and t.norm in interrogative:
                found = False  # "pokaże, jak opala się beczki", "zeigt, wie man …": the verb's object, not a clause
            if found and not _infinitive_piece(text, toks, i, lang):
                comma = toks[i - 1].end + before.index(",")
                cuts.add(comma)
                cuts.add(t.start)
                opened.append((comma, t.start))
        for comma, start in opened:
            if _interposed(text, cuts, comma, start):
                cuts.discard(comma)  # "Die alten Sättel gehen, sofern sie noch gut erhalten sind, an drei …": the
                cuts.discard(start)  # clause sits inside a short main clause, which is no claim without its rest
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:]):
        s, e = _trim(text, a, b)
        if e > s:
            pieces.append([s, e])
    if not pieces:
        return ()
    # short pieces join a neighbour (the previous one when there is one)
    merged: list[list[int]] = []
    for p in pieces:
        if merged and (_words(text[p[0] : p[1]]) < MIN_WORDS or _words(text[merged[-1][0] : merged[-1][1]]) < MIN_WORDS):
            merged[-1][1] = p[1]
        else:
            merged.append(p)
    return tuple((s, e) for s, e in merged)
