"""Build one block's prose while remembering where every character came from."""

from __future__ import annotations

import re

from plainlint.documents.model import Block, BlockKind, Image, Link
from plainlint.documents.source_map import SourceMap

# Inline code in prose is replaced by this word, so the sentence around it
# still reads as a sentence and the code itself is never checked.
CODE_PLACEHOLDER = "code"
_WHITE_RUN = re.compile(r"\s{2,}")
# Line breaks, tabs and the no-break and thin spaces ("20&nbsp;minutes") read as a space.
_SPACING = str.maketrans({char: " " for char in "\n\r\t\f\v\xa0\u2007\u2009\u200a\u202f"})


class ProseBuilder:
    """Collects prose pieces for one block, then trims them into a `Block`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._map = SourceMap()
        self.links: list[Link] = []
        self.strong: list[tuple[int, int]] = []
        self.placeholders: list[tuple[int, int]] = []

    @property
    def length(self) -> int:
        """Characters of prose collected so far."""
        return self._length

    def copy(self, text: str, source_start: int) -> None:
        """Add text copied as it is from the source at `source_start`.

        A run of white space reads as one space, as a browser shows it; the
        space still maps to the whole run in the source.
        """
        position = 0
        for run in _WHITE_RUN.finditer(text):
            if run.start() > position:
                part = text[position : run.start()]
                self._push(
                    part.translate(_SPACING), source_start + position, source_start + run.start()
                )
            self.space(source_start + run.start(), source_start + run.end())
            position = run.end()
        if position < len(text):
            part = text[position:]
            self._push(part.translate(_SPACING), source_start + position, source_start + len(text))

    def mapped(self, text: str, offsets: list[int]) -> None:
        """Add text whose characters came from the given source offsets, one each."""
        if text and offsets[-1] - offsets[0] == len(text) - 1:
            if offsets == list(range(offsets[0], offsets[0] + len(text))):
                self.copy(text, offsets[0])  # the usual case: one unbroken run
                return
        run_start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or offsets[i] != offsets[i - 1] + 1:
                self.copy(text[run_start:i], offsets[run_start])
                run_start = i

    def decoded(self, text: str, source_start: int, source_end: int) -> None:
        """Add text that stands for a differently written source span (an entity, an escape)."""
        if text:
            self._push(text.translate(_SPACING), source_start, source_end)

    def space(self, source_start: int, source_end: int) -> None:
        """Add a word break standing for a line break or a `<br>` tag."""
        self._push(" ", source_start, source_end)

    def placeholder(self, source_start: int, source_end: int) -> None:
        """Stand in for inline code: a word rules can count but never flag."""
        start = self._length
        self._push(CODE_PLACEHOLDER, source_start, source_end)
        self.placeholders.append((start, self._length))

    def _push(self, text: str, source_start: int, source_end: int) -> None:
        if text[:1] == " " and self._parts and self._parts[-1][-1:] == " ":
            # two pieces meet in white space ("Call us <svg…></svg> on"): keep one space
            spaces = len(text) - len(text.lstrip(" "))
            if source_end - source_start == len(text):
                source_start += spaces
            text = text[spaces:]
            if not text:
                return
        self._map.add(self._length, len(text), source_start, source_end)
        self._parts.append(text)
        self._length += len(text)

    def build(
        self,
        kind: BlockKind,
        level: int = 0,
        image: Image | None = None,
        anchor: tuple[int, int] | None = None,
    ) -> Block | None:
        """Trim outer white space and return the block.

        A block with no prose is None, unless `anchor` gives the source span it
        stands for (an image with no alt text still exists on the page).
        """
        text = "".join(self._parts)
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if not body:
            if anchor is None:
                return None
            empty = SourceMap()
            empty.add(0, 0, *anchor)
            return Block(kind=kind, text="", source_map=empty, level=level, image=image)
        source_map = SourceMap()
        for i, text_start in enumerate(self._map.text_starts):
            next_start = (
                self._map.text_starts[i + 1] if i + 1 < len(self._map.text_starts) else len(text)
            )
            seg_start, seg_end = max(text_start, lead), min(next_start, lead + len(body))
            if seg_start >= seg_end:
                continue
            if self._map.linear[i]:
                shift = self._map.source_starts[i] - text_start
                source_map.add(
                    seg_start - lead, seg_end - seg_start, seg_start + shift, seg_end + shift
                )
            else:
                source_map.add(
                    seg_start - lead,
                    seg_end - seg_start,
                    self._map.source_starts[i],
                    self._map.source_ends[i],
                )

        def shifted(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [
                (max(s - lead, 0), min(e - lead, len(body)))
                for s, e in spans
                if e > lead and s < lead + len(body)
            ]

        links = []
        for link in self.links:
            for start, end in shifted([(link.start, link.end)]):
                links.append(Link(start, end, link.target))
        return Block(
            kind=kind,
            text=body,
            source_map=source_map,
            level=level,
            links=links,
            strong=shifted(self.strong),
            placeholders=shifted(self.placeholders),
            image=image,
        )
