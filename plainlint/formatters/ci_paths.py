"""Paths as CI systems want them: from the top folder of the checked-out repository."""

from __future__ import annotations

import os
from pathlib import PurePath


def checkout_path(name: str, top_variable: str) -> str:
    """The path from the repository's top folder, with "/" between folders.

    A CI job names that folder in `top_variable` (GITHUB_WORKSPACE,
    CI_PROJECT_DIR), also when plainlint runs in a folder below it. Elsewhere,
    an absolute path inside the current folder is made relative to it.
    """
    top = os.environ.get(top_variable)
    path = PurePath(name)
    if top or path.is_absolute():
        base = os.path.abspath(top or os.curdir)
        absolute = os.path.abspath(name)
        if absolute.startswith(os.path.join(base, "")):
            return PurePath(os.path.relpath(absolute, base)).as_posix()
    return path.as_posix()
