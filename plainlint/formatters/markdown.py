"""A Markdown report for a CI job's summary page (GitHub's `$GITHUB_STEP_SUMMARY`, a
merge request comment), written for the content editors who will fix the pages.

A heading, the run's total, a table of the files with problems (worst first), the most
serious problems with what to do, and the files that could not be read. Long runs are cut
short: a summary page is for seeing where to start, and the full list is in other formats.
Every piece of text from a page, a path or a message is escaped, so it shows as written
and cannot break the table.
"""

from __future__ import annotations

import re

from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters.sarif import message_with_suggestions, sentence
from plainlint.formatters.summary import summarise
from plainlint.formatters.text_format import summary_line
from plainlint.io.printable import one_line, printable

HEADING = "## Plain language check"
MAX_FILES = 50
MAX_PROBLEMS = 20
SEVERITY_NAMES = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}

# Characters that start formatting, links, HTML, entities or maths ("$", on GitHub) in a
# line of text, and "|", which ends a table cell; CommonMark lets "\" escape each of them.
# A "-" or "1." that would start a list needs nothing: no escaped text starts a line
# but the total, which starts with a word.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")


def format_markdown(results: list[FileResult]) -> str:
    """The report as one Markdown document."""
    blocks = [HEADING, escape(summary_line(results))]
    with_findings = [result for result in results if result.error is None and result.findings]
    if with_findings:
        blocks.append(_file_table(with_findings))
        blocks.append(_most_serious(with_findings))
    unreadable = [result for result in results if result.error is not None]
    if unreadable:
        blocks.append(_unreadable(unreadable))
    return "\n\n".join(blocks)


def escape(text: str) -> str:
    """Text that shows as written in Markdown, on one line, and in a table cell too;
    control and direction characters show as escapes (`one_line`)."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def _file_table(results: list[FileResult]) -> str:
    """Files with problems, most errors first (then warnings, then info), at most MAX_FILES."""
    counted = [(result.path, summarise([result])) for result in results]
    counted.sort(key=lambda row: (-row[1]["error"], -row[1]["warning"], -row[1]["info"], row[0]))
    rows = [
        "| File | Errors | Warnings | Info |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {escape(printable(path))} | {counts['error']} | {counts['warning']} "
            f"| {counts['info']} |"
            for path, counts in counted[:MAX_FILES]
        ),
    ]
    table = "\n".join(rows)
    left_out = len(counted) - MAX_FILES
    if left_out > 0:
        table += f"\n\nAnd {left_out} more {'file' if left_out == 1 else 'files'}."
    return table


def _most_serious(results: list[FileResult]) -> str:
    """Up to MAX_PROBLEMS findings, errors first, each in page order within its severity."""
    findings = [(result.path, finding) for result in results for finding in result.findings]
    findings.sort(key=lambda pair: -pair[1].severity.rank)  # stable: file and page order stay
    lines = ["### Most serious problems", ""]
    lines += [_problem(path, finding) for path, finding in findings[:MAX_PROBLEMS]]
    left_out = len(findings) - MAX_PROBLEMS
    if left_out > 0:
        lines += ["", f"And {left_out} more {'problem' if left_out == 1 else 'problems'}."]
    return "\n".join(lines)


def _problem(path: str, finding: Finding) -> str:
    where = escape(f"{printable(path)}:{finding.line}")  # a line break in a name shows
    what = escape(sentence(message_with_suggestions(finding)))
    return f"- **{SEVERITY_NAMES[finding.severity]}** in {where} ({escape(finding.rule)}): {what}"


def _unreadable(results: list[FileResult]) -> str:
    lines = ["### Files plainlint could not check", ""]
    lines += [
        f"- {escape(printable(result.path))}: {escape(sentence(result.error or ''))}"
        for result in results
    ]
    return "\n".join(lines)
