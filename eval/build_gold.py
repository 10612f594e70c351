"""Build each evaluation set's gold.json from its spec.json, so texts can be edited and offsets rebuilt.

A spec names every gold passage by a substring of the version's text instead of by
offsets; this script finds it and writes ``gold.json`` in the shape of
``../shared/seeds/gold.json`` (``divergences`` and ``noise``, each entry with
``version``, ``kind``, ``start``, ``end``, ``text``; divergences also with ``note``,
``severity``, ``required`` and, for ``number`` and ``entity``, ``sources``).

    python eval/build_gold.py                      # every set under eval/sets and eval/sets-blind
    python eval/build_gold.py eval/sets/tram-marenfeld
    python eval/build_gold.py --check              # exit 1 when a gold.json is stale or a spec is wrong

How a spec locates a passage (``spec.json`` beside ``it.txt``, ``de.txt``, ...):
- ``"find": "184 Millionen Franken"``: the substring, which must occur exactly once in the file;
- ``"find": "...", "after": "Die Gesamtkosten"``: the first occurrence after a substring
  that occurs exactly once (for text that repeats, such as a number in lead and body);
- ``"gap_after": "...liberałów głosował przeciw."`` (for ``omission``): the place where the
  missing content belongs, i.e. the run of whitespace that follows this unique substring.
  The gold span is that whitespace, so ``text`` is e.g. ``"\\n\\n"``; scorers treat a flag
  that touches it (an empty span at either end, or a neighbouring sentence) as a hit.

Divergence keys copied as given: ``kind``, ``note``, ``severity`` (low, medium, high),
``required`` (bool), optional ``accept`` (further kinds a scorer may count as the right
kind, for passages that are honestly two things at once; use sparingly).
``sources`` (a list of ``{"version", "find"[, "after"]}``) gives the counterpart passages.
Noise entries: ``{"version", "kind": "caption" | "boilerplate", "find"}``.
A spec with ``"clean": true`` must have no divergences.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
DEFAULT_DIRS = (ROOT / "sets", ROOT / "sets-blind")

KINDS = ("addition", "omission", "number", "entity", "polarity", "hedging", "drift")
SEVERITIES = ("low", "medium", "high")
NOISE_KINDS = ("caption", "boilerplate")
WHITESPACE = " \t\r\n\u00a0\u202f"


class SpecError(Exception):
    """A spec that cannot be turned into gold: the message names the file and what to fix."""


def _locate(text: str, item: dict[str, Any], where: str) -> tuple[int, int]:
    """(start, end) of the passage ``item`` names in ``text``."""
    if "gap_after" in item:
        anchor = item["gap_after"]
        if text.count(anchor) != 1:
            raise SpecError(f"{where}: gap_after {anchor!r} occurs {text.count(anchor)} times; it must occur once")
        start = text.index(anchor) + len(anchor)
        end = start
        while end < len(text) and text[end] in WHITESPACE:
            end += 1
        if end == start:
            raise SpecError(f"{where}: no whitespace after {anchor!r}; end gap_after at a sentence end")
        return start, end
    find = item.get("find")
    if not find:
        raise SpecError(f"{where}: give 'find' (or 'gap_after' for an omission)")
    lo = 0
    if "after" in item:
        anchor = item["after"]
        if text.count(anchor) != 1:
            raise SpecError(f"{where}: after {anchor!r} occurs {text.count(anchor)} times; it must occur once")
        lo = text.index(anchor)
        start = text.find(find, lo)
        if start < 0:
            raise SpecError(f"{where}: {find!r} does not occur after {anchor!r}")
    else:
        if text.count(find) != 1:
            raise SpecError(f"{where}: {find!r} occurs {text.count(find)} times; make it unique or add 'after'")
        start = text.index(find)
    return start, start + len(find)


def _span(texts: dict[str, str], item: dict[str, Any], where: str) -> dict[str, Any]:
    version = item.get("version")
    if version not in texts:
        raise SpecError(f"{where}: version {version!r} has no {version}.txt in the set")
    start, end = _locate(texts[version], item, where)
    return {"version": version, "start": start, "end": end, "text": texts[version][start:end]}


def build(folder: Path) -> dict[str, Any]:
    """The gold of one set folder, computed from its spec.json and texts."""
    spec_path = folder / "spec.json"
    try:
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpecError(f"{spec_path}: missing; every set needs a spec.json") from None
    except json.JSONDecodeError as exc:
        raise SpecError(f"{spec_path}: not valid JSON ({exc})") from None
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    if len(texts) < 2:
        raise SpecError(f"{folder}: needs at least two <lang>.txt files")
    divergences = []
    for i, d in enumerate(spec.get("divergences", [])):
        where = f"{spec_path} divergence {i + 1}"
        if d.get("kind") not in KINDS:
            raise SpecError(f"{where}: kind {d.get('kind')!r} is not one of {', '.join(KINDS)}")
        if d.get("severity") not in SEVERITIES:
            raise SpecError(f"{where}: severity {d.get('severity')!r} is not one of {', '.join(SEVERITIES)}")
        if not isinstance(d.get("required"), bool) or not d.get("note"):
            raise SpecError(f"{where}: give 'required' (true/false) and a 'note'")
        if "gap_after" in d and d["kind"] != "omission":
            raise SpecError(f"{where}: 'gap_after' is only for omission")
        span = _span(texts, d, where)
        entry: dict[str, Any] = {"version": span["version"], "kind": d["kind"], "start": span["start"],
                                 "end": span["end"], "text": span["text"], "note": d["note"],
                                 "severity": d["severity"], "required": d["required"]}
        if d.get("accept"):
            bad = [k for k in d["accept"] if k not in KINDS]
            if bad:
                raise SpecError(f"{where}: accept has unknown kinds {bad}")
            entry["accept"] = list(d["accept"])
        if d["kind"] in ("number", "entity") and not d.get("sources"):
            raise SpecError(f"{where}: a {d['kind']} divergence needs 'sources' (the counterpart passages)")
        if d.get("sources"):
            entry["sources"] = [_span(texts, s, f"{where} source {j + 1}") for j, s in enumerate(d["sources"])]
        divergences.append(entry)
    if spec.get("clean") and divergences:
        raise SpecError(f"{spec_path}: a clean set has no divergences")
    noise = []
    for i, n in enumerate(spec.get("noise", [])):
        where = f"{spec_path} noise {i + 1}"
        if n.get("kind") not in NOISE_KINDS:
            raise SpecError(f"{where}: kind {n.get('kind')!r} is not one of {', '.join(NOISE_KINDS)}")
        span = _span(texts, n, where)
        noise.append({"version": span["version"], "kind": n["kind"], "start": span["start"], "end": span["end"],
                      "text": span["text"]})
    gold = {"divergences": divergences, "noise": noise}
    verify(folder, gold, texts)
    return gold


def verify(folder: Path, gold: dict[str, Any], texts: dict[str, str] | None = None) -> None:
    """Raise SpecError unless every gold passage reproduces its file: ``text == file[start:end]``."""
    if texts is None:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    entries = list(gold["divergences"]) + list(gold["noise"])
    entries += [s for d in gold["divergences"] for s in d.get("sources", [])]
    for e in entries:
        got = texts[e["version"]][e["start"]:e["end"]]
        if got != e["text"]:
            raise SpecError(f"{folder / 'gold.json'}: {e['version']}[{e['start']}:{e['end']}] is {got!r}, "
                            f"not {e['text']!r}; rebuild with eval/build_gold.py")


def set_folders(paths: list[Path]) -> list[Path]:
    """Set folders (those with a spec.json) among ``paths`` and their subfolders."""
    out: list[Path] = []
    for p in paths:
        if (p / "spec.json").is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if (q / "spec.json").is_file()))
        else:
            raise SpecError(f"{p}: not a set folder (with spec.json) nor a folder of sets")
    return out


def _dump(gold: dict[str, Any]) -> str:
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="set folders or folders of sets (default: eval/sets, eval/sets-blind)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a gold.json differs from its spec")
    args = ap.parse_args(argv)
    paths = args.paths or [p for p in DEFAULT_DIRS if p.is_dir()]
    stale = 0
    try:
        for folder in set_folders(paths):
            text = _dump(build(folder))
            target = folder / "gold.json"
            current = target.read_text(encoding="utf-8") if target.is_file() else None
            if args.check:
                if current != text:
                    print(f"{target}: stale; run python eval/build_gold.py {folder}", file=sys.stderr)
                    stale += 1
                continue
            if current != text:
                tmp = target.with_suffix(".json.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(target)
                print(f"wrote {target}")
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
