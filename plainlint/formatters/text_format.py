"""Text output for people: one line per finding, then a summary."""

from __future__ import annotations

import click

from plainlint.findings import FileResult, Severity
from plainlint.formatters.summary import summarise
from plainlint.io.printable import one_line, printable, shown_path

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def format_text(results: list[FileResult]) -> str:
    """`path:line:column: severity rule message`, a suggestion line where there is one,
    where to read why each rule matters, then a summary.

    Paths, messages (which quote the page) and suggestions are shown through
    `printable`, so a file name or a page cannot add lines or terminal escapes.
    """
    lines = []
    for result in results:
        path = shown_path(result.path)
        for finding in result.findings:
            where = click.style(f"{path}:{finding.line}:{finding.column}:", bold=True)
            severity = click.style(finding.severity.value, fg=_COLOURS[finding.severity])
            lines.append(
                f"{where} {severity} {printable(finding.rule)} {one_line(finding.message)}"
            )
            if finding.suggestions:
                lines.append(f"    suggestion: {one_line(' or '.join(finding.suggestions))}")
    lines += _why_lines(results)
    lines.append(summary_line(results))
    return "\n".join(lines)


def _why_lines(results: list[FileResult]) -> list[str]:
    """Once per rule that found something, where to read why it matters: each message
    says only what is wrong in its place and what to write."""
    rules = dict.fromkeys(f.rule for result in results for f in result.findings)
    return [f"Why: plainlint rules {printable(rule)}" for rule in rules]


def summary_line(results: list[FileResult]) -> str:
    """One line that totals the run, shared by the formats people read."""
    counts = summarise(results)
    files = _plural(counts["files"], "file")
    unreadable = sum(1 for r in results if r.error is not None)
    tail = f" plainlint could not check {_plural(unreadable, 'file')}." if unreadable else ""
    if not counts["findings"]:
        return f"No problems found in {files}.{tail}"
    parts = [
        _plural(counts[s.value], s.value) if s is not Severity.INFO else f"{counts['info']} info"
        for s in reversed(Severity)
        if counts[s.value]
    ]
    found = _plural(counts["findings"], "problem")
    return f"Found {found} in {files} ({', '.join(parts)}).{_fixable(results)}{tail}"


def _fixable(results: list[FileResult]) -> str:
    """How many findings `--fix` can fix, and how many more need `--unsafe-fixes`."""
    fixes = [f.fix for r in results if r.error is None for f in r.findings if f.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe)
    review = len(fixes) - safe
    if not fixes:
        return ""
    if not safe:
        return f" {review} can be fixed with --fix --unsafe-fixes (check each change)."
    more = f" ({review} more with --unsafe-fixes)" if review else ""
    return f" {safe} can be fixed with --fix{more}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
