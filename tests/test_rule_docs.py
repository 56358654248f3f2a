"""docs/rules/: a page for each rule, made from the rule and rules.yaml, as committed.

Each check is a function that lists problems, so a test can also show it catching one:
a page edited by hand, a page too many, an option or an example left out, a broken link.
"""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

from plainlint import __version__
from plainlint.findings import Severity
from plainlint.formatters.sarif import format_sarif
from plainlint.rules import RULES, Rule
from plainlint.rules.pages import DOCS_FOLDER, INDEX, all_pages, page_path
from plainlint.settings.loading import RuleSettings, Settings

DOCS = ROOT / DOCS_FOLDER
RUN_THE_SCRIPT = "run python scripts/make_rule_docs.py"
SHORT_LIST = 6  # a list this short is shown word by word, a longer one as a count


@pytest.fixture(scope="module")
def pages(settings: Settings) -> dict[str, str]:
    return all_pages(settings.rules)


@pytest.fixture(scope="module")
def make_rule_docs():
    """The script's own function, which writes the pages under a given folder."""
    return runpy.run_path(str(ROOT / "scripts" / "make_rule_docs.py"))["make_rule_docs"]


# -- the checks ----------------------------------------------------------------------------


def out_of_date(root: Path, pages: dict[str, str]) -> list[str]:
    """Pages missing under `root`, different from what the rules make, or left over."""
    problems = [
        relative
        for relative, text in pages.items()
        if not (root / relative).is_file() or (root / relative).read_bytes() != text.encode()
    ]
    problems += [
        path.relative_to(root).as_posix()
        for path in sorted((root / DOCS_FOLDER).glob("*.md"))
        if path.relative_to(root).as_posix() not in pages
    ]
    return problems


def rule_page_names(folder: Path) -> list[str]:
    """The rule pages in a folder: every Markdown file but the index."""
    return sorted(path.name for path in folder.glob("*.md") if path.name != "README.md")


def options_missing(page: str, options: dict[str, Any]) -> list[str]:
    """Options in rules.yaml whose row is missing from the page, or shows another value."""
    rows = {line.split(" | ")[0]: line for line in page.splitlines() if line.startswith("| `")}
    return [
        name
        for name, value in options.items()
        if not all(part in rows.get(f"| `{name}`", "") for part in shown(value))
    ]


def shown(value: Any) -> list[str]:
    """What an options row must hold for a value: it, its words, or how many there are."""
    if isinstance(value, bool):
        return [f"| {str(value).lower()} |"]
    if isinstance(value, list) and len(value) <= SHORT_LIST:
        return [f"`{item}`" for item in value]
    if isinstance(value, (list, dict)):
        return [f"| {len(value):,} entr"]
    return [f"| {value} |"]


def examples_missing(page: str, rule: type[Rule]) -> list[str]:
    """Examples not shown whole, in a code block, in their own section of the page."""
    sections = page_sections(page)
    wanted = [("Flagged", text) for text in rule.flags]
    wanted += [("Left alone", text) for text in rule.passes]
    return [
        f"{heading}: {text}"
        for heading, text in wanted
        if f"markdown\n{text}\n```" not in sections.get(heading, "")
    ]


def page_sections(page: str) -> dict[str, str]:
    """The text under each level-2 heading, by heading; "## " in a code block is text."""
    sections: dict[str, str] = {}
    heading, fence = "", ""
    for line in page.splitlines():
        if fence and line == fence:
            fence = ""
        elif not fence and line.startswith("```"):
            fence = line[: len(line) - len(line.lstrip("`"))]
        elif not fence and line.startswith("## "):
            heading = line[3:]
            continue
        sections[heading] = sections.get(heading, "") + line + "\n"
    return sections


def help_uri_problems(log: dict[str, Any]) -> list[str]:
    """Rule descriptors whose helpUri is missing or does not lead to the rule's page."""
    base = f"https://github.com/plainlint/plainlint/blob/v{__version__}/{DOCS_FOLDER}/"
    problems = []
    for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
        uri = descriptor.get("helpUri", "")
        name = PurePosixPath(urlsplit(uri).path).name
        if not uri.startswith(base) or name != f"{descriptor['id']}.md":
            problems.append(f"{descriptor['id']}: {uri or 'no helpUri'}")
        elif not (DOCS / name).is_file():
            problems.append(f"{descriptor['id']}: no page {DOCS_FOLDER}/{name}")
    return problems


# -- the pages on disk ---------------------------------------------------------------------


def test_the_pages_on_disk_are_the_ones_the_rules_make(pages):
    assert out_of_date(ROOT, pages) == [], RUN_THE_SCRIPT


def test_there_is_one_page_for_each_rule(pages):
    assert rule_page_names(DOCS) == sorted(f"{rule_id}.md" for rule_id in RULES), RUN_THE_SCRIPT
    assert sorted(pages) == sorted([INDEX, *(page_path(rule_id) for rule_id in RULES)])


def test_the_index_links_every_rule_with_its_summary():
    index = (ROOT / INDEX).read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert f"| [{rule_id}]({rule_id}.md) |" in index, RUN_THE_SCRIPT
        assert rule.summary in index, RUN_THE_SCRIPT


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_page_shows_every_option_in_rules_yaml(settings, rule_id):
    page = (ROOT / page_path(rule_id)).read_text(encoding="utf-8")
    assert options_missing(page, settings.rules[rule_id].options) == [], RUN_THE_SCRIPT
    assert f"**How serious:** {settings.rules[rule_id].severity.value}." in page


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_page_shows_every_example(rule_id):
    page = (ROOT / page_path(rule_id)).read_text(encoding="utf-8")
    assert examples_missing(page, RULES[rule_id]) == [], RUN_THE_SCRIPT


def test_sarif_links_every_rule_to_its_page():
    log = json.loads(format_sarif([]))
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)
    assert help_uri_problems(log) == []


# -- the checks can fail -------------------------------------------------------------------


def test_the_script_writes_the_pages_and_removes_stale_ones(pages, make_rule_docs, tmp_path):
    stale = tmp_path / DOCS_FOLDER / "old-rule.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("# old-rule\n", encoding="utf-8")
    assert out_of_date(tmp_path, pages) == [*pages, f"{DOCS_FOLDER}/old-rule.md"]

    written, removed = make_rule_docs(tmp_path)
    assert written == list(pages)
    assert removed == [f"{DOCS_FOLDER}/old-rule.md"]
    assert out_of_date(tmp_path, pages) == []
    assert make_rule_docs(tmp_path) == ([], [])  # nothing to do the second time


def test_a_page_edited_by_hand_is_caught(pages, tmp_path):
    shutil.copytree(DOCS, tmp_path / DOCS_FOLDER)
    edited = tmp_path / page_path("long-sentence")
    edited.write_text(edited.read_text(encoding="utf-8") + "A note.\n", encoding="utf-8")
    assert out_of_date(tmp_path, pages) == [page_path("long-sentence")]


def test_a_page_too_many_or_too_few_is_caught(tmp_path):
    shutil.copytree(DOCS, tmp_path, dirs_exist_ok=True)
    expected = sorted(f"{rule_id}.md" for rule_id in RULES)
    assert rule_page_names(tmp_path) == expected
    (tmp_path / "long-sentence.md").rename(tmp_path / "long-sentences.md")
    assert set(rule_page_names(tmp_path)) ^ set(expected) == {
        "long-sentence.md",
        "long-sentences.md",
    }


def test_an_option_left_out_or_shown_wrong_is_caught(pages):
    page = pages[page_path("long-sentence")]
    without = "\n".join(line for line in page.splitlines() if "`max_words`" not in line)
    values = {"max_words": 25, "error_words": 35}
    assert options_missing(without, values) == ["max_words"]
    assert options_missing(page, {**values, "error_words": 36}) == ["error_words"]
    assert options_missing(page, {**values, "new_option": True}) == ["new_option"]
    list_page = pages[page_path("plain-words")]
    assert options_missing(list_page, {"words": {"a": "b"}}) == ["words"]  # 1,320 on the page


def test_an_example_left_out_or_in_the_wrong_section_is_caught(pages):
    page = pages[page_path("long-sentence")]
    [flagged] = RULES["long-sentence"].flags
    moved = page.replace("## Left alone", "## Left alone (for now)").replace(
        "## Flagged", "## Left alone"
    )
    assert examples_missing(moved, RULES["long-sentence"]) != []
    assert examples_missing(page.replace(flagged, flagged[:40]), RULES["long-sentence"]) == [
        f"Flagged: {flagged}"
    ]


def test_a_missing_or_broken_help_uri_is_caught():
    log = json.loads(format_sarif([]))
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    del descriptors[0]["helpUri"]
    descriptors[1]["helpUri"] = descriptors[1]["helpUri"].replace(f"v{__version__}", "main")
    descriptors[2]["id"] = "no-such-rule"
    descriptors[2]["helpUri"] = descriptors[2]["helpUri"].rsplit("/", 1)[0] + "/no-such-rule.md"
    assert [problem.split(":")[0] for problem in help_uri_problems(log)] == [
        descriptors[0]["id"],
        descriptors[1]["id"],
        "no-such-rule",
    ]


def test_settings_that_switch_a_rule_off_say_so(settings):
    """The severity and on/off shown are those of the settings, not the rule's defaults."""
    rules = dict(settings.rules)
    rules["jargon"] = RuleSettings(False, Severity.ERROR, settings.rules["jargon"].options)
    page = all_pages(rules)[page_path("jargon")]
    assert "**How serious:** error." in page
    assert "This rule is off unless your settings switch it on." in page
