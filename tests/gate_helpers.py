"""Helpers for the pre-publish gate's tests: a small three-language story laid out as a site, planted divergences."""
from __future__ import annotations

import shutil
from pathlib import Path

GATE = Path(__file__).resolve().parent / "data" / "gate"
LANGS = ["it", "de", "fr"]
# a claim only the German version makes (appended to its second paragraph)
ANCHOR_DE = "für alle Einwohner kostenlos."
ADDED_DE = "Kritiker im Stadtrat halten die langen Öffnungszeiten jedoch für eine Verschwendung von Steuergeldern."
SECOND_PARAGRAPH_DE = "Der Direktor, Marco Ferri"


def make_set(folder: Path, *, layout: str = "folder", slug: str = "valdoria") -> dict[str, Path]:
    """Copy the story into ``folder``: ``folder/slug/de.md`` (folder naming) or ``folder/slug.de.md`` (suffix)."""
    out = {}
    for lang in LANGS:
        target = folder / slug / f"{lang}.md" if layout == "folder" else folder / f"{slug}.{lang}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(GATE / "valdoria" / f"{lang}.md", target)
        out[lang] = target
    return out


def add_claim(path: Path, sentence: str = ADDED_DE, anchor: str = ANCHOR_DE) -> None:
    """Append a sentence after ``anchor`` in the file."""
    text = path.read_text(encoding="utf-8")
    assert anchor in text
    path.write_text(text.replace(anchor, f"{anchor} {sentence}", 1), encoding="utf-8")


def insert_before(path: Path, anchor: str, block: str) -> None:
    """Put ``block`` on its own line before the line that starts with ``anchor``."""
    text = path.read_text(encoding="utf-8")
    assert anchor in text
    path.write_text(text.replace(anchor, f"{block}\n{anchor}", 1), encoding="utf-8")
