"""A document after language analysis: its blocks split into sentences and words."""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Iterator

from plainlint.documents.model import Block, BlockKind, Document
from plainlint.findings import Metrics
from plainlint.language.inflection import grammar_words
from plainlint.language.readability import measure
from plainlint.language.rewriting import prefers_curly
from plainlint.language.words import word_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainlint.language.model import Analyser

# spaCy's memory grows with document length: split longer blocks at a space.
MAX_PIECE = 50_000
# Marks that can end a sentence, and white space other than a space.
_SENTENCE_MARK = re.compile(r"[.!?…]")
_OTHER_SPACE = re.compile(r"[^\S ]")
# What may close a sentence after its last word: "(see page 4.)", "“Ask.”", "**Rest.**".
_AT_THE_END = " .!?…\"”'’)]*_"
# A plain break between sentences: a lower-case word, its mark, one space, a capital.
_PLAIN_BREAK = re.compile(r"(?<=[a-z]{3}[.!?]) (?=[A-Z][a-z])")
_ASCII_LETTERS = frozenset(string.ascii_letters)


@dataclass
class Sentence:
    """A sentence inside one block; `start` and `end` index the block's text."""

    block: Block
    start: int
    end: int
    words: list[tuple[int, int]]

    @property
    def text(self) -> str:
        """The sentence's prose."""
        return self.block.text[self.start : self.end]

    def span_of(self, token: Token) -> tuple[int, int]:
        """Block offsets of a token from this sentence's parse."""
        start = self.start + token.idx
        return start, start + len(token.text)


@dataclass
class AnalysedBlock:
    """A block with its sentences."""

    block: Block
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def words(self) -> int:
        """How many words the block's sentences hold."""
        return sum(len(sentence.words) for sentence in self.sentences)


@dataclass
class Page:
    """What rules read: the document, its analysed blocks and its metrics."""

    document: Document
    blocks: list[AnalysedBlock]
    metrics: Metrics
    analyser: Analyser | None = None
    memo: dict[str, Any] = field(default_factory=dict)  # what a rule worked out, for `measure`
    _parses: dict[tuple[int, int, int], Doc] = field(default_factory=dict, repr=False)

    @property
    def curly(self) -> bool:
        """True when the page writes ’ more often than ', so new words use it too."""
        if "curly apostrophes" not in self.memo:
            self.memo["curly apostrophes"] = prefers_curly([a.block.text for a in self.blocks])
        return bool(self.memo["curly apostrophes"])

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence on the page, in order."""
        for analysed in self.blocks:
            yield from analysed.sentences

    def parse(self, sentence: Sentence) -> Doc:
        """The sentence tagged and parsed (once, however many rules ask).

        Parsing is slow, so rules parse only sentences a cheaper test picked out.
        Token offsets count from the sentence start: see `Sentence.span_of`.
        """
        self.parse_all([sentence])
        return self._parses[_key(sentence)]

    def keep_parse(self, sentence: Sentence, doc: Doc) -> None:
        """Keep a parse made ahead, in a batch with other pages' sentences."""
        self._parses[_key(sentence)] = doc

    def parse_all(self, sentences: list[Sentence]) -> None:
        """Parse several sentences in one batch, which is quicker than one at a time."""
        wanted = {_key(s): s for s in sentences if _key(s) not in self._parses}
        if not wanted:
            return
        if self.analyser is None:
            raise RuntimeError("a rule that parses must set `parses = True`")
        docs = self.analyser.parse([s.text for s in wanted.values()])
        self._parses.update(zip(wanted, docs))


def _key(sentence: Sentence) -> tuple[int, int, int]:
    return (id(sentence.block), sentence.start, sentence.end)


def analyse(document: Document, analyser: Analyser | None) -> Page:
    """Split every block into sentences with spaCy and measure the prose.

    `analyser` may be None only for a document with no prose at all.
    """
    return analyse_many([document], analyser)[0]


def analyse_many(documents: list[Document], analyser: Analyser | None) -> list[Page]:
    """`analyse` for several documents: their blocks go through the model in one
    stream, which is quicker than one document at a time."""
    analysed = [[AnalysedBlock(block) for block in document.blocks] for document in documents]
    pieces = [
        (item, offset, text)
        for blocks in analysed
        for item in blocks
        for offset, text in _pieces(item.block.text)
    ]
    plain = [plain_sentence_spans(text) for _, _, text in pieces]
    to_split = [text for (_, _, text), spans in zip(pieces, plain) if spans is None]
    docs = iter(analyser.split(to_split) if analyser and to_split else ())
    for (item, offset, _), spans in zip(pieces, plain):
        if spans is None:
            spans = [(s.start_char, s.end_char) for s in next(docs).sents]
        for sentence_start, sentence_end in spans:
            start, end = offset + sentence_start, offset + sentence_end
            words = word_spans(item.block.text, start, end)
            if words:
                item.sentences.append(Sentence(item.block, start, end, words))
    return [_page(document, blocks, analyser) for document, blocks in zip(documents, analysed)]


def plain_sentence_spans(text: str) -> list[tuple[int, int]] | None:
    """The sentences of a piece of prose whose sentences are plain to see; None when the
    model must find them.

    A piece with no full stop, question mark or exclamation mark before its
    end (a heading, a list item, a short paragraph) is one sentence: about
    three pieces in four. So is each part of a piece whose every such mark
    ends a lower-case word and comes before one space and a word with a
    capital: "You may feel sick. Ask your nurse." That is half of the rest.
    Anything less plain goes to the model: a mark after a bracket, a quote,
    a number or a capital ("the U.S. Then"), a short form ("etc."), line
    breaks and other white space, spaces at the start. Brackets and quotes
    elsewhere are no reason to split a sentence (the model had split off
    "[the back of the mouth]"). The spans are the ones spaCy gives, without a
    single space at the end.
    """
    if text[:1].isspace() or text[-2:] == "  " or _OTHER_SPACE.search(text):
        return None
    end = len(text) - 1 if text.endswith(" ") else len(text)
    body = len(text.rstrip(_AT_THE_END))
    marks = [m.start() for m in _SENTENCE_MARK.finditer(text, 0, body)]
    if not marks:
        return [(0, end)]
    cuts = {m.start() - 1: m.start() for m in _PLAIN_BREAK.finditer(text, 0, body)}
    if any(mark not in cuts for mark in marks) or _after_short_form(text, marks):
        return None
    starts = [0, *(cuts[mark] + 1 for mark in marks)]
    ends = [cuts[mark] for mark in marks] + [end]
    return list(zip(starts, ends))


def _after_short_form(text: str, marks: list[int]) -> bool:
    """True when a mark ends a short form that may stand inside a sentence ("etc.")."""
    short = grammar_words()["abbreviations_with_full_stop"]
    for mark in marks:
        start = mark
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if text[start:mark].lower() in short:
            return True
    return False


def _page(document: Document, analysed: list[AnalysedBlock], analyser: Analyser | None) -> Page:
    """The page for a document whose blocks are split into sentences, with its metrics."""
    prose: list[list[str]] = []
    for item in analysed:
        if item.block.kind is BlockKind.IMAGE or not item.sentences:
            continue
        outside = _Outside(item.block.not_prose)
        text = item.block.text
        prose.extend([text[a:b] for a, b in outside(s.words)] for s in item.sentences)
    metrics = measure(prose)
    count_structure(document, metrics)
    return Page(document, analysed, metrics, analyser)


class _Outside:
    """Picks the words that overlap none of a block's spans that are no words (code, addresses).

    Each word is looked up by bisection, so a block with thousands of code
    spans takes time in step with its length, not with words times spans.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]  # the spans come sorted by start
        self.reach = list(accumulate((end for _, end in spans), max))

    def __call__(self, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The words no span overlaps: none that starts before a word ends reaches past its start."""
        if not self.starts:
            return words
        kept = []
        for start, end in words:
            before = bisect_left(self.starts, end)
            if before == 0 or self.reach[before - 1] <= start:
                kept.append((start, end))
        return kept


def count_structure(document: Document, metrics: Metrics) -> None:
    """Add the counts of paragraphs, headings, illustrations and lists to the metrics.

    Images count as missing-illustration counts them: decoration is not an illustration.
    """
    kinds = [block.kind for block in document.blocks]
    metrics.paragraphs = kinds.count(BlockKind.PARAGRAPH)
    metrics.headings = kinds.count(BlockKind.HEADING)
    metrics.images = sum(1 for block in document.blocks if block.is_illustration)
    metrics.lists = len({block.list_id for block in document.blocks if block.list_id})


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """The text in pieces of at most MAX_PIECE characters, cut at white space."""
    start = 0
    while len(text) - start > MAX_PIECE:
        cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        cut = start + MAX_PIECE if cut < 0 else cut + 1
        yield start, text[start:cut]
        start = cut
    if text[start:].strip():
        yield start, text[start:]
