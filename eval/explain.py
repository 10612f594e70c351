"""Why a gold divergence was missed: every candidate the detectors raised near it, with its probability.

A developer's tool for the evaluation sets (never for the blind ones). For each gold entry of
each set it lists the candidates (before the report threshold) of its version whose span
overlaps the gold span's sentence, with head, kind, calibrated probability and whether the
report kept it. "never raised" means no detector produced anything there: calibration cannot
help, a detector must. ``--false`` lists the reported flags that find no gold entry instead;
``--noise`` the gold noise entries (captions, boilerplate) that the segmenter reads as text (a body
sentence, a subheading or a title): not flagged today, but one unlucky group away from a flag on noise.

    python eval/explain.py eval/sets/tram-marenfeld [more sets or folders of sets] [--false | --noise]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score  # noqa: E402  (eval/score.py: loading sets, spans and matching)


def _record() -> tuple[list[dict[str, Any]], Any]:
    """Patch the flag stage so every finding is kept in a list with its probability and severity;
    returns the list and the function that undoes the patch."""
    from consistency.flags import calibration

    seen: list[dict[str, Any]] = []
    original = calibration.finalize

    def finalize(ctx, findings):
        out = []
        for f in findings:
            keep, severity, p = calibration.judge(ctx, f)
            seen.append({"kind": f.candidate.kind, "head": f.head, "version": f.candidate.version,
                         "start": f.candidate.start, "end": f.candidate.end, "p": p,
                         "kept": severity if keep else None, "features": f.features})
            if keep:
                from dataclasses import replace

                out.append(replace(f.candidate, severity=severity, score=round(p, 4)))
        return out

    calibration.finalize = finalize

    def undo() -> None:
        calibration.finalize = original

    return seen, undo


BLIND_REFUSED = "the blind sets (eval/sets-blind) are never explained (eval/README.md)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--model", default="auto")
    ap.add_argument("--false", action="store_true", help="list the reported flags that find no gold entry")
    ap.add_argument("--features", action="store_true", help="print each candidate's features")
    ap.add_argument("--noise", action="store_true",
                    help="list the gold captions and boilerplate that the segmenter reads as text")
    args = ap.parse_args(argv)
    # refused by name before any set is read (between sessions the blind folder may be empty), and again for
    # a blind set found inside a folder given
    if any("sets-blind" in path.resolve().as_posix() for path in args.paths):
        sys.exit(BLIND_REFUSED)
    folders = score.find_sets(args.paths)
    if any("sets-blind" in folder.as_posix() for folder in folders):
        sys.exit(BLIND_REFUSED)
    seen, undo = _record()
    try:
        _explain(folders, seen, args)
    finally:
        undo()
    return 0


def _explain(folders: list[Path], seen: list[dict[str, Any]], args: argparse.Namespace) -> None:
    for folder in folders:
        gs = score.load_set(folder)
        seen.clear()
        data = score.run_check(gs, model=args.model)
        flags = score.flags_from_report(data)
        print(f"## {folder.name}")
        if args.noise:
            for role, n in misread_noise(data, gs.noise):
                print(f"  NOISE {n['version']} {n['kind']} read as {role}: {n['text'][:100]!r}")
            continue
        if args.false:
            for f in flags:
                if not any(score.hits(f, g, gs.texts[g["version"]]) for g in gs.divergences):
                    print(f"  FALSE {f.version} {f.kind} {f.severity}: {gs.texts[f.version][f.start:f.end][:110]!r}")
                    if args.features:
                        for c in seen:
                            if (c["version"], c["start"], c["end"], c["kind"]) == (f.version, f.start, f.end, f.kind):
                                print(f"    {c['head']} p={c['p']:.3f} "
                                      f"{ {k: round(v, 3) for k, v in c['features'].items()} }")
            continue
        for g in gs.divergences:
            text = gs.texts[g["version"]]
            lo, hi = score.locus(gs, g)
            near = [c for c in seen if c["version"] == g["version"] and c["start"] <= hi and c["end"] >= lo]
            found = any(score.hits(f, g, text) for f in flags)
            print(f"- {g['version']} {g['kind']} ({'found' if found else 'MISSED'}): "
                  f"{text[g['start']:g['end']][:100]!r}")
            if not near:
                print("    never raised")
            for c in sorted(near, key=lambda c: -c["p"]):
                feats = f" {({k: round(v, 3) for k, v in c['features'].items()})}" if args.features else ""
                print(f"    {c['head']}/{c['kind']} p={c['p']:.3f} {c['kept'] or 'dropped'} "
                      f"[{c['start']}:{c['end']}] {text[c['start']:c['end']][:80]!r}{feats}")


def misread_noise(report: dict[str, Any], noise: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(role, entry) for each gold noise entry that a segment of another role than caption or boilerplate
    overlaps (a report as ``consistency-report/1`` JSON); the role is the first such segment's."""
    from consistency.flags.base import QUIET_ROLES

    out = []
    for n in noise:
        roles = [s["role"] for s in report["segments"]
                 if s["version"] == n["version"] and s["start"] < n["end"] and n["start"] < s["end"]]
        loud = [r for r in roles if r not in QUIET_ROLES]
        if loud:
            out.append((loud[0], n))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
