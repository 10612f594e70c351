"""The package's data files (``consistency/data``): one reader for every stage that keeps its
per-language knowledge or phrase lists there (segmentation, numbers, names, cues, clauses)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from .errors import ConfigError

__all__ = ["WordList", "data_root", "read_data", "word_list"]


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


@dataclass(frozen=True)
class WordList:
    """A data file's word list: whole words, and prefixes written with a trailing "*" ("annullat*")."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes)))

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes)


def word_list(items: Iterable[Any] | None) -> WordList:
    """A ``WordList`` of casefolded entries (the data files' convention: "word", "prefix*")."""
    norm = [str(w).casefold() for w in items or []]
    return WordList(frozenset(w for w in norm if not w.endswith("*")), tuple(w[:-1] for w in norm if w.endswith("*")))
