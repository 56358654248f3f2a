"""One version everywhere: the package, `plainlint --version`, the README's recipes,
the change log and the release's git tag; and the GitLab recipe, run as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli

from plainlint import __version__

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Where a recipe names a release: pre-commit's rev, an action's @ref, pip's @ref.
PINNED = re.compile(r"(?:rev: |plainlint/plainlint@|plainlint\.git@|plainlint@)(v[\w.]+)")
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_the_readme_recipes_pin_the_package_version():
    pinned = PINNED.findall(README)
    assert len(pinned) >= 5, "the pre-commit, GitHub and GitLab recipes each name a release"
    assert set(pinned) == {f"v{__version__}"}


def test_the_command_says_the_package_version():
    assert run_cli("--version").stdout.strip() == f"plainlint, version {__version__}"


def test_the_change_log_starts_with_this_version():
    changes = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## (\d+\.\d+\.\d+) \(", changes, re.MULTILINE)
    assert releases[0] == __version__
    assert len(releases) == len(set(releases))


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_each_release_tag_is_annotated_and_holds_its_own_version():
    """A checkout without tags (a download, a shallow clone) has nothing to check."""
    listed = _git("tag", "--list", "v*")
    if listed.returncode != 0 or not listed.stdout.split():
        pytest.skip("this checkout has no release tags")
    for tag in listed.stdout.split():
        kind = _git("cat-file", "-t", tag).stdout.strip()
        assert kind == "tag", f"{tag} must be an annotated tag (git tag -a)"
        source = _git("show", f"{tag}:plainlint/__init__.py").stdout
        assert f'__version__ = "{tag[1:]}"' in source, f"{tag} does not hold version {tag[1:]}"


# --- the GitLab recipe --------------------------------------------------------------------


def _gitlab_job() -> dict:
    for block in YAML_BLOCK.findall(README):
        if block.startswith("---"):
            continue  # a page's front matter
        data = yaml.safe_load(block)
        if isinstance(data, dict) and "script" in data.get("plainlint", {}):
            return data["plainlint"]
    raise AssertionError("the README has no GitLab job called plainlint")


@pytest.mark.parametrize("fail_on", ["", "warning"])
def test_the_gitlab_recipe_writes_both_reports_in_one_run(tmp_path, fail_on):
    """The job's commands run as GitLab runs them, in a site with one warning and
    one error; only the install line is left out: plainlint is installed here."""
    job = _gitlab_job()
    install, *commands = job["script"]
    assert install == f'pip install "git+https://github.com/plainlint/plainlint@v{__version__}"'
    (tmp_path / "leaflets").mkdir()
    long = " ".join(["Please", *["word"] * 38]) + "."
    (tmp_path / "leaflets" / "ramp.md").write_text(f"# Ramp\n\nPlease utilise the ramp. {long}\n")
    if fail_on:
        (tmp_path / "plainlint.yaml").write_text(f"fail_on: {fail_on}\n")
    plainlint = Path(sys.executable).parent / "plainlint"
    script = "set -e\n" + "\n".join(
        shlex.join([str(plainlint), *shlex.split(command)[1:]])
        for command in commands
        if command.startswith("plainlint ")
    )
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # an error stops the job
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    quality = json.loads((tmp_path / reports["codequality"]).read_text())
    assert {(issue["check_name"], issue["severity"]) for issue in quality} == {
        ("plain-words", "minor"),
        ("long-sentence", "major"),
    }
    assert {issue["location"]["path"] for issue in quality} == {"leaflets/ramp.md"}
    cases = list(ET.parse(tmp_path / reports["junit"]).getroot().iter("testcase"))
    failed = sorted(
        case.get("name").split()[-1] for case in cases if case.find("failure") is not None
    )
    assert failed == (["long-sentence", "plain-words"] if fail_on else ["long-sentence"])
