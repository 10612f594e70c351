"""``consistency batch``: every article set of a corpus checked, one report per set, an index and a summary."""
from __future__ import annotations

import argparse
import os
import sys

from . import COMMANDS
from ._common import EXIT_ERROR, EXIT_FLAGGED, EXIT_OK


@COMMANDS.register("batch")
class BatchCommand:
    help = "check every article set under a folder: one report per set, index.html and summary.csv"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ..embed.models import model_ids
        from ..report import formats
        from ..types import SEVERITIES
        from ._config import add_config_arguments

        p.add_argument("corpus", metavar="CORPUS",
                       help="folder of article sets: a folder per article (story/de.txt, story/it.txt) "
                            "or files named slug.lang.ext (story.de.md, story.it.md)")
        p.add_argument("-o", "--output", default="reports", metavar="DIR",
                       help="folder for the reports, index.html and summary.csv (default: reports)")
        p.add_argument("--format", action="append", choices=formats(), metavar="FORMAT",
                       help=f"report format per set, repeatable ({', '.join(formats())}; default: html)")
        p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="sets checked at once, in separate processes (default: the number of CPUs)")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster (tcp://host:8786) instead of local processes; the workers "
                            "must see CORPUS at the same path")
        p.add_argument("--force", action="store_true",
                       help="check every set again, even those unchanged since the last run")
        p.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
        p.add_argument("--model", default=None, metavar="MODEL",
                       help=f"embedding model: auto (default), {', '.join(model_ids())}, or st:NAME_OR_FOLDER")
        p.add_argument("--fail-on", default=None, choices=SEVERITIES,
                       help="a set fails when a flag reaches this severity (default: high, or the configured one)")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
        p.add_argument("--cache-dir", metavar="DIR", help="embedding cache folder (default: ~/.cache/consistency)")
        add_config_arguments(p)

    def run(self, args: argparse.Namespace) -> int:
        from ..batch import Settings, discover, run
        from ..errors import UsageError
        from ._config import config_from_args

        config = config_from_args(args)
        jobs_n = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
        if jobs_n < 1:
            raise UsageError(f"--jobs {args.jobs}: give 1 or more")
        baseline = None
        if not args.no_baseline and config.baseline_path.is_file():
            baseline = str(config.baseline_path.resolve())
        settings = Settings(model=config.model, fail_on=config.fail_on,
                            formats=tuple(dict.fromkeys(args.format or ["html"])),
                            thresholds=dict(config.thresholds), baseline=baseline,
                            baseline_root=str(config.root.resolve()),
                            cache=False if args.no_cache else (os.path.abspath(args.cache_dir) if args.cache_dir
                                                                else True))
        sets = discover(args.corpus, naming=config.naming, languages=config.languages, ignore=config.ignore,
                        exclude=[args.output])
        if not sets:
            raise UsageError(f"{args.corpus}: no article sets found; put one folder per article with files "
                             "named by language (story/de.txt) or name files slug.lang.ext (story.de.md)")
        bar = None
        if not args.no_progress:
            from tqdm import tqdm

            bar = tqdm(total=len(sets), unit="set", file=sys.stderr, dynamic_ncols=True, desc="consistency")
        finished = [0, 0]  # sets done, of which failed

        def progress(result) -> None:
            finished[0] += 1
            finished[1] += result.status == "failed"
            if bar is not None:
                bar.update(1)
                if finished[1]:
                    bar.set_postfix_str(f"{finished[1]} could not be checked", refresh=False)

        try:
            summary = run(sets, args.output, settings, workers=jobs_n, scheduler=args.scheduler, force=args.force,
                          on_result=progress)
        except KeyboardInterrupt:
            if bar is not None:
                bar.close()
            sys.stderr.write(f"consistency: batch interrupted after {finished[0]} of {len(sets)} sets; the reports "
                             f"written are complete. Run the same command again to continue (finished sets are "
                             f"skipped).\n")
            return 130
        finally:
            if bar is not None:
                bar.close()
        counts = {v: summary.count(verdict=v) for v in ("fail", "warn", "pass")}
        skipped = summary.count(status="skipped")
        lines = [f"consistency: {len(summary.results)} sets in {summary.seconds:.{1 if summary.seconds >= 10 else 2}f} s: {counts['fail']} fail, "
                 f"{counts['warn']} warn, {counts['pass']} pass, {len(summary.failed)} could not be checked"
                 + (f"; {skipped} unchanged (skipped)" if skipped else "")
                 + f". Reports: {summary.index} and {summary.table}"]
        for r in summary.failed:
            lines.append(f"  {r.key}: {r.error}")
        sys.stderr.write("\n".join(lines) + "\n")
        if not any(r.status != "failed" for r in summary.results):
            return EXIT_ERROR
        return EXIT_FLAGGED if counts["fail"] or summary.failed else EXIT_OK
