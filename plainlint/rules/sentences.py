"""Guideline: use short sentences."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.rules.base import Hit, Option, Rule

# Places where a sentence can end and a new one start: a semicolon or dash, or a
# comma before a word that joins two ideas.
_JOINS = re.compile(
    r"\s*;\s+|\s+[–—]\s+|,\s+(?=(?:and|but|so|which|who|because|while|although|though"
    r"|as well as|or|then|where)\b)",
    re.IGNORECASE,
)
# A new sentence needs some words on each side of the split.
_LEAST_WORDS_EACH_SIDE = 6


def _where_to_split(text: str, words: list[tuple[int, int]], offset: int) -> str:
    """Say where this sentence could end: the join nearest its middle, by words."""
    starts = [start - offset for start, _ in words]
    best: tuple[int, int] | None = None  # (distance from the middle, split offset)
    for join in _JOINS.finditer(text):
        before = bisect_left(starts, join.start())  # words start in order: no recount
        after = len(starts) - before
        if min(before, after) < _LEAST_WORDS_EACH_SIDE:
            continue
        distance = abs(before - after)
        if best is None or distance < best[0]:
            best = (distance, join.start())
    if best is None:
        return "Split it into two or more sentences, one idea in each."
    lead = text[: best[1]].split()[-4:]
    return f"Try ending a sentence after “…{' '.join(lead)}”."


class LongSentence(Rule):
    """A sentence with more words than readers can hold in mind at once."""

    id = "long-sentence"
    summary = "A sentence is too long to follow easily."
    why = (
        "Readers who are unwell, worried or reading in a second language lose track of long "
        "sentences. Short sentences of 15 to 20 words are the easiest to understand."
    )
    fix = "Split the sentence into two or more. Keep one idea to a sentence."
    flags = (
        "Before your operation you will meet the anaesthetist, who will ask about your health, "
        "any medicines you take and any problems you have had with anaesthetics in the past, "
        "so that they can plan your care.",
    )
    passes = (
        "Before your operation you will meet the anaesthetist. They will ask about your health "
        "and any medicines you take.",
        "You can eat and drink as normal.",
    )
    default_severity = Severity.WARNING
    other_severity = "error: a sentence longer than error_words"
    options = {
        "max_words": Option("int", "words a sentence may have before it is flagged", 1),
        "error_words": Option("int", "words above which it is an error (0: never an error)", 0),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        limit = self.settings["max_words"]
        error_limit = self.settings["error_words"]
        for sentence in page.sentences():
            count = len(sentence.words)
            if count <= limit or sentence.block.kind is BlockKind.IMAGE:
                continue  # alt text has its own guidance, under image-alt-text
            severity = self.severity
            if error_limit and count > error_limit:
                severity = Severity.ERROR
            yield Hit(
                f"This sentence has {count} words; aim for {limit} or fewer. "
                + _where_to_split(sentence.text, sentence.words, sentence.start),
                sentence.block,
                sentence.start,
                sentence.end,
                severity=severity,
            )
