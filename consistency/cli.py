"""The command line: a thin layer over ``consistency.api``; subcommands live in ``consistency/commands/``.

Exit status: 0 no flag at or above ``--fail-on``; 1 at least one; 2 the input
could not be checked (one clear line on stderr, no report file written).
"""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .commands._common import EXIT_ERROR, write_atomic  # noqa: F401  (write_atomic: public helper)
from .errors import ConsistencyError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2, like our own errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    from .commands import COMMANDS, load_all

    load_all()
    parser = _Parser(prog="consistency",
                     description="Find what one language version of an article says that the others do not.")
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMANDS:
        command = COMMANDS.get(name)()
        p = sub.add_parser(name, help=command.help, description=command.help[0].upper() + command.help[1:] + ".")
        command.add_arguments(p)
        p.set_defaults(_command=command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        return int(args._command.run(args))
    except ConsistencyError as exc:
        sys.stderr.write(f"consistency: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("consistency: interrupted; nothing was written\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
