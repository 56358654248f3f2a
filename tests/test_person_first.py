"""person-first: labels that define people by an illness or cast them as victims."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "person-first"
FOR_CANCER = ("treatment for cancer", "time with cancer")


def labels(found):
    return [(f.text, f.suggestions) for f in found]


def test_flags_a_label_with_its_person_first_alternative(findings):
    [finding] = findings("Cancer sufferers can get free prescriptions.", RULE)
    assert finding.text == "Cancer sufferers"
    assert finding.suggestions == ("People with cancer",)
    assert finding.severity is Severity.WARNING
    assert "“People with cancer”" in finding.message and "“Cancer sufferers”" in finding.message


@pytest.mark.parametrize(
    ("sentence", "label", "suggestions"),
    [
        ("We asked a cancer sufferer about it.", "cancer sufferer", ("person with cancer",)),
        ("He is suffering from headaches.", "suffering from", ("has", "living with")),
        ("She suffers from asthma.", "suffers from", ("has", "lives with")),
        ("Children who suffer from eczema may need a cream.", "suffer from", ("have", "live with")),
        ("He was a victim of cancer.", "victim of cancer", ("person with cancer",)),
        ("Her battle against cancer was long.", "battle against cancer", FOR_CANCER),
        ("His fight against cancer changed him.", "fight against cancer", FOR_CANCER),
        ("Sadly, they lost their battle last spring.", "lost their battle", ("died",)),
        ("He lost his battle with cancer last year.", "lost his battle", ("died",)),
        ("She put up a brave fight.", "brave fight", ("treatment", "time with cancer")),
        ("Every cancer patient has a named nurse.", "cancer patient", ("person with cancer",)),
        (
            "She has been wheelchair-bound since the accident.",
            "wheelchair-bound",
            ("wheelchair user",),
        ),
        ("Services for the elderly are run by the council.", "the elderly", ("older people",)),
        ("He was afflicted with polio as a child.", "afflicted with", ("has",)),
        ("She was stricken with polio at the age of 4.", "stricken with", ("has",)),
        (
            "Diabetic patients should check their feet every day.",
            "Diabetic patients",
            ("People with diabetes",),
        ),
    ],
)
def test_flags_labels_and_battle_talk(findings, sentence, label, suggestions):
    assert labels(findings(sentence, RULE)) == [(label, suggestions)]


@pytest.mark.parametrize(
    ("sentence", "label", "suggestion"),
    [
        (
            "Cancer patients should avoid people with infections.",
            "Cancer patients",
            "People with cancer",
        ),
        ("Many cancer sufferers feel tired for months.", "cancer sufferers", "people with cancer"),
        (
            "A cancer patient's family can also get support.",
            "cancer patient's",
            "person with cancer",
        ),
        ("Ask the cancer sufferer's family.", "cancer sufferer's", "person with cancer"),
        ("Victims of cancer can get help with costs.", "Victims of cancer", "People with cancer"),
        # Possessives keep their number, also for adjectives used as nouns.
        ("A diabetic's feet need extra care.", "diabetic's", "person with diabetes"),
        (
            "Epileptics' driving licences are reviewed every year.",
            "Epileptics'",
            "People with epilepsy",
        ),
        ("The cancer sufferers' group meets weekly.", "cancer sufferers'", "people with cancer"),
        # The words that say which illness come along: "lung cancer patients".
        (
            "Osimertinib helps lung cancer patients.",
            "lung cancer patients",
            "people with lung cancer",
        ),
        ("Lung cancer patients can get help.", "Lung cancer patients", "People with lung cancer"),
        (
            "The ward has a dietitian for stomach cancer patients.",
            "stomach cancer patients",
            "people with stomach cancer",
        ),
    ],
)
def test_finds_plurals_and_possessives(findings, sentence, label, suggestion):
    assert labels(findings(sentence, RULE)) == [(label, (suggestion,))]


@pytest.mark.parametrize(
    ("sentence", "label", "suggestion"),
    [
        ("Diabetics should check their feet every day.", "Diabetics", "People with diabetes"),
        ("Most diabetics can eat normal meals.", "diabetics", "people with diabetes"),
        (
            "Epileptics must not drive until they have been seizure-free for a year.",
            "Epileptics",
            "People with epilepsy",
        ),
        ("Tell the driver if you are an epileptic.", "epileptic", "person with epilepsy"),
        ("An epileptic should not swim alone.", "epileptic", "person with epilepsy"),
        ("He is a diabetic.", "diabetic", "person with diabetes"),
        ("The blind are often left out of health campaigns.", "The blind", "Blind people"),
    ],
)
def test_flags_adjectives_used_as_nouns(findings, sentence, label, suggestion):
    assert labels(findings(sentence, RULE)) == [(label, (suggestion,))]


def test_flags_each_word_in_a_list(findings):
    found = findings("Diabetics and epileptics can get free prescriptions.", RULE)
    assert [(f.text, f.column) for f in found] == [("Diabetics", 1), ("epileptics", 15)]
    found = findings("Services for the blind and the deaf are free.", RULE)
    assert labels(found) == [("the blind", ("blind people",)), ("the deaf", ("deaf people",))]


@pytest.mark.parametrize(
    "sentence",
    [
        # Adjectives before a noun, or after "is".
        "A diabetic diet is not needed.",
        "You may have an epileptic seizure if you miss a dose.",
        "The disabled toilet is next to the lift.",
        "Check your blind spot before you change lanes.",
        "There is a disabled parking bay by the entrance.",
        "Ask about diabetic eye screening.",
        "Your diabetic nurse will see you every 3 months.",
        "She had an epileptic fit at work.",
        "The blind man had a guide dog.",
        "Close the blind to keep the room dark.",  # a window blind
        "Pull down the blind before the scan.",
        "He is epileptic.",
        "If your child is diabetic, tell the school.",
        # The person-first words themselves.
        "People with diabetes can get free eye tests.",
        "She is living with cancer.",
        "He has epilepsy.",
        "Older people are more likely to fall.",
        "You can ask for a wheelchair at the front desk.",
        "Blind people can get audio versions of this leaflet.",
        "A person with cancer may feel tired.",
        # Fighting an infection is not a battle with an illness.
        "The nurse will help you fight the infection.",
    ],
)
def test_leaves_alone_adjectives_and_person_first_wording(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("Contact the Cancer Patients Alliance for support.", "markdown"),
        ("The Cancer Patients Alliance runs a helpline.", "markdown"),
        ("Read “Living with diabetes” for more tips.", "markdown"),
        ("The book is called “A Cancer Sufferer's Diary”.", "markdown"),
        ("The report called him 'a cancer victim'.", "text"),
        ('She said: "I was a cancer sufferer for years."', "text"),
        ("<p>Contact the Cancer Patients Alliance for support.</p>", "html"),
        ("<p>He said he felt like “a cancer victim” at first.</p>", "html"),
    ],
)
def test_leaves_alone_names_titles_and_quotes(findings, source, fmt):
    assert findings(source, RULE, fmt=fmt) == []


def test_positions_in_markdown(findings):
    source = "# Getting help\n\nThe support group meets weekly.\nMany cancer sufferers go.\n"
    [finding] = findings(source, RULE)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 6, 4, 22)
    assert slice_of(source, finding) == "cancer sufferers"


def test_positions_in_html_and_text(findings):
    html = "<h2>Free prescriptions</h2>\n<p>Cancer sufferers do not pay for prescriptions.</p>\n"
    [finding] = findings(html, RULE, fmt="html")
    assert (finding.line, finding.column, finding.end_column) == (2, 4, 20)
    assert slice_of(html, finding) == "Cancer sufferers"
    text = "Getting around\n\nShe has been wheelchair-bound since the accident.\n"
    [finding] = findings(text, RULE, fmt="text")
    assert (finding.line, finding.column, finding.end_column) == (3, 14, 30)
    assert slice_of(text, finding) == "wheelchair-bound"


def test_a_label_in_a_heading_is_flagged(findings):
    source = "## Cancer sufferers and benefits\n\nYou may be able to get help with costs.\n"
    [finding] = findings(source, RULE)
    assert (finding.text, finding.line, finding.column) == ("Cancer sufferers", 1, 4)


def test_each_label_in_a_paragraph_is_its_own_finding(findings):
    source = (
        "## Support\n\n"
        "Cancer sufferers can get free prescriptions. Diabetics can too.\n\n"
        "## Our history\n\n"
        "Our founder lost her battle with cancer in 2010.\n"
    )
    found = findings(source, RULE)
    assert [(f.text, f.line, f.column) for f in found] == [
        ("Cancer sufferers", 3, 1),
        ("Diabetics", 3, 46),
        ("lost her battle", 7, 13),
    ]


# -- cases found by review -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The elderly care ward is on level 2.", []),  # the name of a service
        ("Elderly patients may need more help at home.", [("Elderly patients", ("Older people",))]),
    ],
)
def test_elderly_is_flagged_for_people_not_for_services(findings, sentence, found):
    assert labels(findings(sentence, RULE)) == found


@pytest.mark.parametrize(
    "sentence", ["Close the blinds to keep the room cool.", "The blinds are closed at night."]
)
def test_window_blinds_are_not_people(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The trial enrolled 224 stomach cancer patients.",
        "About 10% to 15% of lung cancer patients have this change.",
    ],
)
def test_patients_named_as_a_study_names_them_are_left_alone(findings, sentence):
    assert findings(sentence, "person-first") == []


def test_sufferers_in_research_are_still_a_label(findings):
    [finding] = findings("The study enrolled 200 cancer sufferers.", "person-first")
    assert finding.text == "cancer sufferers"
