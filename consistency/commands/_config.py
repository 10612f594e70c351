"""Command-line options that override the project configuration (``consistency/config.py``).

Shared by ``check``, ``hook`` and ``baseline``: an option left out keeps the file's
value (its argparse default is None), an option given wins.
"""
from __future__ import annotations

import argparse
import os

from ..config import Config, load_config, merge
from ..errors import UsageError


def add_config_arguments(p: argparse.ArgumentParser, *, sets: bool = True) -> None:
    """``--config``, ``--threshold``, ``--baseline``/``--no-baseline``; with ``sets``, also the set options."""
    from ..config import THRESHOLD_KEYS
    from ..sets import NAMINGS

    p.add_argument("--config", metavar="PATH",
                   help="configuration file (default: the nearest consistency.toml, or pyproject.toml "
                        "with [tool.consistency], from the working folder up)")
    p.add_argument("--threshold", action="append", default=[], metavar="KEY=VALUE",
                   help=f"override a decision threshold ({', '.join(THRESHOLD_KEYS)}; calibrated scale, "
                        "1 = a typical translation)")
    p.add_argument("--baseline", metavar="PATH", help="baseline file of accepted findings "
                                                      "(default: the configured one, .consistency-baseline.json)")
    p.add_argument("--no-baseline", action="store_true", help="do not apply the baseline")
    if sets:
        p.add_argument("--languages", metavar="LANGS",
                       help="comma-separated languages whose files count as versions, first = reference "
                            "(e.g. it,de,pt,fr,pl)")
        p.add_argument("--naming", choices=NAMINGS,
                       help="how versions of one article are named: folder (story/de.md), suffix "
                            "(story.de.md) or auto (both; default)")
        p.add_argument("--ignore", action="append", metavar="GLOB",
                       help="skip files matching this pattern (relative to the project root; repeatable)")


def _thresholds(items: list[str]) -> dict[str, float] | None:
    out: dict[str, float] = {}
    for item in items:
        key, sep, val = item.partition("=")
        try:
            out[key.strip()] = float(val)
        except ValueError:
            sep = ""
        if not sep:
            raise UsageError(f"--threshold {item!r}: write it as KEY=NUMBER, e.g. --threshold link=0.45")
    return out or None


def config_from_args(args: argparse.Namespace) -> Config:
    """The configuration file's settings with the command line's put over them."""
    config = load_config(args.config)
    languages = getattr(args, "languages", None)
    return merge(
        config,
        model=getattr(args, "model", None),
        fail_on=getattr(args, "fail_on", None),
        thresholds=_thresholds(getattr(args, "threshold", []) or []),
        languages=tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None,
        naming=getattr(args, "naming", None),
        ignore=getattr(args, "ignore", None),
        baseline=os.path.abspath(args.baseline) if getattr(args, "baseline", None) else None,
    )

