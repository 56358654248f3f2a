"""Findings point at exactly the right place in the source, in every format.

Each test runs the real engine (and the real spaCy model) through the `findings`
fixture. Lines and columns are 1-based and columns count code points; every
expected position below was counted by hand from the source in the test.
"""

from __future__ import annotations

from textwrap import dedent

import pytest
from conftest import json_output, run_cli, slice_of

from plainlint.findings import Finding
from plainlint.rules.readability import Readability


def placed(source: str, found: list[Finding]) -> list[tuple[str, int, int, int, int]]:
    """(text, line, column, end_line, end_column) of each finding, after checking the slice."""
    for finding in found:
        assert slice_of(source, finding) == finding.text
    return [(f.text, f.line, f.column, f.end_line, f.end_column) for f in found]


# -- non-ASCII before a finding -----------------------------------------------------


@pytest.mark.parametrize("char", ["é", "–", "’", "🙂", "好"])
def test_one_code_point_counts_one_column(findings, char):
    source = f"{char}{char} we utilise it.\n"
    # "xx we " is 6 code points whatever x is, so "utilise" starts at column 7.
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 7, 1, 14)]


@pytest.mark.parametrize(
    ("fmt", "source", "column"),
    [
        ("markdown", "Café – it’s 🙂 好 we utilise it.\n", 20),
        ("text", "Café – it’s 🙂 好 we utilise it.\n", 20),
        ("html", "<p>Café – it’s 🙂 好 we utilise it.</p>\n", 23),
    ],
)
def test_mixed_non_ascii_before_finding(findings, fmt, source, column):
    # "Café – it’s 🙂 好 we " is 19 code points; "<p>" adds 3.
    found = findings(source, "plain-words", fmt=fmt)
    assert placed(source, found) == [("utilise", 1, column, 1, column + 7)]


# -- Markdown ---------------------------------------------------------------------


def test_markdown_inline_markup_before_finding(findings):
    source = (
        'Some *emph* and **bold** and [a link](http://x.org "title") and `inline code` '
        "we utilise.\n"
    )
    # 16 + 13 + 35 ("[a link](...) and ") + 14 ("`inline code` ") + 3 ("we ") = 81
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 82, 1, 89)]


def test_markdown_finding_inside_link_text(findings):
    source = "See [how we utilise it](http://x.org).\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 13, 1, 20)]


def test_markdown_finding_in_table_cell(findings):
    source = dedent(
        """\
        | Time | What to do |
        |------|------------|
        | 6am  | `x` we utilise |
        """
    )
    # "| 6am  | `x` we " is 16 characters.
    assert placed(source, findings(source, "plain-words")) == [("utilise", 3, 17, 3, 24)]


def test_markdown_finding_in_list_item_and_nested_list_item(findings):
    source = dedent(
        """\
        - one
        - we utilise it
          - nested commence
        """
    )
    assert placed(source, findings(source, "plain-words")) == [
        ("utilise", 2, 6, 2, 13),
        ("commence", 3, 12, 3, 20),
    ]


def test_markdown_finding_in_ordered_nested_list(findings):
    source = "1. One\n2. Two utilise\n   1. Sub commence\n"
    assert placed(source, findings(source, "plain-words")) == [
        ("utilise", 2, 8, 2, 15),
        ("commence", 3, 11, 3, 19),
    ]


def test_markdown_finding_on_second_line_of_block_quote(findings):
    source = "> First line.\n> We utilise it.\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 2, 6, 2, 13)]


def test_markdown_finding_after_backslash_escape(findings):
    source = "A \\* star and we utilise.\n"
    # 'A \* star and we ' is 17 characters.
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 18, 1, 25)]


def test_markdown_finding_after_entity(findings):
    source = "Tom &amp; Jerry utilise it.\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 17, 1, 24)]


def test_markdown_finding_after_front_matter(findings):
    source = "---\ntitle: Hello\n---\n\nWe utilise it.\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 5, 4, 5, 11)]


def test_markdown_finding_in_top_level_html_block(findings):
    source = "# Title\n\nIntro.\n\n<p>Tom &amp; we utilise.</p>\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 5, 17, 5, 24)]


def test_markdown_finding_after_image(findings):
    source = "![A scan](scan.png) we utilise it.\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 1, 24, 1, 31)]


@pytest.mark.parametrize(
    ("fmt", "source", "expected"),
    [
        ("markdown", "Eat well prior\nto surgery.\n", ("prior\nto", 1, 10, 2, 3)),
        ("text", "Eat well prior\nto surgery.\n", ("prior\nto", 1, 10, 2, 3)),
        ("html", "<p>Eat well prior\nto surgery.</p>\n", ("prior\nto", 1, 13, 2, 3)),
    ],
)
def test_phrase_split_over_two_lines(findings, fmt, source, expected):
    assert placed(source, findings(source, "plain-words", fmt=fmt)) == [expected]


def test_markdown_tab_after_list_marker(findings):
    source = "-\tWe utilise it.\n\t- Nested commence.\n"
    # "-\tWe " is 5 characters; "\t- Nested " is 10: a tab is one column.
    assert placed(source, findings(source, "plain-words")) == [
        ("utilise", 1, 6, 1, 13),
        ("commence", 2, 11, 2, 19),
    ]


def test_markdown_tab_indented_paragraph_in_list_item(findings):
    source = "- item\n\n\tWe utilise it.\n"
    assert placed(source, findings(source, "plain-words")) == [("utilise", 3, 5, 3, 12)]


def test_markdown_tab_indented_continuation_line_in_list_item(findings):
    source = "- item\n\tWe utilise it.\n"
    # Today: ("it.", 2, 13, 2, 16).
    assert placed(source, findings(source, "plain-words")) == [("utilise", 2, 5, 2, 12)]


# -- HTML -------------------------------------------------------------------------


def test_html_entities_and_nested_tags_before_finding(findings):
    source = "<p>Tom &amp; Jerry&nbsp;it&rsquo;s <b><i>so</i></b> we utilise it.</p>\n"
    # "<p>" 3 + "Tom &amp; " 10 + "Jerry&nbsp;" 11 + "it&rsquo;s " 11
    # + "<b><i>so</i></b> " 17 + "we " 3 = 55
    found = findings(source, "plain-words", fmt="html")
    assert placed(source, found) == [("utilise", 1, 56, 1, 63)]


def test_html_numeric_entities_before_finding(findings):
    source = "<p>It&#8217;s &#x2019; we utilise</p>"
    found = findings(source, "plain-words", fmt="html")
    assert placed(source, found) == [("utilise", 1, 27, 1, 34)]


def test_html_finding_in_alt_attribute_after_entity(findings):
    source = '<p>Hi</p>\n<img src="a.png" alt="Tom &amp; nurse utilise">\n'
    # '<img src="a.png" alt="Tom &amp; nurse ' is 38 characters.
    found = findings(source, "plain-words", fmt="html")
    assert placed(source, found) == [("utilise", 2, 39, 2, 46)]


def test_html_finding_in_unclosed_list_items(findings):
    source = "<ul>\n  <li>We utilise\n  <li>Then commence\n</ul>"
    found = findings(source, "plain-words", fmt="html")
    assert placed(source, found) == [("utilise", 2, 10, 2, 17), ("commence", 3, 12, 3, 20)]


def test_html_phrase_across_br(findings):
    source = "<p>Eat prior<br>to surgery.</p>"
    found = findings(source, "plain-words", fmt="html")
    assert placed(source, found) == [("prior<br>to", 1, 8, 1, 19)]


# -- line endings and byte order mark -----------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "source", "expected"),
    [
        (
            "markdown",
            "# Title\r\n\r\nWe utilise it.\r\nThen we commence.\r\n",
            [("utilise", 3, 4, 3, 11), ("commence", 4, 9, 4, 17)],
        ),
        (
            "text",
            "Title\r\n\r\nWe utilise it.\r\nThen we commence.\r\n",
            [("utilise", 3, 4, 3, 11), ("commence", 4, 9, 4, 17)],
        ),
        (
            "html",
            "<h1>Title</h1>\r\n<p>We utilise it.\r\nThen we commence.</p>\r\n",
            [("utilise", 2, 7, 2, 14), ("commence", 3, 9, 3, 17)],
        ),
    ],
)
def test_crlf_line_endings(findings, fmt, source, expected):
    assert placed(source, findings(source, "plain-words", fmt=fmt)) == expected


def test_crlf_markdown_block_quote_and_table(findings):
    source = "> First.\r\n> We utilise it.\r\n\r\n| A |\r\n|---|\r\n| we commence |\r\n"
    assert placed(source, findings(source, "plain-words")) == [
        ("utilise", 2, 6, 2, 13),
        ("commence", 6, 6, 6, 14),
    ]


def test_crlf_phrase_split_over_two_lines(findings):
    source = "Eat well prior\r\nto surgery.\r\n"
    assert placed(source, findings(source, "plain-words")) == [("prior\r\nto", 1, 10, 2, 3)]


@pytest.mark.parametrize(
    ("suffix", "body", "column"),
    [
        (".md", "We utilise it.\nThen commence.\n", 4),
        (".txt", "We utilise it.\r\nThen commence.\r\n", 4),
        (".html", "<p>We utilise it.</p>\n<p>Then commence.</p>\n", 7),
    ],
)
def test_byte_order_mark_is_not_counted(tmp_path, suffix, body, column):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    result = run_cli("check", "--format", "json", str(path))
    (file_result,) = json_output(result)["files"]
    first = file_result["findings"][0]
    assert first["text"] == "utilise"
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (
        1,
        column,
        1,
        column + 7,
    )


# -- long sentences and file-level findings ------------------------------------------

LONG = (
    "This is a very long sentence that goes on and on\n"
    "about many things that patients might want to know\n"
    "before they come to hospital for their operation today."
)


@pytest.mark.parametrize(
    ("fmt", "source", "first_column"),
    [
        ("markdown", LONG + "\n", 1),
        ("text", LONG + "\n", 1),
        ("html", f"<p>{LONG}</p>\n", 4),
    ],
)
def test_long_sentence_spanning_three_lines(findings, fmt, source, first_column):
    found = findings(source, "long-sentence", fmt=fmt)
    # The last line, "before ... today.", is 55 characters long.
    assert placed(source, found) == [(LONG, 1, first_column, 3, 56)]


def test_long_sentence_in_block_quote_keeps_the_markers(findings):
    quoted = "> " + LONG.replace("\n", "\n> ")
    source = quoted + "\n"
    found = findings(source, "long-sentence")
    assert placed(source, found) == [(quoted[2:], 1, 3, 3, 58)]


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_file_level_finding_is_at_line_1_column_1(findings, fmt):
    hard = Readability.flags[0]
    source = f"{hard} {hard}\n"
    (finding,) = findings(source, "readability", fmt=fmt)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 1, 1)
    assert finding.text == ""
    assert slice_of(source, finding) == ""


# -- what is never reported -------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "source"),
    [
        ("markdown", "Run `utilise --help` now.\n"),
        ("markdown", "Run this:\n\n```\nutilise --all\n```\n"),
        ("markdown", "Run this:\n\n    utilise --all\n"),
        ("markdown", "See https://example.org/utilise-services and www.utilise.org today.\n"),
        ("markdown", "Visit <https://example.org/utilise> today.\n"),
        ("markdown", 'Read [the page](http://x.org/utilise "utilise") today.\n'),
        ("markdown", "Read [the page][ref] today.\n\n[ref]: http://x.org/utilise\n"),
        ("markdown", "---\ntitle: We utilise\n---\n\nHello there.\n"),
        ("markdown", "<!-- utilise -->\n\nHello <!-- utilise --> there.\n"),
        ("markdown", "<script>\nutilise();\n</script>\n\nHello there.\n"),
        ("markdown", "Your form may say “commence treatment”.\n"),
        ("html", "<p>Hello.</p><!-- utilise -->"),
        ("html", "<p>Hello.</p><script>utilise();</script>"),
        ("html", "<p>Run <code>utilise</code> now.</p><pre>utilise</pre>"),
        ("html", '<p>A <a href="http://x.org/utilise" title="utilise">link</a>.</p>'),
        ("html", "<head><title>utilise</title><style>.utilise{}</style></head><p>Hi.</p>"),
        ("text", "See https://example.org/utilise today.\n"),
    ],
)
def test_not_reported(findings, fmt, source):
    assert findings(source, "plain-words", fmt=fmt) == []


def test_markdown_inline_html_code_not_reported(findings):
    assert findings("Run <code>utilise</code> now.\n", "plain-words") == []
