"""Counts shared by every output format."""

from __future__ import annotations

from plainlint.findings import FileResult, Severity


def summarise(results: list[FileResult]) -> dict[str, int]:
    """Files checked, findings in all, and findings per severity."""
    checked = [r for r in results if r.error is None]
    counts = {severity.value: 0 for severity in reversed(Severity)}
    for result in checked:
        for finding in result.findings:
            counts[finding.severity.value] += 1
    return {"files": len(checked), "findings": sum(counts.values()), **counts}
