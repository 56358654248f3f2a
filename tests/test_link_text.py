"""link-text: link text that does not say where the link goes ("click here", a bare URL)."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

RULE = "link-text"
VAGUE = [
    "click here",
    "click",
    "here",
    "click this link",
    "read more",
    "more",
    "more info",
    "more information",
    "learn more",
    "find out more",
    "this link",
    "link",
    "this page",
    "this website",
    "go",
    "go here",
    "see here",
    "this",
    "details",
]


def places(found):
    return [(f.text, f.line, f.column, f.end_line, f.end_column) for f in found]


def test_flags_every_listed_phrase_at_the_link_text(findings):
    for phrase in VAGUE:
        source = f"To read the leaflet, [{phrase}](https://example.org/leaflet)."
        [finding] = findings(source, RULE)
        assert finding.severity is Severity.WARNING
        assert f"“{phrase}”" in finding.message
        assert places([finding]) == [(phrase, 1, 23, 1, 23 + len(phrase))]
        assert slice_of(source, finding) == phrase


def test_flags_case_and_punctuation_variants(findings):
    variants = [
        "Click Here!",
        "HERE",
        "Read more…",
        "Read more...",
        "read more »",
        "Read more ›",
        "Learn more >",
        "(more)",
        "Find out more.",
        "Click here:",
        "Find Out More",
    ]
    for text in variants:
        source = f"To read the leaflet, [{text}](https://example.org/leaflet)."
        [finding] = findings(source, RULE)
        assert finding.text == slice_of(source, finding) == text


def test_spaces_around_the_link_text_are_not_part_of_the_finding(findings):
    source = "To read the leaflet, [  click here  ](https://example.org/leaflet)."
    [finding] = findings(source, RULE)
    assert places([finding]) == [("click here", 1, 25, 1, 35)]


def test_link_text_across_a_line_break(findings):
    source = "To read the leaflet, [click\nhere](https://example.org/leaflet)."
    [finding] = findings(source, RULE)
    assert places([finding]) == [("click\nhere", 1, 23, 2, 5)]
    assert "“click here”" in finding.message


def test_several_links_in_one_paragraph(findings):
    source = (
        "# Your operation\n\nRead about the ward [here](https://example.org/ward)\n"
        "and about parking [more](https://example.org/parking).\n"
    )
    found = findings(source, RULE)
    assert places(found) == [("here", 3, 22, 3, 26), ("more", 4, 20, 4, 24)]
    assert all(slice_of(source, f) == f.text for f in found)


def test_flags_a_web_address_as_link_text(findings):
    cases = [
        ("See <https://example.org/chemo>.", "https://example.org/chemo", 6),
        (
            "See [https://example.org/chemo](https://example.org/chemo).",
            "https://example.org/chemo",
            6,
        ),
        ("See [www.nhs.uk](https://www.nhs.uk).", "www.nhs.uk", 6),
        ("See [HTTPS://EXAMPLE.ORG](https://example.org).", "HTTPS://EXAMPLE.ORG", 6),
        ("See [https://example.org](https://example.org/other).", "https://example.org", 6),
    ]
    for source, text, column in cases:
        [finding] = findings(source, RULE)
        assert "web address" in finding.message, source
        assert places([finding]) == [(text, 1, column, 1, column + len(text))]
        assert slice_of(source, finding) == text


def test_flags_html_links(findings):
    source = (
        "<h2>Chemotherapy</h2>\n"
        '<p>To book, <a href="https://example.org/book">click here</a>.</p>\n'
        '<p>Our guide: <a href="https://example.org/chemo">https://example.org/chemo</a></p>\n'
        '<p>Parking: <a href="/parking">click&nbsp;here</a></p>\n'
    )
    found = findings(source, RULE, fmt="html")
    assert places(found) == [
        ("click here", 2, 48, 2, 58),
        ("https://example.org/chemo", 3, 51, 3, 76),
        ("click&nbsp;here", 4, 32, 4, 47),
    ]
    assert "“click here”" in found[0].message
    assert "web address" in found[1].message
    assert all(slice_of(source, f) == f.text for f in found)


def test_html_link_text_inside_other_tags_and_over_lines(findings):
    source = '<p><a href="/chemo"><span>Read</span> <em>more</em></a></p>'
    [finding] = findings(source, RULE, fmt="html")
    assert "“Read more”" in finding.message
    assert slice_of(source, finding) == "Read</span> <em>more"
    source = '<p>Read about it\n<a href="/chemo">\n  here\n</a> today.</p>'
    [finding] = findings(source, RULE, fmt="html")
    assert places([finding]) == [("here", 3, 3, 3, 7)]


def test_flags_links_in_lists_headings_quotes_and_tables(findings):
    source = (
        "## [Click here](https://example.org/book)\n\n"
        "- [Read more](https://example.org/chemo)\n\n"
        "> Read [here](https://example.org/ward).\n\n"
        "| Leaflet |\n|---|\n| [more](https://example.org/parking) |\n\n"
        "Read our leaflet [here][1].\n\n"
        "[1]: https://example.org/leaflet\n"
    )
    found = findings(source, RULE)
    assert places(found) == [
        ("Click here", 1, 5, 1, 15),
        ("Read more", 3, 4, 3, 13),
        ("here", 5, 9, 5, 13),
        ("more", 9, 4, 9, 8),
        ("here", 11, 19, 11, 23),
    ]


def test_leaves_alone_email_and_phone_links_that_show_the_address(findings):
    markdown = [
        "Email [help@example.org](mailto:help@example.org).",
        "Email <help@example.org>.",
        "Ring [0800 123 456](tel:0800123456).",
        "Ring us on [0800 123 456](tel:+44800123456) at any time.",
    ]
    html = [
        '<p>Email <a href="mailto:help@example.org">help@example.org</a>.</p>',
        '<p>Ring <a href="tel:+44800123456">0800 123 456</a>.</p>',
        '<p>Email <a href="MAILTO:help@example.org">help@example.org</a>.</p>',
    ]
    assert [(s, findings(s, RULE)) for s in markdown] == [(s, []) for s in markdown]
    assert [(s, findings(s, RULE, fmt="html")) for s in html] == [(s, []) for s in html]


def test_leaves_alone_link_text_that_says_where_it_goes(findings):
    markdown = [
        "Read [our leaflet on chemotherapy](https://example.org/chemo).",
        "[Read more about chemotherapy](https://example.org/chemo)",
        "[Find out more about your operation](https://example.org/operation)",
        "Read about it [here on the NHS website](https://example.org/nhs).",
        "[Click here to book an appointment](https://example.org/book)",
        "[Here is our guide to chemotherapy](https://example.org/chemo)",
        "Read [this leaflet on parking](https://example.org/parking).",
        "[More about side effects](https://example.org/side-effects)",
    ]
    html = [
        '<p><a href="/chemo">Read more about chemotherapy</a></p>',
        '<p><a href="/chemo">Read more<span class="visually-hidden"> about chemo</span></a></p>',
    ]
    assert [(s, findings(s, RULE)) for s in markdown] == [(s, []) for s in markdown]
    assert [(s, findings(s, RULE, fmt="html")) for s in html] == [(s, []) for s in html]


def test_leaves_alone_references_to_published_works(findings):
    cases = [
        (
            "Smith J, et al. Outcomes of chemotherapy. "
            "Available at: [here](https://example.org/x). Accessed 1 May 2024."
        ),
        (
            "Smith J, et al. Outcomes of chemotherapy. "
            "[https://doi.org/10.1000/abc](https://doi.org/10.1000/abc) PMID: 12345678."
        ),
    ]
    assert [(s, findings(s, RULE)) for s in cases] == [(s, []) for s in cases]
    html = '<p>Jones K, et al. Heart failure. <a href="/x">here</a>. Accessed 2 June 2023.</p>'
    assert findings(html, RULE, fmt="html") == []


def test_leaves_alone_images_code_comments_and_hidden_links(findings):
    markdown = [
        "![here](ward.png)",
        "[![A photo of the ward](ward.png)](https://example.org/ward)",
        "Type `[here](https://example.org)` in the box.",
        "```\n[here](https://example.org)\n```\n",
        "<!-- [click here](https://example.org) -->\n\nYou can go home today.",
    ]
    html = [
        '<p><a href="/x" hidden>here</a></p>',
        '<div aria-hidden="true"><a href="/x">more</a></div>',
        '<p><a href="/x"><img src="ward.png" alt="here"></a></p>',
    ]
    assert [(s, findings(s, RULE)) for s in markdown] == [(s, []) for s in markdown]
    assert [(s, findings(s, RULE, fmt="html")) for s in html] == [(s, []) for s in html]


def test_addresses_and_other_words_outside_links_are_left_alone(findings):
    assert findings("See https://example.org/chemo for details.", RULE) == []
    assert findings("Read more about chemotherapy on our website.", RULE) == []
    text = "Your visit\n\nBook online.\n\nSee https://example.org/chemo for more.\n"
    assert findings(text, RULE, fmt="text") == []


CLICK = "“{said}” means nothing in print, to a screen reader, or once the link drops out of copied text. Put the link on words that say where it goes: {instead}."


@pytest.mark.parametrize(
    ("source", "fmt", "said", "where", "instead"),
    [
        (
            "Click here to read more about chemotherapy.",
            "markdown",
            "Click here",
            (1, 1, 1, 11),
            "“Read more about chemotherapy”",
        ),
        (
            "Your visit\n\nTo book a visit, click here.\n",
            "text",
            "click here",
            (3, 18, 3, 28),
            "“Book a visit”",
        ),
        (
            "<p>For the leaflet,\n   tap   here.</p>",
            "html",
            "tap here",
            (2, 4, 2, 14),
            "the name of the page, such as “our leaflet on chemotherapy”",
        ),
        (
            "You can find out more by clicking here.",
            "markdown",
            "clicking here",
            (1, 26, 1, 39),
            "the name of the page, such as “our leaflet on chemotherapy”",
        ),
    ],
)
def test_click_here_in_prose_is_flagged_link_or_no_link(
    findings, source, fmt, said, where, instead
):
    [finding] = findings(source, RULE, fmt=fmt)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == where
    assert finding.text == source.split("\n")[where[0] - 1][where[1] - 1 : where[3] - 1]
    assert " ".join(finding.text.split()) == said
    assert finding.message == CLICK.format(said=said, instead=instead)


def test_click_then_a_link_on_here_gets_one_finding(findings):
    [finding] = findings("For more, click [here](https://example.org/b).", RULE)
    assert finding.text == "here"
    assert "“here”" in finding.message


def test_click_here_in_quotes_is_left_alone(findings):
    assert findings("Do not write “click here” in your links.", RULE) == []


# --- cases a review found -------------------------------------------------------------


def test_vague_text_on_a_phone_or_email_link_is_flagged(findings):
    source = "Ring us [here](tel:0800123456) or write [here](mailto:help@example.org)."
    assert [f.text for f in findings(source, RULE)] == ["here", "here"]


def test_an_address_with_a_path_is_a_web_address_but_a_site_name_is_a_name(findings):
    source = (
        "See [nhs.uk/conditions](https://www.nhs.uk/conditions) "
        "and [ClinicalTrials.gov](https://clinicaltrials.gov/)."
    )
    [finding] = findings(source, RULE)
    assert finding.text == "nhs.uk/conditions"
    assert "web address" in finding.message


def test_an_email_address_on_an_email_link_is_left_alone(findings):
    assert findings("Write to [help@example.org](mailto:help@example.org).", RULE) == []


def test_a_note_on_the_file_does_not_make_vague_text_clear(findings):
    source = "[More information (PDF, 200KB)](leaflet.pdf) and [Download](leaflet.pdf)"
    assert [f.text for f in findings(source, RULE)] == ["More information (PDF, 200KB)", "Download"]


def test_a_file_note_after_clear_text_is_fine(findings):
    assert findings("[Our leaflet on warfarin (PDF, 200KB)](warfarin.pdf)", RULE) == []
