"""Guideline: structure the information clearly. Keep paragraphs short."""

from __future__ import annotations

from typing import Iterator

from plainlint.documents.model import RUNNING_TEXT
from plainlint.findings import Severity
from plainlint.language.page import Page, Sentence
from plainlint.rules.base import Hit, Option, Rule

# Three sentences, 105 words: long by words, not by sentences.
_LONG_SENTENCES = (
    "On the morning of your operation you can have a light breakfast before 6 o'clock "
    "and drink water until 2 hours before you are due to arrive at the ward. "
    "Bring your medicines in their boxes, your glasses, a dressing gown, slippers and "
    "something to read, because you may wait a few hours before you go to theatre. "
    "A nurse will check your details, measure your blood pressure, ask about any "
    "allergies and help you change into a gown before the anaesthetist comes to see "
    "you and explain what happens next, including how you will feel when you wake up "
    "and who will be there."
)


def _where_to_split(sentences: list[Sentence]) -> str:
    """Suggest a new paragraph at the sentence nearest the middle, by words."""
    total = sum(len(s.words) for s in sentences)
    before, best, best_distance = 0, None, total
    for previous, sentence in zip(sentences, sentences[1:]):
        before += len(previous.words)
        distance = abs(total - 2 * before)
        if distance < best_distance:
            best, best_distance = sentence, distance
    if best is None:
        return "Split it so each part has one idea, or use a list."
    opening = " ".join(best.text.split()[:4])
    return f"Try a new paragraph at “{opening} …”, or use a list."


class LongParagraph(Rule):
    """A paragraph with too many sentences or words."""

    id = "long-paragraph"
    summary = "A paragraph is too long."
    why = (
        "Long paragraphs look hard to read, and readers skip them. Short paragraphs "
        "with one idea each are easier to scan on a screen and on paper."
    )
    fix = "Split the paragraph so each part has one idea, or turn part of it into a list."
    flags = (
        "You will have a scan. It takes 20 minutes. A nurse will help you. "
        "You lie on a bed. The bed moves slowly. You can go home after.",
        _LONG_SENTENCES,
    )
    passes = (
        "You will have a scan. It takes 20 minutes. A nurse will help you. "
        "You lie on a bed. You can go home after.",
        "You will have a scan.\n\nIt takes 20 minutes. A nurse will help you. "
        "You lie on a bed. The bed moves slowly. You can go home after.",
        "| Before | After |\n| --- | --- |\n| " + _LONG_SENTENCES + " | Rest. |",
    )
    default_severity = Severity.WARNING
    options = {
        "max_sentences": Option("int", "most sentences in one paragraph", minimum=1),
        "max_words": Option("int", "most words in one paragraph", minimum=1),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        most_sentences = self.settings["max_sentences"]
        most_words = self.settings["max_words"]
        for analysed in page.blocks:
            sentences = analysed.sentences
            block = analysed.block
            if block.kind not in RUNNING_TEXT or len(sentences) < 2 or block.is_reference:
                continue
            count, words = len(sentences), analysed.words
            if count <= most_sentences and words <= most_words:
                continue
            limits = []
            if count > most_sentences:
                limits.append(f"{count} sentences (the limit is {most_sentences})")
            if words > most_words:
                limits.append(f"{words} words (the limit is {most_words})")
            first = sentences[0]
            yield Hit(
                f"This paragraph has {' and '.join(limits)}. {_where_to_split(sentences)}",
                analysed.block,
                first.start,
                first.end,
            )
