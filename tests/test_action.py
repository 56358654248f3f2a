"""action.yml: a composite GitHub Action whose scripts run here as the runner would run them.

The runner's own steps (actions/setup-python) and the pip install of the
action's folder are left out: plainlint is already installed in this Python.
Every other step runs with bash, with the inputs put into its `env:` the way
GitHub puts them there, and stops the job at the first step that fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

ACTION = ROOT / "action.yml"
INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
INPUT_SET = re.compile(r"^inputs\.([A-Za-z0-9_-]+) != ''$")
LONG_SENTENCE = " ".join(["Please", *["word"] * 38]) + "."
CLEAN_PAGE = "# Going home\n\nYou can go home today.\n"
BAD_PAGE = f"# Going home\n\n{LONG_SENTENCE}\n"


@dataclass
class Job:
    """What the action's steps did: the exit code of the last step run, and their output."""

    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    ran: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def _inputs(action: dict, given: dict[str, str]) -> dict[str, str]:
    declared = action["inputs"]
    unknown = set(given) - set(declared)
    assert not unknown, f"not inputs of the action: {unknown}"
    return {name: str(given.get(name, spec.get("default", ""))) for name, spec in declared.items()}


def _expand(text: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.x }}` replaced by the input's value, as GitHub does for `env:` and `with:`."""
    return INPUT.sub(lambda match: inputs[match.group(1)], text)


# The gate runs after a failed step too, as long as plainlint was installed.
AFTER_FAILURE = "${{ !cancelled() && steps.install.outcome == 'success' }}"


def _runs(step: dict, inputs: dict[str, str], failed: bool) -> bool:
    """Whether GitHub would run the step; the install step (not run here) succeeds."""
    condition = step.get("if")
    if condition is None:
        return not failed
    if str(condition).strip() == AFTER_FAILURE:
        return True
    match = INPUT_SET.match(str(condition).strip())
    assert match, f"this test does not understand the condition {condition!r}"
    return not failed and inputs[match.group(1)] != ""


def run_action(action: dict, cwd: Path, **given: str) -> Job:
    """Run the action's scripts in `cwd` with the given inputs (names with '_' for '-')."""
    inputs = _inputs(action, {name.replace("_", "-"): value for name, value in given.items()})
    job = Job()
    for step in action["runs"]["steps"]:
        if "uses" in step or step.get("id") == "install":
            continue
        if not _runs(step, inputs, failed=job.returncode != 0):
            continue
        env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        env["GITHUB_ACTION_PATH"] = str(ROOT)
        env.update({key: _expand(str(value), inputs) for key, value in step.get("env", {}).items()})
        # GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
        script = cwd.parent / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        job.ran.append(step["name"])
        job.stdout += done.stdout
        job.stderr += done.stderr
        job.returncode = job.returncode or done.returncode  # the first failure fails the job
    return job


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty folder to stand for the checked-out repository."""
    folder = tmp_path / "workspace"
    folder.mkdir()
    return folder


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::error file=")]


def test_a_composite_action_with_the_inputs(action):
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert inputs["paths"]["default"] == "."
    assert inputs["fail-on"]["default"] == "error"
    assert inputs["sarif-file"]["default"] == ""
    assert inputs["python-version"]["default"] == "3.11"
    assert all(spec["required"] is False and spec["description"] for spec in inputs.values())
    steps = action["runs"]["steps"]
    setup = next(step for step in steps if "uses" in step)
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    install = next(step for step in steps if step.get("id") == "install")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
    assert steps.index(setup) < steps.index(install)


def test_inputs_reach_scripts_only_through_env(action):
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], step["name"]


def test_sarif_is_written_before_the_step_that_fails(action):
    names = [step["name"] for step in action["runs"]["steps"] if "run" in step]
    sarif = next(name for name in names if "SARIF" in name)
    gate = next(
        step["name"] for step in action["runs"]["steps"] if "--format github" in step.get("run", "")
    )
    assert names.index(sarif) < names.index(gate)


def test_an_error_fails_the_job_with_annotations_and_a_sarif_file(action, workspace):
    # A folder and a report file with spaces in their names, next to a clean page.
    leaflets = workspace / "patient leaflets"
    leaflets.mkdir()
    (leaflets / "going home.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "clean.md").write_text(CLEAN_PAGE, encoding="utf-8")
    job = run_action(
        action,
        workspace,
        paths='"patient leaflets"\nclean.md',
        sarif_file="reports/plain language.sarif",
    )
    assert job.returncode == 1, job.stderr
    assert len(job.ran) == 2
    [annotation] = annotations(job.stdout)
    assert annotation.startswith("::error file=patient leaflets/going home.md,line=3,col=1,")
    assert "long-sentence" in annotation
    sarif = json.loads((workspace / "reports" / "plain language.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "long-sentence"


def test_fail_on_never_passes_but_still_annotates(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    job = run_action(action, workspace, fail_on="never")
    assert job.returncode == 0, job.stderr
    assert job.ran == ["Check for plain language"]  # no SARIF file asked for
    assert len(annotations(job.stdout)) == 1
    assert not list(workspace.glob("*.sarif"))


def test_a_clean_page_passes_with_the_default_inputs(action, workspace):
    (workspace / "page.md").write_text(CLEAN_PAGE, encoding="utf-8")
    job = run_action(action, workspace)
    assert job.returncode == 0, job.stderr
    assert annotations(job.stdout) == []


def test_paths_are_never_run_as_shell_code(action, workspace):
    job = run_action(action, workspace, paths="$(touch hacked) `touch hacked`; touch hacked")
    assert job.returncode == 2  # each word is only a file that does not exist
    assert "no such file" in job.stderr
    assert not (workspace / "hacked").exists()
    assert not (workspace.parent / "hacked").exists()


def test_paths_with_an_unclosed_quote_fail_instead_of_checking_everything(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    job = run_action(action, workspace, paths='"patient leaflets', fail_on="never")
    assert job.returncode != 0
    assert "::error" not in job.stdout


def test_the_gate_still_annotates_when_the_sarif_step_stops_on_an_unreadable_file(
    action, workspace
):
    (workspace / "long.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "bad.md").write_bytes(b"Caf\xe9\n")  # not UTF-8: exit 2 in every step
    job = run_action(action, workspace, sarif_file="out/plainlint.sarif")
    assert job.returncode == 2
    assert job.ran[-1] == "Check for plain language"
    assert any("file=long.md" in line for line in annotations(job.stdout))
