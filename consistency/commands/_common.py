"""Helpers shared by the subcommands: atomic output, exit codes, option parsing."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence

from ..errors import UsageError

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a half-written file."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{path}: folder {parent} does not exist; create it or choose another output path")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def parse_langs(items: Sequence[str]) -> dict[str, str]:
    """``--lang ID=CODE`` options as a mapping."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep or not key or not val:
            raise UsageError(f"--lang {item!r}: write it as ID=CODE, e.g. --lang story.txt=de or --lang a=pl")
        out[key] = val
    return out
