"""Guideline: make sure important points are clear."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from plainlint.documents.model import Block, BlockKind
from plainlint.findings import Severity
from plainlint.language.context_words import ContextWords
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import WORD
from plainlint.rules.base import Hit, Option, Rule

# Blocks where a key point already stands out.
_STANDS_OUT = frozenset({BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.IMAGE})
# Where a command can start: the sentence, or after a comma, a colon or a dash.
_CLAUSES = re.compile(r"[,;:–—]\s*")


class KeyPoint(Rule):
    """An urgent action or warning buried in a long sentence or the middle of a paragraph."""

    id = "key-point"
    summary = "An important action or warning sits where readers may miss it."
    why = (
        "Readers skim. An instruction like “call 999” in the middle of a long sentence or "
        "paragraph is easy to miss, and missing it can be dangerous."
    )
    fix = (
        "Put it first, in a short sentence of its own, in a list or in bold: "
        "“Call 999 if you have chest pain.”"
    )
    flags = (
        "After the operation you will stay on the ward for a few days while the team "
        "checks your wound, and if you have chest pain or trouble breathing you should "
        "call 999.",
    )
    passes = (
        "Call 999 if you have chest pain or trouble breathing.",
        "- Call 999 if you have chest pain.",
        "Most people recover well. **If you have chest pain, call 999.**",
        "Emergency surgery is rarely needed.",
    )
    default_severity = Severity.WARNING
    options = {
        "phrases": Option("list", "actions that must stand out (“call 999”)"),
        "urgent_words": Option(
            "list",
            "words that make a sentence urgent when it also tells the reader what to do "
            "(“straight away”)",
        ),
        "command_words": Option(
            "list", "words that start a command to the reader (“ring”, “call”, “stop”)"
        ),
        "max_position": Option(
            "int", "in a long sentence, the key phrase must start within this many words", 1
        ),
        "long_sentence_words": Option("int", "a sentence of more words than this is long", 1),
        "long_paragraph_sentences": Option(
            "int", "a paragraph of this many sentences or more hides its middle sentences", 3
        ),
    }
    parses = True

    @cached_property
    def _phrases(self) -> ContextWords:
        return ContextWords(self.settings["phrases"])

    @cached_property
    def _urgent(self) -> ContextWords:
        return ContextWords(self.settings["urgent_words"])

    def check(self, page: Page) -> Iterator[Hit]:
        for analysed in page.blocks:
            block = analysed.block
            if block.kind in _STANDS_OUT:
                continue
            sentences = analysed.sentences
            for index, sentence in enumerate(sentences):
                match = self._key_phrase(sentence)
                if match is None:
                    continue
                where = self._buried(sentences, index, match[0])
                if where and (not match[2] or self._tells_reader(page, sentence)):
                    start, end, _ = match
                    yield Hit(
                        f"“{' '.join(block.text[start:end].split())}” {where}, where readers "
                        "may miss it. Put it first, in a short sentence of its own, or in bold.",
                        block,
                        start,
                        end,
                    )

    def _key_phrase(self, sentence: Sentence) -> tuple[int, int, bool] | None:
        """The first key phrase in the sentence that is not quoted or already in bold, and
        whether it is an urgent word (which counts only when the sentence gives a command)."""
        block = sentence.block
        for words, urgent in ((self._phrases, False), (self._urgent, True)):
            for match in words.finditer(block.text, sentence.start, sentence.end):
                start, end = match.span()
                if not block.is_protected(start, end) and not _in_bold(block, start, end):
                    return start, end, urgent
        return None

    def _tells_reader(self, page: Page, sentence: Sentence) -> bool:
        """True when the sentence tells the reader to act: "ring the ward", "you should call us".

        "You can eat straight away" and "an emergency contact" tell nobody to act.
        """
        if self._starts_with_command(sentence.text):
            return True
        commands = self.word_set("command_words")
        if commands.isdisjoint(word.lower() for word in WORD.findall(sentence.text)):
            return False
        return any(
            token.pos_ == "VERB" and token.lower_ in commands for token in page.parse(sentence)
        )

    def _starts_with_command(self, text: str) -> bool:
        """True when a clause starts with a command word: "If it bleeds, ring the ward"."""
        commands = self.word_set("command_words")
        clauses = (clause.split() for clause in _CLAUSES.split(text))
        return any(words[0].lower() in commands for words in clauses if words)

    def _buried(self, sentences: list[Sentence], index: int, start: int) -> str:
        """Where the phrase sits ("sits in the middle of a paragraph of 6 sentences"), or ""."""
        sentence = sentences[index]
        before = sum(1 for _, end in sentence.words if end <= start)
        if (
            len(sentence.words) > self.settings["long_sentence_words"]
            and before >= self.settings["max_position"]
        ):
            return f"starts at word {before + 1} of a {len(sentence.words)}-word sentence"
        if (
            sentence.block.kind is not BlockKind.TABLE_CELL  # a table cell is not a paragraph
            and len(sentences) >= self.settings["long_paragraph_sentences"]
            and index > 0
        ):
            where = "at the end" if index == len(sentences) - 1 else "in the middle"
            return f"sits {where} of a paragraph of {len(sentences)} sentences"
        return ""


def _in_bold(block: Block, start: int, end: int) -> bool:
    """True when bold text holds the whole span."""
    return any(s <= start and end <= e for s, e in block.strong)
