"""What editors count as explaining a medical word, in Markdown, HTML and plain text.

Each form comes twice: written so that it explains the word (no finding), and
changed so that it does not (a finding on exactly the word, at its first use).
"""

from __future__ import annotations

import html

import pytest
from conftest import slice_of

WORD_RULES = ("unexplained-term", "jargon")


def as_format(paragraphs: list[str], fmt: str) -> str:
    """The same paragraphs as a page in each format ("## " marks a heading)."""
    if fmt == "markdown":
        return "\n\n".join(paragraphs) + "\n"
    if fmt == "html":
        lines = ["<!DOCTYPE html>", '<html lang="en">', "<body>"]
        for paragraph in paragraphs:
            if paragraph.startswith("## "):
                lines.append(f"<h2>{html.escape(paragraph[3:])}</h2>")
            else:
                lines.append(f"<p>{html.escape(paragraph)}</p>")
        return "\n".join([*lines, "</body>", "</html>"]) + "\n"
    return "\n\n".join(p.removeprefix("## ") for p in paragraphs) + "\n"


# (paragraphs that explain the word, the same changed so that they do not, the word)
FORMS = {
    "the word as subject, saying what it does": (
        ["Cryotherapy freezes the abnormal cells."],
        ["Cryotherapy may cause some redness."],
        "Cryotherapy",
    ),
    "a longer phrase as subject": (
        ["Hormone therapy drugs block the hormones that some cancers need to grow."],
        ["Hormone therapy drugs take 5 years."],
        "Hormone therapy",
    ),
    "a pronoun sentence right after": (
        [
            "Stereotactic radiotherapy is sometimes used. It gives high doses of radiation from many angles."
        ],
        ["Stereotactic radiotherapy is sometimes used. It takes a few days."],
        "Stereotactic radiotherapy",
    ),
    "naming after a description": (
        ["Radiation can be put inside your body. It is sometimes called brachytherapy."],
        ["Radiation can be put inside your body. You may then have brachytherapy."],
        "brachytherapy",
    ),
    "a bracket naming the word after plain words": (
        ["Urine leaves through the tube that carries it out of the body (the urethra)."],
        ["Urine leaves through the urethra."],
        "urethra",
    ),
    "a plain description beside the word": (
        ["Progesterone, a hormone made mainly by the ovaries, also changes."],
        ["Progesterone levels change each month."],
        "Progesterone",
    ),
    "defined at a use in the next sentence or two": (
        [
            "You may have type 2 diabetes. Your nurse will talk to you. Type 2 diabetes is a "
            "condition where the sugar in your blood is too high."
        ],
        [
            "You may have type 2 diabetes. Your nurse will talk to you. Bring your tablets. "
            "Type 2 diabetes is a condition where the sugar in your blood is too high."
        ],
        "type 2 diabetes",
    ),
    "a list is not a description": (
        ["You may need a cannula, which is a thin tube put into a vein, and a stent."],
        ["You may need a cannula, a stent, and a catheter."],
        "cannula",
    ),
}


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize("form", sorted(FORMS))
def test_an_explained_word_is_left_alone(findings, form, fmt):
    explained, _, word = FORMS[form]
    source = as_format(explained, fmt)
    found = [slice_of(source, f) for f in findings(source, *WORD_RULES, fmt=fmt)]
    assert word not in found


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_same_word_unexplained_is_flagged_exactly(findings, form, fmt):
    _, unexplained, word = FORMS[form]
    source = as_format(unexplained, fmt)
    found = findings(source, *WORD_RULES, fmt=fmt)
    line = next(n for n, text in enumerate(source.split("\n"), 1) if word in text)
    column = source.split("\n")[line - 1].index(word) + 1
    assert [(f.line, f.column, slice_of(source, f), f.text) for f in found][:1] == [
        (line, column, word, word)
    ]


SECTION_EXPLAINED = [
    "## Hormone therapy for breast cancer",
    "It lowers the level of hormones in your body.",
]
SECTION_UNEXPLAINED = [
    "## Hormone therapy for breast cancer",
    "You will see your nurse each month.",
]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_heading_explained_by_the_text_under_it(findings, fmt):
    source = as_format(SECTION_EXPLAINED, fmt)
    assert findings(source, *WORD_RULES, fmt=fmt) == []
    source = as_format(SECTION_UNEXPLAINED, fmt)
    found = findings(source, *WORD_RULES, fmt=fmt)
    assert [(slice_of(source, f), f.rule) for f in found] == [
        ("Hormone therapy", "unexplained-term")
    ]


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_a_longer_or_shorter_form_of_an_explained_word_is_not_flagged_again(findings, fmt):
    source = as_format(
        [
            "Hormone therapy lowers the level of hormones in your body.",
            "You may take hormone therapy drugs for 5 years. The hormone therapy nurse will call you.",
            "Stereotactic radiotherapy gives high doses of radiation from many angles. The "
            "radiotherapy takes a few days.",
        ],
        fmt,
    )
    assert findings(source, *WORD_RULES, fmt=fmt) == []


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_a_word_inside_a_longer_word_is_not_a_use(findings, fmt):
    source = as_format(["The results were persistent and consistent."], fmt)
    assert [slice_of(source, f) for f in findings(source, *WORD_RULES, fmt=fmt)] == []


@pytest.mark.parametrize(
    ("source", "rule", "word"),
    [
        # a heading's "X: subtitle" does not explain X
        (
            "# Isotretinoin: an expert review\n\nThe review of isotretinoin has ended.",
            "unexplained-term",
            "isotretinoin",
        ),
        # letters with one word in brackets after them are not spelled out
        ("Statins lower LDL (bad) cholesterol.", "unexplained-abbreviation", "LDL"),
        # a medicine's name with nothing about what kind of medicine it is
        ("You will take olaparib once a day.", "jargon", "olaparib"),
    ],
)
def test_forms_that_do_not_explain(findings, source, rule, word):
    assert word.lower() in [f.text.lower() for f in findings(source, rule)]


@pytest.mark.parametrize(
    "source",
    [
        # a name that holds a medical word
        "Ask the British Association of Dermatologists for advice.",
        # a medicine's kind later in its sentence, or what it is approved for
        "This page is about olaparib and the use of this drug.",
        "Olaparib is approved to treat some ovarian cancers.",
        # one form of a word explained where the reader first meets it
        "Pilomatrixomas (hard lumps under the skin) are rare. A pilomatrixoma grows slowly.",
    ],
)
def test_more_forms_that_explain_or_name(findings, source):
    assert findings(source, *WORD_RULES) == []


def test_the_salt_in_a_medicines_name_is_not_a_word_of_its_own(findings):
    source = "Take imatinib mesylate every day."
    assert [f.text for f in findings(source, *WORD_RULES)] == ["imatinib"]


# (paragraphs, the word flagged at its first use): forms met this round on real pages
FIRST_MET = {
    # met on its own before the longer term that holds it, in the same sentence
    "a word before a longer term that holds it": (
        [
            "Tell your doctor about severe hypoglycaemia, or impaired awareness of "
            "hypoglycaemia, in the last year."
        ],
        "hypoglycaemia",
    ),
    # ", or" and another medical word is a choice between two things, not a plain name
    "a choice between two medical words": (
        ["You may have surgery to remove lymph nodes, or radiotherapy, before the scan."],
        "lymph nodes",
    ),
}


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize("form", sorted(FIRST_MET))
def test_a_word_is_flagged_exactly_where_the_reader_first_meets_it(findings, form, fmt):
    paragraphs, word = FIRST_MET[form]
    source = as_format(paragraphs, fmt)
    found = findings(source, "unexplained-term", fmt=fmt)
    line = next(n for n, text in enumerate(source.split("\n"), 1) if word in text)
    column = source.split("\n")[line - 1].index(word) + 1
    assert (line, column, word) in [(f.line, f.column, slice_of(source, f)) for f in found]


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_a_word_met_first_inside_a_longer_term_is_not_flagged_later(findings, fmt):
    source = as_format(
        ["Impaired awareness of hypoglycaemia is common.", "Severe hypoglycaemia is rare."], fmt
    )
    found = [slice_of(source, f) for f in findings(source, "unexplained-term", fmt=fmt)]
    assert "hypoglycaemia" not in found and "Hypoglycaemia" not in found


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_a_plain_name_after_or_still_explains(findings, fmt):
    source = as_format(["Lymphoedema, or swelling in the arm, can happen after surgery."], fmt)
    assert "Lymphoedema" not in [
        slice_of(source, f) for f in findings(source, *WORD_RULES, fmt=fmt)
    ]


def test_a_way_of_giving_a_medicine_is_not_a_medicine(findings):
    """ "intravenous injection" names how, not what kind of medicine: the kind word after it
    does not explain it, and the message does not ask what kind of medicine it is."""
    found = findings("You will have an intravenous injection.", "unexplained-term")
    assert [f.text for f in found] == ["intravenous"]
    assert "kind of medicine" not in found[0].message
    assert findings("You will have a drip (an intravenous line).", "unexplained-term") == []


def test_a_medical_part_joined_to_an_everyday_word_is_still_jargon(findings):
    found = findings("Smoke is linked with neurobehavioral problems.", "jargon")
    assert [f.text for f in found] == ["neurobehavioral"]
    assert findings("Wear a wristband and bring a painkiller.", "jargon") == []


def test_the_kind_named_later_with_this_explains_a_rare_word(findings):
    source = (
        "This page contains brief information about tagraxofusp\nand a collection of links to "
        "more information about the use of\nthis drug, research results, and ongoing trials.\n\n"
        "You may take lisocabtagene for some weeks.\n"
    )
    assert [f.text for f in findings(source, *WORD_RULES)] == ["lisocabtagene"]


def test_a_word_with_a_capital_inside_is_a_name_not_jargon(findings):
    assert findings("Photo credit: iStock and eMedicine.", "jargon") == []
