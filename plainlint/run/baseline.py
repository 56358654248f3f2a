"""Baselines: record today's findings so later runs report only new ones.

A finding is known by its file, its rule and the text it points at, never by
its line, so edits elsewhere in a file do not bring old findings back. Each
entry also keeps a few words on either side of the text: when a word is found
twice, the one whose words around it are unchanged is the old one, and the
other is new, wherever it is on the page. Line breaks and runs of spaces count
as one space, so re-wrapping a paragraph or a change to CRLF line endings keeps
old findings known.

Matching pairs the closest first: the same words on both sides, then on one
side (a sentence edited at one end), the most words in common on the other
side first. A finding whose words on both sides have changed is new: its
sentence was rewritten, so it is read again. Entries from a
version 1 baseline kept no words around them, and match anywhere in their file.
A finding left over after that is new.

Files are named relative to the baseline file's folder, with forward slashes,
so the same baseline matches whichever folder plainlint runs from.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from plainlint.errors import ConfigError, PlainlintError
from plainlint.findings import FileResult
from plainlint.io.atomic_files import write_atomically
from plainlint.io.finding_context import line_starts, read_source, words_around
from plainlint.io.regular_files import NotReadable, read_bytes

VERSION = 2
READS = (1, 2)  # version 1 entries have no words around them: they match by count
NOT_A_BASELINE = "this is not a baseline file; plainlint check --write-baseline FILE makes one"
NESTED_TOO_DEEPLY = (
    "this is not a baseline file (it is nested too deeply); "
    "plainlint check --write-baseline FILE makes one"
)
DESCRIPTION = (
    "Findings recorded by 'plainlint check --write-baseline'. "
    "'plainlint check --baseline' does not report them again."
)

# What the shared reader says about a file it will not read, said of a baseline.
_UNREADABLE = {
    "this file does not exist": "this baseline file does not exist",
    "this is a folder, not a file": "this is a folder, not a baseline file",
}

Sources = Callable[[str], "str | None"]  # a checked file's text by its shown name, if known


@dataclass(frozen=True)
class Entry:
    """One recorded finding: where, which rule, its text and the words around it.

    `before` and `after` are None in entries from a version 1 baseline.
    """

    file: str
    rule: str
    text: str
    before: str | None = None
    after: str | None = None


def write_baseline(path: Path, results: list[FileResult], sources: Sources | None = None) -> int:
    """Record every finding of readable files; returns how many were recorded."""
    counts = _entries(_folder_of(path), results, sources or read_source)
    _write(path, _serialise(counts))
    return sum(counts.values())


def _entries(folder: Path, results: Iterable[FileResult], sources: Sources) -> Counter[Entry]:
    counts: Counter[Entry] = Counter()
    for result in results:
        if result.error is None and result.findings:
            counts.update(_observed(result, _file_key(result.path, folder), sources))
    return counts


def _observed(result: FileResult, name: str, sources: Sources) -> list[Entry]:
    """An entry for each finding, in order, with the words around it in the file now."""
    source = sources(result.path)
    starts = line_starts(source) if source is not None else []
    entries = []
    for f in result.findings:
        before, after = words_around(source, starts, f.line, f.column, f.text) or (None, None)
        entries.append(Entry(name, f.rule, _words(f.text), before, after))
    return entries


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; any mistake in it becomes one plain ConfigError."""
    name = str(path)
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except NotReadable as exc:
        raise ConfigError(name, _UNREADABLE.get(exc.reason, exc.reason)) from None
    except UnicodeDecodeError:
        raise ConfigError(name, "cannot read this baseline file (it is not UTF-8 text)") from None
    if text.strip() and not text.lstrip().startswith("{"):
        # A page named by mistake ("--baseline page.md"), not a damaged baseline.
        raise ConfigError(name, NOT_A_BASELINE)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            name, f"this is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:  # brackets inside brackets, far deeper than a baseline's two
        raise ConfigError(name, NESTED_TOO_DEEPLY) from None
    except ValueError:  # a number too long to read, such as a count of 5,000 digits
        raise ConfigError(name, "this is not valid JSON (a number in it is too long)") from None
    problem, counts = _parse(data)
    if problem:
        raise ConfigError(name, problem)
    return Baseline(_folder_of(path), counts, Path(path))


class Baseline:
    """Findings recorded earlier, counted by file, rule, text and the words around it."""

    def __init__(self, folder: Path, counts: Counter[Entry], path: Path | None = None) -> None:
        self.folder = folder  # the baseline file's folder: file names are relative to it
        self.counts = counts
        self.path = path
        self._index = _index(counts)

    def new_findings(
        self, results: list[FileResult], sources: Sources | None = None
    ) -> list[FileResult]:
        """The same results with only the findings the baseline does not hold; metrics and
        errors kept."""
        return [_new(result, known) for result, _, known in self._judged(results, sources)]

    def prune(
        self,
        results: list[FileResult],
        sources: Sources | None = None,
        elsewhere: list[FileResult] | None = None,
    ) -> tuple[list[FileResult], int]:
        """Keep only the recorded findings that still occur, with the words around them
        as they are now. Returns the new findings, as `new_findings` does, and how many
        findings the baseline lost.

        Files this run did not check keep their entries, unless they are gone from
        the disk (a page deleted, or renamed: its findings are recorded under its
        new name only when it is checked). Files `elsewhere` were checked against
        another baseline (their folder's own): their entries here are never used.
        """
        judged = self._judged(results, sources)
        counts = Counter(
            entry for _, entries, known in judged for entry, old in zip(entries, known) if old
        )
        checked = {_file_key(r.path, self.folder) for r in results if r.error is None}
        checked |= {_file_key(r.path, self.folder) for r in elsewhere or []}
        unreadable = {_file_key(r.path, self.folder) for r in results if r.error is not None}
        for entry, count in self.counts.items():
            if entry.file in unreadable or (
                entry.file not in checked and (self.folder / entry.file).exists()
            ):
                counts[entry] += count
        assert self.path is not None, "a baseline read from a file knows its path"
        _write(self.path, _serialise(counts))
        new = [_new(result, known) for result, _, known in judged]
        return new, sum(self.counts.values()) - sum(counts.values())

    def _judged(
        self, results: list[FileResult], sources: Sources | None
    ) -> list[tuple[FileResult, list[Entry], list[bool]]]:
        """Each result, its findings' entries with the words around them now, and which
        of its findings the baseline holds. Files are read once for both answers."""
        left = Counter(self.counts)  # this call's own copy: a Baseline can be used again
        judged = []
        for result in results:
            if result.error is not None or not result.findings:
                judged.append((result, [], [False] * len(result.findings)))
                continue
            name = _file_key(result.path, self.folder)
            entries = _observed(result, name, sources or read_source)
            judged.append((result, entries, _match(entries, left, self._index)))
        return judged


def _new(result: FileResult, known: list[bool]) -> FileResult:
    """The result with only the findings the baseline does not hold."""
    return replace(result, findings=[f for f, old in zip(result.findings, known) if not old])


def _match(entries: list[Entry], left: Counter[Entry], index: _Index) -> list[bool]:
    """Which of a file's findings the baseline holds, taking each recorded finding once.

    The closest pairs are matched first, wherever they are on the page: a new "occur"
    above an old one whose sentence was edited at one end must not take the old one's
    place because it comes first.
    """
    pairs = []
    for number, entry in enumerate(entries):
        for recorded in index.get((entry.file, entry.rule, entry.text), ()):
            closeness = _closeness(recorded, entry)
            if closeness is not None:
                pairs.append((closeness, number, recorded))
    pairs.sort(key=lambda pair: (-pair[0][0], -pair[0][1], pair[1]))
    known = [False] * len(entries)
    for _, number, recorded in pairs:
        if not known[number] and left[recorded] > 0:
            left[recorded] -= 1
            known[number] = True
    return known


def _closeness(recorded: Entry, entry: Entry) -> tuple[int, int] | None:
    """How well a recorded finding matches one found now; None when it does not.

    (3, 0): the same words on both sides. (2, n): the same words on one side, and n
    words in common on the other. (1, 0): the words are not known for one of them (a
    version 1 entry, or a file that cannot be read now), so they match by count.
    A recorded finding whose words on both sides have changed does not match: a new
    occurrence added while an old one is deleted would otherwise hide behind it.
    """
    if recorded.before is None or entry.before is None:
        return 1, 0
    if (recorded.before, recorded.after) == (entry.before, entry.after):
        return 3, 0
    if recorded.before == entry.before:
        return 2, _shared(recorded.after or "", entry.after or "")
    if recorded.after == entry.after:
        return 2, _shared(recorded.before, entry.before)
    return None


def _shared(one: str, other: str) -> int:
    """How many words two short runs of words have in common."""
    return sum((Counter(one.split()) & Counter(other.split())).values())


_Index = dict[tuple[str, str, str], list[Entry]]


def _index(counts: Counter[Entry]) -> _Index:
    """Recorded entries by file, rule and text, in a stable order."""
    index: _Index = {}
    for entry in sorted(counts, key=_sort_key):
        index.setdefault((entry.file, entry.rule, entry.text), []).append(entry)
    return index


def _sort_key(entry: Entry) -> tuple[str, ...]:
    return (entry.file, entry.rule, entry.text, entry.before or "", entry.after or "")


def _words(text: str) -> str:
    """The text with each run of white space as one space: re-wrapping or CRLF changes nothing."""
    return " ".join(text.split())


def _folder_of(path: Path) -> Path:
    """The folder a baseline file sits in, with links and '..' resolved."""
    return Path(path).absolute().parent.resolve()


def _file_key(name: str, folder: Path) -> str:
    """A checked file's name relative to `folder` with forward slashes ("../site/a.md" for
    a file beside it, so a baseline kept in a folder of its own works from anywhere), or,
    on another drive, the name as given, tidied."""
    given = Path(name)
    where = given.absolute().parent.resolve() / given.name  # keep a linked file's own name
    try:
        return Path(os.path.relpath(where, folder)).as_posix()
    except ValueError:
        return Path(os.path.normpath(name)).as_posix()


def _serialise(counts: Counter[Entry]) -> str:
    """Stable, diff-friendly JSON: one sorted finding a line."""
    lines = []
    for entry in sorted(counts, key=_sort_key):
        item: dict[str, Any] = {"file": entry.file, "rule": entry.rule, "text": entry.text}
        if entry.before is not None:
            item.update(before=entry.before, after=entry.after)
        item["count"] = counts[entry]
        try:
            line = json.dumps(item, ensure_ascii=False)
            line.encode("utf-8")
        except UnicodeEncodeError:  # text with a stray surrogate: escape it instead
            line = json.dumps(item)
        lines.append(line)
    head = f'{{\n  "plainlint_baseline": {VERSION},\n  "description": {json.dumps(DESCRIPTION)},\n'
    if not lines:
        return head + '  "findings": []\n}\n'
    return head + '  "findings": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"


def _parse(data: Any) -> tuple[str | None, Counter[Entry]]:
    """The counts in parsed baseline JSON, or a plain reason why it is not a baseline."""
    counts: Counter[Entry] = Counter()
    if not isinstance(data, dict) or "plainlint_baseline" not in data:
        return "this is not a plainlint baseline (no 'plainlint_baseline' version)", counts
    version = data["plainlint_baseline"]
    if version not in READS or isinstance(version, bool):
        return (
            f"this baseline has version {json.dumps(version)}, and this plainlint reads "
            f"versions {READS[0]} to {READS[-1]}; write it again with --write-baseline",
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
        around = [entry.get(side) for side in ("before", "after")]
        if not all(side is None or isinstance(side, str) for side in around):
            return f"{where} needs 'before' and 'after' as strings", counts
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            return f"{where} needs 'count' as a whole number of 1 or more", counts
        before, after = around
        if before is not None:
            after = after or ""
        else:
            after = None  # a version 1 entry, or one edited by hand: it matches by count
        counts[Entry(entry["file"], entry["rule"], entry["text"], before, after)] += count
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
