"""Each kind of finding an editor asked for, flagged and left alone, in Markdown, HTML
and plain text, at the exact place in the source."""

from __future__ import annotations

import pytest
from conftest import slice_of

# A first line that speaks to the reader, so passives on the page count.
INTRO = "You can ask us about any of this."


def page(sentence: str, fmt: str) -> tuple[str, int]:
    """The sentence as the second paragraph of a page, and the line it is on."""
    if fmt == "markdown":
        return f"# Your visit\n\n{INTRO}\n\n{sentence}\n", 5
    if fmt == "html":
        return f"<h1>Your visit</h1>\n<p>{INTRO}</p>\n<p>{sentence}</p>\n", 3
    return f"Your visit\n\n{INTRO}\n\n{sentence}\n", 5


FLAGGED = [
    ("address-reader", "We will tell the patient the results within two weeks.", "the patient"),
    ("address-reader", "The patient's letter gives the time of your scan.", "The patient's"),
    (
        "address-reader",
        "For patients with diabetes, the nurse checks blood sugar first.",
        "patients",
    ),
    ("gendered-language", "Women should remove nail varnish before the operation.", "Women"),
    (
        "gendered-language",
        "All men and women aged 60 to 74 are invited every 2 years.",
        "men and women",
    ),
    ("plain-words", "Following surgery, you may feel tired.", "Following"),
    (
        "plain-words",
        "Please do not hesitate to contact us in the event that you feel unwell.",
        "in the event that",
    ),
    ("link-text", "Click here to find a clinic near you.", "Click here"),
    ("passive-voice", "Your blood sample will be sent to the lab.", "will be sent"),
    ("person-first", "Diabetics should check their feet every day.", "Diabetics"),
]

LEFT_ALONE = [
    ("address-reader", "Stay with the person until they are fully awake."),
    ("gendered-language", "Women aged 50 to 70 are invited for breast screening."),
    ("plain-words", "Do the following steps before you come in."),
    ("link-text", "Find a clinic near you on our website."),
    ("passive-voice", "Rabies is caused by a virus."),
    ("person-first", "The trial enrolled 224 lung cancer patients."),
]


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize(("rule", "sentence", "text"), FLAGGED)
def test_flagged_at_the_exact_place(findings, fmt, rule, sentence, text):
    source, line = page(sentence, fmt)
    found = [f for f in findings(source, rule, fmt=fmt) if f.text == text]
    assert len(found) == 1, [f.text for f in findings(source, rule, fmt=fmt)]
    [finding] = found
    column = source.split("\n")[line - 1].index(text) + 1
    assert (finding.line, finding.column) == (line, column)
    assert (finding.end_line, finding.end_column) == (line, column + len(text))
    assert slice_of(source, finding) == text


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize(("rule", "sentence"), LEFT_ALONE)
def test_left_alone(findings, fmt, rule, sentence):
    source, _ = page(sentence, fmt)
    assert findings(source, rule, fmt=fmt) == []
