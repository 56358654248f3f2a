"""Template tags (Liquid, Jinja, Hugo) in content files are not prose, in every reader."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.documents import parse_document
from plainlint.documents.templates import blank_templates

MARKDOWN = """---
title: Your scan
---
# {{ page.title }}

{% if page.video %}
You can watch a short film about the scan.
{% endif %}

{{< figure src="scanner.png" alt="The scanner" >}}

Please arrive {{ site.arrival }} early and utilise the car park.
"""

HTML = """<!DOCTYPE html>
<html lang="en"><body><main>
<h1>{{ page.title }}</h1>
{% if page.video %}<p>You can watch a short film.</p>{% endif %}
<p>Please {# a note for editors #}utilise the car park.</p>
</main></body></html>
"""

TEXT = """Your scan

{%- comment -%}
Not for print: endif, commence and utilise live here.
{%- endcomment -%}
Please {{ site.arrival }} utilise the car park.
"""


@pytest.mark.parametrize(
    ("source", "fmt", "where"),
    [(MARKDOWN, "markdown", (12, 44)), (HTML, "html", (5, 35)), (TEXT, "text", (6, 27))],
)
def test_tags_are_skipped_and_prose_keeps_its_place(findings, source, fmt, where):
    found = findings(source, fmt=fmt)
    assert [(f.rule, f.text) for f in found if f.rule in ("plain-words", "jargon")] == [
        ("plain-words", "utilise")
    ]
    [word] = [f for f in found if f.rule == "plain-words"]
    assert (word.line, word.column) == where
    assert slice_of(source, word) == "utilise"
    for finding in found:  # nothing points into a tag
        assert "{" not in finding.text and "%" not in finding.text


def test_a_finding_across_a_tag_keeps_the_files_own_words(check):
    source = "Patients {{ site.name }} should stop eating 6 hours before the operation.\n"
    result = check(source, "markdown", {"address-reader"})
    assert [f.text for f in result.findings] == ["Patients"]
    document = parse_document("page.md", source, "markdown")
    assert document.source == source  # the file's text, tags and all


def test_blanking_keeps_length_and_line_breaks():
    source = "a {% if x %}\nb {{ y\n }} c {# d #} {% comment %}e\n{% endcomment %} f"
    blank = blank_templates(source)
    assert len(blank) == len(source)
    assert [i for i, c in enumerate(blank) if c == "\n"] == [
        i for i, c in enumerate(source) if c == "\n"
    ]
    assert blank.split() == ["a", "b", "c", "f"]


@pytest.mark.parametrize(
    "source",
    [
        "Braces in prose { like this } stay.",
        "## A heading {#with-an-anchor}",
        "An unclosed {{ tag stays prose.",
    ],
)
def test_text_that_is_not_a_tag_is_left_as_it_is(source):
    assert blank_templates(source) == source
