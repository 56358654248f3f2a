"""A document after language analysis: its blocks split into sentences and words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from plainlint.documents.model import Block, BlockKind, Document
from plainlint.findings import Metrics
from plainlint.readability import measure
from plainlint.words import word_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's memory grows with document length: split longer blocks at a space.
MAX_PIECE = 50_000


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


@dataclass
class AnalysedBlock:
    """A block with its spaCy documents (one per piece) and its sentences."""

    block: Block
    docs: list[tuple[int, Doc]] = field(default_factory=list)  # (offset in block, doc)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Page:
    """What rules read: the document, its analysed blocks and its metrics."""

    document: Document
    blocks: list[AnalysedBlock]
    metrics: Metrics

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence on the page, in order."""
        for analysed in self.blocks:
            yield from analysed.sentences


def analyse(document: Document, nlp: Language | None) -> Page:
    """Split every block into sentences with spaCy and measure the prose.

    `nlp` may be None only for a document with no prose at all.
    """
    analysed = [AnalysedBlock(block) for block in document.blocks]
    pieces = [
        (item, offset, text) for item in analysed for offset, text in _pieces(item.block.text)
    ]
    docs = nlp.pipe((text for _, _, text in pieces), batch_size=64) if nlp and pieces else ()
    for (item, offset, _), doc in zip(pieces, docs):
        item.docs.append((offset, doc))
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            words = word_spans(item.block.text, start, end)
            if words:
                item.sentences.append(Sentence(item.block, start, end, words))
    prose = [
        [
            sentence.block.text[a:b]
            for a, b in sentence.words
            if not any(s < b and a < e for s, e in sentence.block.not_prose)
        ]
        for item in analysed
        if item.block.kind is not BlockKind.IMAGE
        for sentence in item.sentences
    ]
    return Page(document, analysed, measure(prose))


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
