"""passive-voice: sentences that say what is done, not who does it; passive_sentences_percent."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "passive-voice"


# A first line that speaks to the reader: passives matter on pages written to "you".
TO_READER = "You can ask us about any of this.\n\n"


def to_reader(sentence):
    """The sentence on a page that speaks to its reader, after one line that does."""
    return TO_READER + sentence


def verb_groups(found):
    return [f.text for f in found]


def places(source, found):
    """(text, line, column) of each finding, checked against the source it points at."""
    for finding in found:
        assert slice_of(source, finding) == finding.text
    return [(f.text, f.line, f.column) for f in found]


# --- be-passives and get-passives -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "group", "message"),
    [
        (
            "The drug will be given through a drip.",
            "will be given",
            "does not say who gives the drug. Say who, for example: "
            "“Doctors will give the drug through a drip.”",
        ),
        (
            "Your letter has been sent to your GP.",
            "has been sent",
            "does not say who sends your letter. Say who, for example: "
            "“Your care team has sent your letter to your GP.”",
        ),
        (
            "The tumour was removed last week.",
            "was removed",
            "does not say who removes the tumour. Say who, for example: "
            "“Doctors removed the tumour last week.”",
        ),
        # no active form in the same tense: the message still names this verb and thing
        (
            "Your blood is being tested in the lab.",
            "is being tested",
            "is passive. Say who tests your blood.",
        ),
        (
            "This infection will be treated with antibiotics.",
            "will be treated",
            "does not say who treats this infection. Say who, for example: "
            "“Doctors will treat this infection with antibiotics.”",
        ),
        (
            "Your results had been checked before the clinic.",
            "had been checked",
            "does not say who checks your results. Say who, for example: "
            "“Your care team had checked your results before the clinic.”",
        ),
        (
            "The drug must not be given to children.",
            "must not be given",
            "does not say who gives the drug. Say who, for example: "
            "“Doctors must not give the drug to children.”",
        ),
        # after "be", words that are idioms after "get" are still passive
        (
            "This drug is used to treat high blood pressure.",
            "is used",
            "does not say who uses this drug. Say who, for example: "
            "“Doctors use this drug to treat high blood pressure.”",
        ),
        # a page that speaks as "we" gets "We" as the example
        (
            "We want you to feel at home, and our staff are here to help. Your room will be cleaned every day.",
            "will be cleaned",
            "does not say who cleans your room. Say who, for example: "
            "“We will clean your room every day.”",
        ),
    ],
)
def test_flags_be_passives_and_shows_this_sentence_active(findings, sentence, group, message):
    [finding] = findings(to_reader(sentence), RULE)
    assert finding.text == group
    assert finding.message == f"“{group}” {message}"
    assert slice_of(to_reader(sentence), finding) == group


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("He got hurt at work.", "got hurt"),
        ("Your letter will get sent next week.", "will get sent"),
        ("The samples got mixed with the others.", "got mixed"),
    ],
)
def test_flags_get_passives(findings, sentence, group):
    assert verb_groups(findings(to_reader(sentence), RULE)) == [group]


@pytest.mark.parametrize(
    "sentence",
    [
        "You will get used to the bag.",
        "You can get dressed after the scan.",
        "Let's get started with the first exercise.",
        "I got lost on the way to the clinic.",
        "I got married last year.",
    ],
)
def test_leaves_get_idioms_alone(findings, sentence):
    assert findings(sentence, RULE) == []


def test_is_information_with_the_verb_group_in_the_message(findings):
    [finding] = findings("Your blood sample will be sent to the lab.", RULE)
    assert finding.rule == RULE
    assert finding.severity is Severity.INFO
    assert finding.message.startswith("“will be sent” does not say who sends your blood sample")
    assert finding.suggestions == ()


@pytest.mark.parametrize(
    ("sentence", "group", "active"),
    [
        (
            "Your stitches will be removed by the practice nurse.",
            "will be removed",
            "The practice nurse will remove your stitches.",
        ),
        (
            "The drug is given by a nurse from the chemotherapy unit.",
            "is given",
            "A nurse from the chemotherapy unit gives the drug.",
        ),
        (
            "They will be cared for by a specialist doctor.",
            "will be cared for",
            "A specialist doctor will care for them.",
        ),
        (
            "After surgery, the results were not checked by the team.",
            "were not checked",
            "After surgery, the team did not check the results.",
        ),
        (
            "The summary is reviewed regularly by the board and updated as needed.",
            "is reviewed",
            "The board reviews the summary regularly …",
        ),
    ],
)
def test_message_names_who_does_it_when_the_sentence_says(findings, sentence, group, active):
    [finding] = findings(to_reader(sentence), RULE)
    assert finding.text == group
    assert finding.message == f"“{group}” is passive. Start with who does it: “{active}”"


@pytest.mark.parametrize(
    ("sentence", "group", "message"),
    [
        # a question keeps its order: no rewrite, the verb and the thing it acts on
        (
            "When will the stitches be removed?",
            "will the stitches be removed",
            "is passive. Say who removes the stitches.",
        ),
        (
            "Your stitches will get taken out after a week.",
            "will get taken out",
            "is passive. Say who takes out your stitches.",
        ),
    ],
)
def test_without_a_safe_rewrite_the_message_still_names_this_sentence(
    findings, sentence, group, message
):
    [finding] = findings(to_reader(sentence), RULE)
    assert finding.text == group
    assert finding.message == f"“{group}” {message}"


# --- leave-alones -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This test is called a biopsy.",
        "It is also known as a PET scan.",
        "A biopsy, also called a tissue sample, is a small test.",
        "This is sometimes called a mini stroke.",
    ],
)
def test_leaves_words_that_explain_a_name_alone(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I was worried about the scan.",
        "I was very worried about the scan.",
        "You may feel tired for a few weeks.",
        "I am concerned about my weight.",
        "You are entitled to free prescriptions.",
        "The blood is made up of cells.",
        "I was born in 1950.",
    ],
)
def test_leaves_feelings_and_states_alone(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "You have finished your treatment.",
        "The nurse has given you a leaflet.",
        "We have sent your letter to your GP.",
    ],
)
def test_leaves_active_perfect_tenses_alone(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The drug given to you will help the pain.",
        "Take the tablets prescribed by your doctor.",
    ],
)
def test_a_reduced_relative_clause_is_not_a_passive_sentence(check, sentence):
    result = check(sentence, select={RULE})
    assert result.findings == []
    assert result.metrics.passive_sentences_percent == 0.0


def test_finds_the_main_passive_next_to_a_reduced_relative(findings):
    sentence = "Forms sent to us by post are processed within a week."
    [finding] = findings(sentence, RULE)
    assert (finding.text, finding.column) == ("are processed", 26)


@pytest.mark.parametrize(
    "source",
    [
        'The form says "The drug will be given at home".',
        "The form says “The drug will be given at home”.",
        "Type `it was deleted` here.",
        "```\nThe file was deleted.\n```",
    ],
)
def test_leaves_quotations_and_code_alone(findings, source):
    assert findings(source, RULE) == []


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("# How the drug is given\n\nYou take it with food.", "markdown"),
        ("<h2>How the drug is given</h2><p>You take it with food.</p>", "html"),
        ("How the drug is given\n\nYou take it with food.", "text"),
        ("![The drug is given through a drip](drip.png)\n\nYou take it with food.", "markdown"),
    ],
)
def test_leaves_headings_and_alt_text_alone(findings, source, fmt):
    assert findings(source, RULE, fmt=fmt) == []


def test_leaves_the_title_of_a_cited_work_in_a_link_alone(findings):
    source = "Read [How Your Sample Is Tested in the Lab](https://example.org) first."
    assert findings(source, RULE) == []


# --- positions --------------------------------------------------------------------------


def test_positions_in_markdown(findings):
    source = (
        "# Your visit\n"
        "\n"
        "You can go home after that. Your stitches will be\n"
        "removed by the practice nurse.\n"
        "\n"
        "- Your blood will be tested.\n"
        "- You can go home.\n"
        "\n"
        "| Step | What happens |\n"
        "| --- | --- |\n"
        "| 1 | Your blood is taken |\n"
    )
    found = findings(source, RULE)
    assert places(source, found) == [
        ("will be\nremoved", 3, 43),
        ("will be tested", 6, 14),
        ("is taken", 11, 18),
    ]
    assert found[0].end_line == 4 and found[0].end_column == 8
    assert found[0].message.endswith("“The practice nurse will remove your stitches.”")


def test_positions_in_html_with_markup_and_entities(findings):
    source = (
        "<html><body>\n"
        "<h2>How the drug is given</h2>\n"
        "<p>Caf&eacute; &amp; shop: your bag <i>will be</i> checked.</p>\n"
        "<p>The drug is given\n"
        "through a drip by your nurse.</p>\n"
        "</body></html>\n"
    )
    found = findings(source, RULE, fmt="html")
    assert places(source, found) == [("will be</i> checked", 3, 40), ("is given", 4, 13)]
    assert found[0].message.startswith("“will be checked” is passive")
    assert found[1].message.endswith("“Your nurse gives the drug through a drip.”")


def test_positions_in_plain_text(findings):
    source = (
        "HOW THE DRUG IS GIVEN\n"
        "\n"
        "The drug will be given through a drip.\n"
        "  Your letter has been sent to your GP.\n"
    )
    found = findings(source, RULE, fmt="text")
    assert places(source, found) == [("will be given", 3, 10), ("has been sent", 4, 15)]


# --- passive_sentences_percent ----------------------------------------------------------


def test_percent_is_not_measured_when_the_rule_does_not_run(check):
    result = check("The drug is given daily.", select={"plain-words"})
    assert result.metrics.passive_sentences_percent is None
    assert result.metrics.to_json()["passive_sentences_percent"] is None


def test_percent_is_measured_when_all_rules_run(check):
    result = check("Your drug is given daily.")
    assert result.metrics.passive_sentences_percent == 100.0
    assert result.metrics.to_json()["passive_sentences_percent"] == 100.0


@pytest.mark.parametrize(
    ("source", "percent"),
    [
        ("", 0.0),
        ("The drug is given daily. You take it with food. It helps.", 33.3),
        ("You take it. You rest. You sleep. You eat. You walk. You read. It is given.", 14.3),
        # two passives in one sentence make one passive sentence
        ("The drug is given daily and the results are sent to your GP. You rest.", 50.0),
        # a heading and a quotation are not passive sentences
        ("# The drug is given\n\nYou take it daily.", 0.0),
        ('The form says "the drug was given". You rest.', 0.0),
    ],
)
def test_percent_is_the_share_of_passive_sentences(check, source, percent):
    result = check(source, select={RULE})
    assert result.metrics.passive_sentences_percent == percent


def test_headings_do_not_count_towards_the_share(check):
    result = check("# Aftercare\n\nYour drug is given daily.", select={RULE})
    assert result.metrics.passive_sentences_percent == 100.0


# --- cases a review found -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        # "by" and someone who acts turns a state word into an action
        ("The test was done by my GP.", "was done"),
        ("Your treatment will be prepared by the pharmacy.", "will be prepared"),
        ("The clinic is closed by the council in winter.", "is closed"),
        ("You will be called by the nurse.", "will be called"),
        # "called" that does not give a name
        ("Your name will be called when it is your turn.", "will be called"),
        ("The operation will be done under general anaesthetic.", "will be done"),
        # the particle of a phrasal verb belongs to the verb group
        ("The scan will be carried out by a radiographer.", "will be carried out"),
    ],
)
def test_flags_passives_a_state_list_or_naming_list_must_not_hide(findings, sentence, group):
    assert verb_groups(findings(to_reader(sentence), RULE)) == [group]


@pytest.mark.parametrize(
    "sentence",
    [
        "The clinic is closed at weekends.",
        "Your nose may be blocked.",
        "Once you get settled, your nurse will check your blood pressure.",
        "You may get worried before the scan.",
    ],
)
def test_leaves_adjectives_that_look_like_participles_alone(findings, sentence):
    assert findings(sentence, RULE) == []


def test_a_means_after_by_is_not_named_as_the_doer(findings):
    [finding] = findings("Your results will be sent to you by post.", RULE)
    assert finding.message == (
        "“will be sent” does not say who sends your results. Say who, for example: "
        "“Your care team will send your results to you by post.”"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # how things are, even with "by"
        "Rabies is caused by a virus.",
        "It is spread to people by the bite of an infected animal.",
        "The test is covered by your health plan.",
        # something that happened to the reader, not a step someone takes for them
        "Go to a doctor if you have been bitten or scratched.",
        # what is possible for an illness
        "ADHD can be managed with the right help.",
        "Can Tourette syndrome be cured?",
        # no helper but "being" or "to be": not the sentence's own passive
        "It is safe to eat after being stored in a fridge.",
        "Your stitches need to be removed after a week.",
        # a state
        "Rabies is found throughout the world.",
        "This leaflet is intended for parents.",
    ],
)
def test_leaves_states_happenings_and_possibilities_alone(findings, sentence):
    assert findings(sentence, RULE) == []


DRUG_PAGE = (
    "Olaparib is approved to treat ovarian cancer. It is also being studied in other "
    "cancers. The drug was first made in 2005. It is used with other drugs. "
    "If you take it, your blood will be checked every month."
)


def test_on_a_page_that_does_not_speak_to_the_reader_only_its_reader_sentences_count(findings):
    # drug, research and illness text: who approves or studies it is nothing to ask about
    assert verb_groups(findings(DRUG_PAGE, RULE)) == ["will be checked"]


def test_a_page_that_speaks_to_its_reader_counts_every_passive(findings):
    source = (
        "You will have a scan. You can eat as normal. The scan is done in the X-ray "
        "department. The pictures are sent to the doctor."
    )
    assert verb_groups(findings(source, RULE)) == ["is done", "are sent"]


def test_passives_that_are_for_the_reader_are_flagged_anywhere(findings):
    source = "Olaparib is approved to treat ovarian cancer. More facts can be found on the website."
    [finding] = findings(source, RULE)
    assert finding.text == "can be found"
    assert finding.message.endswith("“You can find more facts on the website.”")


@pytest.mark.parametrize(
    "sentence",
    [
        "The scar is on the chest wall where the breast was removed.",
        "Radiation can affect the part of the body that was treated.",
        "Fibroadenomas are more often found in younger women.",
        "If cancer cells are found near the skin, you may need more surgery.",
    ],
)
def test_which_one_and_being_there_are_not_actions(findings, sentence):
    assert findings(to_reader(sentence), RULE) == []


def test_questions_the_reader_can_send_show_you_as_the_doer(findings):
    source = "We are here to help. Our team reads every message. Questions can also be sent to us."
    [finding] = findings(source, RULE)
    assert finding.message.endswith("“You can also send questions to us.”")


def test_research_sentences_keep_their_passives(findings):
    source = to_reader("In the trial, 200 people were randomly assigned to take the drug.")
    assert findings(source, RULE) == []


def test_references_are_left_alone_and_not_counted(check):
    source = (
        "Smith J, Jones K, et al. Patients were randomised to surgery. "
        "Lancet. 2019;393:100-8. PMID: 30221597.\n\nYou rest at home."
    )
    result = check(source, select={RULE})
    assert result.findings == []
    assert result.metrics.passive_sentences_percent == 0.0


def test_messages_show_single_spaces_for_a_line_break_in_html(findings):
    source = "<p>Your blood sample will be\n    sent to the lab.</p>"
    [finding] = findings(source, RULE, fmt="html")
    assert "“will be sent”" in finding.message
    assert slice_of(source, finding) == finding.text


@pytest.mark.parametrize(
    "sentence",
    [
        "You are registered with a GP as female.",
        "People who were assigned female at birth can come.",
        "It is made of soft plastic.",
        "Tell us if the line is damaged.",
        "The tube could get blocked or tangled.",
        "The skin can get infected.",
        "Any leaking through the tube is known as bypassing.",
        "Your wound should be healed by then.",
        "Some bruising is expected.",
    ],
)
def test_leaves_states_and_fixed_terms_alone(findings, sentence):
    assert findings(sentence, RULE) == []


def test_a_patient_telling_their_own_story_is_left_alone(findings):
    assert findings("> I was rushed to A&E and I was put on a drip.", RULE) == []


def test_a_stranded_preposition_belongs_to_the_verb_group(findings):
    [finding] = findings("Your scan will be looked at by 2 specialists.", RULE)
    assert finding.text == "will be looked at"


def test_a_no_break_space_is_a_space(findings):
    source = "<p>Your stitches will get taken&nbsp;out after a week.</p>"
    [finding] = findings(source, RULE, fmt="html")
    assert finding.text == "will get taken&nbsp;out"


@pytest.mark.parametrize(
    ("sentence", "parsed"),
    [
        ("Treatment is often hard at first.", False),  # "often" only looks like a participle
        ("The people in the trial were women and children.", False),
        ("More information is available at DailyMed.", False),
        ("The drug is often given by a nurse.", True),  # a real participle after one
        ("The cells are seen under a microscope.", True),
    ],
)
def test_words_that_only_look_like_participles_need_no_parse(sentence, parsed):
    from plainlint.rules.passive_voice import may_be_passive

    assert may_be_passive(sentence) is parsed


def test_a_passive_after_a_word_that_looks_like_one_is_still_found(findings):
    [finding] = findings(to_reader("The drug is often given by a nurse."), RULE)
    assert finding.text == "is often given"


def test_a_named_doer_can_be_left_alone_by_a_setting(tmp_path):
    from plainlint.run.engine import Linter
    from plainlint.settings.loading import load_settings

    config = tmp_path / "plainlint.yaml"
    config.write_text("rules:\n  passive-voice:\n    flag_named_doer: false\n")
    linter = Linter.create(load_settings(config), select={RULE})
    source = to_reader(
        "Your stitches will be removed by the practice nurse. Your scan will be booked."
    )
    found = linter.check_source("p.md", source, "markdown").findings
    assert [f.text for f in found] == ["will be booked"]


@pytest.mark.parametrize(
    "sentence",
    ["You may not be used to talking about your feelings.", "You will soon be used to it."],
)
def test_be_used_to_meaning_familiar_is_not_a_passive(findings, sentence):
    assert findings(to_reader(sentence), RULE) == []
