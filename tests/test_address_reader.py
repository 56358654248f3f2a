"""address-reader: advice about "patients" in the third person, where "you" would fit."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "address-reader"

# A page about getting to the clinic that never speaks to the reader, but talks about
# its patients: 82 words.
VISITING = (
    "The clinic is on the second floor of the main hospital building. There is a lift "
    "next to the shop by the door. The car park is free for the first hour, and "
    "blue badge holders can park for free all day. Most patients take the bus, which "
    "stops every ten minutes. The clinic is open from Monday to Friday, 9am to 5pm. It is "
    "closed on bank holidays. A volunteer at the front desk can show the way to the "
    "clinic."
)


def page_of(words: int) -> str:
    """A page about visiting the clinic, exactly `words` words long, with no "you"."""
    return " ".join((VISITING.split() * (words // 80 + 1))[:words]) + "\n"


def subjects(found):
    return [(f.text, f.suggestions) for f in found]


def test_flags_patients_in_advice_and_suggests_you(findings):
    [finding] = findings("Patients should stop eating 6 hours before the operation.", RULE)
    assert finding.text == "Patients"
    assert finding.suggestions == ("You",)
    assert finding.severity is Severity.WARNING
    assert finding.message == "Write “You should stop” instead of “Patients should stop”."


@pytest.mark.parametrize(
    ("sentence", "subject", "suggestions"),
    [
        ("Patients should stop eating 6 hours before the operation.", "Patients", ("You",)),
        ("The patient will be asked to change into a gown.", "The patient", ("You",)),
        ("The individual should bring a list of their medicines.", "The individual", ("You",)),
        ("One should always ask about side effects.", "One", ("You",)),
        ("Patients are advised to bring a list of their medicines.", "Patients", ("You",)),
        ("Patients must not drive for 24 hours after sedation.", "Patients", ("You",)),
        ("Patients are encouraged to ask questions.", "Patients", ("You",)),
        ("Service users can call the team at any time.", "Service users", ("You",)),
        ("Patients have to stop taking aspirin a week before.", "Patients", ("You",)),
        ("Patients are expected to arrive 15 minutes early.", "Patients", ("You",)),
        # "You" alone would lose words or break the verb: the message says how to reword.
        ("People with cancer may want to join a support group.", "People", ()),
        ("The patient needs to fast from midnight.", "The patient", ()),
        ("People who smoke should stop 6 weeks before the operation.", "People", ()),
        ("Anyone having surgery will need a blood test first.", "Anyone", ()),
        ("Diabetic patients should check their feet every day.", "Diabetic patients", ()),
    ],
)
def test_flags_the_reader_in_the_third_person(findings, sentence, subject, suggestions):
    assert subjects(findings(sentence, RULE)) == [(subject, suggestions)]


@pytest.mark.parametrize(
    ("sentence", "subject", "column"),
    [
        ("After the operation, the patient will stay in bed for a few hours.", "the patient", 22),
        ("If it hurts, patients should tell the nurse.", "patients", 14),
        ("Before the scan, patients may be asked to drink some water.", "patients", 18),
    ],
)
def test_keeps_lower_case_inside_a_sentence(findings, sentence, subject, column):
    [finding] = findings(sentence, RULE)
    assert (finding.text, finding.suggestions, finding.column) == (subject, ("you",), column)


@pytest.mark.parametrize(
    "sentence",
    [
        # Figures: a share of patients, not the reader.
        "About 1 in 3 patients will get a rash.",
        "Most patients can go home the same day.",
        "Some patients may feel sick after the injection.",
        "Many patients will need more than one treatment.",
        "One in 10 patients will need a second operation.",
        "The survival rate for patients with early cancer is high.",
        # Research about patients.
        "In the study, patients who took the drug lived longer.",
        "Patients in the trial were given the drug twice a day.",
        "Researchers found that patients who exercised felt less tired.",
        # Other people.
        "Carers should look after their own health too.",
        "Doctors should explain each test before it is done.",
        "Relatives of the patient can visit between 2pm and 8pm.",
        "Parents should stay with their child during the scan.",
        "One of the nurses will call you.",
        # Already speaking to the reader.
        "You should stop eating 6 hours before the operation.",
        "Your doctor will explain the risks.",
    ],
)
def test_leaves_alone_figures_research_and_other_people(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    ("sentence", "text", "suggestions", "message"),
    [
        # rules about who may do what
        (
            "A patient can get free transport if they cannot use a bus.",
            "A patient",
            ("You",),
            "Write “You can get” instead of “A patient can get”.",
        ),
        (
            "Eligible patients are those who live more than 10 miles away.",
            "Eligible patients",
            (),
            "Write to the reader as “you” instead of “Eligible patients”.",
        ),
        # the patient as object or owner
        (
            "We will tell the patient the results within two weeks.",
            "the patient",
            ("you",),
            "Write “tell you” instead of “tell the patient”.",
        ),
        (
            "The nurse will tell the patient when to stop eating.",
            "the patient",
            ("you",),
            "Write “tell you” instead of “tell the patient”.",
        ),
        (
            "The patient's letter gives the time.",
            "The patient's",
            ("Your",),
            "Write “Your letter” instead of “The patient's letter”.",
        ),
        (
            "We ask all patients to bring a list of their medicines.",
            "all patients",
            ("you",),
            "Write “ask you” instead of “ask all patients”.",
        ),
        (
            "Patients who feel dizzy may benefit from sitting down.",
            "Patients",
            (),
            "Write “If you feel dizzy, you may benefit” instead of “Patients who feel dizzy "
            "may benefit”.",
        ),
        (
            "For patients with diabetes, the nurse checks blood sugar first.",
            "patients",
            (),
            "Write “If you have diabetes” instead of “For patients with diabetes”.",
        ),
        # a named sex where the page means the reader
        (
            "The woman will be given a gown.",
            "The woman",
            ("You",),
            "Write “You will be given” instead of “The woman will be given”.",
        ),
    ],
)
def test_flags_the_reader_as_object_owner_or_rule_with_a_rewrite(
    findings, sentence, text, suggestions, message
):
    [finding] = findings(sentence, RULE)
    assert (finding.text, finding.suggestions, finding.message) == (text, suggestions, message)
    assert slice_of(sentence, finding) == text


@pytest.mark.parametrize(
    "sentence",
    [
        # the reader looks after someone else
        "Stay with the person until they are fully awake.",
        "Put the person in the recovery position if they are sick.",
        # research and figures, as before
        "In the trial, we gave patients the drug twice a day.",
        "About 1 in 3 patients will get a rash.",
    ],
)
def test_leaves_alone_the_person_cared_for_and_research(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("The leaflet says “patients should rest for a week”.", "markdown"),
        ('"Patients should rest for a week," said Dr Jones.', "text"),
        ('<p>Our motto is "the patient will always come first".</p>', "html"),
    ],
)
def test_leaves_alone_quotes(findings, source, fmt):
    assert findings(source, RULE, fmt=fmt) == []


def test_each_advice_sentence_gets_its_own_finding(findings):
    source = "Patients should rest. The patient will be given painkillers.\n"
    found = findings(source, RULE)
    assert [(f.text, f.line, f.column) for f in found] == [
        ("Patients", 1, 1),
        ("The patient", 1, 23),
    ]


def test_positions_in_markdown_point_at_the_subject(findings):
    source = "# Before your operation\n\nThen **patients should** rest at home.\n"
    [finding] = findings(source, RULE)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 8, 3, 16)
    assert slice_of(source, finding) == "patients"


def test_positions_in_html_and_text(findings):
    html = "<h2>Before the test</h2><p>Patients should not eat for 6 hours.</p>"
    [finding] = findings(html, RULE, fmt="html")
    assert (finding.text, finding.line, finding.column, finding.end_column) == (
        "Patients",
        1,
        28,
        36,
    )
    text = "Before the test\n\nThe patient will be asked to remove any jewellery.\n"
    [finding] = findings(text, RULE, fmt="text")
    assert (finding.text, finding.line, finding.column) == ("The patient", 3, 1)
    assert slice_of(text, finding) == "The patient"


def test_a_new_heading_starts_a_new_subject_for_research_words(findings):
    about_research = "In the trial, 400 people took the drug for a year.\n\n"
    follow_up = "Patients who took the higher dose will be followed up for 10 years.\n"
    assert findings(about_research + follow_up, RULE) == []
    source = (
        "## The study\n\n"
        "In the trial, 400 people took the drug for a year.\n\n"
        "## Taking the tablets\n\n"
        "Patients should take the tablets with food.\n"
    )
    assert [(f.text, f.line) for f in findings(source, RULE)] == [("Patients", 7)]


# A page that never says "you": one finding for the whole file.


def test_a_long_page_that_never_says_you_gets_one_info_finding(findings):
    [finding] = findings(page_of(200), RULE)
    assert finding.severity is Severity.INFO
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message.startswith("This page has 200 words but never says “you” or “your”.")


@pytest.mark.parametrize(("words", "count"), [(149, 0), (150, 1), (151, 1)])
def test_pages_shorter_than_150_words_are_left_alone(findings, words, count):
    assert len(findings(page_of(words), RULE)) == count


@pytest.mark.parametrize(
    "ending",
    [
        "Call us if you get lost.",
        "Bring your appointment letter.",
        "CALL US IF YOU GET LOST.",
    ],
)
def test_a_long_page_that_says_you_once_is_left_alone(findings, ending):
    assert findings(page_of(200) + "\n" + ending + "\n", RULE) == []


def test_a_heading_that_says_you_counts(findings):
    assert findings("# What you need to know\n\n" + page_of(200), RULE) == []


def test_words_that_only_start_with_you_do_not_count(findings):
    source = page_of(200) + "\nAsk about youth services and Younger Minds.\n"
    assert [f.severity for f in findings(source, RULE)] == [Severity.INFO]


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("<h1>Visiting the clinic</h1>\n<p>" + page_of(200) + "</p>\n", "html"),
        ("Visiting the clinic\n\n" + page_of(200), "text"),
    ],
)
def test_the_page_finding_in_html_and_text(findings, source, fmt):
    [finding] = findings(source, RULE, fmt=fmt)
    assert (finding.severity, finding.line, finding.column) == (Severity.INFO, 1, 1)


def test_page_finding_comes_with_the_advice_findings(findings):
    source = page_of(200) + "\nPatients should bring their appointment letter.\n"
    found = findings(source, RULE)
    assert [(f.severity, f.text, f.line) for f in found] == [
        (Severity.INFO, "", 1),
        (Severity.WARNING, "Patients", 3),
    ]


def test_minimum_page_length_is_150_words(settings):
    assert settings.rules[RULE].options["min_words"] == 150


# -- cases found by review -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients should report any bleeding to the nurse straight away.",
        "Patients will be told when to stop eating.",
        "Patients should go to A&E if blood is found in their urine.",
        "Patients will get their results within two weeks.",
        "Patients should avoid crowds to lower the risk of infection.",
        "Patients should check their heart rate every morning.",
        "Patients should tell the nurse about side effects that affect their daily life.",
        "Patients should get out of bed and walk around the day after surgery.",
        "Patients may get common side effects such as tiredness.",
        "Patients should wear sunscreen because the skin is likely to burn.",
        "Patients are welcome to bring a friend.",
        "Every patient will get a copy of the letter.",
        "All patients will be offered a follow-up appointment.",
    ],
)
def test_everyday_words_do_not_hide_advice(findings, sentence):
    assert len(findings(sentence, RULE)) == 1


def test_a_neighbour_that_only_explains_does_not_hide_advice(findings):
    source = "Your nurse explained how to use the pump. Patients should keep the pump dry."
    assert subjects(findings(source, RULE)) == [("Patients", ("You",))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Someone with you should stay for 24 hours after sedation.",
        "People who care for you should also get the flu jab.",
        "People who live with you may need to take antibiotics too.",
        "The patient in the next bed may be very ill.",
        "Other patients may want to talk to you.",
        "Patients on the ward will be asleep, so please keep noise down.",  # for visitors
        "Nearly all people who are sexually active will become infected with HPV.",
        "About 20 percent of patients will need a second operation.",
    ],
)
def test_leaves_alone_other_people_and_shares_of_patients(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # what is done for the reader, by anyone
        ("This guide helps patients find the right treatment.", "patients"),
        # who the page is for
        ("This leaflet is for people who have been bitten by an animal.", "people"),
        # a sentence that also says "you" still talks about the reader
        ("Motorists need to tell DVLA if you take insulin.", "Motorists"),
    ],
)
def test_flags_the_reader_helped_or_addressed_by_the_page(findings, sentence, text):
    [finding] = findings(sentence, RULE)
    assert finding.text == text
    assert slice_of(sentence, finding) == text


def test_a_page_for_health_professionals_is_left_alone(findings):
    source = (
        "# Levels of Evidence (PDQ®)–Health Professional Version\n\n"
        "Patients should be offered genetic counselling.\n"
    )
    assert findings(source, RULE) == []


def test_a_page_for_parents_talks_about_the_child_as_the_patient(findings):
    source = (
        "Your child will have a scan. Stay with your child until the scan starts.\n\n"
        "The surgeon may send patients to a specialist centre.\n"
    )
    assert findings(source, RULE) == []


def test_any_patients_tissue_in_a_definition_is_not_the_reader(findings):
    source = "A biopsy takes a sample of a patient's tissue to look at under a microscope.\n"
    assert findings(source, RULE) == []


def test_a_page_that_talks_about_nobody_gets_no_page_finding(findings):
    text = " ".join(
        ["Olaparib is a drug that blocks an enzyme that cancer cells use to mend their DNA."] * 12
    )
    assert findings(text, RULE) == []


def test_many_patients_tumours_in_research_are_not_the_readers(findings):
    source = "The models are made from tissue from patients' tumors and grown in mice.\n"
    assert findings(source, RULE) == []


def test_the_terms_of_a_drug_approval_are_left_alone(findings):
    source = "Under the approval, patients must have had two treatments before.\n"
    assert findings(source, RULE) == []


def test_a_page_mostly_about_research_talks_about_the_people_studied(findings):
    source = "\n\n".join(
        [
            "In the trial, 400 people took the drug for a year.",
            "The researchers found that patients should take it with food.",
            "The study was published in 2024.",
            "Patients who took the drug lived longer in the trial.",
            "The data showed fewer side effects.",
            "Patients may need a blood test every month.",
        ]
    )
    assert findings(source, RULE) == []


def test_which_patients_is_a_question_not_the_reader(findings):
    source = "Doctors cannot always tell which patients will need more treatment.\n"
    assert findings(source, RULE) == []


def test_the_rewrite_keeps_the_words_between_subject_and_verb(findings):
    [finding] = findings("People with cancer often need to take strong pain medicine.", RULE)
    assert finding.message == (
        "Write “If you have cancer, you often need” instead of “People with cancer often need”."
    )
