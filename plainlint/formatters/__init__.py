"""Formatters turn results into output; they read results and nothing else."""

from __future__ import annotations

from typing import Callable

from plainlint.findings import FileResult
from plainlint.formatters.json_format import format_json
from plainlint.formatters.text_format import format_text

FORMATTERS: dict[str, Callable[[list[FileResult]], str]] = {
    "text": format_text,
    "json": format_json,
}

__all__ = ["FORMATTERS"]
