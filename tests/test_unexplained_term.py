"""unexplained-term: a glossary word must be explained where the reader first meets it."""

from __future__ import annotations

import pytest
from conftest import slice_of

RULE = "unexplained-term"


def flagged(findings, source: str, fmt: str = "markdown") -> list[str]:
    """The source text of each finding, in order."""
    return [slice_of(source, f) for f in findings(source, RULE, fmt=fmt)]


@pytest.mark.parametrize(
    ("source", "word"),
    [
        ("You will have a biopsy next week.", "biopsy"),
        ("The tumours were small.", "tumours"),
        ("The tumors were small.", "tumors"),
        ("Your oncologist's nurse will call you.", "oncologist"),
        ("You may get neutropenia after your treatment.", "neutropenia"),
        ("Palliative care is available at home.", "Palliative care"),
        ("Ask about a PICC line or a central line.", "central line"),
        (
            "Stereotactic ablative radiotherapy takes a few days.",
            "Stereotactic ablative radiotherapy",
        ),
        # a definition of another word does not explain this one
        ("A scan is a picture of the inside of the body. Then you have a biopsy.", "biopsy"),
        # an abbreviation in brackets spells out, it does not explain
        ("Transarterial chemoembolisation (TACE) can help.", "Transarterial chemoembolisation"),
        # "is given in cycles that ..." is about the treatment, not what it is
        ("Chemotherapy is given in cycles that last 3 weeks.", "Chemotherapy"),
        # only a cross-reference, or a time, in brackets
        ("You may have lymphoedema (see page 4).", "lymphoedema"),
        ("You will have a colonoscopy (usually in the morning).", "colonoscopy"),
        # a capital word after "Your" is not a name
        ("Your Gleason score is 7.", "Gleason score"),
        # an abbreviation or a brand name before the bracket does not explain the word in it
        ("You will have a CT (computed tomography) scan.", "computed tomography"),
        ("You will have a computed tomography (CT) scan.", "computed tomography"),
    ],
)
def test_flags_a_first_use_that_is_not_explained(findings, source, word):
    assert flagged(findings, source) == [word]


@pytest.mark.parametrize(
    "source",
    [
        # "X is/are a/an/the ...", "X is when", "X means", "X uses"
        "A biopsy is a test where a doctor takes a small sample of tissue.",
        "Biopsies are tests that take a small sample of tissue.",
        "Neutropenia is when you have a low number of white blood cells.",
        "Neutropenia means you have a low number of white blood cells.",
        "Radiotherapy uses high-energy rays to treat cancer.",
        "A biopsy is usually a quick test.",
        # "... is called X", "... known as X"
        "The doctor takes a small sample of tissue. This is called a biopsy.",
        "A low number of white blood cells is known as neutropenia.",
        # "X (plain words)", "plain words (X)"
        "You may have a biopsy (a small sample of tissue is taken away).",
        "You may have a low number of white blood cells (neutropenia).",
        "You may have TACE (transarterial chemoembolisation), which blocks the blood supply.",
        "Cancer of the larynx [voice box] is rare.",
        "Neuroendocrine tumours are slow-growing tumours that form in hormone cells.",
        "Read [Bleeding and Bruising (Thrombocytopenia)](https://example.org/bruising).",
        # "X – plain words", "X: plain words", "X, which is ...", "X, a ..."
        "You may have neutropenia – a low number of white blood cells.",
        "Neutropenia: a low number of white blood cells.",
        "You may have neutropenia, which is a low number of white blood cells.",
        "Your oncologist, a doctor who treats cancer, will see you.",
        # the plain word alongside
        "Metastatic (secondary) cancer has spread.",
        # "... make up the X"
        "Several parts of the gut make up the large bowel.",
        # a table label
        "| Cancer | Where it spreads |\n| --- | --- |\n| Prostate | Bone |",
        # the same or the next sentence says what the glossary says
        "Immunotherapy drugs stimulate the immune system to find and attack cancer cells.",
        "You may have immunotherapy. It helps your immune system find and attack cancer cells.",
        # a next sentence that says what it is
        "You may need pleurodesis. This is a procedure to stop fluid building up.",
        "You may get mucositis. It means your mouth is sore.",
        "You may get stomatitis or mucositis. It’s a sore mouth.",
        "## Mucositis\n\nThis is a sore mouth.",
        "Your body cannot fight germs so well. Doctors call this immunosuppression.",
        # a paragraph all in bold works as a heading
        "**Mucositis**\n\nThis is a sore mouth.",
        # defined at its next use, in the next sentence
        "You will learn to care for your stoma. A stoma is an opening on your tummy.",
        # a longer term explained first introduces the shorter one inside it
        "A core biopsy is a test that takes a sample. The biopsy may leave a bruise.",
        "External beam radiotherapy is a treatment from a machine. Radiotherapy is painless.",
        # only the first use counts
        "A biopsy is a small sample of tissue. The biopsy takes 10 minutes.",
        # quotes, code, addresses are not the writer's words
        "Your letter may say “biopsy” or “sample”.",
        "Search for `biopsy` on the website.",
        "Read more at https://example.org/biopsy-guide.",
        # a word linked to a dictionary or glossary page
        "You may have a [biopsy](https://www.cancer.gov/publications/dictionaries/cancer-terms/biopsy).",
        "See our [glossary entry](glossary.html#x) for [biopsy](glossary.html#biopsy).",
        # a term inside a name in capitals
        "Call Prostate Cancer UK for advice.",
        # an abbreviation is the other rule's job
        "You will have a CT scan.",
    ],
)
def test_leaves_an_explained_or_protected_word_alone(findings, source):
    assert flagged(findings, source) == []


def test_later_uses_are_not_flagged(findings):
    source = "You will have a biopsy.\n\nThe biopsy takes 10 minutes. Biopsies can hurt.\n"
    result = findings(source, RULE)
    assert [(f.line, f.column, f.text) for f in result] == [(1, 17, "biopsy")]


def test_a_heading_explained_by_the_text_under_it(findings):
    source = (
        "## Neutropenia\n\n"
        "This means you have a low number of neutrophils, a type of white blood cell that "
        "fights infection.\n\nCall us if you have neutropenia and a fever.\n"
    )
    assert flagged(findings, source) == []


def test_a_question_heading_answered_below(findings):
    source = (
        "## What is a biopsy?\n\nA doctor takes a small sample of cells or tissue to look at.\n"
    )
    assert flagged(findings, source) == []


def test_a_heading_not_explained_below_points_at_the_first_body_use(findings):
    source = "## Neutropenia\n\nCall us if you have neutropenia and a fever.\n"
    result = findings(source, RULE)
    assert [(f.line, f.column, f.text) for f in result] == [(3, 21, "neutropenia")]


def test_a_term_only_in_a_heading_is_flagged_there(findings):
    assert flagged(findings, "## Neutropenia\n\nCall us if you feel unwell.\n") == ["Neutropenia"]


def test_message_suggests_the_explanation_and_the_plain_word(findings):
    (finding,) = findings("The lump was malignant.", RULE)
    assert "Explain “malignant” where you first use it." in finding.message
    assert "Cancerous. A malignant tumour can grow" in finding.message
    assert "Or use “cancerous” instead." in finding.message
    assert finding.suggestions == ("cancerous",)


def test_each_term_is_reported_once_per_file(findings):
    source = "A biopsy. Another biopsy. A tumour and a tumor.\n"
    assert flagged(findings, source) == ["biopsy", "tumour"]


def test_html_and_text_positions(findings):
    html = (
        "<html><body>\n<h1>Tests</h1>\n<p>You will have a <b>biopsy</b> soon.</p>\n</body></html>"
    )
    (finding,) = findings(html, RULE, fmt="html")
    assert (finding.line, finding.column, slice_of(html, finding)) == (3, 23, "biopsy")
    text = "Your tests\n\nYou will have a\nbiopsy soon.\n"
    (finding,) = findings(text, RULE, fmt="text")
    assert (finding.line, finding.column, slice_of(text, finding)) == (4, 1, "biopsy")


def test_skipped_sections_are_not_checked(findings):
    source = "# Care\n\nRest well.\n\n## References\n\nSmith J. Biopsy outcomes. 2020.\n"
    assert flagged(findings, source) == []


def test_a_project_can_switch_an_entry_off(tmp_path):
    from conftest import run_cli

    glossary = tmp_path / "ours.yaml"
    glossary.write_text("entries:\n  - term: biopsy\n    ignore: true\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("You will have a biopsy.\n", encoding="utf-8")
    before = run_cli("check", "--select", RULE, str(page))
    after = run_cli("check", "--select", RULE, "--glossary", str(glossary), str(page))
    assert "biopsy" in before.stdout
    assert "biopsy" not in after.stdout


def test_an_organisation_in_the_glossary_is_a_name_not_a_word_to_explain(findings):
    # the glossary holds it to spell out "FDA"; the name itself needs no explaining
    source = "The drug was approved by the Food and Drug Administration (FDA) last year."
    assert [f.text for f in findings(source, RULE)] == []
