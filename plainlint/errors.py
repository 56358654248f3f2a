"""Errors plainlint reports to people as one plain line, never a traceback."""

from __future__ import annotations


class PlainlintError(Exception):
    """A problem the user can fix: bad input, bad settings, a missing model."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class InputError(PlainlintError):
    """A file that could not be read as text."""


class ConfigError(PlainlintError):
    """A settings or glossary file with a mistake in it."""


class ModelError(PlainlintError):
    """The English language model is missing or broken."""
