"""The command line: output formats, rule selection, exit codes, rule docs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, json_output, run_cli

from plainlint import __version__
from plainlint.cli import _exit_status
from plainlint.rules import RULES

LONG = "You " + " ".join(["word"] * 40) + "."


@pytest.fixture
def pages(tmp_path):
    (tmp_path / "long.md").write_text(f"# Title\n\n{LONG}\n")
    (tmp_path / "words.txt").write_text("Please utilise the ramp.\n")
    (tmp_path / "clean.html").write_text("<p>You can go home today.</p>")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # not a checked type: skipped
    return tmp_path


def test_examples_show_findings_at_exact_positions():
    result = run_cli("check", "--format", "json", str(ROOT / "examples"))
    assert result.exit_code == 1
    report = json_output(result)
    assert len(report["files"]) == 3
    for file in report["files"]:
        assert file["findings"], f"{file['path']} shows no findings"
        lines = (ROOT / "examples" / file["path"].split("examples/")[-1]).read_text().split("\n")
        for finding in file["findings"]:
            if finding["line"] == finding["end_line"] and finding["text"]:
                line = lines[finding["line"] - 1]
                assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]


def test_json_has_exactly_the_agreed_shape(pages):
    report = json_output(run_cli("check", "--format", "json", str(pages)))
    assert set(report) == {"version", "files", "summary"}
    assert report["version"] == __version__
    assert set(report["summary"]) == {"files", "findings", "error", "warning", "info"}
    assert report["summary"]["files"] == 3
    file = next(f for f in report["files"] if f["path"].endswith("long.md"))
    assert set(file) == {"path", "metrics", "findings"}
    assert set(file["metrics"]) == {
        "words",
        "sentences",
        "average_sentence_words",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "smog_index",
        "paragraphs",
        "headings",
        "images",
        "lists",
        "passive_sentences_percent",
    }
    [finding] = file["findings"]
    assert set(finding) == {
        "rule",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "message",
        "suggestions",
    }
    assert (finding["rule"], finding["severity"], finding["line"], finding["column"]) == (
        "long-sentence",
        "error",
        3,
        1,
    )
    assert isinstance(file["metrics"]["average_sentence_words"], float)


def test_text_output_lines_and_summary(pages):
    result = run_cli("check", str(pages))
    lines = result.stdout.splitlines()
    assert f"{pages / 'long.md'}:3:1: error long-sentence This sentence has 41 words" in lines[0]
    assert lines[1].startswith(f"{pages / 'words.txt'}:1:8: warning plain-words")
    assert lines[2] == "    suggestion: use"
    # the why, once per rule, after the findings: messages say only what to write
    assert lines[-3:-1] == [
        "Why: plainlint rules long-sentence",
        "Why: plainlint rules plain-words",
    ]
    assert (
        lines[-1] == "Found 2 problems in 3 files (1 error, 1 warning). 1 can be fixed with --fix."
    )
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_clean_files_say_so_and_exit_0(pages):
    result = run_cli("check", str(pages / "clean.html"))
    assert result.exit_code == 0
    assert result.stdout.strip() == "No problems found in 1 file."


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(pages, fail_on, code):
    assert run_cli("check", "--fail-on", fail_on, str(pages)).exit_code == code


def test_fail_on_warning_catches_warnings_only_files(pages):
    target = str(pages / "words.txt")
    assert run_cli("check", target).exit_code == 0
    assert run_cli("check", "--fail-on", "warning", target).exit_code == 1
    assert run_cli("check", "--fail-on", "info", target).exit_code == 1


def test_select_and_ignore(pages):
    only = json_output(run_cli("check", "--format", "json", "--select", "plain-words", str(pages)))
    assert {f["rule"] for file in only["files"] for f in file["findings"]} == {"plain-words"}
    rest = json_output(
        run_cli("check", "--format", "json", "--ignore", "plain-words,readability", str(pages))
    )
    assert {f["rule"] for file in rest["files"] for f in file["findings"]} == {"long-sentence"}


def test_unknown_rule_in_select_is_a_usage_error(pages):
    result = run_cli("check", "--select", "long-sentense", str(pages))
    assert result.exit_code == 2
    assert "unknown rule 'long-sentense'" in result.stderr


def test_default_path_is_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("Please utilise it.\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert "Found 1 problem in 1 file (1 warning)." in result.stdout


def test_hidden_and_dependency_folders_are_not_searched(tmp_path):
    for folder in (".git", "node_modules"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("Please utilise it.\n")
    result = run_cli("check", str(tmp_path))
    assert "No problems found in 0 files." in result.stdout


def test_rules_lists_every_rule():
    result = run_cli("rules")
    assert result.exit_code == 0
    for rule_id, rule in RULES.items():
        assert any(
            line.startswith(rule_id) and rule.summary in line for line in result.stdout.splitlines()
        )


def test_rules_id_prints_the_full_documentation():
    result = run_cli("rules", "long-sentence")
    assert result.exit_code == 0
    for heading in ("Why it matters", "What to do", "Flagged", "Left alone", "max_words"):
        assert heading in result.stdout
    assert "(now 25)" in result.stdout


def test_rules_unknown_id():
    result = run_cli("rules", "nope")
    assert result.exit_code == 2
    assert "unknown rule 'nope'" in result.stderr


def test_installed_command_runs_as_a_real_process(tmp_path):
    """One real run of the installed console script, not through click's runner."""
    beside_python = Path(sys.executable).parent / "plainlint"
    executable = str(beside_python) if beside_python.exists() else shutil.which("plainlint")
    assert executable, "the plainlint command is not installed"
    page = tmp_path / "page.md"
    page.write_text("Prior to your scan, drink water.\n")
    done = subprocess.run(
        [executable, "check", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    [finding] = json.loads(done.stdout)["files"][0]["findings"]
    assert (finding["text"], finding["suggestions"]) == ("Prior to", ["Before"])
    module = subprocess.run(
        [sys.executable, "-m", "plainlint", "--version"], capture_output=True, text=True
    )
    assert module.stdout.strip() == f"plainlint, version {__version__}"


def test_the_command_ends_without_tidying_up_and_loses_no_output(tmp_path):
    """The command skips Python's slow tidy-up at the end: every line still gets out,
    through a pipe, and the exit codes stay the same."""
    for n in range(30):
        (tmp_path / f"page{n:02}.md").write_text(
            f"# Visit {n}\n\nPrior to your scan, please utilise the ramp.\n", encoding="utf-8"
        )
    command = [sys.executable, "-m", "plainlint", "check", "--no-cache", "--fail-on", "warning"]
    done = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert sum(1 for line in lines if " plain-words " in line) == 60  # two on each page
    assert lines[-1] == "Found 60 problems in 30 files (60 warnings). 60 can be fixed with --fix."
    missing = subprocess.run([*command, str(tmp_path / "nope.md")], capture_output=True, text=True)
    assert missing.returncode == 2
    assert "nope.md" in missing.stderr
    with subprocess.Popen([*command, str(tmp_path)], stdout=subprocess.PIPE) as piped:
        assert piped.stdout is not None
        piped.stdout.readline()
        piped.stdout.close()  # "plainlint check | head -1"
        assert piped.wait(timeout=120) == 1


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2), ("bad", 1)])
def test_exit_status_follows_python(code, status, capsys):
    assert _exit_status(code) == status
    assert capsys.readouterr().err == ("bad\n" if code == "bad" else "")


# -- options for scripts and CI: --statistics, combinations that make no sense ---------------


def test_statistics_print_a_count_per_rule_instead_of_findings(pages):
    result = run_cli("check", "--statistics", "--select", "plain-words,long-sentence", str(pages))
    assert result.exit_code == 1  # the long sentence is an error: the exit code is unchanged
    rows = [line.split()[:2] for line in result.stdout.splitlines() if line.strip()]
    assert ["1", "long-sentence"] in rows and ["1", "plain-words"] in rows
    assert "utilise" not in result.stdout  # no finding lines


def test_statistics_as_json(pages):
    result = run_cli(
        "check", "--statistics", "--format", "json", "--select", "plain-words", str(pages)
    )
    assert [(row["rule"], row["count"]) for row in json.loads(result.stdout)] == [
        ("plain-words", 1)
    ]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("--statistics", "--format", "sarif"), "--statistics works with --format text or json"),
        (("--baseline", "a.json", "--write-baseline", "b.json"), "not both"),
        (("--stdin-filename", "page.md"), "needs '-' as the path"),
    ],
)
def test_options_that_do_not_go_together_exit_2(pages, args, reason):
    result = run_cli("check", *args, str(pages))
    assert result.exit_code == 2
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1
