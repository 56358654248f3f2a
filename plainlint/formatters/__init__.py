"""Formatters turn results into output; they read results and nothing else."""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterator, Mapping

from plainlint.findings import FileResult

Formatter = Callable[[list[FileResult]], str]


class _Formatters(Mapping[str, Formatter]):
    """Formatters by name, each imported when first asked for (most runs use one)."""

    _WHERE = {
        "text": ("plainlint.formatters.text_format", "format_text"),
        "json": ("plainlint.formatters.json_format", "format_json"),
        "sarif": ("plainlint.formatters.sarif", "format_sarif"),
        "github": ("plainlint.formatters.github", "format_github"),
        "junit": ("plainlint.formatters.junit", "format_junit"),
    }

    def __getitem__(self, name: str) -> Formatter:
        module, function = self._WHERE[name]
        return getattr(import_module(module), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._WHERE)

    def __len__(self) -> int:
        return len(self._WHERE)


FORMATTERS: Mapping[str, Formatter] = _Formatters()

__all__ = ["FORMATTERS"]
