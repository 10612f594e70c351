"""The pre-publish gate: changed files in, their article sets checked, one verdict out.

``run_hook`` groups the given files into article sets by the configured naming
(``consistency.sets``), adds each touched set's unchanged sibling versions, checks
every set with the configured model, thresholds and waivers (inline markers, the
baseline) and returns one ``SetResult`` per set. ``consistency hook`` (and a
pre-commit hook, a CI job, a CMS webhook) prints ``finding_lines`` and exits with
``exit_status``. No printing here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .config import Config
from .sets import ArticleSet, group_files
from .types import Flag, Report, severity_rank
from .waivers import Baseline, WaiverSource


@dataclass(frozen=True)
class SetResult:
    """One article set the changed files touch: its report, or why it was not checked."""

    set: ArticleSet
    report: Report | None
    skipped: str | None = None

    @property
    def name(self) -> str:
        return self.set.key


def waiver_sources(config: Config, use_baseline: bool = True) -> list[WaiverSource]:
    """The configured baseline as a waiver source (none when it is off or its file does not exist)."""
    if not use_baseline:
        return []
    baseline = Baseline.load(config.baseline_path, root=config.root)
    return [baseline] if len(baseline) else []


def check_set(article: ArticleSet, config: Config, *, cache: bool | str | Path = True,
              waivers: Sequence[WaiverSource] = ()) -> Report:
    """``consistency.check`` of one set's versions with the configured settings (ids = languages)."""
    from .api import check

    return check(article.inputs(), model=config.model, fail_on=config.fail_on, cache=cache,
                 thresholds=dict(config.thresholds) or None, waivers=waivers)


def run_hook(files: Sequence[str | Path], config: Config, *, cache: bool | str | Path = True,
             use_baseline: bool = True) -> list[SetResult]:
    """Check every article set ``files`` touch, unchanged sibling versions included.

    Files not named as a language version, or ignored by the configuration, are
    skipped; a set with fewer than two versions is returned unchecked (``skipped``).
    Raises a ConsistencyError when a version cannot be read or checked.
    """
    sets = group_files(files, root=config.root, naming=config.naming, languages=config.languages,
                       ignore=config.ignore)
    waivers = waiver_sources(config, use_baseline)
    results = []
    for article in sets:
        if not article.checkable:
            only = article.versions[0][1] if article.versions else article.key
            results.append(SetResult(article, None, skipped=f"{only}: no other language version beside it"))
            continue
        results.append(SetResult(article, check_set(article, config, cache=cache, waivers=waivers)))
    return results


def findings(results: Sequence[SetResult], *, waived: bool = False) -> list[tuple[str, Flag, Report]]:
    """(path, flag, report) of every finding, by file and position; waived ones only when asked."""
    from .report._gate import display_path, location, source_of

    out = []
    for r in results:
        if r.report is None:
            continue
        for f in r.report.flags:
            if f.waived is None or waived:
                out.append((display_path(source_of(r.report, f.version)), f, r.report))
    out.sort(key=lambda item: (item[0], location(item[1]).line, location(item[1]).column,
                               -severity_rank(item[1].severity)))
    return out


def finding_lines(results: Sequence[SetResult], *, waived: bool = False) -> list[str]:
    """One ``path:line:col: kind severity message`` line per finding (waived ones say so and why)."""
    from .report.junit import finding_line

    lines = []
    for path, flag, _ in findings(results, waived=waived):
        line = finding_line(path, flag)
        if flag.waived is not None:
            line += f" [waived: {flag.waived.reason} ({flag.waived.source}: {flag.waived.where})]"
        lines.append(line)
    return lines


def exit_status(results: Sequence[SetResult]) -> int:
    """1 when a set's verdict is ``fail`` (an unwaived finding reaches ``fail_on``), else 0."""
    return 1 if any(r.report is not None and r.report.summary.verdict == "fail" for r in results) else 0
