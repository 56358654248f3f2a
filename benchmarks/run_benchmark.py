"""Measure plainlint's speed and memory. A script that prints figures, not a test.

Usage:
    python benchmarks/run_benchmark.py                 # a corpus this script builds
    python benchmarks/run_benchmark.py FOLDER          # any folder, e.g. ../shared/corpus/nci
    python benchmarks/run_benchmark.py FOLDER --runs 3

It runs the installed `plainlint check --format json` as a separate process, as
users do, and reports words per second, files per second, peak memory (the
child's maximum resident set size) and the time to check one 300-word page
from a cold start (the pre-commit case).
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
import time
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@dataclass
class Run:
    """One timed process: wall seconds, peak memory in MB, and its JSON report."""

    seconds: float
    peak_mb: float
    report: dict


def plainlint_command() -> list[str]:
    """The installed command, or the module when the script is not on PATH."""
    found = shutil.which("plainlint")
    return [found] if found else [sys.executable, "-m", "plainlint"]


def timed(args: list[str]) -> Run:
    """Run plainlint once, measuring wall time and the child's own peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code not in (0, 1):
            sys.exit(f"plainlint failed ({code}): {err.read().decode()[-500:]}")
        return Run(seconds, usage.ru_maxrss / 1024, json.loads(out.read()))


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


def three_hundred_words(folder: Path) -> Path:
    """One page of about 300 words, for the cold-start figure."""
    text = (EXAMPLES / "chemotherapy.md").read_text(encoding="utf-8")
    words = text.split()[:300]
    page = folder / "one-page.md"
    page.write_text(" ".join(words) + "\n", encoding="utf-8")
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="folder to check")
    parser.add_argument("--runs", type=int, default=1, help="timed runs over the folder")
    args = parser.parse_args()
    command = plainlint_command()
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        folder = args.folder
        if folder is None:
            folder = scratch_path / "corpus"
            folder.mkdir()
            build_corpus(folder)
        runs = [
            timed([*command, "check", "--format", "json", str(folder)]) for _ in range(args.runs)
        ]
        page = three_hundred_words(scratch_path)
        cold = [timed([*command, "check", "--format", "json", str(page)]) for _ in range(3)]
    seconds = statistics.median(r.seconds for r in runs)
    report = runs[0].report
    words = sum(f["metrics"]["words"] for f in report["files"])
    files = len(report["files"])
    print(f"folder:               {folder}")
    print(f"files:                {files}")
    print(f"words:                {words}")
    print(f"findings:             {report['summary']['findings']}")
    print(f"wall time:            {seconds:.2f} s (median of {len(runs)})")
    print(f"words per second:     {words / seconds:,.0f}")
    print(f"files per second:     {files / seconds:.1f}")
    print(f"peak memory:          {max(r.peak_mb for r in runs):.0f} MB")
    print(f"one 300-word page:    {statistics.median(r.seconds for r in cold):.2f} s cold start")


if __name__ == "__main__":
    main()
