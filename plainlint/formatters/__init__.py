"""Formatters turn results into output; they read results and nothing else."""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, Iterator, Mapping

from plainlint.findings import FileResult, Severity

Formatter = Callable[[list[FileResult]], str]

_WHERE = {
    "text": ("plainlint.formatters.text_format", "format_text"),
    "concise": ("plainlint.formatters.concise", "format_concise"),
    "json": ("plainlint.formatters.json_format", "format_json"),
    "sarif": ("plainlint.formatters.sarif", "format_sarif"),
    "github": ("plainlint.formatters.github", "format_github"),
    "gitlab": ("plainlint.formatters.gitlab", "format_gitlab"),
    "junit": ("plainlint.formatters.junit", "format_junit"),
    "markdown": ("plainlint.formatters.markdown", "format_markdown"),
}

# Formats that say which findings fail, so they need the `--fail-on` threshold as well.
_TAKE_FAIL_ON = frozenset({"junit"})


def _load(name: str) -> Callable[..., str]:
    """The formatter called `name`, imported now: most runs use one format."""
    module, function = _WHERE[name]
    formatter: Callable[..., str] = getattr(import_module(module), function)
    return formatter


class _Formatters(Mapping[str, Formatter]):
    """Formatters by name, each imported when first asked for (most runs use one)."""

    def __getitem__(self, name: str) -> Formatter:
        return _load(name)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FORMATTERS: Mapping[str, Formatter] = _Formatters()


Threshold = str | Callable[[str], str]  # one for every file, or each file's own by its path


def render(name: str, results: list[FileResult], fail_on: Threshold = "error") -> str:
    """The results in format `name`; `fail_on` ("error", "warning", "info" or "never",
    or a function that gives it for a file's path, as each file's project may set its
    own) reaches only the formats that mark findings as failing, so every format is
    called the same way and the others need not take an argument they would ignore.

    An unknown `fail_on` is a ValueError for every format, not only for those that use it.
    """
    if not callable(fail_on) and fail_on != "never":
        Severity(fail_on)  # raises ValueError for anything but a severity
    formatter = _load(name)
    extra: dict[str, Any] = {"fail_on": fail_on} if name in _TAKE_FAIL_ON else {}
    return formatter(results, **extra)


__all__ = ["FORMATTERS", "Formatter", "render"]
