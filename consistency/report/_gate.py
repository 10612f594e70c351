"""What the CI renderers (SARIF, JUnit, GitHub annotations) share: paths, positions, blocking, set names.

Each CI renderer renders one report (``RENDERERS``, for ``consistency check``) or
several article sets at once (``render_many``, for ``consistency hook``); a set is a
(name, Report) pair.
"""
from __future__ import annotations

import os
from pathlib import PurePath, PurePosixPath
from typing import Sequence

from ..types import Flag, Location, Report, severity_rank

Named = tuple[str, Report]  # (article set name, its report)

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "addition": ("Claim only this version makes",
                 "This version says something that the other language versions do not."),
    "omission": ("Claim this version lacks",
                 "The other language versions say something that this version does not."),
    "number": ("Number differs", "A counterpart exists but a number, date, unit or amount differs."),
    "entity": ("Name differs",
               "A counterpart exists but a named person, company, place or product differs or is missing."),
    "polarity": ("Negation differs", "A counterpart exists but one version is negated or says the opposite."),
    "hedging": ("Certainty differs", "A counterpart exists but states it with different certainty."),
    "drift": ("Meaning moved",
              "A counterpart exists but its meaning has moved in a way no other kind names."),
}

WAIVE_HELP = ('If the difference is intended, put <!-- consistency: ignore[{kind}] reason="why" --> on the line '
              "before the paragraph (Markdown, HTML), or accept the current findings with `consistency baseline`.")


def uri(path: str) -> str:
    """A path for CI tools: ``/``-separated, relative to the working folder when inside it, else a file URI."""
    p = PurePath(path)
    if not p.is_absolute():
        return p.as_posix().removeprefix("./")
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive
        rel = ".."
    return PurePath(rel).as_posix() if not rel.startswith("..") else PurePosixPath(p.as_posix()).as_uri()


def display_path(path: str) -> str:
    """A path for people and line-based tools: as given, ``/``-separated; relative when inside the working folder."""
    found = uri(path)
    return PurePosixPath(PurePath(path).as_posix()).as_posix() if found.startswith("file:") else found


def source_of(report: Report, version: str) -> str:
    return next(v.source for v in report.versions if v.id == version)


def location(flag: Flag) -> Location:
    return flag.location or Location(line=1, column=1, end_line=1, end_column=1, exact=False)


def blocking(flag: Flag, fail_on: str) -> bool:
    """True when the flag is not waived and reaches the fail threshold."""
    return flag.waived is None and severity_rank(flag.severity) >= severity_rank(fail_on)


def set_name(report: Report) -> str:
    """A name for a single report's article set: the folder its versions share."""
    sources = [uri(v.source) for v in report.versions]
    parents = {str(PurePosixPath(s).parent) for s in sources}
    return parents.pop() if len(parents) == 1 else "article"


def kinds_of(reports: Sequence[Named]) -> list[str]:
    """Every known kind, then any other kind the reports hold."""
    from ..types import KINDS

    extra = sorted({f.kind for _, r in reports for f in r.flags} - set(KINDS))
    return [*KINDS, *extra]
