"""Waivers: how an editor says "this difference is intended" without the gate nagging forever.

Two sources, both matched against each flag after detection (``finish_flags``):
- inline markers in Markdown and HTML files, required reason included::

      <!-- consistency: ignore[addition] reason="local context for Polish readers" -->

  On a line of its own, a marker covers the paragraph that follows it (and the gap
  before it, where an omission is placed); inside a paragraph, that paragraph.
  ``ignore`` without brackets covers every kind; ``ignore[number, entity]`` several.
- a baseline file written by ``consistency baseline``: the fingerprints of findings
  accepted once. A fingerprint hashes the flag's kind, version and text (for an
  omission, the missing passages), whitespace folded, not its offsets: a finding
  survives edits elsewhere in the file, and a waiver stops applying when its text
  changes.
A waived flag stays in the report with ``waived`` set and never counts toward the verdict.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Protocol, Sequence

from .errors import ConfigError, InputError
from .locate import UNKNOWN, line_starts, locate, locate_in_markup, position
from .sets import relative_key
from .types import KINDS, Document, Flag, Waived

BASELINE_SCHEMA = "consistency-baseline/1"
MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xhtml")
_EXTRACTED_TEXT_SUFFIXES = (".html", ".htm", ".xhtml", ".xlf", ".xliff", ".xml", ".tmx", ".sdlxliff")

_MARKER = re.compile(r"<!--\s*consistency\s*:(.*?)-->", re.S)
_DIRECTIVE = re.compile(
    r"""^\s*ignore\s*(?:\[(?P<kinds>[^\]]*)\])?\s*(?:reason\s*=\s*(?:"(?P<r1>[^"]*)"|'(?P<r2>[^']*)'))?\s*$""",
    re.S)
_BLANK = re.compile(r"\n[ \t]*\r?\n")
_WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


@dataclass(frozen=True)
class Marker:
    """An inline waiver: the kinds it covers (None = all) in ``[start, end)`` of the version's text."""

    kinds: frozenset[str] | None
    reason: str
    where: str  # "path:line" of the marker itself
    start: int
    end: int

    def covers(self, flag: Flag) -> bool:
        if self.kinds is not None and flag.kind not in self.kinds:
            return False
        if flag.start == flag.end:
            return self.start <= flag.start <= self.end
        return flag.start < self.end and flag.end > self.start


class WaiverSource(Protocol):
    """Anything that can waive a flag of a document (the baseline; tests' stand-ins)."""

    def match(self, flag: Flag, doc: Document) -> Waived | None: ...


# -- inline markers -----------------------------------------------------------


def _parse_directive(body: str, where: str) -> tuple[frozenset[str] | None, str]:
    m = _DIRECTIVE.match(body)
    example = '<!-- consistency: ignore[addition] reason="why it is intended" -->'
    if m is None:
        raise InputError(f"{where}: cannot read the consistency marker {body.strip()!r}; write it as {example}")
    reason = (m.group("r1") if m.group("r1") is not None else m.group("r2") or "").strip()
    if not reason:
        raise InputError(f"{where}: a consistency marker needs a reason; write it as {example}")
    kinds = None
    if m.group("kinds") is not None:
        names = [k.strip() for k in m.group("kinds").split(",") if k.strip()]
        unknown = [k for k in names if k not in KINDS]
        if unknown or not names:
            raise InputError(f"{where}: unknown flag kind {unknown[0] if unknown else '(none)'!r} in a consistency "
                             f"marker; use one of: {', '.join(KINDS)}")
        kinds = frozenset(names)
    return kinds, " ".join(reason.split())


def _paragraph_end(text: str, pos: int) -> int:
    m = _BLANK.search(text, pos)
    return m.start() if m else len(text)


def _paragraph_start(text: str, pos: int) -> int:
    start = 0
    for m in _BLANK.finditer(text, 0, pos):
        start = m.end()
    return start


def _text_region(text: str, a: int, b: int) -> tuple[int, int]:
    """The region a marker at ``text[a:b]`` covers in a file whose text is the document's own."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    alone = not text[line_start:a].strip() and not text[b:line_end].strip()
    if not alone:
        return _paragraph_start(text, a), _paragraph_end(text, b)
    before = len(text[:line_start].rstrip())  # end of the content before the marker: omissions sit there
    nxt = len(text) - len(text[line_end:].lstrip()) if line_end < len(text) else len(text)
    return before, _paragraph_end(text, nxt)


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _markup_region(doc: Document, raw: str, a: int, b: int) -> tuple[int, int] | None:
    """The region in the extracted text of the content that follows a marker at ``raw[a:b]``."""
    import html

    after = _words(html.unescape(_TAG.sub(" ", raw[b:b + 4000])))[:6]
    if not after:
        return None
    for n in range(len(after), 0, -1):
        phrase = r"\W+".join(re.escape(w) for w in after[:n])
        before = len(re.findall(phrase, html.unescape(_TAG.sub(" ", raw[:a]))))
        hits = list(re.finditer(phrase, doc.text))
        if hits:
            pos = hits[min(before, len(hits) - 1)].start()
            break
    else:
        return None
    if doc.blocks:
        prev_end = 0
        for blk in doc.blocks:
            if blk.start <= pos < blk.end:
                return prev_end, blk.end
            prev_end = blk.end
    line_end = doc.text.find("\n", pos)
    return doc.text.rfind("\n", 0, pos) + 1, len(doc.text) if line_end < 0 else line_end


def parse_markers(doc: Document, raw: str | None = None) -> list[Marker]:
    """The inline waivers of a Markdown or HTML version (none for other formats).

    ``raw``: the file's markup when ``doc.text`` was extracted from it (HTML); else the
    document's own text is searched. Raises InputError for a marker without a reason or
    with an unknown kind, naming the file and line.
    """
    if not doc.source.lower().endswith(MARKUP_SUFFIXES):
        return []
    source = doc.text if not doc.extracted else raw
    if not source or "consistency" not in source:
        return []
    starts = line_starts(source)
    out: list[Marker] = []
    for m in _MARKER.finditer(source):
        where = f"{doc.source}:{position(starts, m.start())[0]}"
        kinds, reason = _parse_directive(m.group(1), where)
        region = (_text_region(source, m.start(), m.end()) if not doc.extracted
                  else _markup_region(doc, source, m.start(), m.end()))
        if region is not None:
            out.append(Marker(kinds=kinds, reason=reason, where=where, start=region[0], end=region[1]))
    return out


def raw_source(doc: Document) -> str | None:
    """The markup a document's text was extracted from (HTML, XLIFF), when it is a readable text file."""
    if not doc.extracted:
        return doc.text
    if not doc.source.lower().endswith(_EXTRACTED_TEXT_SUFFIXES):
        return None
    try:
        data = Path(doc.source).read_bytes()
    except OSError:
        return None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        from .readers.text import decode_bytes  # the readers' own decoding: BOMs, legacy code pages

        return decode_bytes(data, doc.source).text
    except Exception:  # noqa: BLE001 - positions are a convenience; never fail a check over them
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


# -- fingerprints ------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint_base(flag: Flag) -> str:
    """What identifies a finding whatever its offsets: kind, version and text (an omission: what is missing)."""
    parts = [flag.kind, flag.version, _norm(flag.text)]
    if flag.kind == "omission" or not flag.text.strip():
        parts += [f"{c.version}:{_norm(c.text)}" for c in sorted(flag.counterparts, key=lambda c: c.version)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fingerprints(flags: Sequence[Flag]) -> list[str]:
    """One fingerprint per flag, in order; identical findings are told apart by occurrence (``-2``, ``-3``)."""
    bases = [fingerprint_base(f) for f in flags]
    order = sorted(range(len(flags)), key=lambda i: (flags[i].version, flags[i].start, flags[i].end, bases[i]))
    seen: dict[str, int] = {}
    out = [""] * len(flags)
    for i in order:
        seen[bases[i]] = seen.get(bases[i], 0) + 1
        out[i] = bases[i] if seen[bases[i]] == 1 else f"{bases[i]}-{seen[bases[i]]}"
    return out


# -- the baseline ------------------------------------------------------------


@dataclass(frozen=True)
class BaselineEntry:
    path: str  # the version's file, relative to the project root
    fingerprint: str
    kind: str
    severity: str
    text: str  # an excerpt, for a person reading the file
    reason: str

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


class Baseline:
    """Findings accepted once, by (file relative to ``root``, fingerprint)."""

    def __init__(self, entries: Iterable[BaselineEntry], *, root: str | Path = ".", path: str | Path | None = None):
        self.root = Path(root)
        self.path = Path(path) if path is not None else None
        self.entries: dict[tuple[str, str], BaselineEntry] = {(e.path, e.fingerprint): e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, path: str | Path, *, root: str | Path = ".") -> Baseline:
        """The baseline at ``path``; an empty one when the file does not exist."""
        path = Path(path)
        if not path.exists():
            return cls([], root=root, path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("schema") != BASELINE_SCHEMA:
                raise ValueError(f"schema is {data.get('schema')!r}, not {BASELINE_SCHEMA!r}")
            entries = [BaselineEntry(**{k: str(item.get(k, "")) for k in BaselineEntry.__dataclass_fields__})
                       for item in data["findings"]]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{path}: is not a consistency baseline ({exc}); "
                              "rewrite it with `consistency baseline`") from None
        return cls(entries, root=root, path=path)

    def where(self) -> str:
        return relative_key(self.path, self.root) if self.path is not None else "baseline"

    def match(self, flag: Flag, doc: Document) -> Waived | None:
        if flag.fingerprint is None:
            return None
        entry = self.entries.get((relative_key(Path(doc.source), self.root), flag.fingerprint))
        if entry is None:
            return None
        return Waived(reason=entry.reason or "accepted in the baseline", source="baseline", where=self.where())

    def merged(self, entries: Iterable[BaselineEntry], *, replace_paths: Iterable[str] = ()) -> Baseline:
        """A new baseline: these entries, plus the old ones of files not in ``replace_paths``."""
        drop = set(replace_paths)
        kept = [e for e in self.entries.values() if e.path not in drop]
        return Baseline([*kept, *entries], root=self.root, path=self.path)

    def to_json(self) -> str:
        findings = [e.to_dict() for _, e in sorted(self.entries.items())]
        return json.dumps({"schema": BASELINE_SCHEMA, "findings": findings}, ensure_ascii=False, indent=1) + "\n"


def baseline_entries(flags: Iterable[Flag], sources: Mapping[str, str], root: str | Path,
                     reason: str) -> list[BaselineEntry]:
    """Entries accepting ``flags`` (``sources``: version id -> file path); inline-waived flags need none."""
    out = []
    for f in flags:
        if f.fingerprint is None or (f.waived is not None and f.waived.source == "inline"):
            continue
        excerpt = _norm(f.text) or " / ".join(_norm(c.text) for c in f.counterparts)
        out.append(BaselineEntry(path=relative_key(Path(sources[f.version]), Path(root)), fingerprint=f.fingerprint,
                                 kind=f.kind, severity=f.severity, text=excerpt[:160], reason=reason))
    return out


# -- applying them ------------------------------------------------------------


def finish_flags(flags: Sequence[Flag], docs: Sequence[Document],
                 waivers: Sequence[WaiverSource] = ()) -> list[Flag]:
    """Flags with their source location, fingerprint and, when a marker or ``waivers`` accept them, ``waived``."""
    by_id = {d.id: d for d in docs}
    raws: dict[str, str | None] = {d.id: raw_source(d) for d in docs}
    markers = {d.id: parse_markers(d, raws[d.id]) for d in docs}
    starts = {d.id: line_starts(d.text) for d in docs if not d.extracted}
    prints = fingerprints(flags)
    out = []
    for flag, fp in zip(flags, prints):
        doc = by_id[flag.version]
        if not doc.extracted:
            loc = locate(doc.text, flag.start, flag.end, starts[doc.id])
        else:
            loc = locate_in_markup(raws[doc.id], doc.text, flag.start, flag.end) if raws[doc.id] else UNKNOWN
        flag = dataclasses.replace(flag, location=loc, fingerprint=fp)
        waived = next((Waived(reason=m.reason, source="inline", where=m.where)
                       for m in markers[doc.id] if m.covers(flag)), None)
        if waived is None:
            waived = next((w for w in (src.match(flag, doc) for src in waivers) if w is not None), None)
        out.append(dataclasses.replace(flag, waived=waived))
    return out
