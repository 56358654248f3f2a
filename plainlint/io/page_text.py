"""Page bytes as text: UTF-8, UTF-16 and UTF-32 by their byte order mark, and HTML in the
character set it declares; anything else gets a plain reason.

Every place that reads a page's text (checking it, and finding the words
around a finding for baselines and CI reports) decodes it here, so all of
them see the same characters at the same positions.
"""

from __future__ import annotations

import codecs
import re

from plainlint.errors import InputError

# Byte order marks other than UTF-8's, UTF-32's first: its little-endian mark starts
# like UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Browsers look for a page's declared character set in its first 1024 bytes; some
# pages have a long comment first.
_CHARSET_REACH = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# Python codecs that no web page means, whatever its declaration says.
_NOT_PAGE_CODECS = {"unicode-escape", "raw-unicode-escape", "idna", "charmap", "utf-8", "utf-8-sig"}
# As browsers do (the WHATWG Encoding Standard): pages labelled Latin-1 or ASCII
# are read as Windows-1252, whose curly quotes and dashes such pages hold.
_READ_AS_WINDOWS_1252 = {"iso8859-1", "ascii", "cp1252"}


def decode(name: str, data: bytes, format_name: str | None = None) -> str:
    """A page's bytes as text, or an InputError that says why they are not text.

    UTF-8, UTF-16 and UTF-32 with a byte order mark (as Windows Notepad and
    Word save "Unicode text") are read by their mark; other text must be
    UTF-8, except an HTML page that declares its character set
    (`<meta charset="windows-1252">`). Positions in findings count characters
    of the text read, so they are the same whatever the encoding.
    """
    for mark, codec, label in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _decode_marked(name, data, codec, label)
    if b"\x00" in data[:8192]:
        raise InputError(name, "this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    marked = data.startswith(codecs.BOM_UTF8)  # UTF-8 by its mark, whatever a page declares
    declared = _declared_charset(data) if format_name == "html" and not marked else None
    if declared is not None:
        codec, label = declared
        try:
            return _decode_declared(data, codec)
        except UnicodeDecodeError as exc:
            line, column = _place(exc, codec)
            raise InputError(
                name,
                f"this page says it is {label} text but is not (unreadable byte at line "
                f"{line}, column {column}); save it as UTF-8 and try again",
            ) from None
    line, column = _place(utf8_error, "utf-8")
    raise InputError(
        name,
        f"this file is not UTF-8 text (unreadable byte at line {line}, column {column}); "
        "save it as UTF-8 and try again",
    )


def _decode_marked(name: str, data: bytes, codec: str, label: str) -> str:
    """Text that starts with a byte order mark, read in the encoding the mark names."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = _place(exc, codec)
        raise InputError(
            name,
            f"this file starts like {label} text but is not {label} text (unreadable bytes at "
            f"line {line}, column {column}); save it as UTF-8 and try again",
        ) from None
    if "\x00" in text[:8192]:
        raise InputError(name, "this looks like a binary file, not text")
    return text


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    """(codec, name as written) of the character set an HTML page declares near its
    top, when Python knows it and it is one a web page can be in."""
    match = _DECLARED_CHARSET.search(data[:_CHARSET_REACH])
    if match is None:
        return None
    label = match[1].decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec in _NOT_PAGE_CODECS or not _ascii_compatible(codec):
        return None  # utf-16 in a <meta> is a mistake: browsers ignore it too
    return codec, label


def _ascii_compatible(codec: str) -> bool:
    """Whether plain ASCII reads as itself in this encoding, as a page's markup must."""
    sample = bytes(range(0x20, 0x7F)) + b"\t\n\r"
    try:
        return sample.decode(codec) == sample.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _decode_declared(data: bytes, codec: str) -> str:
    """Bytes in a declared encoding; Latin-1 and ASCII labels read as Windows-1252 does
    in a browser, where the five bytes it leaves unassigned stay as they are."""
    if codec in _READ_AS_WINDOWS_1252:
        return data.decode("latin-1").translate(_WINDOWS_1252)
    return data.decode(codec)


def _windows_1252_table() -> dict[int, str]:
    """From the characters Latin-1 gives bytes 0x80-0x9F to those Windows-1252 gives."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_WINDOWS_1252 = _windows_1252_table()


def _place(error: UnicodeDecodeError, codec: str) -> tuple[int, int]:
    """Line and column (in characters) of the first byte that could not be read."""
    before = error.object[: error.start].decode(codec, "replace")
    before = before.removeprefix("\ufeff")
    line = before.count("\n") + 1
    return line, len(before.rsplit("\n", 1)[-1]) + 1


def encode_like(name: str, data: bytes, old: str, new: str, format_name: str | None) -> bytes:
    """`new` as bytes in the encoding of `data`, whose text is `old`: the same byte order
    mark and character set, so every byte outside the changed words stays as it was.

    Raises InputError when `old` does not give back `data` exactly (then writing
    `new` could change bytes nobody meant to change), or when the new words hold
    a character that encoding cannot.
    """
    mark, codec = _encoding_of(data, format_name)
    try:
        same = mark + _encode(old, codec) == data
    except UnicodeEncodeError:
        same = False
    if not same:
        raise InputError(
            name,
            f"plainlint could not write this file back byte for byte in its encoding ({codec})",
        )
    try:
        return mark + _encode(new, codec)
    except UnicodeEncodeError as exc:
        raise InputError(
            name, f"the new words hold “{exc.object[exc.start]}”, which {codec} text cannot hold"
        ) from None


def _encoding_of(data: bytes, format_name: str | None) -> tuple[bytes, str]:
    """The byte order mark (or none) and the codec that `decode` read `data` with."""
    for mark, codec, _ in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            big = mark in (codecs.BOM_UTF32_BE, codecs.BOM_UTF16_BE)
            return mark, f"{codec}-{'be' if big else 'le'}"
    if data.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8, "utf-8"
    declared = _declared_charset(data) if format_name == "html" else None
    if declared is None or (not data.isascii() and _is_utf8(data)):
        return b"", "utf-8"  # as `decode` read it; an all-ASCII page keeps its declared set
    codec = declared[0]
    return b"", "windows-1252" if codec in _READ_AS_WINDOWS_1252 else codec


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _encode(text: str, codec: str) -> bytes:
    """Text in a codec; Windows-1252 as `_decode_declared` reads it, with the five bytes
    it leaves unassigned kept as they were."""
    if codec == "windows-1252":
        return text.translate(_FROM_WINDOWS_1252).encode("latin-1")
    return text.encode(codec)


_FROM_WINDOWS_1252 = {ord(char): byte for byte, char in _WINDOWS_1252.items()}


def wide(data: bytes) -> bool:
    """True for UTF-16 or UTF-32 text, by its byte order mark."""
    return any(data.startswith(mark) for mark, _, _ in _BYTE_ORDER_MARKS)
