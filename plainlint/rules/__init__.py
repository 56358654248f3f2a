"""The registry: every rule plainlint has, in one place."""

from __future__ import annotations

from plainlint.rules.abbreviations import UnexplainedAbbreviation
from plainlint.rules.address_reader import AddressReader
from plainlint.rules.base import Hit, Option, Rule
from plainlint.rules.gendered_language import GenderedLanguage
from plainlint.rules.jargon import Jargon
from plainlint.rules.medical_terms import UnexplainedTerm
from plainlint.rules.person_first import PersonFirst
from plainlint.rules.plain_words import PlainWords
from plainlint.rules.readability import Readability
from plainlint.rules.sentences import LongSentence

RULES: dict[str, type[Rule]] = {
    rule.id: rule
    for rule in (
        LongSentence,
        PlainWords,
        Readability,
        UnexplainedTerm,
        UnexplainedAbbreviation,
        Jargon,
        GenderedLanguage,
        AddressReader,
        PersonFirst,
    )
}

__all__ = ["RULES", "Hit", "Option", "Rule"]
