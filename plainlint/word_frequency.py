"""How common a word is in everyday English, from the wordfreq package's lists.

Frequencies are on the Zipf scale: about 7 for "the", 5 for "doctor", 3 for
"biopsy", 0 for a word the lists do not hold.
"""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English list, loaded once (it ships inside the package: no network)."""
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="best")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The Zipf frequency of one lower-case word; 0 when the word is unknown."""
    frequency = _frequencies().get(word.lower().replace("’", "'"), 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
