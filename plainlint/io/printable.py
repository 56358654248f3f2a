"""Text from outside plainlint (file names, words quoted from a page) made safe to show.

A file name can hold a line break, a terminal escape or a character that turns text
around. Printed as it is, it could forge a line of plainlint's own output (a GitHub
workflow command such as `::error file=…`), recolour or retitle a terminal, or make a
path read differently from what it is. Every place that shows such text to people goes
through `printable`, which writes those characters as visible escapes instead.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls; the Unicode line and paragraph separators; the
# bidirectional embeddings, overrides and isolates; and lone surrogates, which stand for
# the bytes of a file name that is not UTF-8 and cannot be written out as they are.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` with each unsafe character written as an escape, such as `\\n` or `\\u202e`;
    text without any comes back as it is."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def shown_path(path: str) -> str:
    """A file name at the start of an output line: `printable`, and "./" before a name
    that starts with "::", which GitHub Actions would read as a workflow command."""
    shown = printable(path)
    return f"./{shown}" if shown.startswith("::") else shown


def one_line(text: str) -> str:
    """A message on one line: line breaks become a space, as a reader would take them,
    and every other unsafe character an escape."""
    return printable(_LINE_BREAKS.sub(" ", text))


def _escape(match: re.Match[str]) -> str:
    """The escape for one character: a lone surrogate from an undecodable byte shows
    that byte."""
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
