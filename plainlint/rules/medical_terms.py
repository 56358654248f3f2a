"""Guideline: explain medical words (the glossary's terms) where readers first meet them."""

from __future__ import annotations

import re
from functools import cached_property, partial
from typing import Iterator

from plainlint.documents.model import Block, BlockKind
from plainlint.findings import Severity
from plainlint.language.explanations import (
    content_stems,
    defined_around,
    linked_to_definition,
    opens_with_explanation,
    stem,
)
from plainlint.language.glossary import Entry, match_terms
from plainlint.language.inflection import grammar_words
from plainlint.language.page import Page, Sentence
from plainlint.rules.base import Hit, Option
from plainlint.rules.first_use import (
    DEFINED_WITHIN,
    Use,
    WordRule,
    kind_named,
    nearby,
    needs_explaining,
    phrase_ends,
    readable_sentences,
    uses_in_order,
    word_before,
)

# A name going on after a word: "Cancer UK", "& Day Surgery", "of Medicine".
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:&|and|of|for)[ \t]+)?[A-Z]")
# A name going on before a word: "Association of ", "Society for ".
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+(?:of|for|and|&)[ \t]+(?:the[ \t]+)?$")
# An abbreviation's plural ending: "CTs", "MRI's".
_PLURAL_END = re.compile(r"['’]?s$")
# ", or " straight after a word: "lymph nodes, or radiation therapy".
_OR_AFTER = re.compile(r",\s+or\s+(?:the\s+|an?\s+)?", re.IGNORECASE)


class UnexplainedTerm(WordRule):
    """A glossary term that the page does not explain where the reader first meets it."""

    id = "unexplained-term"
    summary = "A medical word has no explanation where the reader first meets it."
    why = (
        "Many readers do not know medical words such as “neutropenia” or “palliative "
        "care”. If the page does not say what a word means, they may miss what it tells "
        "them."
    )
    fix = (
        "Say what the word means the first time you use it. For example: “Neutropenia "
        "is when you have …”, or “a low number of white blood cells (neutropenia)”. "
        "Or use the plainer word, if there is one."
    )
    flags = (
        "You will have a biopsy next week.",
        "## Neutropenia\n\nCall us if you have neutropenia and a high temperature.",
    )
    passes = (
        "A biopsy is a test where a doctor takes a small sample of cells.",
        "The doctor takes a small sample of tissue. This is called a biopsy.",
        "You may have a biopsy (a small sample of tissue is taken).",
        "You may have neutropenia – a low number of white blood cells.",
        "## Neutropenia\n\nThis means you have a low number of neutrophils, a type of white "
        "blood cell that fights infection.",
        "Your nurse will explain what “neutropenia” means.",
    )
    default_severity = Severity.WARNING
    uses_glossary = True
    options = {
        **WordRule.options,
        "min_shared_words": Option(
            "int",
            "how many content words a nearby sentence must share with the glossary "
            "explanation to count as explaining the word",
            minimum=1,
        ),
        "min_shared_words_in_section": Option(
            "int",
            "the same, for the first sentences under a heading that names the word",
            minimum=1,
        ),
        "kind_words": Option(
            "list",
            "words that say what kind of medicine the next words name (“drugs such as …”)",
        ),
        "kind_window": Option(
            "int", "how many words before a medicine's name a kind word may stand", minimum=1
        ),
        "organisation_words": Option(
            "list",
            "last words of an organisation's name, which is not a medical word to explain "
            "(“Food and Drug Administration”)",
        ),
        "weak_words": Option(
            "list", "words too common on health pages to show that a sentence explains a term"
        ),
    }

    @cached_property
    def _organisations(self) -> frozenset[Entry]:
        """Entries that name an organisation: a term in capitals ending in a word such as
        "Agency" or "Institute". The glossary holds them to spell out their letters."""
        endings = self.word_set("organisation_words")
        return frozenset(
            entry
            for entry in self.glossary.entries
            if _title_case(entry.term) and entry.term.split()[-1].lower() in endings
        )

    @cached_property
    def _weak(self) -> frozenset[str]:
        return frozenset(stem(word) for word in self.settings["weak_words"])

    def check(self, page: Page) -> Iterator[Hit]:
        sentences, pending = self.undecided(page)
        # What the patterns left unexplained, the parse may still find explained:
        # "Cryotherapy freezes the abnormal cells." The engine parsed those sentences ahead.
        page.parse_all(self.candidates(page))
        for entry, entry_uses, meaning in pending:
            explained = partial(self._explained, sentences, entry, meaning, entry_uses)
            explains = partial(self._explains_section, meaning)
            use = needs_explaining(
                entry_uses,
                sentences,
                lambda u, f=explained: f(u) or self.does_what_it_is(page, sentences, u),
                lambda s, f=explains: f(s) or self.opens_with_pronoun_action(page, s),
            )
            if use is not None:
                yield self._hit(use, entry)

    def find_undecided(
        self, page: Page
    ) -> tuple[list[Sentence], list[tuple[Entry, list[Use], frozenset[str]]]]:
        """Glossary words whose first use the patterns do not explain."""
        sentences = readable_sentences(page)
        uses = uses_in_order(sentences, self._terms_in)
        met_inside = self._met_inside_longer_terms(uses)
        pending: list[tuple[Entry, list[Use], frozenset[str]]] = []
        for entry, entry_uses in uses.items():
            first = entry_uses[0]
            if met_inside.get(entry, (len(sentences), 0)) <= (first.index, first.start):
                continue  # first met inside a longer term ("core biopsy" before "biopsy")
            meaning = self._meaning(entry)
            use = needs_explaining(
                entry_uses,
                sentences,
                partial(self._explained, sentences, entry, meaning, entry_uses),
                partial(self._explains_section, meaning),
            )
            if use is not None:
                pending.append((entry, entry_uses, meaning))
        return sentences, pending

    def uses_of(self, item: tuple[Entry, list[Use], frozenset[str]]) -> list[Use]:
        return item[1]

    def _says_the_same(self, meaning: frozenset[str], sentence: Sentence, least: int) -> bool:
        """True when the sentence shares `least` content words with the glossary's explanation."""
        return len(meaning & content_stems(sentence.text, self._weak)) >= least

    def _explains(self, meaning: frozenset[str], sentence: Sentence) -> bool:
        """True for a sentence that says what the glossary says, or opens "This is a ..."."""
        return self._says_the_same(
            meaning, sentence, self.settings["min_shared_words"]
        ) or opens_with_explanation(sentence.text, self.patterns)

    def _explains_section(self, meaning: frozenset[str], sentence: Sentence) -> bool:
        """`_explains` for the first sentences under a heading that names the word: fewer
        shared words will do, since the heading says what the text is about."""
        least = self.settings["min_shared_words_in_section"]
        return self._says_the_same(meaning, sentence, least) or self._explains(meaning, sentence)

    def _explained(
        self,
        sentences: list[Sentence],
        entry: Entry,
        meaning: frozenset[str],
        found: list[Use],
        use: Use,
    ) -> bool:
        """True when a pattern explains this use, or its sentence or the next one says what
        the glossary says."""
        own, *soon = nearby(sentences, use.index, DEFINED_WITHIN)
        following = soon[:1]
        later = range(use.index + 1, use.index + 1 + len(soon))
        defined_next = any(  # "... care for a stoma. A stoma is an opening ..."
            other.index in later and self._explained_here(other, entry) for other in found
        )
        return (
            self._explained_here(use, entry)
            or self._says_the_same(meaning, own, self.settings["min_shared_words"])
            or defined_next
            or any(self._explains(meaning, s) for s in following)
        )

    def _met_inside_longer_terms(
        self, uses: dict[Entry, list[Use]]
    ) -> dict[Entry, tuple[int, int]]:
        """Entries the reader first meets inside a longer term, and where (sentence, start).

        "A core biopsy is ..." introduces "biopsy" too: a later "the biopsy" is
        not a first meeting. An earlier one is: "severe hypoglycaemia" before
        "impaired awareness of hypoglycaemia" in the same sentence.
        """
        met: dict[Entry, tuple[int, int]] = {}
        for entry, entry_uses in uses.items():
            for use in entry_uses:
                words = use.block.text[use.start : use.end].split()
                for i in range(len(words)):
                    for j in range(i + 1, len(words) + 1):
                        if (i, j) == (0, len(words)):
                            continue
                        inner = self.glossary.lookup(" ".join(words[i:j]))
                        if inner is not None and inner is not entry:
                            where = (use.index, use.start)
                            met[inner] = min(met.get(inner, where), where)
        return met

    def _terms_in(self, sentence: Sentence) -> Iterator[tuple[int, int, Entry]]:
        block = sentence.block
        text = block.text[sentence.start : sentence.end]
        for start, end, entry in match_terms(text, self.glossary):
            start, end = start + sentence.start, end + sentence.start
            matched = block.text[start:end]
            if block.is_protected(start, end) or _is_abbreviation(matched, entry):
                continue
            if entry in self._organisations:
                continue  # "Food and Drug Administration": kept for its letters (FDA)
            if block.kind is BlockKind.TABLE_CELL and block.text.strip(" *_") == matched:
                continue  # a table label ("Prostate" in a column of cancer types)
            if block.kind is not BlockKind.HEADING and _inside_name(block, sentence, start, end):
                continue
            yield start, end, entry

    def _meaning(self, entry: Entry) -> frozenset[str]:
        """Content words of the explanation, less the term's own words and weak words."""
        own = content_stems(" ".join(entry.names), frozenset())
        return content_stems(entry.explanation, self._weak) - own

    def _explained_here(self, use: Use, entry: Entry) -> bool:
        block = use.block
        if defined_around(
            block.text, (use.start,), phrase_ends(use), self.patterns, heading=use.in_heading
        ) and not self._or_another_term(use, entry):
            return True  # "Childhood undifferentiated embryonal sarcoma is a rare cancer"
        if entry.plain and _mentions(block.text, use.sentence, entry.plain):
            return True  # "metastatic (secondary) cancer", "secondary or metastatic cancer"
        if entry.category == "medicine" and kind_named(
            use, self.word_set("kind_words"), self.settings["kind_window"]
        ):
            return True  # "anticancer drugs, such as cyclophosphamide"
        return linked_to_definition(block, use.start, use.end, self.settings["definition_links"])

    def _or_another_term(self, use: Use, entry: Entry) -> bool:
        """True for "X, or Y" where Y is another glossary word: a choice between two things
        ("surgery to remove lymph nodes, or radiation therapy"), not X in plain words."""
        text = use.block.text
        after = _OR_AFTER.match(text, use.end)
        if after is None:
            return False
        found = match_terms(text[after.end() : use.sentence.end], self.glossary)
        return bool(found) and found[0][0] == 0 and found[0][2] is not entry

    def _hit(self, use: Use, entry: Entry) -> Hit:
        word = use.block.text[use.start : use.end]
        if entry.category == "medicine":
            message = (
                f"Say what kind of medicine “{word}” is and what it is for, where you first "
                f"use it. You could say: “{entry.explanation}”"
            )
        else:
            message = (
                f"Explain “{word}” where you first use it. You could say: “{entry.explanation}”"
            )
        if entry.plain:
            message += f" Or use “{entry.plain}” instead."
        return Hit(
            message,
            use.block,
            use.start,
            use.end,
            suggestions=(entry.plain,) if entry.plain else (),
        )


def _title_case(words: str) -> bool:
    """True for several words that all start with a capital, less small joining words:
    "Food and Drug Administration", "Inherited Cancer Syndromes"."""
    main = [w for w in words.split() if w.lower() not in grammar_words()["name_joiners"]]
    return len(words.split()) > 1 and all(w[:1].isupper() for w in main)


def _is_abbreviation(matched: str, entry: Entry) -> bool:
    """True when the match is, or holds, one of the entry's abbreviations: that rule covers it."""
    if len(matched) > 1 and matched.isupper():
        return True
    return bool(entry.abbreviations) and any(
        _PLURAL_END.sub("", word) in entry.abbreviations for word in matched.split()
    )


def _inside_name(block: Block, sentence: Sentence, start: int, end: int) -> bool:
    """True for a term inside a name in capitals ("Prostate Cancer UK", "Outpatients & X-ray",
    "British Association of Dermatologists")."""
    if not block.text[start : start + 1].isupper():
        return False
    before = word_before(sentence, start)
    capital_before = before is not None and before[:1].isupper()
    if capital_before or _NAME_GOES_ON.match(block.text, end) is not None:
        return True
    return _NAME_BEFORE.search(block.text, max(0, start - 60), start) is not None


def _mentions(text: str, sentence: Sentence, phrase: str) -> bool:
    """True when the sentence also uses `phrase` (as whole words)."""
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
    return re.search(pattern, text[sentence.start : sentence.end], re.IGNORECASE) is not None
