"""Baselines: record today's findings so later runs report only new ones.

A finding is known by its file, its rule and the text it points at, never by
its line, so edits elsewhere in a file do not bring old findings back. Line
breaks and runs of spaces in the text count as one space, so re-wrapping a
paragraph or a change to CRLF line endings keeps old findings known. The same
finding can appear several times in a file; the baseline counts them, and only
those beyond the recorded count are new.

Files are named relative to the baseline file's folder, with forward slashes,
so the same baseline matches whichever folder plainlint runs from.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from plainlint.errors import ConfigError, PlainlintError
from plainlint.findings import FileResult
from plainlint.io.atomic_files import write_atomically

VERSION = 1
DESCRIPTION = (
    "Findings recorded by 'plainlint check --write-baseline'. "
    "'plainlint check --baseline' does not report them again."
)

Key = tuple[str, str, str]  # file, rule, text


def write_baseline(path: Path, results: list[FileResult]) -> int:
    """Record every finding of readable files; returns how many were recorded."""
    folder = _folder_of(path)
    counts: Counter[Key] = Counter()
    for result in results:
        if result.error is None:
            name = _file_key(result.path, folder)
            counts.update((name, finding.rule, _words(finding.text)) for finding in result.findings)
    _write(path, _serialise(counts))
    return sum(counts.values())


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; any mistake in it becomes one plain ConfigError."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(name, "this baseline file does not exist") from None
    except IsADirectoryError:
        raise ConfigError(name, "this is a folder, not a baseline file") from None
    except UnicodeDecodeError:
        raise ConfigError(name, "cannot read this baseline file (it is not UTF-8 text)") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(name, f"cannot read this baseline file ({reason})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            name, f"this is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    problem, counts = _parse(data)
    if problem:
        raise ConfigError(name, problem)
    return Baseline(_folder_of(path), counts)


class Baseline:
    """Findings recorded earlier, counted by (file, rule, text)."""

    def __init__(self, folder: Path, counts: Counter[Key]) -> None:
        self.folder = folder  # the baseline file's folder: file names are relative to it
        self.counts = counts

    def new_findings(self, results: list[FileResult]) -> list[FileResult]:
        """The same results with only the findings the baseline does not hold; metrics and
        errors kept. Where a file has more of one finding than recorded, the later ones
        (in file order) are new."""
        left = Counter(self.counts)  # this call's own copy: a Baseline can be used again
        kept = []
        for result in results:
            name = _file_key(result.path, self.folder)
            findings = []
            for finding in result.findings:
                key = (name, finding.rule, _words(finding.text))
                if left[key] > 0:
                    left[key] -= 1
                else:
                    findings.append(finding)
            kept.append(replace(result, findings=findings))
        return kept


def _words(text: str) -> str:
    """The text with each run of white space as one space: re-wrapping or CRLF changes nothing."""
    return " ".join(text.split())


def _folder_of(path: Path) -> Path:
    """The folder a baseline file sits in, with links and '..' resolved."""
    return Path(path).absolute().parent.resolve()


def _file_key(name: str, folder: Path) -> str:
    """A checked file's name relative to `folder` with forward slashes, or, for a file
    outside it, the name as given, tidied."""
    given = Path(name)
    where = given.absolute().parent.resolve() / given.name  # keep a linked file's own name
    try:
        return where.relative_to(folder).as_posix()
    except ValueError:
        return Path(os.path.normpath(name)).as_posix()


def _serialise(counts: Counter[Key]) -> str:
    """Stable, diff-friendly JSON: one sorted finding a line."""
    lines = []
    for (file, rule, text), count in sorted(counts.items()):
        entry = {"file": file, "rule": rule, "text": text, "count": count}
        try:
            line = json.dumps(entry, ensure_ascii=False)
            line.encode("utf-8")
        except UnicodeEncodeError:  # text with a stray surrogate: escape it instead
            line = json.dumps(entry)
        lines.append(line)
    head = f'{{\n  "plainlint_baseline": {VERSION},\n  "description": {json.dumps(DESCRIPTION)},\n'
    if not lines:
        return head + '  "findings": []\n}\n'
    return head + '  "findings": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"


def _parse(data: Any) -> tuple[str | None, Counter[Key]]:
    """The counts in parsed baseline JSON, or a plain reason why it is not a baseline."""
    counts: Counter[Key] = Counter()
    if not isinstance(data, dict) or "plainlint_baseline" not in data:
        return "this is not a plainlint baseline (no 'plainlint_baseline' version)", counts
    version = data["plainlint_baseline"]
    if version != VERSION or isinstance(version, bool):
        return (
            f"this baseline has version {json.dumps(version)}, and this plainlint reads "
            f"version {VERSION}; write it again with --write-baseline",
            counts,
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        return "'findings' must be a list", counts
    for number, entry in enumerate(findings, start=1):
        where = f"finding {number}"
        if not isinstance(entry, dict):
            return f"{where} must be an object with file, rule, text and count", counts
        for field in ("file", "rule", "text"):
            if not isinstance(entry.get(field), str):
                return f"{where} needs '{field}' as a string", counts
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            return f"{where} needs 'count' as a whole number of 1 or more", counts
        counts[(entry["file"], entry["rule"], entry["text"])] += count
    return None, counts


def _write(path: Path, text: str) -> None:
    """Replace the baseline in one step, or explain why plainlint cannot."""
    try:
        write_atomically(Path(path), text)
    except OSError as exc:
        raise PlainlintError(str(path), _write_reason(exc, Path(path))) from None


def _write_reason(exc: OSError, path: Path) -> str:
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return "this is a folder; give a file name for the baseline"
    if isinstance(exc, FileNotFoundError) and not path.parent.is_dir():
        return f"cannot write the baseline: the folder '{path.parent}' does not exist"
    return f"cannot write the baseline ({exc.strerror or exc})"
