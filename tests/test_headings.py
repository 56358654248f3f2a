"""missing-headings and heading-structure: headings to find your way around a page."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity
from plainlint.run.engine import Linter
from plainlint.settings.loading import load_settings

MISSING = "missing-headings"
STRUCTURE = "heading-structure"

# A paragraph of exactly 50 words; six of them reach the limit of 300, no more.
P50 = (
    "You will stay in hospital for a few days after the operation. A nurse will check "
    "your wound and help you get up and walk. You can eat and drink when you feel ready. "
    "Tell the nurse if you feel sick or have pain. They can give you some medicine."
)
# The same paragraph with one more word, and its first sentence.
P51 = P50.replace("a few days", "a few more days")
P51_FIRST = "You will stay in hospital for a few more days after the operation."
REFERENCE = (
    "Smith J, Jones K, et al. Recovery after surgery. Br J Surg. 2020;107(3):201-9. "
    "PMID: 31234567. Available at: https://example.org/recovery. Accessed 1 May 2024."
)


def paragraphs(*texts: str) -> str:
    return "\n\n".join(texts)


def with_options(tmp_path, rule, **options):
    """A linter running only `rule`, with its options changed in a settings file."""
    lines = "".join(f"    {key}: {value}\n" for key, value in options.items())
    config = tmp_path / "plainlint.yaml"
    config.write_text(f"rules:\n  {rule}:\n{lines}")
    return Linter.create(load_settings(config), select={rule})


def places(source, found):
    assert all(slice_of(source, f) == f.text for f in found)
    return [(f.line, f.column, f.text) for f in found]


# -- missing-headings ------------------------------------------------------------------------


def test_missing_headings_defaults(settings):
    assert settings.rules[MISSING].options == {"max_words_without_heading": 300}
    assert settings.rules[MISSING].severity is Severity.WARNING


def test_300_words_under_a_heading_are_left_alone(findings):
    assert findings(paragraphs("# After your operation", *[P50] * 6), MISSING) == []


def test_301_words_are_flagged_where_the_count_passes_the_limit(findings):
    source = paragraphs("# After your operation", *[P50] * 5, P51)
    [finding] = findings(source, MISSING)
    assert finding.severity is Severity.WARNING
    assert places(source, [finding]) == [(13, 1, P51_FIRST)]
    assert finding.message.startswith(
        "There are 301 words under the heading “After your operation” with no heading "
        "to break them up (the limit is 300)."
    )


def test_the_finding_points_at_the_paragraph_that_passes_the_limit_not_the_last(findings):
    # 250 words, then the 51-word paragraph that passes 300, then two more paragraphs.
    source = paragraphs("# After your operation", *[P50] * 5, P51, P50, P50)
    [finding] = findings(source, MISSING)
    assert places(source, [finding]) == [(13, 1, P51_FIRST)]
    assert "There are 401 words" in finding.message


def test_text_from_the_top_of_the_page(findings):
    source = paragraphs(*[P50] * 5, P51)
    [finding] = findings(source, MISSING)
    assert places(source, [finding]) == [(11, 1, P51_FIRST)]
    assert finding.message.startswith("There are 301 words from the top of the page with no")


def test_one_long_paragraph_is_flagged_at_its_first_sentence(findings):
    source = "# After your operation\n\n" + " ".join([P50] * 6 + ["Rest well."])
    [finding] = findings(source, MISSING)
    assert places(source, [finding]) == [(3, 1, P50.split(". ")[0] + ".")]
    assert "There are 302 words" in finding.message


@pytest.mark.parametrize(
    ("source", "fmt", "position"),
    [
        (
            "<h1>After your operation</h1>\n" + "\n".join(f"<p>{p}</p>" for p in [P50] * 5 + [P51]),
            "html",
            (7, 4),
        ),
        (paragraphs("After your operation", *[P50] * 5, P51), "text", (13, 1)),
        (
            "After your operation\n====================\n\n" + paragraphs(*[P50] * 5, P51),
            "markdown",
            (14, 1),
        ),
    ],
    ids=["html", "text", "setext"],
)
def test_missing_headings_in_each_format(findings, source, fmt, position):
    [finding] = findings(source, MISSING, fmt=fmt)
    assert finding.text == P51_FIRST
    assert slice_of(source, finding) == finding.text
    assert (finding.line, finding.column) == position
    assert "under the heading “After your operation”" in finding.message


def test_a_heading_starts_the_count_again(findings):
    html = "".join(f"<p>{p}</p>\n" for p in [P50] * 4)
    sources = [
        (paragraphs("# After", *[P50] * 4, "## Going home", *[P50] * 4), "markdown"),
        (paragraphs(*[P50] * 4, "Going home", *[P50] * 4), "text"),
        (html + "<h3>Going home</h3>\n" + html, "html"),
    ]
    assert [fmt for source, fmt in sources if findings(source, MISSING, fmt=fmt)] == []


def test_each_long_stretch_is_reported(findings):
    source = paragraphs("# After", *[P50] * 7, "## Going home", *[P50] * 7)
    found = findings(source, MISSING)
    first = "You will stay in hospital for a few days after the operation."
    # The 7th paragraph of each stretch passes 300 words.
    assert places(source, found) == [(15, 1, first), (31, 1, first)]
    assert "350 words under the heading “After”" in found[0].message
    assert "350 words under the heading “Going home”" in found[1].message


def test_list_items_and_block_quotes_count_as_text(findings):
    source = paragraphs("# After", *[P50] * 5, "- " + P51)
    [finding] = findings(source, MISSING)
    assert places(source, [finding]) == [(13, 3, P51_FIRST)]
    source = paragraphs("# After", *[P50] * 5, "> " + P51)
    [finding] = findings(source, MISSING)
    assert places(source, [finding]) == [(13, 3, P51_FIRST)]


def test_table_cells_and_alt_text_do_not_count(findings):
    table = f"| Day | What happens |\n| --- | --- |\n| 1 | {P51} |"
    source = paragraphs("# After", *[P50] * 5, table, f"![{P51}](ward.png)", P50)
    assert findings(source, MISSING) == []
    html = f"<h1>After</h1>\n<table><tr><td>{P51}</td></tr></table>\n" + "".join(
        f"<p>{p}</p>\n" for p in [P50] * 6
    )
    assert findings(html, MISSING, fmt="html") == []


def test_references_do_not_count(findings):
    source = paragraphs("# After", *[P50] * 6, REFERENCE, REFERENCE)
    assert findings(source, MISSING) == []


def test_the_word_limit_can_be_changed(tmp_path):
    linter = with_options(tmp_path, MISSING, max_words_without_heading=100)
    source = paragraphs("# After", P50, P50)
    assert linter.check_source("p.md", source, "markdown").findings == []
    source = paragraphs("# After", P50, P51)
    [finding] = linter.check_source("p.md", source, "markdown").findings
    assert (finding.line, finding.text) == (5, P51_FIRST)
    assert "101 words under the heading “After”" in finding.message
    assert "(the limit is 100)" in finding.message


# -- heading-structure -----------------------------------------------------------------------


def test_heading_structure_defaults(settings):
    assert settings.rules[STRUCTURE].options == {
        "skipped_level": True,
        "second_top_level": True,
        "max_words": 12,
    }
    assert settings.rules[STRUCTURE].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("source", "fmt", "place"),
    [
        ("## Before your operation\n\n#### What to bring", "markdown", (3, 6, "What to bring")),
        ("## Before ##\n\n#### What to bring ####", "markdown", (3, 6, "What to bring")),
        ("Before\n------\n\n#### What to bring", "markdown", (4, 6, "What to bring")),
        ("<h2>Before</h2>\n<p>Text.</p>\n<h4>What to bring</h4>", "html", (3, 5, "What to bring")),
        (
            '<h2>Before</h2>\n<h4 id="bring">\n  What to bring\n</h4>',
            "html",
            (3, 3, "What to bring"),
        ),
    ],
    ids=["atx", "atx-closed", "setext", "html", "html-spaces"],
)
def test_a_skipped_level_is_flagged_at_the_heading_text(findings, source, fmt, place):
    [finding] = findings(source, STRUCTURE, fmt=fmt)
    assert places(source, [finding]) == [place]
    assert finding.message.startswith("This heading skips a level: level 2 to level 4.")
    assert "Make it a level 3 heading." in finding.message


def test_a_skip_from_the_top_level_names_both_levels(findings):
    [finding] = findings("# Your operation\n\n###### Clothes", STRUCTURE)
    assert finding.text == "Clothes"
    assert "level 1 to level 6" in finding.message and "level 2 heading" in finding.message


IN_ORDER = [
    ("# Your operation\n\n## Before\n\n### What to bring\n\n## After", "markdown"),
    ("## Before\n\n### What to bring\n\n#### Clothes\n\n## After", "markdown"),
    ("#### Clothes\n\n## After\n\n### Pain", "markdown"),  # back up two levels
    ("### What to bring\n\n#### Clothes", "markdown"),  # the first may be any level
    ("Before\n------\n\n### What to bring", "markdown"),
    ("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><h2>G</h2>", "html"),
    ("<h3>What to bring</h3>\n<p>Text.</p>\n<h2>After</h2>", "html"),
]


def test_headings_in_order_or_going_back_up_are_left_alone(findings):
    assert [s for s, fmt in IN_ORDER if findings(s, STRUCTURE, fmt=fmt)] == []


@pytest.mark.parametrize(
    ("source", "fmt", "place"),
    [
        ("# Your operation\n\nText.\n\n# Going home", "markdown", (5, 3, "Going home")),
        (
            "Your operation\n==============\n\nText.\n\n# Going home",
            "markdown",
            (6, 3, "Going home"),
        ),
        ("# Your operation\n\nText.\n\nGoing home\n==========", "markdown", (5, 1, "Going home")),
        (
            "<h1>Your operation</h1>\n<p>Text.</p>\n<h1>Going home</h1>",
            "html",
            (3, 5, "Going home"),
        ),
    ],
    ids=["atx", "setext-then-atx", "atx-then-setext", "html"],
)
def test_a_second_top_level_heading_is_flagged(findings, source, fmt, place):
    [finding] = findings(source, STRUCTURE, fmt=fmt)
    assert places(source, [finding]) == [place]
    assert finding.message == (
        "This is a second top-level heading; keep one, for the page title. "
        "Make this a level 2 heading."
    )
    assert "Make this a level 2 heading." in finding.message


def test_every_extra_top_level_heading_is_flagged(findings):
    source = "# Your operation\n\n## Before\n\n# Going home\n\n# Pain relief"
    found = findings(source, STRUCTURE)
    assert places(source, found) == [(5, 3, "Going home"), (7, 3, "Pain relief")]


def test_a_second_top_level_heading_then_a_skip(findings):
    source = "# Your operation\n\n## Before\n\n# Going home\n\n### Pain relief"
    found = findings(source, STRUCTURE)
    assert places(source, found) == [(5, 3, "Going home"), (7, 5, "Pain relief")]
    assert "second top-level" in found[0].message
    assert "level 1 to level 3" in found[1].message


LONG = "What you need to know about the day of your operation and after"
HYPHENATED = "What to expect on the day-of-surgery and the follow-up visit at home afterwards"


def test_a_heading_of_13_words_is_flagged_at_its_text(findings):
    sources = [
        (f"## {LONG}", "markdown", (1, 4, LONG)),
        (f"<h2>{LONG}</h2>", "html", (1, 5, LONG)),
        (f"{LONG}\n---", "markdown", (1, 1, LONG)),
        (f"## {HYPHENATED}", "markdown", (1, 4, HYPHENATED)),
    ]
    for source, fmt, place in sources:
        found = findings(source, STRUCTURE, fmt=fmt)
        assert places(source, found) == [place]
        assert found[0].message.startswith("This heading has 13 words (the limit is 12).")


def test_a_heading_of_12_words_is_left_alone(findings):
    twelve = LONG.removesuffix(" after")
    sources = [
        (f"## {twelve}", "markdown"),
        (f"<h2>{twelve}</h2>", "html"),
        ("## Run `a b c d e f g h i j k l m n o p` when the nurse says so", "markdown"),
    ]
    assert [s for s, fmt in sources if findings(s, STRUCTURE, fmt=fmt)] == []


def test_a_long_second_top_level_heading_gets_both_findings(findings):
    source = f"# One\n\n# {LONG}"
    found = findings(source, STRUCTURE)
    assert [f.message.split(".")[0] for f in found] == [
        "This is a second top-level heading; keep one, for the page title",
        "This heading has 13 words (the limit is 12)",
    ]
    assert {(f.line, f.column) for f in found} == {(3, 3)}


def test_plain_text_headings_are_all_one_level(findings):
    source = "Going home\n\nYou can go home after a few days.\n\nPain relief\n\nTake your tablets."
    assert findings(source, STRUCTURE, fmt="text") == []
    assert findings(source, MISSING, fmt="text") == []


def test_heading_length_can_be_changed_and_applies_to_plain_text(tmp_path):
    linter = with_options(tmp_path, STRUCTURE, max_words=3)
    source = "Pain relief at home\n\nTake your tablets.\n\nGoing home\n\nYou can go."
    [finding] = linter.check_source("p.txt", source, "text").findings
    assert places(source, [finding]) == [(1, 1, "Pain relief at home")]
    assert finding.message.startswith("This heading has 4 words (the limit is 3).")
    source = "# Pain relief at home\n\n## Going home"
    [finding] = linter.check_source("p.md", source, "markdown").findings
    assert places(source, [finding]) == [(1, 3, "Pain relief at home")]


def test_an_accordion_summary_starts_a_new_part(findings):
    paragraph = "<p>" + " ".join(["You can go home when you feel ready."] * 25) + "</p>"
    source = f"<h1>Going home</h1>\n{paragraph}\n<details><summary>Driving</summary>\n{paragraph}\n</details>"
    assert findings(source, "missing-headings", fmt="html") == []


def test_a_question_on_its_own_line_is_a_heading_in_plain_text(findings):
    paragraph = " ".join(["Look at your feet every day."] * 30)
    source = f"Foot care\n\n{paragraph}\n\nHow do I check my feet?\n\n{paragraph}\n"
    assert findings(source, "missing-headings", fmt="text") == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("# Title\n\n## ![Diagram of the heart](x.png)\n\n### Sub\n", "markdown"),
        ('<h1>Title</h1><h2><img alt="Heart care" src="x.png"></h2><h3>Sub</h3>', "html"),
    ],
)
def test_a_heading_of_only_an_image_keeps_its_level(findings, source, fmt):
    assert findings(source, "heading-structure", fmt=fmt) == []


def test_a_skip_after_an_image_heading_points_at_that_heading(findings):
    source = "# Title\n\n### ![Diagram of the heart](x.png)\n"
    [finding] = findings(source, "heading-structure")
    assert (finding.line, finding.text) == (3, "### ![Diagram of the heart](x.png)")


# --- each part of heading-structure switches on and off by itself ------------------------

CMS_PAGE = "# Site name\n\nIntro.\n\n# Your scan\n\n#### What to bring\n\n## " + " ".join(
    ["word"] * 13
)


@pytest.mark.parametrize(
    ("options", "kept"),
    [
        ({"enabled": "true"}, ["This is a second", "This heading skips", "This heading has 13"]),
        ({"second_top_level": "false"}, ["This heading skips", "This heading has 13"]),
        ({"skipped_level": "false"}, ["This is a second", "This heading has 13"]),
        ({"max_words": 0}, ["This is a second", "This heading skips"]),
        (
            {"second_top_level": "false", "skipped_level": "false", "max_words": 0},
            [],
        ),
    ],
)
def test_each_heading_check_has_its_own_option(tmp_path, options, kept):
    linter = with_options(tmp_path, STRUCTURE, **options)
    found = linter.check_source("p.md", CMS_PAGE, "markdown").findings
    assert [f.message[: len(k)] for f, k in zip(found, kept)] == kept
    assert len(found) == len(kept)


def test_a_heading_option_that_is_not_true_or_false_is_a_clear_error(tmp_path):
    config = tmp_path / "plainlint.yaml"
    config.write_text("rules:\n  heading-structure:\n    second_top_level: sometimes\n")
    with pytest.raises(Exception, match="second_top_level must be true or false"):
        load_settings(config)
