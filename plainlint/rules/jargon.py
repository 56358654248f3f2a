"""Guideline: explain medical words, including ones the glossary does not hold."""

from __future__ import annotations

import os
import re
from functools import cached_property
from typing import Any, Iterator

from plainlint.findings import Severity
from plainlint.language.explanations import (
    defined_around,
    linked_to_definition,
    opens_with_explanation,
)
from plainlint.language.glossary import match_terms, normal_word
from plainlint.language.page import Page, Sentence
from plainlint.language.phrase_list import PhraseList, PhraseMatch, quoted
from plainlint.language.word_frequency import zipf
from plainlint.rules.base import Hit, Option
from plainlint.rules.first_use import (
    Use,
    WordRule,
    kind_named,
    nearby,
    needs_explaining,
    phrase_ends,
    phrase_starts,
    readable_sentences,
)

# A word as this rule sees it: letters only, so each part of "anti-sickness" is a word.
# Each part of a joined word ("breastbone") is one everyday word: none is longer than
# this, so longer pieces are not looked up, and a run of 50,000 letters costs no more.
_LONGEST_PART = 20
_LETTERS = re.compile(r"(?<![\w'’])[A-Za-z]+(?![\w'’])")
# Everyday endings: "tiredness" and "painless" are as plain as "tired" and "pain".


def _bases(word: str) -> list[str]:
    """The word and the forms it may come from: "biopsied" -> "biopsy"."""
    lowered = word.lower()
    found = [lowered]
    for ending, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ing", ""), ("s", "")):
        if lowered.endswith(ending) and len(lowered) > len(ending) + 3:
            found.append(lowered[: -len(ending)] + replacement)
    return found


def _spellings(word: str) -> list[str]:
    """The word, its singular, and its other spelling ("sanitiser" and "sanitizer")."""
    found = [word]
    if word.endswith("s") and not word.endswith("ss"):
        found.append(word[:-1])
    for uk, us in (("is", "iz"), ("our", "or"), ("ae", "e"), ("oe", "e"), ("yse", "yze")):
        found += [f.replace(uk, us) for f in list(found) if uk in f]
    return list(dict.fromkeys(found))


# The word after a phrase, past a link's or emphasis's marks: "Acute [monocytic](...)".
_NEXT_WORD = re.compile(r"[\s*_\[]+([A-Za-z]+)")


def _by_shared_stem(uses: dict[str, list[Use]]) -> dict[str, list[Use]]:
    """Join the uses of words that are forms of one word ("hepatoblastoma" and
    "hepatoblastomas", "aspirate" and "aspiration"), in page order: a form explained
    where the reader first meets it explains the others."""
    joined: dict[str, list[Use]] = {}
    for word in sorted(uses, key=len):
        home = next((key for key in joined if _same_word(key, word)), word)
        joined.setdefault(home, []).extend(uses[word])
    for found in joined.values():
        found.sort(key=lambda use: (use.index, use.start))
    return joined


def _same_word(shorter: str, longer: str) -> bool:
    """True when two words share all but the last few letters of the shorter one."""
    if shorter[:3] != longer[:3]:
        return False
    common = len(os.path.commonprefix([shorter, longer]))
    return common >= max(5, len(shorter) - 3)


def _kind_pointed_to(use: Use, kinds: frozenset[str]) -> bool:
    """True when the sentence goes on to name the word's kind with "this" or "these":
    "brief information about venetoclax and the use of this drug"."""
    text = use.block.text
    following = [text[a:b].lower() for a, b in use.sentence.words if a >= use.end]
    return any(
        word in ("this", "these") and after in kinds
        for word, after in zip(following, following[1:])
    )


def page_word(use: Use) -> str:
    """The word as the page writes it at this use."""
    return use.block.text[use.start : use.end]


class Jargon(WordRule):
    """A probably medical or technical word, not in the glossary and not explained."""

    id = "jargon"
    summary = "A word is probably medical or technical, and not explained."
    why = (
        "Words that are rare in everyday English, or built from medical parts such as "
        "“-ectomy” or “-itis”, are hard for many readers. If the page does not explain them, "
        "readers may miss the point."
    )
    fix = (
        "Say what the word means where you first use it, use a plainer word, or add it to "
        "your project's glossary with a plain explanation."
    )
    flags = (
        "Your surgeon may do a canthoplasty.",
        "Your chronic pain may get better.",
        "You may be given olaparib after your operation.",
    )
    passes = (
        "Your surgeon may do a canthoplasty, which is an operation on the corner of your eyelids.",
        "Your long-term pain may get better.",
        "You may feel some tiredness and numbness.",
        "Ask Dr Okonkwo at the Marsden about Keytruda.",
        "Type `olaparib` in the search box.",
    )
    default_severity = Severity.INFO
    uses_glossary = True
    options = {
        **WordRule.options,
        "max_frequency": Option(
            "number",
            "words rarer than this (Zipf scale: 3 is about once in a million words) count "
            "as jargon",
            minimum=0,
        ),
        "max_frequency_medical": Option(
            "number",
            "words built from medical parts and rarer than this count as jargon",
            minimum=0,
        ),
        "common_base_frequency": Option(
            "number",
            "a word made from an everyday word this common (“tiredness”) is not jargon",
            minimum=0,
        ),
        "min_letters": Option("int", "shorter words are never jargon", minimum=1),
        "medical_prefixes": Option("list", "word beginnings that mark a medical word"),
        "medical_suffixes": Option("list", "word endings that mark a medical word"),
        "everyday_words": Option("list", "words that are never jargon"),
        "everyday_endings": Option(
            "list", "endings that make a word from an everyday one (“numb” + “ness”)"
        ),
        "everyday_beginnings": Option(
            "list", "beginnings that make a word from an everyday one (“un” + “well”)"
        ),
        "kind_words": Option(
            "list",
            "words that say what kind of thing the next words are (“the drugs X, Y and Z”)",
        ),
        "kind_window": Option(
            "int", "how many words before a word a kind word may stand", minimum=1
        ),
        "misread_words": Option(
            "words",
            "words common in print that many patients misread or do not know in their "
            "medical sense, each with plainer words (“acute”: “sudden”)",
        ),
        "medicine_endings": Option(
            "list", "word endings that mark a medicine's name (“-mab”, “-statin”)"
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Words already judged: the same words come back on page after page.
        self._verdicts: dict[str, bool] = {}
        self._glossary_words: dict[str, bool] = {}

    def check(self, page: Page) -> Iterator[Hit]:
        sentences, pending = self.undecided(page)
        # The parse settles some of the rest: "Cryotherapy freezes the abnormal cells."
        # The engine parsed those sentences ahead.
        page.parse_all(self.candidates(page))
        for found, misread in pending:
            use = needs_explaining(
                found,
                sentences,
                lambda u, kinds=misread is None: (
                    self._explained(sentences, u, kinds) or self.does_what_it_is(page, sentences, u)
                ),
                lambda s, w=found[0]: (
                    self._defined_in(s, page_word(w))
                    or opens_with_explanation(s.text, self.patterns)
                    or self.opens_with_pronoun_action(page, s)
                ),
            )
            if use is not None:
                yield self._hit(use, misread)

    def find_undecided(
        self, page: Page
    ) -> tuple[list[Sentence], list[tuple[list[Use], dict[int, PhraseMatch] | None]]]:
        """Rare, medical-looking and misread words whose first use the patterns do not
        explain; a misread word comes with its matches, for its plainer words."""
        sentences = readable_sentences(page)
        uses: dict[str, list[Use]] = {}
        in_lower_case: set[str] = set()
        for index, sentence in enumerate(sentences):
            for start, end, word in self._candidates(sentence):
                if word[0].islower():
                    in_lower_case.add(word)
                uses.setdefault(word.lower(), []).append(Use(index, sentence, start, end))
        uses = _by_shared_stem(uses)
        pending: list[tuple[list[Use], dict[int, PhraseMatch] | None]] = []
        for word, found in uses.items():
            if not in_lower_case & {page_word(u) for u in found} and not (
                self._medical_looking(word) and len(found[0].sentence.words) > 2
            ):
                continue  # a name: never written in lower case on this page

            def explains(sentence: Sentence, word: str = word) -> bool:
                return self._defined_in(sentence, word) or opens_with_explanation(
                    sentence.text, self.patterns
                )

            def explained(use: Use) -> bool:
                return self._explained(sentences, use)

            if needs_explaining(found, sentences, explained, explains) is not None:
                pending.append((found, None))
        for found, matches in self._misread_uses(sentences):
            use = needs_explaining(
                found,
                sentences,
                lambda u: self._explained(sentences, u, kinds=False),
                lambda s, w=found[0]: self._defined_in(s, page_word(w)),
            )
            if use is not None:
                pending.append((found, matches))
        return sentences, pending

    def uses_of(self, item: tuple[list[Use], dict[int, PhraseMatch] | None]) -> list[Use]:
        return item[0]

    def _candidates(self, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
        """Words that may be jargon: rare or medical-looking, not names in capitals, not
        glossary words, not code."""
        block = sentence.block
        text = block.text
        segment = text[sentence.start : sentence.end]
        shortest, first = self.settings["min_letters"], sentence.words[0][0]
        terms = [
            (sentence.start + start, sentence.start + end)
            for start, end, _ in match_terms(segment, self.glossary)
        ]
        for match in _LETTERS.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if len(word) < shortest:
                continue
            start, end = match.span()
            if word[0].isupper() and (start != first or word.isupper()):
                continue  # a name or an abbreviation, unless it simply starts the sentence
            if not word[1:].islower():
                continue  # a capital inside: a brand's name ("iStock")
            if not self.is_jargon(word.lower()):
                continue  # most words: an everyday word, known from earlier pages
            if (terms and any(s < end and start < e for s, e in terms)) or block.is_protected(
                start, end
            ):
                continue  # the glossary rule covers it, or it is code, a quote or an address
            if self._in_glossary(word):
                continue  # a glossary word in a longer word or another form: "biopsied"
            yield start, end, word

    @cached_property
    def _misread(self) -> PhraseList:
        return PhraseList(self.settings["misread_words"])

    def _misread_uses(
        self, sentences: list[Sentence]
    ) -> list[tuple[list[Use], dict[int, PhraseMatch]]]:
        """Uses of the listed misread words ("acute", "negative result"), by phrase, with
        each use's match (by the use's id) for its plainer words.

        A use inside a glossary term ("acute myeloid leukaemia") or a name in capitals
        ("Acute Care Unit") is left to the glossary or left alone.
        """
        by_phrase: dict[str, tuple[list[Use], dict[int, PhraseMatch]]] = {}
        words = self._misread
        for index, sentence in enumerate(sentences):
            block = sentence.block
            inside = list(words.find(block.text, sentence.start, sentence.end))
            if not inside:
                continue
            first = sentence.words[0][0]
            text = block.text[sentence.start : sentence.end]
            terms = [
                (sentence.start + a, sentence.start + b)
                for a, b, _ in match_terms(text, self.glossary)
            ]
            for match in inside:
                if block.is_protected(match.start, match.end):
                    continue
                if match.text[:1].isupper() and (match.start != first or match.text.isupper()):
                    continue
                if any(a < match.end + 1 and match.start < b for a, b in terms):
                    continue  # in or before a glossary term: "acute myeloid leukaemia"
                following = _NEXT_WORD.match(block.text, match.end)
                if following and self.is_jargon(following.group(1).lower()):
                    continue  # part of a rarer name: "acute monocytic leukaemia"
                use = Use(index, sentence, match.start, match.end)
                found, by_use = by_phrase.setdefault(match.phrase, ([], {}))
                found.append(use)
                by_use[id(use)] = match
        return list(by_phrase.values())

    def _in_glossary(self, word: str) -> bool:
        """True for a glossary word, or another form of one: "biopsied"."""
        found = self._glossary_words.get(word)
        if found is None:
            index = self.glossary.phrase_index
            found = any(normal_word(base) in index for base in _bases(word))
            self._glossary_words[word] = found
        return found

    def is_jargon(self, word: str) -> bool:
        """True when a lower-case word is rare, or medical-looking and not common."""
        known = self._verdicts.get(word)
        if known is None:
            known = self._verdicts[word] = self._judge(word)
        return known

    def _judge(self, word: str) -> bool:
        spellings = _spellings(word)
        if any(
            s in self.word_set("everyday_words") or self._from_everyday_word(s) for s in spellings
        ):
            return False
        frequency = max(zipf(s) for s in spellings)
        if frequency < self.settings["max_frequency"]:
            return True
        return frequency < self.settings["max_frequency_medical"] and self._medical_looking(word)

    def _medical_looking(self, word: str) -> bool:
        return word.startswith(tuple(self.settings["medical_prefixes"])) or word.endswith(
            tuple(self.settings["medical_suffixes"])
        )

    def _from_everyday_word(self, word: str) -> bool:
        """True for an everyday word with a common ending or beginning ("numbness")."""
        common = self.settings["common_base_frequency"]
        endings, beginnings = (
            self.settings["everyday_endings"],
            self.settings["everyday_beginnings"],
        )
        bases = [word[: -len(end)] for end in endings if word.endswith(end)]
        bases += [word[len(start) :] for start in beginnings if word.startswith(start)]
        bases += [base + "e" for base in bases]  # "scarring" -> "scarr", "scar"; "rating" -> "rate"
        bases += [base[:-1] for base in bases if len(base) > 2 and base[-1] == base[-2]]
        if any(len(base) > 2 and zipf(base) >= common for base in bases):
            return True
        # two everyday words joined: "breastbone", "painkiller"; not a medical part and a
        # word ("neuro" and "behavioral")
        prefixes = tuple(self.settings["medical_prefixes"])
        return any(
            zipf(word[:cut]) >= common
            and zipf(word[cut:]) >= common
            and not word[:cut].startswith(prefixes)
            for cut in range(
                max(3, len(word) - _LONGEST_PART), min(len(word) - 2, _LONGEST_PART + 1)
            )
        )

    def _explained(self, sentences: list[Sentence], use: Use, kinds: bool = True) -> bool:
        """A definition pattern at the word, or at a use of it in the next sentence."""
        text = use.block.text
        if defined_around(
            text,
            phrase_starts(use, 3),
            phrase_ends(use, 3 if kinds else 5),
            self.patterns,
            heading=use.in_heading,
        ):
            return True  # "halichondrin B, a substance ...", "adrenocortical carcinoma, a ..."
        markers = self.settings["definition_links"]
        if linked_to_definition(use.block, use.start, use.end, markers):
            return True
        if any(link.start <= use.start and use.end <= link.end for link in use.block.links):
            return True  # a link to more about it
        if kinds and self._kind_named(use):
            return True
        word = use.block.text[use.start : use.end]
        return any(
            self._defined_in(s, word) or opens_with_explanation(s.text, self.patterns)
            for s in nearby(sentences, use.index)[1:]
        )

    def _defined_in(self, sentence: Sentence, word: str) -> bool:
        """True when the sentence defines the word, or a phrase it starts, at one of its
        uses: "Chronic hepatitis B infection is a long-term illness"."""
        text = sentence.block.text
        pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
        for match in pattern.finditer(text, sentence.start, sentence.end):
            use = Use(0, sentence, match.start(), match.end())
            if defined_around(text, (match.start(),), phrase_ends(use, 5), self.patterns):
                return True
        return False

    def _kind_named(self, use: Use) -> bool:
        window = self.settings["kind_window"]
        kinds = self.word_set("kind_words")
        medicine = self._medicine_name(use.block.text[use.start : use.end])
        return kind_named(use, kinds, window, window if medicine else 1) or _kind_pointed_to(
            use, kinds
        )

    def _hit(self, use: Use, misread: dict[int, PhraseMatch] | None = None) -> Hit:
        word = use.block.text[use.start : use.end]
        if misread is not None:
            match = misread[id(use)]
            words = self._misread
            plainer = words.suggestions(match, words.words_before(use.block.text, match.start))
            return Hit(
                f"“{word}” is often misread. Say what it means here, or write {quoted(plainer)}.",
                use.block,
                use.start,
                use.end,
                suggestions=plainer,
            )
        if self._medicine_name(word):
            return Hit(
                f"“{word}” looks like the name of a medicine. The first time you use it, say "
                "what kind of medicine it is and what it is for.",
                use.block,
                use.start,
                use.end,
            )
        return Hit(
            f"“{word}” may be a medical or technical word. Say what it means, use a plainer "
            "word, or add it to your glossary.",
            use.block,
            use.start,
            use.end,
        )

    @cached_property
    def _medicine_endings(self) -> tuple[str, ...]:
        return tuple(self.settings["medicine_endings"])

    def _medicine_name(self, word: str) -> bool:
        """True for a word that ends like a medicine's name: "pembrolizumab", "atorvastatin"."""
        return word.lower().endswith(self._medicine_endings)
