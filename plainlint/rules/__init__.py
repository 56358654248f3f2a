"""The registry: every rule plainlint has, in one place."""

from __future__ import annotations

from plainlint.rules.abbreviations import UnexplainedAbbreviation
from plainlint.rules.address_reader import AddressReader
from plainlint.rules.base import Hit, Option, Rule
from plainlint.rules.gendered_language import GenderedLanguage
from plainlint.rules.headings import HeadingStructure, MissingHeadings
from plainlint.rules.hidden_verbs import HiddenVerb
from plainlint.rules.illustrations import ImageAltText, MissingIllustration
from plainlint.rules.jargon import Jargon
from plainlint.rules.key_points import KeyPoint
from plainlint.rules.link_text import LinkText
from plainlint.rules.lists import ListCandidate
from plainlint.rules.medical_terms import UnexplainedTerm
from plainlint.rules.paragraphs import LongParagraph
from plainlint.rules.passive_voice import PassiveVoice
from plainlint.rules.person_first import PersonFirst
from plainlint.rules.plain_words import PlainWords
from plainlint.rules.readability import Readability
from plainlint.rules.sentences import LongSentence
from plainlint.rules.unused_suppression import UnusedSuppression

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
        PassiveVoice,
        HiddenVerb,
        LongParagraph,
        MissingHeadings,
        HeadingStructure,
        ListCandidate,
        MissingIllustration,
        ImageAltText,
        KeyPoint,
        LinkText,
        UnusedSuppression,
    )
}

__all__ = ["RULES", "Hit", "Option", "Rule"]
