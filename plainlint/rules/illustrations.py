"""Guideline: use illustrations to explain text, and describe them for people who cannot see them."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Iterator

from plainlint.documents.model import RUNNING_TEXT, Block, BlockKind, Image
from plainlint.findings import Severity
from plainlint.language.inflection import grammar_words
from plainlint.language.page import Page
from plainlint.language.words import EDGE_PUNCTUATION, word_spans
from plainlint.rules.base import Hit, Option, Rule

# Alt text that is a file name: "IMG_1234.jpg", "scan-result.png", "DSC01234".
_FILE_NAME = re.compile(
    r"[\w .-]*\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?|heic|avif)"
    r"|(?:img|dsc|dscn|dcim|pxl|mvimg|screenshot|screen shot)[ _-]?\d[\w .-]*",
    re.IGNORECASE,
)
_EDGES = " " + EDGE_PUNCTUATION
# Words around a listed word that add nothing: "A photo", "Photo 1 of 3".
_WORD_BREAK = re.compile(r"[\s" + re.escape(EDGE_PUNCTUATION) + "]+")
# A name made for a file, not a reader: "ultrasound-scan", "scan_2", "heart1".
_SLUG = re.compile(r"[^\W_]+(?:[-_][^\W_]+)+|[a-z]+\d+", re.IGNORECASE)


# A paragraph of 50 words, for examples of whole pages.
_PARAGRAPH = (
    "Your heart pumps blood around your body. The blood carries oxygen and food to every "
    "part of you. When the heart is weak, you may feel tired or short of breath. Your "
    "nurse will explain what each test shows and what it means for you."
)


class MissingIllustration(Rule):
    """A long page with no pictures, diagrams or videos."""

    id = "missing-illustration"
    summary = "A long page has no pictures or diagrams."
    why = (
        "Pictures and diagrams help many readers understand and remember, most of all "
        "people who find reading hard. A long page of text alone is tiring to read."
    )
    fix = (
        "Add a picture, diagram or video that explains a key point, such as where a "
        "body part is or how to use some equipment."
    )
    flags = ("# Your heart\n\n" + "\n\n".join([_PARAGRAPH] * 14),)
    passes = (
        "# Your heart\n\n![A diagram of the heart and its 4 chambers](heart.png)\n\n"
        + "\n\n".join([_PARAGRAPH] * 14),
        "# Your heart\n\n" + "\n\n".join([_PARAGRAPH] * 6),
    )
    default_severity = Severity.INFO
    options = {
        "min_words": Option("int", "pages with this many words of text need an image", minimum=1),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        if any(analysed.block.is_illustration for analysed in page.blocks):
            return
        words = sum(a.words for a in page.blocks if a.block.kind in RUNNING_TEXT)
        if words >= self.settings["min_words"]:
            yield Hit(
                f"This page has {words} words and no pictures. Add one that explains a key "
                "point, such as a diagram of the body part or a photo of the equipment."
            )


class ImageAltText(Rule):
    """An image with no alt text, or alt text that tells the reader nothing."""

    id = "image-alt-text"
    summary = "An image has no alt text, or alt text that says nothing about it."
    why = (
        "People who use screen readers hear the alt text instead of seeing the image. "
        "It also shows when the image does not load. “Image” or a file name tells them nothing."
    )
    fix = (
        "Describe what the image shows and why it is there, such as “A nurse putting a "
        "drip into a patient's arm”. Mark an image that only decorates the page with "
        'alt="" and role="presentation".'
    )
    flags = (
        "![](drip.png)",
        "![image](drip.png)",
        "![IMG_1234.jpg](IMG_1234.jpg)",
        '<img src="drip.png" alt="">',
    )
    passes = (
        "![A nurse putting a drip into a patient's arm](drip.png)",
        '<img src="line.png" alt="" role="presentation">',
        '<img src="heart.png" alt="A diagram of the heart and its 4 chambers">',
        "![Photo of the ward's day room, with chairs and a TV](day-room.jpg)",
    )
    default_severity = Severity.ERROR
    other_severity = 'warning: empty alt text (alt=""), and alt text that is too long'
    options = {
        "meaningless": Option(
            "list", "alt text that says nothing about the image (“image”, “photo”)"
        ),
        "max_words": Option(
            "int", "most words of alt text; a longer description belongs in the page", minimum=1
        ),
    }

    def check(self, page: Page) -> Iterator[Hit]:
        for analysed in page.blocks:
            block = analysed.block
            image = block.image
            if block.kind is not BlockKind.IMAGE or image is None or image.tag != "img":
                continue
            if block.marked_decorative:
                continue
            problem = self._problem(block, image)
            if problem:
                yield Hit(
                    problem,
                    block,
                    0,
                    len(block.text),
                    source_span=None if block.text else image.span,
                    severity=self._severity(block, image),
                )
            elif len(words := word_spans(block.text)) > self.settings["max_words"]:
                yield self._too_long(block, len(words))

    def _too_long(self, block: Block, words: int) -> Hit:
        """Long alt text is read out in one go: a warning, since the image is described."""
        severity = min(self.severity, Severity.WARNING, key=lambda level: level.rank)
        return Hit(
            f"This alt text has {words} words. Keep it to {self.settings['max_words']} or "
            "fewer, and describe the rest in the page, next to the image.",
            block,
            0,
            len(block.text),
            severity=severity,
        )

    def _severity(self, block: Block, image: Image) -> Severity:
        """alt="" may already mean decoration, so it is at most a warning."""
        if image.has_alt and not block.text and self.severity.rank > Severity.WARNING.rank:
            return Severity.WARNING
        return self.severity

    def _problem(self, block: Block, image: Image) -> str:
        describe = "Describe what it shows, such as “A nurse putting a drip into a patient's arm”."
        if not image.has_alt:
            return (
                "This image has no alt text, so people who use screen readers do not know "
                f"what it shows. {describe}"
            )
        if not block.text:
            return (
                "This image has empty alt text, so screen readers skip it. If it only "
                'decorates the page, add role="presentation". If it explains something, '
                f"{describe[0].lower()}{describe[1:]}"
            )
        text = block.text.strip(_EDGES)
        if self._says_nothing(text) or _FILE_NAME.fullmatch(text) or _is_file_name(text, image):
            return (
                f"The alt text “{' '.join(block.text.split())}” does not say what the image "
                f"shows, so people who use screen readers miss it. {describe}"
            )
        return ""

    def _says_nothing(self, text: str) -> bool:
        """True for "Image", "A photo", "Photo 1 of 3" or "-": a listed word or nothing."""
        words = [
            word
            for word in _WORD_BREAK.split(text.lower())
            if word and word not in _filler() and not word.isdigit()
        ]
        return not words or " ".join(words) in self.word_set("meaningless")


@lru_cache(maxsize=1)
def _filler() -> frozenset[str]:
    """Small words around a listed word that add nothing: "A photo", "Photo 1 of 3"."""
    return grammar_words()["determiners"] | {"of"}


def _is_file_name(text: str, image: Image) -> bool:
    """True when the alt text is the image's file name ("scan-result" for scan-result.png).

    A plain word that happens to be the name ("Heart" for heart.png) is left alone.
    """
    name = PurePosixPath(image.source.split("?")[0]).name.lower()
    if not name:
        return False
    lowered = text.lower()
    stem = name.rsplit(".", 1)[0]
    return lowered == name or (lowered == stem and bool(_SLUG.fullmatch(text)))
