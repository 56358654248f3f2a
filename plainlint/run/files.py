"""Find the files to check and read them as text, with a plain reason when that fails."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from plainlint.errors import InputError
from plainlint.settings.ignore_files import GitIgnore
from plainlint.settings.projects import Projects

if TYPE_CHECKING:
    from plainlint.settings.loading import Settings

MAX_BYTES = 20 * 1024 * 1024
_SKIPPED_FOLDERS = {"node_modules", "__pycache__", "venv", "site-packages"}


@dataclass(frozen=True)
class Target:
    """A path to check, or a path named on the command line that cannot be."""

    path: Path
    problem: str | None = None


def find_files(paths: list[Path], settings: Settings | Projects) -> Iterator[Target]:
    """Files to check under `paths`, in a stable order; folders are searched.

    In folders, plainlint checks files with a known extension that `include`
    globs match (all of them when there are none), and skips hidden files,
    files git ignores (unless `respect_gitignore` is false) and files that
    `exclude` globs match. A file named on the command line follows `include`
    and `exclude` too, so a pre-commit hook checks what `plainlint check .`
    would. A file named twice, or found twice, is checked once. Each file
    follows its own project's settings: the nearest settings file above it.
    """
    projects = Projects.of(settings)
    git = GitIgnore()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for found in _walk(path, projects, git):
                if _first_time(found, seen):
                    yield Target(found)
        elif path.is_file():
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
        elif path.exists():
            yield Target(path, "this is not a regular file")
        else:
            yield Target(path, "no such file or folder")


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


def _walk(folder: Path, projects: Projects, git: GitIgnore) -> Iterator[Path]:
    """The files to check in a folder and below it; each folder follows its own
    project's settings, and the project above decides whether to enter it."""
    found = []
    for root, dirs, files in os.walk(folder):
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
                and path.is_file()  # not pipes or broken links: reading them would hang or fail
                and not left_out(path, settings, ignored)
            ):
                found.append(path)
    yield from sorted(found)


def read_text(path: Path) -> str:
    """The file's text. UTF-8, with or without a byte order mark; anything else is an error."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"this file is too large to check ({size // 1_048_576} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied: plainlint cannot open this file") from None
    except IsADirectoryError:
        raise InputError(str(path), "this is a folder, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read this file ({exc.strerror or exc})") from None
    return decode(str(path), data)


def decode(name: str, data: bytes) -> str:
    """Decode bytes as UTF-8 text, or explain why they are not text."""
    if b"\x00" in data[:8192]:
        raise InputError(name, "this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise InputError(
            name,
            f"this file is not UTF-8 text (unreadable byte at line {line}, column {column}); "
            "save it as UTF-8 and try again",
        ) from None
