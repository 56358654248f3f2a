"""`--statistics`: how many findings each rule made, most first."""

from __future__ import annotations

import json
from typing import Any

from plainlint.findings import FileResult, Severity
from plainlint.rules import RULES


def statistics(results: list[FileResult]) -> list[dict[str, Any]]:
    """One entry per rule that found something: rule, severity, count and summary.

    Sorted by count, most first, then by rule id. A rule can report some findings at a
    different severity from its own (a very long sentence is an error, not a warning):
    the entry gives the most serious severity among its findings.
    """
    counts: dict[str, int] = {}
    severities: dict[str, Severity] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            known = severities.get(finding.rule)
            if known is None or finding.severity.rank > known.rank:
                severities[finding.rule] = finding.severity
    return [
        {
            "rule": rule,
            "severity": severities[rule].value,
            "count": count,
            "summary": RULES[rule].summary if rule in RULES else "",
        }
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def format_statistics_text(results: list[FileResult]) -> str:
    """A table of count, rule id and summary, lined up; or a line saying nothing was found."""
    rows = statistics(results)
    if not rows:
        return "No problems found."
    count_width = max(len(str(row["count"])) for row in rows)
    rule_width = max(len(row["rule"]) for row in rows)
    return "\n".join(
        f"{row['count']:>{count_width}}  {row['rule']:<{rule_width}}  {row['summary']}".rstrip()
        for row in rows
    )


def format_statistics_json(results: list[FileResult]) -> str:
    """The statistics as a JSON list, in the same order as the table."""
    return json.dumps(statistics(results), indent=2, ensure_ascii=False)
