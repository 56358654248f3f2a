"""missing-illustration: a long page with no picture. image-alt-text: alt text that says nothing."""

from __future__ import annotations

import pytest
from conftest import slice_of

from plainlint.findings import Severity

MISSING = "missing-illustration"
ALT = "image-alt-text"

# Ten words; five of them make a 50-word paragraph.
SENTENCE = "You can ask your nurse about the test at home."
SHORT_SENTENCE = "You can ask your nurse about the test today."  # nine words


def paragraphs(words: int) -> list[str]:
    """Paragraphs of 50 words (the last may be shorter) holding exactly `words` words."""
    assert words % 10 in (0, 9)
    sentences = [SENTENCE] * (words // 10) + ([SHORT_SENTENCE] if words % 10 == 9 else [])
    return [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]


def page(words: int, fmt: str = "markdown", extra: str = "") -> str:
    """A page with a heading, `words` words of paragraphs and `extra` source at the end."""
    parts = paragraphs(words)
    if fmt == "html":
        body = "\n".join(f"<p>{p}</p>" for p in parts)
        return f"<h1>Your heart</h1>\n{body}\n{extra}"
    heading = "# Your heart" if fmt == "markdown" else "Your heart"
    return "\n\n".join([heading, *parts]) + "\n\n" + extra


# -- missing-illustration ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_a_page_of_600_words_with_no_picture_is_flagged(findings, fmt):
    [finding] = findings(page(600, fmt), MISSING, fmt=fmt)
    assert finding.rule == MISSING
    assert finding.severity is Severity.INFO
    assert "600 words" in finding.message
    assert (finding.line, finding.column, finding.text) == (1, 1, "")


def test_a_page_of_599_words_is_left_alone(findings):
    assert [len(p.split()) for p in paragraphs(599)] == [50] * 11 + [49]
    for fmt in ("markdown", "html", "text"):
        assert findings(page(599, fmt), MISSING, fmt=fmt) == [], fmt


def test_list_items_and_block_quotes_count_as_words(findings):
    half = paragraphs(300)
    listed = "\n".join(f"- {p}" for p in half)
    [finding] = findings(page(300, extra=listed + "\n"), MISSING)
    assert "600 words" in finding.message
    quoted = "\n>\n".join(f"> {p}" for p in half)
    [finding] = findings(page(300, extra=quoted + "\n"), MISSING)
    assert "600 words" in finding.message


def test_headings_and_table_cells_do_not_count_as_words(findings):
    cells = " | ".join(paragraphs(100))
    table = f"| {cells} |\n|---|---|\n| {SENTENCE} | {SENTENCE} |\n"
    headings = "\n\n".join(f"## {SENTENCE[:-1]}" for _ in range(10)) + "\n"
    assert findings(page(590, extra=table), MISSING) == []
    assert findings(page(590, extra=headings), MISSING) == []


def _illustrated(check, cases, fmt):
    """For each extra source: the long page's missing-illustration findings and image count."""
    results = [check(page(600, fmt, extra), fmt, {MISSING}) for extra in cases]
    return [
        (extra, [f.rule for f in r.findings], r.metrics.images) for extra, r in zip(cases, results)
    ]


def test_any_picture_diagram_or_video_leaves_a_long_markdown_page_alone(check):
    cases = [
        "![A diagram of the heart and its 4 chambers](heart.png)",
        "![](heart.png)",  # no alt text, but still a picture on the page
        'See the diagram <img src="heart.png" alt="The heart"> below.',
        '<img src="heart.png" alt="The heart">',
        '<figure>\n<svg viewBox="0 0 10 10"><circle r="4"/></svg>\n</figure>',
        '<video src="heart.mp4" controls>\n</video>',
    ]
    assert _illustrated(check, cases, "markdown") == [(extra, [], 1) for extra in cases]


def test_any_picture_diagram_or_video_leaves_a_long_html_page_alone(check):
    cases = [
        '<p>The heart: <img src="heart.png" alt="The heart"></p>',
        '<svg viewBox="0 0 10 10"><circle r="4"/></svg>',
        '<video src="heart.mp4" controls></video>',
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    ]
    assert _illustrated(check, cases, "html") == [(extra, [], 1) for extra in cases]


def test_hidden_commented_or_code_pictures_do_not_count(check):
    html = [
        '<div hidden><img src="heart.png" alt="The heart"></div>',
        '<template><img src="heart.png" alt="The heart"></template>',
    ]
    markdown = [
        "<!-- ![The heart](heart.png) -->",
        "```\n![The heart](heart.png)\n```",
        "`![The heart](heart.png)`",
    ]
    expected = [MISSING]
    assert _illustrated(check, html, "html") == [(extra, expected, 0) for extra in html]
    assert _illustrated(check, markdown, "markdown") == [(extra, expected, 0) for extra in markdown]


# -- image-alt-text: no alt text or empty alt text ----------------------------------


def test_markdown_image_without_alt_text_points_at_the_whole_image(findings):
    source = "# Drips\n\nA drip gives you fluid.\n\n![](drip.png)\n"
    [finding] = findings(source, ALT)
    assert finding.severity is Severity.ERROR
    assert "no alt text" in finding.message
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (5, 1, 5, 14)
    assert finding.text == slice_of(source, finding) == "![](drip.png)"


def test_images_without_alt_text_are_flagged_at_the_tag(findings):
    cases = [
        ("![ ](drip.png)", "markdown", "![ ](drip.png)"),
        ('<img src="drip.png">', "html", '<img src="drip.png">'),
        (
            '<p>A drip: <img src="drip.png" width="40"></p>',
            "html",
            '<img src="drip.png" width="40">',
        ),
        ('<img src="drip.png" role="img">', "html", '<img src="drip.png" role="img">'),
        ('A drip gives you fluid <img src="drip.png"> slowly.', "markdown", '<img src="drip.png">'),
        ("- ![](drip.png)\n", "markdown", "![](drip.png)"),
        ("| Drip |\n|---|\n| ![](drip.png) |\n", "markdown", "![](drip.png)"),
    ]
    for source, fmt, text in cases:
        [finding] = findings(source, ALT, fmt=fmt)
        assert "no alt text" in finding.message, source
        assert finding.text == slice_of(source, finding) == text, source


def test_a_tag_over_several_lines_is_reported_whole(findings):
    source = '<p>Your drip.</p>\n<img\n  src="drip.png"\n  width="40">\n'
    [finding] = findings(source, ALT, fmt="html")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 1, 4, 14)
    assert slice_of(source, finding) == '<img\n  src="drip.png"\n  width="40">'


def test_empty_alt_text_without_a_decorative_role_is_flagged(findings):
    for source in [
        '<img src="drip.png" alt="">',
        '<img src="drip.png" alt="   ">',
        "<img src=drip.png alt=''>",
    ]:
        [finding] = findings(source, ALT, fmt="html")
        assert "empty alt text" in finding.message, source
        assert 'role="presentation"' in finding.message
        assert finding.text == slice_of(source, finding) == source


def test_decorative_images_are_left_alone(findings):
    html = [
        '<img src="line.png" alt="" role="presentation">',
        '<img src="line.png" alt="" role="none">',
        '<img src="line.png" alt="" role="Presentation">',
        "<img src='line.png' alt='' role='none'>",
        '<p>Welcome <img src="line.png" alt="" role="presentation"> back.</p>',
    ]
    markdown = [
        '<img src="line.png" alt="" role="presentation">',
        'Welcome <img src="line.png" alt="" role="none"> back.',
    ]
    assert [(s, findings(s, ALT, fmt="html")) for s in html] == [(s, []) for s in html]
    assert [(s, findings(s, ALT)) for s in markdown] == [(s, []) for s in markdown]


def test_hidden_images_and_svg_video_iframe_are_not_checked(findings):
    cases = [
        '<div hidden><img src="drip.png"></div>',
        '<div aria-hidden="true"><img src="drip.png" alt="photo"></div>',
        '<template><img src="drip.png" alt=""></template>',
        '<svg viewBox="0 0 10 10"><title>Drip</title><circle r="4"/></svg>',
        '<video src="drip.mp4" controls></video>',
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    ]
    assert [(s, findings(s, ALT, fmt="html")) for s in cases] == [(s, []) for s in cases]


# -- image-alt-text: alt text that says nothing -------------------------------------


MEANINGLESS = [
    "image",
    "Photo",
    "picture.",
    "Image 1",
    "Picture 12.",
    "Photo of",
    "image of",
    "logo",
    "Screenshot 2",
    "Screen shot",
    "Chart 3",
    "illustration",
    "placeholder",
]


def test_meaningless_alt_text_is_flagged_at_the_alt_text(findings):
    for alt in MEANINGLESS:
        source = f"Your drip:\n\n![{alt}](drip.png)\n"
        [finding] = findings(source, ALT)
        assert finding.severity is Severity.ERROR
        assert f"“{alt}”" in finding.message
        assert (finding.line, finding.column) == (3, 3), alt
        assert finding.text == slice_of(source, finding) == alt


def test_file_names_as_alt_text_are_flagged(findings):
    cases = [
        ("IMG_1234.jpg", "IMG_1234.jpg"),
        ("IMG_1234", "drip.png"),
        ("img_0042", "drip.png"),
        ("DSC0001", "drip.png"),
        ("PXL_20230101", "drip.png"),
        ("scan-result.png", "drip.png"),
        ("photo_2023.jpg", "drip.png"),
        ("drip.png", "drip.png"),  # the image's own file name
        ("drip.png", "/images/drip.png?v=2"),
        ("ultrasound-scan", "ultrasound-scan.png"),  # the file name without its extension
    ]
    for alt, src in cases:
        source = f"![{alt}]({src})"
        [finding] = findings(source, ALT)
        assert finding.text == slice_of(source, finding) == alt


def test_markup_around_the_alt_text_is_not_part_of_it(findings):
    source = "![**Image**](drip.png)"
    [finding] = findings(source, ALT)
    assert (finding.column, finding.end_column) == (5, 10)
    assert slice_of(source, finding) == "Image"


def test_meaningless_html_alt_text_is_flagged_at_the_alt_text(findings):
    cases = [
        ('<img src="drip.png" alt="Image 1">', "Image 1", 26),
        ("<img src='drip.png' alt='photo'>", "photo", 26),
        ('<img src="drip.png" alt=picture>', "picture", 25),
        ('<img src="drip.png" ALT="Photo">', "Photo", 26),
        ('<img src="IMG_1234.jpg" alt="IMG_1234.jpg">', "IMG_1234.jpg", 30),
        ('<img src="drip.png" alt="DSC0001">', "DSC0001", 26),
        ('<p>Your drip <img src="drip.png" alt="picture."> is here.</p>', "picture.", 39),
    ]
    for source, alt, column in cases:
        [finding] = findings(source, ALT, fmt="html")
        assert (finding.line, finding.column, finding.end_column) == (1, column, column + len(alt))
        assert finding.text == slice_of(source, finding) == alt


def test_html_alt_text_on_a_later_line(findings):
    source = '<p>Your drip.</p>\n<img\n  src="drip.png"\n  alt="picture">\n'
    [finding] = findings(source, ALT, fmt="html")
    assert (finding.line, finding.column, finding.end_column) == (4, 8, 15)
    assert slice_of(source, finding) == "picture"


def test_alt_text_in_markdown_html_and_nested_blocks(findings):
    source = (
        'Your drip <img src="drip.png" alt="photo"> is here.\n\n'
        "> ![image](drip.png)\n\n"
        "[![picture](drip.png)](https://example.org/drips)\n"
    )
    found = findings(source, ALT)
    assert [(f.text, f.line, f.column) for f in found] == [
        ("photo", 1, 36),
        ("image", 3, 5),
        ("picture", 5, 4),
    ]
    assert all(slice_of(source, f) == f.text for f in found)


def test_descriptions_that_contain_a_listed_word_are_left_alone(findings):
    descriptions = [
        "A photo of the ward",
        "Photo of the ward's day room, with chairs and a TV",
        "A nurse putting a drip into a patient's arm",
        "Image showing where to inject insulin",
        "Picture of a nurse taking blood",
        "Diagram: the 4 chambers of the heart",
        "Chest X-ray showing a shadow on the left lung",
        "NHS logo",
        "Ultrasound scan",
    ]
    for alt in descriptions:
        assert findings(f"![{alt}](scan.png)", ALT) == [], alt
        assert findings(f'<img src="scan.png" alt="{alt}">', ALT, fmt="html") == [], alt


# -- cases a review found -----------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        'Watch: <iframe src="https://www.youtube.com/embed/x"></iframe>',
        'A diagram: <svg width="10"><circle r="4"/></svg>',
        'Intro <video src="a.mp4"></video> here.',
    ],
)
def test_inline_html_illustrations_in_markdown_count(findings, extra):
    assert findings(page(600, extra=extra), "missing-illustration") == []


def test_a_decorative_image_does_not_count_as_an_illustration(findings):
    extra = '<img src="line.png" alt="" role="presentation">'
    assert len(findings(page(600, "html", extra), "missing-illustration")) == 1


@pytest.mark.parametrize(
    "source",
    [
        '<img src="a.png" hidden>',
        '<img src="a.png" aria-hidden="true">',
        '<img alt="" src="a.png" aria-hidden="true">',
    ],
)
def test_images_hidden_from_everyone_or_from_screen_readers_are_not_checked(findings, source):
    assert findings(source, "image-alt-text", fmt="html") == []


@pytest.mark.parametrize("alt", ["A photo", "An image", "The logo", "Photo 1 of 3", "image."])
def test_a_listed_word_with_only_small_words_or_numbers_says_nothing(findings, alt):
    [finding] = findings(f"![{alt}](scan.png)", "image-alt-text")
    assert finding.text == alt


def test_a_plain_word_that_is_also_the_file_name_is_left_alone(findings):
    assert findings("![Heart](heart.png)", "image-alt-text") == []
    [finding] = findings("![ultrasound-scan](ultrasound-scan.png)", "image-alt-text")
    assert finding.text == "ultrasound-scan"


def test_empty_alt_text_alone_is_a_warning_and_a_tracking_pixel_is_left_alone(findings):
    source = '<img src="icon.png" alt="">\n<img src="px.gif" width="1" height="1px">'
    [finding] = findings(source, "image-alt-text", fmt="html")
    assert finding.severity is Severity.WARNING
    assert finding.line == 1


def test_icons_with_empty_alt_text_are_not_illustrations(findings):
    extra = '<img src="icon.png" alt="">'
    assert len(findings(page(600, "html", extra), "missing-illustration")) == 1


@pytest.mark.parametrize("alt", ["-", "...", "Image of", "A picture of"])
def test_alt_text_of_punctuation_or_a_listed_word_with_of_says_nothing(findings, alt):
    [finding] = findings(f'<img src="scan.png" alt="{alt}">', "image-alt-text", fmt="html")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("source", "fmt", "alt_start"),
    [
        ("![A diagram " + " ".join(["word"] * 30) + "](a.png)", "markdown", 3),
        ('<img src="a.png" alt="A diagram ' + " ".join(["word"] * 30) + '">', "html", 23),
    ],
)
def test_alt_text_over_30_words_is_a_warning_at_the_alt_text(findings, source, fmt, alt_start):
    [finding] = findings(source, ALT, fmt=fmt)
    assert finding.severity is Severity.WARNING
    assert finding.column == alt_start
    assert finding.text == "A diagram " + " ".join(["word"] * 30)
    assert finding.message == (
        "This alt text has 32 words. Keep it to 30 or fewer, and describe the rest in the "
        "page, next to the image."
    )


def test_alt_text_of_30_words_is_left_alone(findings):
    source = "![A diagram " + " ".join(["word"] * 28) + "](a.png)"
    assert findings(source, ALT) == []
