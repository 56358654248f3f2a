"""Readers that turn Markdown, HTML and plain text into one `Document` model."""

from __future__ import annotations

from typing import Callable

from plainlint.documents.html import read_html
from plainlint.documents.markdown import read_markdown
from plainlint.documents.model import Block, BlockKind, Document, Link, Position
from plainlint.documents.text import read_text

READERS: dict[str, Callable[[str, str], Document]] = {
    "markdown": read_markdown,
    "html": read_html,
    "text": read_text,
}


def parse_document(path: str, source: str, format_name: str) -> Document:
    """Turn source text in a known format into a `Document` with section paths."""
    document = READERS[format_name](path, source)
    _assign_sections(document.blocks)
    return document


def _assign_sections(blocks: list[Block]) -> None:
    """Give every block the headings it sits under, outermost first."""
    path: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            while path and path[-1][0] >= block.level:
                path.pop()
            path.append((block.level, block.text))
            block.sections = tuple(text for _, text in path[:-1])
        else:
            block.sections = tuple(text for _, text in path)


__all__ = ["Block", "BlockKind", "Document", "Link", "Position", "READERS", "parse_document"]
