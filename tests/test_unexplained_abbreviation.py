"""unexplained-abbreviation: letters such as CT or TACE must be spelled out at first use."""

from __future__ import annotations

import pytest
from conftest import slice_of

RULE = "unexplained-abbreviation"


def flagged(findings, source: str, fmt: str = "markdown") -> list[str]:
    return [slice_of(source, f) for f in findings(source, RULE, fmt=fmt)]


@pytest.mark.parametrize(
    ("source", "word"),
    [
        ("You will have a CT scan on Monday.", "CT"),
        ("Ask your nurse about a PICC line.", "PICC"),
        ("Some NETs grow slowly.", "NETs"),
        ("Your cancer is HER2-positive.", "HER2"),
        ("You may be given 5-FU through a drip.", "5-FU"),
        ("The PD-L1 test shows if the drug may work.", "PD-L1"),
        ("The MDT meets every week.", "MDT"),
        # a made-up abbreviation that is not in the glossary
        ("Bring your QXR form.", "QXR"),
        # the other order of words: "or CT" is not a spelling out
        ("You may have an MRI or CT scan.", "MRI"),
        # IV given as a way in, not a number
        ("You will have antibiotics by IV.", "IV"),
        # abbreviations with small letters
        ("Your eGFR is checked.", "eGFR"),
        ("Some vaccines use mRNA.", "mRNA"),
        ("Your HbA1c is high.", "HbA1c"),
    ],
)
def test_flags_an_abbreviation_that_is_not_spelled_out(findings, source, word):
    assert flagged(findings, source)[:1] == [word]


@pytest.mark.parametrize(
    "source",
    [
        # "long form (ABBR)" and "ABBR (long form)"
        "You will have a computed tomography (CT) scan. The CT scan takes 10 minutes.",
        "You may have TACE (transarterial chemoembolisation).",
        "Some neuroendocrine tumours (NETs) grow slowly.",
        # "ABBR stands for / means / is short for", "ABBR = long form"
        "PICC stands for peripherally inserted central catheter.",
        "MDT means multidisciplinary team.",
        "MDT is short for multidisciplinary team.",
        "AD = autosomal dominant.",
        # "... called ABBR", "long form (or ABBR)", "(long form or ABBR)"
        "This test is a lumbar puncture, also called an LP.",
        "Also called massively parallel sequencing and NGS.",
        "It uses tumour-infiltrating lymphocytes (or TIL).",
        "You may have a computed tomography (CT or CAT) scan.",
        # a word next to it says what kind of thing it is
        "It works on the protein PD-L1.",
        "The tumour has a change in the BRAF gene.",
        "These are results from the POLO trial.",
        "PT886 is a new drug that marks cancer cells.",
        "Wear sun cream against ultraviolet, or UV, light.",
        "The tumour is tested for changes in the EGFR and ALK genes.",
        "The National Cancer Institute hosted the event. NCI experts spoke.",
        "The trial, dubbed CAPP2, showed a fall in cancers.",
        "Leucovorin (… LOO-koh-VOR-in KAL-see-um) is a vitamin.",
        "Pertuzumab binds to HER2, a protein on some cancer cells.",
        "TX: the tumour cannot be measured.",
        "One target is RET kinase.",
        "[The Healthcare Delivery Research Program (HDRP)](https://example.org): The HDRP helps.",
        "Stage IA is split into stage IA1 and IA2.",
        "Call 1–800–CDC–INFO for help.",
        "Her cancer had a high score on the Oncotype DX test.",
        "It targets another molecule, CTLA-4, on T cells.",
        "Jane Smith, MD, MSPH, wrote the report.",
        "| Letters | Drug |\n| --- | --- |\n| **CAP** | = Capecitabine |",
        "It follows the International Consensus Classification [ICC] rules.",
        "In the ADAURA clinical trial, people lived longer.",
        # labels, protein changes and places are not abbreviations to spell out
        "Smith J. Results. 2020. PMID: 26389337",
        "The tumour has the V600E change.",
        "The study was run in Scottsdale, AZ, last year.",
        # the site's name after a page title
        "# Having a biopsy - RMH\n\nWhat to expect.",
        # the glossary's long form in the sentence before
        "You will have a computed tomography scan. The CT scan takes 10 minutes.",
        # known abbreviations, units, Roman numerals, code, headings in capitals
        "Contact the NHS or your GP in the UK.",
        "Go to A&E or call 999.",
        "The dose is 100 MBq.",
        "You have stage II cancer. Stage IIIA is more advanced.",
        "This is a phase III trial.",
        "Type `MRI` in the search box.",
        "## WHAT TO EXPECT",
        # shouting and capitals for stress are not abbreviations
        "DO NOT EAT OR DRINK AFTER MIDNIGHT.",
        "Do NOT eat after midnight. STOP taking it and take ALL your tablets.",
        # spelled out in the next sentence
        "Your cancer is HER2 positive. This means the cells have a lot of one protein.",
        "FOLFOX is made up of three drugs.",
        # identifiers, names and numbers with letters
        "The trial number is NCT05564390.",
        "Your CA 125 level is checked.",
        "Call 1-800-4-CANCER for help.",
        # a pronunciation guide
        "Ondansetron (on-DAN-seh-tron HY-droh-KLOR-ide) stops sickness.",
        # a link to a dictionary page
        "Tests look for [ER](https://www.cancer.gov/publications/dictionaries/cancer-terms/er).",
    ],
)
def test_leaves_a_spelled_out_or_known_abbreviation_alone(findings, source):
    assert flagged(findings, source) == []


def test_only_the_first_use_is_flagged(findings):
    source = "Have a CT scan.\n\nThe CT scan is quick. CTs are safe.\n"
    result = findings(source, RULE)
    assert [(f.line, f.column, f.text) for f in result] == [(1, 8, "CT")]


def test_glossary_abbreviations_suggest_the_long_form(findings):
    (finding,) = findings("You will have a CT scan.", RULE)
    assert finding.suggestions == ("computed tomography (CT)",)
    assert finding.message.startswith(
        "Spell out “CT” the first time you use it: “computed tomography (CT)”. It means: “A scan"
    )
    assert "X-rays" in finding.message  # the glossary explanation


def test_other_abbreviations_say_how_to_spell_them_out(findings):
    (finding,) = findings("Bring your QXR form.", RULE)
    assert finding.suggestions == ()
    assert finding.message == (
        "Spell out “QXR” the first time you use it: the words in full, then “(QXR)”."
    )


def test_a_heading_spelled_out_below_it(findings):
    source = "## Your CT scan\n\nA computed tomography (CT) scan uses X-rays.\n"
    assert flagged(findings, source) == []


def test_a_heading_not_spelled_out_points_at_the_body_use(findings):
    source = "## Your CT scan\n\nThe CT scan takes 10 minutes.\n"
    result = findings(source, RULE)
    assert [(f.line, f.column) for f in result] == [(3, 5)]


def test_a_project_can_set_its_own_known_abbreviations(tmp_path):
    from conftest import run_cli

    config = tmp_path / "settings" / "plainlint.yaml"  # not above the page: only --config finds it
    config.parent.mkdir()
    config.write_text(
        "rules:\n  unexplained-abbreviation:\n    known: [UK, NHS, QXR]\n", encoding="utf-8"
    )
    page = tmp_path / "page.md"
    page.write_text("Bring your QXR form.\n", encoding="utf-8")
    before = run_cli("check", "--select", RULE, str(page))
    after = run_cli("check", "--select", RULE, "--config", str(config), str(page))
    assert "QXR" in before.stdout and "QXR" not in after.stdout


def test_html_positions(findings):
    html = "<p>You will\nhave an <em>MRI</em> scan.</p>"
    (finding,) = findings(html, RULE, fmt="html")
    assert (finding.line, finding.column, slice_of(html, finding)) == (2, 13, "MRI")


@pytest.mark.parametrize(
    ("source", "word"),
    [
        # words before the bracket that do not spell the letters out
        ("You will have a scan (CT) next week.", "CT"),
        ("Ask Macmillan (MSN) for help.", "MSN"),
        # an organisation's name in a heading, with letters that are never spelled out
        ("## GATA2 Deficiency Syndrome (PDQ)\n\nThe PDQ summaries are updated often.", "PDQ"),
    ],
)
def test_letters_in_brackets_must_be_spelled_out_by_the_words_before(findings, source, word):
    assert word in flagged(findings, source)


@pytest.mark.parametrize(
    "source",
    [
        "Contact Cancer Research UK (CRUK).",
        "Take 5-fluorouracil (5-FU) each day.",
        "Tests look for human epidermal growth factor receptor 2 (HER2).",
        "You may have a CT scan (CAT scan).",
        "Apply on GOV.UK today.",
    ],
)
def test_letters_spelled_out_before_or_named_are_left_alone(findings, source):
    assert flagged(findings, source) == []


@pytest.mark.parametrize(
    ("source", "word"),
    [
        # letters inside a name still need spelling out once
        ("Watch the GIST Clinic video.", "GIST"),
        ("You can visit the NIH Library on Monday.", "NIH"),
        ("Read NCI's Office of Cancer Survivorship pages.", "NCI"),
        # a heading in capitals is not a name
        ("## More About ABVE\n\nYou will have ABVE every 3 weeks.", "ABVE"),
    ],
)
def test_letters_in_a_name_or_a_heading_are_spelled_out(findings, source, word):
    assert word in flagged(findings, source)
