"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

One line per finding, in the form
`::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=plainlint RULE::MESSAGE`.
A file that could not be read is `::error file=PATH,title=plainlint::REASON`. Files with no
findings print nothing, and there is no summary line, so every line is a command.

GitHub takes `col` and `endColumn` only when an annotation starts and ends on one line,
so a finding over several lines gives its lines alone.
"""

from __future__ import annotations

from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters.ci_paths import checkout_path
from plainlint.formatters.sarif import message_with_suggestions, unreadable_message

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_github(results: list[FileResult]) -> str:
    """Workflow command lines for every finding and every file that could not be read."""
    lines = []
    for result in results:
        path = _repository_path(result.path)
        if result.error is not None:
            lines.append(
                _command("error", {"file": path, "title": "plainlint"}, unreadable_message(result))
            )
        for finding in result.findings:
            lines.append(_annotation(path, finding))
    return "\n".join(lines)


def _repository_path(name: str) -> str:
    """The path GitHub needs to place a note: from GITHUB_WORKSPACE in a job."""
    return checkout_path(name, "GITHUB_WORKSPACE")


def _annotation(path: str, finding: Finding) -> str:
    properties = {"file": path, "line": str(finding.line)}
    one_line = finding.line == finding.end_line
    if one_line:
        properties["col"] = str(finding.column)
    properties["endLine"] = str(finding.end_line)
    if one_line:
        properties["endColumn"] = str(finding.end_column)
    properties["title"] = f"plainlint {finding.rule}"
    return _command(COMMANDS[finding.severity], properties, message_with_suggestions(finding))


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """A command's message: "%", carriage returns and line feeds are percent-encoded."""
    text = _valid_unicode(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and ":" and "," too, as they separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _valid_unicode(text: str) -> str:
    """Text that can be written out: a file name that was not UTF-8 gets "?" for its odd bytes."""
    return text.encode("utf-8", "replace").decode("utf-8")
