"""Faithful five-language articles raise no flag: a football transfer, a court verdict, a municipal election,
a heatwave, a car recall and a music festival, each written in it, de, pt, fr and pl with the freedom of real
translations (sentences split and merged, numbers in each desk's format and in words, inflected names,
exonyms, captions and bylines in some versions). Probes for false flags in number- and name-heavy news;
each once exposed one or more gaps (docs/evaluation.md, session 24)."""
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
