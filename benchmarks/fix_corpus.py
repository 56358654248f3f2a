"""Run `plainlint check --fix` over a copy of a folder of real pages and print what it did.
Prints figures; not a test.

Usage:
    python benchmarks/fix_corpus.py ../shared/corpus/nci
    python benchmarks/fix_corpus.py FOLDER --unsafe-fixes
    python benchmarks/fix_corpus.py FOLDER --sample 50 --sample-file fixes.md

The pages are copied to a temporary folder; the originals are never touched.
The script prints:

- how many findings had a safe fix, and a fix that needs review, before fixing, by rule;
- the time `--fix` took, and how many problems it says it fixed;
- after fixing, a fresh check: how many findings with a safe fix are left (the aim is 0),
  and how many of each rule's findings are left;
- whether each Markdown page still reads as the same blocks (headings, paragraphs,
  list items, tables, quotes, images) at the same levels;
- whether a second `--fix` changes anything (it should not).

With --sample N it also writes N safe fixes, chosen at random with a fixed seed,
each shown as the line before and after, and as the page reads once --fix has
made every safe fix on it, for a person to judge in context;
--leave-out names an earlier sample whose fixes are not chosen again.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plainlint.documents import parse_document  # noqa: E402
from plainlint.io.finding_context import line_starts  # noqa: E402


def plainlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """plainlint as users run it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "plainlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def findings(folder: Path) -> dict[str, list[dict]]:
    """Every page's findings, by path, from a check without the results cache."""
    done = plainlint("check", "--no-cache", "--format", "json", ".", cwd=folder)
    return {file["path"]: file["findings"] for file in json.loads(done.stdout)["files"]}


def fix_counts(found: dict[str, list[dict]]) -> tuple[Counter[str], Counter[str]]:
    """Findings with a safe fix, and with a fix that needs review, by rule."""
    safe: Counter[str] = Counter()
    review: Counter[str] = Counter()
    for items in found.values():
        for item in items:
            if "fix" in item:
                (safe if item["fix"]["safe"] else review)[item["rule"]] += 1
    return safe, review


def shape(path: Path) -> list[tuple[str, int]]:
    """A Markdown page's blocks as (kind, level): what --fix must never change."""
    document = parse_document(str(path), path.read_text(encoding="utf-8"), "markdown")
    return [(block.kind.value, block.level) for block in document.blocks]


def in_context(source: str, item: dict) -> tuple[str, str]:
    """The finding's line before and after its safe fix is made."""
    starts = line_starts(source)
    first = item["fix"]["edits"][0]["line"]
    last = max(edit["end_line"] for edit in item["fix"]["edits"])
    begin = starts[first - 1]
    end = starts[last] if last < len(starts) else len(source)
    before = source[begin:end]
    after = before
    for edit in sorted(item["fix"]["edits"], key=lambda e: (e["line"], e["column"]), reverse=True):
        start = starts[edit["line"] - 1] + edit["column"] - 1 - begin
        stop = starts[edit["end_line"] - 1] + edit["end_column"] - 1 - begin
        after = after[:start] + edit["text"] + after[stop:]
    return before.strip(), after.strip()


def _same_lines(before: str, after: str, item: dict) -> str:
    """The finding's lines in the page as --fix left it (fixes never add or remove lines)."""
    first = item["fix"]["edits"][0]["line"]
    last = max(edit["end_line"] for edit in item["fix"]["edits"])
    return "\n".join(after.split("\n")[first - 1 : last]).strip()


def _heading(path: str, item: dict) -> str:
    """How a sample names a fix: its rule, its words and its place."""
    return f"{item['rule']}: “{item['text']}” ({path}:{item['line']})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--unsafe-fixes", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--sample-file", type=Path, default=Path("fix-sample.md"))
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--leave-out",
        type=Path,
        help="an earlier sample file: fixes judged there are not chosen again",
    )
    options = parser.parse_args()
    extra = ["--unsafe-fixes"] if options.unsafe_fixes else []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "pages"
        shutil.copytree(options.folder, folder)
        pages = sorted(folder.rglob("*.md"))
        shapes = {page: shape(page) for page in pages}
        texts = {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in pages}
        before = findings(folder)
        safe, review = fix_counts(before)
        print(f"Pages: {len(pages)} Markdown of {sum(1 for _ in folder.rglob('*') if _.is_file())}")
        print(f"Findings before: {sum(len(v) for v in before.values())}")
        print(f"  with a safe fix: {sum(safe.values())} {dict(safe.most_common())}")
        print(
            f"  with a fix that needs review: {sum(review.values())} {dict(review.most_common())}"
        )

        started = time.perf_counter()
        done = plainlint("check", "--fix", "--no-cache", *extra, ".", cwd=folder)
        seconds = time.perf_counter() - started
        print(
            f"--fix took {seconds:.2f} s, exit code {done.returncode}; it said: "
            f"{done.stderr.strip().splitlines()[-1] if done.stderr.strip() else '(nothing)'}"
        )

        after = findings(folder)
        left_safe, left_review = fix_counts(after)
        print(f"Findings after: {sum(len(v) for v in after.values())}")
        print(f"  safe fixes left: {sum(left_safe.values())} {dict(left_safe)}")
        print(f"  fixes that need review left: {sum(left_review.values())}")
        changed = [
            page
            for page in pages
            if page.read_text(encoding="utf-8") != texts[str(page.relative_to(folder))]
        ]
        same_shape = sum(1 for page in pages if shape(page) == shapes[page])
        print(f"Pages changed: {len(changed)}; same block structure: {same_shape} of {len(pages)}")

        second = plainlint("check", "--fix", "--no-cache", *extra, ".", cwd=folder)
        print(f"A second --fix said: {second.stderr.strip().splitlines()[-1]}")

        if options.sample:
            chosen = [
                (path, item)
                for path, items in sorted(before.items())
                for item in items
                if "fix" in item and item["fix"]["safe"]
            ]
            random.Random(options.seed).shuffle(chosen)
            if options.leave_out is not None:
                judged = set(
                    re.findall(r"^## \d+\. (.*)$", options.leave_out.read_text("utf-8"), re.M)
                )
                chosen = [(p, i) for p, i in chosen if _heading(p, i) not in judged]
            lines = ["# Safe fixes to judge in context", ""]
            for number, (path, item) in enumerate(chosen[: options.sample], 1):
                old, new = in_context(texts[path], item)
                change = "; ".join(f"“{e['text']}”" for e in item["fix"]["edits"])
                lines += [
                    f"## {number}. {_heading(path, item)}",
                    "",
                    f"Change: “{item['text']}” becomes {change}",
                    "",
                    f"Before: {old}",
                    "",
                    f"After: {new}",
                    "",
                    f"After --fix, with every safe fix on the page: {_same_lines(texts[path], (folder / path).read_text(encoding='utf-8'), item)}",
                    "",
                ]
            options.sample_file.write_text("\n".join(lines), encoding="utf-8")
            print(f"Wrote {min(options.sample, len(chosen))} safe fixes to {options.sample_file}")


if __name__ == "__main__":
    main()
