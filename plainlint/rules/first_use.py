"""Where a reader first meets a word, and the text that could explain it there.

Shared by the rules that ask for a word to be explained at its first use
(medical terms, abbreviations, jargon). A word in a heading counts as
explained when the text under that heading explains it; otherwise its first
use in body text is the one that must be explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Hashable, Iterable, Iterator, TypeVar

from plainlint.documents.model import Block, BlockKind
from plainlint.language.action_sentences import (
    PRONOUNS,
    names_what_it_does,
    pronoun_says_what_it_does,
)
from plainlint.language.explanations import DefinitionPatterns
from plainlint.language.inflection import grammar_words, helper_word
from plainlint.language.page import Page, Sentence
from plainlint.rules.base import Option, Rule

# How many sentences after a word may define it at a later use ("Type 2 diabetes is a
# condition where ..."): editors accept the next sentence or two.
DEFINED_WITHIN = 2
# How many sentences under a heading may explain a word the heading uses.
SENTENCES_UNDER_HEADING = 2
# How many words may come before a word that is the subject of its sentence ("The", "A").
SUBJECT_WITHIN = 3
# How far back the check for a word before another one looks.
_WINDOW = 80
_LAST_WORD = re.compile(r"([\w'’-]+)[ \t]+$")


class ExplanationRule(Rule):
    """A rule that asks for words to be explained: the options and patterns it shares."""

    options = {
        "explained_after": Option("list", "phrases that explain a word when they follow it"),
        "explained_before": Option("list", "phrases that explain a word when they come before it"),
        "explained_by_next_sentence": Option(
            "list", "openings of a next sentence that explain the word (“This is a …”)"
        ),
        "not_explained_by_brackets": Option(
            "list", "first words of a bracket that does not explain (“(usually …)”)"
        ),
        "definition_links": Option(
            "list", "a word linked to an address holding one of these counts as explained"
        ),
    }

    @cached_property
    def patterns(self) -> DefinitionPatterns:
        """The rule's definition phrases from rules.yaml, ready to match."""
        return DefinitionPatterns(
            tuple(self.settings["explained_after"]),
            tuple(self.settings["explained_before"]),
            frozenset(self.settings["not_explained_by_brackets"]),
            tuple(self.settings["explained_by_next_sentence"]),
        )


class WordRule(ExplanationRule):
    """An explanation rule for words, which the parse can also find explained: "Cryotherapy
    freezes the abnormal cells." Subclasses say which words the patterns leave unexplained."""

    options = {
        **ExplanationRule.options,
        "not_explaining_verbs": Option(
            "list",
            "verbs that do not explain the word that does them (“Chemotherapy causes …”, "
            "“It takes …”)",
        ),
    }
    parses = True

    def does_what_it_is(self, page: Page, sentences: list[Sentence], use: Use) -> bool:
        """True when the sentence says what the word does ("Cryotherapy freezes the
        abnormal cells."), or the next one does with a pronoun ("It gives ...")."""
        verbs = self.word_set("not_explaining_verbs")
        if _may_be_subject(use):
            doc = page.parse(use.sentence)
            start = use.start - use.sentence.start
            if names_what_it_does(doc, start, start + (use.end - use.start), verbs):
                return True
        if _near_start(use):  # "It gives ...": "it" is the word at the start before
            following = nearby(sentences, use.index)[1:]
            return any(self.opens_with_pronoun_action(page, s) for s in following)
        return False

    def opens_with_pronoun_action(self, page: Page, sentence: Sentence) -> bool:
        """True for "It gives high doses of radiation from many angles."."""
        if not _opens_with_pronoun(sentence):
            return False
        return pronoun_says_what_it_does(
            page.parse(sentence), self.word_set("not_explaining_verbs")
        )

    def undecided(self, page: Page) -> tuple[list[Sentence], list[Any]]:
        """The page's sentences, and the words the patterns left unexplained (worked out once).

        The engine asks first, through `to_parse`, so that the sentences the parse must
        settle are parsed with every other page's in one batch; `check` then reuses it.
        """
        key = f"{self.id}: undecided"
        if key not in page.memo:
            page.memo[key] = self.find_undecided(page)
        return page.memo[key]

    def find_undecided(self, page: Page) -> tuple[list[Sentence], list[Any]]:
        """Subclasses: the sentences, and each unexplained word's uses with what the rule
        needs to judge it again (`uses_of` gets the uses back)."""
        raise NotImplementedError

    def uses_of(self, item: Any) -> list[Use]:
        """The uses of one word from `find_undecided`."""
        raise NotImplementedError

    def to_parse(self, page: Page) -> list[Sentence]:
        """The sentences `does_what_it_is` will read for the words left unexplained."""
        sentences, pending = self.undecided(page)
        wanted: list[Sentence] = []
        for item in pending:
            for use in self.uses_of(item):
                if _may_be_subject(use):
                    wanted.append(use.sentence)
                if _near_start(use):
                    wanted += [
                        s for s in nearby(sentences, use.index)[1:] if _opens_with_pronoun(s)
                    ]
                if use.in_heading:
                    wanted += [
                        s for s in under_heading(sentences, use.index) if _opens_with_pronoun(s)
                    ]
        return wanted


def _near_start(use: Use) -> bool:
    """True when the word starts within the sentence's first few words, where a subject
    is, and is not one person's own ("Your biopsy ...")."""
    if use.in_heading:
        return False
    words = use.sentence.words
    place = next(
        (i for i, (start, _) in enumerate(words[: SUBJECT_WITHIN + 1]) if start == use.start), None
    )
    return place is not None and not (place and _word(use, words[place - 1]) in _OWNERS)


def _may_be_subject(use: Use) -> bool:
    """True when the word is near the start and a verb that could say what it does may
    follow: a quick test before the parse.

    Not a word followed by a helper verb or a full stop ("Chemotherapy may cause ...",
    "Chemotherapy is given ..."), which the parse would turn down anyway. A bracket
    straight after and words such as "also" are passed over: "Intensity-modulated
    radiation therapy (IMRT) also aims ...".
    """
    if not _near_start(use):
        return False
    text, words = use.block.text, use.sentence.words
    skip = _BRACKET_AFTER.match(text, use.end)
    after = skip.end() if skip else use.end
    following = [
        i
        for i, (start, _) in enumerate(words)
        if start >= after and _word(use, words[i]) not in _BETWEEN
    ][:2]
    if not following or _HELPERS & {_word(use, words[i]) for i in following}:
        return False
    if re.search(r"[.;:!?]", text[after : words[following[0]][0]]):
        return False
    # A verb in the present after one thing ends in "s" ("Cryotherapy freezes"); after
    # several it may not ("Statins lower ...", "Hormone therapy drugs block ...").
    return text[use.end - 1] in "sS" or any(text[words[i][1] - 1] in "sS" for i in following)


def _word(use: Use, span: tuple[int, int]) -> str:
    return helper_word(use.block.text[span[0] : span[1]])


def _opens_with_pronoun(sentence: Sentence) -> bool:
    """True for "It gives ...", "This treatment uses ...": not "It is ..." or "It may ..."."""
    words = sentence.words
    if sentence.block.acts_as_heading or len(words) < 3:
        return False
    text = sentence.block.text
    first = text[words[0][0] : words[0][1]].lower()
    return first in PRONOUNS and not _HELPERS & {helper_word(text[a:b]) for a, b in words[1:3]}


# Helper verbs: a word followed by one of these is not doing something ("may cause").
_GRAMMAR = grammar_words()
_HELPERS = (
    _GRAMMAR["be_forms"]
    | _GRAMMAR["before_participle"]
    | (_GRAMMAR["before_base"] - {"to", "let", "please", "need"})
)
_OWNERS = _GRAMMAR["owners"]
_BETWEEN = _GRAMMAR["between"]
# A bracket straight after a word: "(IMRT)".
_BRACKET_AFTER = re.compile(r"\**\s*\([^()]{0,80}\)")


def kind_named(use: Use, kinds: frozenset[str], window: int, after: int = 1) -> bool:
    """True after words that say what kind of thing a word is ("the drugs X, Y and Z",
    "anticancer drugs, such as X"), or with one among the `after` words that follow
    ("valproate medicines"; for a medicine, "about vismodegib and the use of this drug")."""
    text, words = use.block.text, use.sentence.words
    before = [text[a:b].lower() for a, b in words if b <= use.start][-window:]
    following = [text[a:b].lower() for a, b in words if a >= use.end][:after]
    return any(word in kinds for word in [*before, *following])


def word_before(sentence: Sentence, start: int) -> str | None:
    """The word just before `start`, unless it opens the sentence ("Your", "The")."""
    text = sentence.block.text
    offset = max(sentence.start, start - _WINDOW)  # a window, so long sentences stay quick
    found = _LAST_WORD.search(text, offset, start)
    if found is None or found.start(1) == sentence.words[0][0]:
        return None
    return found.group(1)


@dataclass
class Use:
    """One use of a word: the sentence (by page order) and its span in the block."""

    index: int
    sentence: Sentence
    start: int
    end: int

    @property
    def block(self) -> Block:
        return self.sentence.block

    @property
    def in_heading(self) -> bool:
        return self.block.acts_as_heading


def readable_sentences(page: Page) -> list[Sentence]:
    """The page's sentences in order, leaving out image alt text."""
    return [s for s in page.sentences() if s.block.kind is not BlockKind.IMAGE]


Key = TypeVar("Key", bound=Hashable)


def uses_in_order(
    sentences: list[Sentence],
    find: Callable[[Sentence], Iterable[tuple[int, int, Key]]],
) -> dict[Key, list[Use]]:
    """Every use of every key `find` reports, grouped by key, in page order."""
    uses: dict[Key, list[Use]] = {}
    for index, sentence in enumerate(sentences):
        for start, end, key in find(sentence):
            uses.setdefault(key, []).append(Use(index, sentence, start, end))
    return uses


def under_heading(sentences: list[Sentence], index: int) -> Iterator[Sentence]:
    """The first few sentences of body text after the heading at `index`."""
    taken = 0
    for sentence in sentences[index + 1 :]:
        if sentence.block.acts_as_heading:
            return
        yield sentence
        taken += 1
        if taken == SENTENCES_UNDER_HEADING:
            return


def phrase_ends(use: Use, more_words: int = 5) -> list[int]:
    """Where the word ends, and where each of the next few words ends, up to punctuation.

    An explanation may follow the whole phrase the word starts: "halichondrin B,
    a substance ...", "undifferentiated embryonal sarcoma is a rare cancer".
    """
    ends = [use.end]
    for start, end in use.sentence.words:
        if start < ends[-1]:
            continue
        if len(ends) > more_words or use.block.text[ends[-1] : start].strip():
            break  # punctuation between: the phrase is over
        ends.append(end)
    return ends


def phrase_starts(use: Use, more_words: int = 2) -> list[int]:
    """Where the word starts, and where each of the few words before it starts, back to
    punctuation: "called atrophic gastritis" names "gastritis" too."""
    starts = [use.start]
    for start, end in reversed(use.sentence.words):
        if end > starts[-1]:
            continue
        if len(starts) > more_words or use.block.text[end : starts[-1]].strip():
            break
        starts.append(start)
    return starts


def nearby(sentences: list[Sentence], index: int, after: int = 1) -> list[Sentence]:
    """The sentence at `index` and the next `after` ones, up to a heading."""
    found = [sentences[index]]
    for following in sentences[index + 1 : index + 1 + after]:
        if following.block.acts_as_heading:
            break
        found.append(following)
    return found


def needs_explaining(
    uses: list[Use],
    sentences: list[Sentence],
    explained: Callable[[Use], bool],
    explains: Callable[[Sentence], bool],
) -> Use | None:
    """The use to report when a word is not explained where it is first met, else None.

    `explained(use)` says whether a use is explained where it stands;
    `explains(sentence)` whether a sentence explains the word without naming it.
    A section about the word (a heading that names it, with text under it that
    explains it) explains it for the whole page, even when an introduction
    names the word first ("This page explains what chemotherapy is.").
    """
    for use in uses:
        if use.in_heading and (
            explained(use) or any(explains(s) for s in under_heading(sentences, use.index))
        ):
            return None
    for use in uses:
        if not use.in_heading:
            return None if explained(use) else use
    return uses[0] if uses else None
