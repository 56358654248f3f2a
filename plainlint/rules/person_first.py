"""Guideline: use plain, respectful language that puts the person before the illness."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.findings import Severity
from plainlint.language.context_words import ContextWords
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import PhraseList, PhraseMatch, quoted
from plainlint.language.proper_names import chosen_by_writer
from plainlint.rules.base import Hit, Option, Rule, word_fix
from plainlint.rules.first_use import readable_sentences

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where an adjective stands for people, not before a noun: "Diabetics should…",
# "services for the blind".
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT", "poss"})


class PersonFirst(Rule):
    """Labels that define people by an illness, or cast them as victims or fighters."""

    id = "person-first"
    summary = "A word defines people by an illness or casts them as victims."
    why = (
        "People are more than their illness. Labels like “cancer sufferer” or “diabetics”, and "
        "talk of battles lost or won, can upset readers and make them feel judged."
    )
    fix = "Put the person first: “person with cancer”, “people with diabetes”, “has epilepsy”."
    fix_kind = "needs review"
    fix_when = (
        "The fix puts the person first (“people with cancer” for “cancer patients”). The "
        "words around it may need to change too, so a person should check."
    )
    flags = (
        "Cancer sufferers can get free prescriptions.",
        "Diabetics should check their feet every day.",
        "He lost his battle with cancer last year.",
        "She has been wheelchair-bound since the accident.",
    )
    passes = (
        "People with cancer can get free prescriptions.",
        "A diabetic diet is not needed.",
        "You may have pain in the affected area.",
        "Read “Living with diabetes” for more tips.",
    )
    default_severity = Severity.WARNING
    options = {
        "labels": Option("words", "labels and phrases, each with a person-first alternative"),
        "as_nouns": Option("words", "adjectives that label people when used as nouns"),
        "research_labels": Option(
            "list",
            "last words of labels left alone in research and figures (“224 cancer patients "
            "took part”)",
        ),
        "research_context": Option(
            "list", "words that show a sentence reports research or figures"
        ),
        "everyday_nouns": Option(
            "list", "words that are also everyday nouns (“close the blind”): adjectives only"
        ),
    }
    parses = True

    @cached_property
    def _labels(self) -> PhraseList:
        return PhraseList(self.settings["labels"], inflect="noun")

    @cached_property
    def _as_nouns(self) -> PhraseList:
        return PhraseList(self.settings["as_nouns"], inflect="noun")

    def check(self, page: Page) -> Iterator[Hit]:
        for sentence in readable_sentences(page):
            text = sentence.block.text
            hits = [
                self._hit(sentence, match, self._as_nouns, page)
                for match in self._as_nouns.find(text, sentence.start, sentence.end)
                if chosen_by_writer(sentence, match.start, match.end)
                and self._stands_for_people(page, sentence, match)
            ]
            for match in self._labels.find(text, sentence.start, sentence.end):
                if chosen_by_writer(sentence, match.start, match.end) and not any(
                    h.start < match.end and match.start < h.end for h in hits
                ):
                    if self._reports_on_a_group(sentence, match):
                        continue
                    hits.append(self._hit(sentence, match, self._labels, page, label=True))
            yield from sorted(hits, key=lambda hit: hit.start)

    @cached_property
    def _research(self) -> ContextWords:
        return ContextWords(self.settings["research_context"], figure_words=())

    def _reports_on_a_group(self, sentence: Sentence, match: PhraseMatch) -> bool:
        """True for "cancer patients" in research or figures ("enrolled 224 cancer
        patients"): the people studied, named as the study names them. "Sufferers" and
        "victims" are still labels there."""
        last = match.phrase.split()[-1].lower()
        labels = self.word_set("research_labels")
        if last not in labels and last.rstrip("s") not in labels:
            return False
        return self._research.search(sentence.text) is not None

    def _stands_for_people(self, page: Page, sentence: Sentence, match: PhraseMatch) -> bool:
        """True when the adjective is used as a noun ("Diabetics", "the blind")."""
        doc = page.parse(sentence)
        last = next((t for t in doc if sentence.span_of(t)[1] == match.end), None)
        if last is None:
            return False
        if last.dep_ == "case":
            last = last.head  # "a diabetic's feet": the word before "'s"
        if last.lemma_.lower() in self.word_set("everyday_nouns") and (
            last.lower_ != last.lemma_.lower() or not _plural_people(last)
        ):
            return False  # "close the blind", "the blinds"
        return _as_noun(last)

    @staticmethod
    def _hit(
        sentence: Sentence, match: PhraseMatch, words: PhraseList, page: Page, label: bool = False
    ) -> Hit:
        """The finding; a `label` takes in the words that say which illness
        ("lung cancer patients" -> "people with lung cancer")."""
        start, suggestions = match.start, words.suggestions(match)
        first = match.phrase.split()[0]
        if label and any(first in s.split() for s in suggestions):
            start, kind = _illness_words(page, sentence, match)
            if kind and _at_start(sentence, start):  # "Lung cancer patients" -> "People with…"
                kind = kind[:1].lower() + kind[1:]
                suggestions = tuple(s[:1].upper() + s[1:] for s in suggestions)
            suggestions = tuple(
                " ".join(kind + " " + w if w == first else w for w in s.split()) if kind else s
                for s in suggestions
            )
        written = sentence.block.text[start : match.end]
        return Hit(
            f"Try {quoted(suggestions)} instead of “{written}”, to put the person first.",
            sentence.block,
            start,
            match.end,
            suggestions=suggestions,
            fix=word_fix(page, sentence.block, start, match.end, suggestions, False),
        )


def _illness_words(page: Page, sentence: Sentence, match: PhraseMatch) -> tuple[int, str]:
    """Where the words describing the illness start, and those words ("lung", "")."""
    doc = page.parse(sentence)
    inside = [t.i for t in doc if match.start <= sentence.span_of(t)[0] < match.end]
    if not inside:
        return match.start, ""
    first, last = inside[0], inside[-1]
    while first > 0 and _describes_illness(doc[first - 1], first, last):
        first -= 1
    if first == inside[0]:
        return match.start, ""
    begin = sentence.span_of(doc[first])[0]
    return begin, sentence.block.text[begin : match.start].strip()


def _describes_illness(token: Token, first: int, last: int) -> bool:
    """True for "lung" in "lung cancer patients"; not for "many" in "many cancer
    patients", which counts the people, not the illness."""
    if token.pos_ == "PROPN" or not first <= token.head.i <= last:
        return False
    if token.dep_ == "compound":
        return True
    return token.dep_ == "amod" and token.head.i < last


def _at_start(sentence: Sentence, start: int) -> bool:
    return start == sentence.words[0][0]


def _plural_people(token: Token) -> bool:
    """True for people ("for the blind", "the blind are"), not a thing ("close the blind")."""
    if token.dep_ in ("pobj", "conj") or any(c.dep_ == "conj" for c in token.children):
        return True
    verbs = [token.head, *(c for c in token.head.children if c.dep_ in ("aux", "auxpass"))]
    return token.dep_.startswith("nsubj") and any(verb.tag_ == "VBP" for verb in verbs)


def _as_noun(token: Token) -> bool:
    """A word used as a noun, not describing one ("a diabetic diet", "the disabled toilet")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "epileptics and diabetics": the first of the list decides
    if token.dep_ in ("amod", "compound", "acomp", "nmod"):
        return False
    return token.pos_ in ("NOUN", "PROPN") or token.dep_ in _NOUN_PLACES
