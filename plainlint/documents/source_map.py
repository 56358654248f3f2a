"""Map characters of extracted prose back to offsets in the source file.

Readers build prose piece by piece. Most pieces are copied from the source as
they are (one prose character per source character); some are not, such as a
decoded entity (`&amp;` becomes `&`) or a placeholder for inline code. Each
piece is one segment, so the map stays small however long the file is.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class SourceMap:
    """Segments of prose, each tied to a span of the source."""

    text_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    source_ends: list[int] = field(default_factory=list)
    linear: list[bool] = field(default_factory=list)

    def add(self, text_start: int, text_length: int, source_start: int, source_end: int) -> None:
        """Record that prose[text_start:text_start+text_length] came from source[start:end]."""
        is_linear = source_end - source_start == text_length
        if (
            is_linear
            and self.linear
            and self.linear[-1]
            and self.source_ends[-1] == source_start
            and self._text_end_of_last() == text_start
        ):
            self.source_ends[-1] = source_end  # extend the previous copied run
            return
        self.text_starts.append(text_start)
        self.source_starts.append(source_start)
        self.source_ends.append(source_end)
        self.linear.append(is_linear)

    def _text_end_of_last(self) -> int:
        start = self.text_starts[-1]
        if self.linear[-1]:
            return start + self.source_ends[-1] - self.source_starts[-1]
        return -1  # a non-linear segment is never extended

    def _segment(self, index: int) -> int:
        return max(bisect_right(self.text_starts, index) - 1, 0)

    def start(self, index: int) -> int:
        """Source offset where the prose character at `index` starts."""
        seg = self._segment(index)
        if self.linear[seg]:
            return self.source_starts[seg] + index - self.text_starts[seg]
        return self.source_starts[seg]

    def end(self, index: int) -> int:
        """Source offset just past the prose character at `index - 1` (an exclusive end)."""
        if index <= 0:
            return self.start(0)
        seg = self._segment(index - 1)
        if self.linear[seg]:
            return self.source_starts[seg] + index - self.text_starts[seg]
        return self.source_ends[seg]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the prose span [start, end)."""
        if end <= start:
            offset = self.start(start)
            return offset, offset
        return self.start(start), self.end(end)

    def copied(self, start: int, end: int) -> bool:
        """True when prose[start:end] is one piece copied from the source as it is, with
        no markup, entity or placeholder inside: text that can be edited in place."""
        if end <= start or not self.text_starts:
            return False
        seg = self._segment(start)
        return self.linear[seg] and self._segment(end - 1) == seg
