"""The command line: `plainlint check`, `rules`, `explain`, `init`, `config` and
`glossary check`.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or settings mistake, or a file that could not be read.
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Iterator

import click

from plainlint import __version__
from plainlint.documents import parse_document
from plainlint.errors import InputError, PlainlintError
from plainlint.findings import FileResult, Severity
from plainlint.formatters import FORMATTERS
from plainlint.formatters.statistics import format_statistics_json, format_statistics_text
from plainlint.io.atomic_files import write_atomically
from plainlint.io.yaml_lines import dump_yaml, load_yaml
from plainlint.language.glossary import Entry, Glossary, apply_file, load_glossary
from plainlint.rules import RULES
from plainlint.run.engine import Linter, shown_name
from plainlint.run.files import decode, find_files, left_out, read_text
from plainlint.run.progress import Progress, progress_delay, progress_wanted
from plainlint.run.results_cache import ResultsCache, cache_folder
from plainlint.run.runner import Runner, default_jobs
from plainlint.settings.ignore_files import GitIgnore
from plainlint.settings.loading import Settings, load_settings, page_settings

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2
EXIT_STOPPED = 130  # Ctrl-C, as shells report it
FAIL_ON = ("error", "warning", "info", "never")
GC_THRESHOLDS = (50_000, 20, 1000)  # Python's defaults are (700, 10, 10)


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


def run() -> None:
    """The `plainlint` command: `main`, then an exit without Python's tidy-up.

    After a large check, Python frees every object one by one before it
    ends: a third of a second over 400 pages. The output is flushed first;
    the operating system takes back the memory at once.
    """
    try:
        main()  # click ends with SystemExit, whatever happens
        code: int = 0
    except SystemExit as exc:
        code = _exit_status(exc.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe ("plainlint check | head"): nothing more to show
    os._exit(code)


def _exit_status(code: object) -> int:
    """The process exit code for a SystemExit's code, as Python itself gives it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainlint")
def main() -> None:
    """Check patient information for plain language: Markdown, HTML and text files."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--select", multiple=True, help="Only run these rules (ids, comma-separated).")
@click.option("--ignore", multiple=True, help="Do not run these rules (ids, comma-separated).")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this settings file instead of the one plainlint finds "
    "(plainlint.yaml, .plainlint.yaml or pyproject.toml).",
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
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made.")
@click.option(
    "--stdin-filename",
    help="With '-' as the path: the name of the file on standard input. "
    "Its extension gives the format, and settings for its path apply.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that this baseline file does not hold.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record every finding in this file, to use later with --baseline.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="How many files to check at once (default: one for each core).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every file again, without reading or writing the results cache.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="PLAINLINT_CACHE_DIR",
    help="Keep the results cache in this folder "
    "(default: .plainlint_cache in the project's top folder).",
)
@click.option(
    "--no-progress",
    is_flag=True,
    help="Never show the progress bar (it shows only on a terminal, for long runs).",
)
def check(
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    glossaries: tuple[Path, ...],
    fail_on: str,
    output_format: str,
    statistics: bool,
    stdin_filename: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    no_progress: bool,
) -> None:
    """Check files, or every Markdown, HTML and text file in folders (default: this folder)."""
    selected, ignored = _rule_ids(select, "--select"), _rule_ids(ignore, "--ignore")
    if statistics and output_format not in ("text", "json"):
        _fail("--statistics works with --format text or json")
    if baseline and write_baseline:
        _fail("use --baseline or --write-baseline, not both")
    if stdin_filename and Path("-") not in paths:
        _fail("--stdin-filename needs '-' as the path, to read standard input")
    # A check makes many small objects that live until their page is done, and
    # few cycles: collecting less often saves about a tenth of a long run.
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        settings = load_settings(config, glossaries, discover_from=Path.cwd())
        linter = Linter.create(settings, selected, ignored)
        known = None
        if baseline:
            from plainlint.run.baseline import load_baseline

            known = load_baseline(baseline)
        cache = None
        if not no_cache:
            folder = cache_folder(settings, Path.cwd(), cache_dir)
            cache = ResultsCache(folder, settings, selected, ignored)
        try:
            delay = progress_delay(os.environ)
        except ValueError as exc:
            _fail(str(exc))
        progress = None
        if not no_progress and progress_wanted(output_format, sys.stderr, os.environ):
            progress = Progress(0, sys.stderr, delay)
        runner = Runner(linter, cache, jobs or default_jobs(), progress)
        results = []
        try:
            for result in _check_all(runner, list(paths) or [Path(".")], stdin_filename):
                if result.error is not None:
                    if progress is not None:
                        progress.clear()
                    click.echo(f"plainlint: {result.path}: {result.error}", err=True)
                results.append(result)
        finally:
            if progress is not None:
                progress.close()
        if write_baseline:
            from plainlint.run.baseline import write_baseline as record

            count = record(write_baseline, results)
            noun = "finding" if count == 1 else "findings"
            click.echo(f"Recorded {count} {noun} in {write_baseline}.")
            sys.exit(EXIT_TROUBLE if any(r.error for r in results) else 0)
    except PlainlintError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("plainlint: stopped", err=True)
        sys.exit(EXIT_STOPPED)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one plain line
        _fail(f"stopped because of a bug ({type(exc).__name__}: {exc}); please report it")
    if known is not None:
        results = known.new_findings(results)
    if statistics:
        shown = format_statistics_json if output_format == "json" else format_statistics_text
        click.echo(shown(results))
    else:
        click.echo(FORMATTERS[output_format](results))
    sys.exit(_exit_code(results, fail_on))


def _check_all(
    runner: Runner, paths: list[Path], stdin_filename: str | None
) -> Iterator[FileResult]:
    """Results for the paths in order; '-' reads standard input."""
    files: list[Path] = []
    for path in [*paths, None]:
        if path is not None and str(path) != "-":
            files.append(path)  # named files in a row are checked together: each once
            continue
        if files:
            yield from runner.check_targets(find_files(files, runner.linter.settings))
        files = []
        if path is not None:
            result = _check_stdin(runner, stdin_filename)
            if result is not None:
                yield result


def _check_stdin(runner: Runner, name: str | None) -> FileResult | None:
    """Standard input, checked as the file `name`; None when settings exclude that file."""
    linter = runner.linter
    shown = shown_name(Path(name)) if name else "-"
    if name and left_out(Path(name), linter.settings):
        return None
    format_name = linter.settings.format_for(Path(name)) if name else "text"
    if format_name is None:
        known = ", ".join(sorted(linter.settings.extensions))
        return FileResult(
            shown, error=f"plainlint does not check this type of file (it checks {known})"
        )
    try:
        source = decode(shown, _standard_input_bytes())
    except InputError as exc:
        return FileResult(shown, error=exc.reason)
    return runner.check_text(shown, source, format_name)


def _standard_input_bytes() -> bytes:
    """Everything on standard input, as bytes (its encoding is found as a file's is)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream.read()
    return sys.stdin.read().encode("utf-8", "surrogateescape")


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
        settings = load_settings(discover_from=Path.cwd())
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
        glossary = load_glossary(
            load_settings(config, glossaries, discover_from=Path.cwd()).glossaries
        )
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
        settings = load_settings(config, discover_from=Path.cwd())
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


@main.command()
@click.argument(
    "folder", required=False, default=".", type=click.Path(path_type=Path, file_okay=False)
)
def init(folder: Path) -> None:
    """Start a project: write a commented plainlint.yaml and an empty glossary.yaml."""
    names = ("plainlint.yaml", "glossary.yaml")
    for name in names:
        if (folder / name).exists():
            _fail(f"{folder / name}: this file already exists, so plainlint left it as it is")
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            text = (resources.files("plainlint") / "starter" / name).read_text(encoding="utf-8")
            write_atomically(folder / name, text, overwrite=False)
            written.append(folder / name)
    except FileExistsError:
        _undo(written)
        _fail(f"{folder / name}: this file already exists, so plainlint left it as it is")
    except OSError as exc:
        _undo(written)
        _fail(f"{folder}: plainlint cannot write here ({exc.strerror or exc})")
    click.echo(f"Wrote {folder / names[0]} and {folder / names[1]}.")
    click.echo("Change the settings to suit your project, then run: plainlint check")


def _undo(written: list[Path]) -> None:
    """Remove the starter files this run wrote, so a failed init leaves nothing behind."""
    for path in written:
        path.unlink(missing_ok=True)


@main.command("config")
@click.argument("path", required=False, default=".", type=click.Path(path_type=Path))
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this settings file instead of the one plainlint finds.",
)
@click.option("--rule", "rule_id", help="Show the settings of this rule only, with every word.")
def show_config(path: Path, config: Path | None, rule_id: str | None) -> None:
    """Show the settings in effect for a file or folder, and where they come from.

    Long word lists are shown as a count; `--rule` shows one rule's lists in full.
    """
    if rule_id is not None and rule_id not in RULES:
        _fail(f"--rule: unknown rule '{rule_id}'. Run 'plainlint rules' to list them")
    if not path.exists():
        _fail(f"{path}: no such file or folder")
    try:
        project = load_settings(config, discover_from=Path.cwd())
        settings = _settings_for(project, path)
    except PlainlintError as exc:
        _fail(str(exc))
    click.echo(f"# Settings for {path}")
    for source in settings.sources:
        if not source.startswith("override at"):
            click.echo(f"#   from {source}")
    for override in project.overrides:
        used = f"override at {override.where}" in settings.sources
        click.echo(f"# {'Applies' if used else 'Does not apply'}: {override.describe()}")
    reason = left_out(
        path, project, GitIgnore() if project.respect_gitignore else None, path.is_dir()
    )
    if reason is None and path.is_file() and project.format_for(path) is None:
        reason = f"plainlint does not check '{path.suffix or 'no extension'}' files"
    if reason:
        click.echo(f"# plainlint does not check this path: {reason}.")
    shown = dict(settings.data)
    shown["glossary"] = [str(p) for p in settings.glossaries]
    if rule_id is not None:
        shown = {"rules": {rule_id: shown["rules"][rule_id]}}
    else:
        shown["rules"] = {
            rule: {key: _counted(value, rule) for key, value in values.items()}
            for rule, values in shown["rules"].items()
        }
    click.echo(dump_yaml(shown))


# Word lists longer than this show as a count, unless --rule asks for one rule.
_LISTED = 12


def _counted(value: object, rule_id: str) -> object:
    """A long word list as a short note of its length; other values as they are."""
    if isinstance(value, (list, dict)) and len(value) > _LISTED:
        return f"{len(value)} entries (see them with --rule {rule_id})"
    return value


def _settings_for(settings: Settings, path: Path) -> Settings:
    """The settings for a page: its overrides and, for a file, its front matter."""
    format_name = settings.format_for(path)
    if not path.is_file() or format_name is None:
        return settings.for_page(path)
    source = read_text(path)
    document = parse_document(str(path), source, format_name)
    own = page_settings(source, document.front_matter, str(path))
    return settings.for_page(path, document.front_matter, own)
