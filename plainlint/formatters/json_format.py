"""JSON output: the shape other tools rely on. Files that could not be read are left out."""

from __future__ import annotations

from plainlint import __version__
from plainlint.findings import FileResult
from plainlint.formatters.readable_json import readable_json
from plainlint.formatters.summary import summarise


def format_json(results: list[FileResult]) -> str:
    """All results as one JSON document."""
    files = [
        {
            "path": result.path,
            "metrics": result.metrics.to_json(),
            "findings": [finding.to_json() for finding in result.findings],
        }
        for result in results
        if result.error is None
    ]
    document = {"version": __version__, "files": files, "summary": summarise(results)}
    return readable_json(document, flat_from=4)  # one line for each finding
