"""Find the words and phrases of a word list in prose, in every form, with their alternatives.

A list maps a phrase to one or more alternatives. Each phrase is found in all
its forms: verb forms ("utilise", "utilised", "utilising") or noun forms
("chairman", "chairmen", "chairman's"), and the alternatives are given back in
the same form ("used", "chairs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Mapping, Sequence

from plainlint.language.inflection import (
    forms,
    grammar_words,
    helper_word,
    inflect,
    inflect_noun_phrase,
    inflect_phrase,
    noun_forms,
    plural,
)
from plainlint.language.word_frequency import zipf

Alternatives = str | Sequence[str]
# A listed form: its words, its alternatives, and which inflections it is.
_Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
# The forms that start with one word: longer ones by their second word, and the word alone.
_FirstWord = tuple[dict[str, list[_Entry]], list[_Entry]]
# Patient information is often passive ("is given"): the participle comes first.
_VERB_ORDER = ("", "en", "ed", "s", "ing")
_NOUN_ORDER = ("", "s", "'s", "s'")
# A word as a list sees it: letters and digits joined by hyphens, apostrophes or
# slashes, so "follow-up", "patient's" and "he/she" are single words that never
# match "follow", "patient" or "she".
WORD = re.compile(r"[\w'’-]+(?:/[\w'’-]+)*")


@dataclass(frozen=True)
class PhraseMatch:
    """One listed phrase found in a text, with its alternatives in the matched form."""

    start: int
    end: int
    text: str
    phrase: str
    alternatives: tuple[str, ...]
    kinds: tuple[str, ...]


class PhraseList:
    """A word list ready to search text with: phrases are looked up by their first word."""

    def __init__(self, entries: Mapping[str, Alternatives | None], inflect: str = "verb") -> None:
        """`inflect` is "verb" (the first word inflects), "noun" (the last word takes plurals
        and possessives) or "none" (phrases are found only as written)."""
        self.inflect = inflect
        self._index = self._build(entries)

    def _build(self, entries: Mapping[str, Alternatives | None]) -> dict[str, _FirstWord]:
        """First word of every form -> its longer forms by their second word, longest
        first, and the form of that one word. A form is (all its words,
        alternatives, form kinds).

        A form can be more than one kind: "administered" is both the past tense
        ("gave") and the participle ("is given"), so both are suggested.
        """
        make_forms: Callable[[str], dict[str, str]] = {
            "verb": forms,
            "noun": noun_forms,
            "none": lambda phrase: {"": phrase},
        }[self.inflect]
        order = _NOUN_ORDER if self.inflect == "noun" else _VERB_ORDER
        found: dict[tuple[str, ...], tuple[tuple[str, ...], list[str]]] = {}
        for phrase, alternatives in entries.items():
            if alternatives is None:
                continue
            choices = as_tuple(alternatives)
            for kind, form in make_forms(_normal(phrase)).items():
                words = tuple(form.split())
                if words not in found:
                    found[words] = (choices, [])
                if found[words][0] == choices and kind not in found[words][1]:
                    found[words][1].append(kind)
        index: dict[str, _FirstWord] = {}
        for words, (choices, kinds) in found.items():
            ordered = tuple(sorted(kinds, key=order.index))
            longer, alone = index.setdefault(words[0], ({}, []))
            if len(words) == 1:
                alone.append((words, choices, ordered))
            else:
                longer.setdefault(words[1], []).append((words, choices, ordered))
        for longer, _ in index.values():
            for candidates in longer.values():
                candidates.sort(key=lambda entry: len(entry[0]), reverse=True)
        return index

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Every listed phrase in text[start:end], longest first where two overlap."""
        end = len(text) if end is None else end
        index = self._index
        if index.keys().isdisjoint(_word_set(text, start, end)):
            return  # the usual case, found without a loop in Python
        chunks, lowered = _words_in(text, start, end)
        after = 0  # where the last match ended, in words: matches never overlap
        for i in [i for i, word in enumerate(lowered) if word in index]:
            if i < after:
                continue
            found = self._longest(index[lowered[i]], lowered, chunks, text, i)
            if not found:
                continue
            length, words, choices, kinds = found
            first, last = chunks[i][0], chunks[i + length - 1][1]
            after = i + length
            yield PhraseMatch(first, last, text[first:last], " ".join(words), choices, kinds)

    @staticmethod
    def _longest(
        first: _FirstWord,
        lowered: tuple[str, ...],
        chunks: tuple[tuple[int, int], ...],
        text: str,
        i: int,
    ) -> tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
        """The longest listed phrase starting at word i, its words separated by white space."""
        longer, alone = first
        candidates = longer.get(lowered[i + 1], ()) if longer and i + 1 < len(lowered) else ()
        for words, choices, kinds in (*candidates, *alone):
            n = len(words)
            if i + n > len(chunks) or lowered[i : i + n] != words:
                continue
            gaps = (text[chunks[k][1] : chunks[k + 1][0]] for k in range(i, i + n - 1))
            if all(not gap.strip() for gap in gaps):
                return n, words, choices, kinds
        return None

    def suggestions(self, match: PhraseMatch, before: Sequence[str] = ()) -> tuple[str, ...]:
        """The match's alternatives in its form and case ("Chairmen" -> "Chairs").

        `before` is the two words before the match. They settle which form a
        verb is: "will come" is the base form, "has come" and "has already made"
        the participle, "You made" the past tense.
        """
        inflect_one = inflect_noun_phrase if self.inflect == "noun" else _inflect_phrase
        kinds = match.kinds
        if self.inflect == "verb" and len(kinds) > 1:
            kinds = _form_after(before, kinds)
        return tuple(
            dict.fromkeys(
                same_case(match.text, inflect_one(choice, kind))
                for choice in match.alternatives
                for kind in kinds
            )
        )

    @staticmethod
    def words_before(text: str, start: int) -> tuple[str, ...]:
        """Up to four words just before `start`, in the same sentence."""
        window = text[max(0, start - 80) : start]
        cut = max(window.rfind(mark) for mark in ".!?")
        return tuple(WORD.findall(window[cut + 1 :])[-4:])


def _inflect_phrase(phrase: str, kind: str) -> str:
    """A replacement in the matched form. Its first word inflects ("makes sure", "carries
    out"), except that an "s" the first word cannot take goes on the last word, a noun:
    "starting points", "health professionals". Two words joined by "or" or "and" both
    inflect: "doctors or nurses", "checked and changed"."""
    paired = _pair(phrase)
    if paired is not None and kind:
        first, joint, second = paired
        if kind == "s":
            return f"{plural(first)} {joint} {plural(second)}"
        return f"{inflect(first, kind)} {joint} {inflect(second, kind)}"
    if kind != "s" or " " not in phrase:
        return inflect_phrase(phrase, kind)
    limits = grammar_words()["phrase_s_form"]
    first, _, rest = phrase.partition(" ")
    verb = inflect(first, "s")
    if zipf(verb) >= limits["verb_zipf"]:
        return f"{verb} {rest}"
    lead, _, head = phrase.rpartition(" ")
    many = plural(head)
    if (
        head.endswith("s")
        or zipf(many) < limits["noun_zipf"]
        or zipf(head) >= limits["head_max_zipf"]
    ):
        return phrase
    return f"{lead} {many}"


def _pair(phrase: str) -> tuple[str, str, str] | None:
    """ "doctor or nurse" as ("doctor", "or", "nurse"); None for other phrases."""
    words = phrase.split(" ")
    if len(words) == 3 and words[1] in ("or", "and") and all(w.isalpha() for w in words):
        return words[0], words[1], words[2]
    return None


def _form_after(before: Sequence[str], kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The verb forms that fit after these words, from the forms a match may be.

    The nearest helper decides, past "not" and the like: "has not come" is the
    participle, "will come" the base form. With no helper, a verb after a
    subject is the past tense: "You made".
    """
    if not before:
        return kinds  # at the start of a sentence nothing tells the forms apart
    helpers = grammar_words()
    for word in reversed(before):
        helper = helper_word(word)
        if helper in helpers["between"] or word.lower() in helpers["between"]:
            continue
        if helper in helpers["before_participle"]:
            return tuple(kind for kind in kinds if kind == "en") or kinds
        if helper in helpers["before_base"] and "" in kinds:
            return ("",)
        break
    kinds = tuple(kind for kind in kinds if kind != "en") or kinds  # no helper: not a participle
    if "ed" in kinds:
        return tuple(kind for kind in kinds if kind != "") or kinds
    return kinds


@lru_cache(maxsize=512)
def _word_set(text: str, start: int, end: int) -> frozenset[str]:
    """The lower-case words of text[start:end], to rule a list out before finding where
    its words are. Kept for a while: several lists search the same sentence in turn."""
    return frozenset(WORD.findall(text[start:end].lower().replace("’", "'")))


@lru_cache(maxsize=256)
def _words_in(
    text: str, start: int, end: int
) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """The words of text[start:end] and their lower-case forms.

    Kept for a while: several word lists search the same sentence one after another.
    """
    spans = tuple(c.span() for c in WORD.finditer(text, start, end))
    segment = text[start:end]
    lowered = segment.lower()
    # Lower case letter by letter is lower case word by word, unless a letter changes
    # length ("İ") or depends on what follows (Greek "Σ"): then word by word.
    if len(lowered) == len(segment) and "Σ" not in segment:
        lowered = lowered.replace("’", "'")
        return spans, tuple(lowered[a - start : b - start] for a, b in spans)
    return spans, tuple(_normal(text[a:b]) for a, b in spans)


def _normal(word: str) -> str:
    word = word.lower()
    return word.replace("’", "'") if "’" in word else word


def same_case(original: str, replacement: str) -> str:
    """Capitalise the replacement when the original starts with a capital ("(S)he")."""
    letters = [char for char in original if char.isalpha()]
    if letters and letters[0].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def as_tuple(alternatives: Alternatives) -> tuple[str, ...]:
    """One alternative or a list of them, as a tuple."""
    return (alternatives,) if isinstance(alternatives, str) else tuple(alternatives)


def quoted(words: Sequence[str]) -> str:
    """Words in curly quotes, joined with "or": “chair” or “chairperson”."""
    return " or ".join(f"“{word}”" for word in words)


def is_acronym(word: str) -> bool:
    """A single word in capitals is a name ("the SELECT trial"), not a word choice."""
    return len(word) > 1 and word.isupper()


def word_tuples(entries: Sequence[object]) -> tuple[tuple[str, ...], ...]:
    """Each listed phrase as its lower-case words: "Such as" -> ("such", "as")."""
    return tuple(tuple(str(entry).lower().split()) for entry in entries if str(entry).split())
