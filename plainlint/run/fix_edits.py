"""From a rule's rewrite, in a block's prose, to edits of the file's source; and
putting edits into a text.

A rewrite becomes edits only where the prose is the source as written: no
markup, entity or code inside the words it changes, so the markup around a fix
stays byte for byte. New words that would read as markup in the file's format
are not written at all.
"""

from __future__ import annotations

from plainlint.documents import Document
from plainlint.documents.model import Block, BlockKind
from plainlint.findings import Edit, Fix
from plainlint.io.finding_context import line_starts
from plainlint.language.rewriting import Rewrite

# Characters that mean something in each format's markup, never written by a fix.
_MARKUP = {
    "markdown": frozenset("*_`[]<>\\|&~#"),
    "html": frozenset("<>&"),
    "text": frozenset(),
}
_ATTRIBUTE_QUOTES = frozenset("\"'")  # alt text sits inside a quoted attribute


def placed_fix(document: Document, block: Block, rewrite: Rewrite) -> Fix | None:
    """The rewrite as edits of the source, or None when it cannot be made there exactly."""
    markup = _MARKUP.get(document.format, frozenset("*_`[]<>\\|&~#"))
    if block.kind is BlockKind.IMAGE and document.format == "html":
        markup = markup | _ATTRIBUTE_QUOTES
    edits = []
    for change in rewrite.changes:
        if not block.source_map.copied(change.start, change.end):
            return None
        start, end = block.source_span(change.start, change.end)
        if document.source[start:end] != block.text[change.start : change.end]:
            return None
        if not markup.isdisjoint(change.text) or "\n" in change.text or "\r" in change.text:
            return None
        first, last = document.position(start), document.position(end)
        edits.append(Edit(first.line, first.column, last.line, last.column, change.text))
    return Fix(rewrite.safe, tuple(edits)) if edits else None


def apply_fixes(source: str, fixes: list[Fix]) -> tuple[str, int]:
    """The source with the fixes made, and how many were made.

    Fixes go in the order given; one whose edits overlap an earlier fix's, or
    fall outside the text, is left out, to be found again on the next check.
    """
    starts = line_starts(source)
    taken: list[tuple[int, int, str]] = []
    made = 0
    for fix in fixes:
        spans = [_span(starts, len(source), edit) for edit in fix.edits]
        if any(span is None for span in spans):
            continue
        placed = [(s, e, edit.text) for (s, e), edit in zip(spans, fix.edits)]  # type: ignore[misc]
        if any(_overlap(one, other) for one in placed for other in taken):
            continue
        if any(_overlap(one, other) for i, one in enumerate(placed) for other in placed[i + 1 :]):
            continue
        taken += placed
        made += 1
    for start, end, text in sorted(taken, reverse=True):
        source = source[:start] + text + source[end:]
    return source, made


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
