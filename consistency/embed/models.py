"""The model registry (``models/registry.toml``): which embedders exist, what they cover, which `auto` picks."""
from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import LanguageError, ModelError
from ..read import base_lang, normalise_lang

_PACKAGE_COPY = Path(__file__).resolve().parent.parent / "data" / "models.toml"  # symlink to models/registry.toml
_CHECKOUT_MODELS = Path(__file__).resolve().parents[2] / "models"


def models_dir() -> Path:
    """Where generated model folders live: $CONSISTENCY_MODELS_DIR, the checkout's models/, or ~/.local/share."""
    env = os.environ.get("CONSISTENCY_MODELS_DIR")
    if env:
        return Path(env)
    if (_CHECKOUT_MODELS / "registry.toml").is_file():
        return _CHECKOUT_MODELS
    return Path.home() / ".local" / "share" / "consistency" / "models"


@dataclass(frozen=True)
class ModelSpec:
    """One registry entry: an embedder id, its backend and options, and the languages it covers."""

    id: str
    backend: str
    dim: int
    languages: frozenset[str] | None  # None: unknown coverage (an arbitrary st: model)
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    def covers(self, lang: str) -> bool:
        if self.languages is None:
            return True
        tag = normalise_lang(lang)
        return tag in self.languages or base_lang(tag) in self.languages


@functools.lru_cache(maxsize=1)
def _registry() -> dict[str, Any]:
    path = _PACKAGE_COPY
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{path}: the model registry cannot be read ({exc}); reinstall consistency") from None


def model_ids() -> list[str]:
    """Registered model ids, in registry order (for CLI choices)."""
    return list(_registry()["models"])


def auto_order() -> list[str]:
    return list(_registry()["auto"]["order"])


def get_spec(name: str) -> ModelSpec:
    """The spec for a registry id or ``st:NAME_OR_FOLDER``."""
    reg = _registry()
    if name.startswith("st:"):
        target = name[3:]
        if not target:
            raise ModelError("--model st: needs a model name or folder, e.g. st:models/e5-small-st")
        return ModelSpec(id=name, backend="sentence-transformers", dim=0, languages=None,
                         description="user-supplied sentence-transformers model", options={"path": target})
    if name not in reg["models"]:
        raise ModelError(
            f"unknown model {name!r}; choose one of: auto, {', '.join(model_ids())}, or st:NAME_OR_FOLDER"
        )
    raw = dict(reg["models"][name])
    langs = raw.pop("languages", None)
    if isinstance(langs, str):
        langs = reg["language_sets"][langs]
    return ModelSpec(
        id=name,
        backend=raw.pop("backend"),
        dim=int(raw.pop("dim", 0)),
        languages=frozenset(normalise_lang(x) for x in langs) if langs is not None else None,
        description=raw.pop("description", ""),
        options=raw,
    )


def resolve(name: str, langs: Iterable[tuple[str, str]]) -> ModelSpec:
    """Pick the model for versions given as (source, lang); `auto` takes the first that covers them all.

    Raises LanguageError naming the first uncovered version: a model never embeds a
    language it was not trained on (that would be silent nonsense).
    """
    langs = list(langs)
    if name == "auto":
        for cand in auto_order():
            spec = get_spec(cand)
            if all(spec.covers(lang) for _, lang in langs):
                return spec
        bad = next((src, lang) for src, lang in langs if not any(get_spec(c).covers(lang) for c in auto_order()))
        raise LanguageError(
            f"{bad[0]}: language {bad[1]!r} is not covered by any bundled model "
            f"({', '.join(auto_order())}); pass --lang if it was misdetected, or --model st:FOLDER for a model that covers it"
        )
    spec = get_spec(name)
    for src, lang in langs:
        if not spec.covers(lang):
            alt = [c for c in auto_order() if get_spec(c).covers(lang)]
            hint = f"use --model {alt[0]}" if alt else "use --model st:FOLDER with a model that covers it"
            raise LanguageError(
                f"{src}: language {lang!r} is not covered by model {spec.id}; {hint} (or --model auto)"
            )
    return spec
