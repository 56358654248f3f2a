"""plainlint's own words (README, rule help, messages) pass plainlint."""

from __future__ import annotations

import pytest
from conftest import ROOT

from plainlint.rules import RULES


@pytest.mark.parametrize(
    "name",
    [
        "README.md",
        "CHANGELOG.md",
        *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs" / "rules").glob("*.md")),
    ],
)
def test_pages_for_people_pass_every_rule(check, name):
    """The README, the change log and the rule pages: what users read."""
    source = (ROOT / name).read_text(encoding="utf-8")
    result = check(source, "markdown")
    assert [f"{f.line}:{f.column} {f.rule} {f.text}" for f in result.findings] == []


# The help and the messages are joined into one long page for these tests; a page
# put together like that has no pictures, and none are needed.
PAGE_RULES = {"missing-illustration"}


def test_rule_help_passes_every_rule(check):
    page = "\n\n".join(
        f"## {rule_id}\n\n{rule.summary}\n\n{rule.why}\n\n{rule.fix}"
        for rule_id, rule in RULES.items()
    )
    result = check(page, "markdown")
    assert [f"{f.rule} {f.text}" for f in result.findings if f.rule not in PAGE_RULES] == []


def test_finding_messages_pass_every_rule(check):
    """The messages people read for each rule's own examples are plain too."""
    messages = {
        finding.message
        for rule_id, rule in RULES.items()
        for example in rule.flags
        for finding in check(example, "markdown", {rule_id}).findings
    }
    assert len(messages) >= len(RULES)
    page = "\n\n".join(f"## Message {n}\n\n{message}" for n, message in enumerate(sorted(messages)))
    result = check(page, "markdown")
    assert [f"{f.rule} {f.text}" for f in result.findings if f.rule not in PAGE_RULES] == []
