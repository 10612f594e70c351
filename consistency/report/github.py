"""GitHub Actions workflow commands: an annotation per finding, shown on the file's line in the pull request.

``::error`` for findings that reach ``fail_on``, ``::warning`` for medium and high ones
below it, ``::notice`` for low ones; waived findings are not annotated.
"""
from __future__ import annotations

from typing import Sequence

from ..types import Flag, Report
from . import RENDERERS
from ._gate import Named, blocking, display_path, location, set_name, source_of


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, flag: Flag, fail_on: str) -> str:
    """One ``::error file=...,line=...::message`` line."""
    loc = location(flag)
    level = "error" if blocking(flag, fail_on) else ("notice" if flag.severity == "low" else "warning")
    props = [f"file={_prop(path)}", f"line={loc.line}", f"col={loc.column}"]
    if loc.end_line != loc.line or loc.end_column > loc.column:
        props += [f"endLine={loc.end_line}", f"endColumn={loc.end_column}"]
    props.append(f"title={_prop(f'consistency {flag.kind} ({flag.severity})')}")
    return f"::{level} {','.join(props)}::{_data(flag.message)}"


def render_many(reports: Sequence[Named]) -> str:
    lines = [annotation(display_path(source_of(r, f.version)), f, r.signature.fail_on)
             for _, r in reports for f in r.flags if f.waived is None]
    return "".join(line + "\n" for line in lines)


@RENDERERS.register("github")
def render_github(report: Report) -> str:
    return render_many([(set_name(report), report)])
