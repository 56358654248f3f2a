"""Guideline: explain medical words, including abbreviations such as CT, MRI or TACE."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable, Iterator

from plainlint.documents.model import BlockKind
from plainlint.findings import Severity
from plainlint.language.explanations import (
    defined_at,
    linked_to_definition,
    opens_with_explanation,
)
from plainlint.language.glossary import Entry
from plainlint.language.inflection import grammar_words
from plainlint.language.page import Page, Sentence
from plainlint.language.word_frequency import zipf
from plainlint.rules.base import Hit, Option, word_fix
from plainlint.rules.first_use import (
    ExplanationRule,
    Use,
    nearby,
    needs_explaining,
    readable_sentences,
    uses_in_order,
    word_before,
)

# Two or more capitals, maybe with digits, "&", a leading "5-" or a plural "s":
# CT, MRI, HER2, A&E, 5-FU, NETs; "AHRQ's" holds one too.
_CANDIDATE = re.compile(
    r"(?<![\w&’'-])(?:\d+-)?(?=[A-Z0-9&]*[A-Z])[A-Z0-9&]+(?:-[A-Z0-9]+)*s?"
    r"(?:(?=['’]s\b)|(?![\w&’']))"
)
# Where a page title ends and the site's name begins: "Having a biopsy - NHS".
_SITE_NAME = re.compile(r"\s(?:-|–|—|\|)\s(?!.*\s(?:-|–|—|\|)\s)")
# An identifier rather than an abbreviation: "NCT05564390", a protein change "V600E".
_IDENTIFIER = re.compile(r".*\d{4,}.*|[A-Z]\d{2,}[A-Z]")
# A label before a number ("PMID: 26389337"), or a place's state or county ("Scottsdale, AZ").
_LABEL = re.compile(r"\s*:\s*\d")
_PLACE_BEFORE = re.compile(r"[A-Z][a-z]+,[ \t]*$")
# A number straight after: the abbreviation is part of a name ("CA 125"). A dot and
# letters straight after make a web address: "GOV.UK", "NHS.net". A capitalised word
# after does not make a name that needs no spelling out: "the NIH Clinical Center".
_NAME_AFTER = re.compile(r"[ \t]+\d|\.[A-Za-z]")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?:[A-C]\d?)?")
# Small letters mixed with capitals.
_MIXED_CASE = re.compile(r"(?<![\w&’'-])[A-Za-z](?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]+(?![\w&’'])")
_SMALL_THEN_CAPITALS = re.compile(r"[a-z]{1,2}[A-Z]{3,}\d*")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


class UnexplainedAbbreviation(ExplanationRule):
    """An abbreviation that is not spelled out where the reader first meets it."""

    id = "unexplained-abbreviation"
    summary = "An abbreviation has no full form where the reader first meets it."
    why = (
        "Readers cannot guess what letters such as “CT”, “PICC” or “TACE” stand for. Some "
        "will skip them, and miss what the page says."
    )
    fix = (
        "Write the words in full the first time, with the abbreviation after them in "
        "brackets: “a computed tomography (CT) scan”. Or say what it stands for."
    )
    fix_kind = "needs review"
    fix_when = (
        "Where the glossary has the words in full, the fix writes them before the "
        "abbreviation (“magnetic resonance imaging (MRI)”). A person should check it reads well."
    )
    flags = (
        "You will have a CT scan on Monday.",
        "Ask your nurse about a PICC line.",
    )
    passes = (
        "You will have a computed tomography (CT) scan. The CT scan takes 10 minutes.",
        "You may have TACE (transarterial chemoembolisation).",
        "PICC stands for peripherally inserted central catheter.",
        "Contact the NHS or your GP in the UK.",
        "You have stage II cancer.",
        "## WHAT TO EXPECT",
        "Type `MRI` in the search box.",
    )
    default_severity = Severity.WARNING
    uses_glossary = True
    options = {
        **ExplanationRule.options,
        "known": Option("list", "abbreviations every reader knows, which need no explaining"),
        "units": Option("list", "units of measurement written in capitals"),
        "kind_words": Option(
            "list", "words next to an abbreviation that say what it is (“the BRAF gene”)"
        ),
        "numbered_after": Option(
            "list",
            "words after which a Roman number, as in a cancer's stage, is a number and not an "
            "abbreviation",
        ),
    }

    def _after_credential(self, before: str) -> bool:
        """True for letters after a person's name and a known credential: ", MD, MSPH"."""
        previous = re.search(r"([A-Za-z]+),\s*$", before[-20:])
        return previous is not None and previous.group(1) in self._skipped

    def _roman_numeral(self, core: str, before: str) -> bool:
        """True for a Roman numeral: "II", "IIIA", "IA1", or "IV" after "stage"; not "by IV"."""
        if not _ROMAN.fullmatch(core):
            return False
        numeral = core.rstrip("0123456789").rstrip("ABC")
        return numeral != core or set(numeral) == {"I"} or bool(self._numbered.search(before))

    @cached_property
    def _numbered(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self.settings["numbered_after"]) or "(?!)"
        return re.compile(rf"\b(?:{words})\W*$", re.IGNORECASE)

    @cached_property
    def _named_before(self) -> re.Pattern[str]:
        phrases = "|".join(
            (r"\b" if p[:1].isalnum() else "") + re.escape(p) + r"\b"
            for p in self.settings["explained_before"]
        )
        return re.compile(rf"(?:{phrases or '(?!)'})[^.;:!?()]{{0,60}}$", re.IGNORECASE)

    @cached_property
    def _skipped(self) -> frozenset[str]:
        return frozenset([*self.settings["known"], *self.settings["units"]])

    def check(self, page: Page) -> Iterator[Hit]:
        sentences = readable_sentences(page)
        uses = uses_in_order(sentences, self._abbreviations_in)
        for abbreviation, found in uses.items():
            entry = self.glossary.abbreviation_index.get(abbreviation)

            def explained(use: Use, entry: Entry | None = entry) -> bool:
                following = nearby(sentences, use.index)[1:]
                return (
                    self._explained_here(use)
                    or (entry is not None and _long_form_near(sentences, use.index, entry))
                    or any(opens_with_explanation(s.text, self.patterns) for s in following)
                )

            def explains(sentence: Sentence, entry: Entry | None = entry) -> bool:
                return entry is not None and _names_entry(sentence.text, entry)

            use = needs_explaining(found, sentences, explained, explains)
            if use is not None:
                yield self._hit(page, use, abbreviation, entry)

    def _abbreviations_in(self, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
        block = sentence.block
        if block.kind is BlockKind.HEADING and not any(c.islower() for c in block.text):
            return  # a heading in capitals is not made of abbreviations
        text = block.text
        title_end = len(text) + 1
        if block.kind is BlockKind.HEADING and block.level == 1:
            suffix = _SITE_NAME.search(text)
            title_end = suffix.start() if suffix else title_end
        matches = list(_CANDIDATE.finditer(text, sentence.start, sentence.end))
        if _shouting(text[sentence.start : sentence.end], len(matches)):
            return
        for match in matches:
            start, end = match.span()
            if start > title_end:
                continue  # the site's name after a page title: "Having a biopsy - NHS"
            word = match.group()
            core = _singular(word.split("-")[-1] if word[:1].isdigit() else word)
            offset = max(sentence.start, start - _WINDOW)
            before = text[offset:start]  # a window, so long sentences stay quick
            if sum(c.isupper() for c in core) < 2 or self._roman_numeral(core, before):
                continue
            if _IDENTIFIER.fullmatch(core) or _NAME_AFTER.match(text, end):
                continue
            if _PHONE_WORD.search(before) or self._after_credential(before):
                continue  # "1-800-CDC-INFO"; "Jane Smith, MD, MSPH"
            previous = word_before(sentence, start)
            if (
                previous
                and previous[:1].isupper()
                and not previous.isupper()
                and block.kind is not BlockKind.HEADING
            ):
                continue  # a name: "Oncotype DX", "Ligase IV" (headings have capitals anyway)
            if _LABEL.match(text, end) or (
                len(core) == 2 and _PLACE_BEFORE.search(before) and _ends_clause(text, end)
            ):
                continue
            if {word, core} & self._skipped or block.is_protected(start, end):
                continue
            if core not in self.glossary.abbreviation_index and _word_in_capitals(core):
                continue  # "Do NOT eat", "1-800-4-CANCER"
            yield start, end, core
        yield from self._mixed_case_in(sentence)

    def _mixed_case_in(self, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
        """Abbreviations with small letters: "mRNA", "ctDNA", "eGFR", and the glossary's
        own ("HbA1c")."""
        block = sentence.block
        for match in _MIXED_CASE.finditer(block.text, sentence.start, sentence.end):
            word = match.group()
            if word.isupper() or not any(c.islower() for c in word):
                continue  # all capitals: found above, with its filters
            if (
                _SMALL_THEN_CAPITALS.fullmatch(word) or word in self.glossary.abbreviation_index
            ) and not ({word} & self._skipped or block.is_protected(*match.span())):
                yield match.start(), match.end(), word

    def _explained_here(self, use: Use) -> bool:
        text = use.block.text
        abbreviation = text[use.start : use.end]
        before, after = text[max(0, use.start - 200) : use.start], text[use.end : use.end + 200]
        # "long form (ABBR)", "long form (or ABBR)", "long form (CT or CAT)": the
        # abbreviation is in a bracket that follows some words.
        opened = _OPEN_BRACKET.search(before)
        closed = re.match(r"([^()]{0,60})\)", after)
        unspelled = False  # "a scan (CT)", "Macmillan (MSN)": the words are not its long form
        if opened and closed:
            alone = not re.search(r"[A-Za-z]", opened.group(1) + closed.group(1))
            words_before = before[: opened.start()]
            if (
                not alone
                or _spelled_before(words_before, _singular(abbreviation))
                or _ends_with_abbreviation(words_before)
            ):
                return True  # "(or CT)", "(CAT scan)"; "computed tomography (CT)"; "CT (CAT)"
            unspelled = True
        if re.search(r"[A-Za-z][^\[\]]*\[\s*$", before) and re.match(r"\s*\]", after):
            return True  # "International Consensus Classification [ICC]"
        # "... also called X or ABBR": a name given further back in the sentence.
        if self._named_before.search(before):
            return True
        # "the protein PD-L1", "the BRAF gene", "the EGFR and ALK genes": a word next to
        # it, or next to the list it is in, says what it is.
        nearest = [*_beside(reversed(_TOKEN.findall(before))), *_beside(_TOKEN.findall(after))]
        if any(word.lower() in self.word_set("kind_words") for word in nearest):
            return True
        # "ABBR (long form)": words in the bracket straight after it.
        spelled = re.match(r"\s*\(([^()]{3,200})\)", after)
        if spelled and len(_WORD.findall(spelled.group(1))) >= 2:
            return True
        if _ONE_WORD_BRACKET.match(after):
            return False  # "LDL (bad) cholesterol" hints at a meaning; it spells nothing out
        if not unspelled and defined_at(text, use.start, use.end, self.patterns):
            return True
        if linked_to_definition(use.block, use.start, use.end, self.settings["definition_links"]):
            return True
        # "National Cancer Institute ... NCI": the words were written out just before.
        return _initials_before(text, use.start, text[use.start : use.end])

    def _hit(self, page: Page, use: Use, abbreviation: str, entry: Entry | None) -> Hit:
        word = use.block.text[use.start : use.end]
        if entry is not None:
            message = (
                f"Spell out “{word}” the first time you use it: “{entry.term} ({abbreviation})”. "
                f"It means: “{entry.explanation}”"
            )
        else:
            message = (
                f"Spell out “{word}” the first time you use it: the words in full, then “({word})”."
            )
        suggestion = (f"{entry.term} ({abbreviation})",) if entry is not None else ()
        # "MRIs" would lose its plural: only the abbreviation as listed is spelled out.
        fix = word_fix(page, use.block, use.start, use.end, suggestion, False)
        return Hit(
            message,
            use.block,
            use.start,
            use.end,
            suggestions=suggestion,
            fix=fix if word == abbreviation and not _possessive(use) else None,
        )


_TOKEN = re.compile(r"[\w&-]+")


def _possessive(use: Use) -> bool:
    """ "the TACE's risks": the words in full would take the "'s" wrongly."""
    return use.block.text[use.end : use.end + 1] in ("'", "’")


_ONE_WORD_BRACKET = re.compile(r"\s*\(\s*[\w'’-]+\s*\)")
# How far back from an abbreviation the checks for names and numbers look.
_WINDOW = 80
# Letters in a phone number: "1-800-4-CANCER", "1–800–CDC–INFO".
_PHONE_WORD = re.compile(r"\d[-–][\w–-]*$")


def _beside(tokens: Iterable[str]) -> list[str]:
    """The first word that is not another abbreviation or "and"/"or" (a list of names)."""
    for token in tokens:
        if token.lower() in ("and", "or") or (len(token) > 1 and token.upper() == token):
            continue
        return [token]
    return []


# "long form (": words, then an opening bracket and maybe a few words inside it.
_OPEN_BRACKET = re.compile(r"(?<=[A-Za-z0-9.,])\s*\(([^()]{0,60})$")


def _spelled_before(before: str, abbreviation: str) -> bool:
    """True when the words just before spell the abbreviation out: each of its letters in
    order, the first one starting a word ("computed tomography" for CT, "Cancer Research
    UK" for CRUK), and not "a scan" for CT. After Schwartz and Hearst's test for
    abbreviations in biomedical text (2003)."""
    letters = [c.lower() for c in abbreviation if c.isalpha()]  # "5-FU": "fluorouracil"
    if not letters:
        return False
    words = re.findall(r"[A-Za-z0-9'’&]+", before)  # "Three-dimensional" is two words
    words = words[-min(len(letters) + 5, len(letters) * 2) :]
    if set(letters) <= {w[0].lower() for w in words}:
        return True  # the initials in another order: "mismatch repair deficient (dMMR)"
    text = " ".join(words).lower()
    position = len(text)
    for index in range(len(letters) - 1, -1, -1):
        position -= 1
        while position >= 0 and (
            text[position] != letters[index]
            or (index == 0 and position > 0 and text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
    return True


def _ends_with_abbreviation(before: str) -> bool:
    """True when the words before a bracket end with another abbreviation: "CT (CAT)"."""
    last = re.search(r"([\w&-]+)\W*$", before)
    return last is not None and len(last.group(1)) > 1 and last.group(1).isupper()


def _initials_before(text: str, start: int, abbreviation: str) -> bool:
    """True when capitalised words just before, in the same block, have the abbreviation's
    initials ("the National Cancer Institute ... NCI")."""
    letters = re.sub(r"[^A-Z]", "", _singular(abbreviation))
    if len(letters) < 2:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, start - 400) : start])
    initials = "".join(
        w[0] if w[0].isupper() and not w.isupper() else " "
        for w in words
        if w.lower() not in grammar_words()["name_joiners"]
    )
    return letters in initials.split()


def _ends_clause(text: str, end: int) -> bool:
    """True when punctuation or the end of the text follows."""
    return re.match(r"\s*(?:[,.;:)]|$)", text[end:]) is not None


def _singular(word: str) -> str:
    """ "NETs" -> "NET"; "CTs" -> "CT"; "HER2" stays as it is."""
    return word[:-1] if word.endswith("s") and len(word) > 2 and word[-2].isupper() else word


def _word_in_capitals(core: str) -> bool:
    """True for an everyday word written in capitals: "Do NOT eat", "1-800-4-CANCER"."""
    return all(
        part.isalpha()
        and (zipf(part.lower()) >= 5.0 or (len(part) >= 5 and zipf(part.lower()) >= 3.0))
        for part in core.split("-")
    )


def _shouting(sentence: str, capitals: int) -> bool:
    """True for a sentence written in capitals ("DO NOT EAT AFTER MIDNIGHT")."""
    words = _WORD.findall(sentence)
    return capitals >= 3 and capitals * 2 > len(words)


def _names_entry(text: str, entry: Entry) -> bool:
    """True when text uses the entry's term or a variant written out in words."""
    lowered = " ".join(text.lower().split())
    return any(
        re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", lowered)
        for name in entry.names
        if not set(re.findall(r"[\w&-]+", name)) & set(entry.abbreviations)
    )


def _long_form_near(sentences: list[Sentence], index: int, entry: Entry) -> bool:
    """True when the glossary's long form is in this sentence, the one before or the next."""
    around = sentences[max(0, index - 1) : index + 2]
    return any(_names_entry(sentence.text, entry) for sentence in around)
