"""Suppression comments (`plainlint-disable` and friends) and unused-suppression.

Precision first: for each thing a comment must keep quiet there is a test for
what it must leave alone (findings outside its region, other rules, look-alike
text in code, ordinary comments).
"""

from __future__ import annotations

import pytest
from conftest import json_output, run_cli, slice_of

from plainlint.documents import BlockKind, parse_document
from plainlint.findings import Severity
from plainlint.rules.illustrations import MissingIllustration
from plainlint.rules.readability import Readability
from plainlint.run.engine import Linter
from plainlint.settings.loading import load_settings

UTILISE = "Please utilise the ramp."  # plain-words on "utilise"
PATIENTS = "Patients should rest."  # address-reader on "Patients"
QUIET = "You can go home today."  # no rule finds anything
WORDS = ("plain-words", "unused-suppression")
BOTH = ("plain-words", "address-reader", "unused-suppression")


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def where(found) -> list[tuple[str, int]]:
    """Rule and line of each finding, in order."""
    return [(f.rule, f.line) for f in found]


def unused(found):
    return [f for f in found if f.rule == "unused-suppression"]


def linter_with(tmp_path, settings_yaml: str, **kwargs) -> Linter:
    config = tmp_path / "plainlint.yaml"
    config.write_text(settings_yaml)
    return Linter.create(load_settings(config), **kwargs)


# -- disable ... enable --------------------------------------------------------


def test_region_ends_at_enable(findings):
    source = (
        f"{UTILISE}\n\n"
        "<!-- plainlint-disable plain-words -->\n\n"
        f"{UTILISE}\n\n"
        "<!-- plainlint-enable -->\n\n"
        f"{UTILISE}\n"
    )
    assert where(findings(source, *WORDS)) == [("plain-words", 1), ("plain-words", 9)]


def test_region_without_enable_lasts_to_the_end_of_the_file(findings):
    source = f"{UTILISE}\n\n<!-- plainlint-disable plain-words -->\n\n" + "\n\n".join([UTILISE] * 3)
    assert where(findings(source, *WORDS)) == [("plain-words", 1)]


def test_region_starts_where_the_comment_ends_on_the_same_line(findings):
    source = (
        f"{UTILISE} <!-- plainlint-disable plain-words --> {UTILISE} "
        f"<!-- plainlint-enable --> {UTILISE}\n"
    )
    found = findings(source, *WORDS)
    first, third = source.index("utilise"), source.rindex("utilise")
    assert [f.column for f in found] == [first + 1, third + 1]


def test_region_keeps_other_rules(findings):
    source = f"<!-- plainlint-disable plain-words -->\n{UTILISE} {PATIENTS}\n"
    assert where(findings(source, *BOTH)) == [("address-reader", 2)]


def test_region_with_no_rule_id_covers_every_rule(findings):
    source = f"{PATIENTS}\n\n<!-- plainlint-disable -->\n{UTILISE} {PATIENTS}\n"
    assert where(findings(source, *BOTH)) == [("address-reader", 1)]


@pytest.mark.parametrize(
    "rule_list",
    [
        "plain-words,address-reader",
        "plain-words, address-reader",
        "plain-words address-reader",
        "plain-words ,  address-reader,",
        "plain-words\taddress-reader",
    ],
)
def test_rule_ids_are_separated_by_commas_and_spaces(findings, rule_list):
    source = (
        f"<!-- plainlint-disable-next-line {rule_list} -->\n{UTILISE} {PATIENTS} You {words(25)}.\n"
    )
    found = findings(source, "long-sentence", *BOTH)
    assert where(found) == [("long-sentence", 2)]  # the rule not named still checks the line


def test_rule_ids_may_run_over_several_lines_of_the_comment(findings):
    source = (
        "<!-- plainlint-disable-next-line\n     plain-words,\n     address-reader -->\n"
        f"{UTILISE} {PATIENTS}\n"
    )
    assert findings(source, *BOTH) == []


def test_overlapping_regions_switch_rules_back_on_one_at_a_time(findings):
    line = f"{UTILISE} {PATIENTS}"
    source = (
        "<!-- plainlint-disable plain-words -->\n"
        "<!-- plainlint-disable address-reader -->\n"
        f"{line}\n"
        "<!-- plainlint-enable plain-words -->\n"
        f"{line}\n"
        "<!-- plainlint-enable -->\n"
        f"{line}\n"
    )
    assert where(findings(source, *BOTH)) == [
        ("plain-words", 5),
        ("plain-words", 7),
        ("address-reader", 7),
    ]


def test_enable_of_one_rule_inside_a_region_for_every_rule(findings):
    line = f"{UTILISE} {PATIENTS}"
    source = (
        f"<!-- plainlint-disable -->\n{line}\n\n<!-- plainlint-enable plain-words -->\n{line}\n"
    )
    assert where(findings(source, *BOTH)) == [("plain-words", 5)]


# -- disable-next-line, disable-line -------------------------------------------


def test_next_line_skips_blank_lines(findings):
    source = f"<!-- plainlint-disable-next-line plain-words -->\n\n   \n\n{UTILISE}\n\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 7)]


def test_next_line_covers_one_line_of_a_paragraph_only(findings):
    source = f"<!-- plainlint-disable-next-line plain-words -->\n{UTILISE}\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 3)]


def test_next_line_covers_a_finding_that_starts_there_and_runs_on(findings):
    source = (
        "<!-- plainlint-disable-next-line long-sentence -->\n"
        f"You {words(12)}\n{words(20)}.\n\n"
        f"You {words(12)}\n{words(20)}.\n"
    )
    found = findings(source, "long-sentence", "unused-suppression")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("long-sentence", 5, 6)]


def test_next_line_does_not_cover_a_finding_that_starts_before_it(findings):
    source = f"You {words(12)} <!-- plainlint-disable-next-line long-sentence -->\n{words(20)}.\n"
    found = findings(source, "long-sentence", "unused-suppression")
    assert sorted(f.rule for f in found) == ["long-sentence", "unused-suppression"]


def test_next_line_counts_from_the_end_of_a_comment_over_several_lines(findings):
    source = f"<!--\n  plainlint-disable-next-line plain-words\n-->\n{UTILISE}\n\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 6)]


def test_disable_line_covers_its_own_line_only(findings):
    source = f"{UTILISE} <!-- plainlint-disable-line plain-words --> {UTILISE}\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 2)]


def test_disable_line_covers_every_line_of_its_comment(findings):
    source = f"{UTILISE} <!-- plainlint-disable-line plain-words\n--> {UTILISE}\n\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 4)]


def test_next_line_with_no_rule_id_covers_every_rule_on_that_line_only(findings):
    line = f"{UTILISE} {PATIENTS}"
    source = f"<!-- plainlint-disable-next-line -->\n{line}\n\n{line}\n"
    assert where(findings(source, *BOTH)) == [("plain-words", 4), ("address-reader", 4)]


def test_comments_inside_block_quotes_and_list_items(findings):
    source = (
        "> <!-- plainlint-disable-next-line plain-words -->\n"
        f"> {UTILISE}\n\n"
        f"- <!-- plainlint-disable-line plain-words --> {UTILISE}\n"
        f"- {UTILISE}\n"
    )
    assert where(findings(source, *WORDS)) == [("plain-words", 5)]


# -- disable-file --------------------------------------------------------------


def test_disable_file_covers_findings_before_the_comment(findings):
    source = f"{UTILISE} {PATIENTS}\n\n{UTILISE}\n\n<!-- plainlint-disable-file plain-words -->\n"
    assert where(findings(source, *BOTH)) == [("address-reader", 1)]


@pytest.mark.parametrize(
    ("rule", "page"),
    [
        ("readability", Readability.flags[0]),
        ("missing-illustration", MissingIllustration.flags[0]),
    ],
)
def test_disable_file_covers_findings_about_the_whole_page(findings, rule, page):
    [finding] = findings(page, rule, "unused-suppression")  # the page does get the finding
    assert (finding.line, finding.column) == (1, 1)
    source = f"{page}\n\n<!-- plainlint-disable-file {rule} -->\n"
    assert findings(source, rule, "unused-suppression") == []


def test_disable_file_with_no_rule_id_covers_every_rule(findings):
    source = f"{UTILISE}\n\n{PATIENTS}\n\n<!-- plainlint-disable-file -->\n"
    assert findings(source, *BOTH) == []


# -- what is not a directive ---------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "```\n<!-- plainlint-disable plain-words -->\n```",
        "~~~html\n<!-- plainlint-disable-file -->\n~~~",
        "    <!-- plainlint-disable plain-words -->",
        "Type `<!-- plainlint-disable plain-words -->` to switch the rule off.",
        "<pre>\n&lt;!-- plainlint-disable plain-words --&gt;\n</pre>",
    ],
    ids=["backticks", "tildes", "indented", "inline-code", "pre"],
)
def test_directives_shown_as_code_are_not_directives(findings, code):
    source = f"Read this.\n\n{code}\n\n{UTILISE}\n"
    found = findings(source, *WORDS)
    assert [f.rule for f in found] == ["plain-words"]  # not suppressed, not reported unused


@pytest.mark.parametrize(
    "code",
    [
        "<pre>&lt;!-- plainlint-disable plain-words --&gt;</pre>",
        "<p>Type <code>&lt;!-- plainlint-disable --&gt;</code> to switch rules off.</p>",
    ],
    ids=["pre", "code"],
)
def test_html_directives_shown_as_code_are_not_directives(findings, code):
    source = f"{code}\n<p>{UTILISE}</p>\n"
    assert [f.rule for f in findings(source, *WORDS, fmt="html")] == ["plain-words"]


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- a note for editors: check with the ward -->",
        "<!-- plainlint-disabled plain-words -->",
        "<!-- do not add plainlint-disable plain-words here -->",
        "<!-- plainlint: plain-words -->",
    ],
)
def test_ordinary_comments_keep_nothing_quiet_and_are_not_reported(findings, comment):
    source = f"{comment}\n{UTILISE}\n"
    assert where(findings(source, *WORDS)) == [("plain-words", 2)]


# -- HTML ----------------------------------------------------------------------


def test_html_region_ends_at_enable(findings):
    source = (
        f"<p>{UTILISE}</p>\n"
        "<!-- plainlint-disable plain-words -->\n"
        f"<p>{UTILISE}</p>\n"
        "<!-- plainlint-enable -->\n"
        f"<p>{UTILISE}</p>\n"
    )
    assert where(findings(source, *WORDS, fmt="html")) == [("plain-words", 1), ("plain-words", 5)]


def test_html_next_line_line_and_file(findings):
    source = (
        "<div>\n"
        f"<p>{UTILISE} <!-- plainlint-disable-line plain-words --></p>\n"
        f"<p>{UTILISE}</p>\n"
        "<!-- plainlint-disable-next-line address-reader -->\n\n"
        f"<p>{PATIENTS}</p>\n"
        f"<p>{PATIENTS}</p>\n"
        f"<p>You {words(30)}.</p>\n"
        "</div>\n"
        "<!-- plainlint-disable-file long-sentence -->\n"
    )
    found = findings(source, "long-sentence", *BOTH, fmt="html")
    assert where(found) == [("plain-words", 3), ("address-reader", 7)]


# -- plain text ----------------------------------------------------------------


def test_text_bare_directives_on_lines_of_their_own(findings):
    source = (
        "plainlint-disable plain-words\n"
        f"{UTILISE}\n\n"
        "plainlint-enable\n\n"
        f"{UTILISE}\n\n"
        "plainlint-disable-next-line address-reader\n\n"
        f"{PATIENTS}\n"
        f"{PATIENTS}\n"
    )
    assert where(findings(source, *BOTH, fmt="text")) == [
        ("plain-words", 6),
        ("address-reader", 11),
    ]


def test_text_comment_directives_and_disable_file(findings):
    source = (
        "<!-- plainlint-disable-next-line plain-words -->\n"
        f"{UTILISE}\n"
        f"{UTILISE}\n\n"
        f"{PATIENTS}\n\n"
        "  plainlint-disable-file address-reader\n"
    )
    assert where(findings(source, *BOTH, fmt="text")) == [("plain-words", 3)]


def test_text_directive_lines_are_not_prose():
    source = (
        "plainlint-disable long-sentence\n"
        "You can go home.\n\n"
        "plainlint-enable\n\n"
        "<!-- plainlint-disable-next-line plain-words -->\n"
        "You can rest.\n"
    )
    blocks = parse_document("page.txt", source, "text").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "You can go home."),
        (BlockKind.PARAGRAPH, "You can rest."),
    ]


def test_text_directive_line_is_not_glued_to_the_sentence_under_it(findings):
    source = f"plainlint-disable-next-line long-sentence\nYou {words(30)}.\n"
    assert findings(source, "long-sentence", "unused-suppression", fmt="text") == []


@pytest.mark.parametrize(
    "line",
    [
        f"Please write plainlint-disable plain-words here. {UTILISE}",
        f"{UTILISE} plainlint-disable-line plain-words",
        f"{UTILISE} <!-- plainlint-disable-line plain-words -->",
        "Please utilise <!-- plainlint-disable plain-words --> the ramp.",
    ],
)
def test_text_directive_inside_a_sentence_is_not_a_directive(findings, line):
    found = findings(f"{line}\n\n{UTILISE}\n", *WORDS, fmt="text")
    assert where(found) == [("plain-words", 1), ("plain-words", 3)]


# -- unused-suppression --------------------------------------------------------


def test_unneeded_rule_is_reported_once_at_the_comment(findings):
    comment = "<!-- plainlint-disable-next-line plain-words, long-sentence address-reader -->"
    source = f"{QUIET}\n\n{comment}\n{UTILISE}\n"
    [finding] = findings(source, "long-sentence", *BOTH)
    assert finding.rule == "unused-suppression"
    assert finding.severity is Severity.INFO
    assert (finding.line, finding.column, finding.end_line) == (3, 1, 3)
    assert finding.text == comment == slice_of(source, finding)
    assert "long-sentence" in finding.message and "address-reader" in finding.message
    assert "plain-words" not in finding.message


def test_misspelled_rule_is_reported(findings):
    comment = "<!-- plainlint-disable-next-line long-sentences -->"
    source = f"{comment}\nYou {words(30)}.\n"
    found = findings(source, "long-sentence", "unused-suppression")
    assert sorted(f.rule for f in found) == ["long-sentence", "unused-suppression"]
    [report] = unused(found)
    assert "plainlint has no rule called “long-sentences”" in report.message
    assert slice_of(source, report) == report.text == comment


def test_comment_for_every_rule_that_keeps_nothing_quiet_is_reported(check):
    source = f"# Going home\n\n{QUIET}\n\n<!-- plainlint-disable -->\n{QUIET}\n"
    [finding] = check(source, "markdown").findings
    assert finding.rule == "unused-suppression"
    assert "every rule" in finding.message
    assert (finding.line, finding.column) == (5, 1)
    assert slice_of(source, finding) == finding.text == "<!-- plainlint-disable -->"


def test_comment_for_every_rule_is_not_reported_when_only_some_rules_run(check):
    source = f"<!-- plainlint-disable -->\n{QUIET}\n"
    selected = {"plain-words", "unused-suppression"}
    assert check(source, "markdown", selected).findings == []


def test_comment_for_every_rule_that_keeps_something_quiet_is_not_reported(check):
    source = f"<!-- plainlint-disable-next-line -->\n{UTILISE}\n"
    assert check(source, "markdown").findings == []


def test_comment_for_every_rule_is_reported_when_a_rule_is_switched_off(tmp_path):
    linter = linter_with(tmp_path, "rules:\n  long-sentence:\n    enabled: false\n")
    result = linter.check_source("page.md", f"<!-- plainlint-disable -->\n{QUIET}\n", "markdown")
    assert [f.rule for f in result.findings] == ["unused-suppression"]


def test_rule_that_was_not_selected_is_not_reported(findings):
    source = f"<!-- plainlint-disable-next-line long-sentence plain-words -->\n{UTILISE}\n"
    assert findings(source, *WORDS) == []
    [report] = unused(findings(source, "long-sentence", *WORDS))  # it is when it runs
    assert "long-sentence" in report.message


def test_rule_switched_off_in_settings_is_not_reported(tmp_path):
    linter = linter_with(tmp_path, "rules:\n  long-sentence:\n    enabled: false\n")
    source = f"<!-- plainlint-disable-next-line long-sentence plain-words -->\n{UTILISE}\n"
    assert linter.check_source("page.md", source, "markdown").findings == []


def test_rule_switched_off_in_front_matter_is_not_reported(check):
    source = (
        "---\nplainlint:\n  rules:\n    long-sentence:\n      enabled: false\n---\n"
        f"<!-- plainlint-disable-next-line long-sentence plain-words -->\n{UTILISE}\n"
    )
    assert check(source, "markdown").findings == []


def test_comment_that_keeps_each_named_rule_quiet_is_not_reported(findings):
    source = (
        "<!-- plainlint-disable plain-words address-reader -->\n"
        f"{UTILISE}\n\n{QUIET}\n\n{PATIENTS}\n"
        "<!-- plainlint-enable -->\n"
    )
    assert findings(source, *BOTH) == []


def test_an_enable_that_closes_a_region_is_not_reported(findings):
    source = (
        "<!-- plainlint-disable plain-words -->\n"
        f"{UTILISE}\n\n<!-- plainlint-enable plain-words -->\n{QUIET}\n\n"
        f"<!-- plainlint-disable -->\n{UTILISE}\n\n<!-- plainlint-enable -->\n"
    )
    assert findings(source, *WORDS) == []


def test_an_enable_that_switches_nothing_back_on_is_reported(findings):
    named = "<!-- plainlint-enable plain-words -->"
    bare = "<!-- plainlint-enable -->"
    source = f"{named}\n{QUIET}\n\n{bare}\n"
    found = findings(source, *WORDS)
    assert where(found) == [("unused-suppression", 1), ("unused-suppression", 4)]
    assert [f.text for f in found] == [named, bare]
    assert "switches plain-words back on" in found[0].message
    assert "switches every rule back on" in found[1].message


def test_a_second_enable_of_the_same_rule_is_reported(findings):
    again = "<!-- plainlint-enable plain-words -->"
    source = (
        f"<!-- plainlint-disable -->\n{UTILISE}\n\n<!-- plainlint-enable plain-words -->\n"
        f"{QUIET}\n\n{again}\n{QUIET}\n"
    )
    found = findings(source, *WORDS)
    assert [(f.rule, f.line) for f in found] == [("unused-suppression", 7)]


def test_a_misspelt_enable_is_reported_so_a_region_does_not_run_on_unseen(findings):
    typo = "<!-- plainlint-enable plain-word -->"
    source = f"<!-- plainlint-disable plain-words -->\n{QUIET}\n\n{typo}\n{UTILISE}\n"
    found = findings(source, *WORDS)
    assert [(f.rule, f.text) for f in found] == [("unused-suppression", typo)]
    assert "no rule called “plain-word”" in found[0].message


def test_a_reason_after_two_dashes_is_for_people(findings):
    comment = "<!-- plainlint-disable-next-line plain-words -- the form's own name -->"
    assert findings(f"{comment}\n{UTILISE}\n", *WORDS) == []


def test_an_unknown_name_beside_a_real_one_says_only_that_name_is_skipped(findings):
    comment = "<!-- plainlint-disable-next-line plain-words, plain-wrds -->"
    found = findings(f"{comment}\n{UTILISE}\n", *WORDS)
    assert where(found) == [("unused-suppression", 1)]
    assert "no rule called “plain-wrds”, so this comment skips it" in found[0].message


def test_a_region_to_the_end_of_the_page_covers_a_finding_about_the_whole_page(findings):
    """address-reader reports a long page that never says "you" at line 1, column 1."""
    page = " ".join(["Patients rest after the operation and then they walk a little."] * 15)
    assert where(findings(page, "address-reader")) == [("address-reader", 1)]
    region = f"# Recovery\n\n<!-- plainlint-disable address-reader -->\n{page}\n"
    assert findings(region, "address-reader", "unused-suppression") == []
    closed = f"<!-- plainlint-disable address-reader -->\n{page}\n<!-- plainlint-enable -->\n"
    assert "address-reader" in [f.rule for f in findings(closed, "address-reader")]
    next_line = f"<!-- plainlint-disable-next-line address-reader -->\n{page}\n"
    assert ("address-reader", 1) in where(findings(next_line, "address-reader"))


def test_a_bare_disable_file_does_not_hide_other_unused_comments(check):
    extra = "<!-- plainlint-disable-next-line long-sentence -->"
    source = f"<!-- plainlint-disable-file -->\n\n# Home\n\n{extra}\n{QUIET}\n"
    found = [f for f in check(source, "markdown").findings if f.rule == "unused-suppression"]
    assert [f.text for f in found] == ["<!-- plainlint-disable-file -->", extra]


def test_a_text_line_that_only_starts_like_a_directive_is_prose(findings):
    source = "plainlint-disabled is a word we use. Please utilise it.\n"
    found = findings(source, "plain-words", fmt="text")
    assert [f.text for f in found] == ["utilise"]


def test_region_after_its_finding_is_reported_and_keeps_nothing_quiet(findings):
    comment = "<!-- plainlint-disable plain-words -->"
    source = f"{UTILISE}\n\n{comment}\n{QUIET}\n"
    found = findings(source, *WORDS)
    assert where(found) == [("plain-words", 1), ("unused-suppression", 3)]
    assert slice_of(source, found[1]) == found[1].text == comment


def test_each_unused_comment_is_reported_at_its_own_place(findings):
    source = (
        "<!-- plainlint-disable-next-line plain-words -->\n"
        f"{QUIET}\n\n"
        f"{QUIET} <!-- plainlint-disable-line plain-words -->\n\n"
        "<!-- plainlint-disable-file plainwords -->\n"
    )
    found = findings(source, *WORDS)
    assert [(f.line, f.column) for f in found] == [(1, 1), (4, 24), (6, 1)]
    assert all(f.rule == "unused-suppression" for f in found)
    assert all(slice_of(source, f) == f.text and f.text.startswith("<!--") for f in found)


def test_html_report_points_at_a_comment_over_several_lines(findings):
    comment = "<!--\n    plainlint-disable-next-line address-reader\n  -->"
    source = f"<div>\n  {comment}\n  <p>{UTILISE}</p>\n</div>\n"
    [finding] = unused(findings(source, *BOTH, fmt="html"))
    assert (finding.rule, finding.line, finding.column, finding.end_line) == (
        "unused-suppression",
        2,
        3,
        4,
    )
    assert slice_of(source, finding) == finding.text == comment


def test_text_report_points_at_the_bare_directive(findings):
    source = f"{QUIET}\n\n  plainlint-disable-next-line address-reader\n{UTILISE}\n"
    found = findings(source, *BOTH, fmt="text")
    [report] = unused(found)
    assert (report.line, report.column) == (3, 3)
    assert slice_of(source, report) == report.text == "plainlint-disable-next-line address-reader"


def test_disable_file_unused_suppression_switches_the_reports_off(findings):
    source = (
        "<!-- plainlint-disable-file unused-suppression -->\n"
        "<!-- plainlint-disable-next-line long-sentence long-sentences -->\n"
        f"{UTILISE}\n\n"
        "<!-- plainlint-disable-next-line plain-words -->\n"
        f"{UTILISE}\n"
    )
    assert where(findings(source, "long-sentence", *WORDS)) == [("plain-words", 3)]


def test_settings_switch_the_reports_off(tmp_path):
    linter = linter_with(tmp_path, "rules:\n  unused-suppression:\n    enabled: false\n")
    source = (
        "<!-- plainlint-disable-next-line long-sentence long-sentences -->\n"
        f"{UTILISE}\n\n<!-- plainlint-disable -->\n"
    )
    assert where(linter.check_source("page.md", source, "markdown").findings) == [
        ("plain-words", 2)
    ]


# -- CRLF line endings ---------------------------------------------------------


def test_markdown_with_crlf_line_endings(findings):
    comment = "<!-- plainlint-disable-next-line address-reader -->"
    source = (
        "<!-- plainlint-disable-next-line plain-words -->\r\n\r\n"
        f"{UTILISE}\r\n\r\n"
        f"<!-- plainlint-disable plain-words -->\r\n{UTILISE}\r\n<!-- plainlint-enable -->\r\n\r\n"
        f"{UTILISE}\r\n\r\n"
        f"{comment}\r\n"
    )
    found = findings(source, *BOTH)
    assert where(found) == [("plain-words", 9), ("unused-suppression", 11)]
    assert (found[1].column, found[1].end_column) == (1, len(comment) + 1)
    assert slice_of(source, found[1]) == found[1].text == comment


def test_text_with_crlf_line_endings(findings):
    source = (
        "plainlint-disable-next-line plain-words\r\n\r\n"
        f"{UTILISE}\r\n\r\n{UTILISE}\r\n"
        "plainlint-disable address-reader\r\n"
    )
    found = findings(source, *BOTH, fmt="text")
    assert where(found) == [("plain-words", 5), ("unused-suppression", 6)]
    assert found[1].text == "plainlint-disable address-reader" == slice_of(source, found[1])


def test_html_with_crlf_line_endings(findings):
    comment = "<!-- plainlint-disable-next-line address-reader -->"
    source = (
        "<div>\r\n<!-- plainlint-disable-next-line plain-words -->\r\n\r\n"
        f"<p>{UTILISE}</p>\r\n<p>{UTILISE}</p>\r\n  {comment}\r\n<p>{UTILISE}</p>\r\n</div>\r\n"
    )
    found = findings(source, *BOTH, fmt="html")
    assert where(found) == [("plain-words", 5), ("unused-suppression", 6), ("plain-words", 7)]
    assert (found[1].column, found[1].text) == (3, comment)
    assert slice_of(source, found[1]) == comment


# -- the command line ----------------------------------------------------------


def test_suppressed_error_leaves_the_output_and_the_exit_code(tmp_path):
    sentence = f"You {words(40)}."
    page = tmp_path / "page.md"
    page.write_text(f"# Going home\n\n{sentence}\n")
    before = run_cli("check", "--format", "json", str(page))
    assert before.exit_code == 1
    [finding] = json_output(before)["files"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("long-sentence", "error")

    page.write_text(
        f"# Going home\n\n<!-- plainlint-disable long-sentence -->\n{sentence}\n"
        "<!-- plainlint-enable -->\n"
    )
    after = run_cli("check", "--format", "json", str(page))
    assert after.exit_code == 0
    report = json_output(after)
    assert report["files"][0]["findings"] == []
    assert report["summary"]["findings"] == report["summary"]["error"] == 0
