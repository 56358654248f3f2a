"""A Markdown page for each rule, made from the rule itself and its settings in rules.yaml.

The pages live in the repository (docs/rules/), so editors can read them on the web and
SARIF viewers can link to them. Made from the same text as `plainlint rules ID`, they
cannot drift from what the rule says when it runs.

The settings layer sits above this one, so the settings come in as an argument:
`all_pages(load_settings().rules)`.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Protocol

from plainlint.findings import Severity
from plainlint.rules import RULES, Option

DOCS_FOLDER = "docs/rules"
INDEX = f"{DOCS_FOLDER}/README.md"
MADE_BY = "<!-- Made by scripts/make_rule_docs.py from the rules: edit them, not this page. -->"

# A list this short is shown word by word; a longer one, or a mapping, as a count.
_SHOWN_ITEMS = 6
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_SEVERITY = {
    Severity.ERROR: "A check fails when plainlint finds this.",
    Severity.WARNING: "A check still passes, unless it is run with `--fail-on warning`.",
    Severity.INFO: "This is a hint. A check still passes, unless it is run with `--fail-on info`.",
}


class Configured(Protocol):
    """A rule's settings from rules.yaml (plainlint.settings.loading.RuleSettings)."""

    enabled: bool
    severity: Severity
    options: dict[str, Any]


def page_path(rule_id: str) -> str:
    """Where a rule's page is, from the top of the repository."""
    return f"{DOCS_FOLDER}/{rule_id}.md"


def all_pages(rules: Mapping[str, Configured]) -> dict[str, str]:
    """Every rule's page and the index, by path from the top of the repository."""
    pages = {page_path(rule_id): rule_page(rule_id, rules) for rule_id in RULES}
    pages[INDEX] = index_page(rules)
    return pages


def rule_page(rule_id: str, rules: Mapping[str, Configured]) -> str:
    """One rule's page: what it checks, why, what to do, examples and options."""
    rule = RULES[rule_id]
    configured = rules[rule_id]
    lines = [
        MADE_BY,
        "",
        f"# {rule.id}",
        "",
        f"**How serious:** {configured.severity.value}. {_SEVERITY[configured.severity]}",
    ]
    if rule.other_severity:
        lines += ["", f"Some findings are {_escaped(rule.other_severity)}."]
    if not configured.enabled:
        lines += ["", "This rule is off unless your settings switch it on."]
    lines += [
        *_section("What it checks", _escaped(rule.summary)),
        *_section("Why it matters", _escaped(rule.why)),
        *_section("What to do", _escaped(rule.fix)),
        *_section("Fix", _escaped(_fix_text(rule.fix_kind, rule.fix_when))),
        *_section("Flagged", "plainlint reports these examples.", *map(_fenced, rule.flags)),
        *_section("Left alone", "plainlint does not report these.", *map(_fenced, rule.passes)),
        *_section("Options", *_options(rule.options, configured.options)),
        "",
        "[All plainlint rules](README.md)",
    ]
    return "\n".join(lines) + "\n"


def _fix_text(kind: str, when: str) -> str:
    """What `plainlint check --fix` does for this rule's findings."""
    said = {
        "safe": "Fix: safe. plainlint check --fix makes the change.",
        "needs review": "Fix: needs review. plainlint check --fix --unsafe-fixes makes the "
        "change; read each one.",
        "none": "Fix: none. A writer needs to make this change.",
    }[kind]
    return f"{said} {when}" if when else said


def index_page(rules: Mapping[str, Configured]) -> str:
    """The list of rules, each with a link to its page."""
    lines = [
        MADE_BY,
        "",
        "# plainlint rules",
        "",
        "Each rule checks one thing about a page of patient information.",
        "Its page says why it matters and what to do, with examples.",
        "",
        "| Rule | How serious | What it checks |",
        "| --- | --- | --- |",
        *(
            f"| [{rule.id}]({rule.id}.md) | {rules[rule.id].severity.value} "
            f"| {_escaped(rule.summary)} |"
            for rule in RULES.values()
        ),
    ]
    return "\n".join(lines) + "\n"


def shown_value(value: Any) -> str:
    """A setting as the options table shows it: a long list as a count, not every word."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as rules.yaml spells it
    if isinstance(value, list) and len(value) <= _SHOWN_ITEMS:
        return ", ".join(_code(str(item)) for item in value)
    if isinstance(value, (list, dict)):
        return f"{len(value):,} {'entry' if len(value) == 1 else 'entries'}"
    return str(value)


def _section(heading: str, *paragraphs: str) -> list[str]:
    lines = ["", f"## {heading}"]
    for paragraph in paragraphs:
        lines += ["", paragraph]
    return lines


def _options(options: dict[str, Option], values: dict[str, Any]) -> list[str]:
    """The options table, or a sentence when the rule has none."""
    if not options:
        return ["This rule has no options."]
    rows = [
        f"| {_code(name)} | {shown_value(values.get(name))} | {_escaped(_capital(option.help))} |"
        for name, option in options.items()
    ]
    return [
        "Your project's settings file can change these. "
        "The values here are plainlint's own, from rules.yaml.",
        "| Option | Value | What it does |\n| --- | --- | --- |\n" + "\n".join(rows),
    ]


def _fenced(example: str) -> str:
    """An example as it is written, in a code block: plainlint does not check code."""
    longest = max((len(run) for run in re.findall(r"`+", example)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}markdown\n{example}\n{fence}"


def _code(text: str) -> str:
    """Text in a code span, which plainlint does not check (a "|" escaped for tables)."""
    if "`" in text:
        return _escaped(text)
    return "`" + text.replace("|", "\\|") + "`"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _escaped(text: str) -> str:
    """Plain text made safe for Markdown: characters that would format it are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
