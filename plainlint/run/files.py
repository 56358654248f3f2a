"""Find the files to check and read them as text, with a plain reason when that fails."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from plainlint.errors import InputError
from plainlint.io.page_text import decode
from plainlint.io.regular_files import NotReadable, read_bytes
from plainlint.settings.ignore_files import GitIgnore
from plainlint.settings.projects import Projects

if TYPE_CHECKING:
    from plainlint.settings.loading import Settings

_SKIPPED_FOLDERS = {"node_modules", "__pycache__", "venv", "site-packages"}
_NOT_REGULAR = "this is not a regular file (it may be a pipe or a device)"
_NO_ENTRY = (errno.ENOENT, errno.ENOTDIR, errno.ELOOP)  # gone, or a broken or looping link


@dataclass(frozen=True)
class Target:
    """A path to check, or one that cannot be checked (a file or folder named or found),
    with the reason in `problem`."""

    path: Path
    problem: str | None = None


def find_files(paths: list[Path], settings: Settings | Projects) -> Iterator[Target]:
    """Files to check under `paths`, in a stable order; folders are searched.

    In folders, plainlint checks files with a known extension that `include`
    globs match (all of them when there are none), and skips hidden files,
    files git ignores (unless `respect_gitignore` is false), files that
    `exclude` globs match, and links that lead out of the folder. A file named
    on the command line follows `include` and `exclude` too, so a pre-commit
    hook checks what `plainlint check .` would. A file named twice, or found
    twice, is checked once. Each file follows its own project's settings: the
    nearest settings file above it. A folder that cannot be opened is named,
    and the rest are still searched.
    """
    projects = Projects.of(settings)
    git = GitIgnore()
    seen: set[Path] = set()
    for path in paths:
        kind = path_kind(path)
        if kind == "folder":
            for found in _walk(path, projects, git):
                if _first_time(found.path, seen):
                    yield found
        elif kind == "file":
            settings = projects.for_path(path)
            if left_out(path, settings) or not _first_time(path, seen):
                continue
            extensions = settings.extensions
            if path.suffix.lower() in extensions:
                yield Target(path)
            else:
                known = ", ".join(sorted(extensions))
                yield Target(
                    path,
                    f"plainlint does not check '{path.suffix or 'no extension'}' files "
                    f"(it checks {known}); add the extension under 'extensions' in your settings",
                )
        else:
            yield Target(path, kind)


def path_kind(path: Path) -> str:
    """ "folder", "file" (a regular file, perhaps through a link), or why it is neither.

    Only the name is looked up: nothing is opened, so a pipe cannot make this wait.
    """
    try:
        mode = os.stat(path).st_mode
    except PermissionError:
        return "permission denied: plainlint cannot open the folder this is in"
    except OSError as exc:
        if exc.errno in _NO_ENTRY:
            return "no such file or folder"
        return f"cannot open this ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else _NOT_REGULAR


def left_out(
    path: Path, settings: Settings, ignored: GitIgnore | None = None, is_dir: bool = False
) -> str | None:
    """Why the settings leave a path out, or None when plainlint checks it.

    Git's ignore files count only when `ignored` is given: they apply to folder
    searches, not to a file someone names.
    """
    if settings.excluded(path, is_dir):
        return "an 'exclude' pattern in the settings matches it"
    if not is_dir and not settings.included(path):
        return "no 'include' pattern in the settings matches it"
    if ignored is not None and ignored.ignores(Path(os.path.abspath(path)), is_dir):
        return "git ignores it (a .gitignore file names it)"
    return None


def _first_time(path: Path, seen: set[Path]) -> bool:
    """True the first time a file is met, however its path is spelt ("a.md", "./a.md")."""
    key = Path(os.path.abspath(path))
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(folder: Path, projects: Projects, git: GitIgnore) -> Iterator[Target]:
    """The files to check in a folder and below it; each folder follows its own
    project's settings, and the project above decides whether to enter it.

    Links to folders are not entered, and links to files outside `folder` are
    passed over without a word, as git does: a link must not bring a private
    file from elsewhere into the reports. A folder that cannot be opened is a
    target with its reason, so the run says so and ends with exit code 2.
    """
    found: list[Target] = []
    inside = os.path.realpath(folder)

    def cannot_open(error: OSError) -> None:
        found.append(Target(Path(error.filename), _folder_problem(error)))

    for root, dirs, files in os.walk(folder, onerror=cannot_open, followlinks=False):
        here = Path(root)
        settings = projects.for_path(here, is_dir=True)
        ignored = git if settings.respect_gitignore else None
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIPPED_FOLDERS
            and not left_out(here / d, settings, ignored, is_dir=True)
        )
        for name in files:
            path = here / name
            if (
                path.suffix.lower() in settings.extensions
                and not name.startswith(".")
                and not left_out(path, settings, ignored)
            ):
                target = _walked_file(path, inside)
                if target is not None:
                    found.append(target)
    yield from sorted(found, key=lambda target: target.path)


def _walked_file(path: Path, inside: str) -> Target | None:
    """A file met in a folder search, or None for one to pass over: a pipe, a device,
    a broken link, or a link that leads out of the folder searched (`inside`)."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            if not _within(os.path.realpath(path), inside):
                return None
            mode = os.stat(path).st_mode
    except PermissionError:
        return Target(path, "permission denied: plainlint cannot open this file")
    except OSError:
        return None  # gone since the folder was listed, or a broken link
    return Target(path) if stat.S_ISREG(mode) else None


def _within(path: str, folder: str) -> bool:
    """Whether a real (resolved) path is `folder` or lies below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _folder_problem(error: OSError) -> str:
    """Why a folder in a search could not be opened, and what that left out."""
    reason = (
        "permission denied: plainlint cannot open this folder"
        if isinstance(error, PermissionError)
        else f"cannot open this folder ({error.strerror or error})"
    )
    return f"{reason}, so the files in it were not checked"


def read_text(path: Path, max_bytes: int | None = None, format_name: str | None = None) -> str:
    """A page's text, read only if it is a regular file no larger than `max_bytes`.

    It is opened without waiting, so a page swapped for a pipe after the
    folder search gives one line rather than a hang. See `decode` for the
    encodings read.
    """
    try:
        data = read_bytes(path, max_bytes)
    except NotReadable as exc:
        raise InputError(str(path), exc.reason) from None
    return decode(str(path), data, format_name)
