"""Which files git ignores, read from `.gitignore` files as git reads them."""

from __future__ import annotations

from pathlib import Path

import pathspec


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds a `.git` folder or file."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


class GitIgnore:
    """Answers whether a path is ignored by the `.gitignore` files of its repository.

    Deeper `.gitignore` files win over ones nearer the root, and a `!pattern`
    brings a file back, as in git. `.git/info/exclude` counts as the root's.
    """

    def __init__(self) -> None:
        self._roots: dict[Path, Path | None] = {}
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def ignores(self, path: Path, is_dir: bool = False) -> bool:
        """True when git would ignore `path` (an absolute path, read as written)."""
        root = self._root(path.parent)
        if root is None:
            return False
        relative = path.relative_to(root)
        folders = [root, *(root / Path(*relative.parts[:i]) for i in range(1, len(relative.parts)))]
        for folder in reversed(folders):
            if folder not in self._specs:
                self._specs[folder] = _spec(folder, folder == root)
            spec = self._specs[folder]
            if spec is None:
                continue
            inner = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            decision = spec.check_file(inner).include
            if decision is not None:
                return decision
        return False

    def _root(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            self._roots[folder] = repository_root(folder)
        return self._roots[folder]


def _spec(folder: Path, is_root: bool) -> pathspec.GitIgnoreSpec | None:
    lines: list[str] = []
    sources = [folder / ".gitignore"]
    if is_root:
        sources.insert(0, folder / ".git" / "info" / "exclude")
    for source in sources:
        try:
            lines += source.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
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
