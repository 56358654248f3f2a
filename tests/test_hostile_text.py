"""Hostile text: long runs with no space in them, and long runs of punctuation.

Most of these once took minutes: spaCy's tokenizer reads a run again for each
bracket or mark it peels off its ends, and the word pattern retried every
position of a run with no letter in it. Those tests feed an input that took
over a minute before; in every test the findings after the run keep their place.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_output, run_cli

from plainlint.language.words import word_spans

# Runs spaCy's tokenizer peeled one character at a time, re-reading the run each time:
# 40,000 characters of any of them took minutes ("![" 16 KB: 49 seconds; "=": more).
# Shorter than one piece of prose for the model (MAX_PIECE), so the words after the
# run go to the model with it.
PEELED = {
    "nested Markdown images": "![",
    "open square brackets": "[",
    "closing brackets": ")",
    "ampersands": "&",
    "equals signs": "=",
    "emoji": "\N{GRINNING FACE}",
    "mixed brackets and quotes": "([{\"'",
    "apostrophe s": "'s",
    "curly quotes": "“",
}
# Runs the word pattern retried at every position (200 KB of "(" took 75 seconds); the
# tokenizer is quick on some of them ("-"), so these are longer.
NO_LETTERS = {"hyphens": "-", "open brackets": "(", "straight quotes": '"', "asterisks": "*"}
# Long tokens the tokenizer was quick on, but which the model now takes in pieces (past
# LONG_RUN characters): offsets, words and sentences must come out as before.
LONG_TOKENS = {
    "web addresses": "http://a.b/",
    "letters": "a",
    "digits": "7",
    "emoji joined by zero-width joiners": "\N{WOMAN}\N{ZERO WIDTH JOINER}",
}
FINDING = "You should utilise the form."


def _run(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def _page(run: str) -> str:
    """A page with the run inside a paragraph, and a finding after it: in the same
    paragraph and in the next one."""
    return f"# A page\n\nStart here. {run} {FINDING}\n\n{FINDING}\n"


def _check(tmp_path: Path, source: str, suffix: str) -> dict:
    page = tmp_path / f"page{suffix}"
    page.write_text(source, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "json", str(page))
    assert result.exit_code in (0, 1), result.output
    [checked] = json_output(result)["files"]
    assert "error" not in checked or not checked["error"], checked
    return checked


def _assert_findings_in_place(checked: dict, source: str) -> None:
    """Both uses of "utilise" are found, at their own line and column, with their text."""
    found = [f for f in checked["findings"] if f["rule"] == "plain-words"]
    wanted = []
    at = source.find("utilise")
    while at >= 0:
        line_start = source.rfind("\n", 0, at) + 1
        wanted.append((source.count("\n", 0, at) + 1, at - line_start + 1, "utilise"))
        at = source.find("utilise", at + 1)
    assert [(f["line"], f["column"], f["text"]) for f in found] == wanted


@pytest.mark.timeout(30)
@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("unit", PEELED.values(), ids=PEELED.keys())
def test_a_run_the_tokenizer_peeled_is_checked_in_seconds(tmp_path, unit, suffix):
    source = _page(_run(unit, 40_000))
    _assert_findings_in_place(_check(tmp_path, source, suffix), source)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("unit", NO_LETTERS.values(), ids=NO_LETTERS.keys())
def test_a_long_run_with_no_letter_is_checked_in_seconds(tmp_path, unit, suffix):
    source = _page(_run(unit, 200_000))
    _assert_findings_in_place(_check(tmp_path, source, suffix), source)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("unit", LONG_TOKENS.values(), ids=LONG_TOKENS.keys())
def test_one_long_token_is_checked_in_seconds(tmp_path, unit, suffix):
    source = _page(_run(unit, 200_000))
    _assert_findings_in_place(_check(tmp_path, source, suffix), source)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", ["(", "-", "[", '"', "*", "“", ")", "…", "([{\"'", "/"])
def test_words_of_a_long_run_of_punctuation(unit):
    """Punctuation around a word is no part of it, however much of it there is."""
    assert word_spans(_run(unit, 200_000)) == []
    run = _run(unit, 100_000)
    text = f"{run}word{run} (1,000) next"
    assert word_spans(text) == [(100_000, 100_004), (200_006, 200_011), (200_013, 200_017)]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("unit", ["a", "7", "follow-up-"], ids=["letters", "digits", "hyphens"])
def test_a_long_run_is_one_word_in_one_sentence(tmp_path, unit, suffix):
    """The model takes a long run in pieces, but no sentence starts between them."""
    short = _check(tmp_path, _page(unit * 5), suffix)["metrics"]
    long = _check(tmp_path, _page(_run(unit, 20_000)), suffix)["metrics"]
    assert (long["words"], long["sentences"]) == (short["words"], short["sentences"])


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("unit", "length"),
    [("`a` ", 400_000), ("<code>", 1_000_000)],
    ids=["code spans", "unclosed code tags"],
)
def test_a_paragraph_of_many_code_pieces_is_checked_in_seconds(tmp_path, unit, length):
    """Each code span was once tested against every other, and each unclosed tag
    searched the whole paragraph for its end: minutes for these."""
    source = _page(_run(unit, length))
    _assert_findings_in_place(_check(tmp_path, source, ".md"), source)


def test_a_sentence_longer_than_a_parse_piece_is_parsed_in_pieces_that_join_exactly(check):
    from plainlint.language.model import PARSE_PIECE, _pieces

    sentence = "The dressing was changed by the nurse and you can go home then " * 200
    pieces = _pieces(sentence)
    assert len(pieces) > 1 and "".join(pieces) == sentence
    assert all(len(piece) <= PARSE_PIECE for piece in pieces)
    assert _pieces("Ask your nurse.") == ["Ask your nurse."]
    source = f"# Care\n\n{sentence}\n"
    result = check(source, "markdown", {"passive-voice"})
    passives = [f for f in result.findings if f.rule == "passive-voice"]
    assert len(passives) >= 150  # found in every piece, not only the first
    for finding in passives:
        assert finding.text == "was changed"


@pytest.mark.timeout(30)
def test_many_vague_links_in_one_paragraph_are_checked_in_seconds(tmp_path):
    source = "[read more](https://example.org) " * 4_000 + "\n"
    checked = _check(tmp_path, source, ".md")
    found = [f for f in checked["findings"] if f["rule"] == "link-text"]
    assert len(found) == 4_000
    assert {f["text"] for f in found} == {"read more"}
