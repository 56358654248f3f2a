"""Guideline: structure the information clearly. Links say where they go."""

from __future__ import annotations

import re
from typing import Iterator

from plainlint.documents.model import BlockKind
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
        "[Read more](https://example.org/chemo)",
        "See [https://example.org/chemo](https://example.org/chemo).",
    )
    passes = (
        "Read [our leaflet on chemotherapy](https://example.org/chemo).",
        "Email [help@example.org](mailto:help@example.org).",
        "[Read more about chemotherapy](https://example.org/chemo)",
    )
    default_severity = Severity.WARNING
    options = {
        "vague": Option("list", "link text that does not say where the link goes"),
    }

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
                        f"The link text “{' '.join(text.split())}” does not say where the link goes. "
                        "Readers scan links, and screen readers read them out on their own. "
                        "Use words that say where it goes: “read our leaflet on chemotherapy”."
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
