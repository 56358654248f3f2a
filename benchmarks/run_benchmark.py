"""Measure plainlint's speed and memory beside other prose linters. Prints figures; not a test.

Usage:
    python benchmarks/run_benchmark.py                  # a corpus this script builds
    python benchmarks/run_benchmark.py FOLDER           # e.g. ../shared/corpus/nci
    python benchmarks/run_benchmark.py FOLDER --runs 5  # median of 5 runs each
    python benchmarks/run_benchmark.py FOLDER --proselint PATH --alex PATH

Every tool runs as its own process over the same folder, as users run it.
proselint (pip install proselint) and alex (npm install alex) are measured
when they are on PATH or named with --proselint and --alex; plainlint's
figures are then shown as ratios to proselint's time. The script prints:

- a table: tool, wall seconds (median), words per second, peak memory, ratio;
- plainlint's own cases: a full check with an empty results cache, a re-run
  with nothing changed, one job against two, half the words against all of
  them, and one 300-word page from a cold start (the pre-commit case);
- each target from the speed issue, met or not.

Python programs run as on a usual machine, writing their bytecode caches on
the first run (the untimed one), even where PYTHONDONTWRITEBYTECODE is set:
an installed package has them.

Timed runs print findings as text, each tool's default; one untimed
plainlint run in JSON counts the words.

Peak memory is the most the whole process tree held at once: plainlint's
worker processes are added up. It is read from /proc as PSS (memory shared
between processes counts once, split between them), sampled every 20 ms.
Where /proc is missing, the largest single process's peak is shown instead.
Reading /proc that often takes a tenth of the time of two cores, so memory
comes from one extra run of each command, and timed runs are not watched.

plainlint, proselint and alex take turns over the folder, one run each in
every round, so that a machine that slows down for a while slows them all.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE_EVERY = 0.02  # seconds
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    """One timed process: wall seconds, peak memory in MB, and what it printed."""

    seconds: float
    peak_mb: float
    output: bytes


@dataclass
class Figure:
    """The median of several runs of one command."""

    label: str
    seconds: float
    peak_mb: float


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_EVERY):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """The process and every process below it, from /proc."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                waiting.extend(int(child) for child in children)
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    """A process's proportional set size in kB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def timed(args: list[str], cwd: Path, watch_memory: bool = False) -> Run:
    """Run a command once: wall time, its output, and with `watch_memory` the peak
    memory of its whole tree (else 0)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err, cwd=cwd, env=ENVIRONMENT)
        sampler = TreeMemory(process.pid)
        if watch_memory:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if watch_memory:
            sampler.stop()
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        errors = err.read().decode(errors="replace")
        if code not in (0, 1) or "Traceback (most recent call last)" in errors:
            sys.exit(f"{args[0]} failed ({code}): {errors[-500:]}")
        peak_kb = (sampler.peak_kb or usage.ru_maxrss) if watch_memory else 0
        return Run(seconds, peak_kb / 1024, out.read())


@dataclass
class Case:
    """A command to measure; `before` runs before each run of it (emptying a cache)."""

    label: str
    args: list[str]
    before: Callable[[], None] | None = None

    def run(self, cwd: Path, watch_memory: bool = False) -> Run:
        if self.before is not None:
            self.before()
        return timed(self.args, cwd, watch_memory)


def measure(cases: list[Case], cwd: Path, runs: int) -> list[Figure]:
    """The median time over `runs` rounds, the cases taking turns in each round, and
    the peak memory of one more run of each."""
    seconds: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for found, case in zip(seconds, cases):
            found.append(case.run(cwd).seconds)
    return [
        Figure(case.label, statistics.median(found), case.run(cwd, watch_memory=True).peak_mb)
        for found, case in zip(seconds, cases)
    ]


def plainlint_command() -> list[str]:
    """The command installed beside this Python (such as .venv/bin), else on PATH,
    else the module."""
    beside = Path(sys.executable).parent / "plainlint"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("plainlint")
    return [found] if found else [sys.executable, "-m", "plainlint"]


def build_corpus(folder: Path, pages: int = 200, seed: int = 7) -> None:
    """Write `pages` Markdown pages made of shuffled paragraphs from the examples."""
    random.seed(seed)
    paragraphs = []
    for example in EXAMPLES.glob("*.*"):
        text = example.read_text(encoding="utf-8")
        paragraphs += [p for p in text.split("\n\n") if p.strip() and not p.startswith("<")]
    for number in range(pages):
        chosen = random.sample(paragraphs, k=min(len(paragraphs), 24))
        body = "\n\n".join(chosen)
        (folder / f"page-{number:04d}.md").write_text(f"# Page {number}\n\n{body}\n")


def half_of(folder: Path, words: dict[str, int], target: Path) -> int:
    """Copy every other file (by size order) into `target`: about half the words."""
    names = sorted(words, key=lambda name: words[name])
    chosen = names[::2]
    for name in chosen:
        shutil.copy2(folder / name, target / Path(name).name)
    return sum(words[name] for name in chosen)


def three_hundred_words(folder: Path) -> Path:
    """One page of about 300 words, for the cold-start figure."""
    text = (EXAMPLES / "chemotherapy.md").read_text(encoding="utf-8")
    page = folder / "one-page.md"
    page.write_text(" ".join(text.split()[:300]) + "\n", encoding="utf-8")
    return page


def version_of(args: list[str]) -> str:
    """What a tool prints as its version, in one line."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="folder to check")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (median)")
    parser.add_argument("--proselint", help="the proselint command (default: from PATH)")
    parser.add_argument("--alex", help="the alex command (default: from PATH)")
    args = parser.parse_args()
    plainlint = plainlint_command()
    proselint = args.proselint or shutil.which("proselint")
    alex = args.alex or shutil.which("alex")
    runs = args.runs
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = args.folder
        if folder is None:
            folder = scratch / "corpus"
            folder.mkdir()
            build_corpus(folder)
        folder = folder.resolve()
        cache = scratch / "cache"

        def empty_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        check = [*plainlint, "check", "--cache-dir", str(cache)]
        first = timed([*check, "--format", "json", "--no-cache", str(folder)], scratch)
        report = json.loads(first.output)
        words_per_file = {
            str(Path(f["path"]).relative_to(folder)): f["metrics"]["words"] for f in report["files"]
        }
        words = sum(words_per_file.values())
        half_folder = scratch / "half"
        half_folder.mkdir()
        half_words = half_of(folder, words_per_file, half_folder)
        page = three_hundred_words(scratch)

        cold = Case("plainlint, empty cache", [*check, str(folder)], empty_cache)
        others: list[tuple[Case, str]] = []
        if proselint:
            name = f"proselint {version_of([proselint, 'version'])}"
            others.append((Case(name, [proselint, "check", str(folder)]), "proselint"))
        if alex:
            name = f"alex {version_of([alex, '--version'])}"
            others.append((Case(name, [alex, str(folder)]), "alex"))
        for case, _ in others:
            case.run(scratch)  # once untimed, as plainlint's JSON run: files in the disk cache
        side_by_side = measure([cold, *(case for case, _ in others)], scratch, runs)
        # The last run above filled the cache for the whole folder: re-runs come next.
        rerun = measure([Case("plainlint, re-run (cached)", [*check, str(folder)])], scratch, runs)
        own = measure(
            [
                Case(
                    "plainlint --jobs 1, empty cache",
                    [*check, "--jobs", "1", str(folder)],
                    empty_cache,
                ),
                Case(
                    "plainlint, half the words, empty cache",
                    [*check, str(half_folder)],
                    empty_cache,
                ),
                Case("plainlint, one 300-word page, cold start", [*check, str(page)], empty_cache),
            ],
            scratch,
            runs,
        )
        figures = dict(
            zip(("cold", "rerun", "one job", "half", "page"), [side_by_side[0], *rerun, *own])
        )
        others_figures = [(figure, tool) for figure, (_, tool) in zip(side_by_side[1:], others)]

    base = next((figure.seconds for figure, tool in others_figures if tool == "proselint"), None)
    print(f"folder: {folder}")
    print(f"files: {len(report['files'])}   words: {words:,}   findings: ", end="")
    print(f"{report['summary']['findings']:,}   runs: median of {runs}   cores: {os.cpu_count()}")
    print()
    header = f"{'tool':<44} {'wall s':>8} {'words/s':>10} {'peak MB':>8} {'× proselint':>12}"
    print(header)
    print("-" * len(header))
    rows = [figures["cold"], figures["rerun"], figures["one job"]]
    rows += [figure for figure, _ in others_figures]
    for figure in rows:
        ratio = f"{figure.seconds / base:.2f}" if base else "-"
        rate = words / figure.seconds
        print(
            f"{figure.label:<44} {figure.seconds:>8.2f} {rate:>10,.0f} "
            f"{figure.peak_mb:>8.0f} {ratio:>12}"
        )
    half, page_figure = figures["half"], figures["page"]
    print(
        f"{half.label:<44} {half.seconds:>8.2f} {half_words / half.seconds:>10,.0f} "
        f"{half.peak_mb:>8.0f} {'-':>12}"
    )
    print(
        f"{page_figure.label:<44} {page_figure.seconds:>8.2f} {'':>10} {page_figure.peak_mb:>8.0f}"
    )
    print()
    scaling = (figures["cold"].seconds / half.seconds) / (words / half_words)
    speedup = figures["one job"].seconds / figures["cold"].seconds
    peak = max(f.peak_mb for f in figures.values())
    targets = [
        (
            "one 300-word page, cold start",
            f"{page_figure.seconds:.2f} s",
            "at most 1.6 s",
            page_figure.seconds <= 1.6,
        ),
        ("peak memory over the folder", f"{peak:.0f} MB", "at most 400 MB", peak <= 400),
        ("time for twice the words", f"{scaling * 2:.2f}×", "at most 2.1×", scaling * 2 <= 2.1),
        (
            f"--jobs {os.cpu_count()} against --jobs 1",
            f"{speedup:.2f}× faster",
            "at least 1.7× on 2 cores",
            speedup >= 1.7,
        ),
    ]
    if base:
        cold, rerun = figures["cold"].seconds / base, figures["rerun"].seconds / base
        targets[:0] = [
            (
                "full check, empty cache",
                f"{cold:.2f}× proselint",
                "at most 1.0× (stretch 0.5×)",
                cold <= 1.0,
            ),
            ("re-run, nothing changed", f"{rerun:.3f}× proselint", "at most 0.05×", rerun <= 0.05),
        ]
    print(f"{'target':<36} {'measured':>20}  {'goal':<28} met")
    for name, value, goal, met in targets:
        print(f"{name:<36} {value:>20}  {goal:<28} {'yes' if met else 'NO'}")
    if not base:
        print("(proselint is not installed: install it to see the ratios)")


if __name__ == "__main__":
    main()
