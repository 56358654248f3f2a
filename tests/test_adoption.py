"""Putting plainlint into a content repository: settings for each file, the gate in the
settings file, reports written in one run, colour, and checking only what changed."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import json_output, run_cli

SELECT = ("--select", "plain-words")
PAGE = "# Getting here\n\nPlease utilise the ramp.\n"  # one plain-words warning


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with a site whose leaflets folder is a project of its own."""
    root = (tmp_path / "repo").resolve()
    (root / "site" / "leaflets").mkdir(parents=True)
    (root / "site" / "index.md").write_text(PAGE)
    (root / "site" / "leaflets" / "ramp.md").write_text(PAGE)
    # The leaflets' own settings make the same word an error.
    (root / "site" / "leaflets" / "plainlint.yaml").write_text(
        "rules:\n  plain-words:\n    severity: error\n"
    )
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    monkeypatch.chdir(root)
    return root


def _git(root: Path, *args: str) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        ["git", *args], cwd=root, env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout


def by_name(result) -> dict[str, list[str]]:
    """Each file's findings' severities, by "name:folder"."""
    return {
        f"{Path(entry['path']).name}:{Path(entry['path']).resolve().parent.name}": [
            finding["severity"] for finding in entry["findings"]
        ]
        for entry in json_output(result)["files"]
    }


# --- each file follows the nearest settings file ----------------------------------------


def test_each_file_follows_the_nearest_settings_file_from_any_folder(repo, monkeypatch):
    expected = {"index.md:site": ["warning"], "ramp.md:leaflets": ["error"]}
    assert by_name(run_cli("check", "--format", "json", *SELECT, "site")) == expected
    monkeypatch.chdir(repo / "site" / "leaflets")
    assert by_name(run_cli("check", "--format", "json", *SELECT, "..")) == expected
    monkeypatch.chdir(repo / "site")
    assert by_name(run_cli("check", "--format", "json", *SELECT, "leaflets/ramp.md")) == {
        "ramp.md:leaflets": ["error"]
    }


def test_stdin_filename_uses_the_settings_of_the_named_paths_project(repo):
    from click.testing import CliRunner

    from plainlint.cli import main

    def run(name: str) -> list[str]:
        result = CliRunner().invoke(
            main, ["check", "--format", "json", *SELECT, "-", "--stdin-filename", name], input=PAGE
        )
        return [f["severity"] for f in json_output(result)["files"][0]["findings"]]

    assert run("site/leaflets/new.md") == ["error"]
    assert run("site/new.md") == ["warning"]


def test_config_shows_which_settings_file_applies(repo):
    leaflet = run_cli("config", "site/leaflets/ramp.md").stdout.splitlines()
    assert f"#   from {repo / 'site' / 'leaflets' / 'plainlint.yaml'}" in leaflet
    page = run_cli("config", "site/index.md").stdout.splitlines()
    assert not any("plainlint.yaml" in line for line in page)


def test_config_option_and_plainlint_config_apply_one_file_to_every_page(repo, monkeypatch):
    (repo / "strict.yaml").write_text("rules:\n  plain-words:\n    severity: info\n")
    everything = {"index.md:site": ["info"], "ramp.md:leaflets": ["info"]}
    result = run_cli("check", "--format", "json", *SELECT, "--config", "strict.yaml", "site")
    assert by_name(result) == everything
    monkeypatch.setenv("PLAINLINT_CONFIG", str(repo / "strict.yaml"))
    assert by_name(run_cli("check", "--format", "json", *SELECT, "site")) == everything


# --- fail_on and baseline in the settings file ------------------------------------------


def test_fail_on_in_the_settings_file_sets_the_gate_and_the_command_line_wins(repo):
    assert run_cli("check", *SELECT, "site/index.md").exit_code == 0  # a warning
    (repo / "plainlint.yaml").write_text("fail_on: warning\n")
    assert run_cli("check", *SELECT, "site/index.md").exit_code == 1
    assert run_cli("check", *SELECT, "--fail-on", "never", "site/index.md").exit_code == 0


def test_a_wrong_fail_on_is_one_line_naming_the_file(repo):
    (repo / "plainlint.yaml").write_text("fail_on: warnings\n")
    result = run_cli("check", *SELECT, "site/index.md")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "plainlint.yaml, line 1: fail_on must be one of error, warning, info, never" in (
        result.stderr
    )


def test_baseline_in_the_settings_file_is_relative_to_it(repo, monkeypatch):
    (repo / "site" / "leaflets" / "plainlint.yaml").unlink()  # one project: the repository
    (repo / "plainlint.yaml").write_text("fail_on: warning\nbaseline: ci/known.json\n")
    (repo / "ci").mkdir()
    missing = run_cli("check", *SELECT, "site/index.md")
    assert missing.exit_code == 2
    assert "record it with: plainlint check . --write-baseline ci/known.json" in missing.stderr
    assert run_cli("check", *SELECT, "--write-baseline", "ci/known.json", "site").exit_code == 0
    monkeypatch.chdir(repo / "site")  # the same project from a folder below
    assert run_cli("check", *SELECT, ".").exit_code == 0
    shown = run_cli("check", *SELECT, "--no-baseline", ".")
    assert shown.exit_code == 1
    assert "Found 2 problems" in shown.stdout


def test_each_project_has_its_own_baseline_and_fail_on_from_any_folder(repo, monkeypatch):
    """The leaflets folder records its own baseline and fails on warnings; the site around
    it does neither. Each page gets its own project's gate wherever plainlint runs from,
    and on standard input too."""
    leaflets = repo / "site" / "leaflets"
    (leaflets / "plainlint.yaml").write_text("fail_on: warning\nbaseline: known.json\n")
    monkeypatch.chdir(leaflets)
    assert run_cli("check", *SELECT, "--write-baseline", "known.json", ".").exit_code == 0
    (leaflets / "new.md").write_text(PAGE)  # a new warning: fails this project
    for folder, pages in [(repo, "site"), (repo / "site", "."), (leaflets, "..")]:
        monkeypatch.chdir(folder)
        result = run_cli("check", "--format", "json", *SELECT, pages)
        assert by_name(result) == {
            "index.md:site": ["warning"],  # no baseline, and warnings do not fail
            "new.md:leaflets": ["warning"],
            "ramp.md:leaflets": [],  # hidden by the leaflets' baseline
        }, folder
        assert result.exit_code == 1, folder
        alone = run_cli("check", *SELECT, str(repo / "site" / "index.md"))
        assert alone.exit_code == 0, folder

    from click.testing import CliRunner

    from plainlint.cli import main

    monkeypatch.chdir(repo.parent)  # an editor sends the page from anywhere
    name = str(leaflets / "ramp.md")
    piped = CliRunner().invoke(main, ["check", *SELECT, "-", "--stdin-filename", name], input=PAGE)
    assert (piped.exit_code, piped.stdout.strip()) == (0, "No problems found in 1 file.")
    changed = PAGE + "\nPlease utilise the lift.\n"
    piped = CliRunner().invoke(
        main, ["check", *SELECT, "-", "--stdin-filename", name], input=changed
    )
    assert piped.exit_code == 1, piped.stdout  # the new warning fails the leaflets' gate


def test_prune_cannot_go_with_select_or_write_baseline(repo):
    for args in (
        ["--select", "plain-words"],
        ["--ignore", "jargon"],
        ["--write-baseline", "b.json"],
    ):
        result = run_cli("check", "--prune-baseline", *args, "site")
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1


def test_two_reports_cannot_share_a_file(repo):
    result = run_cli("check", "--output-file", "a.sarif", "--sarif-file", "./a.sarif", "site")
    assert result.exit_code == 2
    assert "two of them name the same file" in result.stderr
    assert not (repo / "a.sarif").exists()


# --- reports ------------------------------------------------------------------------------


def test_one_run_writes_the_output_file_and_other_reports(repo):
    result = run_cli(
        "check",
        *SELECT,
        "--format",
        "github",
        "--output-file",
        "notes.txt",
        "--sarif-file",
        "out/plainlint.sarif",
        "--report",
        "junit=plainlint.xml",
        "site",
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [line[:9] for line in (repo / "notes.txt").read_text().splitlines()] == [
        "::warning",
        "::error f",
    ]
    sarif = json.loads((repo / "out" / "plainlint.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == 2
    cases = ET.parse(repo / "plainlint.xml").getroot().iter("testcase")
    assert sum(case.find("failure") is not None for case in cases) == 1  # the error only


@pytest.mark.parametrize(
    ("value", "said"),
    [("junit", "write FORMAT=FILE"), ("pdf=a.pdf", "unknown format 'pdf'")],
)
def test_a_mistake_in_report_is_a_usage_error(repo, value, said):
    result = run_cli("check", "--report", value, "site")
    assert result.exit_code == 2
    assert said in result.stderr


def test_an_output_file_that_cannot_be_written_is_one_line(repo):
    result = run_cli("check", *SELECT, "--output-file", "site/index.md/notes.txt", "site")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "plainlint: site/index.md/notes.txt: cannot write the report here"
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "environment", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ([], {}, False),  # not a screen
        (["--colour", "always"], {"NO_COLOR": "1"}, True),
    ],
)
def test_colour_follows_the_option_then_no_color_then_force_color(
    repo, monkeypatch, args, environment, coloured
):
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = run_cli("check", *SELECT, *args, "site/index.md")
    assert ("\x1b[" in result.stdout) is coloured


def test_nothing_to_check_says_so_and_exits_0(repo):
    (repo / "empty").mkdir()
    result = run_cli("check", "empty")
    assert result.exit_code == 0
    assert result.stderr == "No Markdown, HTML or text files found under empty.\n"


# --- only what changed --------------------------------------------------------------------


def test_changed_since_checks_only_the_files_changed_since_the_commit(repo):
    _git(repo, "checkout", "-q", "-b", "edit")
    (repo / "site" / "leaflets" / "ramp.md").write_text(PAGE + "\nWe utilise texts.\n")
    (repo / "site" / "new.md").write_text(PAGE)  # not committed yet: still a change
    (repo / "notes.py").write_text("x = 1\n")  # changed, but not a page
    result = run_cli("check", "--format", "json", *SELECT, "--changed-since", "main", ".")
    assert sorted(by_name(result)) == ["new.md:site", "ramp.md:leaflets"]
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "edit")
    committed = run_cli("check", "--format", "json", *SELECT, "--changed-since", "main", "site")
    assert sorted(by_name(committed)) == ["new.md:site", "ramp.md:leaflets"]


def test_changed_since_with_nothing_changed_says_so(repo):
    result = run_cli("check", "--changed-since", "HEAD", "site")
    assert result.exit_code == 0
    assert result.stderr == (
        "No Markdown, HTML or text files under site have changed since HEAD.\n"
    )


# --- explain, init and rules --------------------------------------------------------------


def test_explain_says_when_a_project_glossary_switched_a_word_off(repo):
    (repo / "plainlint.yaml").write_text("glossary:\n  - words.yaml\n")
    (repo / "words.yaml").write_text("entries:\n  - term: biopsy\n    ignore: true\n")
    result = run_cli("explain", "biopsy")
    assert result.exit_code == 1
    assert result.stdout.startswith("“biopsy” is in the built-in glossary, but ")
    assert "words.yaml switches it off (ignore: true)" in result.stdout


def test_rules_shows_the_projects_severity_and_the_other_levels(repo):
    (repo / "plainlint.yaml").write_text(
        "rules:\n  plain-words:\n    severity: error\n  jargon:\n    enabled: false\n"
    )
    lines = run_cli("rules").stdout.splitlines()
    assert any(line.split()[:2] == ["plain-words", "error"] for line in lines)
    assert any(line.split()[:2] == ["jargon", "off"] for line in lines)
    below = lines[[line.split()[0] for line in lines].index("long-sentence") + 1]
    assert below.strip() == "Some findings are error: a sentence longer than error_words."


@pytest.mark.parametrize("ref", ["--output=stolen.txt", "-p", "no-such-branch"])
def test_changed_since_takes_only_a_commit(repo, ref):
    result = run_cli("check", f"--changed-since={ref}", "site")
    assert result.exit_code == 2
    assert result.stderr == (
        f"plainlint: --changed-since: '{ref}' is not a commit or branch in this repository\n"
    )
    assert not (repo / "stolen.txt").exists()


def test_changed_since_outside_a_repository_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(PAGE)
    result = run_cli("check", "--changed-since", "main", "a.md")
    assert result.exit_code == 2
    assert result.stderr == "plainlint: --changed-since: this folder is not in a git repository\n"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--fail-on", "bogus"],
        ["check", "--color", "sometimes"],
        ["check", "--jobs", "0"],
        ["check", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_a_usage_mistake_is_one_line(repo, args):
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("plainlint: ") and result.stderr.count("\n") == 1
    assert "Usage:" not in result.stderr


def test_a_named_file_the_settings_leave_out_says_why(repo):
    (repo / "plainlint.yaml").write_text('exclude: ["drafts/"]\n')
    (repo / "drafts").mkdir()
    (repo / "drafts" / "p.md").write_text(PAGE)
    result = run_cli("check", "drafts/p.md")
    assert result.exit_code == 0
    assert result.stderr == (
        "plainlint did not check drafts/p.md: an 'exclude' pattern in the settings matches it.\n"
    )


def test_a_missing_file_in_plainlint_config_says_where_the_name_came_from(repo, monkeypatch):
    monkeypatch.setenv("PLAINLINT_CONFIG", "nope.yaml")
    result = run_cli("check", "site")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: PLAINLINT_CONFIG names the settings file nope.yaml, which does not exist\n"
    )


def test_a_missing_baseline_of_a_folder_says_to_record_that_folder(repo):
    leaflets = repo / "site" / "leaflets"
    (leaflets / "plainlint.yaml").write_text("baseline: known.json\n")
    result = run_cli("check", "site")
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith(
        "record it with: plainlint check site/leaflets --write-baseline site/leaflets/known.json"
    )


def test_prune_drops_entries_of_pages_that_use_another_baseline(repo):
    """A baseline recorded over the whole site also holds the leaflets' pages, which
    follow their own folder's baseline: pruning takes them out."""
    (repo / "plainlint.yaml").write_text("baseline: all.json\n")
    assert run_cli("check", *SELECT, "--write-baseline", "all.json", "site").exit_code == 0
    leaflets = repo / "site" / "leaflets"
    (leaflets / "plainlint.yaml").write_text("baseline: known.json\n")
    run_cli("check", *SELECT, "--write-baseline", "site/leaflets/known.json", "site/leaflets")
    result = run_cli("check", "--prune-baseline", "site")
    assert result.exit_code == 0, result.stderr
    files = [entry["file"] for entry in json.loads((repo / "all.json").read_text())["findings"]]
    assert files == ["site/index.md"]


def test_junit_fails_what_each_files_own_fail_on_fails(repo):
    (repo / "site" / "leaflets" / "plainlint.yaml").write_text("fail_on: warning\n")
    result = run_cli("check", *SELECT, "--report", "junit=j.xml", "site")
    assert result.exit_code == 1
    cases = ET.parse(repo / "j.xml").getroot().iter("testcase")
    failed = [case.get("classname") for case in cases if case.find("failure") is not None]
    assert failed == ["site/leaflets/ramp.md"]


@pytest.mark.parametrize("flag", ["--output-file", "--write-baseline", "--sarif-file"])
def test_nothing_is_written_over_a_page_being_checked(repo, flag):
    page = repo / "site" / "index.md"
    result = run_cli("check", *SELECT, flag, "site/index.md", "site")
    assert result.exit_code == 2
    assert "this is one of the pages being checked" in result.stderr
    assert page.read_text() == PAGE


def test_an_empty_changed_since_is_a_mistake_not_everything(repo):
    result = run_cli("check", "--changed-since", "", "site")
    assert result.exit_code == 2
    assert "'' is not a commit or branch" in result.stderr
