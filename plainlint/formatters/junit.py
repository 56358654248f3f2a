"""JUnit XML, for CI systems that show test reports: each checked file is one test case.

A file with findings fails, with one `<failure>` whose text lists them as
`line:column severity rule message`. A file that could not be read has an `<error>`.
A file with no findings passes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from plainlint.findings import FileResult
from plainlint.formatters.sarif import message_with_suggestions, unreadable_message

SUITE = "plainlint"

# Characters XML 1.0 cannot hold, even escaped; lone surrogates come from file names
# that are not UTF-8.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_junit(results: list[FileResult]) -> str:
    """One test suite with one test case per file."""
    failures = sum(1 for r in results if r.error is None and r.findings)
    errors = sum(1 for r in results if r.error is not None)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    for result in results:
        path = _xml_text(result.path)
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": path, "file": path})
        if result.error is not None:
            error = ET.SubElement(
                case,
                "error",
                {"message": _xml_text(unreadable_message(result)), "type": "unreadable-file"},
            )
            error.text = _xml_text(result.error)
        elif result.findings:
            count = len(result.findings)
            failure = ET.SubElement(
                case,
                "failure",
                {"message": f"{count} {'problem' if count == 1 else 'problems'}", "type": SUITE},
            )
            failure.text = "\n".join(
                _xml_text(
                    f"{f.line}:{f.column} {f.severity.value} {f.rule} {message_with_suggestions(f)}"
                )
                for f in result.findings
            )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def _xml_text(text: str) -> str:
    """Text with each character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
