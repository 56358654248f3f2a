"""The README's two set-up commands: CI runs the second as written, and the first works.

A newcomer types what the README says. CI must run exactly that, so a broken
install step fails CI before it fails a newcomer.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_working_tree

FENCE = re.compile(r"^```sh\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def readme_commands() -> list[str]:
    """The first two fenced shell blocks of the README, each one line."""
    blocks = FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    first_two = blocks[:2]
    assert len(first_two) == 2, "the README should open with two set-up commands"
    for block in first_two:
        assert block.count("\n") == 1, f"a set-up command should be one line: {block!r}"
    return [block.strip() for block in first_two]


def test_the_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    before_first = text[: text.index("```sh")]
    assert before_first.count("\n## ") == 0, "the set-up commands should come before any section"
    run_examples, run_tests = readme_commands()
    assert "plainlint check examples/" in run_examples
    assert "pytest" in run_tests


def test_ci_runs_the_readme_test_command_as_written():
    _, run_tests = readme_commands()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[-1] == run_tests, "the last line of .ci/run is not the README's test command"
    # Nothing before it may install or change what the command does.
    assert commands[:-1] == ["set -euo pipefail", 'cd "$(dirname "$0")/.."']


def test_each_command_makes_and_uses_its_own_environment():
    """Neither command installs into the Python it was started with (PEP 668 forbids it)."""
    for command in readme_commands():
        steps = [step.strip() for step in command.split("&&")]
        assert steps[0] == "python3 -m venv .venv"
        for step in steps[1:]:
            assert step.startswith(".venv/bin/"), f"{step!r} does not run from .venv"


@pytest.mark.slow
def test_the_first_command_sets_up_and_checks_the_examples(tmp_path):
    """The README's first command, word for word, in a fresh copy of the project.

    It runs as if the virtual environment running these tests were active:
    the case where a nested environment once missed its packages.
    """
    run_examples, _ = readme_commands()
    clone = copy_working_tree(tmp_path / "plainlint")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    if sys.prefix != sys.base_prefix:
        env["VIRTUAL_ENV"] = sys.prefix
    done = subprocess.run(
        ["bash", "-c", run_examples],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    # Exit code 1: the example pages have problems on purpose, and nothing broke.
    assert done.returncode == 1, output
    assert "examples/biopsy.html:" in done.stdout, output
    assert re.search(r"Found \d+ problems in 3 files", done.stdout), output
    assert (clone / ".venv" / "bin" / "plainlint").exists()
