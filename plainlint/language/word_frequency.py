"""How common a word is in everyday English, from the wordfreq package's lists.

Frequencies are on the Zipf scale: about 7 for "the", 5 for "doctor", 3 for
"biopsy", 0 for a word the lists do not hold.
"""

from __future__ import annotations

import importlib.util
import math
import os
from functools import lru_cache

# The wordfreq file read directly, and the form it was written against (wordfreq 3.1,
# pinned in pyproject.toml). tests/test_word_frequency.py fails, naming the reason,
# if a new wordfreq moves the file or changes its form.
DATA_FILE = ("data", "large_en.msgpack.gz")
DATA_HEADER = {"format": "cB", "version": 1}


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's large English list as Zipf values, loaded once (no network).

    Each inner list holds the words of one frequency, in centibels below 1, so
    the words in list `i` have a Zipf value of 9 - i/100 (wordfreq's own sums).
    """
    zipf_values: dict[str, float] = {}
    for index, words in enumerate(_buckets()):
        if words:
            zipf_values.update(dict.fromkeys(words, round(math.log10(10 ** (-index / 100)) + 9, 2)))
    return zipf_values


def _buckets() -> list[list[str]]:
    """The list's words by frequency: read straight from wordfreq's file where it can be.

    Importing wordfreq and asking it takes about 0.2 s a run more than reading
    the file (it loads its language tables first). A wordfreq that keeps the
    file elsewhere, or in another form, is asked through its public API instead.
    """
    buckets = read_data_file()
    if buckets is None:
        import wordfreq

        buckets = wordfreq.get_frequency_list("en", wordlist="large")
    return buckets


def read_data_file() -> list[list[str]] | None:
    """The buckets of wordfreq's large English file, or None if it is not as expected."""
    path = data_file()
    if path is None:
        return None
    import gzip

    import msgpack

    try:
        with gzip.open(path, "rb") as data:
            header, *buckets = msgpack.unpackb(data.read(), raw=False)
    except (OSError, ValueError, TypeError, msgpack.UnpackException):
        return None
    if header != DATA_HEADER:
        return None
    return buckets


def data_file() -> str | None:
    """wordfreq's large English list, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, *DATA_FILE)
        if os.path.exists(path):
            return path
    return None


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The Zipf frequency of one lower-case word; 0 when the word is unknown."""
    return _frequencies().get(word.lower().replace("’", "'"), 0.0)
