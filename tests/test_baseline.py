"""Baselines: record today's findings, then report only new ones.

Findings are matched by file, rule and text, never by line, and counted. The
first half builds FileResults by hand; the second runs `plainlint check` on
real pages.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from conftest import json_output, run_cli

from plainlint.errors import ConfigError, PlainlintError
from plainlint.findings import FileResult, Finding, Metrics, Severity
from plainlint.run.baseline import load_baseline, write_baseline

LONG = "You " + " ".join(["word"] * 40) + "."  # 41 words: a long-sentence error


def hit(rule: str, text: str, line: int, column: int = 1) -> Finding:
    return Finding(
        rule, Severity.WARNING, line, column, line, column + len(text), text, f"{rule} message"
    )


def texts(results: list[FileResult]) -> list[tuple[str, str, str, int]]:
    """(file, rule, text, line) of every finding, in order."""
    return [(r.path, f.rule, f.text, f.line) for r in results for f in r.findings]


def round_trip(tmp_path: Path, before: list[FileResult], after: list[FileResult]) -> list:
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, before)
    return load_baseline(baseline).new_findings(after)


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in tmp_path, so FileResult paths are relative to it like the CLI's."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- matching and counting ---------------------------------------------------------------


def test_the_same_findings_are_not_new_and_everything_else_is_kept(here):
    metrics = Metrics(words=12, sentences=2)
    results = [
        FileResult("a.md", metrics, [hit("plain-words", "utilise", 3)]),
        FileResult("b.md", error="this file is not UTF-8 text"),
        FileResult("c.md", Metrics(words=3), []),
    ]
    new = round_trip(here, results, results)
    assert texts(new) == []
    assert [r.path for r in new] == ["a.md", "b.md", "c.md"]
    assert new[0].metrics is metrics
    assert new[1].error == "this file is not UTF-8 text"
    assert results[0].findings, "the results passed in must not be changed"


def test_findings_match_after_their_lines_move(here):
    before = [FileResult("a.md", findings=[hit("plain-words", "utilise", 1, 8)])]
    after = [FileResult("a.md", findings=[hit("plain-words", "utilise", 40, 3)])]
    assert texts(round_trip(here, before, after)) == []


def test_file_rule_and_text_must_all_match(here):
    before = [FileResult("a.md", findings=[hit("plain-words", "utilise", 1)])]
    after = [
        FileResult("a.md", findings=[hit("plain-words", "utilize", 1)]),
        FileResult("a.md", findings=[hit("jargon", "utilise", 1)]),
        FileResult("b.md", findings=[hit("plain-words", "utilise", 1)]),
    ]
    assert texts(round_trip(here, before, after)) == [
        ("a.md", "plain-words", "utilize", 1),
        ("a.md", "jargon", "utilise", 1),
        ("b.md", "plain-words", "utilise", 1),
    ]


def test_one_more_than_recorded_is_new_and_it_is_the_last_one(here):
    two = [hit("plain-words", "utilise", 2), hit("plain-words", "utilise", 5)]
    before = [FileResult("a.md", findings=two)]
    three = [hit("plain-words", "utilise", line) for line in (2, 5, 9)]
    after = [FileResult("a.md", findings=three)]
    assert texts(round_trip(here, before, after)) == [("a.md", "plain-words", "utilise", 9)]


def test_fewer_than_recorded_means_nothing_is_new(here):
    before = [FileResult("a.md", findings=[hit("plain-words", "utilise", n) for n in (1, 2, 3)])]
    after = [FileResult("a.md", findings=[hit("plain-words", "utilise", 7)])]
    assert texts(round_trip(here, before, after)) == []


def test_a_baseline_can_be_used_for_more_than_one_run(here):
    results = [FileResult("a.md", findings=[hit("plain-words", "utilise", 1)] * 2)]
    write_baseline(here / "baseline.json", results[:1])
    baseline = load_baseline(here / "baseline.json")
    assert texts(baseline.new_findings(results)) == []
    assert texts(baseline.new_findings(results)) == []


def test_page_level_findings_match_on_empty_text(here):
    page = Finding("readability", Severity.INFO, 1, 1, 1, 1, "", "Hard to read")
    before = [FileResult("a.md", findings=[page])]
    assert texts(round_trip(here, before, before)) == []
    other = [FileResult("b.md", findings=[page])]
    assert texts(round_trip(here, before, other)) == [("b.md", "readability", "", 1)]


def test_text_is_compared_word_for_word_so_rewrapping_keeps_it_known(here):
    """Re-wrapping a paragraph, or git turning line ends into CRLF, moves no words."""
    lines = "Your doctor will\nutilise   a scan"
    before = [FileResult("a.md", findings=[hit("long-sentence", lines, 1)])]
    assert texts(round_trip(here, before, before)) == []
    for same in ("Your doctor will utilise a scan", "Your doctor\r\nwill utilise a scan"):
        rewrapped = [FileResult("a.md", findings=[hit("long-sentence", same, 1)])]
        assert texts(round_trip(here, before, rewrapped)) == []
    changed = [
        FileResult("a.md", findings=[hit("long-sentence", "Your doctor will use a scan", 1)])
    ]
    assert len(texts(round_trip(here, before, changed))) == 1
    stored = json.loads((here / "baseline.json").read_text())["findings"][0]["text"]
    assert stored == "Your doctor will utilise a scan"


# --- the file ------------------------------------------------------------------------------


def test_the_file_is_sorted_readable_json_with_one_finding_a_line(here):
    results = [
        FileResult("b.md", findings=[hit("plain-words", "naïve", 1), hit("jargon", "oncology", 2)]),
        FileResult("a.md", findings=[hit("plain-words", "utilise", n) for n in (4, 1)]),
        FileResult("c.md", findings=[hit("x", "y", 1)], error="cannot read this file"),
    ]
    target = here / "baseline.json"
    assert write_baseline(target, results) == 4
    text = target.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["plainlint_baseline"] == 2
    assert "--baseline" in data["description"]
    # The files are not on disk, so no words around the findings are known.
    assert data["findings"] == [
        {"file": "a.md", "rule": "plain-words", "text": "utilise", "count": 2},
        {"file": "b.md", "rule": "jargon", "text": "oncology", "count": 1},
        {"file": "b.md", "rule": "plain-words", "text": "naïve", "count": 1},
    ]
    assert "naïve" in text  # not escaped
    entry_lines = [line for line in text.splitlines() if '"rule"' in line]
    assert len(entry_lines) == 3
    assert text.endswith("}\n")

    write_baseline(target, list(reversed(results)))  # another order, the same bytes
    assert target.read_text(encoding="utf-8") == text


def test_no_findings_still_makes_a_baseline(here):
    target = here / "baseline.json"
    assert write_baseline(target, [FileResult("a.md")]) == 0
    assert json.loads(target.read_text())["findings"] == []
    new = load_baseline(target).new_findings([FileResult("a.md", findings=[hit("x", "y", 1)])])
    assert len(texts(new)) == 1


def test_a_text_with_a_stray_surrogate_is_stored_escaped(here):
    odd = "bad \udc80 byte"
    before = [FileResult("a.md", findings=[hit("plain-words", odd, 1)])]
    assert texts(round_trip(here, before, before)) == []
    assert "\\udc80" in (here / "baseline.json").read_text()


# --- file names ----------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a docs folder; the baseline is written from the project root."""
    root = tmp_path / "project"
    (root / "docs" / "sub").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def stored_files(baseline: Path) -> list[str]:
    return [entry["file"] for entry in json.loads(baseline.read_text())["findings"]]


def test_files_are_stored_relative_to_the_baseline_folder(project, monkeypatch):
    results = [FileResult("./docs/sub/../a.md", findings=[hit("plain-words", "utilise", 1)])]
    write_baseline(Path("baseline.json"), results)
    assert stored_files(project / "baseline.json") == ["docs/a.md"]

    monkeypatch.chdir(project / "docs" / "sub")  # the same file, spelled from elsewhere
    baseline = load_baseline(Path("../../baseline.json"))
    for spelling in ("../a.md", str(project / "docs" / "a.md")):
        again = [FileResult(spelling, findings=[hit("plain-words", "utilise", 9)])]
        assert texts(baseline.new_findings(again)) == [], spelling
    other = [FileResult("a.md", findings=[hit("plain-words", "utilise", 9)])]  # docs/sub/a.md
    assert len(texts(baseline.new_findings(other))) == 1


def test_a_baseline_in_a_subfolder_names_files_from_there(project, monkeypatch):
    write_baseline(
        Path("docs/baseline.json"),
        [FileResult("docs/sub/a.md", findings=[hit("plain-words", "utilise", 1)])],
    )
    assert stored_files(project / "docs" / "baseline.json") == ["sub/a.md"]
    monkeypatch.chdir(project / "docs")
    baseline = load_baseline(Path("baseline.json"))
    again = [FileResult("sub/a.md", findings=[hit("plain-words", "utilise", 3)])]
    assert texts(baseline.new_findings(again)) == []


def test_a_file_outside_the_baseline_folder_is_stored_as_given_but_tidied(project):
    outside = [FileResult("../other/./x.md", findings=[hit("plain-words", "utilise", 1)])]
    write_baseline(Path("baseline.json"), outside)
    assert stored_files(project / "baseline.json") == ["../other/x.md"]
    again = [FileResult("../other/x.md", findings=[hit("plain-words", "utilise", 5)])]
    assert texts(load_baseline(Path("baseline.json")).new_findings(again)) == []


# --- bad baseline files --------------------------------------------------------------------

BAD = {
    "missing": None,
    "empty": "",
    "not-json": "{'findings': []}",
    "a-list": "[]",
    "no-version": '{"findings": []}',
    "newer-version": '{"plainlint_baseline": 3, "findings": []}',
    "before-not-a-string": '{"plainlint_baseline": 2, "findings": '
    '[{"file": "a.md", "rule": "x", "text": "", "before": 1, "after": "", "count": 1}]}',
    "true-version": '{"plainlint_baseline": true, "findings": []}',
    "findings-not-a-list": '{"plainlint_baseline": 1, "findings": {}}',
    "no-findings": '{"plainlint_baseline": 1}',
    "entry-not-an-object": '{"plainlint_baseline": 1, "findings": ["a.md"]}',
    "entry-without-rule": '{"plainlint_baseline": 1, "findings": [{"file": "a.md", "text": ""}]}',
    "text-not-a-string": '{"plainlint_baseline": 1, "findings": '
    '[{"file": "a.md", "rule": "x", "text": 3, "count": 1}]}',
    "count-zero": '{"plainlint_baseline": 1, "findings": '
    '[{"file": "a.md", "rule": "x", "text": "", "count": 0}]}',
    "count-true": '{"plainlint_baseline": 1, "findings": '
    '[{"file": "a.md", "rule": "x", "text": "", "count": true}]}',
    "count-a-string": '{"plainlint_baseline": 1, "findings": '
    '[{"file": "a.md", "rule": "x", "text": "", "count": "2"}]}',
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_baseline_is_one_plain_config_error_naming_the_file(tmp_path, case):
    path = tmp_path / f"{case}.json"
    if BAD[case] is not None:
        path.write_text(BAD[case])
    with pytest.raises(ConfigError) as caught:
        load_baseline(path)
    assert caught.value.where == str(path)
    assert caught.value.reason and "\n" not in caught.value.reason
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "does not exist"),
        ("{not json", "not valid JSON"),
        ("# A page named by mistake\n", "this is not a baseline file"),
        ('{"plainlint_baseline": 3}', "version 3"),
        ('{"plainlint_baseline": 1, "findings": [1, {"file": "a"}]}', "finding 1"),
    ],
)
def test_the_reason_says_what_is_wrong(tmp_path, content, reason):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError, match=re.escape(reason)):
        load_baseline(path)


def test_a_folder_or_non_utf8_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="folder"):
        load_baseline(tmp_path)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"plainlint_baseline": 1, "findings": [], "x": "\xe9"}')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_baseline(latin)


def test_a_hand_merged_baseline_with_a_repeated_entry_adds_the_counts(here):
    entry = {"file": "a.md", "rule": "plain-words", "text": "utilise", "count": 1}
    path = here / "baseline.json"
    path.write_text(json.dumps({"plainlint_baseline": 1, "findings": [entry, entry]}))
    three = [FileResult("a.md", findings=[hit("plain-words", "utilise", n) for n in (1, 2, 3)])]
    assert texts(load_baseline(path).new_findings(three)) == [("a.md", "plain-words", "utilise", 3)]


# --- writing is atomic ---------------------------------------------------------------------

OLD = '{"plainlint_baseline": 1, "findings": []}\n'
SOME = [FileResult("a.md", findings=[hit("plain-words", "utilise", 1)])]


def test_a_failed_replace_leaves_the_old_baseline_and_no_temporary_file(here, monkeypatch):
    target = here / "baseline.json"
    target.write_text(OLD)

    def refuse(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PlainlintError) as caught:
        write_baseline(target, SOME)
    assert caught.value.where == str(target)
    assert "Permission denied" in caught.value.reason
    assert target.read_text() == OLD
    assert sorted(p.name for p in here.iterdir()) == ["baseline.json"]


def test_a_crash_while_writing_leaves_no_temporary_file(here, monkeypatch):
    target = here / "baseline.json"
    target.write_text(OLD)

    def crash(handle):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_baseline(target, SOME)
    assert target.read_text() == OLD
    assert sorted(p.name for p in here.iterdir()) == ["baseline.json"]


def test_writing_into_a_missing_folder_or_onto_a_folder_is_a_plain_error(here):
    with pytest.raises(PlainlintError, match="does not exist"):
        write_baseline(here / "nowhere" / "baseline.json", SOME)
    (here / "taken").mkdir()
    with pytest.raises(PlainlintError, match="folder") as caught:
        write_baseline(here / "taken", SOME)
    assert caught.value.where == str(here / "taken")
    assert sorted(p.name for p in here.iterdir()) == ["taken"]
    assert list((here / "taken").iterdir()) == []


def test_a_rewritten_baseline_keeps_its_permissions(here):
    target = here / "baseline.json"
    target.write_text(OLD)
    target.chmod(0o640)
    write_baseline(target, SOME)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert json.loads(target.read_text())["findings"][0]["text"] == "utilise"


def test_a_new_baseline_is_readable_by_others_as_the_umask_allows(here):
    old_mask = os.umask(0o022)
    try:
        write_baseline(here / "baseline.json", SOME)
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((here / "baseline.json").stat().st_mode) == 0o644


# --- end to end: `plainlint check --write-baseline` and `--baseline` -----------------------

RAMP = "# Getting here\n\nPlease utilise the ramp.\n"
MOVED = "# Getting here\n\nThe car park is open.\n\nThe lift is on the left.\n\nPlease utilise the ramp.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A content repository with one warning and one error; runs start in its root."""
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "ramp.md").write_text(RAMP)
    (root / "docs" / "scan.txt").write_text(f"{LONG}\n")
    monkeypatch.chdir(root)
    return root


def recorded(site: Path) -> Path:
    """Write a baseline of the site's pages as they are now; returns its path."""
    baseline = site / "plainlint-baseline.json"
    result = run_cli("check", "--write-baseline", str(baseline), "docs")
    assert result.exit_code == 0, result.output
    return baseline


def report(*args: str) -> tuple[int, list[tuple[str, str, str, int]]]:
    """Exit code and (file, rule, text, line) of every finding a JSON run prints."""
    result = run_cli("check", "--format", "json", *args)
    findings = [
        (Path(f["path"]).name, x["rule"], x["text"], x["line"])
        for f in json_output(result)["files"]
        for x in f["findings"]
    ]
    return result.exit_code, findings


def test_write_baseline_records_todays_findings_and_exits_0(site):
    baseline = site / "plainlint-baseline.json"
    result = run_cli("check", "--write-baseline", str(baseline), "docs")
    assert result.exit_code == 0, result.output
    assert re.search(r"\b2 findings\b", result.output), result.output
    entries = json.loads(baseline.read_text())["findings"]
    assert [(e["file"], e["rule"], e["text"], e["count"]) for e in entries] == [
        ("docs/ramp.md", "plain-words", "utilise", 1),
        ("docs/scan.txt", "long-sentence", LONG, 1),
    ]


def test_with_the_baseline_the_same_pages_report_nothing(site):
    baseline = recorded(site)
    result = run_cli("check", "--baseline", str(baseline), "--fail-on", "info", "docs")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No problems found in 2 files."


def test_old_findings_stay_hidden_when_paragraphs_are_added_above_them(site):
    baseline = recorded(site)
    (site / "docs" / "ramp.md").write_text(MOVED)
    (site / "docs" / "scan.txt").write_text(f"Bring your card.\n\nCome early.\n\n{LONG}\n")
    code, everything = report("docs")  # without the baseline: the same two, on new lines
    assert (code, [(name, rule, line) for name, rule, _, line in everything]) == (
        1,
        [("ramp.md", "plain-words", 7), ("scan.txt", "long-sentence", 5)],
    )
    assert report("--baseline", str(baseline), "--fail-on", "info", "docs") == (0, [])


def test_a_new_finding_is_reported_and_the_exit_code_follows_fail_on(site):
    baseline = recorded(site)
    (site / "docs" / "ramp.md").write_text(MOVED + "\nPlease utilise the lift.\n")
    new = [("ramp.md", "plain-words", "utilise", 9)]  # the second 'utilise' is the new one
    assert report("--baseline", str(baseline), "docs") == (0, new)
    assert report("--baseline", str(baseline), "--fail-on", "warning", "docs") == (1, new)
    text = run_cli("check", "--baseline", str(baseline), "docs").stdout
    assert "ramp.md:9:8: warning plain-words" in text
    assert ":7:8:" not in text
    assert (
        text.splitlines()[-1]
        == "Found 1 problem in 2 files (1 warning). 1 can be fixed with --fix."
    )

    longer = "We " + " ".join(["word"] * 40) + "."
    (site / "docs" / "scan.txt").write_text(f"{LONG}\n\n{longer}\n")
    code, found = report("--baseline", str(baseline), "docs")
    assert code == 1
    assert [(name, rule, text) for name, rule, text, _ in found] == [
        ("ramp.md", "plain-words", "utilise"),
        ("scan.txt", "long-sentence", longer),
    ]


def test_a_baseline_recorded_in_one_folder_works_from_the_project_root(site, monkeypatch):
    monkeypatch.chdir(site / "docs")
    result = run_cli("check", "--write-baseline", "../plainlint-baseline.json", ".")
    assert result.exit_code == 0, result.output
    files = [
        e["file"] for e in json.loads((site / "plainlint-baseline.json").read_text())["findings"]
    ]
    assert files == ["docs/ramp.md", "docs/scan.txt"]

    monkeypatch.chdir(site.parent)
    spellings = [
        ("site/plainlint-baseline.json", "site/docs/"),
        (str(site / "plainlint-baseline.json"), str(site / "docs" / "ramp.md")),
        ("./site/../site/plainlint-baseline.json", "site/./docs"),
    ]
    for baseline, pages in spellings:
        assert report("--baseline", baseline, "--fail-on", "info", pages) == (0, []), pages
    (site / "docs" / "ramp.md").write_text(RAMP + "\nPlease utilise the lift.\n")
    assert report("--baseline", spellings[0][0], "site/docs") == (
        0,
        [("ramp.md", "plain-words", "utilise", 5)],
    )


def test_a_missing_baseline_is_exit_2_with_one_line_naming_it(site):
    missing = site / "no-such-baseline.json"
    result = run_cli("check", "--baseline", str(missing), "docs")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(missing) in lines[0]
    assert lines[0].startswith("plainlint: ")


def test_a_broken_baseline_is_exit_2_with_one_line_naming_it(site):
    broken = site / "plainlint-baseline.json"
    broken.write_text('{"plainlint_baseline": 1, "findings": [{"file": "docs/ramp.md"}]}')
    result = run_cli("check", "--baseline", str(broken), "docs")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert str(broken) in line and "finding 1" in line


def test_a_baseline_that_cannot_be_written_is_exit_2_with_one_line(site):
    result = run_cli("check", "--write-baseline", str(site / "nowhere" / "b.json"), "docs")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert str(site / "nowhere" / "b.json") in line
    assert not (site / "nowhere").exists()


# --- the words around a finding tell old from new ------------------------------------------

THREE = [
    "Please utilise the ramp at the front door.",
    "Staff may utilise a hoist to help you.",
    "You can utilise the car park for free.",
]
ADDED = "We utilise texts to remind you."


def _page(paragraphs: list[str]) -> str:
    return "# Getting here\n\n" + "\n\n".join(paragraphs) + "\n"


def _new_lines(site: Path, baseline: Path) -> list[tuple[str, int]]:
    code, found = report("--select", "plain-words", "--baseline", str(baseline), "docs")
    assert code == 0
    return [(text, line) for _, _, text, line in found]


@pytest.mark.parametrize("place", [0, 1, 2, 3], ids=["above", "between", "between-2", "below"])
def test_a_new_occurrence_of_an_old_word_is_the_one_reported(site, place):
    """The issue's case: a new 'utilise' above old ones was hidden, and an old one reported."""
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE))
    baseline = recorded(site)
    edited = [*THREE[:place], ADDED, *THREE[place:]]
    (site / "docs" / "ramp.md").write_text(_page(edited))
    line = 3 + 2 * place  # the heading, a blank line, then one paragraph every two lines
    assert _new_lines(site, baseline) == [("utilise", line)]


def test_an_old_finding_whose_sentence_was_edited_at_one_end_stays_old(site):
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE))
    baseline = recorded(site)
    edited = [THREE[0], "Our staff may utilise a hoist to help you.", THREE[2]]
    (site / "docs" / "ramp.md").write_text(_page([ADDED, *edited]))
    assert _new_lines(site, baseline) == [("utilise", 3)]


def test_a_rewritten_sentence_round_an_old_word_is_read_again(site):
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE[:1]))
    baseline = recorded(site)
    (site / "docs" / "ramp.md").write_text(_page(["If you can, utilise our new lift."]))
    assert _new_lines(site, baseline) == [("utilise", 3)]


def test_a_new_word_is_reported_when_old_ones_are_deleted_in_the_same_edit(site):
    """The old sentences go; a new one with the same word comes in elsewhere."""
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE))
    baseline = recorded(site)
    (site / "docs" / "ramp.md").write_text(_page([ADDED, THREE[0]]))
    assert _new_lines(site, baseline) == [("utilise", 3)]


def test_the_baseline_keeps_the_words_around_each_finding(site):
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE[:2]))
    entries = json.loads(recorded(site).read_text())["findings"]
    assert [(e["before"], e["after"]) for e in entries] == [
        ("Please", "the ramp at the"),  # the words of its own paragraph only
        ("Staff may", "a hoist to help"),
    ]


def test_a_version_1_baseline_still_works_by_count(site):
    old = {
        "plainlint_baseline": 1,
        "findings": [
            {"file": "docs/ramp.md", "rule": "plain-words", "text": "utilise", "count": 1}
        ],
    }
    (site / "docs" / "scan.txt").unlink()
    (site / "docs" / "ramp.md").write_text(_page(THREE[:2]))
    baseline = site / "old.json"
    baseline.write_text(json.dumps(old))
    assert _new_lines(site, baseline) == [("utilise", 5)]


def test_prune_takes_out_findings_that_are_gone_and_keeps_the_rest(site):
    baseline = recorded(site)
    (site / "docs" / "ramp.md").write_text(RAMP.replace("utilise", "use"))
    before = baseline.read_text()
    result = run_cli("check", "--baseline", str(baseline), "--prune-baseline", "docs")
    assert result.exit_code == 0, result.output
    assert f"{baseline}: took out 1 finding that plainlint no longer finds." in result.stderr
    entries = json.loads(baseline.read_text())["findings"]
    assert [(e["file"], e["rule"]) for e in entries] == [("docs/scan.txt", "long-sentence")]
    assert json.loads(before)["findings"][1] == entries[0]
    # A file this run did not check keeps its entries.
    (site / "docs" / "scan.txt").write_text("Short.\n")
    run_cli("check", "--baseline", str(baseline), "--prune-baseline", "docs/ramp.md")
    assert json.loads(baseline.read_text())["findings"] == entries


def test_prune_needs_a_baseline(site):
    result = run_cli("check", "--prune-baseline", "docs")
    assert result.exit_code == 2
    assert "--prune-baseline needs a baseline" in result.stderr


def test_prune_drops_the_findings_of_a_page_that_is_gone(site):
    baseline = recorded(site)
    (site / "docs" / "ramp.md").rename(site / "docs" / "lift.md")  # renamed: its old name goes
    result = run_cli("check", "--baseline", str(baseline), "--prune-baseline", "docs/scan.txt")
    assert result.exit_code == 0, result.output
    entries = json.loads(baseline.read_text())["findings"]
    assert [e["file"] for e in entries] == ["docs/scan.txt"]


def test_the_closest_old_finding_wins_wherever_the_new_one_is(site):
    """A new "utilise" above an old one whose next sentence was edited: the old one
    keeps its entry (three words in common after it), and the new one is reported."""
    (site / "docs" / "scan.txt").unlink()
    old = "Please utilise the ramp. Most people do."
    (site / "docs" / "ramp.md").write_text(_page([old]))
    baseline = recorded(site)
    edited = ["Please utilise the lift if you can.", old.replace("Most", "Many")]
    (site / "docs" / "ramp.md").write_text(_page(edited))
    assert _new_lines(site, baseline) == [("utilise", 3)]
