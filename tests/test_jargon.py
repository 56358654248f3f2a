"""jargon: probably medical or technical words that the glossary does not hold."""

from __future__ import annotations

import pytest
from conftest import slice_of

RULE = "jargon"


def flagged(findings, source: str, fmt: str = "markdown") -> list[str]:
    return [slice_of(source, f) for f in findings(source, RULE, fmt=fmt)]


@pytest.mark.parametrize(
    ("source", "word"),
    [
        # built from medical word parts
        ("Your surgeon may do a canthoplasty.", "canthoplasty"),
        ("Some people get stomatitis.", "stomatitis"),
        # rare in everyday English
        ("You may be given olaparib after your operation.", "olaparib"),
        ("Tell us about any onychogryphosis.", "onychogryphosis"),
        # the first use, even when it starts the sentence
        ("Canthoplasty takes an hour. After the canthoplasty, rest.", "Canthoplasty"),
        # a brand name before the brackets does not explain the word in them
        ("You may be given Keytruda (pembrolizumab) every three weeks.", "pembrolizumab"),
        # only ever at the start of a sentence, but built from medical parts
        ("Sacroiliitis can happen after a fall.", "Sacroiliitis"),
    ],
)
def test_flags_an_unexplained_medical_word(findings, source, word):
    assert flagged(findings, source) == [word]


@pytest.mark.parametrize(
    "source",
    [
        # explained where it is first used
        "Your surgeon may do a canthoplasty, which is an operation on the corner of your eyelids.",
        "A canthoplasty is an operation on the corner of your eyelids.",
        "The operation on the corner of your eyelids is called a canthoplasty.",
        "You may get stomatitis (a sore mouth).",
        # explained in the next sentence
        "You may have a canthoplasty. A canthoplasty is an operation on the corner of the eyelids.",
        # the kind of thing is named before it
        "You may be given the cancer drug olaparib.",
        "The chemotherapy drugs cisplatin and etoposide are given together.",
        # an explanation after the phrase the word starts
        "It is made from halichondrin B, a substance found in a sea sponge.",
        "The abscopal effect occurs when radiotherapy shrinks a tumour far away.",
        # everyday words, even if not very common, and everyday words joined
        "You may feel some tiredness and numbness.",
        "You may feel pain under your breastbone.",
        "Partial hepatectomy is surgery to remove part of the liver.",
        "Your doctor may prescribe racecadotril to stop diarrhoea.",
        "The drugs are cisplatin, etoposide, doxorubicin, vincristine, bleomycin and vinblastine.",
        "It is a skin problem called lichen sclerosus.",
        "This is called mixed carcinoma or adenosquamous carcinoma.",
        "Ependymomas start when some cells in the brain grow out of control.",
        "Cystectomy, surgery to remove the bladder, is rare.",
        # a paragraph all in bold works as a heading
        "**Ibrutinib**\n\nIbrutinib is a targeted drug.",
        # another form of a glossary word is the glossary rule's job
        "Areas that should be biopsied are marked.",
        # everyday words that are not common in writing
        "Tell us about any hoarseness or paralysis.",
        "Groups are cosponsoring the study.",
        # UK spellings and plurals of everyday words
        "Use hand sanitiser. Call our helplines. Have you been immunised?",
        # a next sentence that says what it is
        "You may get stomatitis. It means your mouth is sore.",
        "Tell us if you feel unwell.",
        # names: people, places, organisations, brands
        "Ask Dr Okonkwo at the Marsden about Keytruda.",
        # glossary words belong to the glossary rule
        "You will have a biopsy and a mastectomy.",
        "The graft-versus-leukaemia effect helps.",
        # code, quotes, links to a page about it
        "Type `ondansetron` in the search box.",
        "Your letter may say “cholecystectomy”.",
        "Read about [ondansetron](https://example.org/medicines/ondansetron).",
        "Ask about [radium-223 dichloride](https://example.org/medicines/radium).",
        # a path on the same site
        "Read /news-events/2024/imfinzi-story for more.",
        # a pronunciation guide is not a word
        "Trastuzumab is a drug. (tras-TOO-zuh-mab) is how you say it.",
    ],
)
def test_leaves_explained_everyday_and_named_words_alone(findings, source):
    assert flagged(findings, source) == []


def test_each_word_once_per_file_at_its_first_use(findings):
    source = "You may get stomatitis.\n\nStomatitis can hurt. Stomatitis heals.\n"
    result = findings(source, RULE)
    assert [(f.line, f.column, f.text) for f in result] == [(1, 13, "stomatitis")]


def test_message_says_what_to_do(findings):
    (finding,) = findings("Some people get stomatitis.", RULE)
    assert finding.severity.value == "info"
    assert finding.message == (
        "“stomatitis” may be a medical or technical word. "
        "Say what it means, use a plainer word, or add it to your glossary."
    )


def test_adding_a_word_to_a_project_glossary_moves_it_to_the_glossary_rule(tmp_path):
    from conftest import run_cli

    glossary = tmp_path / "ours.yaml"
    glossary.write_text(
        "entries:\n  - term: stomatitis\n    explanation: A sore mouth.\n", encoding="utf-8"
    )
    page = tmp_path / "page.md"
    page.write_text("Some people get stomatitis.\n", encoding="utf-8")
    args = ("check", "--select", "jargon,unexplained-term", "--format", "json")
    from conftest import json_output

    before = json_output(run_cli(*args, str(page)))["files"][0]["findings"]
    after = json_output(run_cli(*args, "--glossary", str(glossary), str(page)))["files"][0][
        "findings"
    ]
    assert [f["rule"] for f in before] == ["jargon"]
    assert [f["rule"] for f in after] == ["unexplained-term"]
    assert "A sore mouth." in after[0]["message"]


@pytest.mark.parametrize(
    ("source", "word", "plainer"),
    [
        ("The pain is acute.", "acute", ("sudden", "short-term")),
        ("You have chronic pain in your back.", "chronic", ("long-term", "lasting")),
        ("Take the tablets on an empty stomach.", "on an empty stomach", None),
        ("The cancer was recurrent.", "recurrent", None),
        ("Your dose is titrated each week.", "titrated", None),
    ],
)
def test_flags_a_misread_word_with_plainer_words(findings, source, word, plainer):
    found = findings(source, RULE)
    assert [slice_of(source, f) for f in found] == [word]
    assert found[0].suggestions and "misread" in found[0].message
    if plainer:
        assert found[0].suggestions == plainer


@pytest.mark.parametrize(
    "source",
    [
        # explained where it is used
        "Acute means it started suddenly.",
        "The pain is chronic, which means it lasts a long time.",
        # part of a longer medical name, which the glossary or the rarer word covers
        "You have acute myeloid leukaemia.",
        "You have acute monocytic leukaemia.",
        # a name in capitals
        "Go to the Acute Medical Unit on floor 2.",
        # code
        "Type `acute` in the search box.",
    ],
)
def test_leaves_an_explained_or_named_misread_word_alone(findings, source):
    assert [f.text for f in findings(source, RULE) if "misread" in f.message] == []


def test_a_kind_word_does_not_explain_a_misread_word(findings):
    # "treatment" says what a medicine's name is, not what "acute" means
    source = "This treatment is for acute pain."
    assert flagged(findings, source) == ["acute"]


@pytest.mark.parametrize("word", ["pembrolizumab", "olaparib", "palbociclib"])
def test_a_medicine_name_asks_what_kind_of_medicine_it_is(findings, word):
    found = findings(f"You will take {word} every day.", RULE)
    assert [f.text for f in found] == [word]
    assert "what kind of medicine it is and what it is for" in found[0].message
    assert "plainer word" not in found[0].message


def test_a_medicine_name_with_its_kind_is_left_alone(findings):
    assert flagged(findings, "You will take the cholesterol medicine atorvastatin every day.") == []


def test_the_examples_left_alone_are_about_words_outside_the_glossary(settings):
    """Otherwise the glossary rule, not this one, would be what leaves them alone."""
    from plainlint.language.glossary import load_glossary

    glossary = load_glossary(list(settings.glossaries))
    words = ["canthoplasty", "olaparib", "racecadotril", "sclerosus", "stomatitis", "cisplatin"]
    assert [w for w in words if glossary.lookup(w) is not None] == []


@pytest.mark.parametrize(
    ("text", "word", "suggestions"),
    [
        # A noun's "s" goes on the last word of the replacement, not the first.
        ("Your baselines are fine.", "baselines", ("starting points", "first measurements")),
        # A verb's "s" still goes on the first word.
        ("If the cancer recurs, tell us.", "recurs", ("comes back", "happens again")),
        # Neither word takes it well: the replacement stays as it is.
        ("Progressions happen.", "Progressions", ("Getting worse", "Growths", "Spreads")),
    ],
)
def test_a_replacement_of_several_words_takes_the_s_on_the_right_word(
    findings, text, word, suggestions
):
    (finding,) = [f for f in findings(text, RULE) if f.text == word]
    assert finding.suggestions == suggestions
