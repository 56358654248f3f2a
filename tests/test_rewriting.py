"""The grammar kept around a fix: "a" or "an" by sound, capitals, apostrophes, and verbs
that agree with "they"."""

from __future__ import annotations

import pytest

from plainlint.language.rewriting import Change, article_for, swap


@pytest.mark.parametrize(
    ("words", "article"),
    [
        ("extra test", "an"),
        ("further test", "a"),
        ("hour", "an"),
        ("honest answer", "an"),
        ("union", "a"),
        ("unit", "a"),
        ("useful leaflet", "a"),
        ("unusual pain", "an"),
        ("uninsured visit", "an"),
        ("one-off dose", "a"),
        ("European study", "a"),
        ("MRI scan", "an"),
        ("NHS clinic", "an"),
        ("GP", "a"),
        ("X-ray", "an"),
        ("8-week course", "an"),
        ("11-year-old", "an"),
        ("3-day stay", "a"),
        ("", "a"),
    ],
)
def test_a_or_an_goes_by_sound_not_spelling(words, article):
    assert article_for(words) == article


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        ("You need an additional test.", "additional", "further", "a further"),
        ("An additional test is done.", "additional", "further", "A further"),
        ("AN ADDITIONAL TEST", "ADDITIONAL", "further", "A further"),
        ("You need a substantial rest.", "substantial", "important", "an important"),
        ("It was an utilisation.", "utilisation", "use", "a use"),
        ("Utilise the ramp.", "Utilise", "use", "Use"),
        (
            "MRI scans are safe.",
            "MRI",
            "magnetic resonance imaging (MRI)",
            "Magnetic resonance imaging (MRI)",
        ),
        (
            "An MRI scan.",
            "MRI",
            "magnetic resonance imaging (MRI)",
            "A magnetic resonance imaging (MRI)",
        ),
        (
            "Your MRI scan.",
            "MRI",
            "magnetic resonance imaging (MRI)",
            "magnetic resonance imaging (MRI)",
        ),
    ],
)
def test_swap_keeps_article_and_capital_right(text, old, new, expected):
    start = text.index(old)
    [change] = swap(text, start, start + len(old), new, True, False).changes
    assert text[: change.start] + change.text + text[start + len(old) :] == text.replace(
        text[change.start : start + len(old)], expected, 1
    )


def test_swap_writes_the_pages_apostrophes():
    text = "Go to the paediatric ward."
    start = text.index("paediatric ward")
    end = start + len("paediatric ward")
    assert swap(text, start, end, "children's ward", True, True).changes == (
        Change(start, end, "children’s ward"),
    )
    assert swap(text, start, end, "children’s ward", True, False).changes == (
        Change(start, end, "children's ward"),
    )


def test_swap_is_safe_only_when_asked():
    assert swap("Utilise it.", 0, 7, "use", True, False).safe
    assert not swap("Utilise it.", 0, 7, "use", False, False).safe


@pytest.mark.parametrize(
    ("sentence", "fixed", "safe"),
    [
        ("He or she needs to rest.", "They need to rest.", True),
        ("He or she is seen first.", "They are seen first.", True),
        ("He or she has a cough.", "They have a cough.", True),
        ("He or she was tired.", "They were tired.", True),
        ("He or she does not need a test.", "They do not need a test.", True),
        ("He or she can come in.", "They can come in.", True),
        ("Does he or she have a cough?", "Do they have a cough?", True),
        ("Ask him or her about it.", "Ask them about it.", True),
        ("Bring his or her letter.", "Bring their letter.", True),
        ("He or she needs to rest and takes fluids.", "They need to rest and takes fluids.", False),
    ],
)
def test_he_or_she_becomes_they_with_the_verb_agreeing(findings, sentence, fixed, safe):
    [finding] = findings(sentence, "gendered-language")
    fix = finding.fix
    assert fix is not None and fix.safe is safe
    text = sentence
    for edit in sorted(fix.edits, key=lambda e: e.column, reverse=True):
        text = text[: edit.column - 1] + edit.text + text[edit.end_column - 1 :]
    assert text == fixed
