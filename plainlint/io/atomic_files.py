"""Write a file whole or not at all, so a crash or a full disk never leaves half a file."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The name given to write is a pipe, a device, a socket, or a link that does not lead
    to a regular file. Replacing it would break what used it (as root, `/dev/full` would
    become an ordinary file for the whole machine), so plainlint leaves it alone."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EEXIST, reason, str(path))


def write_atomically(
    path: Path, text: str | bytes, overwrite: bool = True, durable: bool = True
) -> None:
    """Write `text` (UTF-8 for a string) to `path` through a temporary file beside it, then move it into place.

    On failure the old file is left as it was and no temporary file stays
    behind. A file that is replaced keeps its permissions, and its owner and
    group where this process may give them; a new one gets the usual ones (the
    umask applies). With `overwrite=False`, a file that already exists raises
    FileExistsError, even one made a moment ago.
    `durable=False` skips waiting for the disk: for cache files, which can be
    made again, a power cut may lose the new file but never leaves half of one
    in place of the old.

    Only regular files are replaced. When `path` is a symbolic link to a
    regular file, the new text goes to the file it points at and the link
    stays as it is. Anything else that exists under that name is refused:
    NotRegularFile for a pipe, a device, a socket, a link that leads nowhere
    or to one of those; IsADirectoryError for a folder or a link to one.
    Raises OSError when the file cannot be written.
    """
    path = Path(path)
    if overwrite:
        path = _regular_target(path)
    temporary, handle = _create_temporary(path)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            if durable:
                file.flush()
                os.fsync(file.fileno())
        if overwrite:
            _keep_mode_and_owner(temporary, path)
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if `path` exists: never replaces a file
    finally:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass


def _keep_mode_and_owner(temporary: Path, path: Path) -> None:
    """Give the new file the old one's permissions, and its owner and group where this
    process may (root may; anyone may keep their own): a page fixed by a CI job that
    runs as root stays its writer's."""
    try:
        old = os.stat(path)
    except FileNotFoundError:
        return
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    try:
        os.chown(temporary, old.st_uid, old.st_gid)
    except OSError:
        pass  # not allowed: the file becomes this user's, as any editor would make it


def _regular_target(path: Path) -> Path:
    """The file to replace: `path` itself, or the regular file a link at `path` leads to.

    A name that is not there yet is written as it is. Renaming onto a link
    would replace the link, not the file, so a link is followed first.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return path
    if not stat.S_ISLNK(mode):
        _refuse_unless_regular(path, mode, path)
        return path
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise NotRegularFile(
            path, f"this is a link to {real}, which does not exist, so plainlint will not use it"
        ) from None
    except OSError as exc:  # a loop of links, or a folder on the way that cannot be read
        raise NotRegularFile(
            path, f"this is a link that does not lead to a file ({exc.strerror or exc})"
        ) from None
    _refuse_unless_regular(path, mode, real)
    return real


def _refuse_unless_regular(path: Path, mode: int, leads_to: Path) -> None:
    """Raise unless `mode` is a regular file's; the reason names what `path` leads to."""
    if stat.S_ISREG(mode):
        return
    link = "" if leads_to == path else f"a link to {leads_to}, which is "
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, f"this is {link}a folder", str(path))
    raise NotRegularFile(
        path,
        f"this is {link}{_kind(mode)}, not a regular file, so plainlint will not write over it",
    )


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in plain words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new, empty file beside `path`, created with the usual permissions."""
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"could not pick a free temporary name beside {path.name}")
