"""Readers that turn Markdown, HTML and plain text into one `Document` model, and the
suppression comments found in them."""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from plainlint.documents.model import Block, BlockKind, Document, Link, Position
from plainlint.documents.templates import blank_templates

# Each format's reader, as (module, function). Readers are imported when first
# used, so a run that finds every file in the results cache never loads them.
READERS: dict[str, tuple[str, str]] = {
    "markdown": ("plainlint.documents.markdown", "read_markdown"),
    "html": ("plainlint.documents.html", "read_html"),
    "text": ("plainlint.documents.text", "read_text"),
}


def reader(format_name: str) -> Callable[[str, str], Document]:
    """The function that reads a format."""
    module, function = READERS[format_name]
    return getattr(import_module(module), function)


def parse_document(path: str, source: str, format_name: str) -> Document:
    """Turn source text in a known format into a `Document` with section paths.

    Template tags are read as spaces; the document keeps the file's own text, so
    every finding's words are still exactly the source they point at.
    """
    readable = blank_templates(source)
    document = reader(format_name)(path, readable)
    if readable is not source:
        document.source = source
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
