"""What every flag detector sees and returns, the detector registry, and shared helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import numpy as np

from ..align import Alignment
from ..calibrate import Calibration
from ..registry import Registry
from ..types import Document, Group, Segment, Span

# roles whose text is never flagged: layout, not claims
QUIET_ROLES = ("caption", "boilerplate")


@dataclass(frozen=True)
class Candidate:
    """A flag before it gets its id: a detector's finding."""

    kind: str
    version: str
    start: int
    end: int
    counterparts: tuple[Span, ...]
    severity: str
    score: float
    message: str
    group: int | None = None
    reported: bool = True  # False: judged too weak to show, but it still explains a drift in its group


@dataclass
class FlagContext:
    """Everything the detectors read; built once per check by the pipeline."""

    documents: Mapping[str, Document]
    segments: Mapping[str, Sequence[Segment]]
    alignment: Alignment
    thresholds: Mapping[str, float]
    reference: str  # with an even split (e.g. two versions), the side the reference is on counts as right
    calibration: Calibration | None = None
    embed_fn: Callable[[Sequence[str]], np.ndarray] | None = None  # the check's embedder, cached
    index: dict[str, Segment] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.index:
            self.index = {s.id: s for segs in self.segments.values() for s in segs}

    @property
    def versions(self) -> list[str]:
        return list(self.segments)

    def members(self, group: Group, version: str) -> list[Segment]:
        return [self.index[m] for m in group.members if self.index[m].version == version]

    def versions_in(self, group: Group) -> list[str]:
        present = {self.index[m].version for m in group.members}
        return [v for v in self.versions if v in present]

    def span(self, segs: Sequence[Segment]) -> Span:
        """The passage from the first to the last of ``segs`` (one version)."""
        segs = sorted(segs, key=lambda s: s.start)
        v = segs[0].version
        start, end = segs[0].start, segs[-1].end
        return Span(version=v, start=start, end=end, text=self.documents[v].text[start:end])

    def similarity(self, a: str, b: str) -> float | None:
        """Calibrated similarity of two short texts by the check's model (None without one)."""
        if self.embed_fn is None or self.calibration is None:
            return None
        va, vb = self.embed_fn([a, b])
        return float(self.calibration.similarity(float(va @ vb)))

    def majority_side(self, have: Sequence[str], lack: Sequence[str]) -> bool:
        """True when the versions in ``have`` outvote those in ``lack`` (ties go to the reference's side)."""
        if len(have) != len(lack):
            return len(have) > len(lack)
        return self.reference in have


Detector = Callable[[FlagContext], list[Candidate]]
DETECTORS: Registry[Detector] = Registry("flag detector")


def quote(text: str, limit: int = 90) -> str:
    """A text for a message: whitespace folded, cut at a word boundary, in guillemets."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0]
        text = cut + " …"
    return f"«{text}»"


def join_names(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def clip01(x: float) -> float:
    return float(min(1.0, max(0.0, x)))
