"""gendered-language: words that name a gender when the gender does not matter."""

from __future__ import annotations

import pytest
from conftest import slice_of

RULE = "gendered-language"


def texts(found):
    return [f.text for f in found]


def test_flags_a_listed_word_and_says_why(findings):
    [finding] = findings("The chairman will open the patient forum.", RULE)
    assert finding.text == "chairman"
    assert finding.suggestions == ("chair",)
    assert "“chair”" in finding.message and "“chairman”" in finding.message
    assert finding.message == "Try “chair” instead of “chairman”: the gender does not matter here."


@pytest.mark.parametrize(
    ("sentence", "word", "suggestions"),
    [
        ("We do not have the manpower to open on Sundays.", "manpower", ("staff", "workforce")),
        ("Cancer has affected mankind for thousands of years.", "mankind", ("humanity", "people")),
        (
            "A spokesman for the hospital said the clinic will reopen.",
            "spokesman",
            ("spokesperson",),
        ),
        ("Some man-made fibres can irritate the skin.", "man-made", ("artificial", "synthetic")),
        ("Ladies and gentlemen, the talk will start soon.", "Ladies and gentlemen", ("Everyone",)),
        ("The chairwoman of the patient panel will reply.", "chairwoman", ("chair",)),
        ("A male nurse will take your blood.", "male nurse", ("nurse",)),
        ("Ask your husband or wife to come with you.", "husband or wife", ("partner",)),
        # Plurals and possessives, with the suggestion in the same form.
        ("The chairmen of both groups will speak.", "chairmen", ("chairs",)),
        ("Ask the chairman's office for a copy.", "chairman's", ("chair's",)),
        ("The chairmen's report is on our website.", "chairmen's", ("chairs'",)),
        ("Spokesmen for both hospitals agreed.", "Spokesmen", ("Spokespeople",)),
        (
            "This leaflet explains it in layman's terms.",
            "layman's",
            ("non-specialist's", "lay person's"),
        ),
        # A capital at the start of a sentence is kept.
        ("Chairmen from 3 hospitals signed the letter.", "Chairmen", ("Chairs",)),
    ],
)
def test_flags_listed_words_in_every_form(findings, sentence, word, suggestions):
    [finding] = findings(sentence, RULE)
    assert finding.text == word
    assert finding.suggestions == suggestions


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # A word in capitals is not an acronym here: it is the same word, shouted.
        ("THE CHAIRMAN WILL OPEN THE MEETING.", "CHAIRMAN"),
        ("Ask the CHAIRMAN'S office for a copy.", "CHAIRMAN'S"),
        ("MANPOWER IS SHORT ON THE WARD.", "MANPOWER"),
    ],
)
def test_words_in_capitals_are_still_flagged(findings, sentence, word):
    assert texts(findings(sentence, RULE)) == [word]


@pytest.mark.parametrize(
    ("sentence", "pair", "suggestion"),
    [
        ("The patient should tell the nurse if he or she feels sick.", "he or she", "they"),
        ("The patient should tell the nurse if he/she feels sick.", "he/she", "they"),
        ("The surgeon will see the patient before he / she goes home.", "he / she", "they"),
        ("The patient should tell the nurse if s/he feels sick.", "s/he", "they"),
        ("Tell your nurse if s / he asks for your letter.", "s / he", "they"),
        ("The patient should tell the nurse if (s)he feels sick.", "(s)he", "they"),
        ("Each patient should bring his or her letter.", "his or her", "their"),
        ("Each patient should bring his/her letter.", "his/her", "their"),
        ("Each patient should bring his / her letter.", "his / her", "their"),
        ("Ask the doctor to give him or her a copy.", "him or her", "them"),
        ("Your child's teacher should know. Ask him/her to call us.", "him/her", "them"),
        ("The patient should tell the nurse if He Or She feels sick.", "He Or She", "They"),
        ("HIS/HER NAME GOES HERE.", "HIS/HER", "their"),
    ],
)
def test_flags_pronoun_pairs_in_every_spelling(findings, sentence, pair, suggestion):
    [finding] = findings(sentence, RULE)
    assert finding.text == pair
    assert finding.suggestions == (suggestion,)
    assert finding.message == f"Use “{suggestion}” instead of “{pair}”."


def test_a_pronoun_pair_may_run_over_a_line_break(findings):
    source = "Each patient should bring his or\nher letter to the clinic.\n"
    [finding] = findings(source, RULE)
    assert slice_of(source, finding) == "his or\nher"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 27, 2, 4)


@pytest.mark.parametrize(
    ("source", "pronoun", "suggestion", "person"),
    [
        ("A nurse will call you. She will explain what happens next.", "She", "They", "any nurse"),
        ("When a nurse calls, she will explain what happens next.", "she", "they", "any nurse"),
        ("The patient may feel sleepy. He should not drive.", "He", "They", "any patient"),
        ("Each patient should bring his letter.", "his", "their", "any patient"),
        ("Every doctor has his own way of explaining things.", "his", "their", "any doctor"),
        ("If your GP thinks you need a scan, he will refer you.", "he", "they", "any GP"),
        ("Your carer can come with you. He can stay in the room.", "He", "They", "any carer"),
        ("Someone from the team will call. She will book your visit.", "She", "They", "anyone"),
        ("Anyone who is worried should call. He can ask for a nurse.", "He", "They", "anyone"),
        ("Your baby may cry after the jab. Give him plenty of milk.", "him", "them", "any baby"),
        # "her" becomes "their" before a noun and "them" on its own.
        ("A nurse will call you. Her name is on your letter.", "Her", "Their", "any nurse"),
        ("A nurse will call you. Please thank her for her help.", "her", "them", "any nurse"),
    ],
)
def test_flags_a_generic_he_or_she(findings, source, pronoun, suggestion, person):
    [finding] = findings(source, RULE)
    assert finding.text == pronoun
    assert finding.suggestions == (suggestion,)
    assert f"stands for {person}," in finding.message
    assert "could be any gender" in finding.message
    assert "“you”" in finding.message


@pytest.mark.parametrize(
    "source",
    [
        # A named person.
        "Sarah is your named nurse. She will look after you on the ward.",
        "Your named nurse is Sarah. She will look after you on the ward.",
        "Yesterday John had an operation. The doctor told him to rest.",
        "The doctor told John that he could go home.",
        "Mrs Jones had surgery. The doctor told her to rest.",
        "Ask your doctor. Dr Smith will see you. He is kind.",
        # A word that says the person's sex.
        "Your mother may need a test. She can ask her GP.",
        "My sister has the same condition. She takes the same tablets.",
        "Your dad can come with you. He can wait in the family room.",
        "Your husband may feel sleepy. He should not drive.",
        # "they" already, or no one the pronoun could stand for.
        "The nurses will call you. They will explain what happens next.",
        "Our nurses are trained to help. She will explain what happens next.",
        # Clinical context: the person's sex is part of the subject.
        "A patient with prostate cancer may feel tired. He should rest.",
        "A patient having a mammogram may feel some discomfort. She can ask to stop at any time.",
        # Quotations and code.
        'The nurse said, "He will call you tomorrow."',
        'The form says "he or she must sign here".',
        "Use the code `he/she` in the form.",
    ],
)
def test_leaves_alone_pronouns_for_a_known_person(findings, source):
    assert findings(source, RULE) == []


@pytest.mark.parametrize(
    ("sentence", "pair", "suggestions"),
    [
        ("Men and women are welcome at the support group.", "Men and women", ("People", "Adults")),
        ("Women and men can join the walking group.", "Women and men", ("People", "Adults")),
        (
            "Both men and women can come to the support group.",
            "men and women",
            ("people", "adults"),
        ),
        ("Males and females can use the quiet room.", "Males and females", ("People",)),
        (
            "Boys and girls can play in the waiting room.",
            "Boys and girls",
            ("Children", "Young people"),
        ),
    ],
)
def test_flags_pairs_that_mean_everyone(findings, sentence, pair, suggestions):
    [finding] = findings(sentence, RULE)
    assert finding.text == pair
    assert finding.suggestions == suggestions
    assert "seems to mean everyone" in finding.message


@pytest.mark.parametrize(
    ("sentence", "word", "suggestions"),
    [
        ("Women can park in the car park behind the clinic.", "Women", ("People", "You")),
        ("Men can ask for a chaperone at any appointment.", "Men", ("People", "You")),
        ("Girls can bring a friend to the clinic.", "Girls", ("Children", "Young people")),
        ("Mothers can bring their children.", "Mothers", ("Parents",)),
        ("Ladies can use the changing room on the left.", "Ladies", ("People", "Everyone")),
        ("Women can take this medicine.", "Women", ("People", "You")),
        # One person, after "a", "any" or "every".
        ("A woman can ask for a chaperone.", "woman", ("person",)),
        ("Any man can call the helpline.", "man", ("person",)),
        ("A mother can stay on the ward with her baby.", "mother", ("parent",)),
    ],
)
def test_flags_women_and_men_outside_clinical_context(findings, sentence, word, suggestions):
    [finding] = findings(sentence, RULE)
    assert finding.text == word
    assert finding.suggestions == suggestions
    assert finding.message.startswith(f"“{word}” may leave readers out: try “")
    assert finding.message.endswith("unless the sex matters here.")


@pytest.mark.parametrize(
    ("sentence", "word", "rewrite"),
    [
        (
            "Women should remove nail varnish before the operation.",
            "Women",
            "Remove any nail varnish before the operation.",
        ),
        ("Men who wear earrings should take them out.", "Men", "Take out any earrings."),
        (
            "Before the scan, women must take off their necklaces.",
            "women",
            "Take off any necklaces.",
        ),
    ],
)
def test_advice_given_by_sex_becomes_advice_to_the_reader(findings, sentence, word, rewrite):
    [finding] = findings(sentence, RULE)
    assert (finding.text, finding.suggestions) == (word, ())
    assert finding.message == f"Advice for everyone needs no “{word}”. Write: “{rewrite}”"


@pytest.mark.parametrize(
    "source",
    [
        "All men and women aged 60 to 74 are invited for bowel screening every 2 years.",
        "Men and women over 50 can ask their GP for a flu jab.",
    ],
)
def test_men_and_women_of_an_age_means_everyone_of_that_age(findings, source):
    [finding] = findings(source, RULE)
    assert finding.text.lower() == "men and women"
    assert "seems to mean everyone" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        # Sex-specific advice that is clinically needed stays.
        "Women who might be pregnant should tell the radiographer before the scan.",
        "Men should check their testicles once a month.",
        # Age alone still makes a single sex clinical: who is invited.
        "Women aged 50 to 70 are invited for breast screening every 3 years.",
        # The body and sex-specific conditions.
        "Men with prostate cancer may have problems getting an erection.",
        "Women who have been through the menopause may get dry skin.",
        "Girls often start their periods at about 12.",
        "A man with breast cancer may feel alone.",
        "A mother who is breastfeeding can take this medicine.",
        "A pregnant woman should not have this vaccine.",
        "Pregnant women should not have this vaccine.",
        "Fathers can stay on the ward after the birth.",
        # Figures on who is affected.
        "About 1 in 8 women will get this cancer.",
        "Around 5 per cent of men get this kind of lymphoma.",
        "Men have a higher risk of this kind of lymphoma.",
        "In 2023, 300 men joined the walking group.",
        "Women aged 50 to 71 are invited for breast screening every 3 years.",
        # Research.
        "In the study, 200 women took the new drug.",
        "A trial is looking at whether men do better with the new drug.",
        "Research shows that women are more likely to report side effects.",
        "Men and women can join the trial.",
    ],
)
def test_leaves_alone_women_and_men_where_clinically_needed(findings, sentence):
    assert findings(sentence, RULE) == []


@pytest.mark.parametrize(
    "source",
    [
        # Particular people.
        "Your mother can come with you to the appointment.",
        "Your mother or sister may also need a test.",
        "These women had treatment at our clinic.",
        "Trans women can use the support group.",
        # Names and titles.
        "The Men's Health Forum runs a helpline.",
        "The Women's Institute runs a coffee morning at the hospital.",
        "The Boys and Girls Club meets at the community centre.",
        "The Chairman's Fund pays for the garden at the hospice.",
        # Quotations and code.
        "Ask the nurse for the leaflet 'Men and women with long-term pain'.",
        'Our "chairman" will reply to your letter.',
        "Use the `men` tag in the booking system.",
    ],
)
def test_leaves_alone_particular_people_names_quotes_and_code(findings, source):
    assert findings(source, RULE) == []


def test_a_heading_about_the_body_covers_the_page_below_it(findings):
    page = (
        "# Prostate cancer\n\n## Support groups\n\nMen can join a support group at the hospital.\n"
    )
    assert findings(page, RULE) == []
    other = "# Our clinic\n\n## Support groups\n\nMen can join a support group at the hospital.\n"
    [finding] = findings(other, RULE)
    assert (finding.text, finding.line, finding.column) == ("Men", 5, 1)


def test_a_neighbouring_sentence_gives_context(findings):
    after = "Men can join a support group. The group also talks about erection problems.\n"
    assert findings(after, RULE) == []
    before = "## Visiting\n\nThe clinic runs a study on sleep.\n\nWomen can visit the ward in the afternoon.\n"
    assert findings(before, RULE) == []
    unrelated = "Men can join a support group. The group meets on Tuesday evenings.\n"
    assert texts(findings(unrelated, RULE)) == ["Men"]


def test_only_the_next_sentence_counts_as_a_neighbour(findings):
    source = (
        "## Visiting\n\nWomen can visit the ward in the afternoon. Please sign in at the desk. "
        "The clinic also runs a study on sleep.\n"
    )
    assert texts(findings(source, RULE)) == ["Women"]


def test_a_neighbour_under_another_heading_does_not_count(findings):
    source = (
        "## Breast screening\n\nBreast screening uses X-rays to look for cancer.\n\n"
        "## Parking\n\nWomen can park in the car park behind the clinic.\n"
    )
    [finding] = findings(source, RULE)
    assert (finding.text, finding.line, finding.column) == ("Women", 7, 1)
    same_section = (
        "## Breast screening\n\nBreast screening uses X-rays to look for cancer. "
        "Women can bring a friend to the appointment.\n"
    )
    assert findings(same_section, RULE) == []


def test_markdown_positions(findings):
    source = "## Parking\n\nPlease park at the front.\nWomen can park in the car park behind the clinic.\n"
    [finding] = findings(source, RULE)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 1, 4, 6)
    assert slice_of(source, finding) == "Women"


def test_html_positions_headings_and_code(findings):
    source = (
        "<h2>Parking</h2>\n<p>Please park in the main car park.\nMen and women can use the lift.</p>\n"
        "<h2>Questions</h2>\n<p>Ask the nurse if you have questions. She will help.</p>\n"
    )
    found = findings(source, RULE, fmt="html")
    assert [(f.text, f.line, f.column, f.end_column) for f in found] == [
        ("Men and women", 3, 1, 14),
        ("She", 5, 41, 44),
    ]
    assert slice_of(source, found[1]) == "She"
    clinical = "<h1>Breast cancer</h1><p>Women can bring a friend to the clinic.</p>"
    assert findings(clinical, RULE, fmt="html") == []
    assert findings("<p>Ask the <code>chairman</code> about this.</p>", RULE, fmt="html") == []


def test_text_positions(findings):
    source = "The chairman will open the meeting.\nEach patient should bring his/her letter.\n"
    found = findings(source, RULE, fmt="text")
    assert [(f.text, f.line, f.column, f.end_line, f.end_column) for f in found] == [
        ("chairman", 1, 5, 1, 13),
        ("his/her", 2, 27, 2, 34),
    ]
    assert [slice_of(source, f) for f in found] == ["chairman", "his/her"]
    assert findings("Women aged 50 to 71 are invited for breast screening.", RULE, fmt="text") == []


def test_every_finding_explains_itself_and_offers_an_alternative(findings):
    source = (
        "## Our group\n\nThe chairman will open the meeting. Men and women are welcome.\n\n"
        "## Calls\n\nEach patient should bring his or her letter. A nurse will call you. "
        "She will explain what happens next.\n"
    )
    found = findings(source, RULE)
    assert texts(found) == ["chairman", "Men and women", "his or her", "She"]
    for finding in found:
        assert finding.rule == RULE
        assert finding.suggestions
        assert all(f"“{s}”" in finding.message for s in finding.suggestions)


# -- cases found by review -------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "John had surgery. The doctor told him to rest.",  # a name opening the sentence
        "John is a patient on our ward. He will go home on Friday.",
        "Dr Patel is the surgeon and he will see you before the operation.",
    ],
)
def test_a_named_person_anywhere_before_the_pronoun_is_who_it_means(findings, source):
    assert findings(source, RULE) == []


@pytest.mark.parametrize(
    ("source", "pronoun"),
    [
        ("Ask the doctor if he has your test results.", "he"),  # "results" is not research
        ("A nurse will call you. She will explain your results.", "She"),
        ("The patient may feel sleepy. He should not drive for 24 hours.", "He"),  # a time
        ("Nobody should feel that he is a burden.", "he"),
        # "men and women" before does not make the nurse a known person
        ("Men and women are welcome. A nurse will call you. She will explain more.", "She"),
    ],
)
def test_generic_pronouns_that_everyday_words_must_not_hide(findings, source, pronoun):
    assert pronoun in texts(findings(source, RULE))


def test_the_subject_of_a_verb_is_not_its_object(findings):
    [finding] = findings("The patient should rest. The nurse will visit her each day.", RULE)
    assert finding.text == "her"
    assert "any patient" in finding.message and "nurse" not in finding.message


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Men can report problems with the lift to reception.", "Men"),
        ("Men can join the walking group. It is common to feel nervous at first.", "Men"),
        ("Men can get help to stop smoking at any age.", "Men"),
        ("Women can visit the ward from 2pm to 4pm.", "Women"),  # times are not figures
    ],
)
def test_everyday_words_are_not_clinical_context(findings, sentence, word):
    assert texts(findings(sentence, RULE)) == [word]


def test_a_list_of_people_is_not_telling_the_sexes_apart(findings):
    found = findings("Men, women and children are welcome at the drop-in clinic.", RULE)
    assert texts(found) == ["Men", "women"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bladder cancer is more common in men than in women.",
        "The epididymis (in males) and the broad ligament (in females) can be affected.",
    ],
)
def test_a_sentence_that_tells_the_sexes_apart_is_left_alone(findings, sentence):
    assert findings(sentence, RULE) == []


def test_a_capital_after_a_bracket_keeps_its_case(findings):
    [finding] = findings("(S)he will need to fast before the scan.", RULE)
    assert finding.suggestions == ("They",)


def test_a_pair_with_spaces_inside_brackets_is_found(findings):
    [finding] = findings("Ask your doctor if (s) he can help.", RULE)
    assert (finding.text, finding.suggestions) == ("(s) he", ("they",))


def test_a_subject_pronoun_stands_for_the_subject_before_it(findings):
    [finding] = findings("The nurse will check your child. She will also weigh them.", RULE)
    assert "any nurse" in finding.message


@pytest.mark.parametrize(
    "second",
    ["Call 0300 123 4567 to book.", "It meets on Ward 12.", "It meets on 3 May.", "See page 4."],
)
def test_phone_numbers_dates_and_page_numbers_are_not_figures(findings, second):
    assert texts(findings(f"Men are welcome at the support group. {second}", RULE)) == ["Men"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Women should not drive for 6 weeks after a caesarean section.",
        "Mothers can stay overnight on the neonatal unit.",
    ],
)
def test_more_body_words_make_a_clinical_context(findings, sentence):
    assert findings(sentence, RULE) == []


def test_switching_off_every_pronoun_switches_off_generic_pronouns(check, tmp_path):
    from plainlint.run.engine import Linter
    from plainlint.settings.loading import load_settings

    config = tmp_path / "plainlint.yaml"
    words = ["he", "him", "his", "himself", "she", "her", "hers", "herself"]
    config.write_text(
        "rules:\n  gendered-language:\n    pronouns:\n"
        + "".join(f"      {w}: null\n" for w in words)
    )
    linter = Linter.create(load_settings(config), select={RULE})
    result = linter.check_source(
        "page.md", "A nurse will call. She will (or may) help.", "markdown"
    )
    assert result.error is None and result.findings == []
