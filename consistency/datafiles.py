"""The package's data files (``consistency/data``): one reader for every stage that keeps its
per-language knowledge or phrase lists there (segmentation, numbers, names, cues, clauses)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import ConfigError

__all__ = ["data_root", "read_data"]


def data_root() -> Any:
    """The ``consistency/data`` folder of the installed package."""
    return resources.files("consistency") / "data"


@lru_cache(maxsize=None)
def read_data(relative: str) -> dict[str, Any] | None:
    """Parse one TOML file under consistency/data ("lang/de.toml"), read once; None when there is none."""
    path = data_root().joinpath(*relative.split("/"))
    if not path.is_file():
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); fix or restore the file from the package") from exc
