"""Shared helpers: lint a snippet through the real engine and the real spaCy model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plainlint.findings import FileResult, Finding, Severity
from plainlint.run.engine import Linter
from plainlint.settings.loading import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "nci"
# Left out of a copy of a checkout that is not a git repository (an unpacked archive).
NOT_PROJECT_FILES = (".git", ".venv", "__pycache__", ".*_cache", "build", "dist")
EXTENSION = {"markdown": ".md", "html": ".html", "text": ".txt"}


@pytest.fixture(scope="session", autouse=True)
def _results_cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory):
    """Commands run by tests keep their results cache in a temporary folder.

    The cache would otherwise be made at the top of this repository. Tests of
    where the cache goes remove the variable with monkeypatch.
    """
    folder = tmp_path_factory.mktemp("results-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLAINLINT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The built-in settings, loaded once."""
    return load_settings()


@pytest.fixture(scope="session")
def check(settings: Settings):
    """Check a snippet of source text; returns the FileResult."""

    def run(source: str, fmt: str = "markdown", select: set[str] | None = None) -> FileResult:
        linter = Linter.create(settings, select=select)
        return linter.check_source(f"page{EXTENSION[fmt]}", source, fmt)

    return run


@pytest.fixture(scope="session")
def findings(check):
    """Findings of the selected rules (all rules when none are named) for a snippet."""

    def run(source: str, *rules: str, fmt: str = "markdown") -> list[Finding]:
        return check(source, fmt, set(rules) if rules else None).findings

    return run


def slice_of(source: str, finding: Finding) -> str:
    """The source text a finding's line and column range points at."""
    lines = source.split("\n")
    if finding.line == finding.end_line:
        return lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
    first = lines[finding.line - 1][finding.column - 1 :]
    middle = lines[finding.line : finding.end_line - 1]
    last = lines[finding.end_line - 1][: finding.end_column - 1]
    return "\n".join([first, *middle, last])


def run_process(
    *args: str, cwd: Path, timeout: float = 120, **options: Any
) -> subprocess.CompletedProcess[str]:
    """plainlint in its own process, as a user runs it: a hang fails the test (after
    `timeout` seconds) instead of blocking it, and signals reach only that process."""
    return subprocess.run(
        [sys.executable, "-m", "plainlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        **options,
    )


def run_cli(*args: str) -> Any:
    """Run the plainlint command in-process through click's test runner."""
    from plainlint.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def json_output(result: Any) -> dict[str, Any]:
    """The JSON document a `--format json` run printed."""
    return json.loads(result.stdout)


def copy_working_tree(destination: Path) -> Path:
    """This checkout's files as they are on disk, new ones too, as a fresh clone would hold
    them: the files git tracks or would track, or every project file outside git."""
    listed = None
    if shutil.which("git") is not None:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    if listed is None or listed.returncode != 0:
        junk = shutil.ignore_patterns(*NOT_PROJECT_FILES)
        shutil.copytree(ROOT, destination, ignore=junk, dirs_exist_ok=True)
        return destination
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # not a tracked file deleted from the working tree
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


# Findings of three rules, for tests of the output formats.
WORDS = Finding(
    rule="plain-words",
    severity=Severity.WARNING,
    line=3,
    column=8,
    end_line=3,
    end_column=15,
    text="utilise",
    message="Try “use” instead of “utilise”. Plain words are quicker to read.",
    suggestions=("use",),
)
SENTENCE = Finding(
    rule="long-sentence",
    severity=Severity.ERROR,
    line=5,
    column=1,
    end_line=6,
    end_column=12,
    text="You word word\nword word.",
    message="This sentence has 41 words; aim for 25 or fewer.",
)
PASSIVE = Finding(
    rule="passive-voice",
    severity=Severity.INFO,
    line=9,
    column=4,
    end_line=9,
    end_column=18,
    text="will be given",
    message="This sentence is passive.",
)
