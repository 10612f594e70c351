"""The consistency-report/1 JSON document (docs/report-format.md): the public contract."""
from __future__ import annotations

import json

from ..types import Report
from . import RENDERERS


@RENDERERS.register("json")
def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"
