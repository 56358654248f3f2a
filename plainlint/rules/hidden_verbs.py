"""Guideline: use plain English. Use the verb, not a noun made from it."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.language.phrase_list import WORD, PhraseList, quoted, same_case
from plainlint.rules.base import Hit, Option, Rule, word_fix


class HiddenVerb(Rule):
    """A verb turned into a noun: “make a decision” for “decide”."""

    id = "hidden-verb"
    summary = "A noun hides a verb: “make a decision” instead of “decide”."
    why = (
        "The verb itself is shorter and more direct. Phrases built around nouns make "
        "sentences longer and harder to follow."
    )
    fix = "Use the verb: “decide” instead of “make a decision”, “examine” instead of “carry out an examination of”."
    flags = (
        "You can make a decision about surgery later.",
        "The doctor will carry out an examination of your chest.",
        "We will give consideration to your request.",
        "The provision of care at home is free.",
    )
    fix_kind = "needs review"
    fix_when = (
        "The fix writes the verb instead of the phrase (“decide” for “make a decision”). A "
        "person should check the tense and the words around it."
    )
    passes = (
        "You can decide about surgery later.",
        "The doctor will examine your chest.",
        "You will have an operation.",
        "The form says “make a decision”.",
    )
    default_severity = Severity.INFO
    options = {
        "phrases": Option("words", "phrases that start with a verb, each with the verb it hides"),
        "noun_phrases": Option("words", "noun phrases found as written, each with a verb form"),
        "compound_words": Option(
            "list", "words after the noun that make it part of a name (“a decision aid”)"
        ),
    }

    @cached_property
    def _verb_phrases(self) -> PhraseList:
        return PhraseList(self.settings["phrases"], inflect="verb")

    @cached_property
    def _noun_phrases(self) -> PhraseList:
        return PhraseList(self.settings["noun_phrases"], inflect="none")

    def _in_compound(self, text: str, end: int) -> bool:
        """True when the noun starts a longer name: "a decision aid", "a payment plan"."""
        following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        return following is not None and following.group().lower() in self.word_set(
            "compound_words"
        )

    def check(self, page: Page) -> Iterator[Hit]:
        for analysed in page.blocks:
            block = analysed.block
            if block.kind in (BlockKind.HEADING, BlockKind.IMAGE) or block.is_reference:
                continue  # "Making decisions" is a fine label for a part of a page
            for words in (self._verb_phrases, self._noun_phrases):
                for match in words.find(block.text):
                    if block.is_protected(match.start, match.end) or self._in_compound(
                        block.text, match.end
                    ):
                        continue
                    if words is self._verb_phrases:
                        before = words.words_before(block.text, match.start)
                        suggestions = words.suggestions(match, before)
                    else:
                        suggestions = tuple(same_case(match.text, a) for a in match.alternatives)
                    yield Hit(
                        f"“{' '.join(match.text.split())}” hides the verb in a noun. Try "
                        f"{quoted(suggestions)}.",
                        block,
                        match.start,
                        match.end,
                        suggestions=suggestions,
                        fix=word_fix(page, block, match.start, match.end, suggestions, False),
                    )
