"""The glossary: loading, checking, project glossaries, lookups, and the built-in entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from plainlint.errors import ConfigError
from plainlint.language.glossary import (
    CATEGORIES,
    MAX_EXPLANATION_WORDS,
    load_glossary,
    match_terms,
)
from plainlint.settings.loading import default_file, load_settings

BUILT_IN = default_file("glossary.yaml")


@pytest.fixture(scope="module")
def built_in():
    return load_glossary([BUILT_IN])


def write(tmp_path: Path, text: str, name: str = "glossary.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the built-in glossary ------------------------------------------------------


def test_built_in_glossary_is_large_and_covers_every_category(built_in):
    assert len(built_in.entries) >= 400
    assert {entry.category for entry in built_in.entries} == set(CATEGORIES)


def test_every_built_in_explanation_is_short_and_a_sentence(built_in):
    for entry in built_in.entries:
        assert len(entry.explanation.split()) <= MAX_EXPLANATION_WORDS, entry.term
        assert entry.explanation[0].isupper(), entry.term
        assert entry.explanation.endswith((".", ")")), entry.term


def test_built_in_explanations_are_plain_by_plainlints_own_rules(check, built_in):
    """The explanations we suggest must not break the rules they help people follow."""
    page = "\n\n".join(entry.explanation for entry in built_in.entries)
    result = check(page, "text", {"plain-words", "long-sentence"})
    assert [f"{f.text}: {f.message}" for f in result.findings] == []
    assert result.metrics.flesch_kincaid_grade <= 7


def test_built_in_glossary_has_uk_and_us_spellings(built_in):
    for word in ("tumor", "esophagus", "hemoglobin", "leukemia", "edema", "anemia"):
        assert built_in.lookup(word) is not None, word


def test_abbreviations_belong_to_one_entry_each(built_in):
    seen: dict[str, str] = {}
    for entry in built_in.entries:
        for abbreviation in entry.abbreviations:
            assert abbreviation not in seen, (abbreviation, entry.term, seen.get(abbreviation))
            seen[abbreviation] = entry.term


# -- lookups and matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("tumours", "tumour"),
        ("Tumors", "tumour"),
        ("biopsies", "biopsy"),
        ("metastases", "metastatic"),
        ("CT", "computed tomography"),
        ("PICC", "PICC line"),
        ("lymph nodes", "lymph node"),
        ("Barrett's oesophagus", "Barrett's oesophagus"),
    ],
)
def test_lookup_by_term_variant_plural_or_abbreviation(built_in, word, term):
    entry = built_in.lookup(word)
    assert entry is not None and entry.term == term


def test_lookup_of_an_unknown_word_finds_nothing(built_in):
    assert built_in.lookup("teapot") is None


def test_longer_terms_win_over_shorter_ones_inside_them(built_in):
    text = "You may have stereotactic ablative radiotherapy, not standard radiotherapy."
    found = [(text[s:e], entry.term) for s, e, entry in match_terms(text, built_in)]
    assert found == [
        ("stereotactic ablative radiotherapy", "stereotactic ablative radiotherapy"),
        ("radiotherapy", "radiotherapy"),
    ]


def test_terms_match_whole_words_only(built_in):
    assert list(match_terms("The tumourous growth", built_in)) == []
    found = [match[:2] for match in match_terms("The tumour's size", built_in)]
    assert found == [(4, 10)]  # the possessive ending is not part of the finding


# -- checking glossary files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("entries:\n  - term: ''\n    explanation: Plain words.\n", "needs a 'term'"),
        ("entries:\n  - term: gland\n", "needs an explanation"),
        (
            "entries:\n  - term: gland\n    explanation: " + "word " * 26 + "\n",
            "has 26 words; keep it to 25 or fewer",
        ),
        (
            "entries:\n  - term: gland\n    explanation: A body part.\n    colour: red\n",
            "unknown key 'colour'",
        ),
        (
            "entries:\n  - term: gland\n    explanation: A body part.\n    category: food\n",
            "unknown category 'food'",
        ),
        (
            "entries:\n  - term: gland\n    explanation: A body part.\n    abbreviations: [gl]\n",
            "not written like an abbreviation",
        ),
        (
            "entries:\n  - term: gland\n    explanation: One.\n"
            "  - term: organ\n    variants: [gland]\n    explanation: Two.\n",
            "'gland' is also in the entry 'gland'",
        ),
        ("words:\n  - gland\n", "one key, 'entries'"),
        ("entries:\n  - term: gland\n    explanation: A.\n    variants: 0\n", "must be a list"),
        ("entries:\n  - term: '(('\n    explanation: A.\n", "has no letters"),
    ],
)
def test_mistakes_are_reported_with_file_entry_and_line(tmp_path, text, reason):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_glossary([path])
    assert str(path) in caught.value.where and ", line " in caught.value.where
    assert reason in caught.value.reason


def test_the_line_named_is_the_entrys_own_line(tmp_path):
    path = write(
        tmp_path,
        "entries:\n  - term: gland\n    explanation: A body part.\n"
        "  - term: organ\n    explanation: A body part.\n    colour: red\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_glossary([path])
    assert caught.value.where.endswith("line 6")
    assert "the entry 'organ'" in caught.value.reason


def test_a_project_entry_clashing_with_a_built_in_one_is_an_error(tmp_path):
    path = write(tmp_path, "entries:\n  - term: lump\n    variants: [tumor]\n    explanation: A.\n")
    with pytest.raises(ConfigError, match="'tumor' is already in the entry 'tumour'"):
        load_glossary([BUILT_IN, path])


# -- project glossaries ---------------------------------------------------------------


def test_project_entries_add_replace_and_switch_off(tmp_path, built_in):
    path = write(
        tmp_path,
        "entries:\n"
        "  - term: stoma belt\n    explanation: A belt that holds a stoma bag in place.\n"
        "  - term: biopsy\n    explanation: Taking a tiny piece of tissue to look at.\n"
        "  - term: chemotherapy\n    ignore: true\n",
    )
    glossary = load_glossary([BUILT_IN, path])
    assert glossary.lookup("stoma belts").term == "stoma belt"
    assert glossary.lookup("biopsy").explanation == "Taking a tiny piece of tissue to look at."
    assert glossary.lookup("chemotherapy") is None
    assert len(glossary.entries) == len(built_in.entries)  # one added, one switched off


def test_a_project_term_that_is_a_built_in_variant_is_an_error_not_a_replacement(tmp_path):
    path = write(tmp_path, "entries:\n  - term: chemo\n    explanation: Cancer drugs.\n")
    with pytest.raises(ConfigError, match="'chemo' is already in the entry 'chemotherapy'"):
        load_glossary([BUILT_IN, path])


def test_entries_in_capitals_can_be_switched_off(tmp_path):
    ours = write(tmp_path, "entries:\n  - term: HbXYZ\n    explanation: A test.\n", "a.yaml")
    off = write(tmp_path, "entries:\n  - term: HbXYZ\n    ignore: true\n", "b.yaml")
    assert load_glossary([ours]).lookup("HbXYZ") is not None
    assert load_glossary([ours, off]).lookup("HbXYZ") is None


def test_switching_off_an_unknown_entry_is_an_error(tmp_path):
    path = write(tmp_path, "entries:\n  - term: teapot\n    ignore: true\n")
    with pytest.raises(ConfigError, match="switched off, but no entry has it"):
        load_glossary([BUILT_IN, path])


def test_an_empty_project_glossary_is_fine(tmp_path, built_in):
    path = write(tmp_path, "")
    assert len(load_glossary([BUILT_IN, path]).entries) == len(built_in.entries)


def test_config_names_glossaries_relative_to_itself(tmp_path):
    (tmp_path / "words").mkdir()
    write(
        tmp_path / "words", "entries:\n  - term: stoma bag\n    explanation: A bag.\n", "ours.yaml"
    )
    config = write(tmp_path, "glossary: [words/ours.yaml]\n", "plainlint.yaml")
    settings = load_settings(config)
    assert settings.glossaries == [BUILT_IN, tmp_path / "words" / "ours.yaml"]
    assert load_glossary(settings.glossaries).lookup("stoma bag") is not None


def test_config_glossary_must_be_a_list(tmp_path):
    config = write(tmp_path, "glossary: ours.yaml\n", "plainlint.yaml")
    with pytest.raises(ConfigError, match="glossary must be a list"):
        load_settings(config)


def test_check_uses_a_project_glossary(tmp_path):
    glossary = write(tmp_path, "entries:\n  - term: stoma bag\n    explanation: A bag.\n")
    page = write(tmp_path, "Empty your stoma bag often.\n", "page.md")
    result = run_cli(
        "check", "--select", "unexplained-term", "--glossary", str(glossary), str(page)
    )
    assert "stoma bag" in result.stdout and result.exit_code == 0


def test_check_with_a_broken_glossary_is_one_clear_error(tmp_path):
    glossary = write(tmp_path, "entries:\n  - term: gland\n")
    page = write(tmp_path, "Text.\n", "page.md")
    result = run_cli("check", "--glossary", str(glossary), str(page))
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "needs an explanation" in result.stderr and str(glossary) in result.stderr


# -- the commands ---------------------------------------------------------------------


def test_explain_prints_the_entry_for_a_variant():
    result = run_cli("explain", "tumors")
    assert result.exit_code == 0
    assert result.stdout.startswith("tumour\n")
    assert "A lump that grows" in result.stdout and "Other forms:" in result.stdout


def test_explain_finds_abbreviations_and_phrases():
    assert run_cli("explain", "CT").stdout.startswith("computed tomography\n")
    assert run_cli("explain", "palliative", "care").stdout.startswith("palliative care\n")


def test_explain_an_unknown_word():
    result = run_cli("explain", "teapot")
    assert result.exit_code == 1
    assert "No glossary entry covers “teapot”" in result.stdout


def test_explain_uses_project_glossaries(tmp_path):
    path = write(tmp_path, "entries:\n  - term: stoma bag\n    explanation: A bag.\n")
    result = run_cli("explain", "--glossary", str(path), "stoma bag")
    assert result.exit_code == 0 and "A bag." in result.stdout


def test_glossary_check_passes_the_built_in_glossary():
    result = run_cli("glossary", "check")
    assert result.exit_code == 0
    assert "no problems found" in result.stdout


def test_glossary_check_lists_every_problem(tmp_path):
    path = write(
        tmp_path,
        "entries:\n"
        "  - term: gland\n"
        "  - term: organ\n    explanation: A body part.\n    colour: red\n"
        "  - term: lump\n    variants: [tumor]\n    explanation: A.\n",
    )
    result = run_cli("glossary", "check", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"plainlint: {path}, line ") for line in lines)


def test_glossary_check_goes_on_after_a_missing_file(tmp_path):
    broken = write(tmp_path, "entries:\n  - term: gland\n")
    result = run_cli("glossary", "check", str(tmp_path / "missing.yaml"), str(broken))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "missing.yaml: this file does not exist" in lines[0]
    assert "needs an explanation" in lines[1]


def test_glossary_check_of_a_file_that_is_not_yaml(tmp_path):
    path = write(tmp_path, "entries: [\n")
    result = run_cli("glossary", "check", str(path))
    assert result.exit_code == 2 and "not valid YAML" in result.stderr
