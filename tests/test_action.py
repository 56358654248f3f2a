"""action.yml: a composite GitHub Action whose scripts run here as the runner would run them.

The runner's own steps (actions/setup-python) and the pip install of the
action's folder are left out: plainlint is already installed in this Python.
Every other step runs with bash, with the inputs put into its `env:` the way
GitHub puts them there, and stops the job at the first step that fails.
A `plainlint` first on the PATH notes each time a step starts plainlint, and
with what arguments, then runs the real one.
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
BAD_PAGE = f"# Going home\n\n{LONG_SENTENCE}\n"  # one error: long-sentence
WARNING_PAGE = "# Going home\n\nPlease utilise the lift to go home.\n"  # one warning: plain-words
PLAINLINT = Path(sys.executable).parent / "plainlint"
NO_COMMIT = "0" * 40

# Stands in for plainlint on the PATH: notes its arguments, then runs the real one.
SHIM = """#!{python}
import json, os, sys
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


@dataclass
class Job:
    """What the action's steps did: the exit code of the last step run, and their output."""

    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    ran: list[str] = field(default_factory=list)
    calls: list[list[str]] = field(default_factory=list)  # plainlint's arguments, each run

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


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


def _runs(step: dict, inputs: dict[str, str], failed: bool) -> bool:
    """Whether GitHub would run the step; the install step (not run here) succeeds."""
    condition = step.get("if")
    if condition is None:
        return not failed
    condition = str(condition).strip()
    if match := INPUT_SET.match(condition):
        return not failed and inputs[match.group(1)] != ""
    raise AssertionError(f"this test does not understand the condition {condition!r}")


def _shim(folder: Path) -> Path:
    """A folder holding the `plainlint` that notes its calls in folder/calls.jsonl."""
    bin_folder = folder / "shim"
    bin_folder.mkdir(exist_ok=True)
    shim = bin_folder / "plainlint"
    log = str(folder / "calls.jsonl")
    shim.write_text(
        SHIM.format(python=sys.executable, log=log, real=str(PLAINLINT)), encoding="utf-8"
    )
    shim.chmod(0o755)
    return bin_folder


def run_action(action: dict, cwd: Path, environ: dict[str, str] | None = None, **given: str) -> Job:
    """Run the action's scripts in `cwd` with the given inputs (names with '_' for '-').

    `environ` adds variables the runner sets, such as GITHUB_EVENT_PATH.
    """
    inputs = _inputs(action, {name.replace("_", "-"): value for name, value in given.items()})
    shim = _shim(cwd.parent)
    calls = cwd.parent / "calls.jsonl"
    calls.unlink(missing_ok=True)
    job = Job()
    for step in action["runs"]["steps"]:
        if "uses" in step or step.get("id") == "install":
            continue
        if not _runs(step, inputs, failed=job.returncode != 0):
            continue
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("GITHUB_") and key != "PLAINLINT_CONFIG"
        }
        path = os.pathsep.join([str(shim), str(PLAINLINT.parent), env.get("PATH", "")])
        env["PATH"] = path
        env["GITHUB_ACTION_PATH"] = str(ROOT)
        env.update(environ or {})
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
    if calls.exists():
        job.calls = [json.loads(line) for line in calls.read_text("utf-8").splitlines()]
    return job


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty folder to stand for the checked-out repository."""
    folder = tmp_path / "workspace"
    folder.mkdir()
    return folder


def annotations(stdout: str) -> list[str]:
    """The notes on files, of every level."""
    return [
        line for line in stdout.splitlines() if re.match(r"::(error|warning|notice) file=", line)
    ]


def annotated_files(stdout: str) -> set[str]:
    return {re.match(r"::\w+ file=([^,]*),", line).group(1) for line in annotations(stdout)}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def site(workspace: Path) -> tuple[Path, str]:
    """A git repository with two pages with problems at the base commit, and a head
    commit that changes one of them: (workspace, base commit)."""
    git(workspace, "init", "-q")
    (workspace / "old.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "changed.md").write_text(BAD_PAGE, encoding="utf-8")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "base")
    base = git(workspace, "rev-parse", "HEAD")
    (workspace / "changed.md").write_text(BAD_PAGE + "\nYou can go home today.\n", "utf-8")
    git(workspace, "commit", "-q", "-am", "head")
    return workspace, base


def event(tmp_path: Path, name: str, payload: dict) -> dict[str, str]:
    """The variables GitHub sets for an event, with its JSON in a file."""
    path = tmp_path / "event.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return {"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": str(path)}


def test_a_composite_action_with_the_inputs(action):
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert inputs["paths"]["default"] == "."
    assert inputs["fail-on"]["default"] == ""
    assert inputs["sarif-file"]["default"] == ""
    assert inputs["config"]["default"] == ""
    assert inputs["baseline"]["default"] == ""
    assert inputs["args"]["default"] == ""
    assert inputs["changed-files"]["default"] == "false"
    assert inputs["summary"]["default"] == "true"
    assert inputs["python-version"]["default"] == "3.11"
    assert "10" in inputs["summary"]["description"]  # GitHub's limit on notes per step
    assert all(spec["required"] is False and spec["description"] for spec in inputs.values())
    steps = action["runs"]["steps"]
    setup = next(step for step in steps if "uses" in step)
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    install = next(step for step in steps if step.get("id") == "install")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
    assert steps.index(setup) < steps.index(install)


def test_inputs_reach_scripts_only_through_env(action):
    passed = set()
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], step["name"]
            for value in step.get("env", {}).values():
                passed.update(INPUT.findall(str(value)))
    assert passed == set(action["inputs"]) - {"python-version"}


def test_one_run_writes_annotations_sarif_and_summary(action, workspace, tmp_path):
    # A folder and a report file with spaces in their names, next to a clean page.
    leaflets = workspace / "patient leaflets"
    leaflets.mkdir()
    (leaflets / "going home.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "clean.md").write_text(CLEAN_PAGE, encoding="utf-8")
    summary = tmp_path / "step summary.md"
    job = run_action(
        action,
        workspace,
        environ={"GITHUB_STEP_SUMMARY": str(summary)},
        paths='"patient leaflets"\nclean.md',
        sarif_file="reports/plain language.sarif",
    )
    assert job.returncode == 1, job.stderr
    assert job.ran == ["Check for plain language"]
    [call] = job.calls  # plainlint started once for all three
    assert call[:1] == ["check"]
    assert "--sarif-file" in call
    assert f"markdown={summary}" in call
    [annotation] = annotations(job.stdout)
    assert annotation.startswith("::error file=patient leaflets/going home.md,line=3,col=1,")
    assert "long-sentence" in annotation
    sarif = json.loads((workspace / "reports" / "plain language.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "long-sentence"
    assert "going home.md" in summary.read_text("utf-8")


def test_the_summary_is_a_markdown_table(action, workspace, tmp_path):
    (workspace / "bad.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "warn.md").write_text(WARNING_PAGE, encoding="utf-8")
    summary = tmp_path / "summary.md"
    job = run_action(action, workspace, environ={"GITHUB_STEP_SUMMARY": str(summary)})
    assert job.returncode == 1, job.stderr
    lines = summary.read_text("utf-8").splitlines()
    assert lines[0].startswith("## ")
    assert "| File | Errors | Warnings | Info |" in lines
    assert "| --- | ---: | ---: | ---: |" in lines
    assert "| bad.md | 1 | 0 | 0 |" in lines
    assert "| warn.md | 0 | 1 | 0 |" in lines


def test_no_summary_when_turned_off_or_not_on_github(action, workspace, tmp_path):
    (workspace / "bad.md").write_text(BAD_PAGE, encoding="utf-8")
    summary = tmp_path / "summary.md"
    job = run_action(
        action, workspace, environ={"GITHUB_STEP_SUMMARY": str(summary)}, summary="false"
    )
    assert job.returncode == 1, job.stderr
    assert not summary.exists()
    job = run_action(action, workspace)  # no GITHUB_STEP_SUMMARY: not on a runner
    assert job.returncode == 1, job.stderr
    [call] = job.calls
    assert "--report" not in call
    assert len(annotations(job.stdout)) == 1


def test_fail_on_never_passes_but_still_annotates(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    job = run_action(action, workspace, fail_on="never")
    assert job.returncode == 0, job.stderr
    assert len(job.calls) == 1
    assert len(annotations(job.stdout)) == 1
    assert not list(workspace.glob("**/*.sarif"))  # no SARIF file asked for


def test_an_empty_fail_on_follows_the_settings_file(action, workspace):
    (workspace / "page.md").write_text(WARNING_PAGE, encoding="utf-8")
    job = run_action(action, workspace)
    assert job.returncode == 0, job.stderr  # a warning, and error is the default
    (workspace / "plainlint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    job = run_action(action, workspace)
    assert job.returncode == 1, job.stderr
    [call] = job.calls
    assert "--fail-on" not in call
    job = run_action(action, workspace, fail_on="error")  # the input wins over the file
    assert job.returncode == 0, job.stderr


def test_the_config_input_names_the_settings_file(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    settings = workspace / "team settings" / "plainlint.yaml"
    settings.parent.mkdir()
    settings.write_text("rules:\n  long-sentence:\n    enabled: false\n", encoding="utf-8")
    job = run_action(action, workspace, config="team settings/plainlint.yaml")
    assert job.returncode == 0, job.stderr
    assert annotations(job.stdout) == []
    assert run_action(action, workspace).returncode == 1  # the page fails without it


def test_the_baseline_input_hides_old_problems(action, workspace):
    (workspace / "old.md").write_text(BAD_PAGE, encoding="utf-8")
    subprocess.run(
        [str(PLAINLINT), "check", "--write-baseline", "old problems.json"],
        cwd=workspace,
        capture_output=True,
        check=True,
    )
    job = run_action(action, workspace, baseline="old problems.json")
    assert job.returncode == 0, job.stderr
    assert annotations(job.stdout) == []
    (workspace / "new.md").write_text(BAD_PAGE, encoding="utf-8")
    job = run_action(action, workspace, baseline="old problems.json")
    assert job.returncode == 1, job.stderr
    assert annotated_files(job.stdout) == {"new.md"}


def test_args_are_split_like_a_shell(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE + "\n" + WARNING_PAGE, encoding="utf-8")
    job = run_action(
        action,
        workspace,
        args='--select plain-words,long-sentence --ignore long-sentence\n--cache-dir "my cache"',
    )
    assert job.returncode == 0, job.stderr  # the long sentence is not checked
    [call] = job.calls
    assert call[1:8] == [
        "--select",
        "plain-words,long-sentence",
        "--ignore",
        "long-sentence",
        "--cache-dir",
        "my cache",
        "--format",
    ]
    [annotation] = annotations(job.stdout)
    assert "plain-words" in annotation
    assert (workspace / "my cache").is_dir()


def test_a_clean_page_passes_with_the_default_inputs(action, workspace):
    (workspace / "page.md").write_text(CLEAN_PAGE, encoding="utf-8")
    job = run_action(action, workspace)
    assert job.returncode == 0, job.stderr
    assert annotations(job.stdout) == []


@pytest.mark.parametrize("name", ["paths", "args", "config", "baseline", "sarif_file"])
def test_inputs_are_never_run_as_shell_code(action, workspace, name):
    (workspace / "page.md").write_text(CLEAN_PAGE, encoding="utf-8")
    job = run_action(action, workspace, **{name: "$(touch hacked) `touch hacked`; touch hacked"})
    assert not (workspace / "hacked").exists()
    assert not (workspace.parent / "hacked").exists()
    if name != "sarif_file":  # a SARIF file may have any name
        assert job.returncode == 2  # each is only a file name or word that does not work


def test_paths_with_an_unclosed_quote_fail_instead_of_checking_everything(action, workspace):
    (workspace / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    job = run_action(action, workspace, paths='"patient leaflets', fail_on="never")
    assert job.returncode == 2
    assert job.calls == []
    assert "cannot split the paths input" in job.stderr
    assert "Traceback" not in job.stderr


def test_the_one_run_still_annotates_and_writes_sarif_beside_an_unreadable_file(action, workspace):
    (workspace / "long.md").write_text(BAD_PAGE, encoding="utf-8")
    (workspace / "bad.md").write_bytes(b"Caf\xe9\n")  # not UTF-8: exit 2
    job = run_action(action, workspace, sarif_file="out/plainlint.sarif")
    assert job.returncode == 2
    assert len(job.calls) == 1
    assert any("file=long.md" in line for line in annotations(job.stdout))
    sarif = json.loads((workspace / "out" / "plainlint.sarif").read_text("utf-8"))
    assert [result["ruleId"] for result in sarif["runs"][0]["results"]] == ["long-sentence"]


@pytest.mark.parametrize("name", ["pull_request", "pull_request_target", "push"])
def test_changed_files_checks_only_the_pages_the_change_touches(action, site, tmp_path, name):
    workspace, base = site
    if name == "push":
        payload = {"before": base, "after": git(workspace, "rev-parse", "HEAD")}
    else:
        payload = {"pull_request": {"base": {"sha": base}, "head": {"sha": "f" * 40}}}
    job = run_action(action, workspace, event(tmp_path, name, payload), changed_files="true")
    assert job.returncode == 1, job.stderr
    assert annotated_files(job.stdout) == {"changed.md"}
    [call] = job.calls
    assert call[call.index("--changed-since") + 1] == base
    job = run_action(action, workspace, event(tmp_path, name, payload))  # changed-files: false
    assert annotated_files(job.stdout) == {"changed.md", "old.md"}


def test_changed_files_passes_when_no_page_changed(action, site, tmp_path):
    workspace, _ = site
    head = git(workspace, "rev-parse", "HEAD")
    payload = {"pull_request": {"base": {"sha": head}}}
    job = run_action(action, workspace, event(tmp_path, "pull_request", payload), changed_files="1")
    assert job.returncode == 2  # "1" is not true or false
    assert "changed-files input must be true or false" in job.stderr
    job = run_action(
        action, workspace, event(tmp_path, "pull_request", payload), changed_files="true"
    )
    assert job.returncode == 0, job.stderr
    assert annotations(job.stdout) == []
    assert f"have changed since {head}" in job.stderr


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("push", {"before": NO_COMMIT, "after": "a" * 40}, "new branch"),
        ("workflow_dispatch", {"inputs": {}}, "'workflow_dispatch'"),
        ("pull_request", {"pull_request": {"base": {}}}, "does not name"),
    ],
)
def test_changed_files_checks_everything_when_there_is_nothing_to_compare_with(
    action, site, tmp_path, name, payload, reason
):
    workspace, _ = site
    job = run_action(action, workspace, event(tmp_path, name, payload), changed_files="true")
    assert job.returncode == 1, job.stderr
    assert annotated_files(job.stdout) == {"changed.md", "old.md"}
    [call] = job.calls
    assert "--changed-since" not in call
    [line] = job.stderr.splitlines()
    assert "checking every file in paths" in line
    assert reason in line


def test_changed_files_checks_everything_without_an_event_file(action, site, tmp_path):
    workspace, _ = site
    missing = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(tmp_path / "no")}
    job = run_action(action, workspace, missing, changed_files="true")
    assert annotated_files(job.stdout) == {"changed.md", "old.md"}
    [line] = job.stderr.splitlines()
    assert "checking every file in paths, because there is no event file" in line


def test_a_base_commit_that_cannot_be_fetched_fails_with_one_clear_line(action, site, tmp_path):
    workspace, _ = site  # no "origin" remote to fetch from
    gone = "1234567890abcdef1234567890abcdef12345678"
    payload = {"pull_request": {"base": {"sha": gone}}}
    job = run_action(
        action, workspace, event(tmp_path, "pull_request", payload), changed_files="true"
    )
    assert job.returncode == 2
    assert job.calls == []
    [line] = job.output.splitlines()
    assert line.startswith("::error")
    assert gone in line
    assert "fetch-depth: 0" in line


def test_a_base_commit_missing_from_a_shallow_clone_is_fetched(action, site, tmp_path):
    origin, base = site
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))
    with pytest.raises(subprocess.CalledProcessError):
        git(clone, "cat-file", "-e", f"{base}^{{commit}}")  # as actions/checkout leaves it
    payload = {"pull_request": {"base": {"sha": base}}}
    job = run_action(action, clone, event(tmp_path, "pull_request", payload), changed_files="true")
    assert job.returncode == 1, job.output
    assert annotated_files(job.stdout) == {"changed.md"}
    git(clone, "cat-file", "-e", f"{base}^{{commit}}")


# --- the README's workflow, as written ------------------------------------------------------


def _readme_workflow_inputs() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"^```yaml\n(.*?)^```$", readme, re.MULTILINE | re.DOTALL):
        if "uses: plainlint/plainlint@" in block:
            workflow = yaml.safe_load(block)
            steps = workflow["jobs"]["plainlint"]["steps"]
            [step] = [s for s in steps if s.get("uses", "").startswith("plainlint/plainlint@")]
            return {key: str(value) for key, value in step["with"].items()}
    raise AssertionError("the README has no workflow that uses the action")


@pytest.mark.parametrize("name", ["pull_request", "push"])
def test_the_readme_workflow_on_an_existing_site_reports_only_new_problems(
    action, workspace, tmp_path, name
):
    """The README's route: record a baseline, name it in plainlint.yaml, then run the
    workflow's step with its inputs as written."""
    given = _readme_workflow_inputs()
    assert set(given) <= set(action["inputs"])
    git(workspace, "init", "-q")
    (workspace / given["paths"]).mkdir()
    for page in ("a.md", "b.md"):
        (workspace / given["paths"] / page).write_text(BAD_PAGE, encoding="utf-8")
    recorded = subprocess.run(
        [str(PLAINLINT), "check", "--write-baseline", "plainlint-baseline.json"],
        cwd=workspace,
        capture_output=True,
        text=True,
    )
    assert recorded.returncode == 0, recorded.stderr
    (workspace / "plainlint.yaml").write_text("baseline: plainlint-baseline.json\n", "utf-8")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "pages and their baseline")
    base = git(workspace, "rev-parse", "HEAD")
    new = BAD_PAGE + "\n" + BAD_PAGE.split("\n\n", 1)[1].replace("Please", "Now")
    (workspace / given["paths"] / "b.md").write_text(new, encoding="utf-8")
    git(workspace, "commit", "-q", "-am", "a new long sentence")

    payload = (
        {"pull_request": {"base": {"sha": base}}} if name == "pull_request" else {"before": base}
    )
    expression = "${{ github.event_name == 'pull_request' }}"
    inputs = {
        key: ("true" if name == "pull_request" else "false") if value == expression else value
        for key, value in given.items()
    }
    job = run_action(
        action,
        workspace,
        event(tmp_path, name, payload),
        **{k.replace("-", "_"): v for k, v in inputs.items()},
    )
    assert job.returncode == 1, job.stderr  # the new long sentence is an error
    notes = annotations(job.stdout)
    assert len(notes) == 1 and "b.md,line=5," in notes[0], notes
    sarif = json.loads((workspace / given["sarif-file"]).read_text("utf-8"))
    assert len(sarif["runs"][0]["results"]) == 1
    assert len(job.calls) == 1
