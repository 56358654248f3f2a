""".pre-commit-hooks.yaml: the real pre-commit framework runs this checkout's hook.

`pre-commit try-repo` builds the hook's own environment from this checkout, the
way a user gets it: a new virtualenv, with plainlint and its dependencies
installed from the package registry. It always builds in a throwaway folder of
its own, so that build is paid once, by the `try_repo` fixture.

The commit test then installs the config that try-repo printed as a real git
hook, in a second repository. That hook builds its environment in a
PRE_COMMIT_HOME of this test run, reusing the dependencies this Python already
has, so the second build only installs plainlint itself.

try-repo runs on a snapshot of the working tree, committed to a repository of
its own: on the checkout itself it would leave out new files that are not yet
staged, such as a new module.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_working_tree

from plainlint import __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed: pip install -e '.[test]'",
    ),
]

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
LONG_SENTENCE = " ".join(["Please", *["word"] * 38]) + "."
CLEAN_PAGE = "# Going home\n\nYou can go home today.\n"
BAD_PAGE = f"# Going home\n\n{LONG_SENTENCE}\n"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """The environment for git and pre-commit: none of the user's git settings or caches."""
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "VIRTUALENV_SYSTEM_SITE_PACKAGES"
    }
    return {
        **keep,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
    }


def new_repository(path: Path, env: dict[str, str]) -> Path:
    path.mkdir()
    git(path, env, "init", "--quiet")
    git(path, env, "config", "user.name", "Test Editor")
    git(path, env, "config", "user.email", "editor@example.org")
    git(path, env, "config", "commit.gpgsign", "false")
    return path


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, env) -> Path:
    """This checkout's working tree, as it is on disk, committed to a repository of its own."""
    snapshot = new_repository(tmp_path_factory.mktemp("checkout") / "plainlint", env)
    copy_working_tree(snapshot)
    git(snapshot, env, "add", "--all")
    git(snapshot, env, "commit", "--quiet", "--message", "Snapshot of the working tree")
    return snapshot


def stage_pages(repository: Path, env: dict[str, str], page: str) -> None:
    """A page to check, and a LICENSE file: identify calls it plain text too."""
    (repository / "leaflet.md").write_text(page, encoding="utf-8")
    (repository / "LICENSE").write_text(f"{LONG_SENTENCE}\n", encoding="utf-8")
    git(repository, env, "add", "leaflet.md", "LICENSE")


@pytest.fixture(scope="module")
def try_repo(tmp_path_factory, env, checkout):
    """`pre-commit try-repo` on staged files with an error: the one full environment build."""
    project = new_repository(tmp_path_factory.mktemp("try-repo") / "project", env)
    stage_pages(project, env, BAD_PAGE)
    (project / "clean.md").write_text(CLEAN_PAGE, encoding="utf-8")
    git(project, env, "add", "clean.md")
    done = run([*PRE_COMMIT, "try-repo", str(checkout), "plainlint"], project, env)
    # try-repo prints the config it made between two lines of '=' signs.
    parts = done.stdout.split("=" * 79)
    assert len(parts) >= 4, done.stdout + done.stderr
    config = yaml.safe_load(parts[2])
    return project, done, config


def test_try_repo_fails_on_an_error_level_finding(try_repo):
    _, done, _ = try_repo
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Installing environment" in output
    assert "plainlint (plain language)" in output and "Failed" in output
    assert "leaflet.md:3:1: error long-sentence" in output
    assert "clean.md" not in output.split("Failed", 1)[1]  # checked, with nothing to report
    assert "LICENSE" not in output  # plainlint does not read files with no extension


def test_try_repo_config_names_this_checkout(try_repo, checkout, env):
    project, _, config = try_repo
    [repo] = config["repos"]
    assert (project / repo["repo"]).resolve() == checkout.resolve()
    assert repo["rev"] == git(checkout, env, "rev-parse", "HEAD")
    assert repo["hooks"] == [{"id": "plainlint"}]


def test_the_hook_blocks_a_commit_with_an_error_and_allows_a_clean_one(
    try_repo, checkout, env, tmp_path
):
    """The config try-repo made, installed as a git hook: `git commit` runs plainlint."""
    _, _, config = try_repo
    config["repos"][0]["repo"] = str(checkout)
    project = new_repository(tmp_path / "project", env)
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(project, env, "add", ".pre-commit-config.yaml")
    git(project, env, "commit", "--quiet", "--message", "Add the plainlint hook")
    installed = run([*PRE_COMMIT, "install"], project, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    start = git(project, env, "rev-parse", "HEAD")
    # Reuse this Python's dependencies: try-repo has shown that they install.
    hook_env = env | {"VIRTUALENV_SYSTEM_SITE_PACKAGES": "1"}

    stage_pages(project, hook_env, BAD_PAGE)
    blocked = run(["git", "commit", "--message", "A long sentence"], project, hook_env)
    assert blocked.returncode != 0
    assert "leaflet.md:3:1: error long-sentence" in blocked.stdout + blocked.stderr
    assert git(project, env, "rev-parse", "HEAD") == start

    stage_pages(project, hook_env, CLEAN_PAGE)
    allowed = run(["git", "commit", "--message", "Short sentences"], project, hook_env)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "plainlint (plain language)" in allowed.stderr and "Passed" in allowed.stderr
    assert git(project, env, "rev-parse", "HEAD~1") == start
    committed = git(project, env, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(committed) == ["LICENSE", "leaflet.md"]
    # The hook's environment is in this test run's PRE_COMMIT_HOME, not the user's cache.
    assert list(Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*"))


def _readme_config(hook: str) -> dict:
    """The README's pre-commit config that uses this hook id."""
    readme = Path(__file__).resolve().parents[1] / "README.md"
    for block in re.findall(r"^```yaml\n(.*?)^```$", readme.read_text("utf-8"), re.M | re.S):
        if "repos:" in block and f"id: {hook}" in block:
            return yaml.safe_load(block)
    raise AssertionError(f"the README has no pre-commit config with the hook {hook}")


def test_the_readme_recipe_with_both_hooks_shows_warnings_and_stops_only_errors(
    try_repo, checkout, env, tmp_path
):
    """The README's config as written, but for this checkout, at the release tag it names."""
    config = _readme_config("plainlint-advice")
    [repo] = config["repos"]
    assert repo["rev"] == f"v{__version__}"
    assert [hook["id"] for hook in repo["hooks"]] == ["plainlint", "plainlint-advice"]
    if not git(checkout, env, "tag", "--list", repo["rev"]):
        git(checkout, env, "tag", "-a", repo["rev"], "-m", f"plainlint {__version__}")
    repo["repo"] = str(checkout)
    project = new_repository(tmp_path / "project", env)
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "leaflet.md").write_text("# Ramp\n\nPlease utilise the ramp.\n", encoding="utf-8")
    git(project, env, "add", ".")
    hook_env = env | {"VIRTUALENV_SYSTEM_SITE_PACKAGES": "1"}

    warned = run([*PRE_COMMIT, "run", "--all-files"], project, hook_env)
    output = warned.stdout + warned.stderr
    assert warned.returncode == 0, output
    assert "leaflet.md:3:8: warning plain-words" in output  # shown by the advice hook
    assert output.count("Passed") == 2

    stage_pages(project, hook_env, BAD_PAGE)
    stopped = run([*PRE_COMMIT, "run", "--all-files"], project, hook_env)
    output = stopped.stdout + stopped.stderr
    assert stopped.returncode == 1, output
    assert "leaflet.md:3:1: error long-sentence" in output
    assert output.count("Failed") == 1 and output.count("Passed") == 1


def test_the_hook_with_fix_changes_the_page_and_stops_the_commit(try_repo, checkout, env, tmp_path):
    """`args: [--fix]` as the README says: the safe fix is made, and pre-commit stops the
    commit because a file changed, so the writer can read the change first."""
    _, _, config = try_repo
    config["repos"][0]["repo"] = str(checkout)
    config["repos"][0]["hooks"] = [{"id": "plainlint", "args": ["--fix"]}]
    project = new_repository(tmp_path / "project", env)
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "leaflet.md").write_text("# Ramp\n\nPlease utilise the ramp.\n", encoding="utf-8")
    git(project, env, "add", ".")
    hook_env = env | {"VIRTUALENV_SYSTEM_SITE_PACKAGES": "1"}

    fixed = run([*PRE_COMMIT, "run", "--all-files"], project, hook_env)
    output = fixed.stdout + fixed.stderr
    assert fixed.returncode == 1, output
    assert "files were modified by this hook" in output
    assert (project / "leaflet.md").read_text(
        encoding="utf-8"
    ) == "# Ramp\n\nPlease use the ramp.\n"

    git(project, env, "add", "leaflet.md")
    again = run([*PRE_COMMIT, "run", "--all-files"], project, hook_env)
    assert again.returncode == 0, again.stdout + again.stderr
