"""``entity`` flags: counterparts that name different people, companies, places or products."""
from __future__ import annotations

from .base import DETECTORS, Candidate, FlagContext


@DETECTORS.register("entity")
def detect_entities(ctx: FlagContext) -> list[Candidate]:
    return []
