"""Guideline: use plain English. Say who does what, not what is done."""

from __future__ import annotations

from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.io.yaml_lines import parse_yaml
from plainlint.language.active_voice import acted_on, particle, rewrite
from plainlint.language.context_words import ContextWords
from plainlint.language.inflection import grammar_words, helper_word, inflect
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import WORD, word_tuples
from plainlint.rules.base import Hit, Option, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How many words may sit between the helper and the participle ("is not usually given").
_WORDS_BETWEEN = 3
_MEMO = "passive-voice"
# What may follow "is called" when it names something: "a biopsy", "“PICC”", "CT".
_NAME_STARTS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"})


def _names(token: Token) -> bool:
    """True when the word after "is called" starts a name, not "by" or "when"."""
    return (
        token.pos_ in _NAME_STARTS or token.tag_ == "VBG" or token.text in ("“", '"', "‘", "'", "(")
    )


def _checked(sentence: Sentence) -> bool:
    """Sentences of running text: not headings, alt text or references."""
    block = sentence.block
    return block.kind not in (BlockKind.HEADING, BlockKind.IMAGE) and not block.is_reference


@lru_cache(maxsize=1)
def _irregular_participles() -> frozenset[str]:
    """Past participles that end in neither -ed nor -en ("put", "told"), from the data file."""
    text = (resources.files("plainlint") / "data" / "participles.yaml").read_text("utf-8")
    return frozenset(parse_yaml(text))


@lru_cache(maxsize=1)
def _be_and_get_forms() -> frozenset[str]:
    return grammar_words()["be_forms"] | grammar_words()["get_forms"]


def may_be_passive(text: str) -> bool:
    """A quick test before parsing: a form of "be" or "get" shortly before a participle."""
    words = [match.group().lower() for match in WORD.finditer(text)]
    irregular = _irregular_participles()
    helpers = _be_and_get_forms()
    never = grammar_words()["not_participles"]
    for i, word in enumerate(words):
        if helper_word(word) in helpers:  # "is", "got", and "it's", "they're"
            for after in words[i + 1 : i + 2 + _WORDS_BETWEEN]:
                if (after.endswith(("ed", "en")) and after not in never) or after in irregular:
                    return True
    return False


def _example_doer(page: Page, sentence: Sentence) -> str:
    """Who to show doing the action when the sentence does not say: "We" on a page
    that speaks as "we"; "Your care team" for something done to the reader; "Doctors"
    elsewhere. The writer puts in who really does it."""
    key = "passive-voice: example doer"
    if key not in page.memo:
        we = sum(
            1
            for analysed in page.blocks
            for word in WORD.findall(analysed.block.text)
            if word.lower() in ("we", "our", "us")
        )
        page.memo[key] = "We" if we >= 2 else ""
    if page.memo[key]:
        return page.memo[key]
    said = f"{key} {id(sentence.block)} {sentence.start}"  # once a sentence, not each passive
    if said not in page.memo:
        words = {word.lower() for word in WORD.findall(sentence.text)}
        page.memo[said] = "Your care team" if words & {"you", "your"} else "Doctors"
    return page.memo[said]


def _used_to(verb: Token, doc: Doc) -> bool:
    """True for "be used to" meaning "be familiar with": "used to talking", "used to it"."""
    if verb.lower_ != "used" or verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to":
        return False
    return doc[verb.i + 2].tag_ in ("VBG", "NN", "NNS", "PRP", "DT")


class PassiveVoice(Rule):
    """A passive sentence: it says what is done, not who does it."""

    id = "passive-voice"
    summary = "A sentence is passive: it does not say who does something to or for the reader."
    why = (
        "Readers understand a sentence more quickly when it says who does what. "
        "“The drug will be given” leaves them to guess who gives it."
    )
    fix = (
        "Start with who does the action: “Your nurse will give you the drug” "
        "rather than “The drug will be given”."
    )
    flags = (
        "You will be given the drug through a drip.",
        "Your blood sample will be sent to the lab.",
        "Your stitches will get taken out after a week.",
    )
    passes = (
        "Your nurse will give you the drug through a drip.",
        "This test is called a biopsy.",
        "It is also known as a PET scan.",
        "I was worried about the scan.",
        "You may feel tired for a few weeks.",
        "You have finished your treatment.",
        "Olaparib is approved to treat ovarian cancer.",
    )
    default_severity = Severity.INFO
    options = {
        "naming": Option(
            "list",
            "words after “is” that explain a word rather than hide who acts "
            "(“is called”, “is known as”)",
        ),
        "states": Option(
            "list",
            "words that look like a passive after “be” but describe a state or a feeling "
            "(“I was worried”, “is made up of”)",
        ),
        "states_with_by": Option(
            "list",
            "words that describe how things are even with “by” after them (“is caused by a virus”)",
        ),
        "possible_outcomes": Option(
            "list", "words after “can be” that say what is possible (“can be cured”)"
        ),
        "reader_words": Option(
            "list",
            "words that show a sentence speaks to the reader or names who acts (“you”, “by”)",
        ),
        "reader_share": Option(
            "number",
            "per cent of a page's sentences that speak to the reader for every passive on "
            "it to count",
            0,
        ),
        "flag_named_doer": Option(
            "bool", "whether plainlint reports a passive that names who acts (“by your nurse”)"
        ),
        "for_the_reader": Option(
            "list", "passives that are for the reader wherever they are (“can be found”)"
        ),
        "research_context": Option("list", "words that show a sentence reports research"),
        "found_words": Option(
            "list", "words that say something is there (“cells are found in the skin”)"
        ),
        "reader_things": Option(
            "list",
            "things the reader finds, reads or sends: with them, a passive is the reader's "
            "own action (“More information can be found …” -> “You can find …”)",
        ),
        "means": Option(
            "list", "words after “by” that say how, not who (“by post”, “by injection”)"
        ),
        "after_get": Option(
            "list",
            "words that are not passive after “get” (“get used to”, “get worried”)",
        ),
    }
    needs = frozenset({"sentences"})
    parses = True

    @cached_property
    def _naming(self) -> tuple[tuple[str, ...], ...]:
        return word_tuples(self.settings["naming"])

    @cached_property
    def _states(self) -> tuple[tuple[str, ...], ...]:
        return word_tuples(self.settings["states"])

    @cached_property
    def _states_with_by(self) -> tuple[tuple[str, ...], ...]:
        return word_tuples(self.settings["states_with_by"])

    @cached_property
    def _longest(self) -> int:
        """Words in the longest naming or state phrase: how far past the verb to look."""
        phrases = (*self._states, *self._naming, *self._states_with_by)
        return max((len(phrase) for phrase in phrases), default=0)

    def check(self, page: Page) -> Iterator[Hit]:
        found = self._passives(page)
        for sentence, verb, start, end in found:
            words = " ".join(sentence.block.text[start:end].split())
            yield Hit(self._message(page, sentence, verb, words), sentence.block, start, end)

    def measure(self, page: Page) -> dict[str, float]:
        """The share of the page's sentences with a passive this rule reports, in per cent."""
        passives = self._passives(page)
        sentences = sum(1 for sentence in page.sentences() if _checked(sentence))
        passive = {(id(sentence.block), sentence.start) for sentence, *_ in passives}
        percent = round(100 * len(passive) / sentences, 1) if sentences else 0.0
        return {"passive_sentences_percent": percent}

    def to_parse(self, page: Page) -> list[Sentence]:
        """Sentences with a form of "be" or "get" before a word that may be a participle,
        that speak to the reader, outside research.

        A passive matters to a reader when something is done to them or for them ("Your
        blood will be taken", "We will send your results"): then they need to know who
        does it. On a page that speaks to its reader often, every passive counts.
        Passives in text about drugs, research or illness ("is used to treat", "was
        approved in 2019", "is being studied") leave nothing for the reader to do or
        ask, and editors leave them alone.
        """
        reader = self.word_set("reader_words")
        sentences = [s for s in page.sentences() if _checked(s)]
        speaks = [not reader.isdisjoint(w.lower() for w in WORD.findall(s.text)) for s in sentences]
        whole_page = sum(speaks) >= self.settings["reader_share"] / 100 * len(sentences)
        for_reader = self._for_the_reader
        return [
            sentence
            for sentence, to_reader in zip(sentences, speaks)
            if may_be_passive(sentence.text)
            and (to_reader or whole_page or for_reader.search(sentence.text))
            and not self._research.search(sentence.text)
        ]

    @cached_property
    def _for_the_reader(self) -> ContextWords:
        return ContextWords(self.settings["for_the_reader"])

    @cached_property
    def _research(self) -> ContextWords:
        return ContextWords(self.settings["research_context"])

    def _passives(self, page: Page) -> list[tuple[Sentence, Token, int, int]]:
        """Each passive verb on the page with the span of its verb group (worked out once)."""
        if _MEMO not in page.memo:
            candidates = self.candidates(page)
            page.parse_all(candidates)
            page.memo[_MEMO] = [
                found
                for sentence in candidates
                for found in self._in(sentence, page.parse(sentence))
            ]
        return page.memo[_MEMO]

    def _in(self, sentence: Sentence, doc: Doc) -> Iterator[tuple[Sentence, Token, int, int]]:
        """Each passive verb in a parsed sentence, with the span of its verb group."""
        for verb in doc:
            if verb.tag_ != "VBN":
                continue
            helpers = [child for child in verb.children if child.dep_ == "auxpass"]
            if not helpers or self._not_an_action(verb, doc):
                continue
            if any(c.dep_ == "nsubjpass" and c.lower_ == "i" for c in verb.children):
                continue  # "I was rushed to A&E": someone telling their own story
            named = self._doer(verb) is not None
            if verb.dep_ == "relcl" and not named:
                continue  # "the breast that was removed" says which one, not who acts
            if named and not self.settings["flag_named_doer"]:
                continue  # "are filtered by the kidneys": the reader already knows who
            if _used_to(verb, doc):
                continue  # "You may not be used to talking about it": an idiom
            group = [
                c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i
            ]
            # "will be carried out", "will be looked at (by 2 specialists)"
            last = particle(verb) or verb
            start = sentence.span_of(min([verb, *group], key=lambda t: t.i))[0]
            end = sentence.span_of(last)[1]
            if not sentence.block.is_protected(start, end):
                yield sentence, verb, start, end

    def _not_an_action(self, verb: Token, doc: Doc) -> bool:
        """True for "is called X" and for participles that describe a state ("is worried").

        "by" and someone who acts makes any of them an action: "was done by my GP",
        except for words that say how things are ("is caused by a virus"). A verb with
        no helper but "being" or "to be" is not a sentence's own passive ("while it is
        being stored", "the stitches need to be removed"): it says what happens, not
        who must act.
        """
        following = tuple(token.lower_ for token in doc[verb.i : verb.i + self._longest])
        if any(following[: len(phrase)] == phrase for phrase in self._states_with_by):
            return True
        if verb.lower_ in self.word_set("found_words") and not self._reader_thing(verb):
            return True  # "cells are found near the skin": they are there, nobody finds them
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if helpers and all(h.lower_ in ("being", "to", "be") for h in helpers):
            return True
        if verb.lower_ in self.word_set("possible_outcomes") and any(
            h.lower_ in ("can", "could", "ca") for h in helpers
        ):
            return True  # "ADHD can be managed": what is possible, not who acts
        if self._doer(verb) is not None:
            return False
        get_forms = grammar_words()["get_forms"]
        if any(child.dep_ == "auxpass" and child.lower_ in get_forms for child in verb.children):
            return verb.lower_ in self.word_set("after_get")  # "got worried", not "got hurt"
        if any(following[: len(phrase)] == phrase for phrase in self._states):
            return True
        for phrase in self._naming:
            after = verb.i + len(phrase)
            if following[: len(phrase)] == phrase and after < len(doc) and _names(doc[after]):
                return True
        return False

    def _reader_thing(self, verb: Token) -> bool:
        """True when the reader can do it to one of their things: "More information can
        be found …", "Questions can be sent …"."""
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        can = any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)
        return (
            can and bool(subjects) and subjects[0].lemma_.lower() in self.word_set("reader_things")
        )

    def _doer(self, verb: Token) -> Token | None:
        """The "by …" part that says who acts, if the sentence has one ("by your nurse")."""
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].lower_ not in self.word_set("means"):
                    return child
        return None

    def _message(self, page: Page, sentence: Sentence, verb: Token, words: str) -> str:
        """What is passive here, and this sentence turned active where the parse allows."""
        agent = self._doer(verb)
        doer = "You" if self._reader_thing(verb) else None
        active = rewrite(verb, agent, doer or _example_doer(page, sentence))
        if active is None:
            verb_s = inflect(verb.lemma_.lower(), "s")
            if words.split()[-1] != verb.text:  # "will get taken out": "takes out"
                verb_s += " " + words.split()[-1]
            return f"“{words}” is passive. Say who {verb_s} {acted_on(verb)}."
        if agent is not None:
            return f"“{words}” is passive. Start with who does it: “{active.sentence}”"
        return (
            f"“{words}” does not say who {active.verb} {active.thing}. Say who, "
            f"for example: “{active.sentence}”"
        )
