"""Hostile settings, glossary, front matter, pyproject.toml and baseline files.

Each of these once ended in a traceback, a "bug" message, a page quietly losing
its settings, or a run that never ended. Now each is one line on standard
error that names the file (and the line, where there is one), with exit code 2,
and other pages are still checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import json_output, run_cli

PAGE = "Patients should utilise the ramp.\n"
SELECT = ("--select", "plain-words")
TAGS = [
    ('!!python/object/apply:os.system ["touch {marker}"]', "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!custom 3", "!custom"),
    ('!!int "abc"', "'abc' as a whole number"),
    ("!!timestamp 2024-99-99", "'2024-99-99' as a date"),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it holds `.git`, where the search for settings stops); the
    current folder."""
    root = (tmp_path / "repo").resolve()
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def laughs(indent: str = "", levels: int = 9) -> str:
    """A "billion laughs": each line repeats the one before nine times, so a few
    hundred bytes stand for 9 ** 9 strings."""
    names = "abcdefghijklmnop"[:levels]
    lines = [f"{indent}a: &a [{', '.join(['lol'] * 9)}]"]
    for before, name in zip(names, names[1:]):
        lines.append(f"{indent}{name}: &{name} [{', '.join(['*' + before] * 9)}]")
    return "\n".join(lines) + "\n"


def one_line(result) -> str:
    """The single line a refused run printed on standard error."""
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "as a bug" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- alias bombs ("billion laughs") -----------------------------------------------


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "command",
    [("check", "page.md"), ("config", "page.md"), ("explain", "biopsy"), ("glossary", "check")],
)
def test_an_alias_bomb_in_the_settings_is_one_line(project, command):
    write(project / "plainlint.yaml", laughs())
    write(project / "page.md", PAGE)
    line = one_line(run_cli(*command))
    assert line.startswith(f"plainlint: {project / 'plainlint.yaml'}, line ")
    assert "aliases" in line and "10,000" in line


@pytest.mark.timeout(30)
def test_an_alias_bomb_in_a_glossary_is_one_line_naming_the_glossary(project):
    glossary = write(project / "words.yaml", "entries:\n" + laughs("  "))
    write(project / "page.md", PAGE)
    for command in (
        ("check", "--glossary", str(glossary), "page.md"),
        ("glossary", "check", str(glossary)),
        ("explain", "--glossary", str(glossary), "biopsy"),
    ):
        line = one_line(run_cli(*command))
        assert line.startswith(f"plainlint: {glossary}, line "), command
        assert "aliases" in line


@pytest.mark.timeout(30)
def test_an_alias_bomb_in_front_matter_stops_only_that_page(project):
    bomb = laughs("  ")
    write(project / "settings.md", f"---\ntitle: x\nplainlint:\n{bomb}---\n{PAGE}")
    write(project / "matter.md", f"---\ntitle: x\nextra:\n{bomb}---\n{PAGE}")
    write(project / "good.md", PAGE)
    # An override on front matter values makes plainlint read every page's front matter.
    write(project / "plainlint.yaml", "overrides:\n  - front_matter:\n      audience: pro\n")
    result = run_cli("check", "--format", "json", *SELECT, "settings.md", "matter.md", "good.md")
    assert result.exit_code == 2
    assert [entry["path"] for entry in json_output(result)["files"]] == ["good.md"]
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == 2
    # The fifth list, "e", is the first whose aliases stand for more than 10,000 values
    # (9 ** 5 strings); it is on line 8 of each page: 1 ---, 2 title, 3 the key, 4 "a".
    for name, line in zip(("matter.md", "settings.md"), lines):
        assert line.startswith(f"plainlint: {name}: line 8, in the front matter: the aliases")


@pytest.mark.timeout(30)
def test_config_of_a_page_with_an_alias_bomb_in_front_matter_is_one_line(project):
    write(project / "page.md", f"---\nplainlint:\n{laughs('  ')}---\n{PAGE}")
    assert one_line(run_cli("config", "page.md")).startswith("plainlint: page.md: line ")


def test_an_alias_inside_its_own_anchor_is_one_line(project):
    write(project / "page.md", "---\ntitle: &t [x, *t]\n---\n" + PAGE)
    write(project / "good.md", PAGE)
    result = run_cli("check", *SELECT, "page.md", "good.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "plainlint: page.md: line 2, in the front matter: "
        "an alias refers to itself: this value holds an alias of itself"
    )
    assert "good.md:1:17" in result.stdout


def test_anchors_and_aliases_used_sparingly_still_work(project):
    write(
        project / "plainlint.yaml",
        "overrides:\n"
        "  - files: ['a/**']\n"
        "    rules: &quiet\n"
        "      plain-words:\n"
        "        words:\n"
        "          utilise: null\n"
        "  - files: ['b/**']\n"
        "    rules: *quiet\n",
    )
    write(project / "a" / "page.md", PAGE)
    write(project / "b" / "page.md", PAGE)
    write(project / "c" / "page.md", PAGE)
    result = run_cli("check", "--format", "json", "--select", "plain-words", ".")
    found = {e["path"]: len(e["findings"]) for e in json_output(result)["files"]}
    assert found == {"a/page.md": 0, "b/page.md": 0, "c/page.md": 1}


def test_yaml_nested_deeper_than_any_settings_is_one_line(tmp_path):
    config = write(tmp_path / "plainlint.yaml", "include: " + "[" * 150 + "]" * 150 + "\n")
    line = one_line(run_cli("config", "--config", str(config)))
    assert line == (
        f"plainlint: {config}, line 1: this YAML is nested too deeply "
        "(more than 100 levels of lists and mappings)"
    )


# -- tags the safe loader refuses ---------------------------------------------------


@pytest.mark.parametrize(("tag", "named"), TAGS)
@pytest.mark.parametrize(
    "command",
    [("check", "page.md"), ("config",), ("explain", "biopsy"), ("glossary", "check"), ("rules",)],
)
def test_a_refused_tag_in_the_settings_is_one_line_with_its_line(project, tag, named, command):
    marker = project / "ran"
    text = "rules:\n  long-sentence:\n    max_words: " + tag.format(marker=marker) + "\n"
    write(project / "plainlint.yaml", text)
    write(project / "page.md", PAGE)
    line = one_line(run_cli(*command))
    assert line.startswith(f"plainlint: {project / 'plainlint.yaml'}, line 3: plainlint cannot")
    assert named in line
    assert not marker.exists()  # the safe loader never runs anything


def test_the_message_for_a_tag_says_to_remove_it(tmp_path):
    glossary = write(
        tmp_path / "glossary.yaml",
        "entries:\n  - term: gland\n    explanation: A small organ.\n"
        "    category: !!python/name:os.system\n",
    )
    line = one_line(run_cli("glossary", "check", str(glossary)))
    assert line == (
        f"plainlint: {glossary}, line 4: plainlint cannot read the tag "
        "'!!python/name:os.system' here; remove it"
    )


@pytest.mark.parametrize(("tag", "named"), TAGS)
def test_check_with_a_bad_glossary_blames_the_glossary_not_the_pages(project, tag, named):
    glossary = write(
        project / "glossary.yaml",
        "entries:\n  - term: gland\n    explanation: " + tag.format(marker=project / "ran") + "\n",
    )
    write(project / "plainlint.yaml", "glossary: [glossary.yaml]\n")
    for name in ("a.md", "b.md", "c.md"):
        write(project / name, PAGE)
    line = one_line(run_cli("check", "."))
    assert line.startswith(f"plainlint: {glossary}, line 3: plainlint cannot") and named in line


def test_a_value_its_tag_cannot_hold_says_how_to_fix_it(tmp_path):
    typed = write(tmp_path / "typed.yaml", "rules:\n  long-sentence:\n    max_words: !!int 2x\n")
    dated = write(tmp_path / "dated.yaml", "include:\n  - 2024-02-30\n")
    assert one_line(run_cli("config", "--config", str(typed))).endswith(
        "plainlint cannot read '2x' as a whole number; correct it, or remove the tag !!int"
    )
    assert one_line(run_cli("config", "--config", str(dated))) == (
        f"plainlint: {dated}, line 2: plainlint cannot read '2024-02-30' as a date; "
        "correct it, or put it in quotes to keep it as text"
    )


# -- front matter that cannot be read -----------------------------------------------


@pytest.mark.parametrize(
    ("matter", "line", "reason"),
    [
        ("title: Blood tests\nsummary: a: b\n", 3, "this is not valid YAML: mapping values"),
        ("title: [unclosed\n", 3, "this is not valid YAML"),
        ("title: x\nplainlint:\n  rules: !!python/name:os.system\n", 4, "the tag"),
        ("title: x\naudience: !custom pro\n", 3, "the tag '!custom'"),
        ("title: x\nreviewed: 2024-99-99\n", 3, "'2024-99-99' as a date"),
        ("title: x\ncount: !!int many\n", 3, "'many' as a whole number"),
    ],
)
def test_front_matter_that_cannot_be_read_is_that_pages_one_line(project, matter, line, reason):
    write(project / "bad.md", f"---\n{matter}---\n{PAGE}")
    write(project / "good.md", PAGE)
    result = run_cli("check", "--format", "json", *SELECT, "bad.md", "good.md")
    assert result.exit_code == 2
    assert [e["path"] for e in json_output(result)["files"]] == ["good.md"]
    [shown] = result.stderr.strip().splitlines()
    assert shown.startswith(f"plainlint: bad.md: line {line}, in the front matter: ")
    assert reason in shown


def test_a_page_starting_with_a_rule_is_told_where_its_front_matter_ends(project):
    """A line of --- at the top starts front matter, which runs to the next line of ---."""
    write(project / "page.md", f"---\n\nSee [the guide](guide.md): it helps.\n\nNext\n---\n{PAGE}")
    line = one_line(run_cli("check", *SELECT, "page.md"))
    assert line.startswith("plainlint: page.md: line 6, in the front matter: this is not valid")
    assert line.endswith(" (front matter runs from the --- on line 1 to the next ---)")


def test_front_matter_that_cannot_be_read_stops_plainlint_config_for_that_page(project):
    write(project / "bad.md", f"---\ntitle: a: b\n---\n{PAGE}")
    line = one_line(run_cli("config", "bad.md"))
    assert line.startswith("plainlint: bad.md: line 2, in the front matter: this is not valid")


def test_front_matter_that_is_valid_but_not_a_mapping_is_still_no_settings(project):
    write(project / "list.md", f"---\n- one\n- two\n---\n{PAGE}")
    write(project / "dated.md", f"---\ntitle: x\ndate: 2024-02-01\nsign: =\n---\n{PAGE}")
    result = run_cli("check", "--format", "json", *SELECT, "list.md", "dated.md")
    found = {e["path"]: [f["line"] for f in e["findings"]] for e in json_output(result)["files"]}
    assert found == {"list.md": [5], "dated.md": [6]}


# -- deep nesting in pyproject.toml and in a baseline ---------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a = " * 100_000 + "1" + "}" * 100_000,
        "[" * 150 + "]" * 150,  # deep enough to trouble later steps, not the TOML reader
    ],
    ids=["arrays", "inline-tables", "150-levels"],
)
@pytest.mark.parametrize("command", [("check", "page.md"), ("config", "page.md")])
def test_deeply_nested_pyproject_toml_is_one_line_naming_it(project, value, command):
    pyproject = write(project / "pyproject.toml", f"[tool.plainlint]\ninclude = {value}\n")
    write(project / "page.md", PAGE)
    assert one_line(run_cli(*command)) == (
        f"plainlint: {pyproject}: this TOML is nested too deeply "
        "(more than 100 levels of arrays and tables)"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"plainlint_baseline": 2, "findings": ' + "[" * 100_000, "nested too deeply"),
        ("[" * 100_000 + "]" * 100_000, "this is not a baseline file"),
        ('{"plainlint_baseline": 2, "findings": [{"count": ' + "9" * 5000 + "}]}", "too long"),
    ],
    ids=["findings", "whole-file", "long-number"],
)
def test_a_hostile_baseline_is_one_line_naming_it(project, text, reason):
    baseline = write(project / "baseline.json", text)
    write(project / "page.md", PAGE)
    line = one_line(run_cli("check", "--baseline", str(baseline), "page.md"))
    assert line.startswith(f"plainlint: {baseline}: ") and reason in line


# -- named pipes: refused, never waited on -------------------------------------------

FIFO_COMMANDS = [
    ("check", "--config", "{fifo}", "page.md"),
    ("check", "--config", "{fifo_toml}", "page.md"),
    ("check", "--no-cache", "--glossary", "{fifo}", "page.md"),
    ("check", "--baseline", "{fifo}", "page.md"),
    ("check", "--no-cache", "--config", "names-fifo.yaml", "page.md"),
    ("config", "--config", "{fifo}", "page.md"),
    ("explain", "--glossary", "{fifo}", "biopsy"),
    ("explain", "--config", "names-fifo.yaml", "biopsy"),
    ("glossary", "check", "{fifo}"),
    ("glossary", "check", "--config", "names-fifo.yaml"),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need os.mkfifo")
@pytest.mark.parametrize("command", FIFO_COMMANDS, ids=lambda c: " ".join(c))
def test_a_named_pipe_given_as_a_settings_glossary_or_baseline_file_is_refused(project, command):
    fifo, fifo_toml = project / "pipe.yaml", project / "pipe.toml"
    os.mkfifo(fifo)
    os.mkfifo(fifo_toml)
    write(project / "names-fifo.yaml", "glossary: [pipe.yaml]\n")
    write(project / "page.md", PAGE)
    args = [part.format(fifo=fifo, fifo_toml=fifo_toml) for part in command]
    done = subprocess.run(
        [sys.executable, "-m", "plainlint", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PLAINLINT_CACHE_DIR": str(project / ".cache")},
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("plainlint: ") and "pipe." in line
    assert line.endswith("this is not a regular file (it may be a pipe or a device)")


@pytest.mark.timeout(30)
def test_a_toml_key_of_many_dotted_parts_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.plainlint]\nrules." + ".".join(["a"] * 100_000) + " = 1\n"
    )
    page = tmp_path / "page.md"
    page.write_text("Hello.\n")
    result = run_cli("check", "--no-cache", "--config", str(tmp_path / "pyproject.toml"), str(page))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plainlint: {tmp_path / 'pyproject.toml'}, line 2: ")
    assert "nested too deeply" in result.stderr


@pytest.mark.timeout(30)
def test_toml_front_matter_of_many_dotted_parts_stops_only_that_page(tmp_path):
    deep = tmp_path / "deep.md"
    deep.write_text("+++\n" + ".".join(["a"] * 50_000) + " = 1\n+++\n\nHello.\n")
    good = tmp_path / "good.md"
    good.write_text("Please utilise the ramp.\n")
    result = run_cli("check", "--no-cache", str(deep), str(good))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plainlint: {deep}: line 2, in the front matter: this TOML is nested too deeply to read\n"
    )
    assert f"{good}:1:8: warning plain-words" in result.stdout
