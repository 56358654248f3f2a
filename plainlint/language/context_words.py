"""Word lists that say what a sentence is about (the body, figures, research).

Rules use them to leave words alone where they are needed: "women" in a
sentence about breast screening, "patients" in a sentence about a study. A
sentence's context is the sentence itself, a few sentences either side, and
(where a rule wants) the headings it sits under.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from plainlint.documents.model import BlockKind
from plainlint.language.page import Sentence

# A number, starting at its first digit: "1", "4,724", "3.5", "75%".
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*")
# The words (or a per cent sign) after a number.
_AFTER_NUMBER = re.compile(r"%|[^\W\d][\w'’-]*")


class ContextWords:
    """A list of words and phrases, matched as whole words in any case.

    A trailing `*` matches any ending: "ovar*" finds "ovary" and "ovarian".
    """

    def __init__(self, words: Iterable[str], figure_words: Iterable[str] | None = None) -> None:
        """`figure_words`: when given, a number counts too if one of these words is among
        the two after it ("200 women", "1 in 8", "75 percent"), but not a time, a date
        or a phone number ("for 6 weeks", "3 May", "0300 123 4567")."""
        # Words that start with a letter or digit share one test that no word
        # character comes before, made once per place, not once per word.
        # A first look at the next character skips most places quickly.
        words_parts: list[str] = []
        other_parts: list[str] = []
        firsts: set[str] = set()
        for word in sorted({str(word) for word in words}, key=len, reverse=True):
            stem = word.rstrip("*")
            pattern = r"\s+".join(
                "".join("['’]" if char in "'’" else re.escape(char) for char in part)
                for part in stem.split()
            )
            if word.endswith("*"):
                pattern += r"[\w'’-]*"
            elif stem[-1:].isalnum():
                pattern += r"(?!\w)"
            if stem[:1].isalnum():
                words_parts.append(pattern)
                firsts.add(stem[:1])
            else:
                other_parts.append(pattern)
        parts = other_parts
        if words_parts:
            first = "[" + "".join(re.escape(char) for char in sorted(firsts)) + "]"
            parts = [rf"(?={first})(?<![\w-])(?:{'|'.join(words_parts)})", *other_parts]
        self._pattern = re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)
        self._figure_words = (
            None if figure_words is None else frozenset(w.lower() for w in figure_words)
        )

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Every listed word or phrase in text[start:end], longest first where two overlap."""
        return self._pattern.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str) -> str | None:
        """The first listed word in the text (or a figure, when figures count), else None."""
        found = self._pattern.search(text)
        if found:
            return found.group()
        if self._figure_words is not None:
            for number in _NUMBER.finditer(text):
                after = _AFTER_NUMBER.findall(text, number.end(), number.end() + 40)[:2]
                if any(word.lower() in self._figure_words for word in after):
                    return number.group()
        return None


class Surroundings:
    """The context of each sentence on a page: itself, its neighbours and its headings."""

    def __init__(self, sentences: Sequence[Sentence], around: int, headings: bool = False) -> None:
        self.sentences = sentences
        self.around = around
        self.headings = headings

    def texts(self, index: int) -> list[str]:
        """The texts to read for the sentence at `index`, nearest first.

        Neighbours come from the same section: a new heading starts a new subject.
        """
        sentence = self.sentences[index]
        found = [sentence.text]
        for distance in range(1, self.around + 1):
            for other in (index - distance, index + distance):
                if 0 <= other < len(self.sentences):
                    neighbour = self.sentences[other]
                    if section(neighbour) == section(sentence):
                        found.append(neighbour.text)
        if self.headings:
            found.extend(self.sentences[index].block.sections)
        return found

    def mentions(self, index: int, *lists: ContextWords) -> str | None:
        """The first word from any of the lists in the sentence's context, else None."""
        for text in self.texts(index):
            for words in lists:
                found = words.search(text)
                if found:
                    return found
        return None


def section(sentence: Sentence) -> tuple[str, ...]:
    """The headings a sentence belongs under; a heading belongs to its own section."""
    block = sentence.block
    if block.kind is BlockKind.HEADING:
        return (*block.sections, block.text)
    return block.sections
