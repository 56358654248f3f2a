"""plain-words: complex words and phrases with plainer alternatives."""

from __future__ import annotations

import textwrap

import pytest

from plainlint.language.inflection import forms, inflect

RULE = "plain-words"


def texts(found):
    return [f.text for f in found]


def test_flags_a_listed_word_with_its_replacement(findings):
    [finding] = findings("Please utilise the ramp.", "plain-words")
    assert finding.text == "utilise"
    assert finding.suggestions == ("use",)
    assert "“use”" in finding.message and "“utilise”" in finding.message


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("The nurse utilised a needle.", "utilised", "used"),
        ("We are utilising a new scan.", "utilising", "using"),
        ("She utilises it.", "utilises", "uses"),
        ("Treatment commenced in May.", "commenced", "started"),
        ("You underwent surgery.", "underwent", "had"),
        ("Tell us before commencing.", "commencing", "starting"),
    ],
)
def test_flags_inflected_forms_and_inflects_the_suggestion(findings, sentence, word, suggestion):
    [finding] = findings(sentence, "plain-words")
    assert finding.text == word
    assert suggestion in finding.suggestions


def test_matching_ignores_case_and_keeps_capitals_in_suggestions(findings):
    [finding] = findings("Prior to surgery, rest.", "plain-words")
    assert finding.text == "Prior to"
    assert finding.suggestions == ("Before",)
    [shout] = findings("PRIOR TO SURGERY, REST.", "plain-words")
    assert shout.text == "PRIOR TO"


def test_phrases_match_across_a_line_break(findings):
    source = "Call us in the event\nof a fever.\n"
    [finding] = findings(source, "plain-words")
    assert finding.text == "in the event\nof"
    assert (finding.line, finding.end_line) == (1, 2)


def test_longer_phrase_wins_over_a_shorter_one(findings):
    [finding] = findings("We need a sufficient amount of rest.", "plain-words")
    assert finding.text == "a sufficient amount of"


@pytest.mark.parametrize(
    "source",
    [
        "The physiotherapy assistant will see you.",  # "assist" is not a whole word here
        "We made a utilisation-review form.",  # a hyphenated compound is its own word
        "Your appointment is prior.",  # "prior to" needs both words
        "You should start the tablets before your operation.",
    ],
)
def test_leaves_alone_words_that_only_contain_a_listed_word(findings, source):
    assert findings(source, "plain-words") == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        # Code, addresses, comments and scripts: see test_positions.py::test_not_reported.
        ('The sign says "utilise the ramp".', "markdown"),
        ("Her note said 'commence at once' in red.", "text"),
        ("Mail utilise@example.org today.", "markdown"),
        ("# References\n\nSmith J. Utilisation of services prior to surgery. 2019.\n", "markdown"),
        ("<h2>Sources</h2><p>Jones A. Commencing care. 2020.</p>", "html"),
    ],
)
def test_leaves_alone_quotes_and_references(findings, source, fmt):
    assert findings(source, "plain-words", fmt=fmt) == []


def test_text_after_a_references_section_is_checked_again(findings):
    source = "# Sources\n\nPrior to 2019.\n\n# Next steps\n\nPlease utilise the ramp.\n"
    assert texts(findings(source, "plain-words")) == ["utilise"]


def test_link_text_is_checked_but_its_target_is_not(findings):
    source = "Read [how to utilise the app](https://example.org/utilise)."
    assert texts(findings(source, "plain-words")) == ["utilise"]


def test_project_word_list_adds_and_removes_entries(tmp_path):
    from plainlint.run.engine import Linter
    from plainlint.settings.loading import load_settings

    config = tmp_path / "plainlint.yaml"
    config.write_text(
        textwrap.dedent(
            """\
            rules:
              plain-words:
                words:
                  haemorrhage: bleeding
                  utilise: null
            """
        )
    )
    linter = Linter.create(load_settings(config), select={"plain-words"})
    result = linter.check_source("p.md", "Utilise it. A haemorrhage. Prior to that.", "markdown")
    assert texts(result.findings) == ["haemorrhage", "Prior to"]


def test_built_in_list_has_at_least_150_entries(settings):
    assert len(settings.rules["plain-words"].options["words"]) >= 150


def test_inflection_rules():
    assert inflect("utilise", "ing") == "utilising"
    assert inflect("occur", "ed") == "occurred"  # from the irregular table
    assert inflect("apply", "s") == "applies"
    assert inflect("finish", "s") == "finishes"
    assert inflect("undertake", "en") == "undertaken"
    assert forms("carry out")["ed"] == "carried out"


@pytest.mark.parametrize(
    ("source", "word", "suggestion"),
    [
        ("Following surgery, you may feel tired.", "Following", "After"),
        ("You may feel sick in the weeks following the operation.", "following", "after"),
        ("Call us concerning your results.", "concerning", "about"),
    ],
)
def test_a_preposition_with_a_plainer_one_is_flagged(findings, source, word, suggestion):
    [finding] = findings(source, RULE)
    assert (finding.text, finding.suggestions) == (word, (suggestion,))
    assert finding.message == f"Try “{suggestion}” instead of “{word}”."


@pytest.mark.parametrize(
    "source",
    [
        "Do the following steps before you come in.",
        "You may need to do the following:",
        "Keep following the advice of your care team.",
        "The following day, you can go home.",
        "Concerning symptoms include bleeding.",
    ],
)
def test_the_same_words_used_otherwise_are_left_alone(findings, source):
    assert findings(source, RULE) == []


def test_a_paragraph_of_a_quotation_that_runs_on_is_left_alone(findings):
    source = "“We utilise the latest scanners.\n\n“Patients commence treatment quickly.”\n"
    assert findings(source, RULE) == []


def test_a_describing_word_is_flagged_only_where_it_describes(findings):
    found = findings("This is a potential problem. The drug has potential as a treatment.", RULE)
    assert [(f.text, f.column) for f in found] == [("potential", 11)]


def test_a_capital_inside_a_sentence_is_a_name(findings):
    assert findings("Drink protein supplements, such as Ensure and Boost.", RULE) == []
    [finding] = findings("Ensure you drink enough.", RULE)
    assert finding.text == "Ensure"
