"""The files changed since a git commit: what a pull request or a branch touches.

A reviewer wants notes on the pages a change touches, not on the whole site.
The files are those git lists as added, changed, renamed or copied between the
commit where the branch left `ref` and the files as they are now (changes not
yet committed included), and new files git does not ignore.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from plainlint.errors import PlainlintError

GIT_SECONDS = 60  # a repository on a slow disk still answers well within this


def changed_files(ref: str, cwd: Path) -> set[str]:
    """The real paths of files changed since `ref` in the repository that holds `cwd`."""
    not_a_commit = f"'{ref}' is not a commit or branch in this repository"
    if not ref or ref.startswith("-"):  # git would read it as one of its own options
        raise PlainlintError("--changed-since", not_a_commit)
    top = _git(["rev-parse", "--show-toplevel"], cwd, ref, quiet=True).strip()
    if not top:
        raise PlainlintError("--changed-since", "this folder is not in a git repository")
    if not _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd, ref, quiet=True):
        raise PlainlintError("--changed-since", not_a_commit)
    # The commit where this branch left `ref`: a branch behind its base still lists
    # only its own changes. Without shared history, compare with `ref` itself.
    base = _git(["merge-base", ref, "HEAD"], cwd, ref, quiet=True).strip() or ref
    listed = _git(["diff", "--name-only", "-z", "--diff-filter=ACMRT", base, "--"], cwd, ref)
    new = _git(["ls-files", "--others", "--exclude-standard", "-z"], Path(top), ref)
    names = [name for name in listed.split("\0") if name]
    names += [name for name in new.split("\0") if name]
    return {os.path.realpath(os.path.join(top, name)) for name in names}


def _git(args: list[str], cwd: Path, ref: str, quiet: bool = False) -> str:
    """git's output; trouble is one plain error unless `quiet`, when it is empty output."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            timeout=GIT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise PlainlintError("--changed-since", "needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise PlainlintError("--changed-since", "git took too long to answer") from None
    if done.returncode != 0:
        if quiet:
            return ""
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = (
            said[0].removeprefix("fatal: ") if said else f"git stopped with code {done.returncode}"
        )
        raise PlainlintError("--changed-since", f"cannot compare with '{ref}' ({reason})")
    return done.stdout.decode("utf-8", "surrogateescape")
