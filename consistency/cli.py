"""The command line: a thin layer over ``consistency.api``.

Exit status: 0 no flag at or above ``--fail-on``; 1 at least one; 2 the input
could not be checked (one clear line on stderr, no report file written).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import ConsistencyError, UsageError

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2, like our own errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `consistency {self.prog.split()[-1]} --help`)")


def write_atomic(path: str | Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a half-written file."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{path}: folder {parent} does not exist; create it or choose another -o path")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _parse_langs(items: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep or not key or not val:
            raise UsageError(f"--lang {item!r}: write it as ID=CODE, e.g. --lang story.txt=de or --lang a=pl")
        out[key] = val
    return out


def build_parser() -> argparse.ArgumentParser:
    from .embed.models import model_ids
    from .report import formats
    from .types import SEVERITIES

    parser = _Parser(prog="consistency", description="Find what one language version of an article says "
                                                     "that the others do not.")
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("check", help="check two or more language versions of one article",
                       description="Check language versions of one article against each other.")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="one file per version: de.txt, story.de.md, or ID=PATH")
    p.add_argument("--lang", action="append", default=[], metavar="ID=CODE",
                   help="language of a version (by id or path) when the file name does not say it")
    p.add_argument("--model", default="auto", metavar="MODEL",
                   help=f"embedding model: auto (default), {', '.join(model_ids())}, or st:NAME_OR_FOLDER")
    p.add_argument("--format", default="text", choices=formats(), help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="PATH", help="write the report here instead of standard output")
    p.add_argument("--fail-on", default="high", choices=SEVERITIES,
                   help="exit 1 when a flag reaches this severity (default: high)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    p.add_argument("--cache-dir", metavar="DIR", help="embedding cache folder (default: ~/.cache/consistency)")

    sub.add_parser("models", help="list the embedding models and the languages they cover")
    return parser


def _cmd_check(args: argparse.Namespace) -> int:
    from .api import check
    from .report import render

    cache: bool | str = False if args.no_cache else (args.cache_dir or True)
    report = check(args.files, langs=_parse_langs(args.lang), model=args.model, fail_on=args.fail_on, cache=cache)
    out = render(report, args.format)
    if args.output:
        write_atomic(args.output, out)
        if args.format != "text":
            sys.stderr.write(f"consistency: {report.summary.verdict}, {len(report.flags)} flag(s); "
                             f"report written to {args.output}\n")
    else:
        sys.stdout.write(out)
    return EXIT_FLAGGED if report.summary.verdict == "fail" else EXIT_OK


def _cmd_models(_: argparse.Namespace) -> int:
    from .embed.models import auto_order, get_spec, model_ids

    print(f"auto picks the first of {', '.join(auto_order())} that covers every version's language\n")
    for name in model_ids():
        spec = get_spec(name)
        langs = "any" if spec.languages is None else f"{len(spec.languages)} languages"
        print(f"{name:<24} {spec.backend:<22} dim {spec.dim:<5} {langs:<14} {spec.description}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        return {"check": _cmd_check, "models": _cmd_models}[args.command](args)
    except ConsistencyError as exc:
        sys.stderr.write(f"consistency: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("consistency: interrupted; nothing was written\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
