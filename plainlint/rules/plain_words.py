"""Guideline: use plain English words."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from plainlint.findings import Severity
from plainlint.inflection import forms, inflect_phrase
from plainlint.page import Page
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
    def _entries(self) -> dict[str, tuple[tuple[str, ...], str]]:
        """Every form of every listed word, lower case: (alternatives, form kind)."""
        found: dict[str, tuple[tuple[str, ...], str]] = {}
        for phrase, alternatives in self.settings["words"].items():
            choices = (alternatives,) if isinstance(alternatives, str) else tuple(alternatives)
            for kind, form in forms(phrase.lower()).items():
                found.setdefault(form, (choices, kind))
        return found

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        alternatives = sorted(self._entries, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, form.split())) for form in alternatives)
        return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-]|['’]\w)", re.IGNORECASE)

    def check(self, page: Page) -> Iterator[Hit]:
        if not self._entries:
            return
        for analysed in page.blocks:
            block = analysed.block
            for match in self._pattern.finditer(block.text):
                start, end = match.span()
                if block.is_protected(start, end):
                    continue
                matched = match.group()
                choices, kind = self._entries[" ".join(matched.lower().split())]
                suggestions = tuple(_same_case(matched, inflect_phrase(c, kind)) for c in choices)
                quoted = " or ".join(f"“{s}”" for s in suggestions)
                yield Hit(
                    f"Try {quoted} instead of “{matched}”. Plain words are quicker to read "
                    "and easier to understand.",
                    block,
                    start,
                    end,
                    suggestions=suggestions,
                )


def _same_case(original: str, replacement: str) -> str:
    """Capitalise the replacement when the original starts a sentence."""
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
