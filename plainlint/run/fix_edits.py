"""From a rule's rewrite, in a block's prose, to edits of the file's source; and
putting edits into a text.

A rewrite becomes edits only where the prose is the source as written: no
markup, entity or code inside the words it changes, so the markup around a fix
stays byte for byte. It never reaches into quotations, into the label of a
Markdown reference link, or out of an alt attribute; new words that would read
as markup in the file's format are not written at all. A fix in a heading needs
review, as links to the heading are made from its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from plainlint.documents import Document
from plainlint.documents.model import Block, BlockKind
from plainlint.findings import Edit, Finding, Fix
from plainlint.io.finding_context import line_starts
from plainlint.language.rewriting import Rewrite

if TYPE_CHECKING:
    from plainlint.documents.suppressions import Suppressions

# Characters that mean something in each format's markup, never written by a fix.
_ANY_FORMAT = frozenset("*_`[]<>\\|&~#")  # Markdown's, the most of any format
_MARKUP = {"markdown": _ANY_FORMAT, "html": frozenset("<>&"), "text": frozenset()}
# What may not stand in an attribute value, by the character that opens the value.
_IN_ATTRIBUTE = {'"': frozenset('"'), "'": frozenset("'"), "=": frozenset(" \t\n\"'=<>`")}
_Q_OPENS = re.compile(r"<q[\s>]", re.IGNORECASE)
_Q_CLOSES = re.compile(r"</q\s*>", re.IGNORECASE)
# Quotation marks that open, and the marks that close them.
_CLOSERS = {"“": "”", "„": "“", "«": "»", "‹": "›", "‚": "‘"}


def placed_fix(document: Document, block: Block, rewrite: Rewrite) -> Fix | None:
    """The rewrite as edits of the source, or None when it cannot be made there exactly."""
    if block.kind is BlockKind.BLOCK_QUOTE:
        return None  # someone's own words
    markup = _MARKUP.get(document.format, _ANY_FORMAT) | _attribute_marks(document, block)
    edits = []
    for change in rewrite.changes:
        if not block.source_map.copied(change.start, change.end):
            return None
        start, end = block.source_span(change.start, change.end)
        if document.source[start:end] != block.text[change.start : change.end]:
            return None
        if not markup.isdisjoint(change.text) or "\n" in change.text or "\r" in change.text:
            return None
        if _inside(_quotations(block.text), change.start) or _in_reference_label(
            document, block, change.start
        ):
            return None
        if document.format != "text" and _inside(_q_elements(document.source), start):
            return None
        first, last = document.position(start), document.position(end)
        edits.append(Edit(first.line, first.column, last.line, last.column, change.text))
    if not edits:
        return None
    # Headings and link text: links point at a heading's words, and link text often
    # repeats the title of the page it leads to.
    in_link = any(
        link.start < change.end and change.start < link.end
        for link in block.links
        for change in rewrite.changes
    )
    safe = rewrite.safe and block.kind is not BlockKind.HEADING and not in_link
    return Fix(safe, tuple(edits))


def _attribute_marks(document: Document, block: Block) -> frozenset[str]:
    """For alt text in a tag, what would end its attribute value: its own quote, or
    spaces and quotes where the value has none (`alt=Tablets`)."""
    if block.kind is not BlockKind.IMAGE or not block.text:
        return frozenset()
    start = block.source_span(0, 0)[0]
    opener = document.source[start - 1 : start] if start else ""
    return _IN_ATTRIBUTE.get(opener, frozenset())


@lru_cache(maxsize=64)
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of a block's text inside quotation marks, found in one pass: a quotation
    still open at the end runs to the end (it goes on in the next paragraph)."""
    spans = []
    waiting: list[str] = []
    straight = False
    opened = 0
    for index, char in enumerate(text):
        was_inside = straight or bool(waiting)
        if char == '"':
            straight = not straight
        elif waiting and char == waiting[-1]:
            waiting.pop()
        elif char in _CLOSERS:
            waiting.append(_CLOSERS[char])
        inside = straight or bool(waiting)
        if inside and not was_inside:
            opened = index
        elif was_inside and not inside:
            spans.append((opened, index + 1))
    if straight or waiting:
        spans.append((opened, len(text)))
    return tuple(spans)


@lru_cache(maxsize=8)
def _q_elements(source: str) -> tuple[tuple[int, int], ...]:
    """Spans of the source inside HTML quotations, `<q>…</q>`, nested or not."""
    if "<q" not in source and "<Q" not in source:
        return ()
    marks = sorted(
        [(m.start(), 1) for m in _Q_OPENS.finditer(source)]
        + [(m.start(), -1) for m in _Q_CLOSES.finditer(source)]
    )
    spans = []
    depth = 0
    opened = 0
    for offset, step in marks:
        if step > 0 and depth == 0:
            opened = offset
        depth = max(0, depth + step)
        if step < 0 and depth == 0:
            spans.append((opened, offset))
    if depth:
        spans.append((opened, len(source)))
    return tuple(spans)


def _inside(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    """True when `offset` falls inside one of the sorted, separate spans."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _in_reference_label(document: Document, block: Block, index: int) -> bool:
    """True inside Markdown link text that is also the link's label (`[text][]` or
    `[text]`), or alt text used so (`![alt][]`): new words would lose the link."""
    if document.format != "markdown":
        return False
    spans = [(link.start, link.end) for link in block.links]
    if block.kind is BlockKind.IMAGE and block.text:
        spans.append((0, len(block.text)))
    for start, end in spans:
        if start <= index < end:
            after = block.source_span(start, end)[1]
            following = document.source[after : after + 3]
            if following.startswith("]("):
                return False
            return not following.startswith("][") or following == "][]"
    return False


def without_fixes_into(
    findings: list[Finding], hidden: list[Finding], suppressions: Suppressions | None = None
) -> list[Finding]:
    """The findings, each without its fix where one of its edits would change the text of
    a hidden finding (switched off, or in the baseline), or a place where a comment
    switches its rule off."""
    spans = [(f.line, f.column, f.end_line, f.end_column) for f in hidden if f.text]
    kept = []
    for finding in findings:
        if finding.fix is not None and (
            any(_touches(edit, span) for edit in finding.fix.edits for span in spans)
            or (
                suppressions is not None
                and any(
                    suppressions.quiet(finding.rule, edit.line, edit.column)
                    for edit in finding.fix.edits
                )
            )
        ):
            finding = replace(finding, fix=None)
        kept.append(finding)
    return kept


def _touches(edit: Edit, span: tuple[int, int, int, int]) -> bool:
    start, end = (edit.line, edit.column), (edit.end_line, edit.end_column)
    return start < (span[2], span[3]) and (span[0], span[1]) < end


def apply_fixes(source: str, fixes: list[Fix]) -> tuple[str, int]:
    """The source with the fixes made, and how many were made.

    Fixes go in the order given; one whose edits overlap an earlier fix's, or
    fall outside the text, is left out, to be found again on the next check.
    """
    starts = line_starts(source)
    taken: list[tuple[int, int, str]] = []  # kept in order of where they start
    made = 0
    for fix in fixes:
        spans = [_span(starts, len(source), edit) for edit in fix.edits]
        if any(span is None for span in spans):
            continue
        placed = sorted((s, e, edit.text) for (s, e), edit in zip(spans, fix.edits))  # type: ignore[misc]
        if any(_overlap(one, two) for one, two in zip(placed, placed[1:])):
            continue
        if any(_clashes(taken, edit) for edit in placed):
            continue
        for edit in placed:
            taken.insert(bisect_left(taken, edit), edit)
        made += 1
    pieces = []
    at = 0
    for start, end, text in taken:
        pieces += [source[at:start], text]
        at = end
    pieces.append(source[at:])
    return "".join(pieces), made


def _clashes(taken: list[tuple[int, int, str]], edit: tuple[int, int, str]) -> bool:
    """True when the edit overlaps one already taken (they are sorted by start)."""
    index = bisect_left(taken, edit)
    return any(_overlap(edit, taken[i]) for i in (index - 1, index) if 0 <= i < len(taken))


def _span(starts: list[int], length: int, edit: Edit) -> tuple[int, int] | None:
    """Source offsets of an edit's place, or None when the place is not in this text."""
    if not (0 < edit.line <= len(starts) and 0 < edit.end_line <= len(starts)):
        return None
    start = starts[edit.line - 1] + edit.column - 1
    end = starts[edit.end_line - 1] + edit.end_column - 1
    if not 0 <= start <= end <= length:
        return None
    return start, end


def _overlap(one: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """True when two edits touch the same characters, or both insert at one place."""
    return one[0] < other[1] and other[0] < one[1] or (one[0] == other[0] and one[1] == other[1])
