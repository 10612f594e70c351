"""One error family: every failure a user can cause or fix is a ConsistencyError.

Messages say what is wrong, where, and what to do. Only the CLI maps these to
exit status 2; the library never exits.
"""
from __future__ import annotations


class ConsistencyError(Exception):
    """Base of every error the tool reports to a user (exit status 2 in the CLI)."""


class InputError(ConsistencyError):
    """An input file or text cannot be read or checked (missing, empty, not UTF-8, binary)."""


class UsageError(ConsistencyError):
    """The call itself is wrong: too few versions, duplicate ids, unknown option values."""


class LanguageError(ConsistencyError):
    """A version's language is unknown, undetectable, or not covered by the chosen model."""


class ModelError(ConsistencyError):
    """An embedding model cannot be found, installed or loaded."""


class ConfigError(ConsistencyError):
    """A configuration file or value is invalid."""
