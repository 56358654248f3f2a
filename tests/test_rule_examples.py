"""Every rule's own documented examples: what it flags, and what it leaves alone."""

from __future__ import annotations

import pytest

from plainlint.rules import RULES

FLAGGED = [
    pytest.param(rule_id, text, id=f"{rule_id}-{n}")
    for rule_id, rule in RULES.items()
    for n, text in enumerate(rule.flags, 1)
]
LEFT_ALONE = [
    pytest.param(rule_id, text, id=f"{rule_id}-{n}")
    for rule_id, rule in RULES.items()
    for n, text in enumerate(rule.passes, 1)
]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented_with_examples(rule_id):
    rule = RULES[rule_id]
    assert rule.summary and rule.why and rule.fix
    assert rule.flags, f"{rule_id} has no example of what it flags"
    assert len(rule.passes) >= len(rule.flags), f"{rule_id} needs as many left-alone examples"


@pytest.mark.parametrize(("rule_id", "text"), FLAGGED)
def test_rule_flags_its_examples(findings, rule_id, text):
    assert [f.rule for f in findings(text, rule_id)] != []


@pytest.mark.parametrize(("rule_id", "text"), LEFT_ALONE)
def test_rule_leaves_its_examples_alone(findings, rule_id, text):
    assert findings(text, rule_id) == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_messages_are_plain(findings, rule_id):
    """A rule's own message must not be a long sentence itself."""
    for text in RULES[rule_id].flags:
        for finding in findings(text, rule_id):
            for sentence in finding.message.split(". "):
                assert len(sentence.split()) <= 25, finding.message
