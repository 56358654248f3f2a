"""SARIF 2.1.0 output, for GitHub code scanning and other tools that read static analysis logs.

One run. The driver lists every rule plainlint has, so a viewer can show a rule's help
for any result. Each finding is one result; a file that could not be read is a tool
execution notification, and the run is then marked as not successful.

Positions: plainlint counts lines from 1 and columns from 1 in Unicode code points, and its
end column is the column just after the last character. SARIF's regions use the same
convention when `columnKind` is "unicodeCodePoints", which the run says. Lines end at
"\\r\\n", "\\n" or a lone "\\r", as plainlint reads them, which the run says too.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from plainlint import __version__
from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters.readable_json import readable_json
from plainlint.rules import RULES, Rule
from plainlint.rules.pages import page_path

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/plainlint/"
# Rule pages (docs/rules/ID.md) as tagged for this release, so a link matches the rule's text.
DOCS_BASE_URI = f"https://github.com/plainlint/plainlint/blob/v{__version__}/"
SOURCE_ROOT = "%SRCROOT%"  # relative paths are relative to the folder plainlint ran in
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SENTENCE_END = (".", "!", "?", "”", '"', ")")


def format_sarif(results: list[FileResult]) -> str:
    """All results as one SARIF 2.1.0 log."""
    rule_index = {rule_id: index for index, rule_id in enumerate(RULES)}
    notifications = [_notification(result) for result in results if result.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "plainlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule) for rule in RULES.values()],
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "newlineSequences": ["\r\n", "\n", "\r"],
        "results": [
            _result(result.path, finding, rule_index)
            for result in results
            if result.error is None
            for finding in result.findings
        ],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return readable_json(log, flat_from=4)  # one line for each result and each rule


def message_with_suggestions(finding: Finding) -> str:
    """The finding's message, then any suggestion the message does not already quote.

    Most messages already name their suggestions ("Try “use” instead of …"): those are
    left as they are.
    """
    missing = [s for s in finding.suggestions if f"“{s}”" not in finding.message]
    if not missing:
        return finding.message
    offer = " or ".join(f"“{suggestion}”" for suggestion in missing)
    return f"{sentence(finding.message)} Try {offer}.".lstrip()


def sentence(text: str) -> str:
    """Text that ends like a sentence: a full stop is added when it has no end mark."""
    text = text.rstrip()
    return text if not text or text.endswith(_SENTENCE_END) else f"{text}."


def unreadable_message(result: FileResult) -> str:
    """What the CI formats say about a file that could not be read."""
    return sentence(f"plainlint could not check this file: {result.error}")


def artifact_location(path: str) -> dict[str, str]:
    """A path as a SARIF artifact location: a relative URI from the source root, or a file URI.

    Characters that a URI cannot hold, and ":" (which would make a relative path look like
    a URI scheme), are percent-encoded from the path's UTF-8 bytes.
    """
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(os.fsencode(pure.as_posix()), safe="/"), "uriBaseId": SOURCE_ROOT}


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    """A rule's reportingDescriptor: what it checks, why, and what to do."""
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.why} {rule.fix}"},
        "help": {
            "text": f"Why it matters: {rule.why}\n\nWhat to do: {rule.fix}",
            "markdown": (
                f"**Why it matters**\n\n{_markdown(rule.why)}\n\n"
                f"**What to do**\n\n{_markdown(rule.fix)}"
            ),
        },
        "helpUri": DOCS_BASE_URI + page_path(rule.id),
        "defaultConfiguration": {"level": LEVELS[rule.default_severity]},
        "properties": {"tags": ["plain-language"]},
    }


def _result(path: str, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.text:
        region["snippet"] = {"text": finding.text}
    result: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in rule_index:  # always, unless a finding names a rule plainlint lacks
        result["ruleIndex"] = rule_index[finding.rule]
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": message_with_suggestions(finding)}
    result["locations"] = [
        {"physicalLocation": {"artifactLocation": artifact_location(path), "region": region}}
    ]
    return result


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": unreadable_message(result)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path)}}],
    }


def _markdown(text: str) -> str:
    """Plain text made safe for Markdown: characters that would format it are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
