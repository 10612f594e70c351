"""``consistency align``: two or more versions in, their sentence alignment out (JSON, TSV, TMX, beads)."""
from __future__ import annotations

import argparse
import sys

from . import COMMANDS
from ._common import EXIT_OK, parse_langs, write_atomic
from .check import add_model_arguments, cache_option


@COMMANDS.register("align")
class AlignCommand:
    help = "align the sentences of two or more versions (JSON, TSV, TMX or beads)"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ..alignio import ALIGN_FORMATS

        p.add_argument("files", nargs="+", metavar="FILE",
                       help="one file per version: de.txt, story.de.md, or ID=PATH")
        add_model_arguments(p)
        p.add_argument("--format", default="json", choices=sorted(ALIGN_FORMATS),
                       help="json (default): groups with spans and each pair's beads; tsv: one row per group; "
                            "tmx: TMX 1.4 translation memory; beads: [[src lines], [tgt lines]] (two files)")
        p.add_argument("--pre-split", action="store_true",
                       help="the files hold one sentence per line: keep the lines as given")
        p.add_argument("--max-align", type=int, default=None, metavar="N",
                       help="most sentences in one bead, both sides together (default: 5)")
        p.add_argument("-o", "--output", metavar="PATH", help="write here instead of standard output")

    def run(self, args: argparse.Namespace) -> int:
        from ..alignio import ALIGN_FORMATS
        from ..api import align_versions
        from ..errors import UsageError

        if len(args.files) < 2:
            raise UsageError(f"align needs two or more files, got {len(args.files)}; "
                             "give one file per version, e.g. `consistency align de.txt fr.txt`")
        if args.format == "beads" and len(args.files) != 2:
            raise UsageError(f"--format beads needs exactly two files, got {len(args.files)}; "
                             "use --format json for three or more")
        if args.max_align is not None and not 2 <= args.max_align <= 10:
            raise UsageError(f"--max-align {args.max_align}: give a number from 2 to 10")
        result = align_versions(args.files, langs=parse_langs(args.lang), model=args.model,
                                pre_split=args.pre_split, cache=cache_option(args), max_align=args.max_align)
        out = ALIGN_FORMATS[args.format](result)
        if args.output:
            write_atomic(args.output, out)
            groups = len(result.alignment.groups)
            sys.stderr.write(f"consistency: {groups} group(s) aligned; written to {args.output}\n")
        else:
            sys.stdout.write(out)
        return EXIT_OK
