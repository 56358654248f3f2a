"""Awkward but real input found in review: each case once broke a reader."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.documents import parse_document


def prose(source: str, fmt: str = "markdown") -> list[tuple[str, str, str]]:
    """(kind, prose, source slice) of every block."""
    document = parse_document("page", source, fmt)
    return [
        (b.kind.value, b.text, source[slice(*b.source_span(0, len(b.text)))])
        for b in document.blocks
    ]


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_lone_carriage_return_is_a_line_break(findings, fmt):
    source = "Intro text.\rMore text.\n\nYou can utilise the service.\r\rPlease commence.\r"
    found = findings(source, "plain-words", fmt=fmt)
    assert [(f.text, f.line, f.column) for f in found] == [("utilise", 4, 9), ("commence", 6, 8)]


def test_text_heading_before_carriage_returns_stays_a_heading():
    assert prose("Heading\r\rPara one.\rMore.\r", "text") == [
        ("heading", "Heading", "Heading"),
        ("paragraph", "Para one. More.", "Para one.\rMore."),
    ]


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ('Run <code><span class="k">x</span></code> then go.\n', "Run code then go."),
        ("Text <code><b>x</b></code> now.\n", "Text code now."),
        ('Call us <svg viewBox="0 0 1 1"><path d="M0"></path></svg> on 111.\n', "Call us on 111."),
    ],
)
def test_inline_html_code_with_tags_inside(source, text):
    [(kind, found, _)] = [block for block in prose(source) if block[0] != "image"]
    assert found == text


def test_reference_link_followed_by_brackets_that_are_text():
    source = (
        "Call [NHS 111](free from any phone) if you need help.\n\n[NHS 111]: https://111.nhs.uk\n"
    )
    [(_, text, sliced)] = prose(source)
    assert text == "Call NHS 111(free from any phone) if you need help."
    assert sliced == "Call [NHS 111](free from any phone) if you need help."


def test_html_inside_list_items_and_block_quotes_is_read():
    source = (
        "- <p>Please utilise the side door.</p>\n\n"
        '> <div class="note">Utilise the red button.</div>\n'
    )
    assert prose(source) == [
        ("list_item", "Please utilise the side door.", "Please utilise the side door."),
        ("block_quote", "Utilise the red button.", "Utilise the red button."),
    ]


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("<p>commence</p><!-- utilise never closed <p>additional</p>", "html"),
        ("commence\n\n<!-- TODO: utilise the new wording\n\nMore text additional.\n", "markdown"),
    ],
)
def test_a_comment_never_closed_hides_the_rest(source, fmt):
    assert [text for _, text, _ in prose(source, fmt)] == ["commence"]


def test_bad_marked_section_is_a_bogus_comment_and_positions_hold():
    source = "<p>Utilise this.</p><![ CDATA[x]]><p>commence</p>"
    assert prose(source, "html") == [
        ("paragraph", "Utilise this.", "Utilise this."),
        ("paragraph", "commence", "commence"),
    ]


def test_toml_front_matter_is_not_prose():
    source = '+++\ntitle = "utilise"\n+++\n\nBody commence.\n'
    document = parse_document("page.md", source, "markdown")
    assert [b.text for b in document.blocks] == ["Body commence."]
    assert document.front_matter == {"title": "utilise"}
    assert document.position(document.blocks[0].source_span(0, 1)[0]).line == 5


@pytest.mark.parametrize(
    ("sentence", "suggestions"),
    [
        ("The drug is administered by a nurse.", ("given",)),  # after "is": the participle
        ("The nurse administered the drug.", ("gave",)),  # no helper: the past tense
        ("Administered daily, it works well.", ("Given", "Gave")),  # nothing to tell by
    ],
)
def test_a_verb_form_is_suggested_from_the_words_before(findings, sentence, suggestions):
    [finding] = findings(sentence, "plain-words")
    assert finding.suggestions == suggestions


@pytest.mark.parametrize(
    "source",
    [
        "Results of the SELECT trial are in.",  # an acronym or trial name in capitals
        "Visit nhs.uk/conditions/additional or macmillan.org.uk/obtain today.",
        "Print the leaflet additional.pdf today.",
        "Read [Gardasil 9 Vaccine Protects against Additional HPV Types](https://x.org).",
    ],
)
def test_names_addresses_and_cited_titles_are_left_alone(findings, source):
    assert findings(source, "plain-words") == []


def test_ordinary_link_text_is_still_checked(findings):
    [finding] = findings("Read [how we utilise your data](https://x.org).", "plain-words")
    assert finding.text == "utilise"


def test_findings_in_html_inside_a_list_item_point_at_the_source(findings):
    source = "- <p>Please utilise the side door.</p>\n"
    [finding] = findings(source, "plain-words")
    assert (finding.line, finding.column, slice_of(source, finding)) == (1, 13, "utilise")
