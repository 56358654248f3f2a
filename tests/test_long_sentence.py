"""long-sentence: flags sentences over the limit, counts words the way readers do."""

from __future__ import annotations

import pytest

from plainlint.findings import Severity
from plainlint.language.page import plain_sentence_spans


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def test_sentence_over_the_limit_is_a_warning(findings):
    source = f"You {words(25)}."
    [finding] = findings(source, "long-sentence")
    assert finding.severity is Severity.WARNING
    assert finding.text == source
    assert "26 words" in finding.message and "25 or fewer" in finding.message


def test_sentence_over_the_error_limit_is_an_error(findings):
    [finding] = findings(f"You {words(35)}.", "long-sentence")
    assert finding.severity is Severity.ERROR
    assert "36 words" in finding.message


def test_sentence_at_the_limit_is_left_alone(findings):
    assert findings(f"You {words(24)}.", "long-sentence") == []


def test_short_sentences_side_by_side_are_left_alone(findings):
    source = " ".join(f"Sentence {i} is short and plain." for i in range(12))
    assert findings(source, "long-sentence") == []


def test_punctuation_does_not_count_as_words(findings):
    source = "You " + " , ; – ".join(["word"] * 24) + " — … !"
    assert findings(source, "long-sentence") == []


def test_hyphenated_words_and_numbers_count_once(findings):
    prefix = "Your follow-up visit is in 1,000 days at 10.30 and costs 3.5 "  # 12 words
    assert findings(prefix + words(13) + ".", "long-sentence") == []  # 25 words exactly
    [finding] = findings(prefix + words(14) + ".", "long-sentence")
    assert "26 words" in finding.message


def test_list_markers_do_not_count(findings):
    source = "1. Take " + words(24) + "."
    assert findings(source, "long-sentence", fmt="text") == []


def test_heading_is_never_glued_to_the_next_paragraph(findings):
    source = f"# Your treatment plan explained\n\n{words(22)}.\n"
    assert findings(source, "long-sentence") == []


def test_list_items_are_separate_sentences(findings):
    items = "\n".join(f"- item {words(8)}" for _ in range(5))
    assert findings(items, "long-sentence") == []
    html = "<ul>" + "".join(f"<li>item {words(8)}</li>" for _ in range(5)) + "</ul>"
    assert findings(html, "long-sentence", fmt="html") == []


def test_table_cells_are_separate(findings):
    row = "| " + " | ".join(words(9) for _ in range(4)) + " |"
    table = "| a | b | c | d |\n|---|---|---|---|\n" + row + "\n"
    assert findings(table, "long-sentence") == []


def test_emphasis_and_links_do_not_break_a_sentence(findings):
    source = f"You *may* {words(10)} [see this guide](http://x.org) {words(12)}."
    [finding] = findings(source, "long-sentence")
    assert "27 words" in finding.message
    assert finding.text == source


def test_long_sentence_spanning_lines_points_at_all_of_it(findings):
    source = f"Start {words(10)}\n{words(10)}\n{words(10)} end.\n"
    [finding] = findings(source, "long-sentence")
    assert (finding.line, finding.column, finding.end_line) == (1, 1, 3)
    assert finding.text == source.rstrip("\n")


def test_code_is_not_counted_as_many_words(findings):
    source = f"Type `{words(30)}` and {words(10)}."
    assert findings(source, "long-sentence") == []


def test_error_step_can_be_switched_off(settings, tmp_path):
    from plainlint.run.engine import Linter
    from plainlint.settings.loading import load_settings

    config = tmp_path / "plainlint.yaml"
    config.write_text("rules:\n  long-sentence:\n    error_words: 0\n")
    linter = Linter.create(load_settings(config), select={"long-sentence"})
    [finding] = linter.check_source("p.md", f"You {words(50)}.", "markdown").findings
    assert finding.severity is Severity.WARNING


# -- sentences plain to see are found without asking the model --------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Your treatment plan", [(0, 19)]),
        ("Ask your nurse.", [(0, 15)]),
        ("Ask your nurse. ", [(0, 15)]),  # one space at the end: spaCy leaves it out
        ("[Talking with Your Health Care Team", [(0, 35)]),
        ("**Rest well.**", [(0, 14)]),
        ("Is it safe?”", [(0, 12)]),
        ("Take it (see page 4.)", [(0, 21)]),
        ("You may feel sick. Ask your nurse.", [(0, 18), (19, 34)]),
        ("Go to bed. Sleep well? Then rest!", [(0, 10), (11, 22), (23, 33)]),
        ("Ask (if you like) your nurse. Then rest.", [(0, 29), (30, 40)]),
        ("Say “when” to your nurse. Then rest.", [(0, 25), (26, 36)]),
    ],
)
def test_sentences_plain_to_see_are_found_without_the_model(text, spans):
    assert plain_sentence_spans(text) == spans


@pytest.mark.parametrize(
    "text",
    [
        "Take 2.5 mg. Then rest.",  # a number before the mark
        "We are in the U.S. Then we go.",  # capitals before the mark
        "Bring apples, pears, etc. Then go.",  # a short form that a sentence goes on after
        "Rest well. (Ask us.) Then eat.",  # a bracket after a mark
        "Rest at home (for a week). Then eat.",  # a mark after a bracket
        "He said “rest.” Then he left.",  # a quote after a mark
        "Wait… then call.",  # a mark before a lower-case word
        "Rest well.Then eat.",  # no space after the mark
        "Rest well.  Then eat.",  # two spaces
        "Line one\nline two",  # white space other than a space
        " Leading space",
        "Two spaces at the end  ",
        "Tabs\tinside",
    ],
)
def test_sentences_less_plain_to_see_go_to_the_model(text):
    assert plain_sentence_spans(text) is None


def test_a_long_heading_with_a_bracket_is_one_sentence(findings):
    """The model once split the “[” off a heading and counted the rest as a sentence."""
    heading = "[" + " ".join(["Talking"] * 26)
    [finding] = findings(f"# {heading}\n", "long-sentence")
    assert finding.text == heading and "26 words" in finding.message


def test_a_sentence_with_an_abbreviation_in_brackets_is_not_cut(findings):
    """Not two sentences at “(TCGA)”: the whole of it is over the limit."""
    source = (
        "Investigators with The Cancer Genome Atlas (TCGA) Research Network have identified "
        "novel genomic and molecular characteristics of cervical cancer that will aid in "
        "subclassification of the disease and may help target therapies that are most "
        "appropriate for each patient."
    )
    [finding] = findings(source, "long-sentence")
    assert finding.text == source and finding.column == 1
    assert "39 words" in finding.message


def test_a_label_before_a_colon_stays_in_its_sentence(findings):
    """The model once cut “N1c” off as a sentence of its own."""
    source = (
        "N1c: Cancer has spread to one to three axillary lymph nodes, and the cancer in at "
        "least one of the lymph nodes is larger than 2 millimeters. Cancer is found in them."
    )
    [finding] = findings(source, "long-sentence")
    assert finding.column == 1 and finding.text.startswith("N1c: Cancer")
    assert "27 words" in finding.message


def test_words_in_square_brackets_inside_a_sentence_stay_in_it(findings):
    """The model once cut a sentence at “[”: the whole of it is over the limit."""
    source = (
        "PDQ is a registered trademark. However, a user would be allowed to write a sentence "
        "such as “NCI’s summary about breast cancer prevention states the risks in the "
        "following way: [include excerpt from the summary].”"
    )
    [finding] = findings(source, "long-sentence")
    assert finding.text.startswith("However") and finding.text.endswith("summary].”")
    assert "30 words" in finding.message


def test_the_message_says_where_this_sentence_could_end(findings):
    source = (
        "Before your operation you will meet the anaesthetist, who will ask about your "
        "health, any medicines you take and any problems you have had with anaesthetics in "
        "the past, so that they can plan your care."
    )
    [finding] = findings(source, "long-sentence")
    assert finding.message == (
        "This sentence has 36 words; aim for 25 or fewer. "
        "Try ending a sentence after “…will meet the anaesthetist”."
    )


def test_with_no_place_to_split_the_message_says_to_split_it(findings):
    [finding] = findings(f"You {words(30)}.", "long-sentence")
    assert finding.message == (
        "This sentence has 31 words; aim for 25 or fewer. "
        "Split it into two or more sentences, one idea in each."
    )


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        (f"![A diagram {words(30)}](a.png)", "markdown"),
        (f'<p>Short text.</p><img src="a.png" alt="A diagram {words(30)}">', "html"),
    ],
)
def test_alt_text_is_left_to_the_alt_text_rule(findings, source, fmt):
    assert findings(source, "long-sentence", fmt=fmt) == []
