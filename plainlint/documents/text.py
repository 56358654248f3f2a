"""Read plain text into a `Document`: paragraphs split on blank lines.

A line that holds only a comment (`<!-- ... -->`, or a suppression such as
`plainlint-disable long-sentence`) is not prose. Lines that start with a list
marker ("- ", "* ", "• ", "1. ", "2) ") are list items, and a short line standing alone with no closing punctuation, or with a
question mark ("How do I check my feet?"), is taken as a heading, as writers
of plain text pages use them.
"""

from __future__ import annotations

import re

from plainlint.documents.model import LINE_BREAK, BlockKind, Comment, Document, new_list_id
from plainlint.documents.prose import ProseBuilder

_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")
_HEADING_WORDS = 10
# A line that is only a comment: `<!-- ... -->`, or a bare `plainlint-disable ...`.
_COMMENT_LINE = re.compile(
    r"[ \t]*(<!--.*?-->|plainlint-(?:disable(?:-next-line|-line|-file)?|enable)(?![\w-]).*?)[ \t]*\Z"
)


def read_text(path: str, source: str) -> Document:
    """Split plain text into paragraph, list item and heading blocks."""
    document = Document(path=path, format="text", source=source)
    builder: ProseBuilder | None = None
    kind = BlockKind.PARAGRAPH
    lines_in_block = 0

    def finish() -> None:
        nonlocal builder
        if builder is not None:
            block_kind = kind
            if kind is BlockKind.PARAGRAPH and lines_in_block == 1:
                block_kind = _heading_or_paragraph(builder)
            block = builder.build(block_kind, 2 if block_kind is BlockKind.HEADING else 0)
            if block:
                if block_kind is BlockKind.LIST_ITEM:
                    previous = document.blocks[-1] if document.blocks else None
                    in_list = previous is not None and previous.kind is BlockKind.LIST_ITEM
                    block.list_id = previous.list_id if in_list else new_list_id()
                document.blocks.append(block)
        builder = None

    for start, line in _lines(source):
        if not line.strip():
            finish()
            continue
        comment = _COMMENT_LINE.match(line)
        if comment:
            finish()
            begin = start + comment.start(1)
            document.comments.append(Comment(comment.group(1), begin, start + comment.end(1)))
            continue
        marker = _LIST_MARKER.match(line)
        if marker or builder is None:
            finish()
            builder, lines_in_block = ProseBuilder(), 0
            kind = BlockKind.LIST_ITEM if marker else BlockKind.PARAGRAPH
        else:
            builder.space(start - 1, start)  # the line break inside a paragraph
        skip = marker.end() if marker else len(line) - len(line.lstrip())
        builder.copy(line[skip:], start + skip)
        lines_in_block += 1
    finish()
    return document


def _lines(source: str) -> list[tuple[int, str]]:
    """Each line with its start offset, without its line break (\n, \r\n or \r)."""
    result, start = [], 0
    for match in LINE_BREAK.finditer(source):
        result.append((start, source[start : match.start()]))
        start = match.end()
    result.append((start, source[start:]))
    return result


def _heading_or_paragraph(builder: ProseBuilder) -> BlockKind:
    block = builder.build(BlockKind.PARAGRAPH)
    text = block.text if block else ""
    if text and text[-1] not in ".!:;,)" and len(text.split()) <= _HEADING_WORDS:
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH
