"""Inflected forms of English words, so a word list entry finds "utilised" from "utilise".

Regular endings are made by rule; irregular verbs and nouns come from
`data/irregular_verbs.yaml` and `data/irregular_nouns.yaml`. Verb forms are
keyed by kind: "s", "ed", "en", "ing"; noun forms by "s" (plural), "'s" and
"s'" (possessives).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from plainlint.io.yaml_lines import parse_yaml

KINDS = ("s", "ed", "en", "ing")
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, dict[str, str]]:
    """Irregular and consonant-doubling verbs, keyed by base form."""
    text = (resources.files("plainlint") / "data" / "irregular_verbs.yaml").read_text("utf-8")
    return parse_yaml(text) or {}


def inflect(word: str, kind: str) -> str:
    """The `kind` form of a base word ("begin", "ed" -> "began"); "" for the base form."""
    if not kind:
        return word
    forms = irregular_verbs().get(word)
    if forms:
        if kind in forms:
            return forms[kind]
        if kind == "en" and "ed" in forms:
            return forms["ed"]
    if kind == "s":
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
            return word[:-1] + "ies"
        return word + "s"
    if kind in ("ed", "en"):
        if word.endswith("e"):
            return word + "d"
        if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
            return word[:-1] + "ied"
        return word + "ed"
    if kind == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
            return word[:-1] + "ing"
        return word + "ing"
    raise ValueError(f"unknown form kind: {kind}")


def forms(phrase: str) -> dict[str, str]:
    """Every form of a word or phrase (the first word inflects), keyed by kind."""
    first, _, rest = phrase.partition(" ")
    result = {"": phrase}
    for kind in KINDS:
        form = inflect(first, kind)
        result.setdefault(kind, f"{form} {rest}" if rest else form)
    return result


def inflect_phrase(phrase: str, kind: str) -> str:
    """A replacement phrase in the same form as the matched word (first word inflects)."""
    first, _, rest = phrase.partition(" ")
    form = inflect(first, kind)
    return f"{form} {rest}" if rest else form


@lru_cache(maxsize=1)
def _irregular_nouns() -> dict[str, Any]:
    text = (resources.files("plainlint") / "data" / "irregular_nouns.yaml").read_text("utf-8")
    return parse_yaml(text) or {}


@lru_cache(maxsize=4096)
def plural(word: str) -> str:
    """The plural of a lower-case noun: "chairman" -> "chairmen", "lady" -> "ladies"."""
    table = _irregular_nouns()
    if word in table["words"]:
        return table["words"][word]
    if word not in table["not_compounds"]:
        for ending, replacement in table["endings"].items():
            if word.endswith(ending) and len(word) > len(ending):
                return word[: -len(ending)] + replacement
    return inflect(word, "s")


def noun_forms(phrase: str) -> dict[str, str]:
    """Every form of a noun or noun phrase (its last word inflects), keyed by kind."""
    *rest, last = phrase.split(" ")
    lead = " ".join(rest) + " " if rest else ""
    many = plural(last)
    return {
        "": phrase,
        "s": lead + many,
        "'s": lead + last + "'s",
        "s'": lead + many + ("'" if many.endswith("s") else "'s"),
    }


def inflect_noun_phrase(phrase: str, kind: str) -> str:
    """A replacement noun phrase in the matched form: its head noun inflects.

    The head is the word before "with", "who", "of" and the like ("people with
    cancer"), or else the last word ("wheelchair users").
    """
    if not kind:
        return phrase
    table = _irregular_nouns()
    words = phrase.split(" ")
    if kind == "s" and len(words) == 3 and words[1] in ("or", "and"):
        return f"{plural(words[0])} {words[1]} {plural(words[2])}"  # "doctors or nurses"
    after_head = table["after_head"]
    head = next((i - 1 for i, w in enumerate(words) if i and w in after_head), len(words) - 1)
    many = plural(words[head]) if kind in ("s", "s'") else words[head]
    if kind == "'s" or kind == "s'":
        if head != len(words) - 1:
            # "person with cancer's" reads badly: no apostrophe, but the number still agrees
            return inflect_noun_phrase(phrase, "s") if kind == "s'" else phrase
        many += "'" if kind == "s'" and many.endswith("s") else "'s"
    words[head] = many
    if kind in ("s", "s'"):
        verb = head + 2
        if verb < len(words) and words[head + 1] in ("who", "that"):
            words[verb] = table["plural_verbs"].get(words[verb], words[verb])
    return " ".join(words)


@lru_cache(maxsize=1)
def grammar_words() -> dict[str, Any]:
    """Small grammar words from data/grammar_words.yaml, by list name."""
    text = (resources.files("plainlint") / "data" / "grammar_words.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return {
        name: dict(words) if isinstance(words, dict) else frozenset(words)
        for name, words in data.items()
    }


@lru_cache(maxsize=65536)
def helper_word(word: str) -> str:
    """The helper a word holds: "haven't" -> "have", "we've" -> "have", "won't" -> "will".

    Other words come back as they are, in lower case.
    """
    word = word.lower().replace("’", "'")
    helpers = grammar_words()
    for ending, helper in helpers["contractions"].items():
        if word.endswith(ending) and len(word) > len(ending):
            if helper:
                return helper
            stem = word[: -len(ending)]
            return helpers["negative_stems"].get(stem, stem)
    return word
