"""readability: file-level reading grade, and the metrics in every result."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from plainlint.language.readability import measure
from plainlint.language.words import syllables, word_spans
from plainlint.rules.readability import Readability

EASY = Readability.passes[0]
HARD = Readability.flags[0]


def test_hard_page_gets_one_file_level_finding(findings):
    [finding] = findings(HARD, "readability")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 1, 1)
    assert finding.text == ""
    assert "reading grade" in finding.message


def test_easy_page_is_left_alone(check):
    result = check(EASY, select={"readability"})
    assert result.findings == []
    assert result.metrics.words >= 100  # long enough to be measured
    assert result.metrics.flesch_kincaid_grade < 8


def test_short_pages_are_not_measured(findings):
    assert findings("Chemotherapy administration necessitates evaluation.", "readability") == []


def test_long_average_sentence_is_reported(findings):
    sentence = "You can " + " ".join(["go"] * 20) + " home."
    page = " ".join([sentence] * 6)
    [finding] = findings(page, "readability")
    assert "words on average" in finding.message


def test_metrics_use_prose_only(check):
    source = textwrap.dedent(
        """\
        ---
        title: A very long and complicated front matter title indeed
        ---

        # Your visit

        You can eat. You can drink.

        ```
        this code is not prose at all and has many words in it
        ```
        """
    )
    metrics = check(source).metrics
    assert metrics.words == 8  # "Your visit" + "You can eat" + "You can drink"
    assert metrics.sentences == 3
    assert metrics.average_sentence_words == 2.67


def test_code_and_addresses_are_not_counted_as_words(check):
    source = "Visit https://www.example.org/a-very-long-address-indeed or run `some code here`.\n"
    metrics = check(source).metrics
    assert metrics.words == 3  # "Visit", "or", "run": the address and the code are not words
    assert metrics.sentences == 1


def test_formulas_match_the_published_constants():
    metrics = measure([["The", "cat", "sat"], ["on", "the", "mat"]])
    # 3 words a sentence, 1 syllable a word
    assert metrics.flesch_reading_ease == round(206.835 - 1.015 * 3 - 84.6 * 1, 2)
    assert metrics.flesch_kincaid_grade == round(0.39 * 3 + 11.8 * 1 - 15.59, 2)
    assert metrics.smog_index == 0.0  # fewer than 3 sentences


# Pages whose words, sentences, syllables and long words were counted by hand, with the
# published formulas worked out by hand from those counts (rounded to 2 places):
#   Flesch reading ease  206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words)
#   Flesch-Kincaid grade 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59
#   SMOG                 1.0430 x sqrt(words of 3+ syllables x 30 / sentences) + 3.1291
HAND_COUNTED = [
    pytest.param(
        "The nurse will take some blood. Your doctor can explain the results. "
        "An operation removes the lump.",
        # 6 + 6 + 5 words; 6 + 9 (doc-tor, ex-plain, re-sults) + 9 (op-er-a-tion, re-moves)
        (3, 17, 24, 1),
        # 206.835 - 5.7517 - 119.4353; 2.21 + 16.6588 - 15.59; 1.043 x 3.1623 + 3.1291
        (81.65, 3.28, 6.43),
        id="short words",
    ),
    pytest.param(
        "Surgeons can remove the whole kidney or only part of it during an operation. "
        "Most people go home after five days. Ask your nurse about pain relief.",
        # 14 + 7 + 6 words; 22 + 9 + 8 syllables; one long word (op-er-a-tion)
        (3, 27, 39, 1),
        # 206.835 - 9.135 - 122.2; 3.51 + 17.0444 - 15.59; as above
        (75.5, 4.96, 6.43),
        id="one long sentence",
    ),
    pytest.param(
        "The hospital pharmacy will give you medicine to take home. Your appointment "
        "letter tells you the date and the location. Bring a list of your tablets.",
        # 10 + 10 + 6 words; 16 + 15 + 7 syllables; hos-pi-tal, phar-ma-cy, med-i-cine,
        # ap-point-ment, lo-ca-tion: 5 long words
        (3, 26, 38, 5),
        # 206.835 - 8.7967 - 123.6462; 3.38 + 17.2462 - 15.59; 1.043 x 7.0711 + 3.1291
        (74.39, 5.04, 10.5),
        id="long words",
    ),
]


@pytest.mark.parametrize(("page", "counts", "figures"), HAND_COUNTED)
def test_reading_figures_match_the_published_formulas_on_hand_counted_pages(
    check, page, counts, figures
):
    """plainlint works out the formulas itself rather than use textstat (which downloads
    data while it runs): the same figures a person gets with a pencil."""
    metrics = check(page).metrics
    sentences, words, _, _ = counts
    assert (metrics.sentences, metrics.words) == (sentences, words)
    every_word = [page[a:b] for a, b in word_spans(page)]
    assert sum(syllables(word) for word in every_word) == counts[2]
    assert sum(1 for word in every_word if syllables(word) >= 3) == counts[3]
    assert (
        metrics.flesch_reading_ease,
        metrics.flesch_kincaid_grade,
        metrics.smog_index,
    ) == figures


def test_syllables_come_from_the_dictionary_with_an_estimate_for_new_words():
    assert syllables("approximately") == 5
    assert syllables("chemotherapy") == 5
    assert syllables("Follow-up") == 3
    assert syllables("zorbulate") >= 2  # not in the dictionary: estimated


def test_word_spans_trim_punctuation():
    text = "(Take) 2 tablets, twice—daily!"
    assert [text[a:b] for a, b in word_spans(text)] == ["Take", "2", "tablets", "twice—daily"]


def test_works_with_no_nltk_data_and_never_imports_textstat_or_nltk(tmp_path):
    """textstat 0.7.13 downloads NLTK's cmudict at run time; plainlint must not need it."""
    page = tmp_path / "page.md"
    page.write_text(HARD)
    script = textwrap.dedent(
        f"""\
        import sys
        from plainlint.cli import main
        try:
            main(["check", "--format", "json", {str(page)!r}])
        except SystemExit:
            pass
        assert "nltk" not in sys.modules and "textstat" not in sys.modules, "imported"
        """
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "no-nltk-data")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '"flesch_kincaid_grade"' in done.stdout
