"""Reports a reviewer acts on: GitLab Code Quality, concise text, a Markdown job summary,
JUnit with one test case per problem, and `render`, which the command line calls.

GITLAB_SCHEMA follows GitLab's documented Code Quality report format
(https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON
array of issues, each with `description`, `check_name`, `fingerprint`, `severity` (one of
info, minor, major, critical, blocker) and `location.path` (relative, no leading "./")
with `location.lines.begin`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from conftest import PASSIVE, SENTENCE, WORDS, run_cli
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters import FORMATTERS, render
from plainlint.formatters.concise import format_concise
from plainlint.formatters.gitlab import format_gitlab
from plainlint.formatters.junit import format_junit
from plainlint.formatters.markdown import MAX_FILES, MAX_PROBLEMS, format_markdown
from plainlint.formatters.text_format import summary_line

FORMAL = Finding(  # a message that does not quote its suggestion
    rule="plain-words",
    severity=Severity.WARNING,
    line=12,
    column=1,
    end_line=12,
    end_column=9,
    text="commence",
    message="This word is formal",
    suggestions=("start", "begin"),
)


def sample() -> list[FileResult]:
    """A file with one finding of each severity, a clean file and an unreadable file."""
    return [
        FileResult("docs/page.md", findings=[WORDS, SENTENCE, PASSIVE, FORMAL]),
        FileResult("docs/clean.md"),
        FileResult("docs/bad.md", error="this file is not UTF-8 text"),
    ]


@pytest.fixture(autouse=True)
def _not_in_a_gitlab_job(monkeypatch):
    """Paths are made relative to CI_PROJECT_DIR in a GitLab job; tests set it themselves."""
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)


# render and the registry ------------------------------------------------------------------


def test_new_formats_are_registered():
    assert {"gitlab", "concise", "markdown"} <= set(FORMATTERS)
    assert FORMATTERS["gitlab"] is format_gitlab
    assert FORMATTERS["concise"] is format_concise
    assert FORMATTERS["markdown"] is format_markdown
    assert len(FORMATTERS) == len(list(FORMATTERS))


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_render_gives_every_format_what_it_takes(name, fail_on):
    """Only JUnit takes the threshold; every other format gives what it gives alone."""
    expected = format_junit(sample(), fail_on) if name == "junit" else FORMATTERS[name](sample())
    assert render(name, sample(), fail_on) == expected


def test_render_default_threshold_is_error():
    assert render("junit", sample()) == format_junit(sample(), "error")
    assert render("junit", sample()) != format_junit(sample(), "warning")


@pytest.mark.parametrize("name", ["text", "junit"])
def test_render_refuses_an_unknown_threshold(name):
    with pytest.raises(ValueError):
        render(name, sample(), "warnings")


def test_render_refuses_an_unknown_format():
    with pytest.raises(KeyError):
        render("yaml", sample())


# JUnit ------------------------------------------------------------------------------------


def junit(results: list[FileResult], fail_on: str = "error") -> ET.Element:
    """The parsed report, after checking its two sets of counts agree with its cases."""
    root = ET.fromstring(format_junit(results, fail_on))
    [suite] = root
    cases = suite.findall("testcase")
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(case.find("failure") is not None for case in cases)),
        "errors": str(sum(case.find("error") is not None for case in cases)),
    }
    for element in (root, suite):
        assert {key: element.get(key) for key in counts} == counts
    return root


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("error", ["5:1 long-sentence"]),
        ("warning", ["3:8 plain-words", "5:1 long-sentence", "12:1 plain-words"]),
        ("info", ["3:8 plain-words", "5:1 long-sentence", "9:4 passive-voice", "12:1 plain-words"]),
        ("never", []),
    ],
)
def test_junit_fails_the_findings_at_or_above_the_threshold(fail_on, failing):
    suite = junit(sample(), fail_on).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        "6",
        str(len(failing)),
        "1",  # an unreadable file is an error whatever the threshold
    )
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases if c.find("failure") is not None] == failing
    passing = [c for c in cases[:4] if c.find("failure") is None]
    assert all([child.tag for child in case] == ["system-out"] for case in passing)
    assert len(passing) == 4 - len(failing)


def test_junit_case_for_each_finding_names_its_place():
    cases = junit(sample(), "info").findall("testsuite/testcase")
    assert [(c.get("classname"), c.get("name"), c.get("file"), c.get("line")) for c in cases] == [
        ("docs/page.md", "3:8 plain-words", "docs/page.md", "3"),
        ("docs/page.md", "5:1 long-sentence", "docs/page.md", "5"),
        ("docs/page.md", "9:4 passive-voice", "docs/page.md", "9"),
        ("docs/page.md", "12:1 plain-words", "docs/page.md", "12"),
        ("docs/clean.md", "whole file", "docs/clean.md", None),
        ("docs/bad.md", "whole file", "docs/bad.md", None),
    ]
    formal = cases[3].find("failure")
    assert formal.get("type") == "plain-words"
    assert formal.get("message") == "This word is formal. Try “start” or “begin”."
    assert formal.text == "12:1 warning plain-words This word is formal. Try “start” or “begin”."


def test_junit_passing_finding_keeps_its_message_in_system_out():
    [case] = junit([FileResult("a.md", findings=[PASSIVE])]).findall("testsuite/testcase")
    assert [(child.tag, child.text) for child in case] == [
        ("system-out", "9:4 info passive-voice This sentence is passive.")
    ]


def test_junit_names_are_unique_and_the_same_every_run():
    results = [FileResult("a.md", findings=[WORDS, WORDS, SENTENCE, WORDS])]
    names = [c.get("name") for c in junit(results).iter("testcase")]
    assert names == [
        "3:8 plain-words",
        "3:8 plain-words (2)",
        "5:1 long-sentence",
        "3:8 plain-words (3)",
    ]
    assert format_junit(results) == format_junit(results)


def test_junit_clean_and_unreadable_files_are_one_case_each():
    results = [FileResult("a.md"), FileResult("b.md", error="this is a folder, not a file")]
    clean, bad = junit(results, "never").findall("testsuite/testcase")
    assert list(clean) == []
    [error] = bad
    assert (error.tag, error.get("type"), error.text) == (
        "error",
        "unreadable-file",
        "this is a folder, not a file",
    )
    assert junit([]).find("testsuite").get("tests") == "0"


# GitLab Code Quality ----------------------------------------------------------------------

GITLAB_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "GitLab Code Quality report",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    # Relative, from the project's top folder, "/" between folders.
                    "path": {"type": "string", "pattern": r"^(?!\./|/)[^\\]+$"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def gitlab_validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(GITLAB_SCHEMA)
    return Draft202012Validator(GITLAB_SCHEMA)


def valid_gitlab(validator: Draft202012Validator, text: str) -> list[dict]:
    """The parsed report, after checking it against the schema (every problem listed)."""
    report = json.loads(text)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]
    assert not problems, "\n".join(problems)
    return report


def fingerprints(results: list[FileResult]) -> list[str]:
    return [issue["fingerprint"] for issue in json.loads(format_gitlab(results))]


def test_gitlab_schema_catches_a_broken_report(gitlab_validator):
    report = json.loads(format_gitlab(sample()))
    report[0]["severity"] = "warning"  # GitLab's scale has no "warning"
    del report[1]["location"]["lines"]["begin"]
    report[2]["location"]["path"] = "./docs/page.md"
    del report[3]["fingerprint"]
    assert len(list(gitlab_validator.iter_errors(report))) == 4


def test_gitlab_report_is_valid_and_exact(gitlab_validator):
    report = valid_gitlab(gitlab_validator, format_gitlab(sample()))
    for issue in report:
        assert re.fullmatch(r"[0-9a-f]{64}", issue.pop("fingerprint"))

    def issue(description, check, severity, path, line):
        return {
            "description": description,
            "check_name": check,
            "severity": severity,
            "location": {"path": path, "lines": {"begin": line}},
        }

    assert report == [
        issue(WORDS.message, "plain-words", "minor", "docs/page.md", 3),
        issue(SENTENCE.message, "long-sentence", "major", "docs/page.md", 5),
        issue(PASSIVE.message, "passive-voice", "info", "docs/page.md", 9),
        issue(
            "This word is formal. Try “start” or “begin”.",  # suggestions added, as in SARIF
            "plain-words",
            "minor",
            "docs/page.md",
            12,
        ),
        issue(
            "plainlint could not check this file: this file is not UTF-8 text.",
            "unreadable-file",
            "critical",
            "docs/bad.md",
            1,
        ),
    ]


def test_gitlab_no_findings_is_an_empty_array(gitlab_validator):
    assert valid_gitlab(gitlab_validator, format_gitlab([FileResult("a.md")])) == []
    assert format_gitlab([]) == "[]"


def test_gitlab_fingerprint_is_a_hash_of_path_rule_text_and_repeat():
    """Pinned: a change would make every open problem look new in merge requests."""
    key = json.dumps(["docs/page.md", "plain-words", "utilise", 0], ensure_ascii=False)
    assert hashlib.sha256(key.encode()).hexdigest() == (
        "3c23f3804c87fa484d5c88335514e1007cab546f1fa0f6d646dab8e93f611bb9"
    )
    assert fingerprints(sample())[0] == hashlib.sha256(key.encode()).hexdigest()


def test_gitlab_fingerprints_are_the_same_every_run():
    assert fingerprints(sample()) == fingerprints(sample())
    assert format_gitlab(sample()) == format_gitlab(sample())


def test_gitlab_fingerprint_follows_a_finding_to_another_line():
    """A paragraph added higher up the page moves the findings, not their fingerprints."""
    before = fingerprints([FileResult("a.md", findings=[WORDS, SENTENCE])])
    added = replace(PASSIVE, line=1)
    moved = [added, replace(WORDS, line=7, end_line=7), replace(SENTENCE, line=9, end_line=10)]
    after = fingerprints([FileResult("a.md", findings=moved)])
    assert after[1:] == before
    assert after[0] not in before


def test_gitlab_equal_findings_get_different_fingerprints():
    second = replace(WORDS, line=20, end_line=20)
    prints = fingerprints([FileResult("a.md", findings=[WORDS, second, replace(WORDS)])])
    assert len(set(prints)) == 3
    # The same finding in another file, or from another rule, is another problem.
    assert fingerprints([FileResult("b.md", findings=[WORDS])])[0] not in prints
    other_rule = replace(WORDS, rule="jargon")
    assert fingerprints([FileResult("a.md", findings=[other_rule])])[0] not in prints


def test_gitlab_repeats_count_in_page_order_whatever_the_list_order():
    first, second = WORDS, replace(WORDS, line=20, end_line=20)
    in_order = fingerprints([FileResult("a.md", findings=[first, second])])
    reversed_ = fingerprints([FileResult("a.md", findings=[second, first])])
    assert reversed_ == in_order[::-1]


def test_gitlab_the_first_repeat_keeps_its_fingerprint_when_a_later_one_is_fixed():
    both = fingerprints([FileResult("a.md", findings=[WORDS, replace(WORDS, line=20)])])
    assert fingerprints([FileResult("a.md", findings=[WORDS])]) == both[:1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("./docs/page.md", "docs/page.md"),
        ("docs//page.md", "docs/page.md"),
        ("page.md", "page.md"),
    ],
)
def test_gitlab_paths_are_relative_with_forward_slashes(name, expected):
    [issue] = json.loads(format_gitlab([FileResult(name, findings=[WORDS])]))
    assert issue["location"]["path"] == expected


def test_gitlab_absolute_paths_are_made_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = os.path.join(tmp_path, "docs", "page.md")
    [issue] = json.loads(format_gitlab([FileResult(name, findings=[WORDS])]))
    assert issue["location"]["path"] == "docs/page.md"


def test_gitlab_paths_start_at_the_project_folder_in_a_job(tmp_path, monkeypatch):
    """A job that runs plainlint in a subfolder still names files from the project's top."""
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    [issue] = json.loads(format_gitlab([FileResult("page.md", findings=[WORDS])]))
    assert issue["location"]["path"] == "site/page.md"


# Concise text -----------------------------------------------------------------------------


def test_concise_is_one_line_per_finding_then_the_summary():
    assert format_concise(sample()).splitlines() == [
        "docs/page.md:3:8: warning plain-words " + WORDS.message,
        "docs/page.md:5:1: error long-sentence " + SENTENCE.message,
        "docs/page.md:9:4: info passive-voice " + PASSIVE.message,
        "docs/page.md:12:1: warning plain-words This word is formal",
        "Found 4 problems in 2 files (1 error, 2 warnings, 1 info). "
        "plainlint could not check 1 file.",
    ]


def test_concise_has_no_colour_suggestions_or_why_lines():
    output = format_concise(sample())
    assert "\x1b[" not in output
    assert "suggestion" not in output and "Why:" not in output
    assert output.splitlines()[-1] == summary_line(sample())


def test_concise_keeps_a_message_on_one_line():
    finding = replace(PASSIVE, message="First line.\nSecond line.\r\nThird.")
    [line, _] = format_concise([FileResult("a.md", findings=[finding])]).splitlines()
    assert line == "a.md:9:4: info passive-voice First line. Second line. Third."


def test_concise_with_no_findings_is_the_summary_alone():
    assert format_concise([FileResult("a.md")]) == "No problems found in 1 file."


# Markdown ---------------------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_parts(text: str) -> list[list[tuple[str, str]]]:
    """(token type, content) of each inline part of each block, as GitHub-style Markdown
    reads it: text that was escaped properly comes out as "text" tokens only."""
    return [
        [
            (child.type, child.content)
            for child in token.children or []
            if child.content or child.type != "text"  # markdown-it starts some with ""
        ]
        for token in MARKDOWN.parse(text)
        if token.type == "inline"
    ]


def test_markdown_report_of_findings():
    assert format_markdown(sample()) == (
        "## Plain language check\n"
        "\n"
        "Found 4 problems in 2 files (1 error, 2 warnings, 1 info). "
        "plainlint could not check 1 file.\n"
        "\n"
        "| File | Errors | Warnings | Info |\n"
        "| --- | ---: | ---: | ---: |\n"
        "| docs/page.md | 1 | 2 | 1 |\n"
        "\n"
        "### Most serious problems\n"
        "\n"
        "- **Error** in docs/page.md:5 (long-sentence): "
        "This sentence has 41 words; aim for 25 or fewer.\n"
        "- **Warning** in docs/page.md:3 (plain-words): " + WORDS.message + "\n"
        "- **Warning** in docs/page.md:12 (plain-words): "
        "This word is formal. Try “start” or “begin”.\n"
        "- **Info** in docs/page.md:9 (passive-voice): This sentence is passive.\n"
        "\n"
        "### Files plainlint could not check\n"
        "\n"
        "- docs/bad.md: this file is not UTF-8 text."
    )


def test_markdown_with_no_findings_is_short():
    results = [FileResult("a.md"), FileResult("b.md")]
    assert format_markdown(results) == "## Plain language check\n\nNo problems found in 2 files."


def test_markdown_lists_unreadable_files_with_no_findings():
    results = [FileResult("a.md"), FileResult("b|c.md", error="this is a folder, not a file")]
    assert format_markdown(results) == (
        "## Plain language check\n"
        "\n"
        "No problems found in 1 file. plainlint could not check 1 file.\n"
        "\n"
        "### Files plainlint could not check\n"
        "\n"
        "- b\\|c.md: this is a folder, not a file."
    )


def test_markdown_worst_files_first():
    results = [
        FileResult("a.md", findings=[PASSIVE] * 5),
        FileResult("b.md", findings=[WORDS, WORDS]),
        FileResult("c.md", findings=[SENTENCE]),
        FileResult("d.md", findings=[WORDS, PASSIVE, PASSIVE]),
        FileResult("e.md", findings=[WORDS, WORDS]),
    ]
    rows = [line for line in format_markdown(results).splitlines() if line.startswith("| ")]
    assert rows[2:] == [
        "| c.md | 1 | 0 | 0 |",
        "| b.md | 0 | 2 | 0 |",
        "| e.md | 0 | 2 | 0 |",
        "| d.md | 0 | 1 | 2 |",
        "| a.md | 0 | 0 | 5 |",
    ]


def test_markdown_escapes_formatting_and_pipes():
    """Read back as GitHub-style Markdown, every path and message is plain text as written,
    and a "|" in a path does not add a table cell."""
    path = "docs/a|b_*c*`d`<i>.md"
    message = "Say <b>no</b> to [this](https://x.example) & ~~that~~ | $5 or \\ #1 &amp; *so*."
    finding = replace(PASSIVE, message=message, rule="odd_rule")
    output = format_markdown([FileResult(path, findings=[finding])])
    assert "| docs/a\\|b\\_\\*c\\*\\`d\\`\\<i\\>.md | 0 | 0 | 1 |" in output.splitlines()
    parts = inline_parts(output)
    row = parts[6:10]  # after the heading, the total and the four header cells
    assert row == [
        [("text", path)],
        [("text", "0")],
        [("text", "0")],
        [("text", "1")],
    ]
    [problem] = [part for part in parts if part and part[0][0] == "strong_open"]
    assert problem == [
        ("strong_open", ""),
        ("text", "Info"),
        ("strong_close", ""),
        ("text", f" in {path}:9 (odd_rule): {message}"),
    ]


def test_markdown_cuts_long_tables_short():
    results = [FileResult(f"page{i:02}.md", findings=[WORDS]) for i in range(MAX_FILES + 5)]
    output = format_markdown(results)
    rows = [line for line in output.splitlines() if line.startswith("| page")]
    assert len(rows) == MAX_FILES == 50
    assert rows[-1] == "| page49.md | 0 | 1 | 0 |"
    assert "\n\nAnd 5 more files.\n\n" in output
    one_more = format_markdown(results[: MAX_FILES + 1])
    assert "\n\nAnd 1 more file.\n\n" in one_more
    assert "more file" not in format_markdown(results[:MAX_FILES])


def test_markdown_lists_the_most_serious_problems_first():
    warnings = [replace(WORDS, line=n, end_line=n) for n in range(1, 20)]
    errors = [replace(SENTENCE, line=n, end_line=n) for n in range(30, 36)]
    results = [
        FileResult("a.md", findings=[PASSIVE, *warnings]),
        FileResult("b.md", findings=errors),
    ]
    output = format_markdown(results)
    problems = [line for line in output.splitlines() if line.startswith("- **")]
    assert len(problems) == MAX_PROBLEMS == 20
    assert problems[:7] == [
        *(f"- **Error** in b.md:{n} (long-sentence): {SENTENCE.message}" for n in range(30, 36)),
        f"- **Warning** in a.md:1 (plain-words): {WORDS.message}",
    ]
    assert problems[-1].startswith("- **Warning** in a.md:14 ")
    assert output.endswith("\n\nAnd 6 more problems.")  # 5 warnings and the info are left out


# From the command line --------------------------------------------------------------------


@pytest.fixture
def pages(tmp_path, monkeypatch):
    """A folder with a page to fix, a clean page and one that is not UTF-8, as the cwd."""
    (tmp_path / "words.md").write_text("# Ramps\n\nPlease utilise the ramp.\n")
    (tmp_path / "clean.md").write_text("# Home\n\nYou can go home today.\n")
    (tmp_path / "bad.md").write_bytes(b"# Bad\n\nCaf\xe9 au lait.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("fail_on", "failures"), [("error", "0"), ("warning", "1")])
def test_junit_from_the_command_line_honours_fail_on(pages, fail_on, failures):
    result = run_cli("check", "--no-cache", "--format", "junit", "--fail-on", fail_on, ".")
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", failures, "1")
    words = suite.find("testcase[@classname='words.md']")
    assert words.get("name") == "3:8 plain-words"
    assert [child.tag for child in words] == ["failure" if failures == "1" else "system-out"]


def test_gitlab_from_the_command_line(pages, gitlab_validator):
    result = run_cli("check", "--no-cache", "--format", "gitlab", ".")
    report = valid_gitlab(gitlab_validator, result.stdout)
    assert sorted((i["location"]["path"], i["check_name"], i["severity"]) for i in report) == [
        ("bad.md", "unreadable-file", "critical"),
        ("words.md", "plain-words", "minor"),
    ]


def test_gitlab_gives_a_new_occurrence_above_old_ones_its_own_fingerprint(tmp_path, monkeypatch):
    """The old findings keep theirs, so GitLab shows the new problem on its own line."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "ramp.md"
    old = ["Please utilise the ramp.", "Staff may utilise a hoist."]
    page.write_text("# Getting here\n\n" + "\n\n".join(old) + "\n")

    def issues() -> dict[str, int]:
        result = run_cli("check", "--select", "plain-words", "--format", "gitlab", "ramp.md")
        return {
            i["fingerprint"]: i["location"]["lines"]["begin"] for i in json.loads(result.stdout)
        }

    before = issues()
    page.write_text("# Getting here\n\nWe utilise texts.\n\n" + "\n\n".join(old) + "\n")
    after = issues()
    new = {key: line for key, line in after.items() if key not in before}
    assert list(new.values()) == [3] and len(after) == 3
    assert sorted(after[key] for key in before) == [5, 7]
