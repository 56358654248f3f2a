"""list-candidate: 4 or more items, or steps, run together in a sentence of running text."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity
from plainlint.run.engine import Linter
from plainlint.settings.loading import load_settings

RULE = "list-candidate"

ITEMS = "Common side effects are nausea, tiredness, hair loss and diarrhoea."
ITEMS_TEXT = "nausea, tiredness, hair loss and diarrhoea"
STEPS = "First wash your hands, then dry them, and finally put on the gloves."
STEPS_ACROSS = (
    "First, wash your hands. Then, dry them with a clean towel. Finally, put on the gloves."
)


def flagged(found):
    return [(f.text, f.message.split(".")[0]) for f in found]


def with_options(tmp_path, **options):
    """A linter running only this rule, with its options changed in a settings file."""
    lines = "".join(f"    {key}: {value}\n" for key, value in options.items())
    config = tmp_path / "plainlint.yaml"
    config.write_text(f"rules:\n  {RULE}:\n{lines}")
    return Linter.create(load_settings(config), select={RULE})


def test_defaults(settings):
    options = settings.rules[RULE].options
    assert (options["min_items"], options["min_steps"]) == (4, 3)
    assert settings.rules[RULE].severity is Severity.INFO


# -- items -----------------------------------------------------------------------------------


def test_four_items_are_flagged_from_the_first_item_to_the_last(findings):
    [finding] = findings(ITEMS, RULE)
    assert finding.severity is Severity.INFO
    assert finding.text == ITEMS_TEXT
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 25, 1, 67)
    assert finding.message == (
        "This sentence runs 4 items together. Put each, from “nausea” to “diarrhoea”, "
        "on a line of its own in a bulleted list."
    )
    assert "bulleted list" in finding.message


FOUR_ITEMS = {
    ITEMS.replace("loss and", "loss, and"): "nausea, tiredness, hair loss, and diarrhoea",
    "You might have nausea, tiredness, hair loss or diarrhoea.": ITEMS_TEXT.replace("and", "or"),
    "You should avoid alcohol, caffeine, spicy food and fizzy drinks.": (
        "alcohol, caffeine, spicy food and fizzy drinks"
    ),
    "The nurse will check your pulse, blood pressure, temperature and breathing.": (
        "your pulse, blood pressure, temperature and breathing"
    ),
    "Ask your doctor, nurse, pharmacist or physiotherapist.": (
        "your doctor, nurse, pharmacist or physiotherapist"
    ),
    "Tiredness, sore skin, hair loss and feeling sick are common.": (
        "Tiredness, sore skin, hair loss and feeling sick"
    ),
    "You can eat, drink, walk and talk after the operation.": "eat, drink, walk and talk",
    # items the parser hangs on different words (objects, appositions)
    "Bring your glasses, your medicines, a dressing gown and slippers.": (
        "your glasses, your medicines, a dressing gown and slippers"
    ),
    "Bring glasses, medicines, dressing gowns and slippers.": (
        "glasses, medicines, dressing gowns and slippers"
    ),
    "Tell your nurse if you have a fever, chills, a cough or a sore throat.": (
        "a fever, chills, a cough or a sore throat"
    ),
    "Cancer can affect your thinking and memory, your mood, your sleep and your appetite.": (
        "your thinking and memory, your mood, your sleep and your appetite"
    ),
    # symptoms described by adjectives are items too
    "You may feel sick, dizzy, tired or confused.": "sick, dizzy, tired or confused",
}


def test_four_items_with_or_without_an_oxford_comma_and_with_or(findings):
    found = {sentence: findings(sentence, RULE) for sentence in FOUR_ITEMS}
    assert {s: [f.text for f in fs] for s, fs in found.items()} == {
        s: [items] for s, items in FOUR_ITEMS.items()
    }
    assert all(slice_of(s, f) == f.text for s, fs in found.items() for f in fs)


def test_three_items_are_left_alone(findings):
    sentences = [
        "You should avoid alcohol, caffeine and spicy food.",
        "You might have nausea, tiredness, or diarrhoea.",
        "Bring your medicines and a dressing gown.",
        # Nested pairs: "thinking and memory" is one item, so these are 3.
        "Chemotherapy can affect thinking and memory, mood and sleep.",
        "Chemotherapy can affect thinking and memory, mood, and sleep.",
        "It can affect your thinking and memory, your mood and your sleep.",
        "Radiotherapy can cause tiredness and sore skin, hair loss, and feeling sick.",
    ]
    assert [s for s in sentences if findings(s, RULE)] == []


def test_nested_pairs_with_a_fourth_item_are_flagged(findings):
    sentence = "Chemotherapy can affect thinking and memory, mood, sleep and appetite."
    [finding] = findings(sentence, RULE)
    assert finding.text == "thinking and memory, mood, sleep and appetite"


def test_lists_of_names_or_numbers_are_left_alone(findings):
    sentences = [
        "Smith, Jones, Brown and Patel wrote the study.",
        "Dr Smith, Dr Jones, Dr Brown and Dr Patel run the clinic.",
        "We have clinics in Leeds, York, Hull and Bradford.",
        "Clinics run on Monday, Tuesday, Thursday and Friday.",
        "The doses are 5, 10, 20 and 40 milligrams.",
        "In 2019, 2020, 2021 and 2022 the number of cases went up.",
    ]
    assert [s for s in sentences if findings(s, RULE)] == []


def test_the_finding_is_in_the_sentence_that_has_the_items(findings):
    source = "Your nurse will talk to you about it.\n" + ITEMS
    [finding] = findings(source, RULE)
    assert (finding.line, finding.column, finding.text) == (2, 25, ITEMS_TEXT)
    assert slice_of(source, finding) == ITEMS_TEXT


# -- where the rule looks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fmt", "column"),
    [
        (ITEMS, "text", 25),
        (f"<p>{ITEMS}</p>", "html", 28),
        (f"> {ITEMS}", "markdown", 27),
        (f"<blockquote>{ITEMS}</blockquote>", "html", 37),
    ],
    ids=["text", "html-p", "md-quote", "html-blockquote"],
)
def test_items_in_paragraphs_and_block_quotes_of_each_format(findings, source, fmt, column):
    [finding] = findings(source, RULE, fmt=fmt)
    assert (finding.line, finding.column, finding.text) == (1, column, ITEMS_TEXT)
    assert slice_of(source, finding) == ITEMS_TEXT


def test_list_items_tables_headings_and_alt_text_are_left_alone(findings):
    sources = [
        (f"- {ITEMS}", "markdown"),
        (f"1. {ITEMS}", "markdown"),
        (f"- {ITEMS}", "text"),
        (f"<ul><li>{ITEMS}</li></ul>", "html"),
        (f"| Side effects |\n| --- |\n| {ITEMS} |", "markdown"),
        (f"<table><tr><td>{ITEMS}</td></tr></table>", "html"),
        ("## Nausea, tiredness, hair loss and diarrhoea", "markdown"),
        (f"![{ITEMS}](side-effects.png)", "markdown"),
    ]
    assert [(s, fmt) for s, fmt in sources if findings(s, RULE, fmt=fmt)] == []


def test_quotes_code_and_addresses_are_left_alone(findings):
    sources = [
        (f'One patient said "I had {ITEMS_TEXT}" after treatment.', "markdown"),
        (f"One patient said “I had {ITEMS_TEXT}” after treatment.", "markdown"),
        (f"Run `{ITEMS_TEXT}` to see the list.", "markdown"),
        (f"```\n{ITEMS}\n```", "markdown"),
        (f"<p>Run <code>{ITEMS_TEXT}</code> to see the list.</p>", "html"),
        (f"<pre>{ITEMS}</pre>", "html"),
        (
            (
                "Read [Nausea, Tiredness, Hair Loss and Diarrhoea in Cancer Care]"
                "(https://example.org/care) for more."
            ),
            "markdown",
        ),
        (
            "Read about it at https://example.org/nausea,tiredness,hair-loss,and,diarrhoea.",
            "markdown",
        ),
    ]
    assert [(s, fmt) for s, fmt in sources if findings(s, RULE, fmt=fmt)] == []


def test_references_are_left_alone(findings):
    sources = [
        (
            "Smith J, Jones K, Brown L, et al. Nausea, tiredness, hair loss and diarrhoea after "
            "chemotherapy. Br J Cancer. 2020;12:1-9. PMID: 123456."
        ),
        (
            "Smith J, et al. First, wash your hands. Then, dry them. Finally, put on gloves. "
            "Available at: https://example.org/gloves."
        ),
    ]
    assert [s for s in sources if findings(s, RULE)] == []


def test_one_reference_mark_does_not_make_a_reference(findings):
    source = ITEMS + " PMID: 123456."
    assert [f.text for f in findings(source, RULE)] == [ITEMS_TEXT]


# -- steps -----------------------------------------------------------------------------------


def test_steps_in_one_sentence_are_flagged_from_the_first_step_word(findings):
    [finding] = findings(STEPS, RULE)
    assert finding.severity is Severity.INFO
    assert (finding.line, finding.column, finding.text) == (1, 1, STEPS)
    assert finding.message.startswith("This sentence has 3 steps in a row (“First …, finally …”).")
    assert "numbered list" in finding.message


def test_other_step_words_in_one_sentence(findings):
    cases = {
        "First of all, wash your hands, next dry them, and after that put on the gloves.": (
            "First of all, wash your hands, next dry them, and after that put on the gloves.",
            "(“First of all …, after that …”)",
        ),
        "To start, clean the skin, then pinch it, then push the needle in.": (
            "To start, clean the skin, then pinch it, then push the needle in.",
            "(“To start …, then …”)",
        ),
        "You will first see a nurse, then a doctor, and finally the pharmacist.": (
            "first see a nurse, then a doctor, and finally the pharmacist.",
            "(“first …, finally …”)",
        ),
    }
    for sentence, (text, words) in cases.items():
        [finding] = findings(sentence, RULE)
        assert finding.text == text
        assert slice_of(sentence, finding) == text
        assert words in finding.message


def test_fewer_than_three_step_words_are_left_alone(findings):
    sentences = [
        "First wash your hands, then put on the gloves.",  # 2 steps
        "Wash your hands, then dry them, and finally put on the gloves.",  # no "first"
        "First wash your hands, then dry them and put on the gloves.",
        "Your first appointment is on Monday, then you come back a week later.",
        "If it still hurts, then call us.",
        "After that, you will first see a nurse and then a doctor.",  # steps start at "first"
    ]
    assert [s for s in sentences if findings(s, RULE)] == []


@pytest.mark.parametrize(
    ("source", "fmt", "position"),
    [
        (STEPS_ACROSS, "markdown", (1, 1)),
        (
            "Firstly, wash your hands. Secondly, dry them. Thirdly, put on the gloves.",
            "markdown",
            (1, 1),
        ),
        (f"<p>{STEPS_ACROSS}</p>", "html", (1, 4)),
        (STEPS_ACROSS.replace(" Finally", "\nFinally"), "text", (1, 1)),
        (f"> {STEPS_ACROSS}", "markdown", (1, 3)),
    ],
    ids=["markdown", "firstly", "html", "text", "quote"],
)
def test_steps_across_the_sentences_of_a_paragraph(findings, source, fmt, position):
    [finding] = findings(source, RULE, fmt=fmt)
    assert finding.text == source.split(".")[0].split(">")[-1].lstrip() + "."
    assert slice_of(source, finding) == finding.text
    assert (finding.line, finding.column) == position
    assert finding.message.startswith("These 3 sentences are steps in order.")


def test_steps_across_sentences_start_at_the_first_step_sentence(findings):
    source = "Wash your hands. Then dry them. Next, put on gloves. Finally, open the pack."
    [finding] = findings(source, RULE)
    assert (finding.column, finding.text) == (18, "Then dry them.")


def test_steps_left_alone(findings):
    sources = [
        ("First, wash your hands. Then, dry them with a clean towel.", "markdown"),
        (  # step words inside sentences, not at their start
            (
                "Take the first dose with food. Your nurse will then check on you. "
                "You can go home the next day."
            ),
            "markdown",
        ),
        (  # the run of step sentences is broken
            (
                "First, wash your hands. Dry them with a clean towel. "
                "Then put on the gloves. Finally, open the pack."
            ),
            "markdown",
        ),
        ("First, wash your hands.\n\nThen, dry them.\n\nFinally, put on the gloves.", "markdown"),
        (f"- {STEPS_ACROSS}", "markdown"),
        (f"- {STEPS_ACROSS}", "text"),
        (f"<ol><li>{STEPS}</li></ol>", "html"),
        (f"| Steps |\n| --- |\n| {STEPS} |", "markdown"),
        ("# First wash your hands, then dry them, and finally put on gloves", "markdown"),
        (
            'The nurse said: "First, wash your hands. Then, dry them. Finally, put on gloves."',
            "markdown",
        ),
        ('The leaflet says "first wash your hands, then dry them, and finally rest".', "markdown"),
        ("Type `first wash, then dry, finally glove` in the box.", "markdown"),
    ]
    assert [(s, fmt) for s, fmt in sources if findings(s, RULE, fmt=fmt)] == []


# -- settings --------------------------------------------------------------------------------


def test_min_items_can_be_raised(tmp_path):
    linter = with_options(tmp_path, min_items=5)
    assert linter.check_source("p.md", ITEMS, "markdown").findings == []
    five = "Common side effects are nausea, tiredness, hair loss, a sore mouth and diarrhoea."
    [finding] = linter.check_source("p.md", five, "markdown").findings
    assert flagged([finding]) == [
        (
            "nausea, tiredness, hair loss, a sore mouth and diarrhoea",
            "This sentence runs 5 items together",
        )
    ]


def test_min_steps_can_be_lowered(tmp_path):
    linter = with_options(tmp_path, min_steps=2)
    found = linter.check_source(
        "p.md", "First wash your hands, then put on the gloves.", "markdown"
    )
    assert flagged(found.findings) == [
        (
            "First wash your hands, then put on the gloves.",
            "This sentence has 2 steps in a row (“First …, then …”)",
        )
    ]
    found = linter.check_source("p.md", "First, wash your hands. Then, put on gloves.", "markdown")
    assert flagged(found.findings) == [
        ("First, wash your hands.", "These 2 sentences are steps in order")
    ]


def test_step_words_can_be_changed(tmp_path):
    linter = with_options(tmp_path, first_words='["start by"]', step_words='["and then"]')
    source = "Start by washing your hands, and then dry them, and then put on the gloves."
    [finding] = linter.check_source("p.md", source, "markdown").findings
    assert finding.text == source
    assert "(“Start by …, and then …”)" in finding.message
    assert linter.check_source("p.md", STEPS, "markdown").findings == []


def test_the_message_counts_the_items_a_reader_sees(findings):
    [finding] = findings(
        "Chemotherapy can affect thinking and memory, mood, sleep and appetite.", RULE
    )
    assert "runs 4 items together" in finding.message


def test_ordinal_numbers_are_left_alone(findings):
    assert findings("The clinic is open on the 3rd, 10th, 17th and 24th of each month.", RULE) == []


def test_three_items_count_when_the_setting_asks_for_three(tmp_path):
    (tmp_path / "plainlint.yaml").write_text("rules:\n  list-candidate:\n    min_items: 3\n")
    settings = load_settings(tmp_path / "plainlint.yaml")
    linter = Linter.create(settings, select={RULE})
    result = linter.check_source(
        "page.md", "You should avoid alcohol, caffeine and spicy food.", "markdown"
    )
    assert [f.text for f in result.findings] == ["alcohol, caffeine and spicy food"]


def test_three_step_words_make_steps_without_first(findings):
    sentence = (
        "The nurse will check your details, then take your blood pressure, then weigh you, "
        "and finally take you to the ward."
    )
    [finding] = findings(sentence, RULE)
    assert finding.text.startswith("then take your blood pressure")


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("It can spread to other parts of the body, such as the liver, lung or bone.", None),
        ("It starts in the gut, mainly in the rectum, small intestine or appendix.", None),
        (
            "It can spread to distant sites, including the brain, bones, liver or lungs.",
            "the brain, bones, liver or lungs",
        ),
    ],
)
def test_items_start_after_words_that_introduce_examples(findings, sentence, items):
    assert [f.text for f in findings(sentence, RULE)] == ([items] if items else [])


def test_people_named_with_their_letters_are_left_alone(findings):
    sentences = [
        "In an editorial, Madeleine Hewish, M.R.C.P., and David Cunningham agreed.",
        "Said author Jesus San Miguel, MD, of Universidad de Salamanca, Spain, and his colleagues.",
    ]
    assert [f.text for s in sentences for f in findings(s, RULE)] == []
