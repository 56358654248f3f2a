"""Concise text: one line per finding and the run's summary, for logs and for tools that
read `path:line:column:` lines (editors' quickfix lists, grep). No suggestion lines, no
"Why" lines, no colour: each line stands alone."""

from __future__ import annotations

from plainlint.findings import FileResult
from plainlint.formatters.text_format import summary_line
from plainlint.io.printable import one_line, printable, shown_path


def format_concise(results: list[FileResult]) -> str:
    """`path:line:column: severity rule message` for each finding, then the summary line.

    A line break in a message would start what looks like another finding, and one in
    a file name would too: messages are put on one line, and paths escaped.
    """
    lines = [
        f"{shown_path(result.path)}:{f.line}:{f.column}: {f.severity.value} "
        f"{printable(f.rule)} {one_line(f.message)}"
        for result in results
        for f in result.findings
    ]
    lines.append(summary_line(results))
    return "\n".join(lines)
