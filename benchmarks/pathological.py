"""Time plainlint on pathological pages at 1x, 2x and 4x a size. Prints figures; not a test.

Usage:
    python benchmarks/pathological.py                    # every family, model loaded once
    python benchmarks/pathological.py --only html-a-unclosed --only md-image-run
    python benchmarks/pathological.py --cli              # one `plainlint check` per case
    python benchmarks/pathological.py --base 25 --cap 30 # base size in KB; seconds per case
    python benchmarks/pathological.py --list             # the families, with what each is

Each family builds one page (or settings file) of a hostile shape: deep nesting,
runs of one character, constructs never closed, alias bombs, or just a very
long list. It is timed at the base size and at twice and four times that size,
and the table shows the time of each and the ratio per doubling. Work that
grows in step with the input costs about 2x per doubling; a ratio above 2.2 is
flagged with "!" (but not for times under 0.05 s, where timer noise decides
the ratio). Alias bombs grow by alias depth instead of size: each level holds
nine aliases of the level before, so plainlint must refuse them, quickly.

By default each case runs in a process forked from this one after the language
model has loaded and one page has been checked, through the code path the CLI
uses (Linter.create(load_settings()).check_source(name, text, format), and
load_settings or load_baseline for settings and baseline files); the time is
the best of up to three runs, each in a new process, so that no run finds the
words of another in plainlint's caches. With --cli each case is its own
`python -m plainlint check` process instead, start-up included (the start-up
time of an empty page is printed, and taken off before the ratios, which are
not shown for cases that take less than 0.3 s more than that).

A case that takes longer than --cap seconds is stopped and shown as "over N s";
the larger sizes of that family are then not tried. Every case may use at most
--memory GB more than the loaded model, so a runaway case fails instead of
taking the machine's memory.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import multiprocessing
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAG_ABOVE = 2.2  # a doubling that costs more than this is worse than linear
NOISE_FLOOR = 0.05  # seconds: ratios of shorter times are not flagged
CLI_NOISE = 0.3  # seconds past start-up below which a process's ratio is not shown
SIZES = (1, 2, 4)
EXTENSION = {"markdown": "md", "html": "html", "text": "txt"}
# Ordinary sentences from the example pages.
SENTENCES = (
    "This leaflet explains how to look after yourself when you get home.",
    "Take them regularly for the first few days, even if the pain seems mild.",
    "Make sure you have sufficient painkillers at home to last at least a week.",
    "Keep your wound clean and dry for the first 48 hours.",
    "Walking helps you recover and lowers your risk of blood clots.",
    "The doctor will use a thin needle in order to take a small sample of tissue.",
    "Prior to each cycle of treatment, you will have a blood test.",
    "You will be given the drug through a drip.",
    "Ask your nurse about a PICC line.",
    "Most side effects go away once treatment ends.",
)


@dataclass
class Family:
    """A hostile shape: what it is, how it is read, and how to build it at a size.

    `build` takes bytes for a page, or the alias depth when `unit` is "depth".
    """

    name: str
    what: str
    kind: str  # "page", "settings" (a YAML or TOML settings file) or "baseline"
    build: Callable[[int], str]
    fmt: str = "markdown"
    unit: str = "KB"
    file_name: str = ""  # the settings or baseline file's name

    def size(self, base: int, times: int) -> int:
        """The build argument for `times` the base: bytes, or the alias depth."""
        return base * times if self.unit == "depth" else base * times * 1024


@dataclass
class Timing:
    """One case: seconds (None when it did not finish) and what became of it."""

    seconds: float | None
    outcome: str


# -- the shapes ---------------------------------------------------------------------


def repeated(unit: str, size: int) -> str:
    """`unit` over and over, cut to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def letters(size: int) -> str:
    """Letters in no order, the same each time: a word that repeats itself would let
    plainlint's caches answer for its later parts."""
    return "".join(random.Random(size).choices(string.ascii_lowercase, k=size))


def within_sentence(run: str) -> str:
    """A run of characters inside an ordinary sentence, as a typing slip would leave it."""
    return f"Take your tablets {run} with water.\n"


def sentences(size: int, end: str = ".") -> list[str]:
    """Ordinary sentences up to `size` characters, each ending with `end`."""
    found, total, index = [], 0, 0
    while total < size:
        sentence = SENTENCES[index % len(SENTENCES)].rstrip(".") + end
        found.append(sentence)
        total += len(sentence) + 1
        index += 1
    return found


def nested_divs(size: int) -> str:
    depth = size // len("<div></div>")
    return "<div>" * depth + SENTENCES[0] + "</div>" * depth


def no_full_stops(size: int) -> str:
    paragraph = " ".join(sentences(size, end=""))
    return "# About your operation\n\n" + textwrap.fill(paragraph, 80) + "\n"


def fixable_paragraph(size: int) -> str:
    """One paragraph where every few words have a fix: each finding's fix is placed in
    the same long block of prose."""
    words = "Please utilise the ramp prior to your visit, “as he or she said”. "
    return "# About your visit\n\n" + textwrap.fill(repeated(words, size), 80) + "\n"


def long_list(size: int) -> str:
    return "# What to bring\n\n" + "".join(f"- {s}\n" for s in sentences(size))


def long_table(size: int) -> str:
    rows = [f"| Day {n} | {s} |\n" for n, s in enumerate(sentences(size), 1)]
    return "# Your week\n\n| Day | What happens |\n| --- | --- |\n" + "".join(rows)


def many_headings(size: int) -> str:
    parts = [f"## Step {n}\n\n{s}\n\n" for n, s in enumerate(sentences(size // 2), 1)]
    return "# Your treatment\n\n" + "".join(parts)


def alias_bomb(depth: int, indent: str = "") -> str:
    """The "billion laughs": each level is nine aliases of the one before."""
    lines = [f'{indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, depth + 1):
        aliases = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"{indent}l{level}: &l{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def front_matter_bomb(depth: int) -> str:
    return (
        f"---\ntitle: Your operation\nplainlint:\n{alias_bomb(depth, '  ')}---\n\n{SENTENCES[0]}\n"
    )


def deep_toml_arrays(size: int) -> str:
    depth = (size - 40) // 2
    return f"[tool.plainlint]\nskip_sections = {'[' * depth}{']' * depth}\n"


def deep_toml_tables(size: int) -> str:
    depth = (size - 40) // len("{a=}")
    return f"[tool.plainlint]\nskip_sections = {'{a=' * depth}1{'}' * depth}\n"


def deep_baseline(size: int) -> str:
    depth = (size - 40) // 2
    return '{"version": 1, "files": ' + "[" * depth + "]" * depth + "}\n"


def _page(name: str, what: str, fmt: str, build: Callable[[int], str]) -> Family:
    return Family(name, what, "page", build, fmt)


def _run_families(character: str, label: str) -> list[Family]:
    """A run of one character inside a sentence, in a Markdown page and a text page."""

    def build(size: int) -> str:
        return within_sentence(repeated(character, size))

    return [
        _page(f"md-{label}-run", f"a run of {character} in Markdown", "markdown", build),
        _page(f"txt-{label}-run", f"a run of {character} in plain text", "text", build),
    ]


FAMILIES: list[Family] = [
    _page("html-nested-div", "<div> inside <div>", "html", nested_divs),
    _page("html-a-unclosed", "'<a ' repeated", "html", lambda n: repeated("<a ", n)),
    _page("html-comment-unclosed", "'<!--' repeated", "html", lambda n: repeated("<!--", n)),
    _page(
        "html-cdata-unclosed", "'<![CDATA[' repeated", "html", lambda n: repeated("<![CDATA[", n)
    ),
    _page(
        "html-attribute-unclosed",
        "'<a href=\"' repeated",
        "html",
        lambda n: repeated('<a href="', n),
    ),
    _page("html-pi-unclosed", "'<?' repeated", "html", lambda n: repeated("<?", n)),
    _page("html-end-tag-run", "'</' repeated", "html", lambda n: repeated("</", n)),
    _page("md-image-run", "'![' repeated, no spaces", "markdown", lambda n: repeated("![", n)),
    *_run_families("(", "paren"),
    *_run_families("-", "dash"),
    *_run_families("[", "bracket"),
    *_run_families('"', "quote"),
    _page(
        "md-long-word",
        "one word of letters, no spaces",
        "markdown",
        lambda n: within_sentence(letters(n)),
    ),
    _page(
        "txt-long-word",
        "one word of letters, no spaces",
        "text",
        lambda n: within_sentence(letters(n)),
    ),
    Family(
        "yaml-alias-bomb",
        "settings file: aliases nine wide",
        "settings",
        alias_bomb,
        unit="depth",
        file_name="plainlint.yaml",
    ),
    Family(
        "front-matter-bomb",
        "front matter: aliases nine wide",
        "page",
        front_matter_bomb,
        unit="depth",
    ),
    Family(
        "toml-deep-arrays",
        "pyproject.toml: [[[...]]]",
        "settings",
        deep_toml_arrays,
        file_name="pyproject.toml",
    ),
    Family(
        "toml-deep-tables",
        "pyproject.toml: {a={a=...}}",
        "settings",
        deep_toml_tables,
        file_name="pyproject.toml",
    ),
    Family(
        "baseline-deep",
        "baseline JSON: [[[...]]]",
        "baseline",
        deep_baseline,
        file_name="baseline.json",
    ),
    _page("md-no-full-stops", "one paragraph, no full stops", "markdown", no_full_stops),
    _page("md-long-list", "a very long list", "markdown", long_list),
    _page(
        "md-fixable-paragraph",
        "one paragraph, a fix every few words",
        "markdown",
        fixable_paragraph,
    ),
    _page("md-long-table", "a very long table", "markdown", long_table),
    _page("md-many-headings", "many headings", "markdown", many_headings),
]
BASE_DEPTH = 3  # alias depths 3, 6 and 12: 9^12 expansions would never finish


# -- timing in this process's model -------------------------------------------------


class InProcess:
    """Cases timed in processes forked from this one, once the model has loaded."""

    def __init__(self, memory_gb: float) -> None:
        from plainlint.run.engine import Linter
        from plainlint.settings.loading import load_settings

        self.linter = Linter.create(load_settings())
        self.linter.warm_up()
        self.memory = int(memory_gb * 1024**3)
        if "fork" not in multiprocessing.get_all_start_methods():
            sys.exit("pathological.py: this system cannot fork a process; use --cli")
        self.context = multiprocessing.get_context("fork")

    def time(self, family: Family, text: str, cap: float) -> Timing:
        """The best of up to three runs, each in a new child: a run must not find the
        words of the run before in plainlint's caches. One slow run is enough."""
        best: Timing | None = None
        for _ in range(3):
            timing = self._run(family, text, cap)
            if timing.seconds is None:
                return timing
            if best is None or timing.seconds < best.seconds:
                best = timing
            if timing.seconds > 1:
                break
        return best

    def _run(self, family: Family, text: str, cap: float) -> Timing:
        """Run one case once in a child process; stop it at the cap."""
        receive, send = self.context.Pipe(duplex=False)
        child = self.context.Process(target=self._child, args=(family, text, send))
        child.start()
        send.close()
        if not receive.poll(cap):
            child.kill()
            child.join()
            return Timing(None, f"over {cap:g} s")
        try:
            seconds, outcome = receive.recv()
        except EOFError:
            seconds, outcome = None, "crashed"
        child.join()
        if child.exitcode and seconds is None:
            outcome = f"crashed (exit {child.exitcode})"
        return Timing(seconds, outcome)

    def _child(self, family: Family, text: str, send) -> None:
        _limit_memory(self.memory)
        gc.collect()  # the parent's garbage is not this case's cost
        from plainlint.cli import GC_THRESHOLDS

        gc.set_threshold(*GC_THRESHOLDS)  # as the command itself runs
        try:
            started = time.perf_counter()
            outcome = self._once(family, text)
            send.send((time.perf_counter() - started, outcome))
        except MemoryError:
            send.send((None, f"out of memory (over {self.memory / 1024**3:.2g} GB more)"))
        except BaseException as exc:  # noqa: BLE001 - a bug is one case's outcome
            send.send((None, f"crashed: {type(exc).__name__}: {str(exc)[:60]}"))

    def _once(self, family: Family, text: str) -> str:
        """Check the case once through the CLI's own functions; what became of it."""
        from plainlint.errors import PlainlintError
        from plainlint.run.baseline import load_baseline
        from plainlint.run.engine import Linter
        from plainlint.settings.loading import load_settings

        if family.kind == "page":
            name = f"page.{EXTENSION[family.fmt]}"
            try:
                result = self.linter.check_source(name, text, family.fmt)
            except PlainlintError as exc:  # a page's own mistake: the CLI shows its one line
                return f"refused: {exc.reason}"
            if result.error:
                return f"refused: {result.error}"
            return f"{len(result.findings)} findings"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / family.file_name
            path.write_text(text, encoding="utf-8")
            try:
                if family.kind == "baseline":
                    load_baseline(path)
                else:
                    Linter.create(load_settings(path)).check_source(
                        "page.md", "Hello.\n", "markdown"
                    )
            except PlainlintError as exc:
                return f"refused: {exc.reason}"
        return "read"


def _limit_memory(extra: int) -> None:
    """Let this process use at most `extra` bytes more address space than it has now."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
        now = pages * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (now + extra, now + extra))
    except (OSError, ValueError):
        pass  # not Linux: no limit


# -- timing as separate plainlint processes -----------------------------------------


class AsCli:
    """Cases timed as `python -m plainlint check` processes, start-up included."""

    def __init__(self, memory_gb: float) -> None:
        self.memory = int(memory_gb * 1024**3)
        empty = Family("start-up", "an empty page", "page", lambda size: "")
        self.startup = self.time(empty, "# Start\n\nHello.\n", 60).seconds or 0.0

    def time(self, family: Family, text: str, cap: float) -> Timing:
        """Run one case as its own process; stop it at the cap."""
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            kind = family.kind
            page = work / f"page.{EXTENSION[family.fmt]}"
            page.write_text(text if kind == "page" else "# Start\n\nHello.\n", encoding="utf-8")
            args = [sys.executable, "-m", "plainlint", "check", "--no-cache", "--no-progress"]
            if kind != "page":
                (work / family.file_name).write_text(text, encoding="utf-8")
            if kind == "baseline":
                args += ["--baseline", family.file_name]
            elif kind == "settings" and family.file_name.endswith(".yaml"):
                args += ["--config", family.file_name]
            args.append(page.name)  # a pyproject.toml is found beside the page
            started = time.perf_counter()
            try:
                done = subprocess.run(
                    args,
                    cwd=work,
                    capture_output=True,
                    check=False,
                    text=True,
                    timeout=cap,
                    preexec_fn=lambda: _limit_memory(self.memory),
                )
            except subprocess.TimeoutExpired:
                return Timing(None, f"over {cap:g} s")
            seconds = time.perf_counter() - started
        return Timing(seconds, _cli_outcome(done))


def _cli_outcome(done: subprocess.CompletedProcess) -> str:
    """What a plainlint process did: its one line of refusal, or its findings."""
    if "Traceback" in done.stderr:
        return "crashed: " + done.stderr.strip().splitlines()[-1][:60]
    if done.returncode == 2:
        return "refused: " + (done.stderr.strip().splitlines() or [""])[0].split(": ", 2)[-1]
    if done.returncode not in (0, 1):
        return f"crashed (exit {done.returncode})"
    return "checked"


# -- the table ----------------------------------------------------------------------


def run_family(
    family: Family, timer: InProcess | AsCli, base: int, cap: float, startup: float
) -> None:
    """Time a family at each size and print its row."""
    base_size = BASE_DEPTH if family.unit == "depth" else base
    timings: list[Timing | None] = []
    for times in SIZES:
        if any(timing is None or timing.seconds is None for timing in timings):
            timings.append(None)  # a smaller size was already over the cap
            continue
        text = family.build(family.size(base_size, times))
        timings.append(timer.time(family, text, cap))
    print_row(family, base_size, timings, startup)


def print_row(family: Family, base: int, timings: list[Timing | None], startup: float) -> None:
    cells = [_cell(t) for t in timings]
    ratios = [_ratio(a, b, startup) for a, b in itertools.pairwise(timings)]
    outcome = next((t.outcome for t in reversed(timings) if t is not None), "")
    sizes = "/".join(str(base * times) for times in SIZES) + f" {family.unit}"
    print(
        f"{family.name:<24} {sizes:>14} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9} "
        f"{ratios[0]:>7} {ratios[1]:>7}  {outcome[:70]}",
        flush=True,
    )


def _cell(timing: Timing | None) -> str:
    if timing is None:
        return "-"
    if timing.seconds is None:
        return "over" if timing.outcome.startswith("over") else "failed"
    return f"{timing.seconds:.3f}"


def _ratio(smaller: Timing | None, larger: Timing | None, startup: float) -> str:
    """The cost of one doubling, flagged when above FLAG_ABOVE."""
    if smaller is None or larger is None or smaller.seconds is None:
        return "-"
    if larger.seconds is None:
        return "!"
    low, high = smaller.seconds - startup, larger.seconds - startup
    # Less than this is timer noise (or, for a process, the noise of its start-up).
    if low < (CLI_NOISE if startup else 0.001):
        return "-"
    ratio = high / low
    flag = "!" if ratio > FLAG_ABOVE and high >= NOISE_FLOOR else " "
    return f"{ratio:.2f}{flag}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        action="append",
        metavar="FAMILY",
        help="time only this family (can be given more than once)",
    )
    parser.add_argument(
        "--cli", action="store_true", help="run each case as its own plainlint process"
    )
    parser.add_argument("--list", action="store_true", help="name the families and stop")
    parser.add_argument("--base", type=int, default=25, help="base page size in KB (25)")
    parser.add_argument(
        "--cap", type=float, default=30.0, help="seconds a case may take before it is stopped (30)"
    )
    parser.add_argument(
        "--memory", type=float, default=3.0, help="GB a case may use beyond the loaded model (3)"
    )
    options = parser.parse_args()
    if options.list:
        for family in FAMILIES:
            print(f"{family.name:<24} {family.what}")
        return
    families = FAMILIES
    if options.only:
        known = {family.name for family in FAMILIES}
        unknown = sorted(set(options.only) - known)
        if unknown:
            sys.exit(
                f"pathological.py: no family {', '.join(unknown)}; "
                f"the families are: {', '.join(sorted(known))}"
            )
        families = [family for family in FAMILIES if family.name in options.only]

    started = time.perf_counter()
    timer: InProcess | AsCli = AsCli(options.memory) if options.cli else InProcess(options.memory)
    startup = timer.startup if isinstance(timer, AsCli) else 0.0
    how = "one plainlint process per case" if options.cli else "in-process, model loaded once"
    print(
        f"timing: {how}   cap: {options.cap:g} s a case   cores: {os.cpu_count()}   "
        f"python: {sys.version.split()[0]}"
    )
    if options.cli:
        print(f"start-up (an empty page): {startup:.2f} s, taken off before the ratios")
    runs = "one run each" if options.cli else "best of up to 3 runs"
    print(f"times in seconds ({runs}); '!' marks a doubling that costs over {FLAG_ABOVE}x")
    print()
    header = (
        f"{'family':<24} {'sizes':>14} {'1x':>9} {'2x':>9} {'4x':>9} "
        f"{'2x/1x':>7} {'4x/2x':>7}  outcome at the largest size"
    )
    print(header)
    print("-" * len(header))
    for family in families:
        run_family(family, timer, options.base, options.cap, startup)
    print()
    print(f"total: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
