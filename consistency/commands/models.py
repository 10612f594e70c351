"""``consistency models``: the embedding models, their backends and languages."""
from __future__ import annotations

import argparse

from ._common import EXIT_OK
from . import COMMANDS


@COMMANDS.register("models")
class ModelsCommand:
    help = "list the embedding models and the languages they cover"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        pass

    def run(self, args: argparse.Namespace) -> int:
        from ..embed.models import auto_order, get_spec, model_ids

        print(f"auto picks the first of {', '.join(auto_order())} that covers every version's language\n")
        for name in model_ids():
            spec = get_spec(name)
            langs = "any" if spec.languages is None else f"{len(spec.languages)} languages"
            print(f"{name:<24} {spec.backend:<22} dim {spec.dim:<5} {langs:<14} {spec.description}")
        return EXIT_OK
