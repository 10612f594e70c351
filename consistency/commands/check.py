"""``consistency check``: two or more language versions of one article in, a report out."""
from __future__ import annotations

import argparse
import sys

from ._common import EXIT_FLAGGED, EXIT_OK, parse_langs, write_atomic
from . import COMMANDS


def add_model_arguments(p: argparse.ArgumentParser) -> None:
    """``--model``, ``--lang``, cache options: shared by every command that embeds."""
    from ..embed.models import model_ids

    p.add_argument("--lang", action="append", default=[], metavar="ID=CODE",
                   help="language of a version (by id or path) when the file name does not say it")
    p.add_argument("--model", default="auto", metavar="MODEL",
                   help=f"embedding model: auto (default), {', '.join(model_ids())}, or st:NAME_OR_FOLDER")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    p.add_argument("--cache-dir", metavar="DIR", help="embedding cache folder (default: ~/.cache/consistency)")


def cache_option(args: argparse.Namespace) -> bool | str:
    return False if args.no_cache else (args.cache_dir or True)


@COMMANDS.register("check")
class CheckCommand:
    help = "check two or more language versions of one article"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ..report import formats
        from ..types import SEVERITIES

        p.add_argument("files", nargs="+", metavar="FILE",
                       help="one file per version: de.txt, story.de.md, or ID=PATH")
        add_model_arguments(p)
        p.add_argument("--format", default="text", choices=formats(), help="output format (default: text)")
        p.add_argument("-o", "--output", metavar="PATH", help="write the report here instead of standard output")
        p.add_argument("--fail-on", default=None, choices=SEVERITIES,
                       help="exit 1 when a flag reaches this severity (default: high, or the configured one)")
        from ._config import add_config_arguments

        add_config_arguments(p, sets=False)  # consistency.toml / [tool.consistency]: model, thresholds, baseline
        p.set_defaults(model=None)

    def run(self, args: argparse.Namespace) -> int:
        from ..api import check
        from ..hook import waiver_sources
        from ..report import render
        from ._config import config_from_args

        config = config_from_args(args)
        report = check(args.files, langs=parse_langs(args.lang), model=config.model, fail_on=config.fail_on,
                       cache=cache_option(args), thresholds=dict(config.thresholds) or None,
                       waivers=waiver_sources(config, not args.no_baseline))
        out = render(report, args.format)
        if args.output:
            write_atomic(args.output, out)
            if args.format != "text":
                sys.stderr.write(f"consistency: {report.summary.verdict}, {len(report.flags)} flag(s); "
                                 f"report written to {args.output}\n")
        else:
            sys.stdout.write(out)
        return EXIT_FLAGGED if report.summary.verdict == "fail" else EXIT_OK
