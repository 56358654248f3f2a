"""Guideline: structure the information clearly. Lists beat long runs of items."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.page import Page, Sentence
from plainlint.rules.base import Hit, Option, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Running text where a list could go (not headings, list items already, or tables).
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.BLOCK_QUOTE})
# A quick test before parsing: two commas or semicolons, then "and" or "or" after the last.
_SERIES = re.compile(r"[,;][^,;]*[,;][^,;]*\b(?:and|or)\b", re.IGNORECASE)
# Items that are names or numbers: a list of authors, dates or figures, not of things to do.
_NOT_ITEMS = frozenset({"PROPN", "NUM", "ADJ", "ADV", "X", "SYM", "PUNCT"})


def _series(token: Token) -> list[Token]:
    """The token and every item joined to it by "and", "or" or commas."""
    items, stack = [], [token]
    while stack:
        item = stack.pop()
        items.append(item)
        stack.extend(child for child in item.children if child.dep_ == "conj")
    return sorted(items, key=lambda t: t.i)


def _counted(doc: Doc, items: list[Token]) -> int:
    """How many items a reader sees: "a, b, c and d" is 4, "a or b, c and d" is 3.

    The parser joins nested pairs into one run ("thinking and memory, mood, and
    sleep"), so only items set apart by a comma, or by the last "and", count.
    """
    gaps = [doc[a.i + 1 : b.i].text for a, b in zip(items, items[1:])]
    return 1 + sum(
        1 for n, gap in enumerate(gaps) if n == len(gaps) - 1 or any(mark in gap for mark in ",;")
    )


class ListCandidate(Rule):
    """Several items or steps run together in one sentence."""

    id = "list-candidate"
    summary = "A sentence runs several items or steps together."
    why = (
        "A list is quicker to scan than a long sentence of items, and numbered steps "
        "are easier to follow than “first …, then …, finally …”."
    )
    fix = "Put the items in a bulleted list, or the steps in a numbered list."
    flags = (
        "Bring your glasses, your medicines, a dressing gown, slippers and a book.",
        "First wash your hands, then dry them, and finally put on the gloves.",
    )
    passes = (
        "Bring your medicines and a dressing gown.",
        "Smith, Jones, Brown and Patel wrote the study.",
        "- Bring your glasses, your medicines, a dressing gown and slippers.",
    )
    default_severity = Severity.INFO
    options = {
        "min_items": Option("int", "items in one sentence that make a list", minimum=2),
        "first_words": Option("list", "words that start a run of steps (“first”)"),
        "step_words": Option("list", "words that go on with the steps (“then”, “finally”)"),
        "min_steps": Option("int", "step words that make a numbered list", minimum=2),
    }
    parses = True

    @cached_property
    def _steps(self) -> re.Pattern[str]:
        words = sorted({*self.settings["first_words"], *self.settings["step_words"]}, key=len)
        body = "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in reversed(words))
        return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)

    def check(self, page: Page) -> Iterator[Hit]:
        candidates = []
        for analysed in page.blocks:
            if analysed.block.kind not in _PROSE or analysed.block.is_reference:
                continue
            yield from self._steps_across(analysed.sentences)
            for sentence in analysed.sentences:
                steps = self._steps_in(sentence)
                if steps:
                    yield steps
                elif _SERIES.search(sentence.text):
                    candidates.append(sentence)
        page.parse_all(candidates)
        for sentence in candidates:
            hit = self._items_in(page, sentence)
            if hit:
                yield hit

    def _step_words(self, sentence: Sentence) -> list[re.Match[str]]:
        return [
            m
            for m in self._steps.finditer(sentence.block.text, sentence.start, sentence.end)
            if not sentence.block.is_protected(*m.span())
        ]

    def _steps_in(self, sentence: Sentence) -> Hit | None:
        """Steps in one sentence: "first …, then …, finally …"."""
        found = self._step_words(sentence)
        firsts = self.word_set("first_words")
        while found and " ".join(found[0].group().lower().split()) not in firsts:
            found.pop(0)
        if len(found) < self.settings["min_steps"]:
            return None
        return Hit(
            f"This sentence has {len(found)} steps in a row (“{found[0].group()} …, "
            f"{found[-1].group()} …”). Numbered steps are easier to follow: put each step "
            "on a line of its own in a numbered list.",
            sentence.block,
            found[0].start(),
            sentence.end,
        )

    def _steps_across(self, sentences: list[Sentence]) -> Iterator[Hit]:
        """Steps as sentences in a paragraph: "First, … Then, … Finally, …"."""
        run: list[Sentence] = []
        for sentence in [*sentences, None]:
            found = self._step_words(sentence) if sentence else []
            if sentence and found and found[0].start() == sentence.start:
                run.append(sentence)
                continue
            if len(run) >= self.settings["min_steps"] and not self._steps_in(run[0]):
                yield Hit(
                    f"These {len(run)} sentences are steps in order. Numbered steps are "
                    "easier to follow: put each step on a line of its own in a numbered list.",
                    run[0].block,
                    run[0].start,
                    run[0].end,
                )
            run = []

    def _items_in(self, page: Page, sentence: Sentence) -> Hit | None:
        """Four or more items joined by commas and "and" or "or"."""
        doc = page.parse(sentence)
        for token in doc:
            if token.dep_ == "conj":
                continue
            items = _series(token)
            if _counted(doc, items) < self.settings["min_items"]:
                continue
            if all(item.pos_ in _NOT_ITEMS for item in items):
                continue
            start = sentence.span_of(items[0].left_edge)[0]
            end = sentence.span_of(items[-1].right_edge)[1]
            if sentence.block.is_protected(start, end):
                continue
            return Hit(
                f"This sentence runs {len(items)} items together. A list is quicker to scan: "
                "put each item on a line of its own in a bulleted list.",
                sentence.block,
                start,
                end,
            )
        return None
