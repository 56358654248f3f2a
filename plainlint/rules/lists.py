"""Guideline: structure the information clearly. Lists beat long runs of items."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.language.context_words import ContextWords
from plainlint.language.inflection import grammar_words
from plainlint.language.page import AnalysedBlock, Page, Sentence
from plainlint.language.phrase_list import WORD, word_tuples
from plainlint.rules.base import Hit, Option, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Running text where a list could go (not headings, list items already, or tables).
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.BLOCK_QUOTE})
# A quick test before parsing: "and" or "or" after the last comma or semicolon.
_LAST_JOINER = re.compile(r"[,;][^,;]*\b(?:and|or)\b", re.IGNORECASE)


# Parts of speech a short item may hold: "your sore throat", "drinking green tea".
_ITEM_PARTS = frozenset(
    {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART", "CCONJ", "ADV", "ADP", "X", "SYM"}
)
# An item needs one of these: a thing, a quality, a number or an activity.
_ITEM_HEADS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB", "X"})
_MAX_ITEM_WORDS = 5
# Words that start a clause about the word before: "which", "who", "whose".
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
# Letters after a name: "M.D.", "Ph.D.", "M.R.C.P.".
_CREDENTIAL = re.compile(r"(?:[A-Z][a-z]{0,2}\.){2,}")
_SEPARATORS = frozenset({",", ";"})
Introducers = tuple[tuple[str, ...], ...]
_JOINERS = frozenset({"and", "or"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def _fits(token: Token, verbs: bool = False) -> bool:
    """True for a word that can be part of a short item ("drinking" in "drinking tea").

    With `verbs`, the items are actions ("eat, drink, walk and talk"), so verbs fit too.
    """
    if token.tag_ in _RELATIVE:
        return False  # "…, which was funded by …" starts a clause, not an item
    return token.pos_ in _ITEM_PARTS or token.tag_ == "VBG" or (verbs and token.pos_ == "VERB")


def _item(tokens: list[Token]) -> bool:
    """True for words that can be one item: short, and naming a thing, a quality or an act."""
    return 0 < len(tokens) <= _MAX_ITEM_WORDS and any(t.pos_ in _ITEM_HEADS for t in tokens)


def _leading(tokens: list[Token], verbs: bool) -> list[Token]:
    """The words at the start that can make the last item ("slippers" in "slippers are …").

    It ends before a preposition: "walk and talk after the operation" ends at "talk".
    """
    taken = []
    for token in tokens:
        if not _fits(token, verbs) or token.lower_ in _JOINERS or token.pos_ == "ADP":
            break
        taken.append(token)
    return taken


def _introduced(segment: list[Token], introducers: Introducers) -> int:
    """How many words at the start of a segment introduce examples ("such as"), or 0."""
    words = tuple(token.lower_ for token in segment[:3])
    return next((len(p) for p in introducers if words[: len(p)] == p), 0)


def _series(doc: Doc, introducers: Introducers) -> Iterator[list[list[Token]]]:
    """Runs of short items joined by commas and a last "and" or "or": "a, b, c and d".

    Read from the words and their parts of speech, not from the parse tree: the
    small model often hangs list items on different words. Words such as
    "such as" start the run again: "the body, such as the liver, lung or bone"
    lists 3 things, not 4.
    """
    starts = {phrase[0] for phrase in introducers}
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        if tokens[i].text not in _SEPARATORS:
            i += 1
            continue
        verbs = i + 1 < len(tokens) and tokens[i + 1].tag_ == "VB"  # "eat, drink, walk"
        first: list[Token] = []
        for back in range(i - 1, -1, -1):
            token = tokens[back]
            if (
                not _fits(token, verbs)
                or token.pos_ == "ADP"
                or token.lower_ in starts
                or len(first) == _MAX_ITEM_WORDS
            ):
                break  # the first item starts after "in", "of", "with" or "including"
            if verbs and first and first[0].pos_ == "VERB":
                break  # "You can eat, drink": the item is the verb, not "can eat"
            first.insert(0, token)
        items, j, finished = [first], i, False
        while _item(first):
            k = j + 1
            while (
                k < len(tokens)
                and tokens[k].text not in _SEPARATORS
                and (_fits(tokens[k]) or tokens[k].tag_.startswith("VB") or tokens[k].pos_ == "AUX")
            ):
                k += 1
            segment = tokens[j + 1 : k]
            skip = _introduced(segment, introducers)
            if skip:  # ", including the brain, bones, …": the run starts again here
                items, segment = [], segment[skip:]
            if segment and segment[0].lower_ in _JOINERS:  # ", and slippers"
                last = _leading(segment[1:], verbs)
                finished = _item(last)
                items.append(last)
                break
            joiner = next((n for n, t in enumerate(segment) if t.lower_ in _JOINERS), None)
            ends = k >= len(tokens) or tokens[k].text not in _SEPARATORS
            if joiner is not None and ends:  # ", a cough or a sore throat."
                before, after = segment[:joiner], _leading(segment[joiner + 1 :], verbs)
                finished = _item(before) and _item(after)
                items += [before, after]
                break
            if ends or not _item(segment) or not all(_fits(t, verbs) for t in segment):
                break
            items.append(segment)
            j = k
        if finished:
            yield items
            i = items[-1][-1].i + 1
        else:
            i = max(i, j) + 1  # a run starting inside this one stops at the same place


def _after_determiner(text: str, start: int) -> bool:
    """True for "the first time", "your next visit": a step word used as an ordinary word."""
    before = WORD.findall(text, max(0, start - 16), start)
    return bool(before) and before[-1].lower() in grammar_words()["determiners"]


def _lower(match: re.Match[str]) -> str:
    """The matched words in lower case with single spaces."""
    return " ".join(match.group().lower().split())


def _names_or_numbers(items: list[list[Token]]) -> bool:
    """True for a run of names, numbers or dates, not of things to bring or look out for."""
    if any(_CREDENTIAL.fullmatch(token.text) for item in items for token in item):
        return True  # "Madeleine Hewish, M.R.C.P., and David Cunningham"
    names = sum(1 for item in items if item[-1].pos_ == "PROPN")
    if names * 2 > len(items):
        return True  # "Jesus San Miguel, MD, of Salamanca, Spain, and his colleagues"
    return all(
        item[-1].pos_ == "PROPN"
        or any(t.pos_ == "NUM" or t.like_num or _ORDINAL.fullmatch(t.text) for t in item)
        for item in items
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
        "introducers": Option(
            "list", "words that introduce examples and start a run of items (“such as”)"
        ),
        "first_words": Option("list", "words that start a run of steps (“first”)"),
        "step_words": Option("list", "words that go on with the steps (“then”, “finally”)"),
        "min_steps": Option("int", "step words that make a numbered list", minimum=2),
    }
    parses = True

    @cached_property
    def _introducers(self) -> Introducers:
        return word_tuples(self.settings["introducers"])

    @cached_property
    def _steps(self) -> ContextWords:
        return ContextWords([*self.settings["first_words"], *self.settings["step_words"]])

    def check(self, page: Page) -> Iterator[Hit]:
        for analysed in self._prose(page):
            yield from self._steps_across(analysed.sentences)
            for sentence in analysed.sentences:
                steps = self._steps_of(page, sentence)
                if steps:
                    yield steps
        candidates = self.candidates(page)
        page.parse_all(candidates)
        for sentence in candidates:
            hit = self._items_in(page, sentence)
            if hit:
                yield hit

    def to_parse(self, page: Page) -> list[Sentence]:
        """Sentences that may run items together and are not already steps."""
        return [
            sentence
            for analysed in self._prose(page)
            for sentence in analysed.sentences
            if self._may_list(sentence.text) and not self._steps_of(page, sentence)
        ]

    def _steps_of(self, page: Page, sentence: Sentence) -> Hit | None:
        """`_steps_in`, worked out once per sentence: `check` and `to_parse` both ask."""
        found: dict[tuple[int, int], Hit | None] = page.memo.setdefault(f"{self.id}: steps", {})
        key = (id(sentence.block), sentence.start)
        if key not in found:
            found[key] = self._steps_in(sentence)
        return found[key]

    @staticmethod
    def _prose(page: Page) -> Iterator[AnalysedBlock]:
        """Blocks of running text that are not references to published works."""
        for analysed in page.blocks:
            if analysed.block.kind in _PROSE and not analysed.block.is_reference:
                yield analysed

    def _may_list(self, text: str) -> bool:
        """Enough commas for the items ("a, b, c and d" has 2), and a last "and" or "or"."""
        commas = text.count(",") + text.count(";")
        return commas >= max(self.settings["min_items"] - 2, 1) and bool(_LAST_JOINER.search(text))

    def _step_words(self, sentence: Sentence) -> list[re.Match[str]]:
        text = sentence.block.text
        return [
            m
            for m in self._steps.finditer(text, sentence.start, sentence.end)
            if not sentence.block.is_protected(*m.span()) and not _after_determiner(text, m.start())
        ]

    def _steps_in(self, sentence: Sentence) -> Hit | None:
        """Steps in one sentence: "first …, then …, finally …"."""
        found = self._step_words(sentence)
        firsts = self.word_set("first_words")
        if found and found[0].start() == sentence.start and _lower(found[0]) not in firsts:
            found.pop(0)  # "After that, …" links to the sentence before: not a step here
        if len(found) < self.settings["min_steps"]:
            return None
        return Hit(
            f"This sentence has {len(found)} steps in a row (“{found[0].group()} …, "
            f"{found[-1].group()} …”). Put each step on a line of its own in a numbered list.",
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
                    f"These {len(run)} sentences are steps in order. Put each step on a line "
                    "of its own in a numbered list.",
                    run[0].block,
                    run[0].start,
                    run[0].end,
                )
            run = []

    def _items_in(self, page: Page, sentence: Sentence) -> Hit | None:
        """`min_items` or more items joined by commas and a last "and" or "or"."""
        for items in _series(page.parse(sentence), self._introducers):
            if len(items) < self.settings["min_items"] or _names_or_numbers(items):
                continue
            start = sentence.span_of(items[0][0])[0]
            end = sentence.span_of(items[-1][-1])[1]
            if sentence.block.is_protected(start, end):
                continue
            first, last = (" ".join(t.text for t in item) for item in (items[0], items[-1]))
            return Hit(
                f"This sentence runs {len(items)} items together. Put each, from “{first}” "
                f"to “{last}”, on a line of its own in a bulleted list.",
                sentence.block,
                start,
                end,
            )
        return None
