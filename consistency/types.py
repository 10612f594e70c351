"""The data model shared by every pipeline stage, and its JSON form.

Data flows one way: Document -> Segment -> Group -> PairScore / Flag -> Report.
Offsets are Python ``str`` indices into ``Document.text`` exactly as decoded,
end exclusive; ``text[start:end]`` always reproduces a span's ``text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "consistency-report/1"

Role = Literal["title", "heading", "body", "caption", "boilerplate"]
ROLES: tuple[str, ...] = ("title", "heading", "body", "caption", "boilerplate")

Kind = str  # addition, omission, number, entity, polarity, hedging, drift
KINDS: tuple[str, ...] = ("addition", "omission", "number", "entity", "polarity", "hedging", "drift")

Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


def severity_rank(severity: str) -> int:
    """0 for low, 1 for medium, 2 for high: for sorting and fail thresholds."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of a document whose role its format already tells (an HTML <h2>, a caption)."""

    start: int
    end: int
    role: str  # one of ROLES


@dataclass(frozen=True)
class Document:
    """One language version of an article.

    ``text`` is the file's text exactly as decoded (plain text, Markdown) or, for
    formats that are not plain text (HTML, DOCX, XLIFF), the text extracted from it
    (``extracted`` is True; offsets then refer to this text and reports carry it).
    ``blocks``, when a reader gives them, fix the paragraphs and their roles.
    """

    id: str
    lang: str
    text: str
    source: str  # file path as given, or "<string>"
    extracted: bool = False
    blocks: tuple[Block, ...] | None = None
    encoding: str | None = None  # the file's character encoding as detected ("utf-8", "cp1250", ...)


@dataclass(frozen=True)
class Segment:
    """A sentence-sized unit of one version, with its place and role."""

    id: str  # "<version>:<index>"
    version: str
    index: int  # position among the version's segments, 0-based
    paragraph: int  # paragraph number within the version, 0-based
    start: int
    end: int
    text: str
    role: str  # one of ROLES

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "role": self.role,
        }


@dataclass(frozen=True)
class Group:
    """Segments of several versions that say the same thing (one claim)."""

    id: int
    members: tuple[str, ...]  # segment ids, in version order
    score: float  # mean pairwise similarity of the members' versions, in [0, 1]

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.id, "members": list(self.members), "score": round(self.score, 4)}


@dataclass(frozen=True)
class PairScore:
    """How close two versions are overall."""

    a: str
    b: str
    similarity: float
    drift: float
    coverage_a: float  # share of a's body characters with a counterpart in b
    coverage_b: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "similarity": round(self.similarity, 4),
            "drift": round(self.drift, 4),
            "coverage_a": round(self.coverage_a, 4),
            "coverage_b": round(self.coverage_b, 4),
        }


@dataclass(frozen=True)
class Span:
    """A passage of one version."""

    version: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Location:
    """Where a passage sits in its source file: 1-based line and column (code points), end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    exact: bool = True  # False: mapped from extracted text back into the markup, or unknown (line 1)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "column": self.column, "end_line": self.end_line,
                               "end_column": self.end_column}
        if not self.exact:
            out["exact"] = False
        return out


@dataclass(frozen=True)
class Waived:
    """Why a flag no longer fails a check: an editor said the difference is intended."""

    reason: str
    source: str  # "inline" (a marker in the file) or "baseline" (the baseline file)
    where: str  # the marker's "path:line", or the baseline file's path

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "source": self.source, "where": self.where}


@dataclass(frozen=True)
class Flag:
    """One divergence an editor should look at."""

    id: str
    kind: str
    version: str
    start: int
    end: int
    text: str
    counterparts: tuple[Span, ...]
    severity: str
    score: float
    message: str
    group: int | None = None  # the alignment group it concerns, if any
    location: Location | None = None  # line and column in the version's source file
    fingerprint: str | None = None  # stable across edits elsewhere; what baselines and SARIF track
    waived: Waived | None = None  # accepted by an inline marker or the baseline: never fails a check

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "version": self.version,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "counterparts": [c.to_dict() for c in self.counterparts],
            "severity": self.severity,
            "score": round(self.score, 4),
            "message": self.message,
        }
        if self.group is not None:
            out["group"] = self.group
        if self.location is not None:
            out["location"] = self.location.to_dict()
        if self.fingerprint is not None:
            out["fingerprint"] = self.fingerprint
        if self.waived is not None:
            out["waived"] = self.waived.to_dict()
        return out


@dataclass(frozen=True)
class VersionInfo:
    id: str
    lang: str
    source: str
    chars: int
    segments: int
    text: str | None = None  # the extracted text, for formats that are not plain text
    encoding: str | None = None  # the file's character encoding, when it was read from bytes

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "lang": self.lang, "source": self.source, "chars": self.chars,
                               "segments": self.segments}
        if self.encoding is not None:
            out["encoding"] = self.encoding
        if self.text is not None:
            out["extracted"] = True
            out["text"] = self.text
        return out


@dataclass(frozen=True)
class Signature:
    """What produced a report, so two reports can be compared honestly."""

    tool: str  # "consistency <version>"
    model: str
    dim: int
    thresholds: dict[str, float]
    fail_on: str
    options: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "model": self.model,
            "dim": self.dim,
            "fail_on": self.fail_on,
            "thresholds": {k: round(v, 4) for k, v in sorted(self.thresholds.items())},
            "options": dict(sorted(self.options.items())),
            "text": self.text(),
        }

    def text(self) -> str:
        """One line, e.g. ``consistency 0.1.0|model:use-m|fail_on:high|match:0.31``."""
        parts = [self.tool.replace(" ", ":"), f"model:{self.model}", f"fail_on:{self.fail_on}"]
        parts += [f"{k}:{v:.4g}" for k, v in sorted(self.thresholds.items())]
        parts += [f"{k}:{v}" for k, v in sorted(self.options.items())]
        return "|".join(parts)


@dataclass(frozen=True)
class Summary:
    verdict: str  # pass | warn | fail
    max_drift: float
    flags: dict[str, int]
    waived: dict[str, int] = field(default_factory=dict)  # of ``flags``, how many are waived, by kind

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"verdict": self.verdict, "max_drift": round(self.max_drift, 4),
                               "flags": dict(self.flags)}
        if self.waived:
            out["waived"] = dict(self.waived)
        return out


@dataclass(frozen=True)
class Report:
    """Everything a check found; ``to_dict`` is the consistency-report/1 contract."""

    model_name: str
    model_dim: int
    versions: tuple[VersionInfo, ...]
    segments: tuple[Segment, ...]
    alignment: tuple[Group, ...]
    pairs: tuple[PairScore, ...]
    flags: tuple[Flag, ...]
    summary: Summary
    signature: Signature
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return self.summary.verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "model": {"name": self.model_name, "dim": self.model_dim},
            "versions": [v.to_dict() for v in self.versions],
            "segments": [s.to_dict() for s in self.segments],
            "alignment": [g.to_dict() for g in self.alignment],
            "pairs": [p.to_dict() for p in self.pairs],
            "flags": [f.to_dict() for f in self.flags],
            "summary": self.summary.to_dict(),
            "signature": self.signature.to_dict(),
        }
