"""The document model every reader produces and every rule reads.

A `Document` is a list of `Block`s (heading, paragraph, list item, table cell,
block quote, image). Each block holds its prose, the links and bold text in it,
the parts rules must leave alone (code placeholders, URLs, quotations) and a
`SourceMap` back to the file. Rules never see markup.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from plainlint.documents.source_map import SourceMap


class BlockKind(str, Enum):
    """What a block is on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    BLOCK_QUOTE = "block_quote"
    IMAGE = "image"


# Blocks of running text (not headings, table cells or alt text).
RUNNING_TEXT = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.BLOCK_QUOTE})
# Roles that mark an image as decoration.
_DECORATIVE_ROLES = frozenset({"presentation", "none"})


@dataclass
class Link:
    """A link inside a block: its text span in the block's prose and its target."""

    start: int
    end: int
    target: str


@dataclass
class Image:
    """Facts about an illustration that rules need; `span` is its source span.

    `tag` is "img" for a picture with alt text (Markdown images are "img" too),
    or the HTML element of another kind of illustration ("svg", "video").
    """

    source: str
    has_alt: bool
    span: tuple[int, int] = (0, 0)
    role: str = ""
    tag: str = "img"
    tiny: bool = False  # 1 by 1 pixel or smaller: a tracking pixel, not a picture


# Words or phrases in quotation marks: a writer quoting a form, a sign or a
# person is not choosing those words. Straight quotes only count at word edges.
_QUOTED = re.compile(
    r"“[^”\n]{1,300}”"
    r"|‘[^’\n]{1,300}’(?!\w)"
    r"|(?<![\w\"])\"[^\"\n]{1,300}\"(?!\w)"
    r"|(?<![\w'])'[^'\n]{1,300}'(?!\w)"
)
# A line break in any of the three conventions; markdown-it counts lines the same way.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Web addresses, e-mail addresses, file names and site paths written out in prose,
# with or without "https://" ("nhs.uk/conditions", "leaflet.pdf", "/about/us").
_ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+[^\s<>\"\.,;:!?\)\]]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@./-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|nhs|uk|io|info|co|us|ca|au|ie|eu"
    r"|int|scot|wales|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|html?|txt|md|csv|zip)\b"
    r"(?:/[^\s<>\"]*[^\s<>\"\.,;:!?\)\]])?"
    # a path on the same site, in two or more parts: "/news-events/2024/story"
    r"|(?<![\w/.])/[\w.~%-]+(?:/[\w.~%-]+)+/?"
)
# What every address above holds, found quicker than the addresses themselves:
# most blocks hold none, and then the slower pattern need not run.
_ADDRESS_SIGN = re.compile(
    r"[/@]|www\.|\.(?:com|org|net|gov|edu|nhs|uk|io|info|co|us|ca|au|ie|eu"
    r"|int|scot|wales|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|html?|txt|md|csv|zip)\b"
)
# A pronunciation guide in brackets: "(KAP-luh-SIH-zoo-mab)", "(ly-MOH-muh)".
_PRONUNCIATION = re.compile(
    r"\((?=[^()]*(?:[a-z]-[A-Z]{2}|[A-Z]{2}-[a-z]))[\s.…]*[A-Za-z][A-Za-z\s.…-]*\)"
)
# Parts of a reference to a published work: "Available at:", "PMID: 123", "doi:".
_REFERENCE_PARTS = re.compile(
    r"\bAvailable (?:at|from):|\bAccessed\b|\bPMID:?\s*\d|\bdoi:|\bdoi\.org/|\bet al\."
    r"|\bRetrieved from\b|\bISBN\b|\b(?:19|20)\d\d;\s*\d+|\bVol\. \d|\bpp\. \d"
    r"|\[?(?:Updated|Accessed) <?(?:MM|\d)",
    re.IGNORECASE,
)
# Something every reference part above holds, in lower case.
_REFERENCE_SIGNS = (
    "available", "accessed", "pmid", "doi", "et al", "retrieved", "isbn", ";", "vol. ", "pp. ",
    "updated ",
)  # fmt: skip
# Small words that stay lower case inside a title.
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)


def _continued_quotation(text: str) -> bool:
    """A paragraph of a quotation that runs on: it opens with a quotation mark and
    never closes it, as each paragraph of a long quotation does ("“Allergy sufferers
    can …")."""
    return text[:1] in '“"' and "”" not in text and text.count('"') < 2 and len(text) > 1


def looks_like_title(text: str) -> bool:
    """True for the title of a cited work ("Gardasil 9 Vaccine Protects against More Types")."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) < 4:
        return False
    content = [w for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS]
    capitals = sum(1 for w in content if w[:1].isupper())
    return bool(content) and capitals / len(content) >= 0.75


@dataclass
class Block:
    """One run of prose that sentences never cross."""

    kind: BlockKind
    text: str
    source_map: SourceMap
    level: int = 0
    links: list[Link] = field(default_factory=list)
    strong: list[tuple[int, int]] = field(default_factory=list)
    placeholders: list[tuple[int, int]] = field(default_factory=list)
    image: Image | None = None
    sections: tuple[str, ...] = ()
    list_id: int = 0  # list items of one list share a number; 0 outside lists
    label: bool = False  # names the part after it without being a heading (<summary>)
    _protected: list[tuple[int, int]] | None = field(default=None, repr=False)
    _not_prose: list[tuple[int, int]] | None = field(default=None, repr=False)
    _is_reference: bool | None = field(default=None, repr=False)
    _joined: tuple[list[int], list[int]] | None = field(default=None, repr=False)

    @property
    def not_prose(self) -> list[tuple[int, int]]:
        """Spans that are no words at all: code placeholders and addresses."""
        if self._not_prose is None:
            spans = list(self.placeholders)
            if _ADDRESS_SIGN.search(self.text):
                spans += [m.span() for m in _ADDRESS.finditer(self.text)]
            self._not_prose = sorted(spans)
        return self._not_prose

    @property
    def protected(self) -> list[tuple[int, int]]:
        """Spans word rules leave alone: code, addresses, quotations, titles of cited works,
        pronunciation guides."""
        if self._protected is None:
            spans = list(self.not_prose)
            spans += [m.span() for m in _QUOTED.finditer(self.text)]
            if _continued_quotation(self.text):
                spans.append((0, len(self.text)))
            spans += [m.span() for m in _PRONUNCIATION.finditer(self.text)]
            spans += [
                (link.start, link.end)
                for link in self.links
                if looks_like_title(self.text[link.start : link.end])
            ]
            self._protected = sorted(spans)
        return self._protected

    @property
    def is_reference(self) -> bool:
        """True for a reference to a published work ("Smith J, et al. … PMID: 123").

        Its sentences are a citation's parts, not prose to restructure.
        """
        if self._is_reference is None:
            lowered = self.text.lower()
            if any(sign in lowered for sign in _REFERENCE_SIGNS):
                parts = {m.group().lower()[:6] for m in _REFERENCE_PARTS.finditer(self.text)}
                self._is_reference = len(parts) >= 2
            else:
                self._is_reference = False  # no part can be there: the usual case, found quicker
        return self._is_reference

    def is_protected(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span that rules leave alone.

        The spans are joined where they overlap and looked up by bisection, so a
        paragraph with hundreds of quotations is not read once for every word.
        """
        if self._joined is None:
            self._joined = _joined(self.protected)
        starts, ends = self._joined
        index = bisect_right(ends, start)
        return index < len(ends) and starts[index] < end

    @property
    def acts_as_heading(self) -> bool:
        """A heading, a label (an accordion's <summary>), or a paragraph that is all bold
        ("**Ibrutinib (Imbruvica)**"): readers see each as the start of a new part."""
        if self.kind is BlockKind.HEADING or self.label:
            return True
        if self.kind is not BlockKind.PARAGRAPH or not self.strong:
            return False
        bold = set()
        for start, end in self.strong:
            bold.update(range(start, end))
        return all(i in bold for i, char in enumerate(self.text) if char.isalnum())

    @property
    def marked_decorative(self) -> bool:
        """An image marked as decoration (alt="" and role="presentation"), or a tracking
        pixel of 1 by 1."""
        image = self.image
        if image is None:
            return False
        return image.tiny or (image.role.lower() in _DECORATIVE_ROLES and not self.text)

    @property
    def is_illustration(self) -> bool:
        """A picture, diagram or video that explains something: not decoration, not alt=""."""
        image = self.image
        if self.kind is not BlockKind.IMAGE or image is None:
            return False
        if image.tag != "img":
            return True  # a diagram or a video explains, whatever its markup
        return not self.marked_decorative and not (image.has_alt and not self.text)

    def whole_source_span(self) -> tuple[int, int]:
        """The source span of the whole block, even one with no prose (an image heading)."""
        if self.text:
            return self.source_span(0, len(self.text))
        return self.source_map.source_starts[0], self.source_map.source_ends[-1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the prose span [start, end)."""
        return self.source_map.span(start, end)


def _joined(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted spans joined where they overlap, as their starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


_list_numbers = itertools.count(1)


def new_list_id() -> int:
    """A number no other list has, for `Block.list_id`."""
    return next(_list_numbers)


@dataclass
class Position:
    """A 1-based line and column; columns count characters (code points)."""

    line: int
    column: int


@dataclass
class Comment:
    """An HTML comment in the source (suppression comments use these)."""

    text: str
    start: int
    end: int


@dataclass
class Document:
    """A file turned into blocks, with what is needed to point back into it."""

    path: str
    format: str
    source: str
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        """Offsets where each line of the source begins (after \n, \r\n or a lone \r)."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.source)]
        return self._line_starts

    def line(self, number: int) -> tuple[int, str]:
        """Start offset and text (without its line break) of the 0-based line `number`."""
        starts = self.line_starts
        if number >= len(starts):
            return len(self.source), ""
        start = starts[number]
        end = starts[number + 1] if number + 1 < len(starts) else len(self.source)
        return start, self.source[start:end].rstrip("\r\n")

    def position(self, offset: int) -> Position:
        """Line and column of a source offset."""
        line = bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)
