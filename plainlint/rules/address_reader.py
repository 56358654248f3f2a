"""Guideline: talk to readers as "you"."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.language.context_words import ContextWords, Surroundings
from plainlint.language.inflection import forms
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import WORD
from plainlint.language.second_person import speak_to_reader, you_word
from plainlint.rules.base import Hit, Option, Rule, word_fix
from plainlint.rules.first_use import readable_sentences

if TYPE_CHECKING:
    from spacy.tokens import Token

# How many words may stand between the reader word and the advice word
# ("Patients who have had surgery on the bowel should …").
ADVICE_WITHIN = 20
# What a subject word needs after it to mean the reader: "people with cancer",
# "people who smoke", "anyone having surgery".
_DESCRIBED_BY = ("relcl", "acl")
# Sentences a page needs before it can be called a page about research.
_LEAST_SENTENCES = 5
# Words before a noun that count or share it out ("1 in 3 patients", "most patients").
_SHARE_DEPS = frozenset({"det", "amod", "nummod", "quantmod", "poss", "predet", "advmod", "neg"})


def _you_fits(subject: list[Token], listed: int) -> bool:
    """True when “you” can simply replace the subject words.

    Not for "Diabetic patients" or "People who smoke" (the describing words would
    be lost), nor before "is", "has" or "needs" ("you is asked"). The last
    `listed` words are the reader word itself ("service users").
    """
    noun = subject[-1]
    if any(t.dep_ in ("compound", "amod") for t in subject[: len(subject) - listed]):
        return False
    if any(c.dep_ in ("prep", "relcl", "acl") for c in noun.children):
        return False
    verb = noun.head
    if any(
        c.dep_ in ("aux", "auxpass") and c.i < noun.i and c.tag_ == "VBZ" for c in verb.children
    ):
        return False  # "Does the patient need" would become "Does you need"
    after = [t for t in (verb, *verb.children) if t.i > noun.i and t.pos_ in ("AUX", "VERB")]
    return not after or min(after, key=lambda t: t.i).tag_ != "VBZ"


def _described_by_words(noun: Token) -> bool:
    """True for "patients with diabetes" or "people who smoke": "you" alone loses words."""
    return any(c.i > noun.i and c.dep_ in ("prep", "relcl", "acl") for c in noun.children)


def _message(words: list[Token], role: str, written: str) -> str:
    """Say what to write here: the sentence's own words, turned to "you"."""
    rewrite = speak_to_reader(words, role)
    if rewrite is None:
        return f"Write to the reader as “you” instead of “{written}”."
    old, new = rewrite
    return f"Write “{new}” instead of “{old}”."


class AddressReader(Rule):
    """Advice about "patients" in the third person, where "you" would speak to the reader."""

    id = "address-reader"
    summary = "The reader is called “patients” or “the patient” instead of “you”."
    why = (
        "The patient reads patient information. Writing “you” speaks to them directly, "
        "makes it clear the advice is for them, and is easier to follow."
    )
    fix = "Write “you” and “your”: “You should rest” instead of “Patients should rest”."
    fix_kind = "needs review"
    fix_when = (
        "Where “you” or “your” can simply take the place of the words, the fix writes it. "
        "The rest of the sentence may still speak of “them”, so a person should check."
    )
    flags = (
        "Patients should stop eating 6 hours before the operation.",
        "The patient will be asked to change into a gown.",
        "People with cancer may want to join a support group.",
        "Patients are advised to bring a list of their medicines.",
    )
    passes = (
        "You should stop eating 6 hours before the operation.",
        "About 1 in 3 patients will get a rash.",
        "Most patients can go home the same day.",
        "In the study, patients who took the drug lived longer.",
        "Your doctor will explain the risks.",
        "Carers should look after their own health too.",
    )
    default_severity = Severity.WARNING
    other_severity = "info: a page that never says “you”"
    options = {
        "reader_words": Option("list", "words that mean the reader, in the third person"),
        "people_words": Option("list", "people in general: the reader when words after say who"),
        "advice_words": Option("list", "words that make a sentence advice (“should”, “will”)"),
        "advised_words": Option("list", "“patients are advised to”: the words after “are”"),
        "share_words": Option("list", "words before the noun that make it a share of patients"),
        "other_people_words": Option("list", "words in the subject that make it someone else"),
        "describing_words": Option("list", "words after “people” that say who (“with”)"),
        "research_context": Option("list", "words that show a sentence is about research"),
        "reporting_context": Option("list", "words that report what someone said"),
        "context_sentences": Option("int", "sentences either side read for research words", 0),
        "statistics_context": Option("list", "words about figures, in the same sentence"),
        "min_words": Option("int", "pages this long that never say “you” get one finding", 0),
        "you_words": Option("list", "the words that speak to the reader"),
        "helping_words": Option(
            "list", "verbs that do something for the reader (“helps patients find …”)"
        ),
        "meant_for_words": Option(
            "list", "verbs that say who a page is for (“is for people who …”)"
        ),
        "research_share": Option(
            "number",
            "per cent of a page's sentences about research that make it a research page",
            0,
        ),
        "professional_headings": Option(
            "list", "words in a heading that show a page is for health professionals"
        ),
        "someone_else_words": Option(
            "list", "words that show the reader looks after the patient (“your child”)"
        ),
        "carer_words": Option(
            "list", "who does things for the reader (“we”, “the nurse”): “We ask patients to …”"
        ),
    }
    parses = True

    @cached_property
    def _subjects(self) -> dict[str, tuple[str, ...]]:
        """Last word of each reader word -> the words that must come before it."""
        found: dict[str, tuple[str, ...]] = {}
        for phrase in self.settings["reader_words"]:
            *before, last = phrase.lower().split()
            found[last] = tuple(before)
        return found

    def _worth_parsing(self, sentence: Sentence) -> bool:
        """A quick test before the parse: a reader word, with an advice word a few words
        after it, or with words that do things for the reader anywhere ("We ask patients")."""
        words = [w.lower() for w in WORD.findall(sentence.text)]
        subjects, advice = self._quick_words
        if subjects.isdisjoint(words):
            owners = {w[:-2] for w in words if w.endswith(("'s", "’s"))}
            owners |= {w[:-1] for w in words if w.endswith(("s'", "s’"))}
            return not owners.isdisjoint(self._subjects)  # "the patient's letter"
        if not self.word_set("carer_words").isdisjoint(words):
            return True
        if not self._helping_forms.isdisjoint(words):
            return True  # "This guide helps patients …", "is for people who …"
        if any(a in ("those", "anyone") and b == "who" for a, b in zip(words, words[1:])):
            return True  # a rule about who may: "Eligible patients are those who …"
        last_subject = -ADVICE_WITHIN - 1  # no reader word yet
        for position, word in enumerate(words):
            if word in subjects:
                last_subject = position
            elif word in advice and position - last_subject <= ADVICE_WITHIN:
                return True
        return False

    @cached_property
    def _helping_forms(self) -> frozenset[str]:
        """Every form of the helping words, and "for" as in "is for people who"."""
        words = {"for"}
        for word in self.word_set("helping_words"):
            words.update(forms(word).values())
        return frozenset(words)

    @cached_property
    def _quick_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The last word of each reader word, and the first word of each advice word."""
        subjects = self._subjects.keys() | self.word_set("people_words")
        advice = {w.split()[0] for w in self.word_set("advice_words")}
        return frozenset(subjects), frozenset(advice | self.word_set("advised_words"))

    @cached_property
    def _context(self) -> dict[str, ContextWords]:
        """Research words (read around a sentence), figures and reported speech (read in it),
        and the words that speak to the reader."""
        return {
            "research": ContextWords(self.settings["research_context"]),
            "same_sentence": ContextWords(
                [*self.settings["statistics_context"], *self.settings["reporting_context"]]
            ),
            "you": ContextWords(self.settings["you_words"]),
        }

    def _not_for_this_rule(self, page: Page) -> bool:
        """True for a page whose readers are not the patients it talks about: a page for
        health professionals, or for someone who looks after the patient ("your child")."""
        key = "address-reader: whose page"
        if key not in page.memo:
            headings = " ".join(
                a.block.text.lower() for a in page.blocks if a.block.acts_as_heading
            )
            professional = any(p in headings for p in self.word_set("professional_headings"))
            text = " ".join(a.block.text.lower() for a in page.blocks)
            carer = sum(text.count(w) for w in self.word_set("someone_else_words"))
            page.memo[key] = professional or carer >= 2 or self._about_research(page)
        return page.memo[key]

    def _about_research(self, page: Page) -> bool:
        """True for a page mostly about research (news of trials, reviews of evidence):
        it rightly talks about the people studied."""
        paragraphs = [s for s in readable_sentences(page) if s.block.kind is BlockKind.PARAGRAPH]
        research = sum(1 for s in paragraphs if self._context["research"].search(s.text))
        share = self.settings["research_share"] / 100
        return len(paragraphs) >= _LEAST_SENTENCES and research >= len(paragraphs) * share

    def to_parse(self, page: Page) -> list[Sentence]:
        """Sentences about patients or people, away from research and figures."""
        if self._not_for_this_rule(page):
            return []
        sentences = readable_sentences(page)
        around = Surroundings(sentences, self.settings["context_sentences"])
        context = self._context
        return [
            sentence
            for index, sentence in enumerate(sentences)
            if self._worth_parsing(sentence)
            # "please" speaks to the reader, so the patients are other people
            and "please" not in sentence.text.lower()
            and not context["same_sentence"].search(sentence.text)
            and not around.mentions(index, context["research"])
        ]

    def check(self, page: Page) -> Iterator[Hit]:
        candidates = self.candidates(page)
        page.parse_all(candidates)
        for sentence in candidates:
            for token in page.parse(sentence):
                found = self._reader_mention(token)
                if found is None:
                    continue
                words, role = found
                start, end = sentence.span_of(words[0])[0], sentence.span_of(words[-1])[1]
                if sentence.block.is_protected(start, end):
                    continue
                written = sentence.block.text[start:end]
                you = you_word(role, written)
                fits = (
                    _you_fits(words, self._listed_words(words))
                    if role == "subject"
                    else (role != "for" and not _described_by_words(words[-1]))
                )
                yield Hit(
                    _message(words, role, written),
                    sentence.block,
                    start,
                    end,
                    suggestions=(you,) if fits else (),
                    fix=word_fix(page, sentence.block, start, end, (you,), False) if fits else None,
                )
        yield from self._never_says_you(page, readable_sentences(page))

    def _listed_words(self, subject: list[Token]) -> int:
        """How many of the subject's last words are the reader word as listed."""
        return 1 + len(self._subjects.get(subject[-1].lower_, ()))

    def _reader_mention(self, token: Token) -> tuple[list[Token], str] | None:
        """The words naming the reader and their part in the sentence, or None.

        The parts: "subject" of advice ("Patients should rest"), "object" of what is
        done for them ("We will tell the patient"), "owner" ("the patient's letter"),
        and "for" ("For patients with diabetes, the nurse checks …").
        """
        role = self._role(token)
        if role is None or not self._names_reader(token, role):
            return None
        doc = token.doc
        left = [c for c in token.lefts if c.dep_ in ("det", "compound", "amod", "predet")]
        first = left[0].i if left else token.i
        last = token.i + 1
        if role == "owner" and token.i + 1 < len(doc) and doc[token.i + 1].dep_ == "case":
            last = token.i + 2  # "the patient's"
        return list(doc[first:last]), role

    def _role(self, token: Token) -> str | None:
        """The reader word's part in the sentence, when that part makes it the reader."""
        dep, head = token.dep_, token.head
        if dep in ("nsubj", "nsubjpass"):
            if self._is_advice(head):
                return "subject"
            if head.dep_ in ("csubj", "acl") and self._is_advice(head.head):
                return "subject"  # "Patients given a spray should keep it" parsed oddly
            if head.dep_ in ("ccomp", "xcomp") and self._done_for_reader(head.head):
                return "object"  # "This will help patients be ready": the patients are helped
            return None
        if dep in ("dobj", "dative") and self._done_for_reader(head):
            return "object"
        if dep == "pobj" and head.lower_ in ("for", "to") and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            subjects = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
            if (
                head.i == head.sent.start
                or verb.lemma_ in self.word_set("helping_words")
                or not self.word_set("carer_words").isdisjoint(subjects)
            ):
                return "for"  # "For patients with …,", "We provide transport for patients"
            if head.lower_ == "for" and verb.lemma_ in self.word_set("meant_for_words"):
                return "for"  # "This leaflet is for people who …", "written for patients"
            return None
        if dep == "poss" and token.lower_ in self._subjects:
            if any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "each", "any") for c in token.children
            ):
                return None  # "a patient's tissue": any patient, in a definition
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in ("'", "’"):
                return None  # "patients' tumours": many people's, as research talks
            return "owner"
        return None

    def _done_for_reader(self, verb: Token) -> bool:
        """True for a promise or a rule about what is done for the reader: "We will tell",
        "The nurse can show", "We ask", "This guide helps", and for verbs that depend on
        one ("should assess the need to prescribe … for patients")."""
        for _ in range(3):
            if self._is_advice(verb) or verb.lemma_ in self.word_set("helping_words"):
                return True
            if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head is verb:
                break
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return (
            bool(subjects)
            and subjects[0].lower_ in self.word_set("carer_words")
            and verb.tag_ in ("VBZ", "VBP")
        )

    def _names_reader(self, token: Token, role: str) -> bool:
        """True when the word means the reader: a reader word, or people described
        ("people with cancer"), and not a share of them or somebody else."""
        lower = token.lower_
        doc = token.doc
        if lower in self._subjects:
            before = self._subjects[lower]
            if before and [t.lower_ for t in doc[max(0, token.i - len(before)) : token.i]] != list(
                before
            ):
                return False
            if lower == "one" and (
                role != "subject"
                or token.pos_ != "PRON"
                or any(c.dep_ == "prep" for c in token.children)
            ):
                return False
        elif lower in self.word_set("people_words") and role in ("subject", "for"):
            if not any(
                c.dep_ in _DESCRIBED_BY
                or (c.dep_ == "prep" and c.lower_ in self.word_set("describing_words"))
                for c in token.children
            ):
                return False
        else:
            return False
        first_word = token.left_edge.i
        if any(
            word.lower_ in self.word_set("share_words") or word.like_num
            for child in token.lefts
            if child.dep_ in _SHARE_DEPS
            for word in child.subtree
        ) or (first_word and doc[first_word - 1].lower_ in self.word_set("share_words")):
            return False  # "1 in 3 patients", "nearly all people", "not every person"
        subtree = token.subtree if role != "owner" else [token]
        if any(word.lower_ in self.word_set("other_people_words") for word in subtree):
            return False
        # "patients, families and carers": the page names its audiences, not one reader
        joined = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj":
            joined.append(token.head)
        return all(t.lower_ in self._subjects for t in joined)

    def _is_advice(self, verb: Token) -> bool:
        """True for advice: "should rest", "will be asked", "need to", "are advised to"."""
        if verb.lower_ in self.word_set("advice_words") or verb.lemma_.lower() in self.word_set(
            "advice_words"
        ):
            return True
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in self.word_set("advice_words"):
                return True
        if verb.lower_ in self.word_set("advised_words") and any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            return True
        if verb.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in self.word_set("advised_words") for c in verb.children
        ):
            return True  # "Patients are welcome to …"
        if verb.lemma_ == "be" and any(
            c.dep_ == "attr" and any(g.dep_ == "relcl" for g in c.children) for c in verb.children
        ):
            return True  # a rule about who may: "Eligible patients are those who …"
        if verb.lemma_ == "have" and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in verb.children
        ):
            return "have to" in self.word_set("advice_words") or "has to" in self.word_set(
                "advice_words"
            )
        return False

    def _never_says_you(self, page: Page, sentences: list[Sentence]) -> Iterator[Hit]:
        """One finding for a page long enough to speak to the reader that never does.

        Only paragraphs count towards the length: a list of drug names has nothing to say
        to anyone. A page that is mostly about research (news of a trial, a review of
        the evidence) rightly talks about the people studied.
        """
        if self._not_for_this_rule(page):
            return
        minimum = self.settings["min_words"]
        paragraphs = [s for s in sentences if s.block.kind is BlockKind.PARAGRAPH]
        if not minimum or sum(len(s.words) for s in paragraphs) < minimum:
            return
        if any(self._context["you"].search(s.text) for s in sentences):
            return
        about_readers = sum(
            1 for s in sentences for w in WORD.findall(s.text) if w.lower() in self._subjects
        )
        if about_readers < 2:
            return  # it talks about nobody in the third person: nothing to turn into "you"

        yield Hit(
            f"This page has {page.metrics.words} words but never says “you” or “your”. "
            "Write to the reader as “you”.",
            severity=Severity.INFO,
        )
