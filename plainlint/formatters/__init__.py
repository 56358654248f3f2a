"""Formatters turn results into output; they read results and nothing else."""

from __future__ import annotations

from typing import Callable

from plainlint.findings import FileResult
from plainlint.formatters.github import format_github
from plainlint.formatters.json_format import format_json
from plainlint.formatters.junit import format_junit
from plainlint.formatters.sarif import format_sarif
from plainlint.formatters.text_format import format_text

FORMATTERS: dict[str, Callable[[list[FileResult]], str]] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "junit": format_junit,
}

__all__ = ["FORMATTERS"]
