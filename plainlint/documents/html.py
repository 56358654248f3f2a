"""Read HTML into a `Document`: the visible prose of the page, block by block.

Python's own HTML tokenizer reports where every tag, text run and entity
starts, so entities can be decoded for checking while positions still point at
the source (`&amp;` is one `&` in the prose and five characters in the file).

A hostile page must not take minutes. The open elements are indexed by tag
name, so the nearest heading or list is found at once however deep the nesting.
Python's tokenizer rescans the rest of the file for every `<` it cannot finish
(`<a ` with no `>` after it, a `<![CDATA[` never closed, a quoted value holding
a `>`): such markup is made inert before it is fed, and the scans it does make
are remembered. Both change only the time taken, never the prose or positions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
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
# A `<` that Python's tokenizer reads as the start of markup: a tag, an end tag,
# a comment or declaration, a processing instruction.
_MARKUP_OPEN = re.compile(r"<[a-zA-Z/!?]")
# A tag name as the tokenizer reads it runs up to one of these characters.
_TAG_NAME_END = re.compile(r"[\t\n\r\f />\x00]")
# A character reference the tokenizer accepts; any other `&#` makes it pass the rest on as text.
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
# Stands in for a `<` or `&` the tokenizer must not see. It reads it as text, and wherever it
# scans past one (a name, a value, the end of an entity) it treats it as it treats `<` and `&`.
_INERT = "\x01"
_AMPERSAND = re.compile("&")
_LT_OR_AMPERSAND = re.compile("[<&]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Where Python's scan of a start tag stops before one of these, the tag is not finished.
_UNFINISHED_TAG = _ASCII_LETTERS | {"=", "/"}
# The ends of marked sections (`<![CDATA[ ... ]]>`, `<![if ...]>`) as Python's tokenizer finds them.
_SECTION_END = re.compile(r"]\s*]\s*>")
_MS_SECTION_END = re.compile(r"]\s*>")
# Python's own scan for the end of a start tag (html.parser's locatestarttagend_tolerant),
# split where it repeats: the `<` and tag name, then one attribute at a time, then space.
_START_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*[\s/]*")
_START_TAG_ATTRIBUTE = re.compile(
    r"""(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|/(?!>))*"""
)
_SPACE = re.compile(r"\s*")
_SECTION_ENDS = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), _SECTION_END),
    **dict.fromkeys(("if", "else", "endif"), _MS_SECTION_END),
}


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
    extractor.feed(_without_unfinished_markup(fragment[:unclosed]))
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


def _without_unfinished_markup(text: str) -> str:
    """The text with each `<` that can only start unfinished markup made inert, same length.

    After the last `>` no tag, comment or declaration can end, yet Python's
    tokenizer tries each `<` there by scanning to the end of the file, then
    passes it on as text up to the next `<`: a run of `<a ` took minutes.
    Those `<` become `_INERT`, and so does each `&` in the text passed on as
    it is; the prose is read back from the file, so it is the same as before
    and only the time changes.
    """
    start = text.rfind(">") + 1
    if _MARKUP_OPEN.search(text, start) is None:
        return text
    inert, as_is = _unfinished_markup(text, start)
    if not inert:
        return text
    after = _text_passed_on_after(text, inert[0], as_is)
    if after < len(text):  # the tokenizer passes the rest on as text: keep it from parsing any
        inert = [i for i in inert if i < after]
        inert += [m.start() for m in _LT_OR_AMPERSAND.finditer(text, after)]
    pieces, previous = [], 0
    for position in inert:
        pieces += [text[previous:position], _INERT]
        previous = position + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _unfinished_markup(text: str, start: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Where `<` and `&` must be inert after `start`, and the spans the tokenizer passes on as text.

    Python's tokenizer gives up on markup it cannot finish and passes it on as
    text up to the next `<` (or only the `<` when none follows). A tag name
    followed by a NUL character is the exception: the tokenizer passes on just
    `<` and the name, and no scan is repeated.
    """
    inert: list[int] = []
    as_is: list[tuple[int, int]] = []
    name_end = -1  # where the tag name of a `<` + letter ends: the next `<` often shares it
    position = text.find("<", start)
    while position >= 0:
        following = text.find("<", position + 1)
        if not _MARKUP_OPEN.match(text, position):
            position = following  # a lone `<` is text to the tokenizer too
            continue
        if text[position + 1] in _ASCII_LETTERS:
            if name_end <= position:
                end = _TAG_NAME_END.search(text, position + 1)
                name_end = end.start() if end else len(text)
            if text.startswith("\x00", name_end):
                as_is.append((position, name_end))
                position = text.find("<", name_end)
                continue
        run_end = following if following >= 0 else position + 1
        inert.append(position)
        inert.extend(m.start() for m in _AMPERSAND.finditer(text, position + 1, run_end))
        as_is.append((position, run_end))
        position = following
    return inert, as_is


def _text_passed_on_after(text: str, failure: int, as_is: list[tuple[int, int]]) -> int:
    """Where the tokenizer starts passing all the rest on as text, or the text's length.

    Once it has given up on some markup (at `failure`), the tokenizer passes
    everything after an `&#` that is not a character reference on as text. The
    inert text no longer makes it give up, so this is where that happens.
    """
    spans = iter(as_is)
    span = next(spans, None)
    position = text.find("&#", failure)
    while position >= 0:
        while span is not None and span[1] <= position:
            span = next(spans, None)
        inside = span is not None and span[0] <= position
        if not inside and not _CHARREF.match(text, position):
            return position
        position = text.find("&#", position + 2)
    return len(text)


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
        self.open_at: dict[str, list[int]] = {}  # tag -> stack indices where it is open, in order
        self.searches: dict[re.Pattern[str], tuple[str, int, re.Match[str] | None]] = {}
        self.tag_ends: tuple[str, dict[int, int]] = ("", {})  # see _start_tag_end
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

    def check_for_whole_start_tag(self, i: int) -> int:
        """Where the start tag at i ends, or -1 when it is not finished: as Python's parser decides.

        Only the scan is Python's own scan taken apart (see `_start_tag_end`).
        """
        j = self._start_tag_end(i)
        following = self.rawdata[j : j + 1]
        if following == ">":
            return j + 1
        if following == "/":
            return j + 2 if self.rawdata.startswith("/>", j) else -1
        if following == "" or following in _UNFINISHED_TAG:
            return -1
        return j if j > i else i + 1

    def _start_tag_end(self, i: int) -> int:
        """Where Python's scan of the start tag at i stops, remembered across tags.

        A quoted attribute value can hold a `>`, so one scan can run on over
        many later tags and then find the tag unfinished; the parser then
        passes on the text only up to the first `>` and scans the next tag,
        which runs on over the same attributes again. The scan goes one
        attribute at a time, and where it went on past a `>` it notes where it
        stopped, so a later scan that reaches the same point stops there too.
        """
        rawdata = self.rawdata
        if self.tag_ends[0] is not rawdata:
            self.tag_ends = (rawdata, {})
        known = self.tag_ends[1]
        position = _START_TAG_NAME.match(rawdata, i).end()
        passed: list[int] = []
        while (end := known.get(position)) is None:
            attribute = _START_TAG_ATTRIBUTE.match(rawdata, position)
            if not attribute:
                end = _SPACE.match(rawdata, position).end()
                break
            if rawdata.find(">", position, attribute.end()) >= 0:
                passed.append(attribute.end())
            position = attribute.end()
        for position in passed:
            known[position] = end
        return end

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """As Python's parser does, but a search for a section's end is not repeated.

        Each `<![CDATA[` that is never closed would search the rest of the file
        again for `]]>`.
        """
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        end = _SECTION_ENDS.get(name)
        if end is None:
            raise AssertionError(f"unknown status keyword {name!r} in marked section")
        match = self._search(end, i + 3)
        if not match:
            return -1
        if report:
            self.unknown_decl(self.rawdata[i + 3 : match.start()])
        return match.end()

    def _search(self, pattern: re.Pattern[str], position: int) -> re.Match[str] | None:
        """pattern.search(self.rawdata, position), remembering the last answer.

        A search from a later position up to the match (or from anywhere after
        a search that found nothing) has the same answer.
        """
        remembered = self.searches.get(pattern)
        if remembered is not None:
            rawdata, start, match = remembered
            if rawdata is self.rawdata and start <= position:
                if match is None or position <= match.start():
                    return match
        match = pattern.search(self.rawdata, position)
        self.searches[pattern] = (self.rawdata, position, match)
        return match

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

    def _innermost(self, tags: Iterable[str]) -> int:
        """Stack index of the innermost open element of these tags, or -1.

        Found from the index by tag, not by walking the stack: a page of
        40,000 nested elements walked it at every block and took minutes.
        """
        return max((self.open_at[tag][-1] for tag in tags if self.open_at.get(tag)), default=-1)

    def _kind(self) -> tuple[BlockKind, int]:
        heading = self._innermost(_HEADINGS)
        if heading >= 0:
            return BlockKind.HEADING, int(self.stack[heading][0][1])
        container = self._innermost(_CONTAINER_KIND)
        if container >= 0:
            return _CONTAINER_KIND[self.stack[container][0]], 0
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
            block.label = bool(self.open_at.get("summary"))
            self.blocks.append(block)
        self.blocks.extend(self.images)
        self.images.clear()
        self.builder = ProseBuilder()
        self.link_starts.clear()
        self.strong_starts.clear()

    def _list_id(self) -> int:
        """The id of the innermost open list, or 0."""
        index = self._innermost(_LISTS)
        return self.list_ids.get(index, 0) if index >= 0 else 0

    def _push(self, tag: str, hides: bool) -> None:
        self.open_at.setdefault(tag, []).append(len(self.stack))
        self.stack.append((tag, hides))
        self.hidden += hides

    def _pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            tag, hides = self.stack.pop()
            self.open_at[tag].pop()
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
                self._push(tag, False)
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
            self._push(tag, hides)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        open_at = self.open_at.get(tag)
        if not open_at:
            return
        index = open_at[-1]
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
            data = self.fragment[start : start + len(data)]  # any inert `<` or `&` as written
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
        innermost = self._innermost(closes)
        if innermost > self._innermost(boundaries):
            self._pop_to(innermost)

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
