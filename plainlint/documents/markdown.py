"""Read Markdown (CommonMark with tables) into a `Document`.

markdown-it-py gives each block its lines but gives inline tokens no columns,
so positions are recovered from the parse: each inline token's content is
found in its own source line, then each child token in that content, in order.
Nothing is searched for across the whole file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from plainlint.documents.html import ILLUSTRATIONS, read_html_fragment
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
from plainlint.errors import InputError
from plainlint.io.toml_lines import deep_key_line
from plainlint.io.yaml_lines import YamlProblem, parse_yaml

_CONTAINERS = {
    "list_item_open": BlockKind.LIST_ITEM,
    "blockquote_open": BlockKind.BLOCK_QUOTE,
    "td_open": BlockKind.TABLE_CELL,
    "th_open": BlockKind.TABLE_CELL,
}
# Inline HTML whose content is not prose: code gets a placeholder word, the rest nothing.
_INLINE_CODE = {"code", "kbd", "samp", "var"}
_INLINE_RAW = _INLINE_CODE | ILLUSTRATIONS | {"script", "style", "textarea", "math", "audio"}
_INLINE_TAG = re.compile(r"<([a-z][a-z0-9-]*)")
# Their closing tags in any case, found in the text itself so that offsets stay exact.
_CLOSING_TAG = {name: re.compile(f"</{re.escape(name)}", re.IGNORECASE) for name in _INLINE_RAW}
_LISTS = {"bullet_list_open", "ordered_list_open"}
_TOML_FRONT_MATTER = re.compile(r"\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    # Keep escapes and entities as their own tokens: their `markup` is the
    # source text, which is what lets positions stay exact.
    md.disable("text_join")
    return md


def read_markdown(path: str, source: str) -> Document:
    """Parse Markdown source into blocks of prose with a map back to the source."""
    document = Document(path=path, format="markdown", source=source)
    reader = _MarkdownWalker(document)
    text, document.front_matter = _toml_front_matter(source, path)
    reader.walk(_parser().parse(text))
    return document


def _toml_front_matter(source: str, name: str) -> tuple[str, dict[str, Any]]:
    """Blank out `+++` (TOML) front matter, keeping the line count; return it parsed."""
    match = _TOML_FRONT_MATTER.match(source)
    if match is None:
        return source, {}
    block = match.group()
    data = _toml_data(match.group(1), name)
    blanked = "".join("\n" if line.endswith("\n") else "" for line in block.splitlines(True))
    return blanked + source[len(block) :], data


class _MarkdownWalker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.source = document.source
        self.line_starts = document.line_starts
        self.line_cursors: dict[int, int] = {}
        self.lists: list[int] = []  # the ids of the lists the walk is inside, innermost last

    def walk(self, tokens: list[Token]) -> None:
        containers: list[BlockKind | None] = []
        heading_level = 0
        for token in tokens:
            if token.type == "front_matter":
                self.document.front_matter = _front_matter(token.content, self.document.path)
            elif token.type == "heading_open":
                heading_level = int(token.tag[1:])
            elif token.type == "heading_close":
                heading_level = 0
            elif token.nesting == 1:
                containers.append(_CONTAINERS.get(token.type))
                if token.type in _LISTS:
                    self.lists.append(new_list_id())
            elif token.nesting == -1:
                if containers:
                    containers.pop()
                if token.type in ("bullet_list_close", "ordered_list_close") and self.lists:
                    self.lists.pop()
            elif token.type == "html_block" and token.map:
                self._html_block(token, next((k for k in reversed(containers) if k), None))
            elif token.type == "inline" and token.map:
                if heading_level:
                    kind = BlockKind.HEADING
                else:
                    kind = next((k for k in reversed(containers) if k), BlockKind.PARAGRAPH)
                self._inline(token, kind, heading_level)

    # -- positions of an inline token's content ---------------------------------

    def _content_offsets(self, content: str, first_line: int) -> list[int]:
        """Source offset of every character of an inline token's content, plus its end."""
        offsets: list[int] = []
        for i, text in enumerate(content.split("\n")):
            if i:
                offsets.append(offsets[-1] + 1 if offsets else 0)  # the line break
            number = first_line + i
            base, line = self.document.line(number)
            cursor = self.line_cursors.get(number, 0)
            found = line.find(text, cursor)
            if found >= 0:
                offsets.extend(range(base + found, base + found + len(text)))
                self.line_cursors[number] = found + len(text)
                continue
            core = text.lstrip(" ")  # indentation tabs come back as spaces
            found = line.find(core, cursor) if core else -1
            if found >= 0:
                indent = len(text) - len(core)
                offsets.extend([base + max(found - 1, 0)] * indent)
                offsets.extend(range(base + found, base + found + len(core)))
                self.line_cursors[number] = found + len(core)
                continue
            position = cursor  # a tab or an escaped table pipe: match character by character
            for char in text:
                hit = line.find(char, position)
                if hit >= 0:
                    position = hit + 1
                offsets.append(base + (hit if hit >= 0 else min(position, len(line))))
            self.line_cursors[number] = position
        if content.endswith("\n") and offsets:
            offsets.append(offsets[-1])  # ends where its last line break starts, even "\r\n"
        else:
            offsets.append(offsets[-1] + 1 if offsets else self.document.line(first_line)[0])
        return offsets

    # -- blocks ------------------------------------------------------------------

    def _add(self, blocks: list[Block]) -> None:
        """Add blocks to the document; list items learn which list they are in."""
        for block in blocks:
            if block.kind is BlockKind.LIST_ITEM and self.lists:
                block.list_id = self.lists[-1]
        self.document.blocks.extend(blocks)

    def _inline(self, token: Token, kind: BlockKind, level: int) -> None:
        assert token.map is not None
        offsets = self._content_offsets(token.content, token.map[0])
        images: list[Block] = []
        builder = ProseBuilder()
        _InlineWalk(self, token.content, offsets, images).run(token.children or [], builder)
        anchor = None
        if kind is BlockKind.HEADING:  # a heading of only an image still has its level
            start, line = self.document.line(token.map[0])
            anchor = (start, start + len(line))
        block = builder.build(kind, level, anchor=anchor)
        self._add(([block] if block else []) + images)

    def _html_block(self, token: Token, container: BlockKind | None) -> None:
        """HTML in a Markdown page: its visible text is prose, its comments are kept."""
        assert token.map is not None
        if container is None:
            start = self.line_starts[token.map[0]]
            end = (
                self.line_starts[token.map[1]]
                if token.map[1] < len(self.line_starts)
                else len(self.source)
            )
            blocks, comments = read_html_fragment(self.source, start, end)
        else:  # inside a list item or block quote: map the text without its markers
            content = token.content
            offsets = self._content_offsets(content, token.map[0])
            blocks, comments = read_html_fragment(content, 0, len(content), offsets)
            for block in blocks:
                if block.kind is BlockKind.PARAGRAPH:
                    block.kind = container
        self.document.comments.extend(comments)
        self._add(blocks)


class _InlineWalk:
    """Walks an inline token's children, keeping a cursor in its content."""

    def __init__(
        self, walker: _MarkdownWalker, content: str, offsets: list[int], images: list[Block]
    ) -> None:
        self.walker = walker
        self.content = content
        self.offsets = offsets
        self.images = images
        self.cursor = 0
        self.skip_tag = ""  # inside inline <code> or <svg>: children are not prose
        self.unclosed: dict[str, int] = {}  # raw tags with no closing tag after this offset

    def _find(self, text: str) -> int:
        found = self.content.find(text, self.cursor)
        return self.cursor if found < 0 else found

    def _at(self, index: int) -> int:
        """Source offset of a content index, clamped so a surprise never crashes."""
        return self.offsets[min(max(index, 0), len(self.offsets) - 1)]

    def _copy(self, builder: ProseBuilder, text: str) -> None:
        start = self._find(text)
        end = start + len(text)
        if 0 <= start and end <= len(self.offsets):
            builder.mapped(text, self.offsets[start:end])
        else:
            builder.mapped(text, [self._at(i) for i in range(start, end)])
        self.cursor = end

    def run(self, children: list[Token], builder: ProseBuilder) -> None:
        link_starts: list[tuple[int, str]] = []
        strong_starts: list[int] = []
        for index, child in enumerate(children):
            kind = child.type
            if self.skip_tag:
                if kind == "html_inline" and child.content.lower().startswith(f"</{self.skip_tag}"):
                    self.skip_tag = ""
                continue
            if kind == "text":
                self._copy(builder, child.content)
            elif kind == "text_special":
                start = self._find(child.markup)
                end = start + len(child.markup)
                builder.decoded(child.content, self._at(start), self._at(end))
                self.cursor = end
            elif kind in ("softbreak", "hardbreak"):
                start = self._find("\n")
                builder.space(self._at(start), self._at(start) + 1)
                self.cursor = start + 1
            elif kind == "code_inline":
                start = self._find(child.markup)
                close = self._closing_backticks(child.markup, start + len(child.markup))
                builder.placeholder(self._at(start), self._at(close))
                self.cursor = close
            elif kind == "html_inline":
                self._html_inline(child, builder)
            elif kind.endswith("_open") and kind != "link_open":
                self.cursor = self._find(child.markup) + len(child.markup)
                if kind == "strong_open":
                    strong_starts.append(builder.length)
            elif kind.endswith("_close") and kind != "link_close":
                self.cursor = self._find(child.markup) + len(child.markup)
                if kind == "strong_close" and strong_starts:
                    builder.strong.append((strong_starts.pop(), builder.length))
            elif kind == "link_open":
                opener = "<" if child.markup == "autolink" else "["
                self.cursor = self._find(opener) + 1
                link_starts.append((builder.length, str(child.attrs.get("href", ""))))
            elif kind == "link_close":
                if link_starts:
                    start, target = link_starts.pop()
                    builder.links.append(Link(start, builder.length, target))
                if child.markup == "autolink":
                    self.cursor = self._find(">") + 1
                else:
                    self._skip_link_end(children[index + 1] if index + 1 < len(children) else None)
            elif kind == "image":
                self._image(child, children[index + 1] if index + 1 < len(children) else None)

    def _closing_backticks(self, fence: str, position: int) -> int:
        """Offset just past the backtick run that closes an inline code span."""
        while True:
            found = self.content.find(fence, position)
            if found < 0:
                return len(self.content)
            end = found + len(fence)
            if self.content[end : end + 1] != "`" and self.content[found - 1] != "`":
                return end
            position = end
            while self.content[position : position + 1] == "`":
                position += 1

    def _skip_link_end(self, following: Token | None) -> None:
        """Move the cursor past `](destination "title")` or `][label]`.

        A reference link may be followed by brackets that are only text
        ("[NHS 111](free from any phone)"): then the next token starts there.
        """
        self.cursor = self._find("]") + 1
        if following is not None and following.type == "text" and following.content:
            if self.content.startswith(following.content, self.cursor):
                return
        text = self.content
        if text[self.cursor : self.cursor + 1] == "[":
            self.cursor = self._find("]") + 1
        elif text[self.cursor : self.cursor + 1] == "(":
            depth, quote, i = 0, "", self.cursor
            while i < len(text):
                char = text[i]
                if char == "\\":
                    i += 2
                    continue
                if quote:
                    if char == quote:
                        quote = ""
                elif char in "\"'" and text[i - 1] in " \t\n":
                    quote = char
                elif char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            self.cursor = min(i + 1, len(text))

    def _html_inline(self, child: Token, builder: ProseBuilder) -> None:
        start = self._find(child.content)
        end = start + len(child.content)
        self.cursor = end
        source_start, source_end = self._at(start), self._at(end)
        tag = child.content.lower()
        name = _INLINE_TAG.match(tag)
        if tag.startswith("<!--"):
            self.walker.document.comments.append(Comment(child.content, source_start, source_end))
            return
        if tag.startswith("<br"):
            builder.space(source_start, source_end)
            return
        if name and name.group(1) in ("img", *ILLUSTRATIONS):
            offsets = [self._at(i) for i in range(start, end + 1)]
            blocks, _ = read_html_fragment(child.content, 0, len(child.content), offsets)
            self.images.extend(blocks)
        if name and name.group(1) in _INLINE_RAW:
            close = self._closing_tag(name.group(1), end)
            if close < 0:
                return
            close_end = self.content.find(">", close)
            close_end = len(self.content) if close_end < 0 else close_end + 1
            if name.group(1) in _INLINE_CODE:
                builder.placeholder(source_start, self._at(close_end))
            self.cursor = close_end
            self.skip_tag = name.group(1)

    def _closing_tag(self, name: str, start: int) -> int:
        """Where `</name` next comes from `start` on, in any case; -1 when it never does.

        A tag found unclosed is not searched for again further on: a page of
        many unclosed `<code>` tags would otherwise take time that grows with
        the square of its length.
        """
        if start >= self.unclosed.get(name, len(self.content) + 1):
            return -1
        found = _CLOSING_TAG[name].search(self.content, start)
        if found is None:
            self.unclosed[name] = start
            return -1
        return found.start()

    def _image(self, child: Token, following: Token | None) -> None:
        start = self._find("![")
        self.cursor = start + 2
        alt = ProseBuilder()
        self.run(child.children or [], alt)
        self._skip_link_end(following)
        span = (self._at(start), self._at(self.cursor))
        source = str(child.attrs.get("src", ""))
        image = Image(source=source, has_alt=bool(child.content.strip()), span=span)
        block = alt.build(BlockKind.IMAGE, image=image, anchor=span)
        assert block is not None
        self.images.append(block)


_TOML_TOO_DEEP = "this TOML is nested too deeply to read"


def _toml_data(text: str, name: str) -> dict[str, Any]:
    """`+++` front matter as a mapping; TOML plainlint cannot read is the page's error,
    as YAML front matter is, at its line in the page (front matter starts on line 2)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    deep = deep_key_line(text)
    if deep is not None:
        raise InputError(name, f"line {deep + 1}, in the front matter: {_TOML_TOO_DEEP}")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found[1]) + 1 if found else 2
        problem = re.sub(r"\s*\(at line .*?\)|\s*\(at end of document\)", "", str(exc))
        reason = f"this is not valid TOML: {problem[:1].lower()}{problem[1:]}"
    except RecursionError:
        line, reason = 2, _TOML_TOO_DEEP
    raise InputError(name, f"line {line}, in the front matter: {reason}")


def _front_matter(text: str, name: str) -> dict[str, Any]:
    """The page's YAML front matter as a mapping; a list or a lone value counts as none.

    Front matter plainlint cannot read is the page's error, at its line in the page
    (front matter starts on line 2): its `plainlint:` settings must not be lost in silence.
    """
    try:
        data = parse_yaml(text, name)
    except YamlProblem as exc:
        # Said for a page that starts with a rule (---) and has another further down, too.
        where = " (front matter runs from the --- on line 1 to the next ---)" if exc.syntax else ""
        reason = f"line {exc.line + 1}, in the front matter: {exc.reason}{where}"
        raise InputError(name, reason) from None
    return data if isinstance(data, dict) else {}
