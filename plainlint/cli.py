"""The command line: `plainlint check`, `plainlint rules`.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or settings mistake, or a file that could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plainlint import __version__
from plainlint.config import load_settings
from plainlint.engine import Linter
from plainlint.errors import PlainlintError
from plainlint.findings import FileResult, Severity
from plainlint.formatters import FORMATTERS
from plainlint.rules import RULES

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2
FAIL_ON = ("error", "warning", "info", "never")


def _fail(message: str) -> None:
    click.echo(f"plainlint: {message}", err=True)
    sys.exit(EXIT_TROUBLE)


def _rule_ids(values: tuple[str, ...], option: str) -> set[str] | None:
    """Rule ids from repeated or comma-separated option values; unknown ids are an error."""
    if not values:
        return None
    ids = {part.strip() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(ids - RULES.keys())
    if unknown:
        _fail(f"{option}: unknown rule '{unknown[0]}'. Run 'plainlint rules' to list them")
    return ids


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainlint")
def main() -> None:
    """Check patient information for plain language: Markdown, HTML and text files."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--select", multiple=True, help="Only run these rules (ids, comma-separated).")
@click.option("--ignore", multiple=True, help="Do not run these rules (ids, comma-separated).")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A settings file in the shape of rules.yaml; its values change the built-in ones.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit with code 1 when a finding is this serious or more.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
def check(
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    fail_on: str,
    output_format: str,
) -> None:
    """Check files, or every Markdown, HTML and text file in folders (default: this folder)."""
    selected, ignored = _rule_ids(select, "--select"), _rule_ids(ignore, "--ignore")
    try:
        linter = Linter.create(load_settings(config), selected, ignored)
        results = []
        for result in linter.check_paths(list(paths) or [Path(".")]):
            if result.error is not None:
                click.echo(f"plainlint: {result.path}: {result.error}", err=True)
            results.append(result)
    except PlainlintError as exc:
        _fail(str(exc))
    click.echo(FORMATTERS[output_format](results))
    sys.exit(_exit_code(results, fail_on))


def _exit_code(results: list[FileResult], fail_on: str) -> int:
    if any(result.error is not None for result in results):
        return EXIT_TROUBLE
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    serious = any(
        finding.severity.rank >= threshold for result in results for finding in result.findings
    )
    return EXIT_FINDINGS if serious else 0


@main.command()
@click.argument("rule_id", required=False)
def rules(rule_id: str | None) -> None:
    """List every rule, or show the full help for one rule."""
    try:
        settings = load_settings()
    except PlainlintError as exc:
        _fail(str(exc))
    if rule_id is None:
        width = max(len(rule) for rule in RULES)
        for rule in RULES.values():
            click.echo(f"{rule.id:<{width}}  {rule.default_severity.value:<7}  {rule.summary}")
        return
    if rule_id not in RULES:
        _fail(f"unknown rule '{rule_id}'. Run 'plainlint rules' to list them")
    click.echo(RULES[rule_id].documentation(settings.rules[rule_id].options))
