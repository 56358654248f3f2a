"""How common a word is in everyday English, from the wordfreq package's lists.

Frequencies are on the Zipf scale: about 7 for "the", 5 for "doctor", 3 for
"biopsy", 0 for a word the lists do not hold.
"""

from __future__ import annotations

import importlib.util
import math
import os
from functools import lru_cache


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's large English list as Zipf values, loaded once (no network).

    The list is read straight from wordfreq's data file: importing wordfreq
    and its helpers costs more than reading the list. Each inner list of the
    file holds the words of one frequency, in centibels below 1, so the
    words in list `i` have a Zipf value of 9 - i/100 (wordfreq's own sums).
    """
    path = _data_file()
    if path is None:  # a wordfreq that keeps its data elsewhere: ask it
        import wordfreq

        found = wordfreq.get_frequency_dict("en", wordlist="best")
        return {word: round(math.log10(f) + 9, 2) for word, f in found.items() if f > 0}
    import gzip

    import msgpack

    with gzip.open(path, "rb") as data:
        header, *buckets = msgpack.unpackb(data.read(), raw=False)
    if header.get("format") != "cB":
        raise ValueError(f"unexpected word frequency file: {path}")
    zipf_values: dict[str, float] = {}
    for index, words in enumerate(buckets):
        if words:
            zipf_values.update(dict.fromkeys(words, round(math.log10(10 ** (-index / 100)) + 9, 2)))
    return zipf_values


def _data_file() -> str | None:
    """wordfreq's large English list, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "data", "large_en.msgpack.gz")
        if os.path.exists(path):
            return path
    return None


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The Zipf frequency of one lower-case word; 0 when the word is unknown."""
    return _frequencies().get(word.lower().replace("’", "'"), 0.0)
