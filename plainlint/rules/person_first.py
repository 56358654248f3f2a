"""Guideline: use plain, respectful language that puts the person before the illness."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.findings import Severity
from plainlint.page import Page, Sentence
from plainlint.phrase_list import PhraseList, PhraseMatch
from plainlint.proper_names import in_name
from plainlint.rules.base import Hit, Option, Rule
from plainlint.rules.first_use import readable_sentences

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where an adjective stands for people, not before a noun: "Diabetics should…",
# "services for the blind".
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT"})


class PersonFirst(Rule):
    """Labels that define people by an illness, or cast them as victims or fighters."""

    id = "person-first"
    summary = "A word defines people by an illness or casts them as victims."
    why = (
        "People are more than their illness. Labels like “cancer sufferer” or “diabetics”, and "
        "talk of battles lost or won, can upset readers and make them feel judged."
    )
    fix = "Put the person first: “person with cancer”, “people with diabetes”, “has epilepsy”."
    flags = (
        "Cancer sufferers can get free prescriptions.",
        "Diabetics should check their feet every day.",
        "He lost his battle with cancer last year.",
        "She has been wheelchair-bound since the accident.",
    )
    passes = (
        "People with cancer can get free prescriptions.",
        "A diabetic diet is not needed.",
        "You may have pain in the affected area.",
        "Read “Living with diabetes” for more tips.",
    )
    default_severity = Severity.WARNING
    options = {
        "labels": Option("words", "labels and phrases, each with a person-first alternative"),
        "as_nouns": Option("words", "adjectives that label people when used as nouns"),
    }
    parses = True

    @cached_property
    def _labels(self) -> PhraseList:
        return PhraseList(self.settings["labels"], inflect="noun")

    @cached_property
    def _as_nouns(self) -> PhraseList:
        return PhraseList(self.settings["as_nouns"], inflect="noun")

    def check(self, page: Page) -> Iterator[Hit]:
        for sentence in readable_sentences(page):
            text = sentence.block.text
            found = list(self._labels.find(text, sentence.start, sentence.end))
            for match in found:
                if self._usable(sentence, match):
                    yield self._hit(sentence, match, self._labels)
            for match in self._as_nouns.find(text, sentence.start, sentence.end):
                if any(m.start < match.end and match.start < m.end for m in found):
                    continue
                if self._usable(sentence, match) and self._stands_for_people(page, sentence, match):
                    yield self._hit(sentence, match, self._as_nouns)

    @staticmethod
    def _usable(sentence: Sentence, match: PhraseMatch) -> bool:
        return not sentence.block.is_protected(match.start, match.end) and not in_name(
            sentence, match.start, match.end
        )

    @staticmethod
    def _stands_for_people(page: Page, sentence: Sentence, match: PhraseMatch) -> bool:
        """True when the adjective is used as a noun ("Diabetics", "the blind")."""
        doc = page.parse(sentence)
        last = next((t for t in doc if sentence.span_of(t)[1] == match.end), None)
        return last is not None and _as_noun(last)

    @staticmethod
    def _hit(sentence: Sentence, match: PhraseMatch, words: PhraseList) -> Hit:
        suggestions = words.suggestions(match)
        quoted = " or ".join(f"“{s}”" for s in suggestions)
        return Hit(
            f"Try {quoted} instead of “{match.text}”. Words like this define people by an "
            "illness or cast them as victims; putting the person first is kinder.",
            sentence.block,
            match.start,
            match.end,
            suggestions=suggestions,
        )


def _as_noun(token: Token) -> bool:
    """A word used as a noun, not describing one ("a diabetic diet", "the disabled toilet")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "epileptics and diabetics": the first of the list decides
    if token.dep_ in ("amod", "compound", "acomp", "nmod"):
        return False
    return token.pos_ in ("NOUN", "PROPN") or token.dep_ in _NOUN_PLACES
