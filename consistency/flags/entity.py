"""``entity`` flags: counterparts that name different people, companies, places or products.

Names come from ``names.py`` and compare across languages by stems, fuzzy
spelling and an exonym table (Huawei = Huaweia, Pechino = Pekin). Within an
alignment group, a name that most other versions carry and a version lacks is
flagged in that version, unless the version names it elsewhere in its text (moved,
not dropped). When the version has a name of its own there instead, it is a swap;
a swap whose two names the model embeds as close as translations is reported at
medium severity, as a possible exonym the table lacks (Danzica / Gdańsk).
"""
from __future__ import annotations

from ..types import Group
from .base import DETECTORS, QUIET_ROLES, Candidate, FlagContext, join_names
from .names import Name, extract_names, same_name


def _names(ctx: FlagContext, group: Group, version: str) -> list[tuple[int, Name]]:
    """(absolute start, name) for the group's members in ``version``."""
    out = []
    lang = ctx.documents[version].lang
    for seg in ctx.members(group, version):
        if seg.role not in QUIET_ROLES:
            out.extend((seg.start + n.start, n) for n in extract_names(seg.text, lang))
    return out


def _has(names: list[tuple[int, Name]], target: Name) -> bool:
    return any(same_name(n, target) for _, n in names)


def _weak(name: Name) -> bool:
    """Short all-capital acronyms (AI, KI, LLM) are often spelled out in another language."""
    letters = name.text.replace(".", "")
    return letters.isupper() and len(letters) <= 4 and " " not in name.text


@DETECTORS.register("entity")
def detect_entities(ctx: FlagContext) -> list[Candidate]:
    out: list[Candidate] = []
    whole: dict[str, list[tuple[int, Name]]] = {}

    def names_of_document(v: str) -> list[tuple[int, Name]]:
        if v not in whole:
            doc = ctx.documents[v]
            whole[v] = [(n.start, n) for n in extract_names(doc.text, doc.lang)]
        return whole[v]

    for group in ctx.alignment.groups:
        present = ctx.versions_in(group)
        if len(present) < 2:
            continue
        names = {v: _names(ctx, group, v) for v in present}
        for v in present:
            others = [w for w in present if w != v]
            missing: dict[str, tuple[Name, list[str]]] = {}
            for w in others:
                for _, n in names[w]:
                    if _has(names[v], n) or any(same_name(n, m) for m, _ in missing.values()):
                        continue
                    carriers = [x for x in others if _has(names[x], n)]
                    if len(carriers) * 2 <= len(others) and not (len(others) == 1 and v != ctx.reference):
                        continue  # not the majority's name
                    if len(others) == 1 and v == ctx.reference:
                        continue
                    missing[n.key] = (n, carriers)
            if not missing:
                continue
            mine_only = [(s, n) for s, n in names[v]
                         if not any(_has(names[w], n) for w in others)
                         and not any(_has(names_of_document(w), n) for w in others)]
            for _key, (name, carriers) in missing.items():
                if _has(names_of_document(v), name):
                    continue  # named elsewhere in this version: moved, not dropped
                counterparts = tuple(ctx.span(ctx.members(group, w)) for w in carriers)
                if mine_only:
                    start, own = mine_only[0]
                    end = start + len(own.text)
                    severity, score = ("low", 0.5) if _weak(name) else ("high", 0.85)
                    message = (f"The {v} version names {own.text} where {join_names(carriers)} "
                               f"name {name.text}.")
                    close = ctx.similarity(own.text, name.text)
                    if severity == "high" and close is not None and close >= ctx.thresholds["faithful"]:
                        # the model puts the two names close: possibly an exonym the table lacks
                        severity, score = "medium", 0.6
                        message = message[:-1] + " (possibly the same name in another language)."
                else:
                    shared = [(s, n) for s, n in names[v] if any(_has(names[w], n) for w in carriers)]
                    if shared:
                        start = min(s for s, _ in shared)
                        end = max(s + len(n.text) for s, n in shared)
                    else:
                        span = ctx.span(ctx.members(group, v))
                        start, end = span.start, span.end
                    severity, score = ("low", 0.5) if _weak(name) else ("medium", 0.75)
                    message = (f"The {v} version does not name {name.text}, which {join_names(carriers)} "
                               f"name here.")
                out.append(Candidate(kind="entity", version=v, start=start, end=end, counterparts=counterparts,
                                     severity=severity, score=score, group=group.id, message=message))
    return out
