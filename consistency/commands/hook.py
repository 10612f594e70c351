"""``consistency hook FILE...``: the pre-publish gate (pre-commit, CI): check the article sets the files touch."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from ._common import write_atomic
from . import COMMANDS

HOOK_FORMATS = ("text", "json", "sarif", "junit", "github")


def render_results(fmt: str, results: Sequence, status: int, *, show_waived: bool = False) -> str:
    """The hook's output for several article sets in one of ``HOOK_FORMATS``."""
    from ..hook import finding_lines

    named = [(r.name, r.report) for r in results if r.report is not None]
    if fmt == "text":
        return "".join(line + "\n" for line in finding_lines(results, waived=show_waived))
    if fmt == "json":
        sets = [{"name": r.name, **({"report": r.report.to_dict()} if r.report is not None
                                    else {"skipped": r.skipped})} for r in results]
        return json.dumps({"schema": "consistency-hook/1", "exit_status": status, "sets": sets},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "sarif":
        from ..report.sarif import render_many

        return render_many(named, exit_code=status)
    if fmt == "junit":
        from ..report.junit import render_many

        return render_many(named)
    from ..report.github import render_many

    return render_many(named)


def summary_line(results: Sequence, status: int) -> str:
    """``consistency: 2 article sets (7 versions): FAIL, 3 finding(s) ...`` for stderr."""
    from ..report._gate import blocking

    checked = [r for r in results if r.report is not None]
    flags = [(f, r.report.signature.fail_on) for r in checked for f in r.report.flags]
    failing = sum(blocking(f, fail_on) for f, fail_on in flags)
    waived = sum(f.waived is not None for f, _ in flags)
    versions = sum(len(r.set.versions) for r in checked)
    parts = [f"{failing} blocking", f"{len(flags) - failing - waived} below the threshold", f"{waived} waived"]
    head = f"consistency: {len(checked)} article set(s) ({versions} versions): {'FAIL' if status else 'pass'}"
    if not results:
        return "consistency: no language versions among the files; nothing to check\n"
    lines = [f"{head}, {', '.join(parts)}\n"]
    lines += [f"consistency: skipped {r.skipped}\n" for r in results if r.skipped]
    return "".join(lines)


@COMMANDS.register("hook")
class HookCommand:
    help = "pre-publish gate: check the article sets that changed files belong to (pre-commit, CI)"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ..types import SEVERITIES
        from ._config import add_config_arguments
        from .check import add_model_arguments

        p.add_argument("files", nargs="*", metavar="FILE",
                       help="changed files; their article sets are checked with every sibling version")
        add_model_arguments(p)
        add_config_arguments(p)
        p.set_defaults(model=None)
        p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                       help="exit 1 when an unwaived finding reaches this severity (default: high)")
        p.add_argument("--format", default="text", choices=HOOK_FORMATS,
                       help="text: one `path:line:col: kind severity message` line per finding (default); "
                            "json, sarif, junit, github (workflow annotations)")
        p.add_argument("-o", "--output", metavar="PATH", help="write the output here instead of standard output")
        p.add_argument("--show-waived", action="store_true", help="also list waived findings, with their reasons")

    def run(self, args: argparse.Namespace) -> int:
        from ..hook import exit_status, run_hook
        from .check import cache_option
        from ._config import config_from_args

        config = config_from_args(args)
        results = run_hook(args.files, config, cache=cache_option(args), use_baseline=not args.no_baseline)
        status = exit_status(results)
        out = render_results(args.format, results, status, show_waived=args.show_waived)
        if args.output:
            write_atomic(args.output, out)
        else:
            sys.stdout.write(out)
        if args.files:
            sys.stderr.write(summary_line(results, status))
        return status
