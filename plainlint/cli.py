"""The command line: `plainlint check`, `rules`, `explain`, `init`, `config` and
`glossary check`.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage or settings mistake, or a file that could not be read.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import click
from click.core import ParameterSource

from plainlint import __version__
from plainlint.documents import parse_document
from plainlint.errors import InputError, PlainlintError
from plainlint.findings import FileResult
from plainlint.formatters import FORMATTERS, render
from plainlint.formatters.statistics import format_statistics_json, format_statistics_text
from plainlint.io.atomic_files import write_atomically
from plainlint.io.finding_context import read_source
from plainlint.io.page_text import decode
from plainlint.io.printable import printable, shown_path
from plainlint.io.regular_files import size_in_words
from plainlint.io.yaml_lines import dump_yaml, load_yaml
from plainlint.language.glossary import Entry, Glossary, apply_file, load_glossary
from plainlint.rules import RULES
from plainlint.run.baseline import load_baseline
from plainlint.run.changes import changed_files
from plainlint.run.engine import Linter, shown_name
from plainlint.run.files import find_files, left_out, path_kind, read_text
from plainlint.run.gate import Gate
from plainlint.run.progress import Progress, progress_delay, progress_wanted
from plainlint.run.results_cache import ResultsCache, cache_folder
from plainlint.run.runner import Runner, default_jobs
from plainlint.settings.checks import FAIL_ON
from plainlint.settings.ignore_files import GitIgnore
from plainlint.settings.loading import Settings, load_settings, page_settings
from plainlint.settings.projects import Projects

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2
EXIT_STOPPED = 130  # Ctrl-C, as shells report it
EXIT_BROKEN_PIPE = 1  # output a reader stopped reading (`| head -1`), as click ends then
GC_THRESHOLDS = (50_000, 20, 1000)  # Python's defaults are (700, 10, 10)


def _fail(message: str) -> None:
    click.echo(f"plainlint: {printable(message)}", err=True)
    sys.exit(EXIT_TROUBLE)


def _shown(text: str) -> str:
    """Lines for people with each line through `printable`, so a file name or a word
    from a file cannot add a line or a terminal escape."""
    return "\n".join(printable(line) for line in text.split("\n"))


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
    _stop_on_sigterm()
    _fill_closed_streams()
    try:
        main()  # click ends with SystemExit, whatever happens
        code: int = 0
    except SystemExit as exc:
        code = _exit_status(exc.code)
    except BrokenPipeError:  # quietly: the reader has what it wanted
        code = EXIT_BROKEN_PIPE
    except OSError as exc:  # output that cannot be written, where nothing else caught it
        _try_to_say(f"plainlint: cannot write the output ({exc.strerror or exc})")
        code = EXIT_TROUBLE
    except KeyboardInterrupt:  # a second Ctrl-C or SIGTERM while the first was handled
        click.echo("plainlint: stopped", err=True)
        code = EXIT_STOPPED
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe ("plainlint check | head"): nothing more to show
    os._exit(code)


def _fill_closed_streams() -> None:
    """Put /dev/null in the place of a standard stream the caller closed (`>&-`, `2>&-`).

    Otherwise the next file plainlint opens would take the stream's number, and
    text meant for the stream could land in a report or a cache entry. Standard
    output is opened for reading only, so writing the report still fails and is
    told as for any other output that cannot be written; standard error takes
    messages and drops them, so the exit code still says what happened.
    """
    for number, flags in ((0, os.O_RDONLY), (1, os.O_RDONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(number)
            continue
        except OSError:
            handle = os.open(os.devnull, flags)  # takes the lowest free number: this one
        if handle != number:
            os.dup2(handle, number)
            os.close(handle)
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)


def _try_to_say(line: str) -> None:
    """A line on standard error, unless it cannot be written either (`2>/dev/full`)."""
    try:
        click.echo(line, err=True)
    except OSError:
        pass


def _stop_on_sigterm() -> None:
    """SIGTERM (sent by `kill`, CI systems and editors) stops a run as Ctrl-C does: the
    workers are stopped, one line says so, and the exit code is the same.

    A process forked before it has set up its own handling (a worker starting)
    takes SIGTERM's usual meaning instead: it ends at once.
    """
    main_process = os.getpid()

    def interrupt(signum: int, frame: Any) -> None:
        if os.getpid() != main_process:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _exit_status(code: object) -> int:
    """The process exit code for a SystemExit's code, as Python itself gives it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


class _PlainGroup(click.Group):
    """click's group, with a usage mistake told in one line, like every other mistake.

    click prints the usage, a hint and the error on four lines; an editor reading
    a CI log wants the one line that says what is wrong.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            outcome = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()  # "plainlint" alone: the help, not a mistake
            sys.exit(0)
        except click.ClickException as exc:
            click.echo(f"plainlint: {printable(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("plainlint: stopped", err=True)
            sys.exit(EXIT_STOPPED)
        sys.exit(outcome if isinstance(outcome, int) else 0)


@click.group(cls=_PlainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainlint")
def main() -> None:
    """Check patient information for plain language: Markdown, HTML and text files."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True, readable=False))
@click.option("--select", multiple=True, help="Only run these rules (ids, comma-separated).")
@click.option("--ignore", multiple=True, help="Do not run these rules (ids, comma-separated).")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PLAINLINT_CONFIG",
    help="Use this settings file for every file, instead of the nearest plainlint.yaml, "
    ".plainlint.yaml or pyproject.toml above each file. PLAINLINT_CONFIG does the same.",
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
    help="Exit with code 1 when a finding is this serious or more "
    "(default: fail_on in the settings file, or else error).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="How to show the findings.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the findings to this file instead of the screen.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT=FILE",
    help="Also write the findings to a file in another format, in the same run "
    "(for example --report junit=plainlint.xml). Can be given more than once.",
)
@click.option(
    "--sarif-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the findings to this file as SARIF (the same as --report sarif=FILE).",
)
@click.option(
    "--color",
    "--colour",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output. auto: only on a screen, and not when NO_COLOR is set "
    "(FORCE_COLOR turns it on).",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made.")
@click.option(
    "--stdin-filename",
    help="With '-' as the path: the name of the file on standard input. "
    "Its extension gives the format, and the settings for its path apply.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that this baseline file does not hold "
    "(default: baseline in the settings file).",
)
@click.option(
    "--no-baseline",
    is_flag=True,
    help="Report every finding, even when the settings file names a baseline.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record every finding in this file, to use later with --baseline.",
)
@click.option(
    "--prune-baseline",
    is_flag=True,
    help="Take out of the baseline in use the findings that are gone, so they cannot "
    "come back unnoticed.",
)
@click.option(
    "--changed-since",
    metavar="COMMIT",
    help="Check only the files changed since this git commit or branch "
    "(for example origin/main), including changes not yet committed.",
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
@click.option(
    "--fix",
    is_flag=True,
    help="Make the safe fixes in the files, then report what is left. With '-' as the "
    "path, print the fixed text.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff: also make the fixes a person should check.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Show the changes --fix would make, as a diff, and change no file. "
    "Exit code 1 when there is something to fix.",
)
def check(
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    glossaries: tuple[Path, ...],
    fail_on: str | None,
    output_format: str,
    output_file: Path | None,
    reports: tuple[str, ...],
    sarif_file: Path | None,
    colour: str,
    statistics: bool,
    stdin_filename: str | None,
    baseline: Path | None,
    no_baseline: bool,
    write_baseline: Path | None,
    prune_baseline: bool,
    changed_since: str | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    no_progress: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Check files, or every Markdown, HTML and text file in folders (default: this folder)."""
    selected, ignored = _rule_ids(select, "--select"), _rule_ids(ignore, "--ignore")
    if statistics and output_format not in ("text", "json"):
        _fail("--statistics works with --format text or json")
    extra = _reports(reports, sarif_file)
    if baseline and write_baseline:
        _fail("use --baseline or --write-baseline, not both")
    if prune_baseline and write_baseline:
        _fail("use --prune-baseline or --write-baseline, not both")
    if no_baseline and (baseline or prune_baseline):
        _fail("--no-baseline cannot go with --baseline or --prune-baseline")
    if prune_baseline and (selected is not None or ignored):
        # The baseline would lose every finding of the checks that did not run.
        _fail("--prune-baseline runs every check, so it cannot go with --select or --ignore")
    _fix_options(fix, diff, write_baseline, prune_baseline, statistics, extra, output_format)
    outputs = [output_file, write_baseline, *(path for _, path in extra)]
    _one_file_each(outputs)
    if (fix or diff) and sum(1 for path in paths if str(path) == "-") > 1:
        _fail("with --fix or --diff, give '-' (standard input) once")
    if stdin_filename and Path("-") not in paths:
        _fail("--stdin-filename needs '-' as the path, to read standard input")
    _config_from_environment(config)
    wanted = list(paths) or [Path(".")]
    # A check makes many small objects that live until their page is done, and
    # few cycles: collecting less often saves about a tenth of a long run.
    gc.set_threshold(*GC_THRESHOLDS)
    texts: dict[str, str] = {}  # standard input, kept for the baseline
    unwritten = False  # a fixed file that could not be written back
    raw: dict[str, bytes] | None = {} if fix or diff else None  # standard input, to print back
    try:
        projects = Projects(config, glossaries)
        run_settings = projects.for_run([p for p in wanted if str(p) != "-"])
        gate = Gate(
            projects.for_path,
            fail_on,
            load_baseline(baseline) if baseline else None,
            use_baselines=not (write_baseline or no_baseline),
        )
        changed = None if changed_since is None else changed_files(changed_since, Path.cwd())
        linter = Linter.create(projects, selected, ignored)
        cache = None
        if not no_cache:
            folder = cache_folder(run_settings, Path.cwd(), cache_dir)
            cache = ResultsCache(folder, run_settings, selected, ignored)
        try:
            delay = progress_delay(os.environ)
        except ValueError as exc:
            _fail(str(exc))
        progress = None
        if not no_progress and progress_wanted(output_format, sys.stderr, os.environ):
            progress = Progress(0, sys.stderr, delay)
        runner = Runner(
            linter, cache, jobs or default_jobs(), progress, {} if fix or diff else None
        )
        results = []
        try:
            for result in _check_all(runner, wanted, stdin_filename, changed, texts, raw):
                if result.error is not None:
                    if progress is not None:
                        progress.clear()
                    _file_problem(result.path, result.error)
                results.append(result)
        finally:
            if progress is not None:
                progress.close()
        _not_a_page(outputs, results)
        if fix or diff:
            results, unwritten = _fixed(
                runner, gate, results, texts, raw or {}, unsafe_fixes, diff, output_file
            )
        if not results and any(str(path) != "-" for path in wanted):
            click.echo(_shown(_nothing_found(wanted, projects, changed_since)), err=True)
        sources = _sources(texts)
        if write_baseline:
            from plainlint.run.baseline import write_baseline as record

            count = record(write_baseline, results, sources)
            noun = "finding" if count == 1 else "findings"
            click.echo(f"Recorded {count} {noun} in {printable(str(write_baseline))}.")
            sys.exit(EXIT_TROUBLE if any(r.error for r in results) else 0)
        results, pruned = gate.without_old(results, sources, prune_baseline)
        if prune_baseline and not pruned:
            _fail("--prune-baseline needs a baseline: give --baseline, or name one in the settings")
        for path, gone in pruned.items():
            noun = "finding" if gone == 1 else "findings"
            said = f"took out {gone} {noun} that plainlint no longer finds"
            click.echo(f"{shown_path(str(path))}: {said}.", err=True)
    except PlainlintError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("plainlint: stopped", err=True)
        sys.exit(EXIT_STOPPED)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one plain line
        _fail(f"stopped because of a bug ({type(exc).__name__}: {exc}); please report it")
    # Reports that mark failures use each file's own threshold, as the exit code does.
    shown_fail_on = gate.threshold
    if statistics:
        shown = format_statistics_json if output_format == "json" else format_statistics_text
        output = shown(results)
    else:
        output = render(output_format, results, shown_fail_on)
    for name, target in extra:
        _write_output(target, render(name, results, shown_fail_on))
    if output_file is not None:
        _write_output(output_file, click.unstyle(output))
    else:
        # With --fix, standard output holds the fixed text of standard input.
        to_stderr = fix and Path("-") in paths
        _print_report(output, _colour(colour, os.environ), to_stderr)
    sys.exit(EXIT_TROUBLE if unwritten else gate.exit_code(results))


def _file_problem(name: str, reason: str) -> None:
    """One line on standard error: the file, and why it was not checked or fixed."""
    click.echo(f"plainlint: {printable(f'{name}: {reason}')}", err=True)


def _fix_options(
    fix: bool,
    diff: bool,
    write_baseline: Path | None,
    prune_baseline: bool,
    statistics: bool,
    extra: list[tuple[str, Path]],
    output_format: str,
) -> None:
    """Options that cannot go with fixing: each is a usage mistake said in one line."""
    if not (fix or diff):
        return
    option = "--diff" if diff else "--fix"
    if write_baseline or prune_baseline:
        _fail(
            f"{option} cannot go with --write-baseline or --prune-baseline: fix first, then record"
        )
    source = click.get_current_context().get_parameter_source("output_format")
    if diff and (statistics or extra or source is ParameterSource.COMMANDLINE):
        _fail("--diff shows the changes only: leave out --format, --statistics and --report")


def _fixed(
    runner: Runner,
    gate: Gate,
    results: list[FileResult],
    texts: dict[str, str],
    raw: dict[str, bytes],
    unsafe: bool,
    diff: bool,
    output_file: Path | None,
) -> tuple[list[FileResult], bool]:
    """Fix the pages (--fix) and give the results for what is left, and whether a page
    could not be fixed; or print the changes and end the run (--diff).

    Standard input's text goes to standard output, fixed, in its own encoding;
    as it came when there is nothing to fix or it cannot be checked, so an editor
    that sends its text through plainlint never loses it.
    """
    from plainlint.run.fixer import fix_pages, fixed_bytes, unified_diff, write_page

    def new_only(result: FileResult, text: str) -> FileResult:
        return gate.without_old([result], lambda name: text)[0][0]

    before = {r.path: r for r in results}
    results, pages, skipped = fix_pages(runner, results, new_only, unsafe, set(raw))
    problems = dict(skipped)
    problems.update({name: page.problem for name, page in pages.items() if page.problem})
    for name, reason in problems.items():
        _file_problem(name, reason)
    changed = [page for page in pages.values() if page.changed]
    if diff:
        output, failed = b"", False
        for page in changed:
            try:
                output += unified_diff(page, raw.get(page.name))
            except InputError as exc:
                _file_problem(page.name, exc.reason)
                failed = True
        _write_bytes(output, output_file)
        click.echo(_fix_count("would fix", sum(p.made for p in changed), len(changed)), err=True)
        trouble = failed or problems or any(r.error is not None for r in results)
        sys.exit(EXIT_TROUBLE if trouble else EXIT_FINDINGS if changed else 0)
    failed_names = set(problems)
    for page in changed:
        if page.path is None:
            continue  # standard input: printed below
        try:
            write_page(page)
        except InputError as exc:
            _file_problem(page.name, exc.reason)
            failed_names.add(page.name)
    for name, data in raw.items():
        page = pages.get(name)
        if page is not None and page.changed:
            try:
                data = fixed_bytes(page, data)
                texts[name] = page.after
            except InputError as exc:
                _file_problem(name, exc.reason)
                failed_names.add(name)
        _write_bytes(data, None)
    results = [before[r.path] if r.path in failed_names else r for r in results]
    written = [page for page in changed if page.name not in failed_names]
    click.echo(_fix_count("fixed", sum(p.made for p in written), len(written)), err=True)
    return results, bool(failed_names)


def _write_bytes(data: bytes, output_file: Path | None) -> None:
    """Bytes as they are, to a file or standard output: no colour codes taken out, no
    change of encoding or line endings."""
    if output_file is not None:
        try:
            output_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(output_file, data)
        except OSError as exc:
            _fail(f"{output_file}: cannot write the changes here ({exc.strerror or exc})")
        return
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        pass
    except OSError as exc:
        _fail(f"standard output: cannot write ({exc.strerror or exc})")


def _fix_count(verb: str, made: int, files: int) -> str:
    """ "plainlint fixed 3 problems in 2 files.", or that there was nothing to fix."""
    if not made:
        return "plainlint found nothing to fix."
    problems = "problem" if made == 1 else "problems"
    where = "file" if files == 1 else "files"
    return f"plainlint {verb} {made} {problems} in {files} {where}."


def _reports(values: tuple[str, ...], sarif_file: Path | None) -> list[tuple[str, Path]]:
    """(format, file) for each extra report; a mistake in one is a usage error."""
    found = []
    for value in values:
        name, equals, file = value.partition("=")
        if not equals or not file:
            _fail(f"--report: write FORMAT=FILE, as in junit=plainlint.xml, not '{value}'")
        if name not in FORMATTERS:
            _fail(f"--report: unknown format '{name}'. Known: {', '.join(sorted(FORMATTERS))}")
        found.append((name, Path(file)))
    if sarif_file is not None:
        found.append(("sarif", sarif_file))
    return found


def _config_from_environment(config: Path | None) -> None:
    """A settings file named by PLAINLINT_CONFIG that is not there: say where the name
    came from, as nobody typed it."""
    source = click.get_current_context().get_parameter_source("config")
    if config is not None and source is ParameterSource.ENVIRONMENT and not config.is_file():
        _fail(f"PLAINLINT_CONFIG names the settings file {config}, which does not exist")


def _one_file_each(outputs: list[Path | None]) -> None:
    """Two reports written to one file would leave only the last: a usage mistake."""
    targets = [os.path.abspath(path) for path in outputs if path]
    if len(set(targets)) < len(targets):
        _fail("each report needs a file of its own: two of them name the same file")


def _not_a_page(outputs: list[Path | None], results: list[FileResult]) -> None:
    """A report or baseline written over a page being checked would lose the page."""
    pages = {os.path.realpath(r.path) for r in results if os.path.isfile(r.path)}
    for path in outputs:
        if path is not None and os.path.realpath(path) in pages:
            _fail(
                f"{path}: this is one of the pages being checked, so plainlint will not "
                "write over it; choose a new file name"
            )


def _sources(texts: dict[str, str]) -> Callable[[str], str | None]:
    """A checked file's text for the baseline: standard input as it was read, files as
    they are on disk."""
    return lambda name: texts[name] if name in texts else read_source(name)


def _nothing_found(paths: list[Path], projects: Projects, changed_since: str | None) -> str:
    """The line that says there was nothing to check: why a named file was left out, or
    the kinds of file looked for."""
    named = [path for path in paths if str(path) != "-"]
    files = [path for path in named if os.path.isfile(path)]  # never raises: a locked folder
    if files and not changed_since and len(files) == len(named):
        reasons = [left_out(path, projects.for_path(path)) for path in files]
        return "\n".join(
            f"plainlint did not check {path}: {reason or 'the settings leave it out'}."
            for path, reason in zip(files, reasons)
        )
    settings = projects.for_path(Path.cwd(), is_dir=True)
    used = set(settings.extensions.values())
    kinds = [_KINDS[name] for name in _KINDS if name in used]
    kinds += sorted(used - _KINDS.keys())
    looked_for = " or ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)
    where = ", ".join(str(path) for path in named)
    if changed_since:
        return f"No {looked_for} files under {where} have changed since {changed_since}."
    return f"No {looked_for} files found under {where}."


_KINDS = {"markdown": "Markdown", "html": "HTML", "text": "text"}


def _colour(choice: str, environ: Mapping[str, str]) -> bool | None:
    """Whether to colour the output: None leaves it to whether it goes to a screen.

    NO_COLOR and FORCE_COLOR are the conventions (no-color.org, force-color.org);
    --color always or never wins over both.
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return None


def _write_output(path: Path, text: str) -> None:
    """Write a report in one step, so a reader never sees half of it; its folder is made
    if need be, as CI steps often name a new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        _fail(f"{path}: cannot write the report here ({exc.strerror or exc})")


def _print_report(
    text: str, colour: bool | None, to_stderr: bool = False, newline: bool = True
) -> None:
    """The report on standard output. One that cannot be written (a full disk, a closed
    stream) is a mistake told in one line. A reader that stopped reading (`| head -1`)
    is not: the run ends quietly with its own exit code, as it does when the pipe
    closes in the middle of a write, where the system reports nothing."""
    try:
        click.echo(text, color=colour, err=to_stderr, nl=newline)
    except BrokenPipeError:
        pass
    except OSError as exc:
        _fail(f"standard output: cannot write the report ({exc.strerror or exc})")


def _check_all(
    runner: Runner,
    paths: list[Path],
    stdin_filename: str | None,
    changed: set[str] | None = None,
    texts: dict[str, str] | None = None,
    raw: dict[str, bytes] | None = None,
) -> Iterator[FileResult]:
    """Results for the paths in order; '-' reads standard input. With `changed`, only
    the files in it are checked."""
    files: list[Path] = []
    for path in [*paths, None]:
        if path is not None and str(path) != "-":
            files.append(path)  # named files in a row are checked together: each once
            continue
        if files:
            targets = find_files(files, runner.linter.projects)
            if changed is not None:
                targets = (t for t in targets if os.path.realpath(t.path) in changed)
            yield from runner.check_targets(targets)
        files = []
        if path is not None:
            result = _check_stdin(runner, stdin_filename, texts, raw)
            if result is not None:
                yield result


def _check_stdin(
    runner: Runner,
    name: str | None,
    texts: dict[str, str] | None = None,
    raw: dict[str, bytes] | None = None,
) -> FileResult | None:
    """Standard input, checked as the file `name` with the settings of its project;
    None when those settings leave that file out. With `raw` (--fix, --diff), its
    bytes are kept there whatever happens, to be printed back."""
    linter = runner.linter
    shown = shown_name(Path(name)) if name else "-"
    settings = linter.settings_for(Path(name)) if name else linter.settings
    data = None
    if raw is not None:
        try:
            data = _standard_input_bytes(settings.max_file_size)
        except InputError as exc:
            return FileResult(shown, error=exc.reason)
        raw[shown] = data
    if name and left_out(Path(name), settings):
        return None
    format_name = settings.format_for(Path(name)) if name else "text"
    if format_name is None:
        known = ", ".join(sorted(settings.extensions))
        return FileResult(
            shown, error=f"plainlint does not check this type of file (it checks {known})"
        )
    try:
        if data is None:
            data = _standard_input_bytes(settings.max_file_size)
        source = decode(shown, data, format_name)
    except InputError as exc:
        return FileResult(shown, error=exc.reason)
    if texts is not None:
        texts[shown] = source
    return runner.check_text(shown, source, format_name)


def _standard_input_bytes(limit: int) -> bytes:
    """Standard input, as bytes (its encoding is found as a file's is), read in pieces
    up to `limit` (max_file_size): an endless stream stops there, not at memory's end."""
    stream = getattr(sys.stdin, "buffer", None)
    pieces: list[bytes] = []
    total = 0
    while total <= limit:
        piece = stream.read(_STDIN_PIECE) if stream is not None else sys.stdin.read(_STDIN_PIECE)
        if not piece:
            return b"".join(pieces)
        if isinstance(piece, str):
            piece = piece.encode("utf-8", "surrogateescape")
        pieces.append(piece)
        total += len(piece)
    raise InputError(
        "-",
        f"standard input is too large to check (over the limit of {size_in_words(limit)}, "
        "set by max_file_size)",
    )


_STDIN_PIECE = 1 << 16  # bytes read from standard input at a time


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
            severity = settings.rules[rule.id].severity.value  # rules.yaml, as the project sets it
            if not settings.rules[rule.id].enabled:
                severity = "off"
            click.echo(f"{rule.id:<{width}}  {severity:<7}  {rule.summary}")
            if rule.other_severity:
                click.echo(f"{'':<{width}}  {'':<7}  Some findings are {rule.other_severity}.")
        return
    if rule_id not in RULES:
        _fail(f"unknown rule '{rule_id}'. Run 'plainlint rules' to list them")
    click.echo(RULES[rule_id].documentation(settings.rules[rule_id].options))


_CONFIG_OPTION = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PLAINLINT_CONFIG",
    help="A settings file whose glossary list is used as well as the built-in glossary "
    "(PLAINLINT_CONFIG does the same).",
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
        files = load_settings(config, glossaries, discover_from=Path.cwd()).glossaries
        glossary = load_glossary(files)
        entry = glossary.lookup(phrase)
        off = _switched_off_by(phrase, files) if entry is None else None
    except PlainlintError as exc:
        _fail(str(exc))
    if off is not None:
        click.echo(
            printable(
                f"“{phrase}” is in the built-in glossary, but {off} switches it off "
                "(ignore: true), so plainlint does not ask for it to be explained."
            )
        )
        sys.exit(EXIT_FINDINGS)
    if entry is None:
        click.echo(
            printable(
                f"No glossary entry covers “{phrase}”. You can add one to your project's glossary."
            )
        )
        sys.exit(EXIT_FINDINGS)
    click.echo(_shown(_describe(entry)))


def _switched_off_by(phrase: str, files: list[Path]) -> Path | None:
    """The project glossary that took the word's entry away, if one did."""
    merged = Glossary()
    for path in files:
        had = merged.lookup(phrase) is not None
        apply_file(merged, load_yaml(path))
        if had and merged.lookup(phrase) is None:
            return path
    return None


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
        click.echo(f"plainlint: {printable(str(problem))}", err=True)
    if problems:
        sys.exit(EXIT_TROUBLE)
    checked = ", ".join(str(p) for p in (list(files) or paths))
    in_use = len(merged.entries)
    click.echo(f"{printable(checked)}: no problems found ({in_use} entries in use).")


@main.command()
@click.argument(
    "folder", required=False, default=".", type=click.Path(path_type=Path, file_okay=False)
)
def init(folder: Path) -> None:
    """Start a project: write a commented plainlint.yaml and an empty glossary.yaml.

    A file that is there already is left as it is; the other is still written.
    """
    names = [name for name in ("plainlint.yaml", "glossary.yaml") if not (folder / name).exists()]
    there = [folder / name for name in ("plainlint.yaml", "glossary.yaml") if name not in names]
    if not names:
        _fail(
            f"{folder}: plainlint.yaml and glossary.yaml are there already, so plainlint "
            "left them as they are"
        )
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
    click.echo(f"Wrote {printable(' and '.join(str(path) for path in written))}.")
    for path in there:
        click.echo(f"{printable(str(path))} is there already, so plainlint left it as it is.")
    click.echo("Change the settings to suit your project, then run: plainlint check")


def _undo(written: list[Path]) -> None:
    """Remove the starter files this run wrote, so a failed init leaves nothing behind."""
    for path in written:
        path.unlink(missing_ok=True)


@main.command("config")
@click.argument(
    "path", required=False, default=".", type=click.Path(path_type=Path, readable=False)
)
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PLAINLINT_CONFIG",
    help="Use this settings file instead of the one plainlint finds. "
    "PLAINLINT_CONFIG does the same.",
)
@click.option("--rule", "rule_id", help="Show the settings of this rule only, with every word.")
def show_config(path: Path, config: Path | None, rule_id: str | None) -> None:
    """Show the settings in effect for a file or folder, and where they come from.

    Long word lists are shown as a count; `--rule` shows one rule's lists in full.
    """
    if rule_id is not None and rule_id not in RULES:
        _fail(f"--rule: unknown rule '{rule_id}'. Run 'plainlint rules' to list them")
    kind = path_kind(path)  # a locked folder on the way: one line, not a traceback
    if kind not in ("file", "folder"):
        _fail(f"{path}: {kind}")
    try:
        project = Projects(config).for_path(path, is_dir=kind == "folder")
        settings = _settings_for(project, path)
    except PlainlintError as exc:
        _fail(str(exc))
    click.echo(f"# Settings for {printable(str(path))}")
    for source in settings.sources:
        if not source.startswith("override at"):
            click.echo(f"#   from {printable(source)}")
    for override in project.overrides:
        used = f"override at {override.where}" in settings.sources
        applies = "Applies" if used else "Does not apply"
        click.echo(f"# {applies}: {printable(override.describe())}")
    reason = left_out(
        path, project, GitIgnore() if project.respect_gitignore else None, path.is_dir()
    )
    if reason is None and path.is_file() and project.format_for(path) is None:
        reason = f"plainlint does not check '{path.suffix or 'no extension'}' files"
    if reason:
        click.echo(f"# plainlint does not check this path: {printable(reason)}.")
    shown = dict(settings.data)
    shown["glossary"] = [str(p) for p in settings.glossaries]
    if project.fail_on is not None:
        shown["fail_on"] = project.fail_on
    if project.baseline is not None:
        shown["baseline"] = str(project.baseline)
    if rule_id is not None:
        shown = {"rules": {rule_id: shown["rules"][rule_id]}}
    else:
        shown["rules"] = {
            rule: {key: _counted(value, rule) for key, value in values.items()}
            for rule, values in shown["rules"].items()
        }
    click.echo(_shown(dump_yaml(shown)))


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
    source = read_text(path, settings.max_file_size, format_name)
    document = parse_document(str(path), source, format_name)
    own = page_settings(source, document.front_matter, str(path))
    return settings.for_page(path, document.front_matter, own)
