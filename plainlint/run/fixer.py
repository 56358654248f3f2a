"""`--fix` and `--diff`: make the fixes in each page's text, check it again, and write it
back.

A round makes every wanted fix on a page, except those that overlap one made
before them, then checks the new text again. Rounds go on until a page has
nothing more to fix, so `--fix` run twice changes nothing the second time.
Pages are checked together in each round, through the results cache, as
files are. A page is written only when its text changed, in one step, in the
encoding it was read in, and only if it is still what was checked.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from plainlint.errors import InputError
from plainlint.findings import FileResult, Finding
from plainlint.io.atomic_files import write_atomically
from plainlint.io.page_text import decode, encode_like
from plainlint.io.regular_files import NotReadable, read_bytes
from plainlint.run.fix_edits import apply_fixes
from plainlint.run.runner import Runner

# Rounds of fixing and checking again; a page that still changes after this many is left.
MAX_ROUNDS = 8

# Hides findings a baseline holds: (result, the page's text now) -> result.
Filter = Callable[[FileResult, str], FileResult]


@dataclass
class FixedPage:
    """One page's text before and after fixing, and how many fixes were made."""

    name: str
    format_name: str
    before: str
    after: str
    made: int = 0

    @property
    def changed(self) -> bool:
        return self.after != self.before


def wanted(finding: Finding, unsafe: bool) -> bool:
    """True for a finding whose fix this run makes."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def fix_pages(
    runner: Runner,
    results: list[FileResult],
    texts: dict[str, tuple[str, str]],
    new_only: Filter,
    unsafe: bool,
) -> tuple[list[FileResult], dict[str, FixedPage]]:
    """The results after fixing every page that has something to fix, and each such page.

    `texts` holds each page's text and format as checked; `new_only` hides the
    findings a baseline holds, so those are never fixed.
    """
    results = list(results)
    pages: dict[str, FixedPage] = {}
    todo = list(range(len(results)))
    for _ in range(MAX_ROUNDS):
        changed: list[int] = []
        for index in todo:
            result = results[index]
            if result.error is not None or result.path not in texts:
                continue
            text, format_name = texts[result.path]
            page = pages.get(result.path) or FixedPage(result.path, format_name, text, text)
            shown = new_only(result, page.after)
            fixes = [f.fix for f in shown.findings if f.fix is not None and wanted(f, unsafe)]
            if not fixes:
                continue
            after, made = apply_fixes(page.after, fixes)
            if after == page.after:
                continue
            page.after, page.made = after, page.made + made
            pages[result.path] = page
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
    return results, pages


def write_page(page: FixedPage) -> None:
    """Write a fixed page over its file, in its own encoding, in one step.

    Raises InputError when the file is no longer the text that was checked,
    or cannot be written back as it was, or cannot be written at all.
    """
    try:
        data = read_bytes(page.name)
    except NotReadable as exc:
        raise InputError(page.name, f"cannot fix this file: {exc.reason}") from None
    if decode(page.name, data, page.format_name) != page.before:
        raise InputError(
            page.name, "this file changed while plainlint was checking it; nothing was fixed"
        )
    new = encode_like(page.name, data, page.before, page.after, page.format_name)
    try:
        write_atomically(Path(page.name), new)
    except OSError as exc:
        raise InputError(page.name, f"cannot write the fixes ({exc.strerror or exc})") from None


def unified_diff(page: FixedPage) -> Iterator[str]:
    """The changes to a page as a unified diff that `patch -p0` applies.

    Lines end where `patch` ends them, at "\\n"; a last line without one is
    marked as diff marks it.
    """
    lines = difflib.unified_diff(
        _lines(page.before),
        _lines(page.after),
        page.name,
        page.name,
    )
    for line in lines:
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    """Lines as `patch` reads them: each up to and including its "\\n"."""
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines
