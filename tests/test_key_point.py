"""key-point: an urgent action or warning buried in a long sentence or the middle of a paragraph."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "key-point"
PHRASES = [
    "call 999",
    "call 911",
    "call 111",
    "ring 999",
    "dial 999",
    "phone 999",
    "go to A&E",
    "go to your nearest A&E",
    "go to the emergency department",
    "go to the nearest emergency room",
    "do not stop taking",
    "don't stop taking",
    "contact your doctor or nurse",
    "contact your nurse or doctor",
    "seek medical help",
    "seek medical advice",
    "get medical help",
    "seek urgent medical help",
    "get emergency help",
]

# 30 words before the phrase.
LONG_START = (
    "After the operation you will stay on the ward for a few days while the team checks "
    "your wound, and if you have chest pain or trouble breathing you should"
)
# 15 words before "call 999", 26 words in all.
AT_WORD_16 = (
    "You will stay on the ward for two or three days after the operation, so call 999 "
    "if you have chest pain or feel very faint."
)
FIRST = "Most people go home after two days."
THIRD = "Your wound will heal in a few weeks."
FOURTH = "The nurse will take out your stitches."
MIDDLE = "If you have chest pain, call 999."


def paragraph(*sentences: str) -> str:
    return " ".join(sentences)


def found(findings, source, fmt="markdown"):
    return [(f.text, f.line, f.column, f.end_column) for f in findings(source, RULE, fmt=fmt)]


# -- long sentences -------------------------------------------------------------------


def test_flags_every_listed_phrase_late_in_a_long_sentence(findings):
    for phrase in PHRASES:
        source = f"{LONG_START} {phrase} at once."
        [finding] = findings(source, RULE)
        assert finding.severity is Severity.WARNING
        assert finding.text == slice_of(source, finding) == phrase
        assert (finding.line, finding.column) == (1, 155)
        words = 30 + len(phrase.split()) + 2
        assert f"word 31 of a {words}-word sentence" in finding.message, phrase
        assert f"“{phrase}”" in finding.message


def test_flags_a_phrase_after_word_15_of_a_26_word_sentence(findings):
    [finding] = findings(AT_WORD_16, RULE)
    assert finding.text == "call 999"
    assert "word 16 of a 26-word sentence" in finding.message


def test_a_phrase_within_the_first_15_words_is_fine(findings):
    at_word_15 = AT_WORD_16.replace("operation, so call", "operation: call").replace(
        "very faint.", "very faint today."
    )
    assert len(at_word_15.split()) == 26
    assert findings(at_word_15, RULE) == []
    early = (
        "Call 999 if you have chest pain, and you should also tell your nurse about it the "
        "next time you come to the clinic so that they can check your wound."
    )
    assert findings(early, RULE) == []


def test_a_sentence_of_25_words_is_not_long(findings):
    short = AT_WORD_16.replace(" very faint.", " faint.")
    assert len(short.split()) == 25
    assert findings(short, RULE) == []


# -- the middle of a paragraph ----------------------------------------------------------


def test_flags_the_middle_sentence_of_a_4_sentence_paragraph(findings):
    source = paragraph(FIRST, MIDDLE, THIRD, FOURTH)
    [finding] = findings(source, RULE)
    assert finding.severity is Severity.WARNING
    assert (finding.text, finding.line, finding.column) == ("call 999", 1, 61)
    assert "middle of a paragraph of 4 sentences" in finding.message


def test_flags_each_middle_sentence_of_a_5_sentence_paragraph(findings):
    for index in (1, 2, 3):
        sentences = [FIRST, THIRD, FOURTH, "Ask us if you have questions."]
        sentences.insert(index, "Do not stop taking your tablets.")
        [finding] = findings(paragraph(*sentences), RULE)
        assert finding.text == "Do not stop taking"
        assert "paragraph of 5 sentences" in finding.message


def test_the_first_sentence_and_short_paragraphs_are_fine(findings):
    cases = [
        paragraph(MIDDLE, FIRST, THIRD, FOURTH),
        paragraph(FIRST, MIDDLE),
        MIDDLE,
    ]
    assert [(s, findings(s, RULE)) for s in cases] == [(s, []) for s in cases]


@pytest.mark.parametrize(
    ("source", "where"),
    [
        (paragraph(FIRST, THIRD, FOURTH, MIDDLE), "sits at the end of a paragraph of 4 sentences"),
        (paragraph(FIRST, MIDDLE, THIRD), "sits in the middle of a paragraph of 3 sentences"),
    ],
)
def test_the_end_of_a_paragraph_of_3_or_more_is_easy_to_miss_too(findings, source, where):
    [finding] = findings(source, RULE)
    assert where in finding.message


def test_a_phrase_in_any_case_or_across_a_line_break(findings):
    source = paragraph(FIRST, "CALL 999 if it bleeds.", THIRD, FOURTH)
    assert found(findings, source) == [("CALL 999", 1, 37, 45)]
    source = paragraph(FIRST, "Go to A&E if it bleeds.", THIRD, FOURTH)
    assert found(findings, source) == [("Go to A&E", 1, 37, 46)]
    source = f"# Wound care\n\n{FIRST}\nIf you have chest pain,\ncall 999.\n{THIRD}\n{FOURTH}\n"
    assert found(findings, source) == [("call 999", 5, 1, 9)]
    source = paragraph(FIRST, "Call\n999 if it bleeds.", THIRD, FOURTH)
    [finding] = findings(source, RULE)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 37, 2, 4)
    assert "“Call 999”" in finding.message


def test_only_whole_phrases_count(findings):
    cases = [
        paragraph(FIRST, "Call 9999 to order a new kit.", THIRD, FOURTH),
        paragraph(FIRST, "Go to A&Eagle Street for parking.", THIRD, FOURTH),
        paragraph(FIRST, "We recall 999 people took part.", THIRD, FOURTH),
    ]
    assert [(s, findings(s, RULE)) for s in cases] == [(s, []) for s in cases]


# -- urgent words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ring the ward straight away if the wound bleeds.", "straight away"),
        ("Ring the ward at once if it bleeds.", "at once"),
        ("Stop and ring the ward right away if it bleeds.", "right away"),
        ("Tell your nurse immediately if the wound bleeds.", "immediately"),
        ("Please ring us urgently if you have a fever.", "urgently"),
        ("You should ring us as soon as possible if it bleeds.", "as soon as possible"),
        ("Ring the emergency number if it bleeds.", "emergency"),
    ],
)
def test_urgent_words_count_when_the_sentence_tells_the_reader_what_to_do(findings, sentence, word):
    source = paragraph(FIRST, sentence, THIRD, FOURTH)
    [finding] = findings(source, RULE)
    assert finding.text == slice_of(source, finding) == word


@pytest.mark.parametrize(
    "sentence",
    [
        "Emergency surgery is rarely needed.",
        "The team acts immediately when a wound bleeds.",
        "Some people need urgent treatment.",
        "An emergency team is on call at night.",
        "Most wounds heal straight away.",
        "The results came back as soon as possible.",
    ],
)
def test_urgent_words_in_statements_are_left_alone(findings, sentence):
    assert findings(paragraph(FIRST, sentence, THIRD, FOURTH), RULE) == []


def test_urgent_words_in_a_long_statement_are_left_alone(findings):
    statement = (
        "In the past, many people with this kind of heart problem needed to have an "
        "operation in an emergency, but this is now rare thanks to better tests."
    )
    assert len(statement.split()) > 25
    assert findings(statement, RULE) == []


# -- where a key point already stands out ------------------------------------------------


def test_bold_text_stands_out(findings):
    cases = [
        paragraph(FIRST, "If you have chest pain, **call 999**.", THIRD, FOURTH),
        paragraph(FIRST, "**If you have chest pain, call 999.**", THIRD, FOURTH),
        paragraph(FIRST, "If you have chest pain, __call 999__.", THIRD, FOURTH),
        paragraph(FIRST, "Ring the ward **straight away** if it bleeds.", THIRD, FOURTH),
        AT_WORD_16.replace("call 999", "**call 999**"),
    ]
    assert [(s, findings(s, RULE)) for s in cases] == [(s, []) for s in cases]


def test_html_strong_and_b_stand_out(findings):
    cases = [
        f"<p>{FIRST} If you have chest pain, <strong>call 999</strong>. {THIRD} {FOURTH}</p>",
        f"<p>{FIRST} <b>If you have chest pain, call 999.</b> {THIRD} {FOURTH}</p>",
        f"<p>{FIRST} Please ring us <b>urgently</b>. {THIRD} {FOURTH}</p>",
    ]
    assert [(s, findings(s, RULE, fmt="html")) for s in cases] == [(s, []) for s in cases]


def test_italics_or_half_bold_do_not_stand_out(findings):
    source = paragraph(FIRST, "If you have chest pain, *call 999*.", THIRD, FOURTH)
    assert found(findings, source) == [("call 999", 1, 62, 70)]
    source = paragraph(FIRST, "If you have chest pain, **call** 999.", THIRD, FOURTH)
    [finding] = findings(source, RULE)
    assert "“call 999”" in finding.message


def test_list_items_and_headings_stand_out(findings):
    text = paragraph(FIRST, MIDDLE, THIRD, FOURTH)
    cases = [
        (f"- {text}\n", "markdown"),
        (f"1. {AT_WORD_16}\n", "markdown"),
        (f"## {text}\n", "markdown"),
        (f"<ul><li>{text}</li></ul>", "html"),
        (f"<ol><li>{AT_WORD_16}</li></ol>", "html"),
        (f"<dl><dt>Bleeding</dt><dd>{text}</dd></dl>", "html"),
        (f"<h2>{text}</h2>", "html"),
        (f"Wound care\n\n- {AT_WORD_16}\n", "text"),
    ]
    assert [(s, findings(s, RULE, fmt=fmt)) for s, fmt in cases] == [(s, []) for s, _ in cases]


def test_quoted_phrases_and_code_are_left_alone(findings):
    cases = [
        paragraph(FIRST, "The sign said “call 999 in an emergency”.", THIRD, FOURTH),
        paragraph(FIRST, "Your leaflet says 'do not stop taking' in red.", THIRD, FOURTH),
        paragraph(FIRST, 'He said "seek medical help" twice.', THIRD, FOURTH),
        paragraph(FIRST, "If it bleeds, type `call 999` in the app.", THIRD, FOURTH),
        LONG_START.replace("you should", "the sign says “call 999 now”."),
    ]
    assert [(s, findings(s, RULE)) for s in cases] == [(s, []) for s in cases]
    html = f"<p>{FIRST} The sign says “call 999”. {THIRD} {FOURTH}</p>"
    assert findings(html, RULE, fmt="html") == []


# -- formats and positions -----------------------------------------------------------------


def test_positions_in_html(findings):
    source = f"<h1>Wound care</h1>\n<p>{FIRST} If it bleeds, go to A&amp;E. {THIRD} {FOURTH}</p>\n"
    [finding] = findings(source, RULE, fmt="html")
    assert (finding.line, finding.column, finding.end_column) == (2, 54, 67)
    assert finding.text == slice_of(source, finding) == "go to A&amp;E"
    assert "“go to A&E”" in finding.message


def test_positions_in_text(findings):
    long = (
        "You will stay on the ward for two or three days after your operation so that the "
        "nurses can check your wound, and you should call 999 if you have chest pain."
    )
    source = f"Wound care\n\n{long}\n"
    [finding] = findings(source, RULE, fmt="text")
    assert (finding.line, finding.column, finding.end_column) == (3, 126, 134)
    assert finding.text == slice_of(source, finding) == "call 999"
    assert "word 26 of a 32-word sentence" in finding.message
    source = paragraph(FIRST, MIDDLE, THIRD, FOURTH) + "\n"
    assert found(findings, source, fmt="text") == [("call 999", 1, 61, 69)]


# --- cases a review found -------------------------------------------------------------

IN_THE_MIDDLE = (
    "Most people go home after two days. {} Your wound will heal in a few weeks. "
    "The nurse will take out your stitches."
)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Don’t stop taking your tablets.", "Don’t stop taking"),  # a curly apostrophe
        ("If the wound bleeds, ring the ward straight away.", "straight away"),
        ("Ring NHS 111 in an emergency.", "emergency"),
        ("Ring 0800 123 456 in an emergency.", "emergency"),
    ],
)
def test_flags_phrases_the_first_version_missed(findings, sentence, phrase):
    [finding] = findings(IN_THE_MIDDLE.format(sentence), RULE)
    assert finding.text == phrase


def test_a_table_cell_is_not_a_paragraph(findings):
    cell = IN_THE_MIDDLE.format("If you have chest pain, call 999.")
    assert findings(f"| Aftercare |\n| --- |\n| {cell} |", RULE) == []


def test_indented_html_keeps_its_sentences_together(findings):
    source = (
        "<p>Most people go home after two days. If it bleeds, go to\n    A&amp;E. "
        "Your wound will heal in a few weeks. The nurse will take out your stitches.</p>"
    )
    [finding] = findings(source, RULE, fmt="html")
    assert finding.text == "go to\n    A&amp;E"
    assert "“go to A&E”" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "You can eat and drink straight away.",
        "Write down the name and phone number of an emergency contact.",
        "Some people do not feel better right away.",
        "For non-urgent questions, you can email the ward.",
    ],
)
def test_urgent_words_need_a_command_to_the_reader(findings, sentence):
    assert findings(IN_THE_MIDDLE.format(sentence), RULE) == []


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("If you cannot wake your child, call an ambulance.", "call an ambulance"),
        ("If you are worried, call NHS 111.", "call NHS 111"),
        ("If it will not stop bleeding, go straight to A&E.", "go straight to A&E"),
        ("You should contact the ward immediately if it bleeds.", "immediately"),
    ],
)
def test_flags_more_ways_to_say_get_help_now(findings, sentence, phrase):
    [finding] = findings(IN_THE_MIDDLE.format(sentence), RULE)
    assert finding.text == phrase
