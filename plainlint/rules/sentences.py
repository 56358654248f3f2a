"""Guideline: use short sentences."""

from __future__ import annotations

from typing import Iterator

from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.rules.base import Hit, Option, Rule


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
    options = {
        "max_words": Option("int", "words a sentence may have before it is flagged", 1),
        "error_words": Option("int", "words above which it is an error (0: never an error)", 0),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        limit = self.settings["max_words"]
        error_limit = self.settings["error_words"]
        for sentence in page.sentences():
            count = len(sentence.words)
            if count <= limit:
                continue
            severity = self.severity
            if error_limit and count > error_limit:
                severity = Severity.ERROR
            yield Hit(
                f"This sentence has {count} words; aim for {limit} or fewer. Long sentences "
                "are hard to follow: split it into shorter ones.",
                sentence.block,
                sentence.start,
                sentence.end,
                severity=severity,
            )
