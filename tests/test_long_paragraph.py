"""long-paragraph: more than 5 sentences or 100 words of running text in one paragraph."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity
from plainlint.run.engine import Linter
from plainlint.settings.loading import load_settings

RULE = "long-paragraph"

# Six short sentences, 29 words: long by sentences only.
SHORT = (
    "You will have a scan.",
    "It takes about 20 minutes.",
    "A nurse will help you.",
    "You lie on a bed.",
    "The bed moves slowly.",
    "You can go home after.",
)
SIX = " ".join(SHORT)
FIVE = " ".join(SHORT[:5])
# Sentences of exactly 20 words each.
TWENTY = (
    (
        "Before your operation, a nurse will ask you some questions about your health and "
        "check your blood pressure and weight."
    ),
    (
        "You should stop eating 6 hours before the operation, but you can drink sips of "
        "water until 2 hours before."
    ),
    (
        "Take your usual medicines on the morning of the operation unless your doctor or "
        "nurse has told you not to."
    ),
    (
        "Bring a dressing gown, slippers and something to read, because you may need to wait "
        "before you go to theatre."
    ),
    (
        "After the operation you will wake up in the recovery room, where a nurse will stay "
        "with you a while."
    ),
    (
        "Most people can go home the next day, once they can eat, drink and walk around in "
        "the normal way."
    ),
)
# Two long halves: 48 and 57 words.
FIRST_HALF = (
    "When you get home you should rest for the first few days, eat small meals often, "
    "drink plenty of water, and take short walks around the house every few hours, because "
    "gentle movement helps your body heal and lowers the risk of getting blood clots in "
    "your legs"
)
SECOND_HALF = (
    "if your wound becomes red, hot, swollen or painful, or if it starts to leak fluid "
    "at any time in the first two weeks, you should phone the ward on the number in your "
    "letter, because these can be signs of an infection that needs to be treated with "
    "medicine from your doctor as soon as possible"
)
REFERENCE = (
    "Smith J, Jones K, Brown L, et al. Walking after surgery: a randomised trial. "
    "Br J Surg. 2020;107(3):201-9. doi:10.1002/bjs.11423. PMID: 31234567. "
    "Available at: https://example.org/walking. Accessed 1 May 2024."
)


def with_options(tmp_path, **options):
    """A linter running only this rule, with its options changed in a settings file."""
    lines = "".join(f"    {key}: {value}\n" for key, value in options.items())
    config = tmp_path / "plainlint.yaml"
    config.write_text(f"rules:\n  {RULE}:\n{lines}")
    return Linter.create(load_settings(config), select={RULE})


# -- the sentence limit ---------------------------------------------------------------------


def test_six_sentences_are_flagged_at_the_first_sentence(findings):
    [finding] = findings(SIX, RULE)
    assert finding.rule == RULE
    assert finding.severity is Severity.WARNING
    assert finding.text == "You will have a scan."
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 1, 22)
    assert "6 sentences (the limit is 5)" in finding.message
    assert "words" not in finding.message.split(".")[0]


def test_five_sentences_are_left_alone(findings):
    assert findings(FIVE, RULE) == []


def test_defaults_are_five_sentences_and_100_words(settings):
    assert settings.rules[RULE].options == {"max_sentences": 5, "max_words": 100}
    assert settings.rules[RULE].severity is Severity.WARNING


# -- the word limit ---------------------------------------------------------------------------


def test_100_words_in_five_sentences_are_left_alone(findings):
    assert findings(" ".join(TWENTY[:5]), RULE) == []


def test_101_words_in_five_sentences_are_flagged(findings):
    source = " ".join(TWENTY[:5]).replace("a nurse will ask", "a nurse will gently ask")
    [finding] = findings(source, RULE)
    assert finding.text == TWENTY[0].replace("will ask", "will gently ask")
    assert "101 words (the limit is 100)" in finding.message
    assert "sentences (the limit" not in finding.message


def test_both_limits_are_named_when_both_are_passed(findings):
    [finding] = findings(" ".join(TWENTY), RULE)
    assert finding.text == TWENTY[0]
    assert "6 sentences (the limit is 5) and 120 words (the limit is 100)" in finding.message


def test_two_long_sentences_pass_the_word_limit(findings):
    source = f"{FIRST_HALF}. {SECOND_HALF[0].upper()}{SECOND_HALF[1:]}."
    [finding] = findings(source, RULE)
    assert finding.text == FIRST_HALF + "."
    assert "105 words (the limit is 100)" in finding.message


def test_one_long_sentence_is_left_to_long_sentence(findings):
    # The same words as one sentence: a paragraph needs 2 sentences for the word limit.
    source = f"{FIRST_HALF}, and {SECOND_HALF}."
    assert findings(source, RULE) == []
    assert [f.rule for f in findings(source, RULE, "long-sentence")] == ["long-sentence"]


def test_code_counts_as_one_word(findings):
    # 86 words of prose and a code span of 60 words: the code is one word, not 60.
    prose = " ".join(TWENTY[:4])
    source = f"{prose} Type `{' '.join(['word'] * 60)}` in the box on the screen."
    assert findings(source, RULE) == []


# -- what counts as a paragraph ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fmt", "position"),
    [
        ("# Your scan\n\n" + SIX, "markdown", (3, 1)),
        ("Your scan\n\n" + " ".join(SHORT[:3]) + "\n" + " ".join(SHORT[3:]), "text", (3, 1)),
        ("<h1>Your scan</h1>\n<p>" + SIX + "</p>", "html", (2, 4)),
        ("Before your scan:\n\n- " + SIX + "\n- Bring your letter.", "markdown", (3, 3)),
        ("1. " + SIX + "\n2. Bring your letter.", "markdown", (1, 4)),
        ("- " + SIX + "\n- Bring your letter.", "text", (1, 3)),
        ("<ul>\n  <li>" + SIX + "</li>\n</ul>", "html", (2, 7)),
        ("> " + " ".join(SHORT[:3]) + "\n> " + " ".join(SHORT[3:]), "markdown", (1, 3)),
        ("<blockquote><p>" + SIX + "</p></blockquote>", "html", (1, 16)),
    ],
    ids=[
        "md-paragraph",
        "text-paragraph",
        "html-p",
        "md-bullet",
        "md-numbered",
        "text-bullet",
        "html-li",
        "md-quote",
        "html-blockquote",
    ],
)
def test_paragraphs_list_items_and_block_quotes_are_running_text(findings, source, fmt, position):
    [finding] = findings(source, RULE, fmt=fmt)
    assert finding.text == "You will have a scan."
    assert slice_of(source, finding) == finding.text
    assert (finding.line, finding.column) == position


NOT_PARAGRAPHS = [
    ("| Step | What happens |\n| --- | --- |\n| 1 | " + SIX + " |", "markdown"),
    ("<table><tr><td>" + SIX + "</td></tr></table>", "html"),
    ("# " + SIX, "markdown"),
    ("<h2>" + SIX + "</h2>", "html"),
    ("```\n" + SIX + "\n```", "markdown"),
    ("<pre>" + SIX + "</pre>", "html"),
    (f"![{SIX}](scan.png)", "markdown"),
]


def test_table_cells_headings_code_and_alt_text_are_not_paragraphs(findings):
    assert [(s, fmt) for s, fmt in NOT_PARAGRAPHS if findings(s, RULE, fmt=fmt)] == []


def test_a_blank_line_ends_a_paragraph(findings):
    assert findings(SHORT[0] + "\n\n" + " ".join(SHORT[1:]), RULE) == []
    assert findings(SHORT[0] + "\n\n" + " ".join(SHORT[1:]), RULE, fmt="text") == []


def test_each_long_paragraph_is_reported_where_it_starts(findings):
    source = f"{SIX}\n\nBring your letter. Come on time.\n\n{' '.join(TWENTY)}"
    found = findings(source, RULE)
    assert [(f.line, f.column, f.text) for f in found] == [
        (1, 1, "You will have a scan."),
        (5, 1, TWENTY[0]),
    ]
    assert all(slice_of(source, f) == f.text for f in found)


# -- references -------------------------------------------------------------------------------


def test_a_reference_to_a_published_work_is_left_alone(findings):
    sources = [
        ("## References\n\n" + REFERENCE, "markdown"),
        ("- " + REFERENCE, "markdown"),
        ("<p>" + REFERENCE + "</p>", "html"),
        (REFERENCE, "text"),
    ]
    assert [(s, fmt) for s, fmt in sources if findings(s, RULE, fmt=fmt)] == []


def test_one_reference_mark_does_not_make_a_reference(findings):
    source = (
        "Smith and Jones looked at walking after surgery. Walking helps you heal. "
        "It lowers the risk of clots. It helps your lungs. It helps you sleep. PMID: 31234567."
    )
    [finding] = findings(source, RULE)
    assert finding.text == "Smith and Jones looked at walking after surgery."


# -- settings ---------------------------------------------------------------------------------


def test_max_sentences_can_be_changed(tmp_path):
    linter = with_options(tmp_path, max_sentences=3)
    [finding] = linter.check_source("p.md", " ".join(SHORT[:4]), "markdown").findings
    assert finding.text == "You will have a scan."
    assert "4 sentences (the limit is 3)" in finding.message
    assert linter.check_source("p.md", " ".join(SHORT[:3]), "markdown").findings == []


def test_max_words_can_be_changed(tmp_path):
    linter = with_options(tmp_path, max_words=40)
    source = " ".join(TWENTY[:2])  # 40 words
    assert linter.check_source("p.md", source, "markdown").findings == []
    source = source.replace("sips of water", "small sips of water")
    [finding] = linter.check_source("p.md", source, "markdown").findings
    assert "41 words (the limit is 40)" in finding.message


def test_a_raised_limit_leaves_six_sentences_alone(tmp_path):
    linter = with_options(tmp_path, max_sentences=6)
    assert linter.check_source("p.html", f"<p>{SIX}</p>", "html").findings == []
    seven = SIX + " Bring your letter."
    [finding] = linter.check_source("p.html", f"<p>{seven}</p>", "html").findings
    assert "7 sentences (the limit is 6)" in finding.message


def test_the_message_says_where_a_new_paragraph_could_start(findings):
    source = (
        "You will have a scan. It takes 20 minutes. A nurse will help you. "
        "You lie on a bed. The bed moves slowly. You can go home after."
    )
    [finding] = findings(source, RULE)
    assert finding.message == (
        "This paragraph has 6 sentences (the limit is 5). "
        "Try a new paragraph at “You lie on a …”, or use a list."
    )
