"""Guideline: use gender-inclusive language, except where it is clinically necessary."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from plainlint.findings import Severity
from plainlint.language.context_words import ContextWords, Surroundings, section
from plainlint.language.inflection import noun_forms
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import (
    WORD,
    PhraseList,
    PhraseMatch,
    as_tuple,
    quoted,
    same_case,
)
from plainlint.language.proper_names import chosen_by_writer
from plainlint.language.rewriting import Rewrite, verbs_for, with_verbs
from plainlint.language.second_person import imperative
from plainlint.rules.base import Hit, Option, Rule, word_fix
from plainlint.rules.first_use import readable_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that join a list: "men, women and children" lists people, it does not contrast them.
_LIST_WORDS = frozenset({"and", "or"})
_SUBJECTS = ("nsubj", "nsubjpass")


class GenderedLanguage(Rule):
    """Words that name a gender when the gender does not matter."""

    id = "gendered-language"
    summary = "A word names a gender when it does not need to."
    why = (
        "Words like “chairman” or “he or she” leave some readers out, and readers who feel left "
        "out stop reading. Words for women and men are right when the text is about the body. "
        "They are also right in figures or research on who gets an illness."
    )
    fix = "Use the word suggested, such as “chair”, “they” or “people”, which includes everyone."
    fix_kind = "safe"
    fix_when = (
        "Safe for a word with one neutral form: “chairman” becomes “chair”. Safe for “he or "
        "she” where the verb can agree: “he or she needs” becomes “they need”. Words for "
        "women or men, and “he” or “she” alone, need review: only a person can tell whether "
        "the sex matters."
    )
    flags = (
        "The chairman will open the meeting.",
        "Each patient should bring his or her letter.",
        "Men and women are welcome at the support group.",
        "A nurse will call you. She will explain what happens next.",
    )
    passes = (
        "The chair will open the meeting.",
        "Women aged 50 to 71 are invited for breast screening every 3 years.",
        "Men with prostate cancer may have problems getting an erection.",
        "In the study, 200 women took the new drug.",
        "Your mother or sister may also need a test.",
        "The Men's Health Forum runs a helpline.",
    )
    default_severity = Severity.WARNING
    options = {
        "words": Option("words", "words that name a gender, each with a neutral alternative"),
        "pronoun_pairs": Option("words", "pronoun pairs (“he or she”) and the word to use"),
        "people_by_sex": Option("words", "words for women or men standing for everyone"),
        "person_by_sex": Option("words", "the same for one person, after “a”, “any” or “each”"),
        "generic_determiners": Option("list", "words that make one person anyone (“a”, “any”)"),
        "particular_words": Option("list", "words before that show particular people are meant"),
        "everyone_pairs": Option("words", "pairs such as “men and women” meaning everyone"),
        "generic_people": Option("list", "people a generic “he” or “she” may stand for"),
        "generic_people_determiners": Option("list", "words before them that make them anyone"),
        "particular_people_words": Option("list", "words before them that mean one person"),
        "pronouns": Option("words", "gendered pronouns and the word to use instead"),
        "sex_known": Option("list", "words showing the person's sex is known"),
        "body_context": Option("list", "words about the body and sex-specific conditions"),
        "statistics_context": Option("list", "words about figures on who is affected"),
        "age_context": Option(
            "list", "words about age: clinical for women or men, not for “men and women”"
        ),
        "advice_words": Option("list", "words that make “Women should …” advice"),
        "research_context": Option("list", "words about research"),
        "figure_words": Option("list", "words after a number that make it a figure (“200 women”)"),
        "context_sentences": Option("int", "sentences either side read for context", 0),
        "headings_are_context": Option("bool", "whether headings count as context"),
        "fixes_need_review": Option(
            "list",
            "listed words whose neutral word does not fit every sentence: --fix leaves them "
            "for a person to check",
        ),
    }
    parses = True

    @cached_property
    def _lists(self) -> dict[str, PhraseList]:
        return {
            "words": PhraseList(self.settings["words"], inflect="noun"),
            "everyone": PhraseList(self.settings["everyone_pairs"], inflect="none"),
            "people": PhraseList(self.settings["people_by_sex"], inflect="none"),
            "person": PhraseList(self.settings["person_by_sex"], inflect="none"),
        }

    @cached_property
    def _need_review(self) -> frozenset[str]:
        """Every form of the words whose fix a person should check."""
        return frozenset(
            form
            for word in self.word_set("fixes_need_review")
            for form in noun_forms(word).values()
        )

    @cached_property
    def _clinical(self) -> tuple[ContextWords, ...]:
        """Words about the body, figures, research and age, in that order."""
        return (
            ContextWords(self.settings["body_context"]),
            ContextWords(self.settings["statistics_context"], self.settings["figure_words"]),
            ContextWords(self.settings["research_context"]),
            ContextWords(self.settings["age_context"]),
        )

    @cached_property
    def _clinical_for_everyone(self) -> tuple[ContextWords, ...]:
        """The same for "men and women": no age words, and "60 to 74 years" is an age,
        not a figure about who is affected."""
        ages = self.word_set("age_context") | {"years", "year-olds", "year", "year-old"}
        figures = [w for w in self.settings["figure_words"] if w.lower() not in ages]
        return (
            self._clinical[0],
            ContextWords(self.settings["statistics_context"], figures),
            self._clinical[2],
        )

    @cached_property
    def _pairs(self) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
        """One pattern for every pronoun pair, and each pair's alternatives."""
        written = {
            str(pair).lower(): as_tuple(alternatives)
            for pair, alternatives in self.settings["pronoun_pairs"].items()
            if alternatives is not None
        }
        pairs = {_squash(pair): alternatives for pair, alternatives in written.items()}
        parts = [_spaced(pair) for pair in sorted(written, key=len, reverse=True)]
        body = "|".join(parts) or r"(?!x)x"
        return re.compile(rf"(?<![\w/])(?:{body})(?![\w/])", re.IGNORECASE), pairs

    @cached_property
    def _pronouns(self) -> dict[str, tuple[str, ...]]:
        """Each pronoun and its alternatives; "her" has two: “their” before a noun, “them”."""
        return {
            str(word).lower(): as_tuple(alternatives)
            for word, alternatives in self.settings["pronouns"].items()
            if alternatives is not None
        }

    @cached_property
    def _pronoun(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self._pronouns) or r"(?!x)x"
        return re.compile(rf"(?<![\w’'/-])(?:{words})(?![\w/-])", re.IGNORECASE)

    def check(self, page: Page) -> Iterator[Hit]:
        sentences = readable_sentences(page)
        around = Surroundings(
            sentences, self.settings["context_sentences"], self.settings["headings_are_context"]
        )
        for index in range(len(sentences)):
            taken: list[tuple[int, int]] = []
            for hit in self._in_sentence(page, sentences, around, index):
                if not any(s < hit.end and hit.start < e for s, e in taken):
                    taken.append((hit.start, hit.end))
                    yield hit

    def _in_sentence(
        self, page: Page, sentences: list[Sentence], around: Surroundings, index: int
    ) -> Iterator[Hit]:
        """Hits in one sentence; earlier kinds win where two overlap."""
        sentence = sentences[index]
        yield from self._pronoun_pairs(page, sentence)
        yield from self._listed_words(page, sentence)
        yield from self._people_words(page, sentence, around, index)
        yield from self._generic_pronouns(page, sentences, around, index)

    def _pronoun_pairs(self, page: Page, sentence: Sentence) -> Iterator[Hit]:
        pattern, pairs = self._pairs
        for found in pattern.finditer(sentence.block.text, sentence.start, sentence.end):
            start, end = found.span()
            if sentence.block.is_protected(start, end):
                continue
            written = found.group()
            suggestions = tuple(same_case(written, s) for s in pairs[_squash(written)])
            yield Hit(
                f"Use {quoted(suggestions)} instead of “{written}”.",
                sentence.block,
                start,
                end,
                suggestions=suggestions,
                fix=self._pronoun_fix(page, sentence, start, end, suggestions, safe=True),
            )

    @staticmethod
    def _pronoun_fix(
        page: Page,
        sentence: Sentence,
        start: int,
        end: int,
        suggestions: tuple[str, ...],
        safe: bool,
    ) -> Rewrite | None:
        """The new pronoun, with the verb made to agree when it is the subject: "he or she
        needs" -> "they need". Where the parse does not show the verb, it needs review."""
        fix = word_fix(page, sentence.block, start, end, suggestions, safe)
        if fix is None or suggestions[0].lower() != "they":
            return fix
        doc = page.parse(sentence)
        inside = [t for t in doc if start <= sentence.span_of(t)[0] < end]
        subject = next((t for t in inside if t.dep_ in _SUBJECTS), None)
        found = verbs_for(subject) if subject is not None else None
        if found is None:
            return Rewrite(False, fix.changes)
        verbs, sure = found
        return with_verbs(fix, [(*sentence.span_of(verb), verb) for verb in verbs], sure)

    def _listed_words(self, page: Page, sentence: Sentence) -> Iterator[Hit]:
        words = self._lists["words"]
        for match in words.find(sentence.block.text, sentence.start, sentence.end):
            if not chosen_by_writer(sentence, match.start, match.end):
                continue
            suggestions = words.suggestions(match)
            yield Hit(
                f"Try {quoted(suggestions)} instead of “{match.text}”: the gender does not "
                "matter here.",
                sentence.block,
                match.start,
                match.end,
                suggestions=suggestions,
                fix=word_fix(
                    page,
                    sentence.block,
                    match.start,
                    match.end,
                    suggestions,
                    match.phrase not in self._need_review,
                ),
            )

    def _advice_to_all(self, page: Page, sentence: Sentence, match: PhraseMatch) -> str | None:
        """The advice as an instruction to the reader, when women or men are told to do
        something everyone having the operation would do ("Women should remove nail
        varnish" -> "Remove any nail varnish")."""
        after = _lower_words_in(sentence.block.text, match.end, sentence.end)[:8]
        if self.word_set("advice_words").isdisjoint(after):
            return None  # no "should" or "must": no need to parse
        doc = page.parse(sentence)
        token = next((t for t in doc if sentence.span_of(t)[0] == match.start), None)
        return imperative(token) if token is not None else None

    def _people_words(
        self, page: Page, sentence: Sentence, around: Surroundings, index: int
    ) -> Iterator[Hit]:
        """Words for women or men meaning everyone, unless clinically needed or particular."""
        found: list[tuple[PhraseMatch, str]] = []
        for key in ("everyone", "people", "person"):
            for match in self._lists[key].find(sentence.block.text, sentence.start, sentence.end):
                if not any(m.start <= match.start < m.end for m, _ in found):
                    found.append((match, key))  # a word inside "men and women" is taken
        found.sort(key=lambda item: item[0].start)
        singles = [match for match, key in found if key != "everyone"]
        text = sentence.block.text
        if any(_apart(text, a, b) for a, b in zip(singles, singles[1:])):
            return  # "in males ... in females": the sentence tells the sexes apart
        clinical: bool | None = None
        for match, key in found:
            if not chosen_by_writer(sentence, match.start, match.end):
                continue
            before = _word_before(sentence, match.start)
            if key == "person":
                if before not in self.word_set("generic_determiners"):
                    continue  # "a woman" may stand for anyone; "the woman" is someone
            elif before in self.word_set("particular_words"):
                continue  # "your mother", "these women", "trans women"
            if clinical is None:
                kinds = self._clinical_for_everyone if key == "everyone" else self._clinical
                clinical = around.mentions(index, *kinds)
            if clinical:
                return
            suggestions = self._lists[key].suggestions(match)
            advice = self._advice_to_all(page, sentence, match) if key == "people" else None
            if advice:
                message = f"Advice for everyone needs no “{match.text}”. Write: “{advice}”"
            elif key == "everyone":
                message = (
                    f"“{match.text}” seems to mean everyone here. Write {quoted(suggestions)}."
                )
            else:
                message = (
                    f"“{match.text}” may leave readers out: try {quoted(suggestions)}, unless "
                    "the sex matters here."
                )
            if advice:
                suggestions = ()  # the rewrite is the whole sentence, shown in the message
            fix = word_fix(page, sentence.block, match.start, match.end, suggestions, False)
            yield Hit(
                message, sentence.block, match.start, match.end, suggestions=suggestions, fix=fix
            )

    def _generic_pronouns(
        self, page: Page, sentences: list[Sentence], around: Surroundings, index: int
    ) -> Iterator[Hit]:
        """A pronoun for anyone: "A nurse will call you. She will …"."""
        sentence = sentences[index]
        text = sentence.block.text
        pronouns = list(self._pronoun.finditer(text, sentence.start, sentence.end))
        if not pronouns:
            return  # most sentences: then no need to look for pairs ("he or she") either
        pairs = [m.span() for m in self._pairs[0].finditer(text, sentence.start, sentence.end)]
        pronouns = [
            m
            for m in pronouns
            if not sentence.block.is_protected(*m.span())
            and not any(s <= m.start() < e for s, e in pairs)
        ]
        if not pronouns:
            return
        people = self.word_set("generic_people")
        window = sentences[max(0, index - 1) : index + 1]
        if not any(people.intersection(_lower_words(s)) for s in window):
            return  # no one the pronoun could stand for: no need to parse
        if around.mentions(index, *self._clinical):
            return
        earlier = [
            s for s in sentences[max(0, index - 3) : index] if section(s) == section(sentence)
        ]
        if any(self._names_sex(page, s) for s in earlier):
            return  # a story about a particular person
        doc = page.parse(sentence)
        sex_known = self.word_set("sex_known")
        for found in pronouns:
            token = next((t for t in doc if sentence.span_of(t)[0] == found.start()), None)
            if token is None:
                continue
            if any(_is_name(t) or t.lower_ in sex_known for t in doc[: token.i]):
                return  # "Dr Patel is the surgeon and he …"
            antecedent = self._antecedent(page, doc, token, window[:-1])
            if antecedent is None:
                continue
            word = found.group()
            choices = self._pronouns[word.lower()]
            if len(choices) > 1:  # "her": “their” before a noun, “them” on its own
                choices = choices[:1] if token.dep_ == "poss" else choices[1:2]
            suggestions = tuple(same_case(word, c) for c in choices)
            yield Hit(
                f"“{word}” here stands for {antecedent}, who could be any gender. Use "
                f"{quoted(suggestions)}, or write to the reader as “you”.",
                sentence.block,
                found.start(),
                found.end(),
                suggestions=suggestions,
                fix=self._pronoun_fix(
                    page, sentence, found.start(), found.end(), suggestions, safe=False
                ),
            )
            return  # one finding per sentence is enough to make the point

    def _names_sex(self, page: Page, sentence: Sentence) -> bool:
        """True when the sentence names a particular person or says their sex."""
        words = _plain_words(sentence)
        if self.word_set("sex_known").intersection(w.lower() for w in words):
            return True
        if not any(w[:1].isupper() for w in words):
            return False
        return any(_is_name(t) for t in page.parse(sentence))

    def _antecedent(
        self, page: Page, doc: Doc, pronoun: Token, before: list[Sentence]
    ) -> str | None:
        """Who a pronoun stands for ("any nurse", "anyone"), or None when it may be someone known.

        Reads back from the pronoun to the nearest person it could stand for. In an
        earlier sentence a subject comes first: in "The midwife will check your baby.
        She will …", "she" is the midwife.
        """
        readings = [list(reversed(doc[: pronoun.i]))]
        for sentence in reversed(before):
            tokens = list(reversed(page.parse(sentence)))
            if pronoun.dep_ in _SUBJECTS:
                tokens.sort(key=lambda t: t.dep_ not in _SUBJECTS)  # stable: nearest first
            readings.append(tokens)
        people = self.word_set("generic_people")
        for tokens in readings:
            for token in tokens:
                lower = token.lower_
                if _is_name(token) or lower in self.word_set("sex_known"):
                    return None
                if lower not in people or token.tag_ in ("NNS", "NNPS"):
                    continue
                if _subject_of_same_verb(token, pronoun):
                    continue  # "The nurse will visit her": "her" is someone else
                return self._generic(token)
        return None

    def _generic(self, token: Token) -> str | None:
        """Who a generic person word stands for: "any nurse", or "anyone"; else None."""
        if token.pos_ == "PRON":
            return "anyone"  # "someone", "anyone", "nobody"
        before = [c for c in token.children if c.i < token.i]
        if any(
            c.pos_ == "PROPN" or c.lower_ in self.word_set("particular_people_words")
            for c in before
        ):
            return None  # one particular person
        if any(
            c.dep_ in ("det", "poss") and c.lower_ in self.word_set("generic_people_determiners")
            for c in before
        ):
            return f"any {token.text if token.text.isupper() else token.lower_}"
        return None


def _subject_of_same_verb(person: Token, pronoun: Token) -> bool:
    """True when `person` is the subject and `pronoun` an object of one verb: they differ."""
    if person.doc is not pronoun.doc or person.dep_ not in _SUBJECTS:
        return False
    if pronoun.dep_ in ("dobj", "dative"):
        return pronoun.head.i == person.head.i
    if pronoun.dep_ == "pobj":
        return pronoun.head.head.i == person.head.i
    return False


def _is_name(token: Token) -> bool:
    """A proper noun that is not in capitals (an acronym such as GP or NHS)."""
    return token.pos_ == "PROPN" and not token.text.isupper() and token.text[:1].isupper()


def _apart(text: str, first: PhraseMatch, second: PhraseMatch) -> bool:
    """True when two words for the sexes are not just listed together ("men, women and")."""
    between = WORD.findall(text[first.end : second.start])
    return any(word.lower() not in _LIST_WORDS for word in between)


def _word_before(sentence: Sentence, start: int) -> str:
    """The word just before `start` in the sentence, in lower case ("" at the start)."""
    words = WORD.findall(sentence.block.text[max(sentence.start, start - 40) : start])
    return words[-1].lower() if words else ""


def _plain_words(sentence: Sentence) -> list[str]:
    """The sentence's words, leaving out quotations and code."""
    block = sentence.block
    return [
        m.group()
        for m in WORD.finditer(block.text, sentence.start, sentence.end)
        if not block.is_protected(*m.span())
    ]


def _lower_words(sentence: Sentence) -> set[str]:
    return {w.lower() for w in WORD.findall(sentence.text)}


def _lower_words_in(text: str, start: int, end: int) -> list[str]:
    """The words of text[start:end] in lower case, in order."""
    return [m.group().lower() for m in WORD.finditer(text, start, end)]


def _spaced(pair: str) -> str:
    """A pattern for a pair as written, with any spacing: "he / she", "his  or her"."""
    pieces = re.findall(r"\w+|[^\w\s]", pair)
    pattern = re.escape(pieces[0])
    for previous, piece in zip(pieces, pieces[1:]):
        joint = r"\s+" if previous[-1].isalnum() and piece[0].isalnum() else r"\s*"
        pattern += joint + re.escape(piece)
    return pattern


def _squash(pair: str) -> str:
    """A pair without its spacing or capitals: "He / She" and "he/she" are the same pair."""
    return re.sub(r"\s+", "", pair.lower())
