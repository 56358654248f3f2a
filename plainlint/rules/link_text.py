"""Guideline: structure the information clearly. Links say where they go."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from plainlint.documents.model import Block, BlockKind
from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.language.words import EDGE_PUNCTUATION
from plainlint.rules.base import Hit, Option, Rule

# A web address as link text: "https://…", "www.…", or a site with a path
# ("nhs.uk/conditions"). A site's name alone ("ClinicalTrials.gov") is a name.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*", re.IGNORECASE)
_EDGES = " " + EDGE_PUNCTUATION
# A note on the file after the link text: "More information (PDF, 200KB)".
_FILE_NOTE = re.compile(r"(?<=\S)\s+[(\[][^()\[\]]*[)\]]\s*$")
# What the reader clicks for: "click here to find a clinic near you" -> "find a clinic near you".
_PURPOSE = re.compile(r"\s+to\s+([a-z][^.!?;:()]{2,80}?)\s*(?=[.!?;:(]|$)")
# The same purpose before the words: "To read our leaflet, click here".
_PURPOSE_BEFORE = re.compile(r"(?:^|(?<=[.!?]\s))To\s+([a-z][^.!?;:,()]{2,80}),\s*$")
# How far before the link words a purpose can start: the pattern is at most about 100
# characters, so looking back from the paragraph's start for each link is not needed.
_PURPOSE_REACH = 300
# Links to write to or ring: the address or number itself is what readers need to see.
_CONTACT = ("mailto:", "tel:", "sms:")


class LinkText(Rule):
    """Link text that does not say where the link goes."""

    id = "link-text"
    summary = "Link text does not say where the link goes."
    why = (
        "Readers scan links to decide where to go next, and people who use screen "
        "readers often hear the links on their own. “Click here” or a web address tells "
        "them nothing about the page."
    )
    fix = "Use the name of the page or what it is about: “read our leaflet on chemotherapy”."
    flags = (
        "To read our leaflet, [click here](https://example.org/leaflet).",
        "Click here to find a clinic near you.",
        "[Read more](https://example.org/chemo)",
        "See [https://example.org/chemo](https://example.org/chemo).",
    )
    passes = (
        "Read [our leaflet on chemotherapy](https://example.org/chemo).",
        "Email [help@example.org](mailto:help@example.org).",
        "[Read more about chemotherapy](https://example.org/chemo)",
        "Find a clinic near you on our website.",
    )
    default_severity = Severity.WARNING
    options = {
        "vague": Option("list", "link text that does not say where the link goes"),
        "vague_in_prose": Option(
            "list", "words that point at a link wherever they are (“click here”, “tap here”)"
        ),
    }

    @cached_property
    def _in_prose(self) -> re.Pattern[str]:
        phrases = sorted(self.word_set("vague_in_prose"), key=len, reverse=True)
        words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
        return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)

    def check(self, page: Page) -> Iterator[Hit]:
        vague = self.word_set("vague")
        for analysed in page.blocks:
            block = analysed.block
            if block.kind is BlockKind.IMAGE or block.is_reference:
                continue
            for link in block.links:
                contact = link.target.lower().startswith(_CONTACT)
                text = block.text[link.start : link.end]
                words = _FILE_NOTE.sub("", " ".join(text.lower().replace("’", "'").split()))
                words = words.strip(_EDGES)
                if words in vague:
                    message = (
                        f"The link text “{' '.join(text.split())}” does not say where the link "
                        "goes, and screen readers read links out on their own. Put the link on "
                        f"words that say where it goes: {_instead(block.text, link.start, link.end)}."
                    )
                elif not contact and _ADDRESS.fullmatch(text.strip()):
                    message = (
                        "The link text is a web address. It is hard to read, and hard to "
                        "listen to on a screen reader. Use the name of the page as the link "
                        "text: “NHS guide to chemotherapy”."
                    )
                else:
                    continue
                lead = len(text) - len(text.lstrip())
                yield Hit(message, block, link.start + lead, link.start + len(text.rstrip()))
            yield from self._pointing_words(block)

    def _pointing_words(self, block: Block) -> Iterator[Hit]:
        """ "Click here" in the prose: the words still point at a link that copying, print
        or a screen reader may have lost, so they mean nothing."""
        for match in self._in_prose.finditer(block.text):
            start, end = match.span()
            if block.is_protected(start, end) or any(
                link.start < end and start < link.end for link in block.links
            ):
                continue  # a quotation, or words in a link (reported above)
            said = " ".join(match.group().split())
            yield Hit(
                f"“{said}” means nothing in print, to a screen reader, or once the link "
                f"drops out of copied text. Put the link on words that say where it goes: "
                f"{_instead(block.text, start, end)}.",
                block,
                start,
                end,
            )


def _instead(text: str, start: int, end: int) -> str:
    """Link words made from the sentence's own purpose: "click here to find a clinic" and
    "to find a clinic, click here" both give “Find a clinic”."""
    purpose = _PURPOSE.match(text, end) or _PURPOSE_BEFORE.search(
        text, max(0, start - _PURPOSE_REACH), start
    )
    if purpose is None:
        return "the name of the page, such as “our leaflet on chemotherapy”"
    action = " ".join(purpose.group(1).split())
    return f"“{action[0].upper()}{action[1:]}”"
