"""Whether the words around a term explain it.

Two ways count. A definition pattern around the term: "X is a ...",
"... is called X", "X (plain words)", "plain words (X)", "X – plain words".
Or a nearby sentence that says what the glossary says: it shares enough
content words with the glossary's explanation.

The phrases come from `rules.yaml`. Written here are only shapes: brackets,
a bracket that holds just a number or "e.g.", and "is/are ... that/which"
(a word followed by a clause that describes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from plainlint.documents.model import Block
from plainlint.language.word_frequency import zipf

# Text inside brackets that does not explain anything: a number, a year, "e.g.",
# or a pronunciation guide ("KAP-luh-SIH-zoo-mab").
_NOT_AN_EXPLANATION = re.compile(r"\s*(?:[\d\s,.;%–-]*$|e\.g\.,?\s*$)", re.IGNORECASE)
_SPOKEN_SYLLABLES = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+){2,}")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_WORDS = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# "is/are" and a few words that a "that/which/where" clause then describes:
# "X are slow-growing tumours that form in ...". Not after a verb ("is given in
# cycles that ..."): the first word may not end like a participle.
_DESCRIBED = re.compile(
    r"\s*(?:is|are)\s+(?![\w-]*(?:ed|en|wn|ne|de|ot)\b)(?:[\w-]+\s+){1,3}"
    r"(?:that|which|where|who|when|in which)\b",
    re.IGNORECASE,
)
# A list going on after ", a ...": "a cannula, a stent, sedation and ..." names
# things; it does not explain the first of them as "progesterone, a hormone made
# by the ovaries" does.
_LIST_ITEM = re.compile(r",\s*an?\s*$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*(?:,|\band\b|\bor\b)")
# What starts a subtitle in a heading: "Isotretinoin: an expert review".
_SUBTITLE_MARKS = frozenset({":", "-", "–", "—"})
# How far either side of a term a pattern may reach.
_REACH = 120
# How far back: the longest phrase before a word ("the medical name for this is"),
# an "-ly" word inside it and "a", "an" or "the" after it fit in this.
_REACH_BEFORE = 70
# "plain words (": the words before an opening bracket at the end of the text.
_WORDS_BEFORE_BRACKET = re.compile(r"(\S*)\s*?([\w'’-]+)\s*\(\s*$")
_CLOSING_BRACKET = re.compile(r"\s*\)")
_ARTICLE_IN_BRACKET = re.compile(r"\(\s*(?:the|a|an|your)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DefinitionPatterns:
    """Phrases that, after or before a word, explain it."""

    after: tuple[str, ...]
    before: tuple[str, ...]
    not_in_brackets: frozenset[str] = frozenset()  # first words of brackets that explain nothing
    openings: tuple[str, ...] = ()  # how a next sentence that explains begins ("This is a")

    @property
    def after_pattern(self) -> re.Pattern[str]:
        return _after_pattern(self.after)

    @property
    def before_pattern(self) -> re.Pattern[str]:
        return _before_pattern(self.before)


def _phrase(phrase: str) -> str:
    """A phrase as a pattern: any white space between words, and an "-ly" word after the first.

    Spaces written around a phrase are needed in the text too: " - " is a dash
    between words, not the hyphen in "caplacizumab-yhdp".
    """
    words = [re.escape(word) for word in phrase.split()]
    head = words[0] + (r"(?:\s+\w+ly)?" if words[0].isalpha() and len(words) > 1 else "")
    tail = "".join(r"\s+" + word for word in words[1:])
    edge = r"(?!\w)" if phrase[-1:].isalnum() else ""
    before = r"\s+" if phrase[:1].isspace() else ""
    after = r"\s+" if phrase[-1:].isspace() else ""
    return before + head + tail + edge + after


_NEVER = r"(?!)"


def _choices(phrases: tuple[str, ...]) -> str:
    """One alternation of every phrase, longest first; a pattern that never matches if none."""
    found = [_phrase(p) for p in sorted(phrases, key=len, reverse=True) if p.strip()]
    return "|".join(found) or _NEVER


@lru_cache(maxsize=16)
def _after_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    choices = _choices(phrases)
    # An abbreviation or a plain word in brackets may sit between the term and the
    # phrase, or the term may close a bracket: "TACE (transarterial chemoembolisation), which".
    return re.compile(rf"\s*(?:\([^()]{{0,80}}\)|\))?\s*(?:{choices})", re.IGNORECASE)


@lru_cache(maxsize=16)
def _before_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    choices = _choices(phrases)
    return re.compile(rf"(?:{choices})\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def defined_at(text: str, start: int, end: int, patterns: DefinitionPatterns) -> bool:
    """True when a definition pattern surrounds text[start:end] in this sentence."""
    return defined_around(text, (start,), (end,), patterns)


def defined_around(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    patterns: DefinitionPatterns,
    heading: bool = False,
) -> bool:
    """`defined_at` for a word that may start at any of `starts` and end at any of `ends`
    (the phrase it belongs to): each side is tested once, not once for every pair.

    In a heading, a colon or a dash after the word starts a subtitle ("Isotretinoin:
    an expert review"), not an explanation.
    """
    for end in ends:
        after = text[end : end + _REACH]
        explained = patterns.after_pattern.match(after)
        if (
            explained
            and not (heading and explained.group().strip(" *_") in _SUBTITLE_MARKS)
            and not (
                _LIST_ITEM.search(explained.group()) and _LIST_GOES_ON.match(after, explained.end())
            )
        ):
            return True
        if _DESCRIBED.match(after):
            return True  # "X are slow-growing tumours that form in ..."
        if _explaining_brackets(after, patterns.not_in_brackets):
            return True  # "X (plain words)"
    for start in starts:
        # The phrases before are short: the last few words are enough to search.
        before = text[max(0, start - _REACH_BEFORE) : start]
        if patterns.before_pattern.search(before):
            return True
        if any(_named_in_brackets(before, text[end : end + _REACH]) for end in ends):
            return True
    return False


def _named_in_brackets(before: str, after: str) -> bool:
    """True for "plain words (X)": the term alone in brackets after some words, but not
    after an abbreviation or a brand name ("CT (computed tomography)", "Keytruda
    (pembrolizumab)")."""
    before = _ARTICLE_IN_BRACKET.sub("(", before)  # "the tube ... (the urethra)"
    if not before.rstrip().endswith("(") or not _CLOSING_BRACKET.match(after):
        return False  # the quick tests first: the pattern below is slow on long text
    words_before = _WORDS_BEFORE_BRACKET.search(before)
    if words_before is None:
        return False
    previous, word = words_before.groups()
    if len(word) > 1 and word.isupper():
        return False
    starts_sentence = previous == "" or previous.endswith((".", "!", "?", ":"))
    if word[:1].isupper() and not starts_sentence:
        return zipf(word.lower()) >= 3.0  # "Bleeding and Bruising (X)", not "Keytruda (X)"
    return True


def opens_with_explanation(sentence: str, patterns: DefinitionPatterns) -> bool:
    """True for a sentence that explains what came before: "This is a ...", "It means ..."."""
    return _opening_pattern(patterns.openings).match(sentence.replace("’", "'")) is not None


@lru_cache(maxsize=16)
def _opening_pattern(openings: tuple[str, ...]) -> re.Pattern[str]:
    choices = "|".join(
        r"\s+".join(re.escape(w) for w in o.replace("’", "'").split()) for o in openings
    )
    return re.compile(rf"\s*(?:{choices or _NEVER})(?!\w)", re.IGNORECASE)


def _explaining_brackets(after: str, not_first: frozenset[str]) -> bool:
    """True for "(plain words)" or "[plain words]" straight after a term, not "(CT)",
    "(see page 4)" or "(usually in the morning)"."""
    found = re.match(r"\s*(?:\(([^()]{1,200})\)|\[([^\[\]]{1,200})\])", after)
    if not found:
        return False
    inside = found.group(1) or found.group(2)
    if _NOT_AN_EXPLANATION.match(inside) or _SPOKEN_SYLLABLES.fullmatch(inside.strip()):
        return False
    first = inside.split()[0].lower().strip(",;:") if inside.split() else ""
    return first not in not_first and bool(_LOWER_WORD.search(inside))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem for comparing words: lower case, singular, first five letters."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed"):  # "testing" and "tested" compare with "test"
        if word.endswith(ending) and len(word) > len(ending) + 3:
            word = word[: -len(ending)]
            break
    return word[:5]


def content_stems(text: str, ignored: frozenset[str]) -> frozenset[str]:
    """Stems of the content words in text, leaving out function words and `ignored` stems."""
    return _content_stems(text, ignored)


@lru_cache(maxsize=8192)
def _content_stems(text: str, ignored: frozenset[str]) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(
        stem(word)
        for word in _WORDS.findall(text)
        if len(word) > 2 and word.lower() not in STOP_WORDS and stem(word) not in ignored
    )


def linked_to_definition(block: Block, start: int, end: int, markers: Iterable[str]) -> bool:
    """True when text[start:end] links to more about it.

    Either part of it links to a glossary or dictionary page, or the link text
    starts with the word itself (a link to a page about it).
    """
    lowered = [marker.lower() for marker in markers]
    for link in block.links:
        if not (link.start < end and start < link.end):
            continue
        if any(marker in link.target.lower() for marker in lowered):
            return True
        shown = block.text[link.start : link.end].strip(" *_").lower()
        if shown.startswith(block.text[start:end].lower()):
            return True
    return False
