"""Project configuration: ``[tool.consistency]`` in ``pyproject.toml``, or ``consistency.toml``.

Found by walking up from the working folder: the first folder holding a
``consistency.toml``, or a ``pyproject.toml`` with a ``[tool.consistency]`` table,
is the project root (``consistency.toml`` wins when a folder has both). Paths in
it (``ignore``, ``baseline``) are relative to that root. Keys may be written
``fail-on`` or ``fail_on``; an unknown key is an error naming it. Command-line
options override the file (``merge``). Used by ``check``, ``hook`` and ``baseline``.

    [tool.consistency]
    languages = ["it", "de", "pt", "fr", "pl"]  # which versions count, first = reference
    model = "auto"
    fail-on = "high"
    naming = "auto"                             # folder | suffix | auto
    ignore = ["drafts/*"]
    baseline = ".consistency-baseline.json"
    [tool.consistency.thresholds]               # calibrated scale: 1 = typical translation
    link = 0.45
"""
from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError
from .sets import NAMINGS
from .types import SEVERITIES

CONFIG_FILE = "consistency.toml"
DEFAULT_BASELINE = ".consistency-baseline.json"
# the decision points the pipeline uses (consistency.calibrate.Calibration.thresholds)
THRESHOLD_KEYS: tuple[str, ...] = ("link", "faithful", "absent")
KEYS: tuple[str, ...] = ("languages", "model", "thresholds", "fail-on", "naming", "ignore", "baseline")


@dataclass(frozen=True)
class Config:
    """Settings for check, hook and baseline; ``root`` is the folder relative paths start from."""

    root: Path = field(default_factory=lambda: Path("."))
    path: Path | None = None  # the file the settings came from (None: defaults only)
    languages: tuple[str, ...] | None = None
    model: str = "auto"
    thresholds: Mapping[str, float] = field(default_factory=dict)
    fail_on: str = "high"
    naming: str = "auto"
    ignore: tuple[str, ...] = ()
    baseline: str = DEFAULT_BASELINE

    @property
    def baseline_path(self) -> Path:
        p = Path(self.baseline)
        return p if p.is_absolute() else self.root / p


def find_config(start: str | Path = ".") -> Path | None:
    """The configuration file that applies in ``start``: nearest folder up with one, or None."""
    folder = Path(os.path.abspath(start))
    for d in (folder, *folder.parents):
        own = d / CONFIG_FILE
        if own.is_file():
            return own
        py = d / "pyproject.toml"
        if py.is_file() and isinstance(_read_toml(py).get("tool", {}).get("consistency"), dict):
            return py
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: is not valid TOML ({exc}); fix the file") from None


def load_config(path: str | Path | None = None, *, start: str | Path = ".") -> Config:
    """The configuration at ``path``, else the one found from ``start``, else the defaults (root ``start``)."""
    if path is None:
        found = find_config(start)
        if found is None:
            return Config(root=Path(start))
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file; check the --config path")
    data = _read_toml(path)
    if path.name == "pyproject.toml" or "tool" in data and "consistency" in data.get("tool", {}):
        table = data.get("tool", {}).get("consistency", {})
        where = f"{path} [tool.consistency]"
    else:
        table = data
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of settings")
    return parse_config(table, where=where, root=path.parent, path=path)


def _norm_key(key: str) -> str:
    return key.replace("_", "-")


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings, e.g. {key} = [\"...\"]")
    return tuple(v.strip() for v in value)


def check_thresholds(values: Mapping[str, Any], where: str) -> dict[str, float]:
    """Threshold overrides checked: known keys, finite numbers."""
    out: dict[str, float] = {}
    for key, value in values.items():
        if key not in THRESHOLD_KEYS:
            raise ConfigError(f"{where}: unknown threshold {key!r}; the thresholds are: {', '.join(THRESHOLD_KEYS)}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ConfigError(f"{where}: threshold `{key}` must be a number (calibrated scale, 1 = a typical "
                              f"translation), not {value!r}")
        out[key] = float(value)
    return out


def parse_config(table: Mapping[str, Any], *, where: str, root: Path, path: Path | None = None) -> Config:
    """A Config from a settings table; every value is checked, unknown keys are errors naming the key."""
    from .read import normalise_lang

    values: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for raw_key, value in table.items():
        key = _norm_key(raw_key)
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {raw_key!r}; the keys are: {', '.join(KEYS)}")
        if key in seen:
            raise ConfigError(f"{where}: {raw_key!r} and {seen[key]!r} are the same key; keep one")
        seen[key] = raw_key
        if key == "languages":
            langs = tuple(normalise_lang(v) for v in _str_list(value, raw_key, where))
            if len(set(langs)) != len(langs):
                raise ConfigError(f"{where}: `languages` lists a language twice")
            values["languages"] = langs
        elif key in ("model", "baseline", "naming", "fail-on"):
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: `{raw_key}` must be a non-empty string")
            values[key.replace("-", "_")] = value.strip()
        elif key == "ignore":
            values["ignore"] = _str_list(value, raw_key, where)
        elif key == "thresholds":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: `thresholds` must be a table, e.g. [tool.consistency.thresholds]")
            values["thresholds"] = check_thresholds(value, f"{where} thresholds")
    config = Config(root=root, path=path, **values)
    validate(config, where)
    return config


def validate(config: Config, where: str) -> None:
    """Values that are the right type but not allowed."""
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"{where}: `fail-on` must be one of {', '.join(SEVERITIES)}, not {config.fail_on!r}")
    if config.naming not in NAMINGS:
        raise ConfigError(f"{where}: `naming` must be one of {', '.join(NAMINGS)}, not {config.naming!r}")


def merge(config: Config, **overrides: Any) -> Config:
    """``config`` with command-line values put over it; ``None`` (option not given) keeps the file's value.

    ``thresholds`` are merged key by key; ``ignore`` patterns are added.
    """
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in Config.__dataclass_fields__ or key in ("root", "path"):
            raise TypeError(f"merge() got an unknown setting {key!r}")
        if key == "thresholds":
            value = {**config.thresholds, **check_thresholds(value, "--threshold")}
        elif key == "ignore":
            value = (*config.ignore, *value)
        elif key == "languages":
            from .read import normalise_lang

            value = tuple(normalise_lang(v) for v in value) or None
        changes[key] = value
    out = replace(config, **changes)
    validate(out, "command line")
    return out
