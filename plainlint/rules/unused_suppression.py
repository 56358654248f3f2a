"""A suppression comment that keeps nothing quiet, like ruff's RUF100.

Such comments hide real problems later: someone edits the text, and the rule
they switched off no longer checks it.
"""

from __future__ import annotations

from typing import Iterator

from plainlint.documents.suppressions import Directive
from plainlint.findings import Severity
from plainlint.language.page import Page
from plainlint.rules.base import Hit, Rule


class UnusedSuppression(Rule):
    """A `plainlint-disable` comment that switches off nothing."""

    id = "unused-suppression"
    summary = "A comment switches off a rule, but the rule finds nothing there."
    why = (
        "A comment that switches off a rule for no reason hides real problems. "
        "When someone changes the text later, plainlint will not check it."
    )
    fix = (
        "Remove the comment, or the rule names it does not need. "
        "Check the spelling of rule names: “plainlint rules” lists them."
    )
    flags = ("<!-- plainlint-disable-next-line long-sentences -->\nYou can go home today.",)
    passes = (
        "<!-- plainlint-disable-next-line plain-words -->\nYou can go home today.",
        "<!-- a note for editors -->\nYou can go home today.",
    )
    default_severity = Severity.INFO
    needs = frozenset()

    def check(self, page: Page) -> Iterator[Hit]:
        """Nothing: this rule reports on the comments after the other rules have run."""
        return iter(())

    def report(
        self, directives: list[Directive], known: set[str], ran: set[str], complete: bool
    ) -> Iterator[Hit]:
        """A hit for each directive, or rule name in it, that does nothing.

        `ran` holds the rules that checked this page; a rule that did not run
        might have needed the comment, so it is not reported. A comment for
        every rule is reported only when every enabled rule ran (`complete`).
        """
        for directive in directives:
            span = (directive.start, directive.end)
            unknown = [rule for rule in directive.rules if rule not in known]
            if unknown:
                names = ", ".join(f"“{rule}”" for rule in unknown)
                effect = "does nothing" if len(unknown) == len(directive.rules) else "skips it"
                yield Hit(
                    f"plainlint has no rule called {names}, so this comment {effect}. "
                    "Check the spelling: “plainlint rules” lists the rule names.",
                    source_span=span,
                )
            if directive.kind == "enable":
                yield from self._unused_enable(directive, known, span)
                continue
            unused = [
                rule
                for rule in directive.rules
                if rule in ran and rule not in directive.used and rule != self.id
            ]
            if unused:
                names = ", ".join(unused)
                yield Hit(
                    f"This comment switches off {names}, but the rule finds nothing here. "
                    "Remove the rule name, so the rule can check this text again.",
                    source_span=span,
                )
            elif not directive.rules and not directive.used and complete:
                yield Hit(
                    "This comment switches off every rule, but no rule finds anything here. "
                    "Remove it, so plainlint can check this text again.",
                    source_span=span,
                )

    @staticmethod
    def _unused_enable(
        directive: Directive, known: set[str], span: tuple[int, int]
    ) -> Iterator[Hit]:
        """An `enable` comment that switches back on a rule no comment above switched off."""
        idle = [r for r in directive.rules if r in known and r not in directive.used]
        if idle:
            yield Hit(
                f"This comment switches {', '.join(idle)} back on, but no comment above "
                "switches it off. Remove the rule name, or check the comment above.",
                source_span=span,
            )
        elif not directive.rules and not directive.used:
            yield Hit(
                "This comment switches every rule back on, but no comment above switches "
                "any off. Remove it, or check the comment above.",
                source_span=span,
            )
