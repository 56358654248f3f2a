"""Read files that are regular files, and nothing else, without ever blocking.

Opening a named pipe (FIFO) waits until something writes to it, and reading a
device such as /dev/zero never ends. Every file plainlint reads (pages,
settings, glossaries, baselines) comes through here: it is opened without
blocking, and what was opened (not what the name pointed at a moment before)
must be a regular file, so a page swapped for a pipe mid-run is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Read in pieces, so a file that grows while it is read still stops at the limit.
_CHUNK = 1 << 20


class NotReadable(Exception):
    """A file plainlint will not read, with the reason in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_bytes(path: Path | str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file; `NotReadable` for anything else, or one too large."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise NotReadable("this file does not exist") from None
    except PermissionError:
        raise NotReadable("permission denied: plainlint cannot open this file") from None
    except IsADirectoryError:
        raise NotReadable("this is a folder, not a file") from None
    except OSError as exc:
        raise NotReadable(f"cannot open this file ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise NotReadable("this is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise NotReadable("this is not a regular file (it may be a pipe or a device)")
        size = os.fstat(handle).st_size
        if max_bytes is not None and size > max_bytes:
            raise NotReadable(too_large(size, max_bytes))
        pieces: list[bytes] = []
        total = 0
        while piece := os.read(handle, _CHUNK):
            pieces.append(piece)
            total += len(piece)
            if max_bytes is not None and total > max_bytes:
                raise NotReadable(too_large(total, max_bytes))
        return b"".join(pieces)
    except OSError as exc:
        raise NotReadable(f"cannot read this file ({exc.strerror or exc})") from None
    finally:
        os.close(handle)


def read_text(path: Path | str, max_bytes: int | None = None) -> str:
    """A regular file's UTF-8 text (a byte order mark is dropped)."""
    data = read_bytes(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotReadable("cannot read this file (it is not UTF-8 text)") from None


def too_large(size: int, max_bytes: int) -> str:
    """Why a file this size is not checked, with the setting that changes it."""
    return (
        f"this file is too large to check ({size_in_words(size)}; the limit is "
        f"{size_in_words(max_bytes)}, set by max_file_size)"
    )


def size_in_words(size: int) -> str:
    """A size as people say it: "5 MB", "300 KB", "12 bytes"."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return (
                f"{value:.0f} {unit}"
                if value >= 10 or value == int(value)
                else f"{value:.1f} {unit}"
            )
    return f"{size} bytes"
