"""The block model each reader builds: kinds, prose, links, bold, images and source spans.

These tests call the readers directly through `parse_document`; no language model is needed.
"""

from __future__ import annotations

from textwrap import dedent

import pytest

from plainlint.documents import BlockKind, parse_document
from plainlint.documents.model import Block, Image, Link


def parse(source: str, fmt: str = "markdown"):
    return parse_document(f"page.{fmt}", source, fmt)


def blocks(source: str, fmt: str = "markdown") -> list[Block]:
    return parse(source, fmt).blocks


def source_of(source: str, block: Block, start: int = 0, end: int | None = None) -> str:
    """The source text behind block.text[start:end]."""
    s, e = block.source_span(start, len(block.text) if end is None else end)
    return source[s:e]


def word_source(source: str, block: Block, word: str) -> str:
    """The source text behind the first occurrence of `word` in the block's prose."""
    start = block.text.index(word)
    return source_of(source, block, start, start + len(word))


def kinds(found: list[Block]) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in found]


def all_text(found: list[Block]) -> str:
    return " | ".join(b.text for b in found)


# -- Markdown: block kinds ---------------------------------------------------------


def test_markdown_atx_heading_has_its_level():
    source = "# Your operation\n\n### After surgery ###\n"
    first, second = blocks(source)
    assert (first.kind, first.level, first.text) == (BlockKind.HEADING, 1, "Your operation")
    assert (second.kind, second.level, second.text) == (BlockKind.HEADING, 3, "After surgery")
    assert source_of(source, first) == "Your operation"
    assert source_of(source, second) == "After surgery"


def test_markdown_setext_headings_have_levels_1_and_2():
    source = "Your operation\n==============\n\nAfter surgery\n-------------\n"
    first, second = blocks(source)
    assert (first.kind, first.level, first.text) == (BlockKind.HEADING, 1, "Your operation")
    assert (second.kind, second.level, second.text) == (BlockKind.HEADING, 2, "After surgery")
    assert source_of(source, second) == "After surgery"


def test_markdown_paragraphs_are_separate_blocks():
    source = "Eat a light meal.\n\nDrink water.\n"
    found = blocks(source)
    assert kinds(found) == [
        (BlockKind.PARAGRAPH, "Eat a light meal."),
        (BlockKind.PARAGRAPH, "Drink water."),
    ]
    assert source_of(source, found[1]) == "Drink water."
    assert found[1].source_span(0, 5) == (19, 24)


def test_markdown_bullet_list_items():
    source = "- Bring your tablets.\n* Bring a dressing gown.\n"
    found = blocks(source)
    assert [b.kind for b in found] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert [b.text for b in found] == ["Bring your tablets.", "Bring a dressing gown."]
    assert source_of(source, found[1]) == "Bring a dressing gown."
    assert found[1].source_span(0, 5) == (24, 29)


def test_markdown_ordered_list_items():
    source = "1. Stop eating.\n2) Keep drinking.\n"
    found = blocks(source)
    assert kinds(found) == [
        (BlockKind.LIST_ITEM, "Stop eating."),
        (BlockKind.LIST_ITEM, "Keep drinking."),
    ]
    assert source_of(source, found[0]) == "Stop eating."


def test_markdown_nested_list_items_are_their_own_blocks():
    source = dedent(
        """\
        - Before you come:
          - stop eating
          1. drink water
        - On the day
        """
    )
    found = blocks(source)
    assert kinds(found) == [
        (BlockKind.LIST_ITEM, "Before you come:"),
        (BlockKind.LIST_ITEM, "stop eating"),
        (BlockKind.LIST_ITEM, "drink water"),
        (BlockKind.LIST_ITEM, "On the day"),
    ]
    assert source_of(source, found[1]) == "stop eating"
    assert found[1].source_span(0, 4) == (23, 27)


def test_markdown_block_quote_joins_its_lines():
    source = "> Call us\n> any time.\n"
    (quote,) = blocks(source)
    assert quote.kind is BlockKind.BLOCK_QUOTE
    assert quote.text == "Call us any time."
    assert source_of(source, quote) == "Call us\n> any time."
    assert word_source(source, quote, "any") == "any"
    assert quote.source_span(8, 11) == (12, 15)


def test_markdown_pipe_table_cells():
    source = dedent(
        """\
        | Time | What to do |
        |------|------------|
        | 6am  | Stop eating |
        """
    )
    found = blocks(source)
    assert all(b.kind is BlockKind.TABLE_CELL for b in found)
    assert [b.text for b in found] == ["Time", "What to do", "6am", "Stop eating"]
    last = found[-1]
    assert source_of(source, last) == "Stop eating"
    assert last.source_span(0, 4) == (source.index("Stop"), source.index("Stop") + 4)


def test_markdown_image_block_with_alt_text_and_source():
    source = 'See this: ![A nurse *smiling*](nurse.png "Nurse")\n'
    paragraph, image_block = blocks(source)
    assert paragraph.text == "See this:"
    assert image_block.kind is BlockKind.IMAGE
    assert image_block.text == "A nurse smiling"
    assert image_block.image is not None
    assert image_block.image.source == "nurse.png"
    assert image_block.image.has_alt is True
    span = image_block.image.span
    assert source[span[0] : span[1]] == '![A nurse *smiling*](nurse.png "Nurse")'
    assert source_of(source, image_block) == "A nurse *smiling"
    assert word_source(source, image_block, "smiling") == "smiling"


def test_markdown_image_without_alt_text():
    source = "![](scan.png)\n"
    (image_block,) = blocks(source)
    assert image_block.kind is BlockKind.IMAGE
    assert image_block.text == ""
    assert image_block.image == Image(source="scan.png", has_alt=False, span=(0, 13))
    assert image_block.source_span(0, 0) == (0, 0)


# -- Markdown: inline markup -------------------------------------------------------


def test_markdown_link_is_recorded_with_target_and_text_span():
    source = 'Read [our leaflet](http://x.org/leaflet "Title") today.\n'
    (block,) = blocks(source)
    assert block.text == "Read our leaflet today."
    (link,) = block.links
    assert link == Link(5, 16, "http://x.org/leaflet")
    assert block.text[link.start : link.end] == "our leaflet"
    assert source_of(source, block, link.start, link.end) == "our leaflet"
    assert word_source(source, block, "today") == "today"


def test_markdown_bold_is_recorded_in_strong():
    source = "Do **not** eat and __do not__ drink.\n"
    (block,) = blocks(source)
    assert block.text == "Do not eat and do not drink."
    assert [block.text[s:e] for s, e in block.strong] == ["not", "do not"]
    start, end = block.strong[1]
    assert source_of(source, block, start, end) == "do not"


def test_markdown_emphasis_mid_sentence_does_not_split_the_block():
    source = "Take *two* tablets with _plenty_ of water.\n"
    (block,) = blocks(source)
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text == "Take two tablets with plenty of water."
    assert block.strong == []
    assert word_source(source, block, "plenty") == "plenty"
    assert word_source(source, block, "water") == "water"


def test_markdown_soft_line_breaks_become_spaces():
    source = "Take two tablets\nwith water\nafter meals.\n"
    (block,) = blocks(source)
    assert block.text == "Take two tablets with water after meals."
    assert source_of(source, block) == source.rstrip("\n")
    assert word_source(source, block, "after") == "after"
    assert block.source_span(16, 17) == (16, 17)  # the space stands for the line break
    assert source[16] == "\n"


def test_markdown_heading_never_merges_with_the_next_paragraph():
    source = "# Your visit\nCome at 9am.\n"
    heading, paragraph = blocks(source)
    assert (heading.kind, heading.text) == (BlockKind.HEADING, "Your visit")
    assert (paragraph.kind, paragraph.text) == (BlockKind.PARAGRAPH, "Come at 9am.")
    assert source_of(source, paragraph) == "Come at 9am."


def test_markdown_autolink_is_a_link_with_its_address_as_text():
    source = "Visit <https://nhs.uk> today.\n"
    (block,) = blocks(source)
    assert block.text == "Visit https://nhs.uk today."
    (link,) = block.links
    assert link.target == "https://nhs.uk"
    assert block.text[link.start : link.end] == "https://nhs.uk"
    assert source_of(source, block, link.start, link.end) == "https://nhs.uk"
    assert word_source(source, block, "today") == "today"


def test_markdown_email_autolink_targets_mailto():
    source = "Write to <help@nhs.uk> now.\n"
    (block,) = blocks(source)
    assert block.text == "Write to help@nhs.uk now."
    (link,) = block.links
    assert link.target == "mailto:help@nhs.uk"
    assert source_of(source, block, link.start, link.end) == "help@nhs.uk"


def test_markdown_plain_email_and_web_address_are_protected():
    source = "Email help@nhs.uk or see www.nhs.uk today.\n"
    (block,) = blocks(source)
    protected = [block.text[s:e] for s, e in block.protected]
    assert protected == ["help@nhs.uk", "www.nhs.uk"]
    assert word_source(source, block, "help@nhs.uk") == "help@nhs.uk"


# -- Markdown: what is not prose ----------------------------------------------------


def test_markdown_front_matter_is_parsed_and_not_prose():
    source = dedent(
        """\
        ---
        title: Your operation
        tags: [surgery, adults]
        ---

        Come at 9am.
        """
    )
    document = parse(source)
    assert document.front_matter == {"title": "Your operation", "tags": ["surgery", "adults"]}
    assert kinds(document.blocks) == [(BlockKind.PARAGRAPH, "Come at 9am.")]
    assert source_of(source, document.blocks[0]) == "Come at 9am."


def test_markdown_fenced_code_is_not_prose():
    source = "Run this:\n\n```sh\nutilise --all\n```\n\nThen wait.\n"
    found = blocks(source)
    assert [b.text for b in found] == ["Run this:", "Then wait."]
    assert source_of(source, found[1]) == "Then wait."


def test_markdown_indented_code_is_not_prose():
    source = "Run this:\n\n    utilise --all\n\nThen wait.\n"
    found = blocks(source)
    assert [b.text for b in found] == ["Run this:", "Then wait."]
    assert "utilise" not in all_text(found)


def test_markdown_inline_code_becomes_a_placeholder_in_one_sentence():
    source = "Run `x --y` now.\n"
    (block,) = blocks(source)
    assert block.text == "Run code now."
    assert block.placeholders == [(4, 8)]
    assert source_of(source, block, 4, 8) == "`x --y`"
    assert word_source(source, block, "now") == "now"
    assert block.is_protected(4, 8)


def test_markdown_html_comment_is_recorded_not_prose():
    source = "<!-- reviewed 2024 -->\n\nCome at <!-- not 8 --> 9am.\n"
    document = parse(source)
    assert [c.text for c in document.comments] == ["<!-- reviewed 2024 -->", "<!-- not 8 -->"]
    for comment in document.comments:
        assert source[comment.start : comment.end] == comment.text
    assert [b.text for b in document.blocks] == ["Come at 9am."]
    assert word_source(source, document.blocks[0], "9am") == "9am"


def test_markdown_html_block_markup_is_skipped_but_text_kept():
    source = '<div class="note">\n\nCall us.\n\n</div>\n'
    (block,) = blocks(source)
    assert (block.kind, block.text) == (BlockKind.PARAGRAPH, "Call us.")
    assert source_of(source, block) == "Call us."


def test_markdown_top_level_html_paragraph_keeps_its_text():
    source = "Intro.\n\n<p>Call us <b>today</b> &amp; tomorrow.</p>\n"
    intro, block = blocks(source)
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text == "Call us today & tomorrow."
    assert source_of(source, block) == "Call us <b>today</b> &amp; tomorrow."
    assert word_source(source, block, "&") == "&amp;"
    assert [block.text[s:e] for s, e in block.strong] == ["today"]


def test_markdown_backslash_escape_and_entity_are_decoded():
    source = "Take 2 \\* 5mg &amp; rest.\n"
    (block,) = blocks(source)
    assert block.text == "Take 2 * 5mg & rest."
    assert word_source(source, block, "*") == "\\*"
    assert word_source(source, block, "&") == "&amp;"
    assert word_source(source, block, "rest") == "rest"


# -- HTML: what is not prose -------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var utilise = 1;</script>",
        "<style>.utilise { color: red }</style>",
        "<pre>utilise --all</pre>",
        "<template><p>utilise</p></template>",
        "<noscript>utilise</noscript>",
        "<head><title>utilise</title></head>",
        "<!-- utilise -->",
        "<p hidden>utilise</p>",
        '<div aria-hidden="true">utilise</div>',
    ],
)
def test_html_hidden_content_is_not_prose(hidden):
    source = f"{hidden}<p>Call us.</p>"
    found = blocks(source, "html")
    assert kinds(found) == [(BlockKind.PARAGRAPH, "Call us.")]
    assert source_of(source, found[0]) == "Call us."


def test_html_comment_is_recorded():
    source = "<p>Call us.</p>\n<!-- reviewed -->\n"
    document = parse(source, "html")
    (comment,) = document.comments
    assert comment.text == "<!-- reviewed -->"
    assert source[comment.start : comment.end] == "<!-- reviewed -->"


def test_html_code_becomes_a_placeholder():
    source = "<p>Run <code>utilise --all</code> now.</p>"
    (block,) = blocks(source, "html")
    assert block.text == "Run code now."
    assert block.placeholders == [(4, 8)]
    assert source_of(source, block, 4, 8) == "<code>utilise --all</code>"
    assert word_source(source, block, "now") == "now"


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_html_heading_levels(level):
    source = f"<h{level}>Your visit</h{level}>"
    (block,) = blocks(source, "html")
    assert (block.kind, block.level, block.text) == (BlockKind.HEADING, level, "Your visit")
    assert source_of(source, block) == "Your visit"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("<p>Call us.</p>", BlockKind.PARAGRAPH),
        ("<ul><li>Call us.</li></ul>", BlockKind.LIST_ITEM),
        ("<table><tr><td>Call us.</td></tr></table>", BlockKind.TABLE_CELL),
        ("<table><tr><th>Call us.</th></tr></table>", BlockKind.TABLE_CELL),
        ("<blockquote>Call us.</blockquote>", BlockKind.BLOCK_QUOTE),
    ],
)
def test_html_block_kinds(source, kind):
    (block,) = blocks(source, "html")
    assert (block.kind, block.text) == (kind, "Call us.")
    assert source_of(source, block) == "Call us."


def test_html_nested_inline_tags_stay_in_one_block():
    source = "<p>Take <strong><em>two</em></strong> tablets</p>"
    (block,) = blocks(source, "html")
    assert block.text == "Take two tablets"
    assert [block.text[s:e] for s, e in block.strong] == ["two"]
    assert source_of(source, block) == "Take <strong><em>two</em></strong> tablets"
    assert word_source(source, block, "tablets") == "tablets"


def test_html_link_is_recorded():
    source = '<p>Read <a href="/leaflet">our leaflet</a>.</p>'
    (block,) = blocks(source, "html")
    assert block.text == "Read our leaflet."
    assert block.links == [Link(5, 16, "/leaflet")]
    assert source_of(source, block, 5, 16) == "our leaflet"


@pytest.mark.parametrize(
    ("entity", "decoded"),
    [
        ("&amp;", "&"),
        ("&nbsp;", " "),  # a no-break space reads as a space
        ("&rsquo;", "’"),
        ("&#8217;", "’"),
        ("&#x2019;", "’"),
    ],
)
def test_html_entities_are_decoded(entity, decoded):
    source = f"<p>A{entity}B</p>"
    (block,) = blocks(source, "html")
    assert block.text == f"A{decoded}B"
    assert source_of(source, block, 1, 2) == entity
    assert source_of(source, block, 2, 3) == "B"


def test_html_unclosed_paragraphs_are_separate_blocks():
    source = "<p>Call us.\n<p>Come at 9am.\n"
    found = blocks(source, "html")
    assert kinds(found) == [
        (BlockKind.PARAGRAPH, "Call us."),
        (BlockKind.PARAGRAPH, "Come at 9am."),
    ]
    assert source_of(source, found[1]) == "Come at 9am."


def test_html_unclosed_list_items_are_separate_blocks():
    source = "<ul>\n<li>Stop eating\n<li>Keep drinking\n</ul>"
    found = blocks(source, "html")
    assert kinds(found) == [
        (BlockKind.LIST_ITEM, "Stop eating"),
        (BlockKind.LIST_ITEM, "Keep drinking"),
    ]
    assert source_of(source, found[1]) == "Keep drinking"


def test_html_image_with_alt_text():
    source = '<img src="nurse.png" alt="A nurse &amp; a patient">'
    (block,) = blocks(source, "html")
    assert block.kind is BlockKind.IMAGE
    assert block.text == "A nurse & a patient"
    assert block.image == Image(source="nurse.png", has_alt=True, span=(0, len(source)))
    assert word_source(source, block, "&") == "&amp;"
    assert word_source(source, block, "patient") == "patient"


def test_html_decorative_image_with_empty_alt():
    source = '<img src="line.png" alt="" role="presentation">'
    (block,) = blocks(source, "html")
    assert block.kind is BlockKind.IMAGE
    assert block.text == ""
    assert block.image is not None
    assert (block.image.has_alt, block.image.role) == (True, "presentation")
    assert block.source_span(0, 0) == (0, 0)


def test_html_image_without_alt():
    source = '<p>Scan:</p><img src="scan.png">'
    paragraph, image_block = blocks(source, "html")
    assert image_block.kind is BlockKind.IMAGE
    assert image_block.text == ""
    assert image_block.image is not None
    assert image_block.image.has_alt is False
    assert image_block.image.source == "scan.png"
    start, end = image_block.image.span
    assert source[start:end] == '<img src="scan.png">'


def test_html_image_alt_is_not_taken_from_data_alt():
    source = '<img src="a.png" data-alt="old text" alt="A nurse">'
    (block,) = blocks(source, "html")
    assert block.text == "A nurse"


def test_html_br_is_a_word_break():
    source = "<p>Call us<br>today</p>"
    (block,) = blocks(source, "html")
    assert block.text == "Call us today"
    assert source_of(source, block, 7, 8) == "<br>"
    assert source_of(source, block) == "Call us<br>today"


def test_html_code_after_unclosed_code_is_still_a_placeholder():
    source = "<p>Run <code>x</p><p>Then <code>utilise</code> it.</p>"
    found = blocks(source, "html")
    assert found[-1].text == "Then code it."  # today: "Then utilisecode it."


# -- Plain text --------------------------------------------------------------------


def test_text_paragraphs_split_on_blank_lines():
    source = "Eat a light meal.\n\nDrink water.\n"
    found = blocks(source, "text")
    assert kinds(found) == [
        (BlockKind.PARAGRAPH, "Eat a light meal."),
        (BlockKind.PARAGRAPH, "Drink water."),
    ]
    assert source_of(source, found[1]) == "Drink water."
    assert found[1].source_span(0, 5) == (19, 24)


def test_text_list_items():
    source = "Before you come:\n\n- stop eating\n1. drink water\n2) rest\n"
    found = blocks(source, "text")
    assert kinds(found)[1:] == [
        (BlockKind.LIST_ITEM, "stop eating"),
        (BlockKind.LIST_ITEM, "drink water"),
        (BlockKind.LIST_ITEM, "rest"),
    ]
    assert source_of(source, found[2]) == "drink water"


def test_text_short_line_without_full_stop_is_a_heading():
    source = "Your operation\n\nCome at 9am.\n"
    heading, paragraph = blocks(source, "text")
    assert (heading.kind, heading.text) == (BlockKind.HEADING, "Your operation")
    assert (paragraph.kind, paragraph.text) == (BlockKind.PARAGRAPH, "Come at 9am.")
    assert source_of(source, heading) == "Your operation"


def test_text_short_line_with_full_stop_is_a_paragraph():
    (block,) = blocks("Come at 9am.\n", "text")
    assert block.kind is BlockKind.PARAGRAPH


def test_text_line_breaks_in_a_paragraph_become_spaces():
    source = "Take two tablets\nwith water.\n"
    (block,) = blocks(source, "text")
    assert block.text == "Take two tablets with water."
    assert source_of(source, block) == "Take two tablets\nwith water."
    assert word_source(source, block, "with") == "with"


def test_text_crlf_file():
    source = "Your operation\r\n\r\nTake two tablets\r\nwith water.\r\n"
    heading, paragraph = blocks(source, "text")
    assert (heading.kind, heading.text) == (BlockKind.HEADING, "Your operation")
    assert paragraph.text == "Take two tablets with water."
    assert source_of(source, heading) == "Your operation"
    assert source_of(source, paragraph) == "Take two tablets\r\nwith water."
    assert word_source(source, paragraph, "with") == "with"
