"""Guideline: use plain English words."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from plainlint.documents.model import Block
from plainlint.findings import Severity
from plainlint.language.inflection import forms, grammar_words
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import (
    WORD,
    PhraseList,
    PhraseMatch,
    is_acronym,
    quoted,
    same_case,
)
from plainlint.rules.base import Hit, Option, Rule, word_fix

# The grammar each word needs to be flagged, by option: a preposition, a describing word.
_GRAMMAR = {"prepositions": ("prep",), "adjectives": ("amod", "acomp")}


class PlainWords(Rule):
    """A word or phrase that has a shorter, more familiar alternative."""

    id = "plain-words"
    summary = "A word or phrase has a plainer alternative."
    why = (
        "Everyday words are quicker to read and easier to understand, for everyone and "
        "most of all for people who are unwell or anxious."
    )
    fix = "Use the plainer word suggested, or reword the sentence."
    fix_kind = "safe"
    fix_when = (
        "Safe where there is one plainer word and it fits every sentence in the same form "
        "(“utilised” becomes “used”). Where there are several, or the word is on the list "
        "fixes_need_review, the fix uses the first and needs review (--unsafe-fixes)."
    )
    flags = (
        "You should commence the tablets prior to your operation.",
        "The nurse utilised a smaller needle.",
        "In order to prepare, stop eating 6 hours before.",
        "Following surgery, you may feel tired.",
    )
    passes = (
        "You should start the tablets before your operation.",
        "Your consent form may say “commence treatment”.",
        "Run `utilise --help` to see the options.",
        "Our website is at https://example.org/utilise-services.",
        "Do the following steps before you come in.",
        "Keep following the advice of your care team.",
    )
    default_severity = Severity.WARNING
    options = {
        "words": Option(
            "words", "words and phrases, each with its plainer alternative or alternatives"
        ),
        "prepositions": Option(
            "words",
            "words flagged only where the sentence uses them as a preposition "
            "(“following surgery”, not “the following steps”)",
        ),
        "adjectives": Option(
            "words",
            "words flagged only where the sentence uses them to describe (“a potential "
            "problem”, not “has potential”)",
        ),
        "fixes_need_review": Option(
            "list",
            "listed words whose plainer word does not fit every sentence (“request” can be a "
            "noun, “ask” cannot): --fix leaves them for a person to check",
        ),
    }
    parses = True

    @cached_property
    def _words(self) -> PhraseList:
        return PhraseList(self.settings["words"])

    @cached_property
    def _need_review(self) -> frozenset[str]:
        """Every form of the words whose fix a person should check."""
        return frozenset(
            form for word in self.word_set("fixes_need_review") for form in forms(word).values()
        )

    def _hit(
        self,
        page: Page,
        block: Block,
        match: PhraseMatch,
        suggestions: tuple[str, ...],
        guessed: bool = False,
    ) -> Hit:
        """What to write instead, here, and the fix that writes it; not safe where the
        form of the plainer word is `guessed`."""
        safe = (
            not guessed
            and match.phrase not in self._need_review
            and not _describes(block.text, match, suggestions)
            and not _stacks_prepositions(block.text, match, suggestions)
        )
        return Hit(
            f"Try {quoted(suggestions)} instead of “{match.text}”.",
            block,
            match.start,
            match.end,
            suggestions=suggestions,
            fix=word_fix(page, block, match.start, match.end, suggestions, safe),
        )

    @cached_property
    def _by_grammar(self) -> dict[str, PhraseList]:
        return {key: PhraseList(self.settings[key], inflect="none") for key in _GRAMMAR}

    def to_parse(self, page: Page) -> list[Sentence]:
        """Sentences holding a word that is plain or not depending on its grammar."""
        first_words = {
            str(word).split()[0].lower() for key in _GRAMMAR for word in self.settings[key]
        }
        return [
            sentence
            for sentence in page.sentences()
            if not first_words.isdisjoint(w.lower() for w in WORD.findall(sentence.text))
        ]

    def _as_grammar_says(self, page: Page) -> Iterator[Hit]:
        """ "Following surgery" -> "After surgery", "a potential risk" -> "a possible risk":
        only where the parse gives the word the grammar its list needs."""
        candidates = self.candidates(page)
        page.parse_all(candidates)
        for sentence in candidates:
            doc = page.parse(sentence)
            starts = {sentence.span_of(t)[0]: t for t in doc}
            block = sentence.block
            found = [
                (match, _GRAMMAR[key])
                for key, words in self._by_grammar.items()
                for match in words.find(block.text, sentence.start, sentence.end)
            ]
            for match, roles in sorted(found, key=lambda pair: pair[0].start):
                token = starts.get(match.start)
                if token is None or token.dep_ not in roles:
                    continue
                if block.is_protected(match.start, match.end):
                    continue
                suggestions = tuple(same_case(match.text, s) for s in match.alternatives)
                yield self._hit(page, block, match, suggestions)

    def check(self, page: Page) -> Iterator[Hit]:
        words = self._words
        for analysed in page.blocks:
            block = analysed.block
            for match in words.find(block.text):
                if block.is_protected(match.start, match.end) or (
                    " " not in match.phrase
                    and (is_acronym(match.text) or _name_mid_sentence(block.text, match))
                ):
                    continue
                suggestions = words.suggestions(match, words.words_before(block.text, match.start))
                # "depicted" may be "showed" or "shown": the words before only guess which.
                guessed = len(words.suggestions(match)) > len(set(match.alternatives))
                yield self._hit(page, block, match, suggestions, guessed)
        yield from self._as_grammar_says(page)


def _describes(text: str, match: PhraseMatch, suggestions: tuple[str, ...]) -> bool:
    """True where the word describes the next one, so its plainer word may not fit: a
    participle after "a", "our" or "with" ("our illustrated leaflet"), or a word ending in "-ly"
    there or put as several words ("orally active" -> "by mouth active")."""
    if " " in match.phrase:
        return False
    before = PhraseList.words_before(text, match.start)[-1:]
    previous = before[0].lower() if before else ""
    after_determiner = previous in grammar_words()["determiners"]
    if match.phrase.endswith("ly"):
        return after_determiner or any(" " in suggestion for suggestion in suggestions)
    participle = "" not in match.kinds and ({"ed", "en"} & set(match.kinds))
    # "with altered proteins": after a preposition too, a participle describes.
    return bool(participle) and (after_determiner or previous in grammar_words()["prepositions"])


def _stacks_prepositions(text: str, match: PhraseMatch, suggestions: tuple[str, ...]) -> bool:
    """True where a plainer phrase ending in a small word meets another one after it:
    "will be solicited from" would become "will be asked for from"."""
    small = grammar_words()["prepositions"] | grammar_words()["particles"]
    if not any(suggestion.split()[-1].lower() in small for suggestion in suggestions):
        return False
    following = WORD.match(text, match.end + 1) if text[match.end : match.end + 1] == " " else None
    return following is not None and following.group().lower() in small


def _name_mid_sentence(text: str, match: PhraseMatch) -> bool:
    """True for a capital inside a sentence: a name ("such as Ensure and Boost")."""
    if not match.text[:1].isupper() or match.text.isupper():
        return False
    before = text[: match.start].rstrip()
    return bool(before) and before[-1] not in ".!?:;•–—-*\"“‘(['"
