"""Real cancer.gov pages: no crashes, no unreadable files, and prose that maps back exactly.

The corpus lives outside the repository (../shared/corpus/nci); these tests skip
cleanly where it is absent, as in a user's clone.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, slice_of

from plainlint.documents import parse_document
from plainlint.run.engine import Linter

PAGES = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not PAGES, reason="the shared cancer.gov corpus is not here"),
]
# Line breaks, tabs, no-break and thin spaces read as plain spaces in prose.
_SPACING = str.maketrans({char: " " for char in "\n\r\t\f\v\xa0\u2007\u2009\u200a\u202f"})


def test_every_prose_character_maps_back_to_the_same_source_character():
    """Copied prose must equal its source span; only entities, escapes and code differ."""
    mismatches = []
    for page in PAGES:
        source = page.read_text(encoding="utf-8-sig")
        for block in parse_document(str(page), source, "markdown").blocks:
            smap = block.source_map
            for i, text_start in enumerate(smap.text_starts):
                if not smap.linear[i]:
                    continue
                piece = source[smap.source_starts[i] : smap.source_ends[i]]
                prose = block.text[text_start : text_start + len(piece)]
                if prose != piece.translate(_SPACING):
                    mismatches.append((page.name, prose[:40], piece[:40]))
    assert mismatches == []


def test_whole_corpus_checks_without_errors_and_findings_point_at_their_text(settings):
    linter = Linter.create(settings)
    errors, misplaced, total = [], [], 0
    for page in PAGES:
        source = page.read_text(encoding="utf-8-sig")
        result = linter.check_source(str(page), source, "markdown")
        if result.error:
            errors.append((page.name, result.error))
        for finding in result.findings:
            total += 1
            if finding.text and slice_of(source, finding) != finding.text:
                misplaced.append((page.name, finding))
        assert result.metrics.words > 0, page.name
    assert errors == []
    assert misplaced == []
    assert total > 0


def test_plain_words_findings_are_the_listed_words(settings):
    """Every plain-words finding's text is a form of a listed entry, not a shifted slice."""
    from plainlint.language.inflection import forms

    options = settings.rules["plain-words"].options
    words = [*options["words"], *options["prepositions"], *options["adjectives"]]
    known = {form for phrase in words for form in forms(phrase.lower()).values()}
    linter = Linter.create(settings, select={"plain-words"})
    strays = []
    for page in PAGES[:150]:
        result = linter.check_source(str(page), page.read_text(encoding="utf-8-sig"), "markdown")
        for finding in result.findings:
            words_only = " ".join(
                part for part in finding.text.lower().split() if not part.startswith("](")
            )
            if " ".join(words_only.split()) not in known and "](" not in finding.text:
                strays.append((page.name, finding.text))
    assert strays == []


def test_medical_word_findings_are_glossary_words_and_abbreviations(settings):
    """Every unexplained-term finding is a glossary form; every abbreviation one has capitals."""
    from plainlint.language.glossary import load_glossary

    glossary = load_glossary(settings.glossaries)
    linter = Linter.create(settings, select={"unexplained-term", "unexplained-abbreviation"})
    terms = abbreviations = 0
    for page in PAGES[::4]:
        source = page.read_text(encoding="utf-8-sig")
        for finding in linter.check_source(str(page), source, "markdown").findings:
            words = " ".join(finding.text.replace("*", "").split())
            if finding.rule == "unexplained-term":
                terms += 1
                assert glossary.lookup(words) is not None, (page.name, finding.text)
            else:
                abbreviations += 1
                assert sum(c.isupper() for c in words) >= 2, (page.name, finding.text)
    assert terms > 0 and abbreviations > 0


def test_women_and_men_on_cancer_pages_are_almost_always_left_alone(settings):
    """Cancer pages use "women" and "men" for the body, figures and research: clinically
    needed, so a flood of findings here would mean the clinical exception is broken."""
    import re

    linter = Linter.create(settings, select={"gendered-language"})
    uses = flagged = 0
    for page in PAGES:
        source = page.read_text(encoding="utf-8-sig")
        uses += len(re.findall(r"\b(?:women|men)\b", source, re.IGNORECASE))
        findings = linter.check_source(str(page), source, "markdown").findings
        flagged += sum(f.text.lower() in ("women", "men") for f in findings)
    assert uses > 300
    assert flagged <= uses // 100
