"""``consistency baseline [FILE...]``: accept the current findings, so only new ones fail the gate."""
from __future__ import annotations

import argparse
import sys

from ._common import EXIT_OK, write_atomic
from . import COMMANDS


@COMMANDS.register("baseline")
class BaselineCommand:
    help = "record the current findings as accepted (the baseline file); only new findings fail the hook"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ._config import add_config_arguments
        from .check import add_model_arguments

        p.add_argument("files", nargs="*", metavar="FILE",
                       help="limit to the article sets of these files (their entries are replaced, others "
                            "kept); default: every article set under the project root (the file is rewritten)")
        add_model_arguments(p)
        add_config_arguments(p)
        p.set_defaults(model=None)
        p.add_argument("--reason", default="accepted in the baseline",
                       help="why these findings are accepted (stored with each, shown in reports)")

    def run(self, args: argparse.Namespace) -> int:
        from ..errors import UsageError
        from ..hook import check_set
        from ..sets import find_sets, group_files, relative_key
        from ..waivers import Baseline, baseline_entries
        from .check import cache_option
        from ._config import config_from_args

        if args.no_baseline:
            raise UsageError("--no-baseline makes no sense for `consistency baseline`; leave it out")
        config = config_from_args(args)
        if args.files:
            sets = [s for s in group_files(args.files, root=config.root, naming=config.naming,
                                           languages=config.languages, ignore=config.ignore)
                    if s.checkable]
        else:
            sets = find_sets(config.root, naming=config.naming, languages=config.languages, ignore=config.ignore)
        entries = []
        for article in sets:
            report = check_set(article, config, cache=cache_option(args))
            sources = {v.id: v.source for v in report.versions}
            entries += baseline_entries(report.flags, sources, config.root, " ".join(args.reason.split()))
        old = Baseline.load(config.baseline_path, root=config.root)
        if args.files:
            touched = {relative_key(p, config.root) for s in sets for p in s.paths}
            new = old.merged(entries, replace_paths=touched)
        else:
            new = Baseline(entries, root=config.root, path=config.baseline_path)
        write_atomic(config.baseline_path, new.to_json())
        sys.stderr.write(f"consistency: {len(entries)} finding(s) in {len(sets)} article set(s) accepted; "
                         f"{len(new)} in {config.baseline_path}\n")
        return EXIT_OK
