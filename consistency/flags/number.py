"""``number`` flags: counterparts that disagree on a number, amount, percentage or date."""
from __future__ import annotations

from .base import DETECTORS, Candidate, FlagContext


@DETECTORS.register("number")
def detect_numbers(ctx: FlagContext) -> list[Candidate]:
    return []
