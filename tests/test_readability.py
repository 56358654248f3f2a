"""readability: file-level reading grade, and the metrics in every result."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

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
