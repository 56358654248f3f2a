"""The words around a finding in its file: what tells one "utilise" on a page from
another when lines move, for baselines and for CI reports that track findings."""

from __future__ import annotations

import re

from plainlint.errors import InputError
from plainlint.io.page_text import decode
from plainlint.io.regular_files import NotReadable, read_bytes

AROUND = 4  # words kept on each side of a finding's text
_REACH = 200  # characters looked at on each side for those words
_LINE_START = re.compile(r"\r\n|\r|\n")
# A blank line ends a paragraph: words beyond it belong to other text.
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")

Around = tuple[str, str]


def read_source(name: str) -> str | None:
    """A checked file's text as it is on disk, decoded as it was when checked; None when
    it cannot be read now (gone, or swapped for a pipe).

    The format is not known here: an HTML page's declared character set is
    honoured whatever the file's name, which changes nothing for other pages,
    since a page that declares one and is not UTF-8 could not have been checked.
    """
    try:
        data = read_bytes(name)
    except NotReadable:
        return None
    try:
        return decode(name, data, "html")
    except InputError:
        return data.decode("utf-8-sig", "surrogateescape")


def line_starts(source: str) -> list[int]:
    """Where each line starts, with lines ending as plainlint reads them."""
    return [0, *(match.end() for match in _LINE_START.finditer(source))]


def words_around(
    source: str | None, starts: list[int], line: int, column: int, text: str
) -> Around | None:
    """Up to AROUND whole words before and after `text` at line:column, in its
    paragraph; None when that is not known (no source, or the text is not there now)."""
    if source is None or not 0 < line <= len(starts):
        return None
    start = starts[line - 1] + column - 1
    end = start + len(text)
    if source[start:end] != text:
        return None
    if not text:
        return "", ""  # about the whole page
    left = source[max(0, start - _REACH) : start]
    breaks = list(_PARAGRAPH_BREAK.finditer(left))
    words = left[breaks[-1].end() :].split() if breaks else left.split()
    if not breaks and start > _REACH and words:
        words = words[1:]  # the first may be part of a word
    right = source[end : end + _REACH]
    stop = _PARAGRAPH_BREAK.search(right)
    after = right[: stop.start()].split() if stop else right.split()
    if not stop and end + _REACH < len(source) and after:
        after = after[:-1]
    return " ".join(words[-AROUND:]), " ".join(after[:AROUND])
