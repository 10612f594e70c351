"""The report stage: one Report, many renderings. Renderers register in ``RENDERERS`` by format name."""
from __future__ import annotations

from typing import Callable

from ..registry import Registry
from ..types import Report

Renderer = Callable[[Report], str]
RENDERERS: Registry[str] = Registry("report format")


def _register() -> None:
    from . import json, text  # noqa: F401  (importing registers)


def formats() -> list[str]:
    _register()
    return RENDERERS.names()


def render(report: Report, fmt: str) -> str:
    """The report as text in format ``fmt`` (``json``, ``text``, ...)."""
    _register()
    return RENDERERS.get(fmt)(report)
