"""Which files git ignores, read from `.gitignore` files as git reads them."""

from __future__ import annotations

import os
from pathlib import Path

import pathspec

from plainlint.io.regular_files import NotReadable, read_bytes


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds a `.git` folder or file."""
    for folder in (start, *start.parents):
        if is_there(folder / ".git"):
            return folder
    return None


def is_there(path: Path) -> bool:
    """Whether `path` exists; False when a folder on the way cannot be opened, so a
    folder someone locked is passed over rather than stopping the run."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


class GitIgnore:
    """Answers whether a path is ignored by the `.gitignore` files of its repository.

    Deeper `.gitignore` files win over ones nearer the root, and a `!pattern`
    brings a file back, as in git. `.git/info/exclude` counts as the root's.
    """

    def __init__(self) -> None:
        self._roots: dict[str, str | None] = {}
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}

    def ignores(self, path: Path, is_dir: bool = False) -> bool:
        """True when git would ignore `path` (an absolute path, read as written)."""
        text = str(path)
        folder = os.path.dirname(text)
        root = self._root(folder)
        if root is None:
            return False
        inner = text[len(root) :].lstrip(os.sep).replace(os.sep, "/") + ("/" if is_dir else "")
        parts = inner.split("/")
        # From the deepest folder up: the first .gitignore with a pattern for the path decides.
        for depth in range(len(parts) - 1, -1, -1):
            spec = self._spec(os.path.join(root, *parts[:depth]), depth == 0)
            if spec is None:
                continue
            decision = spec.check_file("/".join(parts[depth:])).include
            if decision is not None:
                return decision
        return False

    def _root(self, folder: str) -> str | None:
        if folder not in self._roots:
            found = repository_root(Path(folder))
            self._roots[folder] = str(found) if found is not None else None
        return self._roots[folder]

    def _spec(self, folder: str, is_root: bool) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            self._specs[folder] = _spec(Path(folder), is_root)
        return self._specs[folder]


def _spec(folder: Path, is_root: bool) -> pathspec.GitIgnoreSpec | None:
    lines: list[str] = []
    sources = [folder / ".gitignore"]
    if is_root:
        sources.insert(0, folder / ".git" / "info" / "exclude")
    for source in sources:
        try:
            # Never waits: a .gitignore that is a pipe is passed over, as one that is missing.
            lines += read_bytes(source).decode("utf-8", "replace").splitlines()
        except NotReadable:
            continue
    readable = [line for line in lines if _readable(line)]
    return pathspec.GitIgnoreSpec.from_lines(readable) if readable else None


def _readable(line: str) -> bool:
    """False for a line git would skip as a broken pattern, such as a lone "!"."""
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except Exception:  # noqa: BLE001 - pathspec raises several kinds of error
        return False
    return True
