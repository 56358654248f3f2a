"""The structure counts in every file's metrics: paragraphs, headings, images and lists."""

from __future__ import annotations

from conftest import json_output, run_cli

# A quick rule: the counts do not depend on which rules run.
QUICK = {"link-text"}


def counts(check, source, fmt="markdown", select=QUICK):
    metrics = check(source, fmt, select).metrics
    return (metrics.paragraphs, metrics.headings, metrics.images, metrics.lists)


def lists(check, cases, fmt):
    """The list count of each source, next to the source for a readable failure."""
    return [(source, check(source, fmt, QUICK).metrics.lists) for source in cases]


def test_markdown_page(check):
    source = (
        "# Your operation\n\n"
        "Most people go home\nafter two days.\n\n"
        "Before you come in\n------------------\n\n"
        "- Bring your tablets.\n- Bring a dressing gown.\n\n"
        "![A nurse checking a wound](wound.png)\n\n"
        "You can eat until midnight.\n"
    )
    assert counts(check, source) == (2, 2, 1, 1)


def test_headings_tables_images_and_list_items_are_not_paragraphs(check):
    source = (
        "## Visiting\n\n"
        "| Day | Time |\n|---|---|\n| Monday | 2 to 4 |\n\n"
        "![A map of the ward](map.png)\n\n"
        "1. Ring the bell.\n2. Wait for a nurse.\n"
    )
    assert counts(check, source) == (0, 1, 1, 1)


def test_markdown_lists_are_counted_one_per_list(check):
    cases = {
        "- a\n- b\n- c\n": 1,
        "- a\n\n- b\n": 1,  # a loose list is still one list
        "1) a\n2) b\n": 1,
        "> - a\n> - b\n": 1,
        "- **a**\n- b\n": 1,
        "- a\n- b\n\nText.\n\n- c\n- d\n": 2,
        "- a\n- b\n\n1. c\n2. d\n": 2,
        "- a\n- b\n* c\n": 2,  # a new bullet character starts a new list
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n": 1,
        "<ul><li>a</li></ul>\n\n- b\n": 2,
        "Text.\n": 0,
        "- \n- \n": 0,
        "| a |\n|---|\n| - b |\n": 0,
        "```\n- a\n- b\n```\n": 0,
    }
    assert lists(check, list(cases), "markdown") == list(cases.items())


def test_a_nested_list_is_a_list_of_its_own(check):
    cases = {
        "- a\n  - a1\n  - a2\n- b\n": 2,
        "1. Step one\n2. Step two\n\n   - sub a\n   - sub b\n3. Step three\n": 2,
        "1. a\n   - x\n   - y\n2. b\n   1. z\n": 3,
    }
    assert lists(check, list(cases), "markdown") == list(cases.items())
    html = {
        "<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>": 2,
        "<ul>\n<li>a\n<ol><li>b</li><li>c</li></ol>\n</li>\n<li>d</li>\n</ul>": 2,
    }
    assert lists(check, list(html), "html") == list(html.items())


def test_html_lists(check):
    cases = {
        "<ul><li>a</li><li>b</li></ul>": 1,
        "<ol><li>a<li>b</ol><ul><li>c</ul>": 2,
        "<ul><li>a</li></ul><ul><li>b</li></ul>": 2,
        "<dl><dt>Dose</dt><dd>One tablet a day.</dd><dt>When</dt><dd>At night.</dd></dl>": 1,
        "<menu><li>a</li></menu>": 1,
        "<nav><ul><li>Home</li></ul></nav>": 1,
        "<ol><li><p>a</p><p>b</p></li></ol>": 1,
        "<ul></ul>": 0,
        "<ul><li></li></ul>": 0,
        "<p>- a<br>- b</p>": 0,
    }
    assert lists(check, list(cases), "html") == list(cases.items())


def test_plain_text_lists_are_runs_of_marked_lines(check):
    cases = {
        "- a\n- b\n- c\n": 1,
        "1. a\n2. b\n": 1,
        "• a\n• b\n": 1,
        "Intro:\n- a\n- b\n": 1,
        "- a\n- b\n\n- c\n": 1,
        "Text.\n\n- a\n- b\n\nMore text.\n\n- c\n- d\n": 2,
        "-a\n-b\n": 0,
        "Take 2 - 3 tablets a day.\n": 0,
    }
    assert lists(check, list(cases), "text") == list(cases.items())


def test_plain_text_page(check):
    source = (
        "Your operation\n\n"
        "Most people go home after two days.\n\n"
        "Before you come in\n\n"
        "Bring these things:\n- your tablets\n- a dressing gown\n\n"
        "You can eat until\nmidnight.\n"
    )
    assert counts(check, source, "text") == (3, 2, 0, 1)


def test_html_page(check):
    source = (
        "<html><head><title>Your operation</title></head><body>\n"
        "<h1>Your operation</h1>\n<p>Most people go home after two days.</p>\n"
        "<h2>Before you come in</h2>\n<div>Bring these things:</div>\n"
        "<ul><li>your tablets</li><li>a dressing gown</li></ul>\n"
        '<figure><img src="ward.png" alt="The ward"></figure>\n'
        "<table><tr><td>Monday</td><td>2 to 4</td></tr></table>\n"
        "<script>var visits = 2;</script>\n</body></html>\n"
    )
    assert counts(check, source, "html") == (2, 2, 1, 1)


def test_images_in_markdown(check):
    cases = {
        "![A nurse checking a wound](wound.png)": 1,
        "![](wound.png)": 1,
        "Text with ![A heart](heart.png) inline.": 1,
        'Text with <img src="heart.png" alt="A heart"> inline.': 1,
        "Text with <img src='a.png' alt='A heart'> and <img src='b.png' alt='A lung'>.": 2,
        "- ![A heart](heart.png)\n- ![A lung](lung.png)\n": 2,
        '<img src="heart.png" alt="A heart">\n': 1,
        "<svg>\n<circle r='4'/>\n</svg>\n": 1,
        '<video src="heart.mp4" controls>\n</video>\n': 1,
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>\n': 1,
        "<!-- ![A heart](heart.png) -->\n": 0,
        "```\n![A heart](heart.png)\n```\n": 0,
        "    ![A heart](heart.png)\n": 0,
        "`![A heart](heart.png)`\n": 0,
    }
    images = [(s, check(s, "markdown", QUICK).metrics.images) for s in cases]
    assert images == list(cases.items())


def test_images_in_html(check):
    cases = {
        '<p>Text <img src="heart.png" alt="A heart"> here.</p>': 1,
        '<img src="heart.png">': 1,
        '<svg viewBox="0 0 10 10"><circle r="4"/></svg>': 1,
        '<video src="heart.mp4" controls></video>': 1,
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>': 1,
        '<figure><img src="a.png" alt="A heart"><img src="b.png" alt="A lung"></figure>': 2,
        '<div hidden><img src="heart.png" alt="A heart"></div>': 0,
        '<template><img src="heart.png" alt="A heart"></template>': 0,
        "<!-- <img src='heart.png' alt='A heart'> -->": 0,
    }
    images = [(s, check(s, "html", QUICK).metrics.images) for s in cases]
    assert images == list(cases.items())


def test_hidden_html_is_not_counted(check):
    source = (
        "<h1>Your operation</h1>\n"
        "<div hidden><h2>Old times</h2><p>Old text.</p>"
        '<img src="old.png" alt="An old map"><ul><li>old</li></ul></div>\n'
        '<p aria-hidden="true">Screen readers skip this.</p>\n'
        '<ul aria-hidden="true"><li>skipped</li></ul>\n'
        "<h2 hidden>Hidden heading</h2>\n"
        "<template><p>a</p><ul><li>x</li></ul></template>\n"
        "<noscript><p>Turn on JavaScript.</p></noscript>\n"
        "<p>You can go home today.</p>\n"
    )
    assert counts(check, source, "html") == (1, 1, 0, 0)


def test_hidden_html_in_markdown_is_not_counted(check):
    source = (
        "# Your operation\n\n"
        '<div hidden>\n<img src="old.png" alt="An old map">\n<ul><li>old</li></ul>\n</div>\n\n'
        "You can go home today.\n"
    )
    assert counts(check, source) == (1, 1, 0, 0)


def test_counts_are_the_same_whatever_rules_run(check):
    source = "# Your operation\n\nText.\n\n- a\n- b\n\n![A heart](heart.png)\n"
    assert counts(check, source, select={"key-point"}) == counts(check, source) == (1, 1, 1, 1)
    assert counts(check, source, select={"image-alt-text", "missing-illustration"}) == (1, 1, 1, 1)


def test_skipped_sections_are_not_counted(check):
    source = (
        "# Your operation\n\nText.\n\n## References\n\n"
        "- Smith J. Surgery. 2020.\n- Jones K. Wounds. 2021.\n\n![A chart](chart.png)\n"
    )
    metrics = check(source, "markdown", QUICK).metrics
    assert (metrics.paragraphs, metrics.images, metrics.lists) == (1, 0, 0)


def test_json_output_has_the_counts(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Title\n\nOne paragraph.\n\n- a\n- b\n\n1. c\n\n![A heart](heart.png)\n"
    )
    (tmp_path / "b.html").write_text(
        "<h1>T</h1><h2>U</h2><p>One.</p><p>Two.</p><ol><li>a</li></ol><svg></svg>"
        '<img src="x.png" alt="A lung">'
    )
    (tmp_path / "c.txt").write_text("Title here\n\nOne paragraph.\n\n- a\n- b\n")
    result = run_cli("check", "--format", "json", "--select", "link-text", str(tmp_path))
    assert result.exit_code == 0
    files = {f["path"].rsplit("/", 1)[-1]: f["metrics"] for f in json_output(result)["files"]}
    keys = ("paragraphs", "headings", "images", "lists")
    assert {name: tuple(m[k] for k in keys) for name, m in files.items()} == {
        "a.md": (1, 1, 1, 2),
        "b.html": (2, 2, 2, 1),
        "c.txt": (1, 1, 0, 1),
    }
    assert all(isinstance(m[k], int) for m in files.values() for k in keys)
