"""GitLab Code Quality JSON, for the merge request's Code Quality widget and diff view.

A JSON array with one issue for each finding, in the subset of the Code Climate issue
format that GitLab reads: `description`, `check_name`, `fingerprint`, `severity` and
`location` (`path` and `lines.begin`). A file that could not be read is one "critical"
issue named "unreadable-file" on its first line.

GitLab compares the fingerprints of a merge request with those of its target branch to
say which problems are new and which were fixed, so a fingerprint leaves out the line:
it hashes the path, the rule, the words found, the few words around them in the file
(as a baseline keeps them) and which repeat of all that the finding is. A sentence added
higher up the page then moves the findings below it without making them look new, a new
"utilise" gets a fingerprint of its own instead of taking an old one's, and the same
words flagged twice in one file still get two fingerprints, as GitLab shows only one
issue per fingerprint. Where the file cannot be read (standard input), the words around
are left out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters.ci_paths import checkout_path
from plainlint.formatters.readable_json import readable_json
from plainlint.formatters.sarif import message_with_suggestions, unreadable_message
from plainlint.io.finding_context import Around, line_starts, read_source, words_around

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
UNREADABLE = "unreadable-file"
UNREADABLE_SEVERITY = "critical"


def format_gitlab(results: list[FileResult]) -> str:
    """All findings, and every file that could not be read, as one Code Quality report."""
    issues: list[dict[str, Any]] = []
    for result in results:
        path = project_path(result.path)
        if result.error is not None:
            key = fingerprint(path, UNREADABLE, "", 0)
            issues.append(
                _issue(unreadable_message(result), UNREADABLE, key, UNREADABLE_SEVERITY, path, 1)
            )
            continue
        around = _words_around(result)
        for finding, context, repeat in zip(
            result.findings, around, repeats(result.findings, around)
        ):
            key = fingerprint(path, finding.rule, finding.text, repeat, context)
            severity = SEVERITIES[finding.severity]
            message = message_with_suggestions(finding)
            issues.append(_issue(message, finding.rule, key, severity, path, finding.line))
    return readable_json(issues, flat_from=1)  # one line for each issue


def fingerprint(path: str, rule: str, text: str, repeat: int, around: Around | None = None) -> str:
    """A SHA-256 hex digest that is the same on every run and machine for one problem."""
    parts: list[Any] = [path, rule, text, repeat]
    if around is not None:
        parts.append(list(around))
    key = json.dumps(parts, ensure_ascii=False)  # no ambiguous joins
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _words_around(result: FileResult) -> list[Around | None]:
    """The words around each finding in its file as it is on disk, where known."""
    source = read_source(result.path)
    starts = line_starts(source) if source is not None else []
    return [words_around(source, starts, f.line, f.column, f.text) for f in result.findings]


def repeats(findings: list[Finding], around: list[Around | None] | None = None) -> list[int]:
    """For each finding, how many findings of the same rule, words and words around come
    before it in its file (0 for the first), counted in page order whatever order the
    list is in."""
    order = sorted(
        range(len(findings)),
        key=lambda i: (findings[i].line, findings[i].column, findings[i].end_line, i),
    )
    context = around or [None] * len(findings)
    seen: Counter[tuple[str, str, Around | None]] = Counter()
    counts = [0] * len(findings)
    for index in order:
        key = (findings[index].rule, findings[index].text, context[index])
        counts[index] = seen[key]
        seen[key] += 1
    return counts


def project_path(name: str) -> str:
    """The path GitLab needs to place an issue: from CI_PROJECT_DIR in a job."""
    return checkout_path(name, "CI_PROJECT_DIR")


def _issue(
    description: str, check_name: str, key: str, severity: str, path: str, line: int
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check_name,
        "fingerprint": key,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }
