"""The report stage: one Report, many renderings. Renderers register in ``RENDERERS`` by format name."""
from __future__ import annotations

from typing import Callable

from ..registry import Registry
from ..types import Report

Renderer = Callable[[Report], str]
RENDERERS: Registry[str] = Registry("report format")


def _register() -> None:
    """Import every renderer module of this package (importing registers it; ``_`` modules are helpers)."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def formats() -> list[str]:
    _register()
    return RENDERERS.names()


def render(report: Report, fmt: str) -> str:
    """The report as text in format ``fmt`` (``json``, ``text``, ...)."""
    _register()
    return RENDERERS.get(fmt)(report)
