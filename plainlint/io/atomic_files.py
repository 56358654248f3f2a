"""Write a file whole or not at all, so a crash or a full disk never leaves half a file."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def write_atomically(path: Path, text: str, overwrite: bool = True, durable: bool = True) -> None:
    """Write `text` to `path` through a temporary file beside it, then move it into place.

    On failure the old file is left as it was and no temporary file stays
    behind. A file that is replaced keeps its permissions; a new one gets the
    usual ones (the umask applies). With `overwrite=False`, a file that
    already exists raises FileExistsError, even one made a moment ago.
    `durable=False` skips waiting for the disk: for cache files, which can be
    made again, a power cut may lose the new file but never leaves half of one
    in place of the old.
    Raises OSError when the file cannot be written.
    """
    path = Path(path)
    temporary, handle = _create_temporary(path)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            if durable:
                file.flush()
                os.fsync(file.fileno())
        if overwrite:
            try:
                os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
            except FileNotFoundError:
                pass
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if `path` exists: never replaces a file
    finally:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new, empty file beside `path`, created with the usual permissions."""
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"could not pick a free temporary name beside {path.name}")
