"""Guideline: explain medical words, including ones the glossary does not hold."""

from __future__ import annotations

import re
from typing import Any, Iterator

from plainlint.findings import Severity
from plainlint.language.explanations import (
    defined_at,
    linked_to_definition,
    opens_with_explanation,
)
from plainlint.language.glossary import match_terms, normal_word
from plainlint.language.page import Page, Sentence
from plainlint.language.word_frequency import zipf
from plainlint.rules.base import Hit, Option
from plainlint.rules.first_use import (
    ExplanationRule,
    Use,
    nearby,
    needs_explaining,
    phrase_ends,
    phrase_starts,
    readable_sentences,
)

# A word as this rule sees it: letters only, so each part of "anti-sickness" is a word.
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


class Jargon(ExplanationRule):
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
        "Your surgeon may do a cholecystectomy.",
        "You may be given ondansetron after your operation.",
    )
    passes = (
        "Your surgeon may do a cholecystectomy, which is an operation to remove your gallbladder.",
        "You may feel some tiredness and numbness.",
        "Ask Dr Okonkwo at the Marsden about Keytruda.",
        "Type `ondansetron` in the search box.",
    )
    default_severity = Severity.INFO
    uses_glossary = True
    options = {
        **ExplanationRule.options,
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
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Words already judged: the same words come back on page after page.
        self._verdicts: dict[str, bool] = {}
        self._glossary_words: dict[str, bool] = {}

    def check(self, page: Page) -> Iterator[Hit]:
        sentences = readable_sentences(page)
        uses: dict[str, list[Use]] = {}
        in_lower_case: set[str] = set()
        for index, sentence in enumerate(sentences):
            for start, end, word in self._candidates(sentence):
                if word[0].islower():
                    in_lower_case.add(word)
                uses.setdefault(word.lower(), []).append(Use(index, sentence, start, end))
        for word, found in uses.items():
            if word not in in_lower_case and not (
                self._medical_looking(word) and len(found[0].sentence.words) > 2
            ):
                continue  # a name: never written in lower case on this page

            def explains(sentence: Sentence, word: str = word) -> bool:
                return self._defined_in(sentence, word) or opens_with_explanation(
                    sentence.text, self.patterns
                )

            def explained(use: Use) -> bool:
                return self._explained(sentences, use)

            use = needs_explaining(found, sentences, explained, explains)
            if use is not None:
                yield self._hit(use)

    def _candidates(self, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
        """Words that may be jargon: rare or medical-looking, not names in capitals, not
        glossary words, not code."""
        block = sentence.block
        text = block.text
        terms = [
            (sentence.start + start, sentence.start + end)
            for start, end, _ in match_terms(text[sentence.start : sentence.end], self.glossary)
        ]
        shortest, first = self.settings["min_letters"], sentence.words[0][0]
        for match in _LETTERS.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if len(word) < shortest:
                continue
            start, end = match.span()
            if word[0].isupper() and (start != first or word.isupper()):
                continue  # a name or an abbreviation, unless it simply starts the sentence
            if not self.is_jargon(word.lower()):
                continue  # most words: an everyday word, known from earlier pages
            if (terms and any(s < end and start < e for s, e in terms)) or block.is_protected(
                start, end
            ):
                continue  # the glossary rule covers it, or it is code, a quote or an address
            if self._in_glossary(word):
                continue  # a glossary word in a longer word or another form: "biopsied"
            yield start, end, word

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
        # two everyday words joined: "breastbone", "painkiller"
        return any(
            zipf(word[:cut]) >= common and zipf(word[cut:]) >= common
            for cut in range(3, len(word) - 2)
        )

    def _explained(self, sentences: list[Sentence], use: Use) -> bool:
        """A definition pattern at the word, or at a use of it in the next sentence."""
        text = use.block.text
        if any(
            defined_at(text, start, end, self.patterns)
            for start in phrase_starts(use, 3)
            for end in phrase_ends(use, 3)
        ):
            return True  # "halichondrin B, a substance ...", "adrenocortical carcinoma, a ..."
        markers = self.settings["definition_links"]
        if linked_to_definition(use.block, use.start, use.end, markers):
            return True
        if any(link.start <= use.start and use.end <= link.end for link in use.block.links):
            return True  # a link to more about it
        if self._kind_named_before(use):
            return True
        word = use.block.text[use.start : use.end]
        return any(
            self._defined_in(s, word) or opens_with_explanation(s.text, self.patterns)
            for s in nearby(sentences, use.index)[1:]
        )

    def _defined_in(self, sentence: Sentence, word: str) -> bool:
        """True when the sentence defines the word at one of its uses."""
        text = sentence.block.text
        pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if defined_at(text, match.start(), match.end(), self.patterns):
                return True
        return False

    def _kind_named_before(self, use: Use) -> bool:
        """True after words that say what kind of thing it is: "the drugs X, Y and Z"."""
        sentence = use.sentence
        before = [use.block.text[a:b].lower() for a, b in sentence.words if b <= use.start][
            -self.settings["kind_window"] :
        ]
        return any(word in self.word_set("kind_words") for word in before)

    def _hit(self, use: Use) -> Hit:
        word = use.block.text[use.start : use.end]
        return Hit(
            f"“{word}” may be a medical or technical word that many readers do not know. "
            "Say what it means, use a plainer word, or add it to your glossary.",
            use.block,
            use.start,
            use.end,
        )
