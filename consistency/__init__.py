"""consistency: find what one language version of an article says that the others do not.

    >>> import consistency
    >>> report = consistency.check(["it.txt", "de.txt", "pl.txt"])
    >>> report.summary.verdict, [f.message for f in report.flags]

Nothing heavy is imported here: models load on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "ConsistencyError", "Report"]

if TYPE_CHECKING:
    from .api import check
    from .errors import ConsistencyError
    from .types import Report


def __getattr__(name: str) -> Any:
    if name == "check":
        from .api import check

        return check
    if name == "ConsistencyError":
        from .errors import ConsistencyError

        return ConsistencyError
    if name == "Report":
        from .types import Report

        return Report
    raise AttributeError(name)
