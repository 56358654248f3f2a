"""Project settings: discovery, include/exclude and .gitignore, overrides, a page's own
settings, `plainlint config`, `plainlint init` and standard input.

Tests that rely on discovery run the real command in a folder of their own that
holds a `.git` folder, so the search for a settings file stops there.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import json_output, run_cli

from plainlint.cli import main
from plainlint.errors import ConfigError
from plainlint.settings.loading import load_settings

PAGE = "Patients should utilise the ramp.\n"
CLEAN = "You can go home today.\n"
ADDRESS = ("address-reader", 1, 1)
PLAIN = ("plain-words", 1, 17)
SELECT = ("--select", "address-reader,plain-words")
# Project settings that stop one of the two findings. Options, not `enabled: false`:
# --select picks a rule even when the project's settings switch it off.
NO_ADDRESS = "rules:\n  address-reader:\n    reader_words: [individual]\n"
NO_PLAIN = "rules:\n  plain-words:\n    words:\n      utilise: null\n"
OFF_UNDER_PROFESSIONALS = """\
    overrides:
      - files: ["professionals/**"]
        rules:
          address-reader:
            enabled: false
    """


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def front(settings: str, body: str = PAGE) -> str:
    """A Markdown page with front matter; its body starts on the line after the second ---."""
    return f"---\n{textwrap.dedent(settings)}---\n{body}"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it holds `.git`) one folder below tmp_path; the current folder."""
    root = (tmp_path / "repo").resolve()
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def lint(*args: str):
    return run_cli("check", "--format", "json", *SELECT, *args)


def found(result) -> dict[str, list[tuple[str, int, int]]]:
    """Each checked file's findings as (rule, line, column), from a --format json run."""
    return {
        entry["path"]: [(f["rule"], f["line"], f["column"]) for f in entry["findings"]]
        for entry in json_output(result)["files"]
    }


def run_stdin(text: str, *args: str):
    return CliRunner().invoke(main, list(args), input=text, catch_exceptions=False)


# -- finding the settings file ---------------------------------------------------


@pytest.mark.parametrize("name", ["plainlint.yaml", ".plainlint.yaml"])
def test_settings_file_in_the_current_folder_is_used(project, name):
    write(project / name, NO_ADDRESS)
    write(project / "page.md", PAGE)
    result = lint("page.md")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {"page.md": [PLAIN]}


def test_settings_file_in_a_parent_folder_up_to_the_repository_root(project, monkeypatch):
    write(project / "plainlint.yaml", NO_PLAIN)
    write(project / "docs" / "sub" / "page.md", PAGE)
    monkeypatch.chdir(project / "docs" / "sub")
    assert found(lint("page.md")) == {"page.md": [ADDRESS]}


def test_pyproject_tool_plainlint_table_is_used(project):
    write(
        project / "pyproject.toml",
        """\
        [project]
        name = "leaflets"

        [tool.plainlint.rules.address-reader]
        reader_words = ["individual"]
        """,
    )
    write(project / "page.md", PAGE)
    assert found(lint("page.md")) == {"page.md": [PLAIN]}


@pytest.mark.parametrize(
    ("names", "switched_off"),
    [
        (["plainlint.yaml", ".plainlint.yaml", "pyproject.toml"], "address-reader"),
        ([".plainlint.yaml", "pyproject.toml"], "plain-words"),
    ],
)
def test_one_folder_plainlint_yaml_then_dot_plainlint_yaml_then_pyproject(
    project, names, switched_off
):
    texts = {
        "plainlint.yaml": NO_ADDRESS,
        ".plainlint.yaml": NO_PLAIN,
        "pyproject.toml": "[tool.plainlint]\ncolour = 'this file must not be read'\n",
    }
    for name in names:
        write(project / name, texts[name])
    write(project / "page.md", PAGE)
    result = lint("page.md")
    assert result.exit_code == 0, result.stderr
    kept = PLAIN if switched_off == "address-reader" else ADDRESS
    assert found(result) == {"page.md": [kept]}


def test_pyproject_without_the_table_is_passed_over_and_the_search_goes_up(project, monkeypatch):
    write(project / "plainlint.yaml", NO_PLAIN)
    write(project / "tool" / "pyproject.toml", '[project]\nname = "tool"\n')
    write(project / "tool" / "page.md", PAGE)
    monkeypatch.chdir(project / "tool")
    assert found(lint("page.md")) == {"page.md": [ADDRESS]}


def test_the_nearest_settings_file_is_used_alone(project, monkeypatch):
    write(project / "plainlint.yaml", NO_PLAIN)
    write(project / "docs" / "plainlint.yaml", NO_ADDRESS)
    write(project / "docs" / "page.md", PAGE)
    monkeypatch.chdir(project / "docs")
    assert found(lint("page.md")) == {"page.md": [PLAIN]}


def test_a_settings_file_above_the_repository_root_is_never_read(project, monkeypatch):
    write(project.parent / "plainlint.yaml", "colour: blue\n")
    write(project.parent / ".plainlint.yaml", "colour: blue\n")
    write(project.parent / "pyproject.toml", "[tool.plainlint]\ncolour = 'blue'\n")
    write(project / "docs" / "page.md", PAGE)
    monkeypatch.chdir(project / "docs")
    result = lint("page.md")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {"page.md": [ADDRESS, PLAIN]}


def test_config_option_replaces_the_file_plainlint_would_find(project):
    write(project / "plainlint.yaml", "colour: blue\n")
    other = write(project / "settings" / "team.yaml", NO_PLAIN)
    write(project / "page.md", PAGE)
    result = lint("--config", str(other), "page.md")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {"page.md": [ADDRESS]}


def test_config_option_naming_a_pyproject_without_the_table_is_an_error(project):
    pyproject = write(project / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "page.md", PAGE)
    result = lint("--config", str(pyproject), "page.md")
    assert result.exit_code == 2
    assert result.stderr == f"plainlint: {pyproject}: this file has no [tool.plainlint] table\n"


def test_glossary_files_are_read_from_the_settings_files_folder(project, monkeypatch):
    write(project / "plainlint.yaml", "glossary:\n  - terms/words.yaml\n")
    write(
        project / "terms" / "words.yaml",
        """\
        entries:
          - term: florbix scan
            explanation: A scan that takes pictures of the inside of your ear.
        """,
    )
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    result = run_cli("explain", "florbix", "scan")
    assert result.exit_code == 0, result.stderr
    assert "  A scan that takes pictures of the inside of your ear." in result.stdout
    assert f"From:           {project / 'terms' / 'words.yaml'}, line 2" in result.stdout


def test_glossary_files_in_a_config_option_file_are_read_from_its_folder(project):
    team = write(project / "team" / "settings.yaml", "glossary: [words.yaml]\n")
    write(
        project / "team" / "words.yaml",
        "entries:\n  - term: florbix scan\n    explanation: A scan of your ear.\n",
    )
    result = run_cli("explain", "--config", str(team), "florbix", "scan")
    assert result.exit_code == 0, result.stderr
    assert f"From:           {project / 'team' / 'words.yaml'}, line 2" in result.stdout


def test_globs_are_relative_to_the_settings_files_folder_not_the_current_one(project, monkeypatch):
    write(project / "plainlint.yaml", 'exclude:\n  - "docs/drafts/"\n')
    write(project / "docs" / "page.md", PAGE)
    write(project / "docs" / "drafts" / "next.md", PAGE)
    write(project / "drafts" / "kept.md", PAGE)
    monkeypatch.chdir(project / "docs")
    assert found(lint(".")) == {"page.md": [ADDRESS, PLAIN]}
    monkeypatch.chdir(project)
    assert list(found(lint("."))) == ["docs/page.md", "drafts/kept.md"]


# -- mistakes in settings: file, line, reason, exit 2 -----------------------------------


def test_a_mistake_in_a_found_settings_file_is_one_line_and_exit_2(project, monkeypatch):
    write(project / "plainlint.yaml", "rules:\n  plain-words:\n    enabld: false\n")
    write(project / "docs" / "page.md", PAGE)
    monkeypatch.chdir(project / "docs")
    result = lint("page.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"plainlint: {project / 'plainlint.yaml'}, line 3: "
        "'plain-words' has no option 'enabld'. Known: enabled, severity, words, prepositions, adjectives, fixes_need_review\n"
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            '[project]\nname = "x"\n\n[tool.plainlint.rules.long-sentence]\nmax_word = 3\n',
            5,
            "'long-sentence' has no option 'max_word'",
        ),
        ("[tool.plainlint]\n\ncolour = 'blue'\n", 3, "unknown setting 'colour'"),
        (
            "[tool.plainlint]\nrules.long-sentence.max_words = 'many'\n",
            2,
            "long-sentence: max_words must be a whole number",
        ),
        (
            "[tool.plainlint]\nexclude = []\nrules = { plain-word = { enabled = false } }\n",
            3,
            "unknown rule 'plain-word'",
        ),
        ("[tool.plainlint]\nrespect_gitignore = 'no'\n", 2, "must be true or false"),
        ("[tool.plainlint\n", 1, "this is not valid TOML"),
    ],
)
def test_mistakes_in_pyproject_name_the_file_and_the_line_of_the_key(project, text, line, reason):
    pyproject = write(project / "pyproject.toml", text)
    write(project / "page.md", PAGE)
    result = lint("page.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plainlint: {pyproject}, line {line}: ")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_mistake_in_a_pyproject_override_names_the_line_of_the_key(project):
    pyproject = write(
        project / "pyproject.toml",
        """\
        [tool.plainlint]

        [[tool.plainlint.overrides]]
        files = ["a/**"]

        [[tool.plainlint.overrides]]
        files = ["b/**"]
        colour = "blue"
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(pyproject)
    assert caught.value.where == f"{pyproject}, line 8"
    assert "unknown setting 'colour'" in caught.value.reason


# Text inside a value that looks like a table header or a key, before the real one.
TOML_VALUES_THAT_LOOK_LIKE_KEYS = {
    "a string of several lines": '''\
        [project]
        name = "leaflets"
        description = """
        Our leaflets.
        [tool.plainlint]
        colour = "text, not a key"
        """
        [tool.plainlint]
        colour = "blue"
        ''',
    "a literal string of several lines": """\
        [project]
        readme = '''
        [tool.plainlint]
        colour = 'text'
        '''
        version = "1"

        [tool.plainlint]
        colour = "blue"
        """,
    "an escaped quote and quotes at the end": r'''
        [project]
        a = """ \""" still text
        [tool.plainlint]
        colour = 1 """"
        b = "one line \" [tool.plainlint]"
        [tool.plainlint]
        colour = "blue"
        ''',
    "an array of several lines": """\
        [project]
        keywords = [
          "colour = text",
          { colour = "x" },
        ]
        [tool.plainlint]
        # colour = "a comment"
        colour = "blue"
        """,
}


@pytest.mark.parametrize("name", list(TOML_VALUES_THAT_LOOK_LIKE_KEYS))
def test_text_inside_toml_values_is_not_taken_for_a_key(project, name):
    text = textwrap.dedent(TOML_VALUES_THAT_LOOK_LIKE_KEYS[name])
    pyproject = write(project / "pyproject.toml", text)
    real = text.split("\n").index('colour = "blue"') + 1
    with pytest.raises(ConfigError) as caught:
        load_settings(pyproject)
    assert caught.value.where == f"{pyproject}, line {real}"
    assert "unknown setting 'colour'" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            "overrides:\n  - files: ['a/**']\n    colour: red\n",
            3,
            "unknown setting 'colour'. Known: files, front_matter, skip_sections, rules",
        ),
        (
            "overrides:\n  - files: ['a/**']\n  - rules:\n      plain-words:\n        enabled: false\n",
            3,
            "an override needs 'files:' globs or 'front_matter:' values",
        ),
        (
            "overrides:\n  - files: a/**\n    rules:\n      plain-word:\n        enabled: false\n",
            4,
            "unknown rule 'plain-word'",
        ),
        (
            (
                "overrides:\n  - front_matter:\n      audience: professional\n    rules:\n"
                "      plain-words:\n        severity: high\n"
            ),
            6,
            "severity must be error, warning or info",
        ),
        (
            (
                "overrides:\n  - files: ['a/**']\n    rules:\n      long-sentence:\n"
                "        max_words: 0\n"
            ),
            5,
            "long-sentence: max_words must be at least 1",
        ),
        ("overrides:\n  files: ['a/**']\n", 1, "overrides must be a list"),
        ("overrides:\n  - front_matter: audience\n", 2, "front_matter must map"),
        ("overrides:\n  - files: [3]\n", 2, "files must be a list of file patterns"),
        ("\ninclude: docs/**\n", 2, "include must be a list of file patterns"),
        ("exclude:\n  - ''\n", 1, "exclude must be a list of file patterns"),
        ("glossary: words.yaml\n", 1, "glossary must be a list of glossary file names"),
        ("respect_gitignore: maybe\n", 1, "respect_gitignore must be true or false"),
    ],
)
def test_mistakes_in_overrides_and_file_settings_name_the_line(tmp_path, text, line, reason):
    config = write(tmp_path / "plainlint.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert caught.value.where == f"{config}, line {line}"
    assert reason in caught.value.reason


# -- which files: include, exclude, .gitignore, extensions --------------------------------


def test_include_limits_the_files_found_in_folders(project):
    write(project / "plainlint.yaml", 'include:\n  - "content/**"\n')
    write(project / "content" / "a.md", PAGE)
    write(project / "content" / "deep" / "b.md", PAGE)
    write(project / "notes.md", PAGE)
    assert list(found(lint("."))) == ["content/a.md", "content/deep/b.md"]


def test_a_file_named_on_the_command_line_follows_include(project):
    """A pre-commit hook names every staged file: it must check what `check .` checks."""
    write(project / "plainlint.yaml", 'include:\n  - "content/**"\n')
    write(project / "notes.md", PAGE)
    write(project / "content" / "a.md", PAGE)
    assert list(found(lint("notes.md", "content/a.md"))) == ["content/a.md"]


def test_a_file_named_twice_is_checked_once(project):
    write(project / "a.md", PAGE)
    assert found(lint("a.md", ".", "./a.md")) == {"a.md": [ADDRESS, PLAIN]}


def test_exclude_skips_folders_and_patterns_when_searching(project):
    write(project / "plainlint.yaml", 'exclude:\n  - "drafts/"\n  - "*.old.md"\n')
    write(project / "a.md", PAGE)
    write(project / "a.old.md", PAGE)
    write(project / "drafts" / "b.md", PAGE)
    write(project / "docs" / "drafts" / "c.md", PAGE)
    write(project / "docs" / "d.md", PAGE)
    assert list(found(lint("."))) == ["a.md", "docs/d.md"]


def test_exclude_applies_to_files_named_on_the_command_line(project):
    write(project / "plainlint.yaml", 'exclude:\n  - "drafts/"\n')
    write(project / "drafts" / "b.md", PAGE)
    write(project / "a.md", PAGE)
    result = lint("drafts/b.md", "a.md")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert found(result) == {"a.md": [ADDRESS, PLAIN]}
    named_folder = lint("drafts")
    assert (named_folder.exit_code, found(named_folder)) == (0, {})


def test_files_git_ignores_are_skipped_like_git_skips_them(tmp_path, monkeypatch):
    root = (tmp_path / "repo").resolve()
    root.mkdir()
    subprocess.run(["git", "init", "--quiet", str(root)], check=True)
    monkeypatch.chdir(root)
    write(root / ".gitignore", "*.draft.md\nbuild/\n")
    write(root / "docs" / ".gitignore", "!keep.draft.md\nprivate.md\n")
    for name in [
        "a.md",
        "b.draft.md",
        "build/c.md",
        "docs/keep.draft.md",
        "docs/other.draft.md",
        "docs/private.md",
        "docs/public.md",
        "private.md",
    ]:
        write(root / name, PAGE)
    expected = ["a.md", "docs/keep.draft.md", "docs/public.md", "private.md"]
    git = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert sorted(n for n in git.stdout.split() if n.endswith(".md")) == expected  # git agrees
    assert list(found(lint("."))) == expected


def test_respect_gitignore_false_checks_files_git_ignores(project):
    write(project / ".gitignore", "build/\n*.draft.md\n")
    write(project / "plainlint.yaml", "respect_gitignore: false\n")
    write(project / "a.draft.md", PAGE)
    write(project / "build" / "b.md", PAGE)
    assert list(found(lint("."))) == ["a.draft.md", "build/b.md"]


def test_extensions_map_a_new_extension_to_a_format_for_folder_search(project):
    write(project / "plainlint.yaml", "extensions:\n  .mdx: markdown\n")
    write(project / "page.mdx", "Patients should `utilise` the ramp.\n")  # code in Markdown
    write(project / "page.rst", PAGE)
    assert found(lint(".")) == {"page.mdx": [ADDRESS]}


# -- overrides ------------------------------------------------------------------------


def test_override_switches_a_rule_off_under_a_folder(project):
    write(project / "plainlint.yaml", OFF_UNDER_PROFESSIONALS)
    write(project / "professionals" / "deep" / "a.md", PAGE)
    write(project / "patients" / "a.md", PAGE)
    assert found(lint(".")) == {
        "patients/a.md": [ADDRESS, PLAIN],
        "professionals/deep/a.md": [PLAIN],
    }


def test_override_files_may_be_one_glob_string(project):
    write(
        project / "plainlint.yaml",
        "overrides:\n  - files: '*.staff.md'\n    rules:\n      plain-words:\n        enabled: false\n",
    )
    write(project / "a.staff.md", PAGE)
    write(project / "a.md", PAGE)
    assert found(lint(".")) == {"a.md": [ADDRESS, PLAIN], "a.staff.md": [ADDRESS]}


AUDIENCE_OVERRIDE = """\
    overrides:
      - front_matter:
          audience: professional
        rules:
          address-reader:
            enabled: false
    """


@pytest.mark.parametrize(
    ("matter", "matches"),
    [
        ("audience: professional\n", True),
        ("audience: PROFESSIONAL\n", True),
        ("audience: [patients, Professional]\n", True),
        ("audience: patients\n", False),
        ("audience: [patients, carers]\n", False),
        ("title: For professional staff\n", False),
    ],
)
def test_override_by_front_matter_value(project, matter, matches):
    write(project / "plainlint.yaml", AUDIENCE_OVERRIDE)
    write(project / "page.md", front(matter))
    expected = (
        [("plain-words", 4, 17)] if matches else [("address-reader", 4, 1), ("plain-words", 4, 17)]
    )
    assert found(lint("page.md")) == {"page.md": expected}


def test_override_with_files_and_front_matter_needs_both(project):
    write(
        project / "plainlint.yaml",
        """\
        overrides:
          - files: ["staff/**"]
            front_matter:
              audience: professional
            rules:
              address-reader:
                enabled: false
        """,
    )
    page = front("audience: professional\n")
    write(project / "staff" / "a.md", page)
    write(project / "staff" / "b.md", front("audience: patients\n"))
    write(project / "c.md", page)
    both = [("address-reader", 4, 1), ("plain-words", 4, 17)]
    assert found(lint(".")) == {
        "c.md": both,
        "staff/a.md": [("plain-words", 4, 17)],
        "staff/b.md": both,
    }


def test_later_overrides_apply_after_earlier_ones(project):
    write(
        project / "plainlint.yaml",
        """\
        overrides:
          - files: ["docs/**"]
            rules:
              plain-words:
                severity: error
          - files: ["docs/easy/**"]
            rules:
              plain-words:
                severity: info
        """,
    )
    write(project / "docs" / "a.md", PAGE)
    write(project / "docs" / "easy" / "b.md", PAGE)
    result = run_cli("check", "--format", "json", "--select", "plain-words", ".")
    assert result.exit_code == 1  # the error in docs/a.md
    severities = {
        entry["path"]: [f["severity"] for f in entry["findings"]]
        for entry in json_output(result)["files"]
    }
    assert severities == {"docs/a.md": ["error"], "docs/easy/b.md": ["info"]}


def test_override_changes_rule_options_and_skip_sections(project):
    write(
        project / "plainlint.yaml",
        """\
        overrides:
          - files: ["short/**"]
            skip_sections: [Notes for staff]
            rules:
              long-sentence:
                max_words: 4
        """,
    )
    page = "# Going home\n\nYou can go home today.\n\n## Notes for staff\n\n" + PAGE
    write(project / "short" / "a.md", page)
    write(project / "a.md", page)
    result = run_cli("check", "--format", "json", "--select", "long-sentence,plain-words", ".")
    assert found(result) == {
        "a.md": [("plain-words", 7, 17)],
        "short/a.md": [("long-sentence", 3, 1)],
    }


# -- a page's own settings: plainlint: in its front matter ------------------------------


def test_page_front_matter_switches_a_rule_off_for_that_page_only(project):
    write(project / "a.md", front("plainlint:\n  rules:\n    plain-words:\n      enabled: false\n"))
    write(project / "b.md", PAGE)
    assert found(lint(".")) == {"a.md": [("address-reader", 7, 1)], "b.md": [ADDRESS, PLAIN]}


def test_page_settings_apply_after_overrides(project):
    write(project / "plainlint.yaml", OFF_UNDER_PROFESSIONALS)
    write(
        project / "professionals" / "a.md",
        front("plainlint:\n  rules:\n    address-reader:\n      enabled: true\n"),
    )
    write(project / "professionals" / "b.md", PAGE)
    assert found(lint(".")) == {
        "professionals/a.md": [("address-reader", 7, 1), ("plain-words", 7, 17)],
        "professionals/b.md": [PLAIN],
    }


def test_page_skip_sections(project):
    body = "You can go home today.\n\n## Notes for staff\n\n" + PAGE
    write(project / "a.md", front("plainlint:\n  skip_sections: [Notes for staff]\n", body))
    write(project / "b.md", body)
    assert found(lint(".")) == {
        "a.md": [],
        "b.md": [("address-reader", 5, 1), ("plain-words", 5, 17)],
    }


def test_a_mistake_in_page_settings_is_an_error_for_that_file_only(project):
    write(
        project / "a.md",
        front("title: Ramp\nplainlint:\n  rules:\n    plain-words:\n      enabld: false\n"),
    )
    write(project / "b.md", PAGE)
    write(project / "c.md", CLEAN)
    result = lint(".")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: a.md: line 6: 'plain-words' has no option 'enabld'. "
        "Known: enabled, severity, words, prepositions, adjectives, fixes_need_review\n"
    )
    assert found(result) == {"b.md": [ADDRESS, PLAIN], "c.md": []}


@pytest.mark.parametrize(
    ("settings", "line", "reason"),
    [
        (
            "title: x\nplainlint:\n  colour: red\n",
            4,
            "unknown setting 'colour'. Known: skip_sections, rules",
        ),
        ("plainlint:\n  rules:\n    nope: {}\n", 4, "unknown rule 'nope'"),
        (
            "plainlint:\n  skip_sections: References\n",
            3,
            "skip_sections must be a list of headings",
        ),
        (
            "plainlint:\n  rules:\n    long-sentence:\n      max_words: lots\n",
            5,
            "long-sentence: max_words must be a whole number",
        ),
        (
            "plainlint:\n  overrides: []\n",
            3,
            "unknown setting 'overrides'. Known: skip_sections, rules",
        ),
        pytest.param(
            "title: x\nplainlint: everything off\n",
            3,
            "the page's plainlint settings must be a mapping",
        ),
    ],
)
def test_mistakes_in_page_settings_name_the_line_in_the_page(project, settings, line, reason):
    write(project / "a.md", front(settings))
    result = lint("a.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plainlint: a.md: line {line}: {reason}")
    assert result.stderr.count("\n") == 1


# -- --select and settings that switch a rule off ----------------------------------------


def test_select_cannot_switch_on_a_rule_an_override_switches_off(project):
    write(project / "plainlint.yaml", OFF_UNDER_PROFESSIONALS)
    write(project / "professionals" / "a.md", PAGE)
    write(project / "a.md", PAGE)
    result = run_cli("check", "--format", "json", "--select", "address-reader", ".")
    assert found(result) == {"a.md": [ADDRESS], "professionals/a.md": []}


def test_select_cannot_switch_on_a_rule_the_page_switches_off(project):
    write(project / "a.md", front("plainlint:\n  rules:\n    plain-words:\n      enabled: false\n"))
    result = run_cli("check", "--format", "json", "--select", "plain-words", "a.md")
    assert found(result) == {"a.md": []}


def test_select_cannot_switch_on_a_rule_the_page_switches_off_after_an_override(project):
    write(
        project / "plainlint.yaml",
        """\
        rules:
          plain-words:
            enabled: false
        overrides:
          - files: ["docs/**"]
            rules:
              plain-words:
                enabled: true
        """,
    )
    write(
        project / "docs" / "a.md",
        front("plainlint:\n  rules:\n    plain-words:\n      enabled: false\n"),
    )
    write(project / "docs" / "b.md", PAGE)
    result = run_cli("check", "--format", "json", "--select", "plain-words", "docs")
    assert found(result) == {"docs/a.md": [], "docs/b.md": [PLAIN]}


# -- plainlint config ---------------------------------------------------------------


def comments(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("#")]


def test_config_names_the_built_in_and_project_settings(project):
    write(project / "plainlint.yaml", "rules:\n  long-sentence:\n    max_words: 20\n")
    result = run_cli("config")
    assert result.exit_code == 0, result.stderr
    assert comments(result) == [
        "# Settings for .",
        "#   from built-in rules.yaml",
        f"#   from {project / 'plainlint.yaml'}",
    ]
    shown = yaml.safe_load(result.stdout)
    assert shown["rules"]["long-sentence"]["max_words"] == 20
    assert shown["rules"]["long-sentence"]["error_words"] == 35


def test_config_without_a_settings_file_shows_the_built_in_settings_only(project):
    result = run_cli("config")
    assert comments(result) == ["# Settings for .", "#   from built-in rules.yaml"]
    assert yaml.safe_load(result.stdout)["rules"]["long-sentence"]["max_words"] == 25


def test_config_prints_plain_yaml_where_settings_share_a_list(project):
    """A list shared by two rules, in rules.yaml or in the project's file, is written out
    in full at each: no `&id001` anchors or `*id001` aliases for a reader to follow."""
    write(
        project / "plainlint.yaml",
        """\
        rules:
          unexplained-term:
            definition_links: &links [glossary, words]
          jargon:
            definition_links: *links
        """,
    )
    for args in [(), ("--rule", "jargon")]:
        result = run_cli("config", *args)
        assert result.exit_code == 0, result.stderr
        assert "&" not in result.stdout and "*" not in result.stdout
        shown = yaml.safe_load(result.stdout)["rules"]
        assert shown["jargon"]["definition_links"] == ["glossary", "words"]
    full = yaml.safe_load(run_cli("config").stdout)["rules"]
    assert full["unexplained-term"]["definition_links"] == ["glossary", "words"]
    assert full["unexplained-abbreviation"]["definition_links"][0] == "glossary"


def test_config_for_a_path_names_the_overrides_that_apply(project):
    write(
        project / "plainlint.yaml",
        """\
        # Our settings
        overrides:
          - files: ["other/**"]
            rules:
              plain-words:
                enabled: false
          - files: ["professionals/**"]
            rules:
              address-reader:
                enabled: false
        """,
    )
    write(project / "professionals" / "a.md", PAGE)
    result = run_cli("config", "professionals/a.md")
    assert result.exit_code == 0, result.stderr
    assert comments(result) == [
        "# Settings for professionals/a.md",
        "#   from built-in rules.yaml",
        f"#   from {project / 'plainlint.yaml'}",
        f"# Does not apply: override at {project / 'plainlint.yaml'}, line 3 (files other/**)",
        f"# Applies: override at {project / 'plainlint.yaml'}, line 7 (files professionals/**)",
    ]
    rules = yaml.safe_load(result.stdout)["rules"]
    assert rules["address-reader"]["enabled"] is False
    assert rules["plain-words"]["enabled"] is True


def test_config_for_a_file_counts_its_front_matter(project):
    write(project / "plainlint.yaml", AUDIENCE_OVERRIDE)
    write(
        project / "a.md",
        front(
            "audience: professional\nplainlint:\n  rules:\n    plain-words:\n      severity: info\n"
        ),
    )
    result = run_cli("config", "a.md", "--rule", "plain-words")
    assert result.exit_code == 0, result.stderr
    assert comments(result) == [
        "# Settings for a.md",
        "#   from built-in rules.yaml",
        f"#   from {project / 'plainlint.yaml'}",
        "#   from the page's front matter (a.md)",
        f"# Applies: override at {project / 'plainlint.yaml'}, line 2 "
        "(front matter audience: professional)",
    ]
    shown = yaml.safe_load(result.stdout)
    assert list(shown) == ["rules"] and list(shown["rules"]) == ["plain-words"]
    assert shown["rules"]["plain-words"]["severity"] == "info"
    full = yaml.safe_load(run_cli("config", "a.md").stdout)
    assert full["rules"]["address-reader"]["enabled"] is False


def test_config_says_when_an_exclude_pattern_matches_a_file(project):
    write(project / "plainlint.yaml", 'exclude:\n  - "drafts/"\n')
    write(project / "drafts" / "a.md", PAGE)
    write(project / "a.md", PAGE)
    note = "# plainlint does not check this path: an 'exclude' pattern in the settings matches it."
    assert note in comments(run_cli("config", "drafts/a.md"))
    assert not any("does not check" in line for line in comments(run_cli("config", "a.md")))


def test_config_says_when_an_exclude_pattern_matches_a_folder(project):
    write(project / "plainlint.yaml", 'exclude:\n  - "drafts/"\n')
    write(project / "drafts" / "a.md", PAGE)
    note = "# plainlint does not check this path: an 'exclude' pattern in the settings matches it."
    assert note in comments(run_cli("config", "drafts"))


@pytest.mark.parametrize(
    ("settings", "path", "reason"),
    [
        ('include:\n  - "content/**"\n', "a.md", "no 'include' pattern in the settings matches it"),
        ("", "build/a.md", "git ignores it (a .gitignore file names it)"),
        ("", "notes.docx", "plainlint does not check '.docx' files"),
    ],
)
def test_config_says_why_plainlint_leaves_a_path_out(project, settings, path, reason):
    write(project / "plainlint.yaml", settings or "# nothing\n")
    write(project / ".gitignore", "build/\n")
    write(project / path, PAGE)
    assert f"# plainlint does not check this path: {reason}." in comments(run_cli("config", path))


def test_config_for_a_path_that_does_not_exist_is_exit_2(project):
    result = run_cli("config", "nope.md")
    assert result.exit_code == 2
    assert result.stderr == "plainlint: nope.md: no such file or folder\n"


def test_config_shows_long_word_lists_as_a_count_unless_one_rule_is_asked_for(project):
    rules = yaml.safe_load(run_cli("config").stdout)["rules"]
    words = rules["plain-words"]["words"]
    assert isinstance(words, str) and words.endswith("entries (see them with --rule plain-words)")
    assert rules["long-sentence"]["max_words"] == 25
    full = yaml.safe_load(run_cli("config", "--rule", "plain-words").stdout)
    assert full["rules"]["plain-words"]["words"]["utilise"] == "use"


def test_config_option_and_rule_option(project):
    write(project / "plainlint.yaml", "colour: blue\n")  # not read: --config wins
    team = write(project / "team.yaml", "rules:\n  readability:\n    severity: error\n")
    result = run_cli("config", "--config", str(team), "--rule", "readability")
    assert result.exit_code == 0, result.stderr
    assert comments(result) == [
        "# Settings for .",
        "#   from built-in rules.yaml",
        f"#   from {team}",
    ]
    shown = yaml.safe_load(result.stdout)
    assert list(shown["rules"]) == ["readability"]
    assert shown["rules"]["readability"]["severity"] == "error"


def test_config_with_an_unknown_rule_is_exit_2(project):
    result = run_cli("config", "--rule", "long-sentences")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: --rule: unknown rule 'long-sentences'. Run 'plainlint rules' to list them\n"
    )


# -- plainlint init -------------------------------------------------------------------


def test_init_writes_settings_and_a_glossary_that_load_and_are_used(project):
    result = run_cli("init")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Wrote plainlint.yaml and glossary.yaml.\n")
    settings_text = (project / "plainlint.yaml").read_text()
    assert settings_text.startswith("# ")  # commented
    settings = load_settings(project / "plainlint.yaml")
    assert settings.glossary_files == [project / "glossary.yaml"]
    glossary = run_cli("glossary", "check")
    assert glossary.exit_code == 0, glossary.stderr
    assert str(project / "glossary.yaml") in glossary.stdout
    assert "no problems found" in glossary.stdout
    write(project / "page.md", PAGE)
    checked = lint("page.md")
    assert checked.exit_code == 0, checked.stderr
    assert found(checked) == {"page.md": [ADDRESS, PLAIN]}


def test_init_into_a_new_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "site/content")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "site" / "content").iterdir()) == [
        "glossary.yaml",
        "plainlint.yaml",
    ]
    load_settings(tmp_path / "site" / "content" / "plainlint.yaml")


@pytest.mark.parametrize("existing", ["plainlint.yaml", "glossary.yaml"])
def test_init_writes_the_missing_file_and_leaves_the_other(project, existing):
    (project / existing).write_text("# mine\n")
    result = run_cli("init", str(project))
    assert result.exit_code == 0, result.stderr
    other = ({"plainlint.yaml", "glossary.yaml"} - {existing}).pop()
    assert result.stdout.splitlines()[:2] == [
        f"Wrote {project / other}.",
        f"{project / existing} is there already, so plainlint left it as it is.",
    ]
    assert (project / existing).read_text() == "# mine\n"
    assert sorted(p.name for p in project.iterdir()) == sorted([".git", existing, other])


def test_init_refuses_when_both_files_exist(project):
    for name in ("plainlint.yaml", "glossary.yaml"):
        (project / name).write_text("# mine\n")
    result = run_cli("init", str(project))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "plainlint.yaml and glossary.yaml are there already" in result.stderr
    assert [(project / n).read_text() for n in ("plainlint.yaml", "glossary.yaml")] == [
        "# mine\n"
    ] * 2


def test_the_starters_commented_examples_are_valid_settings(tmp_path):
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    lines = (tmp_path / "plainlint.yaml").read_text().splitlines()
    keys = ("include", "exclude", "respect_gitignore", "extensions", "skip_sections")
    uncommented, in_example = [], False
    for line in lines:
        if re.match(rf"# ({'|'.join(keys + ('rules', 'overrides'))}):", line):
            in_example = True
        elif not line.startswith("#   "):
            in_example = False
        uncommented.append(line[2:] if in_example else line)
    settings_file = tmp_path / "plainlint.yaml"
    settings_file.write_text("\n".join(uncommented) + "\n")
    settings = load_settings(settings_file)
    assert settings.include == ["content/**"]
    assert settings.exclude == ["drafts/"]
    assert settings.format_for(Path("a.mdx")) == "markdown"
    assert settings.rules["long-sentence"].options["max_words"] == 20
    assert settings.rules["passive-voice"].enabled is False
    assert len(settings.overrides) == 2


# -- standard input -------------------------------------------------------------------


def test_stdin_without_a_name_is_plain_text_shown_as_dash(project):
    result = run_stdin("You can `utilise` the ramp.\n", "check", "--format", "json", *SELECT, "-")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {"-": [("plain-words", 1, 10)]}  # not code: plain text


def test_stdin_filename_picks_the_format_and_names_the_output(project):
    text = "You can `utilise` the ramp.\nPatients should rest.\n"
    result = run_stdin(
        text, "check", *SELECT, "--fail-on", "warning", "-", "--stdin-filename", "docs/page.md"
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("docs/page.md:2:1: warning address-reader ")
    assert "plain-words" not in result.stdout  # code in Markdown is not prose


def test_stdin_filename_gets_the_overrides_for_that_name(project):
    write(project / "plainlint.yaml", OFF_UNDER_PROFESSIONALS)
    args = ("check", "--format", "json", *SELECT, "-", "--stdin-filename")
    assert found(run_stdin(PAGE, *args, "professionals/a.md")) == {"professionals/a.md": [PLAIN]}
    assert found(run_stdin(PAGE, *args, "patients/a.md")) == {"patients/a.md": [ADDRESS, PLAIN]}


def test_stdin_front_matter_settings_apply(project):
    text = front("plainlint:\n  rules:\n    address-reader:\n      enabled: false\n")
    result = run_stdin(text, "check", "--format", "json", *SELECT, "-", "--stdin-filename", "a.md")
    assert found(result) == {"a.md": [("plain-words", 7, 17)]}


def test_stdin_filename_that_settings_exclude_prints_nothing_for_it(project):
    write(project / "plainlint.yaml", 'exclude:\n  - "drafts/"\n')
    result = run_stdin(
        PAGE, "check", *SELECT, "--fail-on", "info", "-", "--stdin-filename", "drafts/a.md"
    )
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "drafts/a.md" not in result.stdout
    assert "address-reader" not in result.stdout


def test_stdin_filename_with_an_unknown_extension_is_exit_2(project):
    result = run_stdin(PAGE, "check", *SELECT, "-", "--stdin-filename", "notes.rst")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: notes.rst: plainlint does not check this type of file "
        "(it checks .htm, .html, .markdown, .md, .txt)\n"
    )


def test_stdin_filename_without_dash_is_a_usage_error(project):
    write(project / "a.md", PAGE)
    result = run_cli("check", "--stdin-filename", "a.md", "a.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "plainlint: --stdin-filename needs '-' as the path, to read standard input\n"
    )


# -- edge cases a review found ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('exclude:\n  - "drafts/"\n  - "!"\n', 3),
        ('include:\n  - "!"\n', 2),
        ('overrides:\n  - files: ["!"]\n', 2),
    ],
)
def test_a_pattern_plainlint_cannot_read_is_a_settings_error(project, text, line):
    write(project / "plainlint.yaml", text)
    write(project / "a.md", PAGE)
    result = lint("a.md")
    assert result.exit_code == 2
    assert result.stderr == (
        f"plainlint: {project / 'plainlint.yaml'}, line {line}: "
        "'!' is not a pattern plainlint can read\n"
    )


def test_a_broken_gitignore_line_is_skipped_as_git_skips_it(project):
    write(project / ".gitignore", "!\nfoo\\\nbuild/\n")
    write(project / "build" / "a.md", PAGE)
    write(project / "b.md", PAGE)
    assert list(found(lint("."))) == ["b.md"]


@pytest.mark.parametrize(
    ("override", "reason"),
    [
        ("files: []", "files must name at least one file pattern"),
        ("front_matter: {}", "front_matter must name at least one key"),
    ],
)
def test_an_override_that_would_match_every_page_by_mistake_is_an_error(project, override, reason):
    write(project / "plainlint.yaml", f"overrides:\n  - {override}\n    rules: {{}}\n")
    result = lint(".")
    assert result.exit_code == 2
    assert result.stderr.endswith(f"line 2: {reason}\n")


def test_a_link_is_judged_by_where_it_sits_not_where_it_points(project):
    """git tracks a link by its own path: a link in docs/ to an ignored build/ file is checked."""
    write(project / ".gitignore", "build/\n")
    write(project / "build" / "gen.md", PAGE)
    (project / "docs").mkdir()
    (project / "docs" / "link.md").symlink_to(project / "build" / "gen.md")
    assert list(found(lint("."))) == ["docs/link.md"]
    write(project / "plainlint.yaml", 'exclude:\n  - "docs/link.md"\n')
    assert list(found(lint("."))) == []


def test_stdin_follows_include_like_a_named_file(project):
    write(project / "plainlint.yaml", 'include:\n  - "docs/**"\n')
    result = run_stdin(PAGE, "check", "--format", "json", *SELECT, "-", "--stdin-filename", "x.md")
    assert result.exit_code == 0
    assert found(result) == {}
    inside = run_stdin(
        PAGE, "check", "--format", "json", *SELECT, "-", "--stdin-filename", "docs/x.md"
    )
    assert found(inside) == {"docs/x.md": [ADDRESS, PLAIN]}


def test_the_same_file_named_several_ways_is_checked_once(project):
    write(project / "a.md", PAGE)
    result = lint("a.md", "a.md", "./a.md", str(project / "a.md"))
    assert len(json_output(result)["files"]) == 1


def test_an_empty_plainlint_key_in_front_matter_is_no_settings(project):
    write(project / "a.md", front("plainlint:\n"))
    result = lint("a.md")
    assert result.exit_code == 0, result.stderr
    assert found(result) == {
        "a.md": [(rule, line + 3, column) for rule, line, column in (ADDRESS, PLAIN)]
    }


def test_yaml_that_refers_to_itself_is_a_clear_error(project):
    write(project / "plainlint.yaml", "rules: &a [*a]\n")
    result = lint(".")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "an alias refers to itself" in result.stderr


def test_init_files_can_be_read_by_others_like_any_new_file(project):
    old = os.umask(0o022)
    try:
        assert run_cli("init").exit_code == 0
    finally:
        os.umask(old)
    for name in ("plainlint.yaml", "glossary.yaml"):
        assert stat.S_IMODE((project / name).stat().st_mode) == 0o644
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]
