"""Speed-ups that must not change a single finding: checking files together,
reusing parses across pages, and the quicker attribute ruler and lemmatizer."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from plainlint.language.context_words import ContextWords
from plainlint.language.model import Analyser, load_pipeline
from plainlint.language.quick_ruler import QuickAttributeRuler
from plainlint.run.engine import Linter

PAGES = [
    (
        "a.md",
        "# Your treatment\n\nThe drug will be given by your nurse. Patients should rest, "
        "eat well, drink water, sleep early and walk daily.\n\nCall 999 straight away "
        "if you have chest pain.\n",
    ),
    (
        "b.html",
        "<h1>Tests</h1><p>The blood sample was taken in clinic. Patients must fast before "
        "the test. First, drink water, then wait, and finally see the nurse.</p>",
    ),
    ("c.txt", "The drug will be given by your nurse.\nYou may feel tired afterwards.\n"),
    ("d.md", "The drug will be given by your nurse. Chairmen and firemen were informed.\n"),
]
FORMATS = {".md": "markdown", ".html": "html", ".txt": "text"}


def files() -> list[tuple[str, str, str]]:
    return [(name, source, FORMATS[name[name.rindex(".") :]]) for name, source in PAGES]


def test_checking_files_together_finds_what_checking_each_alone_finds(settings):
    together = Linter.create(settings).check_texts(files())
    alone = [Linter.create(settings).check_source(*file) for file in files()]
    assert together == alone
    assert [r.path for r in together] == [name for name, _ in PAGES]
    assert any(f.rule == "passive-voice" for f in together[0].findings)  # parsed ahead, used


def test_one_broken_page_in_a_group_keeps_its_error_to_itself(settings):
    group = files()
    group.insert(1, ("e.md", "---\nplainlint:\n  colour: red\n---\nText.\n", "markdown"))
    results = Linter.create(settings).check_texts(group)
    assert results[1].error is not None and "colour" in results[1].error
    assert [r.error for i, r in enumerate(results) if i != 1] == [None] * 4
    assert results[0].findings == Linter.create(settings).check_source(*group[0]).findings


def test_a_sentence_parsed_for_one_page_serves_the_next_unchanged(settings):
    linter = Linter.create(settings, select={"passive-voice"})
    first = linter.check_source("one.md", PAGES[0][1], "markdown")
    again = linter.check_source("two.md", PAGES[0][1], "markdown")
    assert first.findings == again.findings
    assert [f.text for f in first.findings] == ["will be given"]


def test_a_parse_is_the_same_whatever_else_is_in_its_batch(settings):
    analyser = Analyser(frozenset({"sentences"}), True)
    sentence = "The drug will be given by your nurse."
    alone = analyser.parse([sentence])[0]
    analyser._recent.clear()
    mixed = analyser.parse(["Patients should rest.", sentence, "It is used to treat pain."])[1]
    shape = [(t.tag_, t.dep_, t.head.i, t.pos_, t.lemma_) for t in alone]
    assert shape == [(t.tag_, t.dep_, t.head.i, t.pos_, t.lemma_) for t in mixed]


TEXT = (
    "Y'all know nothin' about it, but I do. She gets tired and got worse.  There is a "
    "leaflet. Doin' that has helped. Which one did they choose? That was done by the team, "
    "and those were the ones who'd been there. It's the GP's job.\n\nThe doctor's notes."
)


@pytest.mark.parametrize("text", [TEXT, "A", "  \n ", "Ol' Mike's goin' home, y' all."])
def test_the_quick_attribute_ruler_sets_what_the_models_own_ruler_sets(text):
    nlp = load_pipeline(("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"))
    before = ["attribute_ruler", "lemmatizer"]
    doc = next(nlp.pipe([text], disable=before))
    theirs = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    nlp.get_pipe("attribute_ruler")(theirs)
    ours = Analyser(frozenset({"sentences"}), True)._quick(
        Doc(nlp.vocab).from_bytes(doc.to_bytes())
    )
    assert [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in ours] == [
        (t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in theirs
    ]
    assert any(t.pos_ for t in ours) or not text.strip()


# Words that the model's several-word patterns change ("there is", "gonna", "let's"),
# words its lemmatizer treats each its own way, and a repeat of each sentence, so
# that remembered values are used as well as worked out.
RULER_TEXTS = [
    "There is a way to help. There are men and women who can help you.",
    "Ain't nobody gonna stop y'all. Let's go, c'mon, I gotta go now.",
    "The children were given their vaccines by the nurses at 9am.",
    "She's been feeling better since her operations, and he'd rested well.",
    "You'll need 2 tablets a day: don't take more than 8 in 24 hours!",
    "Dr. Smith's clinic (the BRCA1 team) e-mailed the results.",
    "  Leading spaces, then\ttabs and\nnew lines.",
    "There is a way to help. There are men and women who can help you.",
    "The children were given their vaccines by the nurses at 9am.",
]


def test_the_quicker_ruler_and_lemmas_match_the_models_own():
    """The stand-in for the attribute ruler and lemmatizer sets every word as they do."""
    nlp = load_pipeline(("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"))
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    parsed = list(nlp.pipe(RULER_TEXTS, disable=["attribute_ruler", "lemmatizer"]))
    quick = QuickAttributeRuler(ruler, lemmatizer)
    assert quick.sets_lemmas
    for doc in parsed:
        expected, got = lemmatizer(ruler(doc.copy())), quick(doc.copy())
        values = [
            [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in d]
            for d in (expected, got)
        ]
        assert values[0] == values[1]
    there_is = quick(parsed[0].copy())
    assert (there_is[1].text, there_is[1].pos_) == ("is", "VERB")  # a several-word pattern
    gonna = quick(parsed[1].copy())
    assert [t.lemma_ for t in gonna if t.lower_ in ("gon", "na")] == ["go", "to"]


def _one_test_per_word(words: list[str]) -> re.Pattern[str]:
    """The word-list pattern as it was before the shared test: the reference."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        stem = word.rstrip("*")
        pattern = r"\s+".join(
            "".join("['’]" if c in "'’" else re.escape(c) for c in part) for part in stem.split()
        )
        if stem[:1].isalnum():
            pattern = r"(?<![\w-])" + pattern
        if word.endswith("*"):
            pattern += r"[\w'’-]*"
        elif stem[-1:].isalnum():
            pattern += r"(?!\w)"
        parts.append(pattern)
    return re.compile("|".join(parts), re.IGNORECASE)


@pytest.mark.parametrize(
    "words",
    [
        ["first", "then", "after that", "finally", "next"],
        ["ovar*", "breast", "women", "men", "1 in 8", "(s)he", "'tis", "%"],
        ["straight away", "call 999", "A&E", "immediately", "k"],
    ],
)
def test_word_lists_find_what_one_test_per_word_found(words):
    text = (
        "First, then: after  that, FINALLY next-door ovarian Ovaries women's "
        "(s)he 'tis 50% 1 in 8 A&E straight\naway Call 999 ſtraight \u212a k-k pre-first "
        "firsts then- -then nexts women men"
    )
    expected = [m.span() for m in _one_test_per_word(words).finditer(text)]
    assert [m.span() for m in ContextWords(words).finditer(text)] == expected
    assert expected  # the text holds some of every list


@pytest.mark.parametrize(
    "text",
    [
        "Prior to your visit, and PRIOR TO the scan, in order to rest.",
        "İstanbul clinic: prior to the scan",  # "İ" is two letters in lower case
        "ΟΔΟΣ.Α prior to ΟΔΟΣ",  # Greek "Σ" lower-cases by what follows it
        "Prior  to\nthe scan, prior, to",  # white space inside, punctuation between
    ],
)
def test_word_lists_lower_case_words_as_one_word_at_a_time_would(text):
    """Words are lower-cased all at once where that gives the same words, word by word
    where it would not."""
    from plainlint.language.phrase_list import WORD, PhraseList, _words_in

    spans, lowered = _words_in(text, 0, len(text))
    assert spans == tuple(m.span() for m in WORD.finditer(text))
    assert lowered == tuple(m.group().lower().replace("’", "'") for m in WORD.finditer(text))
    words = PhraseList({"prior to": "before", "in order to": "to", "οδος": "road"}, "none")
    found = [(m.text, m.alternatives) for m in words.find(text)]
    expected = [(m.group(), ("before",)) for m in re.finditer(r"(?i)\bprior[ \t\n]+to\b", text)] + [
        (m.group(), ("to",)) for m in re.finditer(r"(?i)\bin order to\b", text)
    ]
    expected += [(m.group(), ("road",)) for m in re.finditer("ΟΔΟΣ", text)]
    assert sorted(found) == sorted(expected)
