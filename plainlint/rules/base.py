"""What every rule is: documentation, options, and a check that yields hits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Iterator

from plainlint.documents.model import Block
from plainlint.findings import Severity
from plainlint.language.glossary import Glossary
from plainlint.language.page import Page, Sentence
from plainlint.language.rewriting import Rewrite, swap

# How a rule's findings can be fixed, as each rule's help says (the words ruff uses).
FIX_KINDS = ("safe", "needs review", "none")


@dataclass(frozen=True)
class Option:
    """One setting a rule reads from rules.yaml, with how to check its value."""

    kind: str  # "int", "number", "bool", "words" (mapping of word to replacements), "list"
    help: str
    minimum: float | None = None


@dataclass(frozen=True)
class Hit:
    """A rule's report, in block coordinates; the engine turns it into a Finding.

    A hit with no block is about the whole file (line 1, column 1).
    """

    message: str
    block: Block | None = None
    start: int = 0
    end: int = 0
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None
    source_span: tuple[int, int] | None = None  # given by a reader (an image tag), not prose
    fix: Rewrite | None = None  # what `--fix` writes, in block coordinates


class Rule:
    """Base class: subclasses set the class attributes and write `check`."""

    id: ClassVar[str]
    summary: ClassVar[str]
    why: ClassVar[str]
    fix: ClassVar[str]
    flags: ClassVar[tuple[str, ...]]  # example text the rule must flag
    passes: ClassVar[tuple[str, ...]]  # example text the rule must leave alone
    default_severity: ClassVar[Severity]
    # Findings this rule reports at another level, in words: "error: ..." (empty for none).
    other_severity: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    needs: ClassVar[frozenset[str]] = frozenset({"sentences"})
    parses: ClassVar[bool] = False  # True when the rule calls `page.parse` on some sentences
    uses_glossary: ClassVar[bool] = False
    # "safe", "needs review" or "none": the best fix the rule gives, and when it gives it.
    fix_kind: ClassVar[str] = "none"
    fix_when: ClassVar[str] = ""

    def __init__(
        self, severity: Severity, settings: dict[str, Any], glossary: Glossary | None = None
    ) -> None:
        self.severity = severity
        self.settings = settings
        self.glossary = glossary or Glossary()

    def check(self, page: Page) -> Iterator[Hit]:
        """Yield a hit for each problem on the page."""
        raise NotImplementedError

    def to_parse(self, page: Page) -> list[Sentence]:
        """The sentences `check` will parse on this page, if the rule knows them up front.

        The engine parses these for several pages in one batch, which is much
        quicker than a few sentences at a time. A sentence left out is still
        parsed when `check` asks for it, only more slowly.
        """
        return []

    def candidates(self, page: Page) -> list[Sentence]:
        """`to_parse` for the page, worked out once however often it is asked for."""
        key = f"{self.id}: to parse"
        if key not in page.memo:
            page.memo[key] = self.to_parse(page)
        return page.memo[key]

    def measure(self, page: Page) -> dict[str, float]:
        """Figures this rule adds to the file's metrics (after `check` has run)."""
        return {}

    def word_set(self, option: str) -> frozenset[str]:
        """A list option's words in lower case, for quick lookups (built once)."""
        sets: dict[str, frozenset[str]] = self.__dict__.setdefault("_word_sets", {})
        if option not in sets:
            sets[option] = frozenset(str(word).lower() for word in self.settings[option])
        return sets[option]

    @classmethod
    def documentation(cls, settings: dict[str, Any] | None = None) -> str:
        """The rule's full help text, as `plainlint rules ID` prints it."""
        lines = [
            f"{cls.id} ({cls.default_severity.value})",
            "",
            cls.summary,
            "",
            "Why it matters",
            f"  {cls.why}",
            "",
            "What to do",
            f"  {cls.fix}",
            "",
            f"Fix: {cls.fix_kind}",
            *([f"  {cls.fix_when}"] if cls.fix_when else []),
            "",
            "Flagged",
            *(f"  - {_shown(example)}" for example in cls.flags),
            "",
            "Left alone",
            *(f"  - {_shown(example)}" for example in cls.passes),
        ]
        if cls.options:
            lines += ["", "Options in rules.yaml"]
            for name, option in cls.options.items():
                value = (settings or {}).get(name)
                shown = (
                    "" if value is None or option.kind in ("words", "list") else f" (now {value})"
                )
                lines.append(f"  {name}: {option.help}{shown}")
        return "\n".join(lines)


def word_fix(
    page: Page, block: Block, start: int, end: int, suggestions: tuple[str, ...], safe: bool
) -> Rewrite | None:
    """The first suggestion in place of block.text[start:end], grammar kept right; safe
    only when `safe` and there is no other suggestion to choose from."""
    if not suggestions:
        return None
    return swap(block.text, start, end, suggestions[0], safe and len(suggestions) == 1, page.curly)


# Examples of page structure are whole pages: help shows how they start.
_SHOWN_CHARACTERS = 200


def _shown(example: str) -> str:
    """An example on one line, cut short when it is a whole page."""
    flat = " ".join(example.split())
    if len(flat) <= _SHOWN_CHARACTERS:
        return flat
    return f"{flat[:_SHOWN_CHARACTERS].rsplit(' ', 1)[0]} … ({len(example.split())} words)"
