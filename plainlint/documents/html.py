"""Read HTML into a `Document`: the visible prose of the page, block by block.

Python's own HTML tokenizer reports where every tag, text run and entity
starts, so entities can be decoded for checking while positions still point at
the source (`&amp;` is one `&` in the prose and five characters in the file).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from plainlint.documents.model import (
    Block,
    BlockKind,
    Comment,
    Document,
    Image,
    Link,
    new_list_id,
)
from plainlint.documents.prose import ProseBuilder

# Elements whose content a reader never sees as prose.
_SKIPPED = {
    "script",
    "style",
    "pre",
    "template",
    "noscript",
    "head",
    "title",
    "svg",
    "video",
    "audio",
    "math",
    "textarea",
    "select",
    "iframe",
    "object",
    "canvas",
    "button",
}
# Elements that show a picture, a diagram or a video without an alt attribute of their own.
ILLUSTRATIONS = frozenset({"svg", "video", "iframe", "object", "canvas"})
# Elements whose items make one list.
_LISTS = {"ul", "ol", "menu", "dl"}
# Inline elements holding code: the sentence keeps a placeholder word.
_CODE = {"code", "kbd", "samp", "var"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
# Tags that start or end a block of prose.
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "html",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINER_KIND = {
    "li": BlockKind.LIST_ITEM,
    "dt": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "blockquote": BlockKind.BLOCK_QUOTE,
}
# A start tag of the key closes an open element of the value's tags, up to a boundary.
_IMPLICIT_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
}
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_TAG_NAME = re.compile(r"<[^\s/>]+")
# One attribute of a start tag: its name and, if given, its value in one of three quotings.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def read_html(path: str, source: str) -> Document:
    """Parse an HTML page into blocks of visible prose."""
    document = Document(path=path, format="html", source=source)
    blocks, comments = read_html_fragment(source, 0, len(source))
    document.blocks.extend(blocks)
    document.comments.extend(comments)
    return document


def read_html_fragment(
    source: str, start: int, end: int, offsets: list[int] | None = None
) -> tuple[list[Block], list[Comment]]:
    """Blocks and comments of the HTML in source[start:end], positioned in `source`.

    When the HTML was taken out of a container (a Markdown list item or block
    quote), `source` is that text and `offsets` maps each of its characters
    back to the file.
    """
    fragment = source[start:end]
    extractor = _Extractor(fragment, start, offsets)
    unclosed = _unclosed_comment(fragment)
    extractor.feed(fragment[:unclosed])
    extractor.close()
    extractor.flush()
    if unclosed < len(fragment):  # browsers hide everything after a comment never closed
        extractor.comments.append(
            Comment(
                fragment[unclosed:],
                extractor.source_offset(unclosed),
                extractor.source_offset(len(fragment)),
            )
        )
    return extractor.blocks, extractor.comments


def _unclosed_comment(fragment: str) -> int:
    """Where a comment that is never closed starts, or the fragment's length."""
    position = 0
    while True:
        start = fragment.find("<!--", position)
        if start < 0:
            return len(fragment)
        end = fragment.find("-->", start + 4)
        if end < 0:
            return start
        position = end + 3


def add_decoded(builder: ProseBuilder, raw: str, source_start: int) -> None:
    """Add raw HTML text, decoding entities but keeping each one's source span."""
    position = 0
    for match in _ENTITY.finditer(raw):
        builder.copy(raw[position : match.start()], source_start + position)
        decoded = html.unescape(match.group())
        builder.decoded(decoded, source_start + match.start(), source_start + match.end())
        position = match.end()
    builder.copy(raw[position:], source_start + position)


class _Extractor(HTMLParser):
    def __init__(self, fragment: str, base: int, offsets: list[int] | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.fragment = fragment
        self.base = base
        self.offsets = offsets  # fragment index -> source offset, when not simply base + index
        self.line_starts = [0] + [i + 1 for i, c in enumerate(fragment) if c == "\n"]
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.list_ids: dict[int, int] = {}  # stack index of a list element -> its list id
        self.heading_start: int | None = None  # where the open <h1>-<h6> tag starts
        self.hidden = 0
        self.builder = ProseBuilder()
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.link_starts: list[tuple[int, str]] = []
        self.strong_starts: list[int] = []
        self.code_start: int | None = None
        self.images: list[Block] = []  # kept until the block around them ends

    # -- positions ---------------------------------------------------------------

    def _offset(self) -> int:
        """Offset in the fragment where the current token starts."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def source_offset(self, index: int) -> int:
        """Source offset of a fragment index."""
        if self.offsets is None:
            return self.base + index
        return self.offsets[min(index, len(self.offsets) - 1)]

    def parse_html_declaration(self, i: int) -> int:
        """Treat `<![` junk that Python's parser rejects as a bogus comment, as browsers do."""
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = position  # the failed scan moved them
            end = self.rawdata.find(">", i + 2)
            if end < 0:
                return -1
            self.handle_comment(self.rawdata[i + 2 : end])
            return end + 1

    # -- blocks ------------------------------------------------------------------

    def _kind(self) -> tuple[BlockKind, int]:
        for tag, _ in reversed(self.stack):
            if tag in _HEADINGS:
                return BlockKind.HEADING, int(tag[1])
        for tag, _ in reversed(self.stack):
            if tag in _CONTAINER_KIND:
                return _CONTAINER_KIND[tag], 0
        return BlockKind.PARAGRAPH, 0

    def flush(self) -> None:
        """End the current block of prose, if it holds any."""
        if self.code_start is not None:  # code left open: it ends with the block
            self.builder.placeholder(
                self.source_offset(self.code_start), self.source_offset(self._offset())
            )
            self.code_start = None
        kind, level = self._kind()
        anchor = None
        if kind is BlockKind.HEADING and self.heading_start is not None and not self.hidden:
            # a heading of only an image still has its level
            anchor = (self.source_offset(self.heading_start), self.source_offset(self._offset()))
        block = self.builder.build(kind, level, anchor=anchor)
        if block and kind is BlockKind.HEADING:
            self.heading_start = None  # one block per heading, however it is split
        if block:
            if kind is BlockKind.LIST_ITEM:
                block.list_id = self._list_id()
            block.label = any(tag == "summary" for tag, _ in self.stack)
            self.blocks.append(block)
        self.blocks.extend(self.images)
        self.images.clear()
        self.builder = ProseBuilder()
        self.link_starts.clear()
        self.strong_starts.clear()

    def _list_id(self) -> int:
        """The id of the innermost open list, or 0."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] in _LISTS:
                return self.list_ids.get(i, 0)
        return 0

    def _pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            _, hides = self.stack.pop()
            self.hidden -= hides

    # -- parser callbacks --------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        offset = self._offset()
        if tag in _BLOCK:
            self.flush()
            self._close_implied(tag)
        if self.hidden:
            if tag not in _VOID:
                self.stack.append((tag, False))
            return
        self_hidden = "hidden" in values or values.get("aria-hidden", "").lower() == "true"
        if tag == "img":
            if not self_hidden:
                self._image(values, offset)
        elif tag in ILLUSTRATIONS:
            if not self_hidden:
                self._illustration(tag, values, offset)
        elif tag in _LISTS:
            self.list_ids[len(self.stack)] = new_list_id()
        elif tag in _HEADINGS and not self_hidden:
            self.heading_start = offset
        elif tag == "br":
            self.builder.space(
                self.source_offset(offset), self.source_offset(offset + len(self._tag_text()))
            )
        elif tag in _CODE and self.code_start is None:
            self.code_start = offset
        elif tag == "a":
            self.link_starts.append((self.builder.length, values.get("href", "")))
        elif tag in ("strong", "b"):
            self.strong_starts.append(self.builder.length)
        if tag not in _VOID:
            hides = tag in _SKIPPED or self_hidden or (tag in _CODE and self.code_start == offset)
            self.stack.append((tag, hides))
            self.hidden += hides

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        index = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i][0] == tag), -1)
        if index < 0:
            return
        if tag in _BLOCK:
            self.flush()
        self._pop_to(index)
        if self.hidden:
            return
        if tag in _CODE and self.code_start is not None:
            end = self._offset() + len(f"</{tag}>")
            self.builder.placeholder(self.source_offset(self.code_start), self.source_offset(end))
            self.code_start = None
        elif tag == "a" and self.link_starts:
            start, target = self.link_starts.pop()
            self.builder.links.append(Link(start, self.builder.length, target))
        elif tag in ("strong", "b") and self.strong_starts:
            self.builder.strong.append((self.strong_starts.pop(), self.builder.length))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            start = self._offset()
            if self.offsets is None:  # copied as it is: one segment
                self.builder.copy(data, self.source_offset(start))
            else:
                self.builder.mapped(data, [self.source_offset(start + i) for i in range(len(data))])

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.comments.append(
            Comment(
                f"<!--{data}-->",
                self.source_offset(start),
                self.source_offset(start + len(data) + 7),
            )
        )

    # -- helpers -----------------------------------------------------------------

    def _tag_text(self) -> str:
        return self.get_starttag_text() or ""

    def _reference(self, raw: str) -> None:
        if self.hidden:
            return
        start = self._offset()
        if self.fragment[start + len(raw) : start + len(raw) + 1] == ";":
            raw += ";"
        decoded = html.unescape(raw)
        self.builder.decoded(
            decoded, self.source_offset(start), self.source_offset(start + len(raw))
        )

    def _close_implied(self, tag: str) -> None:
        """Close what HTML ends without an end tag (`<li>` after `<li>`, `<p>` before a block)."""
        if self.stack and self.stack[-1][0] == "p":
            self._pop_to(len(self.stack) - 1)
        if tag not in _IMPLICIT_END:
            return
        closes, boundaries = _IMPLICIT_END[tag]
        for i in range(len(self.stack) - 1, -1, -1):
            name = self.stack[i][0]
            if name in boundaries:
                return
            if name in closes:
                self._pop_to(i)
                return

    def _image(self, values: dict[str, str], offset: int) -> None:
        tag_text = self._tag_text()
        span = (self.source_offset(offset), self.source_offset(offset + len(tag_text)))
        image = Image(
            source=values.get("src", ""),
            has_alt="alt" in values,
            span=span,
            role=values.get("role", ""),
            tiny=all(_pixels(values.get(side)) <= 1 for side in ("width", "height")),
        )
        builder = ProseBuilder()
        value = _attribute_value(tag_text, "alt")
        if value is not None:
            add_decoded(builder, tag_text[value[0] : value[1]], span[0] + value[0])
        block = builder.build(BlockKind.IMAGE, image=image, anchor=span)
        if block:
            self.images.append(block)

    def _illustration(self, tag: str, values: dict[str, str], offset: int) -> None:
        """A diagram, a video or an embedded frame: it counts as an illustration."""
        start = self.source_offset(offset)
        span = (start, self.source_offset(offset + len(self._tag_text())))
        image = Image(source=values.get("src", ""), has_alt=True, span=span, tag=tag)
        block = ProseBuilder().build(BlockKind.IMAGE, image=image, anchor=span)
        if block:
            self.images.append(block)


def _attribute_value(tag_text: str, name: str) -> tuple[int, int] | None:
    """Where the value of attribute `name` sits in a start tag's text, if it has one."""
    tag_name = _TAG_NAME.match(tag_text)
    for match in _ATTRIBUTE.finditer(tag_text, tag_name.end() if tag_name else 0):
        if match.group(1).lower() == name:
            group = next((g for g in (2, 3, 4) if match.group(g) is not None), None)
            return None if group is None else match.span(group)
    return None


def _pixels(value: str | None) -> float:
    """An image's width or height in pixels ("1", "1px"); unknown sizes count as large."""
    number = re.match(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$", value or "")
    return float(number.group(1)) if number else float("inf")
