"""A quicker stand-in for the model's attribute ruler and lemmatizer, with the same results.

The English model sets each word's part of speech and some lemmas with about
180 patterns run by spaCy's general Matcher, which tries every pattern at
every word: a quarter of the time it takes to parse a sentence. Most patterns
name a fine-grained tag or a word, so here each word only tries the patterns
that could match it. The patterns, and the order in which later ones win, are
read from the loaded model, so the two give the same words the same values.

All but a few patterns look at one word only, and the lemmatizer too reads
just the word it works on. So what a word gets depends only on the word, its
tag and its dependency label, unless a pattern of several words matches
there ("there is", "gonna"). Those values are worked out once and remembered:
most words of a page are words seen before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable, Iterator

from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.tokens import Token

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# A word's features, read once: (tag, dependency label, lower case, is white space).
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]
_FIELDS = {"TAG": 0, "DEP": 1, "LOWER": 2}
# What a word's values are worked out from, read for all words of a Doc at once.
_KEY_ATTRIBUTES = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
# Remembered values for this many different words at most.
_REMEMBERED_WORDS = 50_000
# How a token takes each attribute the model's ruler sets, through spaCy's public
# Token API. Names are made numbers once, where the property takes a number.
_SETTERS: dict[str, Callable[[Token, Any], None]] = {
    "POS": Token.pos_.__set__,
    "TAG": Token.tag.__set__,
    "DEP": Token.dep.__set__,
    "LEMMA": Token.lemma.__set__,
    "MORPH": Token.set_morph,
}
_BY_NUMBER = ("TAG", "DEP", "LEMMA")
# What a pattern or a remembered word does to a token: (attribute, setter, value) in order.
Writes = tuple[tuple[str, Callable[[Token, Any], None], Any], ...]


class UnknownPattern(ValueError):
    """A pattern this stand-in cannot read: use the model's own ruler instead."""


def _value_test(attribute: str, wanted: Any) -> Test:
    """A test of one token attribute against a plain value, IN, NOT_IN or REGEX."""
    field = _FIELDS[attribute]
    if isinstance(wanted, str):
        return lambda word: word[field] == wanted
    if isinstance(wanted, dict) and len(wanted) == 1:
        ((operator, value),) = wanted.items()
        if operator == "IN":
            values = frozenset(value)
            return lambda word: word[field] in values
        if operator == "NOT_IN":
            values = frozenset(value)
            return lambda word: word[field] not in values
        if operator == "REGEX":
            pattern = re.compile(value)
            return lambda word: pattern.search(word[field]) is not None
    raise UnknownPattern(f"{attribute}: {wanted!r}")


def _token_tests(spec: dict[str, Any]) -> list[Test]:
    """The tests one pattern token makes."""
    tests: list[Test] = []
    for attribute, wanted in spec.items():
        if attribute == "IS_SPACE" and isinstance(wanted, bool):
            tests.append(lambda word, wanted=wanted: word[3] == wanted)
        elif attribute in _FIELDS:
            tests.append(_value_test(attribute, wanted))
        else:
            raise UnknownPattern(attribute)
    return tests


def _index_keys(spec: dict[str, Any]) -> list[tuple[int, Any]] | None:
    """(field, value) keys under which a pattern's first token can be found, or None.

    One plain or IN constraint is enough: the word must have one of its values.
    """
    for attribute in ("LOWER", "TAG", "DEP"):
        wanted = spec.get(attribute)
        if isinstance(wanted, str):
            return [(_FIELDS[attribute], wanted)]
        if isinstance(wanted, dict) and list(wanted) == ["IN"]:
            return [(_FIELDS[attribute], value) for value in wanted["IN"]]
    if spec.get("IS_SPACE") is True:
        return [(3, True)]
    return None


def _writes(vocab: Vocab, attributes: dict[str, Any]) -> Writes:
    """How to give a token these ruler attributes, as the ruler's `patterns` list them."""
    writes = []
    for attribute, value in attributes.items():
        setter = _SETTERS.get(attribute)
        if setter is None or not isinstance(value, str):
            raise UnknownPattern(f"sets {attribute} to {value!r}")
        writes.append(
            (attribute, setter, vocab.strings.add(value) if attribute in _BY_NUMBER else value)
        )
    return tuple(writes)


def _apply(token: Token, writes: Writes) -> None:
    for _, setter, value in writes:
        setter(token, value)


def index_lemmas_in_sets(lemmatizer: Lemmatizer) -> None:
    """Turn the lemmatizer's lists of known lemmas into sets, in place.

    The lemmatizer only asks whether a form is in a list, and the lists are
    long (57,000 nouns): each new word took about 50 µs. A set answers the
    same question at once.
    """
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for part_of_speech, lemmas in list(table.items()):
        if isinstance(lemmas, list):
            table[part_of_speech] = frozenset(lemmas)


class QuickAttributeRuler:
    """Applies an AttributeRuler's patterns to a Doc, trying only likely patterns per word.

    Given the model's lemmatizer too, it sets lemmas as that would, in the same pass.
    """

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer | None = None) -> None:
        # (order, tests for each token, index of the token to change, writes)
        self._patterns: list[tuple[int, list[list[Test]], int, Writes]] = []
        self._index: dict[tuple[int, Any], list[int]] = defaultdict(list)
        self._everywhere: list[int] = []
        self._lemmatizer = lemmatizer
        self._remembered: dict[tuple[int, ...], Writes] = {}
        self._several: list[int] = []  # patterns of several words
        self._starts_several: dict[tuple[int, ...], bool] = {}  # may a word start one?
        for order, entry in enumerate(ruler.patterns):
            index = entry["index"]
            writes = _writes(ruler.vocab, entry["attrs"])
            for tokens in entry["patterns"]:
                number = len(self._patterns)
                tests = [_token_tests(spec) for spec in tokens]
                self._patterns.append((order, tests, index, writes))
                keys = _index_keys(tokens[0])
                for key in keys or ():
                    self._index[key].append(number)
                if keys is None:
                    self._everywhere.append(number)
                if len(tokens) > 1:
                    self._several.append(number)

    @property
    def sets_lemmas(self) -> bool:
        """True when this pass stands in for the lemmatizer as well."""
        return self._lemmatizer is not None

    def __call__(self, doc: Doc) -> Doc:
        """Set part of speech, morphology and lemma exceptions, as the model's ruler does,
        and lemmas as its lemmatizer does when it was given one."""
        keys = [tuple(row) for row in doc.to_array(_KEY_ATTRIBUTES).tolist()]
        words = _Words(doc)
        # A pattern of several words changes the words it matches: those are worked
        # out in full. Every other word gets the values remembered for its key.
        several: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        starts = self._starts_several
        for i, key in enumerate(keys):
            begins = starts.get(key)
            if begins is None:
                if len(starts) >= _REMEMBERED_WORDS:
                    starts.clear()
                begins = starts[key] = any(
                    all(test(words[i]) for test in self._patterns[n][1][0]) for n in self._several
                )
            if begins:
                for number in self._several:
                    if self._fits(words, i, number):
                        order, tests, at, _ = self._patterns[number]
                        target = i + (at if at >= 0 else len(tests) + at)
                        several[target].append((order, i, number))
        remembered = self._remembered
        for i, key in enumerate(keys):
            token = doc[i]
            if i in several:
                single = [(order, i, number) for order, number in self._single(words, i)]
                self._work_out(token, sorted(single + several[i]))
                continue
            writes = remembered.get(key)
            if writes is None:
                writes = self._work_out(token, [(o, i, n) for o, n in self._single(words, i)])
                if len(remembered) >= _REMEMBERED_WORDS:
                    remembered.clear()
                remembered[key] = writes
            elif writes:
                _apply(token, writes)
        return doc

    def _work_out(self, token: Token, matches: list[tuple[int, int, int]]) -> Writes:
        """Apply matches to one word in order, then its lemma; returns the writes made."""
        values: dict[str, tuple[str, Callable[[Token, Any], None], Any]] = {}
        for _, _, number in matches:  # later patterns win, as in spaCy's ruler
            writes = self._patterns[number][3]
            _apply(token, writes)
            values.update((write[0], write) for write in writes)
        lemmatizer = self._lemmatizer
        if lemmatizer is not None and (lemmatizer.overwrite or token.lemma == 0):
            token.lemma_ = lemmatizer.lemmatize(token)[0]
            values["LEMMA"] = ("LEMMA", _SETTERS["LEMMA"], token.lemma)
        return tuple(values.values())

    def _single(self, words: _Words, start: int) -> list[tuple[int, int]]:
        """(order, number) of each one-word pattern that matches word `start`, in order."""
        found = [
            (self._patterns[number][0], number)
            for number in self._candidates(words[start])
            if len(self._patterns[number][1]) == 1 and self._fits(words, start, number)
        ]
        found.sort()
        return found

    def _candidates(self, word: Features) -> Iterator[int]:
        """Numbers of the patterns whose first token could match this word."""
        tag, dep, lower, space = word
        index, nothing = self._index, ()
        yield from index.get((0, tag), nothing)
        yield from index.get((1, dep), nothing)
        yield from index.get((2, lower), nothing)
        yield from index.get((3, space), nothing)
        yield from self._everywhere

    def _fits(self, words: _Words, start: int, number: int) -> bool:
        """True when pattern `number` matches the words from `start` on."""
        tests = self._patterns[number][1]
        return start + len(tests) <= len(words) and all(
            test(words[start + k]) for k, token_tests in enumerate(tests) for test in token_tests
        )


class _Words:
    """The features of a Doc's words, read only for the words asked about."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._read: dict[int, Features] = {}

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, i: int) -> Features:
        found = self._read.get(i)
        if found is None:
            token = self._doc[i]
            found = self._read[i] = (token.tag_, token.dep_, token.lower_, token.is_space)
        return found
