"""The command line: `plainlint check`, `plainlint rules`, `plainlint explain`,
`plainlint glossary check`.

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
from plainlint.glossary import Entry, Glossary, apply_file, load_glossary
from plainlint.rules import RULES
from plainlint.yaml_lines import load_yaml

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
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A project glossary file; its entries add to or change the built-in ones. "
    "Can be given more than once.",
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
    glossaries: tuple[Path, ...],
    fail_on: str,
    output_format: str,
) -> None:
    """Check files, or every Markdown, HTML and text file in folders (default: this folder)."""
    selected, ignored = _rule_ids(select, "--select"), _rule_ids(ignore, "--ignore")
    try:
        linter = Linter.create(load_settings(config, glossaries), selected, ignored)
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


_CONFIG_OPTION = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A settings file whose glossary list is used as well as the built-in glossary.",
)
_GLOSSARY_OPTION = click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A project glossary file to use as well as the built-in one.",
)


@main.command()
@click.argument("word", nargs=-1, required=True)
@_CONFIG_OPTION
@_GLOSSARY_OPTION
def explain(word: tuple[str, ...], config: Path | None, glossaries: tuple[Path, ...]) -> None:
    """Show the glossary entry for a word, a phrase or an abbreviation."""
    phrase = " ".join(word)
    try:
        glossary = load_glossary(load_settings(config, glossaries).glossaries)
    except PlainlintError as exc:
        _fail(str(exc))
    entry = glossary.lookup(phrase)
    if entry is None:
        click.echo(
            f"No glossary entry covers “{phrase}”. You can add one to your project's glossary."
        )
        sys.exit(EXIT_FINDINGS)
    click.echo(_describe(entry))


def _describe(entry: Entry) -> str:
    """An entry as `plainlint explain` prints it."""
    lines = [entry.term, "", f"  {entry.explanation}", ""]
    if entry.plain:
        lines.append(f"  Plainer word:   {entry.plain}")
    if entry.variants:
        lines.append(f"  Other forms:    {', '.join(entry.variants)}")
    if entry.abbreviations:
        lines.append(f"  Abbreviations:  {', '.join(entry.abbreviations)}")
    if entry.category:
        lines.append(f"  Category:       {entry.category}")
    lines.append(f"  From:           {entry.where}")
    return "\n".join(lines)


@main.group()
def glossary() -> None:
    """Work with glossary files."""


@glossary.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@_CONFIG_OPTION
def glossary_check(files: tuple[Path, ...], config: Path | None) -> None:
    """Check glossary files for mistakes (default: the glossaries in use).

    The built-in glossary is applied first and each file on top of it, in
    order, so an entry that clashes with an earlier one is found too. Every
    problem in every file is listed.
    """
    try:
        settings = load_settings(config)
    except PlainlintError as exc:
        _fail(str(exc))
    built_in, *project = settings.glossaries
    paths = [built_in, *[p for p in (files or project) if p.resolve() != built_in.resolve()]]
    merged = Glossary()
    problems: list[PlainlintError] = []
    for path in paths:
        try:
            problems += apply_file(merged, load_yaml(path))
        except PlainlintError as exc:  # a file that is missing, unreadable or not YAML
            problems.append(exc)
    for problem in problems:
        click.echo(f"plainlint: {problem}", err=True)
    if problems:
        sys.exit(EXIT_TROUBLE)
    checked = ", ".join(str(p) for p in (list(files) or paths))
    click.echo(f"{checked}: no problems found ({len(merged.entries)} entries in use).")
