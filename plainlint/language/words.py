"""Words as a reader counts them, and their syllables.

A word is a run of non-space characters holding a letter or digit, so
punctuation never counts, and numbers ("1,000", "3.5") and hyphenated words
("follow-up") count once. A list marker opening a sentence ("1.", "b)") is
not a word.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum accepts
# Punctuation around a word that is not part of it.
EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>«»‹›.,;:!?…*_~`–—-/\\|"
# A run of non-space characters: a word once the punctuation at its edges is trimmed.
_RUN = re.compile(r"\S+")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,2}|[A-Za-z]|[ivx]{1,4})[.)]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[a-z]+(?:['’][a-z]+)*")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the words in text[start:end], trimmed of surrounding punctuation.

    Each run of non-space characters is trimmed with plain string methods, so
    the time grows with the text's length even for a long run of brackets
    with no letter in it (a pattern that trimmed and retried took minutes).
    """
    found: list[tuple[str, int, int]] = []  # each run with its word's span
    for run in _RUN.finditer(text, start, len(text) if end is None else end):
        chunk = run.group()
        lead = len(chunk) - len(chunk.lstrip(EDGE_PUNCTUATION))
        core = chunk[lead:].rstrip(EDGE_PUNCTUATION)
        if core and (core[0].isalnum() or _LETTER_OR_DIGIT.search(core)):
            found.append((chunk, run.start() + lead, run.start() + lead + len(core)))
    first = 0  # list markers ("1.", "a)") opening the text are not words
    while first < len(found) and _LIST_MARKER.fullmatch(found[first][0]):
        first += 1
    return [(word_start, word_end) for _, word_start, word_end in found[first:]]


@lru_cache(maxsize=1)
def _syllable_table() -> dict[str, int]:
    """Syllable counts from the CMU Pronouncing Dictionary, shipped with plainlint."""
    table: dict[str, int] = {}
    data = resources.files("plainlint") / "data" / "syllables.txt.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            count, words = line.rstrip("\n").split("\t")
            table.update(dict.fromkeys(words.split(" "), int(count)))
    return table


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: the dictionary's count, else an estimate from vowel groups."""
    word = word.lower().replace("’", "'")
    table = _syllable_table()
    if word in table:
        return max(table[word], 1)
    parts = [part for part in re.split(r"[-/]", word) if part]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    letters = _LETTERS.search(word)
    if letters is None:
        return 1  # a number or a symbol
    word = letters.group()
    if word.endswith(("'s", "s'")) and word[:-2] in table:
        return max(table[word[:-2]], 1)
    return _estimate(word)


def _estimate(word: str) -> int:
    """Count vowel groups, less a silent final e ("make"), but not in "-le" ("table")."""
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)
