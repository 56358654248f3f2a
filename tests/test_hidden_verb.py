"""hidden-verb: a verb turned into a noun ("make a decision" for "decide")."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "hidden-verb"


def found_in(source, findings, fmt="markdown"):
    """(line, text, suggestions) of each finding, checked against the source it points at."""
    found = findings(source, RULE, fmt=fmt)
    for finding in found:
        assert slice_of(source, finding) == finding.text
    return [(f.line, f.text, f.suggestions) for f in found]


def test_flags_verb_phrases_in_their_base_form(findings):
    source = "\n\n".join(
        [
            "You can make a decision about surgery later.",
            "You can make a choice between the two.",
            "We will give consideration to your request.",
            "We will take into consideration your wishes.",
            "We will have a discussion with you.",
            "The doctor will carry out an examination of your chest.",
            "The doctor will carry out an examination.",
            "The nurse will make an assessment of your needs.",
            "Your doctor will give an explanation of the results.",
            "We will provide support to your family.",
            "You may need to make a payment.",
            "You can make use of the car park.",
            "Your GP can make a referral to a specialist.",
            "The team will make a reduction in your dose.",
            "We will make arrangements for your transport.",
        ]
    )
    assert found_in(source, findings) == [
        (1, "make a decision about", ("decide about",)),
        (3, "make a choice between", ("choose between",)),
        (5, "give consideration to", ("consider", "think about")),
        (7, "take into consideration", ("consider", "think about")),
        (9, "have a discussion", ("talk",)),
        (11, "carry out an examination of", ("examine",)),
        (13, "carry out an examination", ("examine you",)),
        (15, "make an assessment of", ("assess",)),
        (17, "give an explanation of", ("explain",)),
        (19, "provide support to", ("support",)),
        (21, "make a payment", ("pay",)),
        (23, "make use of", ("use",)),
        (25, "make a referral to", ("refer you to",)),
        (27, "make a reduction in", ("reduce",)),
        (29, "make arrangements for", ("arrange", "arrange for")),
    ]


def test_flags_past_tenses_and_participles_with_the_suggestion_in_that_form(findings):
    source = "\n\n".join(
        [
            "She made a decision to stop treatment.",
            "You have made a decision.",
            "The team took a decision to operate.",
            "We came to a decision quickly.",
            "The panel gave careful consideration to your case.",
            "We have given consideration to your request.",
            "The doctor has taken into consideration your age.",
            "We had a discussion about the risks.",
            "The doctor carried out an examination of your chest.",
            "The drug had an effect on my sleep.",
            "He made a good recovery.",
            "He paid a visit to his GP.",
            "We have reached an agreement on the plan.",
        ]
    )
    assert found_in(source, findings) == [
        (1, "made a decision to", ("decided to",)),
        (3, "made a decision", ("decided",)),
        (5, "took a decision", ("decided",)),
        (7, "came to a decision", ("decided",)),
        (9, "gave careful consideration to", ("thought carefully about", "considered carefully")),
        (11, "given consideration to", ("considered", "thought about")),
        (13, "taken into consideration", ("considered", "thought about")),
        (15, "had a discussion about", ("discussed", "talked about")),
        (17, "carried out an examination of", ("examined",)),
        (19, "had an effect on", ("affected",)),
        (21, "made a good recovery", ("recovered well",)),
        (23, "paid a visit to", ("visited",)),
        (25, "reached an agreement on", ("agreed on",)),
    ]


def test_flags_ing_and_third_person_forms(findings):
    source = "\n\n".join(
        [
            "We are making a decision today.",
            "We are giving consideration to your request.",
            "We are having a discussion about it.",
            "She is making an attempt to quit smoking.",
            "He is paying a visit to his GP.",
            "He makes decisions about his care.",
            "The nurse carries out an examination of your skin.",
            "The leaflet provides an explanation of the test.",
            "The scan gives an indication of how big the tumour is.",
            "Sunscreen provides protection against sunburn.",
            "The cream provides relief from itching.",
            "Your diet has an impact on your health.",
        ]
    )
    assert found_in(source, findings) == [
        (1, "making a decision", ("deciding",)),
        (3, "giving consideration to", ("considering", "thinking about")),
        (5, "having a discussion about", ("discussing", "talking about")),
        (7, "making an attempt to", ("trying to",)),
        (9, "paying a visit to", ("visiting",)),
        (11, "makes decisions about", ("decides about",)),
        (13, "carries out an examination of", ("examines",)),
        (15, "provides an explanation of", ("explains",)),
        (17, "gives an indication of", ("shows",)),
        (19, "provides protection against", ("protects against",)),
        (21, "provides relief from", ("eases", "relieves")),
        (23, "has an impact on", ("affects",)),
    ]


def test_flags_noun_phrases_as_written(findings):
    source = "\n\n".join(
        [
            "We pay for the provision of care at home.",
            "The administration of the vaccine takes a minute.",
            "You will have a scan following the completion of your treatment.",
            "You get a certificate on completion of the course.",
            "Tell us about the discontinuation of any drug.",
            "It is our intention to call you.",
            "We will talk at the conclusion of your visit.",
        ]
    )
    assert found_in(source, findings) == [
        (1, "the provision of", ("providing",)),
        (3, "The administration of", ("Giving", "Running")),
        (5, "following the completion of", ("after finishing", "after completing")),
        (7, "on completion of", ("after finishing", "after completing")),
        (9, "the discontinuation of", ("stopping",)),
        (11, "It is our intention to", ("We plan to",)),
        (13, "at the conclusion of", ("at the end of",)),
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "suggestions"),
    [
        ("Making a decision can be hard.", "Making a decision", ("Deciding",)),
        ("Pay a visit to your GP.", "Pay a visit to", ("Visit",)),
        (
            "Taking into consideration your age, we suggest surgery.",
            "Taking into consideration",
            ("Considering", "Thinking about"),
        ),
        ("The provision of care at home is free.", "The provision of", ("Providing",)),
    ],
)
def test_suggestion_takes_the_capital_at_the_start_of_a_sentence(
    findings, sentence, text, suggestions
):
    [finding] = findings(sentence, RULE)
    assert (finding.column, finding.text, finding.suggestions) == (1, text, suggestions)


def test_is_information_with_the_suggestions_in_the_message(findings):
    [finding] = findings("We will give consideration to your request.", RULE)
    assert finding.rule == RULE
    assert finding.severity is Severity.INFO
    assert finding.message == (
        "“give consideration to” hides the verb in a noun. Try “consider” or “think about”."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "You will have an operation.",
        "You will have an examination of your chest.",
        # causative "make": the decision is not being made here
        "This leaflet can help make the decision easier.",
        "You will make the decision with your doctor.",
        "The decision was made by your team.",
        "Decision making is hard.",
        # noun phrases are found only as written: no "the", other preposition, other nouns
        "Provision of care is free.",
        "Drug administration is safe.",
        "We remake a decision.",
    ],
)
def test_leaves_ordinary_wording_alone(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ('The form says "make a decision".', "markdown"),
        ("The form says “make a decision”.", "markdown"),
        ("Run `make a decision` now.", "markdown"),
        ("```\nmake a decision\n```", "markdown"),
        (
            "<p>The form says &ldquo;make a decision&rdquo;. Type <code>make a decision</code>.</p>",
            "html",
        ),
    ],
)
def test_leaves_quotations_and_code_alone(findings, source, fmt):
    assert findings(source, RULE, fmt=fmt) == []


@pytest.mark.parametrize(
    ("source", "fmt", "line"),
    [
        ("# Making a decision\n\nYou can make a decision later.", "markdown", 3),
        ("<h2>Making a decision</h2>\n<p>You can make a decision later.</p>", "html", 2),
        ("Making a decision\n\nYou can make a decision later.", "text", 3),
    ],
)
def test_leaves_headings_alone_but_not_the_text_under_them(findings, source, fmt, line):
    assert found_in(source, findings, fmt=fmt) == [(line, "make a decision", ("decide",))]


def test_leaves_the_title_of_a_cited_work_in_a_link_alone(findings):
    source = "Read [Making a Decision About Your Treatment Options](https://example.org) first."
    assert findings(source, RULE) == []


def test_positions_in_markdown_across_a_line_break_and_in_a_list(findings):
    source = "You can make a\ndecision later.\n\n1. Your blood is taken.\n2. You make a payment at the desk.\n"
    found = findings(source, RULE)
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [
        (1, 9, 2, 9),
        (5, 8, 5, 22),
    ]
    assert [slice_of(source, f) for f in found] == ["make a\ndecision", "make a payment"]
    assert found[0].message.startswith("“make a decision” hides the verb")


def test_positions_in_html_with_markup_and_entities(findings):
    source = (
        "<p>Caf&eacute; &amp; shop: we will <em>make a decision</em>.</p>\n"
        "<ul><li>Make use of the car park.</li></ul>\n"
    )
    found = findings(source, RULE, fmt="html")
    assert [(f.line, f.column, f.text, f.suggestions) for f in found] == [
        (1, 40, "make a decision", ("decide",)),
        (2, 9, "Make use of", ("Use",)),
    ]
    assert all(slice_of(source, f) == f.text for f in found)


def test_positions_in_plain_text(findings):
    source = "MAKING DECISIONS\n\nYou can make a decision later. We will\ngive consideration to your request.\n"
    assert found_in(source, findings, fmt="text") == [
        (3, "make a decision", ("decide",)),
        (4, "give consideration to", ("consider", "think about")),
    ]


# --- cases a review found -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "suggestions"),
    [
        # "come" and "made" can each be two forms: the words before settle which
        ("We will come to a decision soon.", ("decide",)),
        ("The team has come to a decision.", ("decided",)),
        ("They come to a decision together.", ("decide",)),
        ("You made a choice.", ("chose",)),
        ("You have already made a choice.", ("chosen",)),
        ("You need to make a choice.", ("choose",)),
    ],
)
def test_the_suggestion_takes_the_form_the_words_before_call_for(findings, sentence, suggestions):
    [finding] = findings(sentence, RULE)
    assert finding.suggestions == suggestions


@pytest.mark.parametrize(
    "sentence",
    [
        "Take a decision aid to your appointment.",
        "Make a recovery plan with your nurse.",
        "You can make a payment plan with the office.",
    ],
)
def test_leaves_a_noun_that_starts_a_longer_name_alone(findings, sentence):
    assert findings(sentence, RULE) == []


def test_leaves_references_alone(findings):
    source = (
        "Smith J, et al. Making a decision about surgery: a trial. "
        "Lancet. 2019;393:100-8. PMID: 30221597."
    )
    assert findings(source, RULE) == []


def test_messages_show_single_spaces_for_a_line_break_in_html(findings):
    source = "<p>We will give consideration\n  to your request.</p>"
    [finding] = findings(source, RULE, fmt="html")
    assert "“give consideration to”" in finding.message
    assert slice_of(source, finding) == finding.text


@pytest.mark.parametrize(
    ("sentence", "suggestions"),
    [
        ("The team has not come to a decision.", ("decided",)),
        ("We haven't come to a decision yet.", ("decided",)),
        ("We've come to a decision.", ("decided",)),
        ("We won't come to a decision today.", ("decide",)),
        ("The team has to make a decision.", ("decide",)),
        # the sentence before does not count
        ("Tell us what tests you have. Come to a decision together.", ("Decide", "Decided")),
    ],
)
def test_the_nearest_helper_decides_the_form(findings, sentence, suggestions):
    [finding] = findings(sentence, RULE)
    assert finding.suggestions == suggestions
