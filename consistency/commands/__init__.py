"""CLI subcommands, one module each (``check.py``, ``models.py``, ...), in the ``COMMANDS`` registry.

A command module registers a class with ``help``, ``add_arguments(parser)`` and
``run(args) -> int``. Commands call the public API with explicit keyword
arguments; they never hold logic the API lacks.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
from typing import Protocol

from ..registry import Registry


class Command(Protocol):
    help: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: Registry[Command] = Registry("command")


def load_all() -> None:
    """Import every module of this package (importing registers its command)."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
