"""Guideline: use plain English words."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.language.phrase_list import PhraseList, is_acronym, quoted
from plainlint.rules.base import Hit, Option, Rule


class PlainWords(Rule):
    """A word or phrase that has a shorter, more familiar alternative."""

    id = "plain-words"
    summary = "A word or phrase has a plainer alternative."
    why = (
        "Everyday words are quicker to read and easier to understand, for everyone and "
        "most of all for people who are unwell or anxious."
    )
    fix = "Use the plainer word suggested, or reword the sentence."
    flags = (
        "You should commence the tablets prior to your operation.",
        "The nurse utilised a smaller needle.",
        "In order to prepare, stop eating 6 hours before.",
    )
    passes = (
        "You should start the tablets before your operation.",
        "Your consent form may say “commence treatment”.",
        "Run `utilise --help` to see the options.",
        "Our website is at https://example.org/utilise-services.",
    )
    default_severity = Severity.WARNING
    options = {
        "words": Option(
            "words", "words and phrases, each with its plainer alternative or alternatives"
        ),
    }

    @cached_property
    def _words(self) -> PhraseList:
        return PhraseList(self.settings["words"])

    def check(self, page: Page) -> Iterator[Hit]:
        words = self._words
        for analysed in page.blocks:
            block = analysed.block
            for match in words.find(block.text):
                if block.is_protected(match.start, match.end) or (
                    " " not in match.phrase and is_acronym(match.text)
                ):
                    continue
                suggestions = words.suggestions(match, words.words_before(block.text, match.start))
                yield Hit(
                    f"Try {quoted(suggestions)} instead of “{match.text}”.",
                    block,
                    match.start,
                    match.end,
                    suggestions=suggestions,
                )
