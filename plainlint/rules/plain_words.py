"""Guideline: use plain English words."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator, Sequence

from plainlint.findings import Severity
from plainlint.inflection import forms, inflect_phrase
from plainlint.page import Page
from plainlint.rules.base import Hit, Option, Rule

# A listed form: its words, its plainer alternatives, and which inflections it is.
Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
# Patient information is often passive ("is given"): the participle comes first.
_SUGGESTION_ORDER = ("", "en", "ed", "s", "ing")


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
    def _index(self) -> dict[str, list[Entry]]:
        """First word of every form -> (all its words, alternatives, form kinds), longest first.

        A form can be more than one kind: "administered" is both the past tense
        ("gave") and the participle ("is given"), so both are suggested.
        """
        found: dict[tuple[str, ...], tuple[tuple[str, ...], list[str]]] = {}
        for phrase, alternatives in self.settings["words"].items():
            choices = (alternatives,) if isinstance(alternatives, str) else tuple(alternatives)
            for kind, form in forms(phrase.lower()).items():
                words = tuple(form.split())
                if words not in found:
                    found[words] = (choices, [])
                if found[words][0] == choices and kind not in found[words][1]:
                    found[words][1].append(kind)
        index: dict[str, list[Entry]] = {}
        for words, (choices, kinds) in found.items():
            ordered = tuple(sorted(kinds, key=_SUGGESTION_ORDER.index))
            index.setdefault(words[0], []).append((words, choices, ordered))
        for entries in index.values():
            entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        return index

    def check(self, page: Page) -> Iterator[Hit]:
        index = self._index
        for analysed in page.blocks:
            block = analysed.block
            text = block.text
            chunks = list(_WORD.finditer(text))
            lowered = [chunk.group().lower() for chunk in chunks]
            i = 0
            while i < len(chunks):
                match = _longest_match(index.get(lowered[i], ()), lowered, chunks, text, i)
                if match is None:
                    i += 1
                    continue
                length, choices, kinds = match
                start, end = chunks[i].start(), chunks[i + length - 1].end()
                i += length
                matched = text[start:end]
                if block.is_protected(start, end) or (length == 1 and _is_acronym(matched)):
                    continue
                suggestions = tuple(
                    dict.fromkeys(
                        _same_case(matched, inflect_phrase(choice, kind))
                        for choice in choices
                        for kind in kinds
                    )
                )
                quoted = " or ".join(f"“{s}”" for s in suggestions)
                yield Hit(
                    f"Try {quoted} instead of “{matched}”. Plain words are quicker to read "
                    "and easier to understand.",
                    block,
                    start,
                    end,
                    suggestions=suggestions,
                )


# A word as the list sees it: letters and digits joined by hyphens or apostrophes,
# so "follow-up" and "patient's" are single words that never match "follow" or "patient".
_WORD = re.compile(r"[\w'’-]+")


def _longest_match(
    candidates: Sequence[Entry],
    lowered: list[str],
    chunks: list[re.Match[str]],
    text: str,
    i: int,
) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
    """The longest listed phrase starting at word i, its words separated by white space only."""
    for words, choices, kinds in candidates:
        n = len(words)
        if i + n > len(chunks) or tuple(lowered[i : i + n]) != words:
            continue
        gaps = (text[chunks[k].end() : chunks[k + 1].start()] for k in range(i, i + n - 1))
        if all(not gap.strip() for gap in gaps):
            return n, choices, kinds
    return None


def _is_acronym(word: str) -> bool:
    """A single word in capitals is a name ("the SELECT trial"), not a word choice."""
    return len(word) > 1 and word.isupper()


def _same_case(original: str, replacement: str) -> str:
    """Capitalise the replacement when the original starts a sentence."""
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
