"""Score the checker against gold article sets: per-kind recall, precision, F1, kind accuracy, false flags.

    python eval/score.py                                  # eval/sets (the development sets), default model
    python eval/score.py eval/sets ../shared/seeds        # several folders; a folder with gold.json is one set
    python eval/score.py eval/sets-blind                  # blind sets: scored once per release (eval/README.md)
    python eval/score.py --min-severity medium --json -o out.json
    python eval/score.py --save-reports reports/eval      # also keep every consistency-report/1 JSON
    python eval/score.py --reports reports/eval           # score saved reports instead of running the check

A set is a folder with ``<lang>.txt`` files and a ``gold.json`` in the shape of
``../shared/seeds/gold.json``. Definitions (eval/README.md has the reasoning):

- A flag *hits* a gold divergence when it is on the same version and its span
  overlaps the gold span. For ``omission`` gold (the whitespace where the missing
  content belongs) and for empty flags, touching counts: ``f.start <= g.end`` and
  ``g.start <= f.end``, or only whitespace between them; when that gap lies inside a
  sentence (the version merged the missing sentence away), the whole sentence counts
  as the place.
- Recall: share of gold divergences hit by at least one flag. Precision: share of
  flags that hit a gold divergence of their version; flags on clean sets, on
  captions or boilerplate (gold ``noise``) or anywhere else are false.
- Kind accuracy: among the divergences found, the share with a hitting flag of
  the gold kind (or of a kind listed in the entry's ``accept``). ``top kind
  accuracy`` is stricter: the first hitting flag in report order (most severe,
  then highest score) must have the right kind.
- Severities: ``--min-severity S`` (default ``low``: every flag a report shows)
  drops flags below S; gold divergences below S then leave the recall
  denominator, and flags that hit them still count as correct. The Markdown
  output also gives the overall numbers at each threshold.
- Seeds criteria (computed for every set, on all flags whatever the threshold):
  every ``required`` divergence has a hitting flag whose span lies inside the
  sentence(s) of the gold span, and every other divergence is reported at all.

Importable: ``score_folders(paths, ...)`` returns the summary dict that
``--json`` prints; ``score_set`` and ``summarize`` work on flags you bring.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = ROOT / "eval" / "sets"
KINDS = ("addition", "omission", "number", "entity", "polarity", "hedging", "drift")
SEVERITIES = ("low", "medium", "high")
LANG_ORDER = ("it", "de", "pt", "fr", "pl")  # the seeds' order; the first version is the checker's reference
TARGETS = {"recall": 0.8, "precision": 0.8, "kind_accuracy": 0.7, "max_false_per_clean_set": 1}


class EvalError(Exception):
    """A set or report that cannot be scored; the message names the file."""


def rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# -- data ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagView:
    """The part of a flag the scorer reads (from a Report or a consistency-report/1 JSON)."""

    version: str
    kind: str
    start: int
    end: int
    severity: str
    score: float = 0.0
    text: str = ""


@dataclass
class GoldSet:
    name: str
    folder: Path
    texts: dict[str, str]
    divergences: list[dict[str, Any]]
    noise: list[dict[str, Any]]

    @property
    def clean(self) -> bool:
        return not self.divergences

    def ordered_versions(self) -> list[str]:
        known = [v for v in LANG_ORDER if v in self.texts]
        return known + sorted(v for v in self.texts if v not in known)


def load_set(folder: Path) -> GoldSet:
    """Read one set folder; every gold span must reproduce its file."""
    gold_path = folder / "gold.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{gold_path}: missing; a set folder needs gold.json (eval/build_gold.py writes it)") from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"{gold_path}: not valid JSON ({exc})") from None
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    entries = list(gold.get("divergences", [])) + list(gold.get("noise", []))
    for e in entries:
        if e["version"] not in texts:
            raise EvalError(f"{gold_path}: version {e['version']!r} has no {e['version']}.txt")
        if texts[e["version"]][e["start"]:e["end"]] != e["text"]:
            raise EvalError(f"{gold_path}: {e['version']}[{e['start']}:{e['end']}] does not reproduce its text; "
                            f"rebuild with eval/build_gold.py")
    return GoldSet(folder.name, folder, texts, list(gold.get("divergences", [])), list(gold.get("noise", [])))


def find_sets(paths: Iterable[Path]) -> list[Path]:
    """Set folders among ``paths``: a folder with gold.json is a set, otherwise its subfolders that have one."""
    out: list[Path] = []
    for p in paths:
        if (p / "gold.json").is_file():
            out.append(p)
        elif p.is_dir():
            found = sorted(q for q in p.iterdir() if (q / "gold.json").is_file())
            if not found:
                raise EvalError(f"{p}: no gold.json in it or in its subfolders")
            out.extend(found)
        else:
            raise EvalError(f"{p}: not a folder")
    return out


def flags_from_report(report: Any) -> list[FlagView]:
    """Flags of a ``consistency.Report`` or of its JSON (``report.to_dict()``), in report order."""
    flags = report["flags"] if isinstance(report, Mapping) else [f.to_dict() for f in report.flags]
    return [FlagView(version=f["version"], kind=f["kind"], start=int(f["start"]), end=int(f["end"]),
                     severity=f["severity"], score=float(f.get("score", 0.0)), text=f.get("text", ""))
            for f in flags]


def run_check(gs: GoldSet, model: str = "auto", cache: bool = True) -> dict[str, Any]:
    """The checker's report on one set, as consistency-report/1 JSON."""
    import consistency

    paths = [str(gs.folder / f"{v}.txt") for v in gs.ordered_versions()]
    return consistency.check(paths, model=model, cache=cache).to_dict()


# -- matching --------------------------------------------------------------------------------------


def hits(f: FlagView, g: Mapping[str, Any], text: str | None = None) -> bool:
    """Does flag ``f`` find gold divergence ``g``? Same version and overlapping spans (touching for gaps).

    For an ``omission`` whose gap lies inside a sentence (the version merged the
    missing sentence away), ``text`` widens the gap to that sentence.
    """
    if f.version != g["version"]:
        return False
    lo, hi = g["start"], g["end"]
    if g["kind"] == "omission" and text is not None:
        lo, hi = omission_zone(text, lo, hi)
    if g["kind"] == "omission" or f.start == f.end or lo == hi:
        if f.start <= hi and lo <= f.end:
            return True
        # touching across whitespace only: a gap flag at the end of the paragraph before the span
        return text is not None and (not text[f.end:lo].strip() if f.end <= lo else not text[hi:f.start].strip())
    return f.start < hi and lo < f.end


def omission_zone(text: str, start: int, end: int) -> tuple[int, int]:
    """The gap itself when it lies between sentences; the enclosing sentence when it lies inside one."""
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?…\"'”’»)" or text[start:end].count("\n"):
        return start, end
    return sentence_of(text, start, end)


def on_noise(f: FlagView, n: Mapping[str, Any]) -> bool:
    """Does flag ``f`` lie on a caption or boilerplate passage?"""
    if f.version != n["version"]:
        return False
    if f.start == f.end:
        return n["start"] < f.start < n["end"]
    return f.start < n["end"] and n["start"] < f.end


# words after which a full stop does not end a sentence (it, de, pt, fr, pl, en); also any single
# letter, one- or two-digit number (German ordinals: "14. Juni"), Roman numeral ("XVI", "Ier")
# or dotted token ("z.B", "n.p.m", "J.-C")
_ABBREVIATIONS = frozenset("""
ok proc tys mln mld mkw sześc godz ul np nr r ww wg tzw zob ds im ks prof dr hab inż mgr św
mio mrd bzw ggf usw vgl nr st str abs ca evtl inkl max min mind tel
sig dott ecc pag art tab fig vol es cfr sg
av sr sra dra pág
env mme mlle me cf
mr mrs ms vs etc inc ltd co jr
""".split())
_ROMAN = re.compile(r"^[IVXLC]+[a-z]{0,3}$")
_END = re.compile(r"[.!?…][\"'”’»)]*(?=\s|$)")


def _ends_sentence(text: str, dot: int) -> bool:
    """Is the terminator at ``text[dot]`` a sentence end (not an abbreviation's full stop)?"""
    if text[dot] != ".":
        return True
    ws = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot), text.rfind("\u00a0", 0, dot))
    token = text[ws + 1:dot].lstrip("\"'“‘«([¿¡")
    if not token:
        return True
    return not (len(token) == 1 or (token.isdigit() and len(token) <= 2) or "." in token or _ROMAN.match(token)
                or token.lower() in _ABBREVIATIONS)


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around ``[start, end)``: from the previous sentence end or line break to the next.

    Deliberately generous: a full stop after a known abbreviation ("ok.", "proc.",
    "Mio."), a single letter, a day number or a Roman numeral is not a sentence end,
    so abbreviations never make the sentence smaller than it is.
    """
    lo = text.rfind("\n", 0, max(start, 0)) + 1
    for m in _END.finditer(text, lo, start):
        if m.end() <= start and _ends_sentence(text, m.start()):
            lo = m.end()
    while lo < start and text[lo].isspace():
        lo += 1
    nl = text.find("\n", end)
    hi = len(text) if nl < 0 else nl
    for m in _END.finditer(text, max(end - 1, start), hi):
        if _ends_sentence(text, m.start()):
            hi = m.end()
            break
    return lo, max(hi, end)


def locus(gs: GoldSet, g: Mapping[str, Any]) -> tuple[int, int]:
    """Where a flag for ``g`` must lie for the seeds criterion: the gold span's sentence (for a gap, both neighbours)."""
    text = gs.texts[g["version"]]
    if g["kind"] == "omission" or not text[g["start"]:g["end"]].strip():
        before = sentence_of(text, max(g["start"] - 1, 0), g["start"])
        after = sentence_of(text, g["end"], min(g["end"] + 1, len(text)))
        return before[0], after[1]
    return sentence_of(text, g["start"], g["end"])


# -- scoring ---------------------------------------------------------------------------------------


@dataclass
class GoldResult:
    entry: dict[str, Any]
    counted: bool  # at or above the severity threshold
    found: bool
    kind_ok: bool  # a hitting flag has the gold kind (or an accepted one)
    top_kind_ok: bool  # the first hitting flag in report order has it
    in_sentence: bool  # seeds criterion: a hitting flag (any severity) lies inside the gold span's sentence
    reported: bool  # a hitting flag of any severity exists
    flag_kinds: list[str] = field(default_factory=list)


@dataclass
class SetResult:
    name: str
    clean: bool
    gold: list[GoldResult]
    flags: list[tuple[FlagView, str]]  # (flag, "correct" | "noise" | "false") at or above the threshold
    all_flags: int
    noise_flagged: int  # flags (any severity) on captions or boilerplate


def score_set(gs: GoldSet, flags: Sequence[FlagView], min_severity: str = "low") -> SetResult:
    """Match one set's flags (in report order) against its gold."""
    kept = [f for f in flags if rank(f.severity) >= rank(min_severity)]
    gold_results = []
    for g in gs.divergences:
        accepted = {g["kind"], *g.get("accept", [])}
        text = gs.texts[g["version"]]
        mine = [f for f in kept if hits(f, g, text)]
        every = [f for f in flags if hits(f, g, text)]
        lo, hi = locus(gs, g)
        inside = [f for f in every if lo <= _trimmed(text, f)[0] and _trimmed(text, f)[1] <= hi]
        gold_results.append(GoldResult(
            entry=g, counted=rank(g["severity"]) >= rank(min_severity), found=bool(mine),
            kind_ok=any(f.kind in accepted for f in mine), top_kind_ok=bool(mine) and mine[0].kind in accepted,
            in_sentence=bool(inside), reported=bool(every), flag_kinds=[f.kind for f in mine]))
    classified = []
    for f in kept:
        if any(hits(f, g, gs.texts[g["version"]]) for g in gs.divergences):
            label = "correct"
        elif any(on_noise(f, n) for n in gs.noise):
            label = "noise"
        else:
            label = "false"
        classified.append((f, label))
    noise_flagged = sum(1 for f in flags if any(on_noise(f, n) for n in gs.noise))
    return SetResult(gs.name, gs.clean, gold_results, classified, len(flags), noise_flagged)


def _trimmed(text: str, f: FlagView) -> tuple[int, int]:
    """The flag's span without surrounding whitespace (an all-blank span stays where it is)."""
    seg = text[f.start:f.end]
    if not seg.strip():
        return f.start, f.end
    return f.start + len(seg) - len(seg.lstrip()), f.end - (len(seg) - len(seg.rstrip()))


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _metrics(golds: list[GoldResult], flags: list[tuple[FlagView, str]]) -> dict[str, Any]:
    counted = [g for g in golds if g.counted]
    found = [g for g in counted if g.found]
    correct = sum(1 for _, lab in flags if lab == "correct")
    recall, precision = _ratio(len(found), len(counted)), _ratio(correct, len(flags))
    return {"gold": len(counted), "found": len(found), "recall": recall,
            "flags": len(flags), "correct": correct, "precision": precision, "f1": _f1(precision, recall),
            "kind_accuracy": _ratio(sum(g.kind_ok for g in found), len(found)),
            "top_kind_accuracy": _ratio(sum(g.top_kind_ok for g in found), len(found))}


def summarize(results: Sequence[SetResult], min_severity: str = "low") -> dict[str, Any]:
    """Per-kind and overall metrics, per-set rows, clean-set false flags and the seeds criteria."""
    golds = [g for r in results for g in r.gold]
    flags = [fl for r in results for fl in r.flags]
    per_kind = {}
    for k in KINDS:
        m = _metrics([g for g in golds if g.entry["kind"] == k], [fl for fl in flags if fl[0].kind == k])
        per_kind[k] = m
    extra = sorted({fl[0].kind for fl in flags} - set(KINDS))
    for k in extra:  # kinds the checker invented: precision only
        per_kind[k] = _metrics([], [fl for fl in flags if fl[0].kind == k])
    clean = {r.name: len(r.flags) for r in results if r.clean}
    required = [g for g in golds if g.entry.get("required")]
    optional = [g for g in golds if not g.entry.get("required")]
    sets = []
    for r in results:
        m = _metrics(r.gold, r.flags)
        req = [g for g in r.gold if g.entry.get("required")]
        sets.append({"set": r.name, "clean": r.clean, **m,
                     "false_flags": sum(1 for _, lab in r.flags if lab != "correct"),
                     "noise_flagged": r.noise_flagged,
                     "required_in_sentence": sum(g.in_sentence for g in req), "required": len(req),
                     "missed": [f"{g.entry['version']} {g.entry['kind']}: {g.entry['text'][:60]}"
                                for g in r.gold if g.counted and not g.found],
                     "false": [f"{f.version} {f.severity} {f.kind}: {f.text.strip()[:60]}"
                               for f, lab in r.flags if lab != "correct"]})
    overall = _metrics(golds, flags)
    return {
        "min_severity": min_severity,
        "sets": len(results), "divergent_sets": sum(not r.clean for r in results),
        "clean_sets": len(clean),
        "overall": overall,
        "per_kind": per_kind,
        "clean_false_flags": clean,
        "clean_false_flags_mean": _ratio(sum(clean.values()), len(clean)),
        "clean_false_flags_max": max(clean.values(), default=None),
        "noise_flagged": sum(r.noise_flagged for r in results),
        "seeds_criteria": {
            "required_in_sentence": sum(g.in_sentence for g in required), "required": len(required),
            "non_required_reported": sum(g.reported for g in optional), "non_required": len(optional),
        },
        "per_set": sets,
    }


def targets(summary: Mapping[str, Any]) -> dict[str, bool | None]:
    """The issue's done criteria on this summary (None where the data has nothing to judge)."""
    o = summary["overall"]
    seeds = summary["seeds_criteria"]

    def ge(x: float | None, t: float) -> bool | None:
        return None if x is None else x >= t

    mx = summary["clean_false_flags_max"]
    return {
        "recall >= 0.8": ge(o["recall"], TARGETS["recall"]),
        "precision >= 0.8": ge(o["precision"], TARGETS["precision"]),
        "kind accuracy >= 0.7": ge(o["kind_accuracy"], TARGETS["kind_accuracy"]),
        "<= 1 false flag per clean set": None if mx is None else mx <= TARGETS["max_false_per_clean_set"],
        "captions and boilerplate never flagged": summary["noise_flagged"] == 0,
        "required found inside their sentence": seeds["required_in_sentence"] == seeds["required"],
        "non-required reported": seeds["non_required_reported"] == seeds["non_required"],
    }


def score_folders(paths: Sequence[Path], *, model: str = "auto", min_severity: str = "low",
                  reports: Path | None = None, save_reports: Path | None = None, cache: bool = True,
                  progress: Any = None) -> dict[str, Any]:
    """Score every set under ``paths``; returns the summary at ``min_severity`` plus overall numbers per threshold."""
    sets = [load_set(p) for p in find_sets(paths)]
    flag_lists: list[list[FlagView]] = []
    signature = None
    for gs in sets:
        if reports is not None:
            path = reports / f"{gs.name}.json"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise EvalError(f"{path}: no saved report for set {gs.name}; run without --reports first") from None
        else:
            if progress:
                progress(gs.name)
            data = run_check(gs, model=model, cache=cache)
            if save_reports is not None:
                from consistency.commands._common import write_atomic

                write_atomic(save_reports / f"{gs.name}.json", json.dumps(data, ensure_ascii=False, indent=1))
        signature = signature or data.get("signature", {}).get("text")
        _check_offsets(gs, data)
        flag_lists.append(flags_from_report(data))
    summary = summarize([score_set(gs, fl, min_severity) for gs, fl in zip(sets, flag_lists)], min_severity)
    summary["signature"] = signature
    summary["paths"] = [str(p) for p in paths]
    summary["by_severity"] = {}
    for sev in SEVERITIES:
        s = summarize([score_set(gs, fl, sev) for gs, fl in zip(sets, flag_lists)], sev)
        summary["by_severity"][sev] = {**s["overall"], "clean_false_flags_max": s["clean_false_flags_max"],
                                       "clean_false_flags_mean": s["clean_false_flags_mean"]}
    summary["targets"] = targets(summary)
    return summary


def _check_offsets(gs: GoldSet, data: Mapping[str, Any]) -> None:
    for f in data["flags"]:
        text = gs.texts.get(f["version"])
        if text is None:
            raise EvalError(f"{gs.folder}: a flag names version {f['version']!r}, which the set does not have")
        if text[f["start"]:f["end"]] != f.get("text", text[f["start"]:f["end"]]):
            raise EvalError(f"{gs.folder}: flag {f.get('id')} offsets do not reproduce {f['version']}.txt; "
                           f"the report predates the text: rerun without --reports")


# -- output ----------------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def markdown(summary: Mapping[str, Any]) -> str:
    """The summary as Markdown tables."""
    o = summary["overall"]
    lines = [f"Sets: {', '.join(summary['paths'])}: {summary['divergent_sets']} divergent, {summary['clean_sets']} clean. "
             f"Flags at >= {summary['min_severity']}. Checker: `{summary.get('signature') or 'saved reports'}`.", "",
             "| kind | gold | found | recall | flags | correct | precision | F1 | kind acc. | top kind acc. |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for k, m in list(summary["per_kind"].items()) + [("**overall**", o)]:
        lines.append(f"| {k} | {m['gold']} | {m['found']} | {_fmt(m['recall'])} | {m['flags']} | {m['correct']} | "
                     f"{_fmt(m['precision'])} | {_fmt(m['f1'])} | {_fmt(m['kind_accuracy'])} | "
                     f"{_fmt(m['top_kind_accuracy'])} |")
    lines += ["", "Recall and kind accuracy are by gold kind; flags, correct and precision by the flag's kind.", ""]
    clean = summary["clean_false_flags"]
    if clean:
        lines.append("False flags per clean set: " + ", ".join(f"{k} {v}" for k, v in clean.items())
                     + f" (mean {_fmt(summary['clean_false_flags_mean'])}, max {summary['clean_false_flags_max']}).")
    seeds = summary["seeds_criteria"]
    lines += [f"Flags on captions or boilerplate (any severity): {summary['noise_flagged']}.",
              f"Required divergences found inside their sentence: {seeds['required_in_sentence']}/{seeds['required']}; "
              f"non-required reported at low or above: {seeds['non_required_reported']}/{seeds['non_required']}.", ""]
    if "by_severity" in summary:
        lines += ["| flags at | recall | precision | F1 | kind acc. | false flags per clean set (mean / max) |",
                  "| --- | ---: | ---: | ---: | ---: | --- |"]
        for sev, m in summary["by_severity"].items():
            lines.append(f"| >= {sev} | {_fmt(m['recall'])} | {_fmt(m['precision'])} | {_fmt(m['f1'])} | "
                         f"{_fmt(m['kind_accuracy'])} | {_fmt(m['clean_false_flags_mean'])} / "
                         f"{'–' if m['clean_false_flags_max'] is None else m['clean_false_flags_max']} |")
        lines.append("")
    lines += ["| set | gold | found | flags | false | on noise | required in sentence | missed |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for s in summary["per_set"]:
        missed = "; ".join(s["missed"]) or ("(clean)" if s["clean"] else "")
        lines.append(f"| {s['set']} | {s['gold']} | {s['found']} | {s['flags']} | {s['false_flags']} | "
                     f"{s['noise_flagged']} | {s['required_in_sentence']}/{s['required']} | {missed} |")
    if "targets" in summary:
        lines += ["", "| target | met |", "| --- | --- |"]
        for name, ok in summary["targets"].items():
            lines.append(f"| {name} | {'–' if ok is None else ('yes' if ok else '**no**')} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="set folders or folders of sets (default: eval/sets)")
    ap.add_argument("--min-severity", choices=SEVERITIES, default="low", help="ignore flags below this (default low)")
    ap.add_argument("--model", default="auto", help="model for consistency.check (default auto)")
    ap.add_argument("--reports", type=Path, help="score saved reports DIR/<set>.json instead of running the check")
    ap.add_argument("--save-reports", type=Path, help="write each set's report to DIR/<set>.json")
    ap.add_argument("--no-cache", action="store_true", help="do not use the embedding cache")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON instead of Markdown")
    ap.add_argument("--details", action="store_true", help="also list every false flag per set")
    ap.add_argument("-o", "--output", type=Path, help="write the output here instead of stdout")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    try:
        if args.save_reports is not None:
            args.save_reports.mkdir(parents=True, exist_ok=True)
        summary = score_folders(args.paths or [DEFAULT_SETS], model=args.model, min_severity=args.min_severity,
                                reports=args.reports, save_reports=args.save_reports, cache=not args.no_cache,
                                progress=lambda name: print(f"checking {name} ...", file=sys.stderr, flush=True))
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = json.dumps(summary, ensure_ascii=False, indent=1) + "\n" if args.json else markdown(summary)
    if args.details and not args.json:
        out += "\n" + "\n".join(f"- {s['set']}: {x}" for s in summary["per_set"] for x in s["false"]) + "\n"
    if args.output:
        from consistency.commands._common import write_atomic

        write_atomic(args.output, out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
