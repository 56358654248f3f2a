"""GitLab Code Quality JSON, for the merge request's Code Quality widget and diff view.

A JSON array with one issue for each finding, in the subset of the Code Climate issue
format that GitLab reads: `description`, `check_name`, `fingerprint`, `severity` and
`location` (`path` and `lines.begin`). A file that could not be read is one "critical"
issue named "unreadable-file" on its first line.

GitLab compares the fingerprints of a merge request with those of its target branch to
say which problems are new and which were fixed, so a fingerprint leaves out the line:
it hashes the path, the rule, the words found and which repeat of those words (for that
rule, in that file) the finding is. A sentence added higher up the page then moves the
findings below it without making them look new, and the same words flagged twice in one
file still get two fingerprints, as GitLab shows only one issue per fingerprint.
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
        for finding, repeat in zip(result.findings, repeats(result.findings)):
            key = fingerprint(path, finding.rule, finding.text, repeat)
            severity = SEVERITIES[finding.severity]
            message = message_with_suggestions(finding)
            issues.append(_issue(message, finding.rule, key, severity, path, finding.line))
    return readable_json(issues, flat_from=1)  # one line for each issue


def fingerprint(path: str, rule: str, text: str, repeat: int) -> str:
    """A SHA-256 hex digest that is the same on every run and machine for one problem."""
    key = json.dumps([path, rule, text, repeat], ensure_ascii=False)  # no ambiguous joins
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def repeats(findings: list[Finding]) -> list[int]:
    """For each finding, how many findings of the same rule and words come before it in
    its file (0 for the first), counted in page order whatever order the list is in."""
    order = sorted(
        range(len(findings)),
        key=lambda i: (findings[i].line, findings[i].column, findings[i].end_line, i),
    )
    seen: Counter[tuple[str, str]] = Counter()
    counts = [0] * len(findings)
    for index in order:
        key = (findings[index].rule, findings[index].text)
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
