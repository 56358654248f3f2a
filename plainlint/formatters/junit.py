"""JUnit XML, for CI systems that show test reports (GitLab's merge request test report,
Jenkins, Azure Pipelines): each problem is one test case, so a reviewer sees each one.

A test case's class name is the file's path and its name is `line:column rule`, with
` (2)`, ` (3)` … added when the same rule reports twice at one place, so names are unique
within a file and the same on every run. A finding at or above the `--fail-on` threshold
is a `<failure>`; one below it is a passing case that keeps its message in `<system-out>`,
so the report still lists it but does not fail the job for it. With "never", nothing fails.

A file with no findings is one passing case; a file that could not be read is one case
with an `<error>`. Both are named "whole file".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Callable

from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters.sarif import message_with_suggestions, unreadable_message

SUITE = "plainlint"
WHOLE_FILE = "whole file"

# Characters XML 1.0 cannot hold, even escaped; lone surrogates come from file names
# that are not UTF-8.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_junit(results: list[FileResult], fail_on: str | Callable[[str], str] = "error") -> str:
    """One test suite: a test case for each finding, clean file and unreadable file.

    `fail_on` is the threshold for every file, or gives each file's own by its path,
    so the report fails the same findings as the exit code does.
    """
    root = ET.Element("testsuites", {"name": SUITE})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE})
    tests = failures = errors = 0
    for result in results:
        path = _xml_text(result.path)
        if result.error is not None:
            case = _case(suite, path, WHOLE_FILE)
            error = ET.SubElement(
                case,
                "error",
                {"message": _xml_text(unreadable_message(result)), "type": "unreadable-file"},
            )
            error.text = _xml_text(result.error)
            tests, errors = tests + 1, errors + 1
            continue
        if not result.findings:
            _case(suite, path, WHOLE_FILE)
            tests += 1
            continue
        threshold = fail_on(result.path) if callable(fail_on) else fail_on
        for finding, name in zip(result.findings, case_names(result.findings)):
            case = _case(suite, path, name, line=finding.line)
            report = _xml_text(_report_line(finding))
            if fails(finding, threshold):
                failure = ET.SubElement(
                    case,
                    "failure",
                    {"message": _xml_text(message_with_suggestions(finding)), "type": finding.rule},
                )
                failure.text = report
                failures += 1
            else:
                ET.SubElement(case, "system-out").text = report
            tests += 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root.attrib.update(counts)
    suite.attrib.update({**counts, "skipped": "0"})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def fails(finding: Finding, fail_on: str) -> bool:
    """True when the finding is at or above the `--fail-on` threshold ("never": never)."""
    return fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank


def case_names(findings: list[Finding]) -> list[str]:
    """`line:column rule` for each finding, numbered from the second repeat in a file."""
    seen: Counter[str] = Counter()
    names = []
    for finding in findings:
        name = f"{finding.line}:{finding.column} {finding.rule}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _case(suite: ET.Element, path: str, name: str, line: int | None = None) -> ET.Element:
    attributes = {"classname": path, "name": name, "file": path}
    if line is not None:
        attributes["line"] = str(line)
    return ET.SubElement(suite, "testcase", attributes)


def _report_line(finding: Finding) -> str:
    return (
        f"{finding.line}:{finding.column} {finding.severity.value} {finding.rule} "
        f"{message_with_suggestions(finding)}"
    )


def _xml_text(text: str) -> str:
    """Text with each character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
