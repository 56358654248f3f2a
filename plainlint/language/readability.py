"""Reading-ease figures from counts plainlint makes itself.

The formulas are the published ones (the same constants textstat uses), fed
with plainlint's own sentences (from spaCy), words and syllables (from the
CMU dictionary shipped in the package). textstat's own English syllable
counter downloads NLTK data at run time, which fails with no network.
"""

from __future__ import annotations

import math

from plainlint.findings import Metrics
from plainlint.language.words import syllables

_POLYSYLLABLE = 3


def measure(sentence_words: list[list[str]]) -> Metrics:
    """Metrics for prose given as a list of sentences, each a list of words."""
    sentences = [words for words in sentence_words if words]
    n_sentences = len(sentences)
    n_words = sum(len(words) for words in sentences)
    if not n_words:
        return Metrics()
    counts = [syllables(word) for words in sentences for word in words]
    words_per_sentence = n_words / n_sentences
    syllables_per_word = sum(counts) / n_words
    polysyllables = sum(1 for count in counts if count >= _POLYSYLLABLE)
    smog = 0.0
    if n_sentences >= 3:  # SMOG is meaningless on fewer sentences
        smog = 1.0430 * math.sqrt(polysyllables * 30 / n_sentences) + 3.1291
    return Metrics(
        words=n_words,
        sentences=n_sentences,
        average_sentence_words=round(words_per_sentence, 2),
        flesch_reading_ease=round(
            206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, 2
        ),
        flesch_kincaid_grade=round(
            0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, 2
        ),
        smog_index=round(smog, 2),
    )
