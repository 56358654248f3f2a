"""Inflected forms of English words, so a word list entry finds "utilised" from "utilise".

Regular endings are made by rule; irregular verbs come from
`data/irregular_verbs.yaml`. Forms are keyed by kind: "s", "ed", "en", "ing".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

KINDS = ("s", "ed", "en", "ing")
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, dict[str, str]]:
    """Irregular and consonant-doubling verbs, keyed by base form."""
    text = (resources.files("plainlint") / "data" / "irregular_verbs.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


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
