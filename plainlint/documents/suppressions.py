"""Comments that switch rules off for part of a page, as markdownlint's do.

    <!-- plainlint-disable rule-a, rule-b -->  ... <!-- plainlint-enable -->
    <!-- plainlint-disable-next-line rule -->
    <!-- plainlint-disable-line rule -->
    <!-- plainlint-disable-file rule -->

No rule id means every rule, and text after "--" is a reason for people to
read. Each directive remembers which rules it kept quiet (or, for `enable`,
switched back on), so one that does nothing can be reported, like ruff's RUF100.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from plainlint.documents.model import Comment, Document
from plainlint.findings import Finding

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
DIRECTIVE = re.compile(
    r"\A\s*plainlint-(" + "|".join(KINDS) + r")(?![\w-])(?P<rules>.*?)\s*\Z", re.S
)
_SEPARATOR = re.compile(r"[\s,]+")


@dataclass
class Directive:
    """One suppression comment: what it does, to which rules, and where it is."""

    kind: str
    rules: tuple[str, ...]  # empty: every rule
    start: int  # source offsets of the whole comment
    end: int
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str) -> bool:
        """True when the directive names `rule`, or names no rule at all."""
        return not self.rules or rule in self.rules


def read_directives(document: Document) -> list[Directive]:
    """The suppression comments of a page, in source order."""
    found = []
    for comment in sorted(document.comments, key=lambda c: c.start):
        directive = parse_comment(comment)
        if directive is not None:
            found.append(directive)
    return found


def parse_comment(comment: Comment) -> Directive | None:
    """A comment's directive, or None when it is an ordinary comment."""
    text = comment.text
    if text.startswith("<!--"):
        if not text.endswith("-->"):
            return None  # cut off (unclosed, or split by a list item): its rules may be lost
        text = text[4:-3]
    match = DIRECTIVE.match(text)
    if match is None:
        return None
    names = match.group("rules").split("--", 1)[0]  # after "--" comes a reason, for people
    rules = tuple(dict.fromkeys(r for r in _SEPARATOR.split(names) if r))
    return Directive(match.group(1), rules, comment.start, comment.end)


class Suppressions:
    """Decides which findings the directives of one page keep quiet."""

    def __init__(self, document: Document, directives: list[Directive]) -> None:
        self.document = document
        self.directives = directives
        self._whole_file = [d for d in directives if d.kind == "disable-file"]
        self._lines: dict[int, list[Directive]] = {}
        for directive in directives:
            if directive.kind == "disable-line":
                for line in self._lines_of(directive):
                    self._lines.setdefault(line, []).append(directive)
            elif directive.kind == "disable-next-line":
                self._lines.setdefault(self._next_line(directive), []).append(directive)
        self._starts, self._states = self._regions()

    def suppresses(self, finding: Finding) -> bool:
        """True when a directive keeps this finding quiet; that directive counts as used."""
        # A finding about the whole page sits at 1:1 with no text. A region that
        # runs to the end of the page covers it; a line directive does not.
        whole_page = not finding.text and (finding.line, finding.end_line) == (1, 1)
        directive = self._quieting(finding.rule, finding.line, finding.column, whole_page)
        if directive is None:
            return False
        directive.used.add(finding.rule)
        return True

    def quiet(self, rule: str, line: int, column: int) -> bool:
        """True when a directive switches `rule` off at this place, without counting it
        as used: for the other places a fix would change."""
        return self._quieting(rule, line, column) is not None

    def _quieting(
        self, rule: str, line: int, column: int, whole_page: bool = False
    ) -> Directive | None:
        """The directive that switches `rule` off at line:column (or for the whole page)."""
        candidates = [*self._whole_file]
        if not whole_page:
            candidates += self._lines.get(line, [])
        offset = len(self.document.source) if whole_page else self._offset(line, column)
        state = self._states[bisect_right(self._starts, offset) - 1] if self._starts else {}
        if rule in state:
            candidates.append(state[rule])
        elif "*" in state:
            candidates.append(state["*"])
        for directive in candidates:
            if directive.kind != "enable" and directive.covers(rule):
                return directive
        return None

    def _regions(self) -> tuple[list[int], list[dict[str, Directive]]]:
        """Offsets where the disabled rules change, and what is disabled from each on.

        A state maps a rule id (or "*" for every rule) to the directive that
        disabled it; an `enable` of one rule inside a "*" region is kept as that
        rule mapped to the enable directive, which suppresses nothing.
        """
        starts: list[int] = [0]
        states: list[dict[str, Directive]] = [{}]
        for directive in self.directives:
            if directive.kind not in ("disable", "enable"):
                continue
            state = dict(states[-1])
            if directive.kind == "disable":
                if directive.rules:
                    state.update({rule: directive for rule in directive.rules})
                else:
                    state = {"*": directive}
            elif directive.rules:
                for rule in directive.rules:
                    by = state.get(rule, state.get("*"))
                    if by is not None and by.kind == "disable":
                        directive.used.add(rule)  # it switches something back on
                    state.pop(rule, None)
                    if "*" in state:
                        state[rule] = directive
            else:
                if state:
                    directive.used.add("*")
                state = {}
            starts.append(directive.end)
            states.append(state)
        return starts, states

    def _offset(self, line: int, column: int) -> int:
        starts = self.document.line_starts
        return starts[min(line, len(starts)) - 1] + column - 1

    def _lines_of(self, directive: Directive) -> range:
        first = self.document.position(directive.start).line
        last = self.document.position(directive.end).line
        return range(first, last + 1)

    def _next_line(self, directive: Directive) -> int:
        """The first line after the comment that has text on it."""
        line = self.document.position(directive.end).line + 1
        count = len(self.document.line_starts)
        while line <= count and not self.document.line(line - 1)[1].strip():
            line += 1
        return line
