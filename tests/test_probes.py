"""Faithful five-language articles raise no flag (tests/data/probes/README.md lists them): news heavy in
numbers, names, lexical negations and free quotes, each written in it, de, pt, fr and pl with the freedom of
real translations (sentences split and merged, numbers in each desk's format and in words, inflected names,
exonyms, captions, bylines, timestamps and reading times in some versions). Each once exposed one or more
gaps (docs/evaluation.md, sessions 24 to 26)."""
from __future__ import annotations

from pathlib import Path

import pytest

import consistency

PROBES = Path(__file__).parent / "data" / "probes"


@pytest.mark.parametrize("slug", sorted(p.name for p in PROBES.iterdir() if p.is_dir()))
def test_a_faithful_article_raises_no_flag(slug):
    texts = {v: (PROBES / slug / f"{v}.txt").read_text(encoding="utf-8") for v in ("it", "de", "pt", "fr", "pl")}
    report = consistency.check(texts)
    assert not report.flags, [f.message for f in report.flags]
