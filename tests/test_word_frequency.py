"""Word frequencies: plainlint reads wordfreq's data file directly, and pins what it read.

Reading the file saves about 0.2 s a run over asking wordfreq. The price is a
tie to the file's place and form, which wordfreq does not promise to keep. These
tests fail loudly, naming the reason, when a new wordfreq breaks that tie; the
fallback to wordfreq's public API keeps plainlint working meanwhile.
"""

from __future__ import annotations

import gzip
from importlib import metadata

import msgpack
import pytest
import wordfreq

from plainlint.language import word_frequency
from plainlint.language.word_frequency import read_data_file, zipf

MOVED = (
    "wordfreq {version} no longer keeps its English list at {where} in the form "
    "plainlint reads: plainlint falls back to wordfreq's public API (0.2 s slower a run). "
    "Update plainlint/language/word_frequency.py and the wordfreq pin in pyproject.toml."
)


def _moved() -> str:
    return MOVED.format(
        version=metadata.version("wordfreq"), where="/".join(word_frequency.DATA_FILE)
    )


def test_the_data_file_is_where_and_as_plainlint_expects():
    assert word_frequency.data_file() is not None, _moved()
    assert read_data_file() is not None, _moved()


def test_the_file_read_directly_holds_what_wordfreq_itself_gives():
    assert read_data_file() == wordfreq.get_frequency_list("en", wordlist="large"), _moved()


@pytest.mark.parametrize("word", ["the", "doctor", "tablet", "biopsy", "neutropenia", "don't"])
def test_zipf_values_agree_with_wordfreq(word):
    assert zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en", wordlist="large"))


def test_an_unknown_word_is_zero():
    assert zipf("qzxvlorptant") == 0.0


def test_a_file_in_another_form_is_left_for_wordfreqs_own_api(tmp_path, monkeypatch):
    """A changed header means a changed form: read nothing rather than misread it."""
    changed = tmp_path / "large_en.msgpack.gz"
    changed.write_bytes(gzip.compress(msgpack.packb([{"format": "cB", "version": 2}, ["the"]])))
    monkeypatch.setattr(word_frequency, "data_file", lambda: str(changed))
    assert read_data_file() is None
    damaged = tmp_path / "damaged.msgpack.gz"
    damaged.write_bytes(b"not gzip at all")
    monkeypatch.setattr(word_frequency, "data_file", lambda: str(damaged))
    assert read_data_file() is None
    word_frequency._frequencies.cache_clear()
    try:
        assert word_frequency._frequencies()["the"] == pytest.approx(
            wordfreq.zipf_frequency("the", "en", wordlist="large")
        )
    finally:
        word_frequency._frequencies.cache_clear()
        word_frequency.zipf.cache_clear()
