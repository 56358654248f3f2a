"""Concise text: one line per finding and the run's summary, for logs and for tools that
read `path:line:column:` lines (editors' quickfix lists, grep). No suggestion lines, no
"Why" lines, no colour: each line stands alone."""

from __future__ import annotations

import re

from plainlint.findings import FileResult
from plainlint.formatters.text_format import summary_line

_LINE_BREAKS = re.compile(r"[\r\n]+")


def format_concise(results: list[FileResult]) -> str:
    """`path:line:column: severity rule message` for each finding, then the summary line."""
    lines = [
        _one_line(f"{result.path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}")
        for result in results
        for f in result.findings
    ]
    lines.append(summary_line(results))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """A line break inside a message would start what looks like another finding."""
    return _LINE_BREAKS.sub(" ", text)
