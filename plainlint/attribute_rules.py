"""A quicker stand-in for the model's attribute ruler, with the same results.

The English model sets each word's part of speech and some lemmas with about
180 patterns run by spaCy's general Matcher, which tries every pattern at
every word: a quarter of the time it takes to parse a sentence. Most patterns
name a fine-grained tag or a word, so here each word only tries the patterns
that could match it. The patterns, and the order in which later ones win, are
read from the loaded model, so the two give the same words the same values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# A word's features, read once: (tag, dependency label, lower case, is white space).
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]
_FIELDS = {"TAG": 0, "DEP": 1, "LOWER": 2}


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


class QuickAttributeRuler:
    """Applies an AttributeRuler's patterns to a Doc, trying only likely patterns per word."""

    def __init__(self, ruler: AttributeRuler) -> None:
        # (order, tests for each token, index of the token to change, attributes)
        self._patterns: list[tuple[int, list[list[Test]], int, dict[int, Any]]] = []
        self._index: dict[tuple[int, Any], list[int]] = defaultdict(list)
        self._everywhere: list[int] = []
        for order, entry in enumerate(ruler.patterns):
            index = ruler.indices[order]
            for tokens in entry["patterns"]:
                number = len(self._patterns)
                tests = [_token_tests(spec) for spec in tokens]
                self._patterns.append((order, tests, index, ruler.attrs[order]))
                keys = _index_keys(tokens[0])
                for key in keys or ():
                    self._index[key].append(number)
                if keys is None:
                    self._everywhere.append(number)

    def __call__(self, doc: Doc) -> Doc:
        """Set part of speech, morphology and lemma exceptions, as the model's ruler does."""
        words = [(t.tag_, t.dep_, t.lower_, t.is_space) for t in doc]
        index, patterns, nothing = self._index, self._patterns, ()
        matches: list[tuple[int, int, int]] = []  # (order, start, number)
        for start, word in enumerate(words):
            tag, dep, lower, space = word
            for group in (
                index.get((0, tag), nothing),
                index.get((1, dep), nothing),
                index.get((2, lower), nothing),
                index.get((3, space), nothing),
                self._everywhere,
            ):
                for number in group:
                    order, tests, _, _ = patterns[number]
                    span = words[start : start + len(tests)]
                    if len(span) == len(tests) and all(
                        test(features)
                        for features, token_tests in zip(span, tests)
                        for test in token_tests
                    ):
                        matches.append((order, start, number))
        matches.sort()  # later patterns win, as in spaCy's ruler
        for _, start, number in matches:
            _, tests, at, attributes = patterns[number]
            set_token_attrs(doc[start + (at if at >= 0 else len(tests) + at)], attributes)
        return doc
