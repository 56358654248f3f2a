"""`--fix` and `--diff`: make the fixes in each page's text, check it again, and write it
back.

A round makes every wanted fix on a page, except those that overlap one made
before them, then checks the new text again. Rounds go on until a page has
nothing more to fix, so `--fix` run twice changes nothing the second time. A
page whose fixes undo each other, or still change it after MAX_ROUNDS rounds
(two words in the settings that replace each other), is left as it was.
Pages are checked together in each round, through the results cache, as
files are. A fix never changes the words of a finding the baseline holds.

A page is written only when its text changed, in one step, in the encoding it
was read in, and only if it is still what was checked. Two inputs with one
name (a file and standard input) are not fixed; a link to a page being fixed
is checked again once the page is.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from plainlint.errors import InputError
from plainlint.findings import FileResult, Finding
from plainlint.io.atomic_files import write_atomically
from plainlint.io.page_text import decode, encode_like, wide
from plainlint.io.regular_files import NotReadable, read_bytes
from plainlint.run.fix_edits import apply_fixes, without_fixes_into
from plainlint.run.runner import Runner

# Rounds of fixing and checking again; a page that still changes after this many is left.
MAX_ROUNDS = 8

# Hides findings a baseline holds: (result, the page's text now) -> result.
Filter = Callable[[FileResult, str], FileResult]

SAME_NAME = "two of the inputs have this name, so plainlint did not fix either of them"
UNDONE = (
    "its fixes undo each other (two words in the settings may replace each other), so "
    "plainlint did not change it"
)
NOT_SETTLED = (
    f"its fixes still changed it after {MAX_ROUNDS} rounds, so plainlint did not change it"
)


@dataclass
class FixedPage:
    """One page's text before and after fixing, and how many fixes were made."""

    name: str
    format_name: str
    before: str
    path: Path | None  # None for standard input
    after: str = ""
    made: int = 0
    problem: str | None = None  # why the page was left as it was
    seen: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self.after = self.after or self.before

    @property
    def changed(self) -> bool:
        """True when there is new text to write."""
        return self.after != self.before and self.problem is None


def wanted(finding: Finding, unsafe: bool) -> bool:
    """True for a finding whose fix this run makes."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def fix_pages(
    runner: Runner,
    results: list[FileResult],
    new_only: Filter,
    unsafe: bool,
    standard_input: set[str],
) -> tuple[list[FileResult], dict[str, FixedPage], dict[str, str]]:
    """The results after fixing, each page that had something to fix, and the names of
    inputs that could not be fixed with the reason.

    `runner.sources` holds each page's text and format as checked;
    `standard_input` names the input read from standard input; `new_only` hides
    the findings a baseline holds, so those are never fixed.
    """
    sources = runner.sources or {}
    results = list(results)
    pages: dict[str, FixedPage] = {}
    skipped: dict[str, str] = {}
    aliases: dict[int, str] = {}  # a link's result -> the name of the page it leads to
    owners: dict[str, str] = {}
    counts = Counter(result.path for result in results)
    todo = []
    for index, result in enumerate(results):
        name = result.path
        if result.error is not None or name not in sources:
            continue
        paths = runner.paths.get(name, [])
        if counts[name] > 1 or len(paths) + (name in standard_input) > 1:
            skipped[name] = SAME_NAME
            continue
        path = paths[0] if paths else None
        if path is not None:
            real = os.path.realpath(path)
            if real in owners:
                aliases[index] = owners[real]
                continue
            owners[real] = name
        pages[name] = FixedPage(name, sources[name][1], sources[name][0], path)
        todo.append(index)
    for round_number in range(MAX_ROUNDS + 1):
        changed = []
        for index in todo:
            page = pages[results[index].path]
            after, made = _fix_once(results[index], page.after, new_only, unsafe)
            if after == page.after:
                continue
            if round_number == MAX_ROUNDS or after in page.seen:
                page.problem = NOT_SETTLED if round_number == MAX_ROUNDS else UNDONE
                continue
            page.seen.add(page.after)
            page.after, page.made = after, page.made + made
            changed.append(index)
        if not changed:
            break
        again = runner.check_sources(
            [
                (results[i].path, pages[results[i].path].after, pages[results[i].path].format_name)
                for i in changed
            ]
        )
        for index, result in zip(changed, again):
            results[index] = result
        todo = changed
    _check_links_again(runner, results, pages, aliases)
    return results, {n: page for n, page in pages.items() if page.made or page.problem}, skipped


def _fix_once(result: FileResult, text: str, new_only: Filter, unsafe: bool) -> tuple[str, int]:
    """The text with this check's wanted fixes made, and how many were made."""
    shown = new_only(result, text).findings
    kept = {id(finding) for finding in shown}
    hidden = [finding for finding in result.findings if id(finding) not in kept]
    findings = without_fixes_into(shown, hidden) if hidden else shown
    fixes = [f.fix for f in findings if f.fix is not None and wanted(f, unsafe)]
    return apply_fixes(text, fixes) if fixes else (text, 0)


def _check_links_again(
    runner: Runner, results: list[FileResult], pages: dict[str, FixedPage], aliases: dict[int, str]
) -> None:
    """A link to a fixed page gets the page's new findings, under its own name."""
    again = [
        (index, (results[index].path, pages[owner].after, pages[owner].format_name))
        for index, owner in aliases.items()
        if pages[owner].changed
    ]
    if again:
        for (index, _), result in zip(again, runner.check_sources([file for _, file in again])):
            results[index] = result


def write_page(page: FixedPage) -> None:
    """Write a fixed page over its file, in its own encoding, in one step.

    Raises InputError when the file is no longer the text that was checked,
    is read-only, or cannot be written back as it was, or at all.
    """
    assert page.path is not None, "standard input is printed, never written"
    data = _current_bytes(page)
    new = encode_like(page.name, data, page.before, page.after, page.format_name)
    if not os.access(page.path, os.W_OK):
        raise InputError(page.name, "this file is read-only, so plainlint did not change it")
    try:
        write_atomically(page.path, new)
    except OSError as exc:
        raise InputError(page.name, f"cannot write the fixes ({exc.strerror or exc})") from None


def _current_bytes(page: FixedPage) -> bytes:
    """The file's bytes now, which must still be the text that was checked."""
    assert page.path is not None
    try:
        data = read_bytes(page.path)
    except NotReadable as exc:
        raise InputError(page.name, f"cannot fix this file: {exc.reason}") from None
    if decode(page.name, data, page.format_name) != page.before:
        raise InputError(
            page.name, "this file changed while plainlint was checking it; nothing was fixed"
        )
    return data


def fixed_bytes(page: FixedPage, data: bytes) -> bytes:
    """The page's new text in the encoding of `data`, its bytes as read."""
    return encode_like(page.name, data, page.before, page.after, page.format_name)


def unified_diff(page: FixedPage, data: bytes | None = None) -> bytes:
    """The changes to a page as a unified diff of its bytes, which `patch -p0` applies.

    `data` is the page's bytes as read (standard input); a file is read again.
    Lines end where `patch` ends them, at a newline byte; a last line without one
    is marked as diff marks it. UTF-16 and UTF-32 pages have no diff: `patch`
    reads lines of bytes, which such text does not have.
    """
    data = _current_bytes(page) if data is None else data
    if wide(data):
        raise InputError(
            page.name, "--diff cannot show changes to UTF-16 or UTF-32 text; --fix can make them"
        )
    new = fixed_bytes(page, data)
    name = (os.fsencode(page.path) if page.path is not None else page.name.encode()).decode(
        "latin-1"
    )
    date = _modified(page.path) if page.path is not None else ""
    lines = difflib.unified_diff(
        _lines(data.decode("latin-1")), _lines(new.decode("latin-1")), name, name, date, date
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out).encode("latin-1")


def _modified(path: Path) -> str:
    """A file's modification time as `diff -u` writes it after the name."""
    try:
        seconds = os.stat(path).st_mtime
    except OSError:
        return ""
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f +0000")


def _lines(text: str) -> list[str]:
    """Lines as `patch` reads them: each up to and including its "\\n"."""
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines
