"""Guideline: structure the information clearly, with headings in order."""

from __future__ import annotations

from typing import Iterator

from plainlint.documents.model import RUNNING_TEXT, BlockKind
from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.language.words import word_spans
from plainlint.rules.base import Hit, Option, Rule

# A paragraph of 48 words, for examples of whole pages.
_PARAGRAPH = (
    "You will stay in hospital for a few days after the operation. A nurse will check "
    "your wound and help you get up and walk. You can eat and drink when you feel ready. "
    "Tell the nurse if you feel sick or have pain. They can give you medicine."
)


class MissingHeadings(Rule):
    """A long stretch of text with no heading to break it up."""

    id = "missing-headings"
    summary = "A long stretch of text has no headings."
    why = (
        "Headings let readers see what a page covers and jump to the part they need. "
        "A long run of text with none is hard to find your way around."
    )
    fix = "Add headings that say what each part is about, such as “How to prepare”."
    flags = (
        "# After your operation\n\n" + "\n\n".join([_PARAGRAPH] * 7),
        "\n\n".join([_PARAGRAPH] * 7),
    )
    passes = (
        "# After your operation\n\n"
        + "\n\n".join([_PARAGRAPH] * 4)
        + "\n\n**Going home**\n\n"
        + "\n\n".join([_PARAGRAPH] * 3),
        "# After your operation\n\n"
        + "\n\n".join([_PARAGRAPH] * 4)
        + "\n\n## Going home\n\n"
        + "\n\n".join([_PARAGRAPH] * 3),
        "\n\n".join([_PARAGRAPH] * 3),
    )
    default_severity = Severity.WARNING
    options = {
        "max_words_without_heading": Option(
            "int", "most words of text in a row with no heading", minimum=1
        ),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        limit = self.settings["max_words_without_heading"]
        run: list[tuple[int, int]] = []  # (index of block, words so far) since the last heading
        heading = ""
        for index, analysed in enumerate([*page.blocks, None]):
            if analysed is None or analysed.block.acts_as_heading:  # "**Side effects**" too
                yield from self._report(page, run, heading, limit)
                run, heading = [], analysed.block.text if analysed else ""
            elif (
                analysed.block.kind in RUNNING_TEXT
                and analysed.sentences
                and not analysed.block.is_reference
            ):
                run.append((index, (run[-1][1] if run else 0) + analysed.words))

    @staticmethod
    def _report(page: Page, run: list[tuple[int, int]], heading: str, limit: int) -> Iterator[Hit]:
        """One finding for a run of text under one heading, when the run is over the limit."""
        if not run or run[-1][1] <= limit:
            return
        total = run[-1][1]
        # Point at the paragraph where the text passes the limit: a heading could go there.
        index = next(i for i, words in run if words > limit)
        sentence = page.blocks[index].sentences[0]
        since = f"under the heading “{heading}”" if heading else "from the top of the page"
        yield Hit(
            f"There are {total} words {since} with no heading to break them up (the limit is "
            f"{limit}). Add a heading here that says what the next part is about.",
            sentence.block,
            sentence.start,
            sentence.end,
        )


class HeadingStructure(Rule):
    """Headings out of order: a skipped level, two top-level headings, or a long heading."""

    id = "heading-structure"
    summary = "A heading skips a level, repeats the top level, or is too long."
    why = (
        "Headings in order show how the parts of a page fit together. Screen readers "
        "list them as a table of contents, and short headings are quicker to scan."
    )
    fix = (
        "Go down one level at a time (level 2, then level 3), keep one top-level "
        "heading for the page title, and keep headings short."
    )
    flags = (
        "## Before your operation\n\n#### What to bring",
        "# Your operation\n\nText.\n\n# Going home",
        "## What you need to know about the day of your operation and the days after it",
    )
    passes = (
        "# Your operation\n\n## Before\n\n### What to bring\n\n## After",
        "## Before\n\n### What to bring\n\n#### Clothes\n\n## After",
        "Going home\n\nYou can go home after a few days.\n\nPain relief\n\nTake your tablets.",
    )
    default_severity = Severity.WARNING
    options = {
        "skipped_level": Option("bool", "whether to report a heading that skips a level"),
        "second_top_level": Option(
            "bool",
            "whether to report a second top-level heading (some sites add one to every page)",
        ),
        "max_words": Option("int", "most words in a heading; 0 means no limit", minimum=0),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        most_words = self.settings["max_words"]
        skipped_level = self.settings["skipped_level"]
        second_top_level = self.settings["second_top_level"]
        previous = 0
        top_level = 0
        for analysed in page.blocks:
            block = analysed.block
            if block.kind is not BlockKind.HEADING:
                continue
            whole = {"start": 0, "end": len(block.text), "source_span": block.whole_source_span()}
            if skipped_level and previous and block.level > previous + 1:
                yield Hit(
                    f"This heading skips a level: level {previous} to level {block.level}. "
                    f"Make it a level {previous + 1} heading.",
                    block,
                    **whole,
                )
            if second_top_level and block.level == 1 and page.document.format != "text":
                top_level += 1
                if top_level > 1:
                    yield Hit(
                        "This is a second top-level heading; keep one, for the page title. "
                        "Make this a level 2 heading.",
                        block,
                        **whole,
                    )
            words = len(word_spans(block.text))
            if most_words and words > most_words:
                yield Hit(
                    f"This heading has {words} words (the limit is {most_words}). Say what "
                    "the part is about in a few words.",
                    block,
                    **whole,
                )
            previous = block.level
