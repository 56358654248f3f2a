"""`--statistics`: how many findings each rule made, most first."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from plainlint.findings import FileResult, Severity
from plainlint.rules import RULES


def statistics(results: list[FileResult]) -> list[dict[str, Any]]:
    """One entry per rule that found something: rule, severity, count, the count at
    each severity, and summary.

    Sorted by count, most first, then by rule id. A rule can report some findings at a
    different severity from its own (a very long sentence is an error, not a warning),
    as `plainlint rules` says: `severity` is the most serious among its findings, and
    `severities` counts each.
    """
    counts: dict[str, int] = {}
    levels: dict[str, Counter[Severity]] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            levels.setdefault(finding.rule, Counter())[finding.severity] += 1
    return [
        {
            "rule": rule,
            "severity": max(levels[rule], key=lambda level: level.rank).value,
            "count": count,
            "severities": {
                level.value: levels[rule][level]
                for level in reversed(Severity)
                if levels[rule][level]
            },
            "summary": RULES[rule].summary if rule in RULES else "",
        }
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def format_statistics_text(results: list[FileResult]) -> str:
    """A table of count, rule id, severities and summary, lined up; or a line saying
    nothing was found."""
    rows = statistics(results)
    if not rows:
        return "No problems found."
    levels = [_levels(row) for row in rows]
    count_width = max(len(str(row["count"])) for row in rows)
    rule_width = max(len(row["rule"]) for row in rows)
    level_width = max(len(text) for text in levels)
    return "\n".join(
        f"{row['count']:>{count_width}}  {row['rule']:<{rule_width}}  "
        f"{shown:<{level_width}}  {row['summary']}".rstrip()
        for row, shown in zip(rows, levels)
    )


def _levels(row: dict[str, Any]) -> str:
    """ "warning", or "error 3, warning 40" for a rule whose findings differ."""
    severities = row["severities"]
    if len(severities) == 1:
        return next(iter(severities))
    return ", ".join(f"{level} {count}" for level, count in severities.items())


def format_statistics_json(results: list[FileResult]) -> str:
    """The statistics as a JSON list, in the same order as the table."""
    return json.dumps(statistics(results), indent=2, ensure_ascii=False, allow_nan=False)
