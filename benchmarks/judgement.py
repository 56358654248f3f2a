"""Score plainlint's judgement against pages that health editors annotated. Prints figures; not a test.

Usage:
    python benchmarks/judgement.py                   # both halves of benchmarks/devset
    python benchmarks/judgement.py --half tuning     # one half
    python benchmarks/judgement.py --half tuning --details   # list each miss and false alarm

The development set (benchmarks/devset/README.md) holds real patient pages and,
for each, the items editors wrote down before plainlint ever ran on it:
`must_flag` (what an editor wants flagged: rule, line, exact text) and
`must_not_flag` (tricky cases a careless tool gets wrong). This script runs
plainlint over the pages, as users run it (`plainlint check --format json`),
and prints for each rule and half:

- recall: the share of must-flag items that a finding covers;
- false-alarm rate: the share of must-not-flag items that a finding covers;
- findings on the pages and how many of them no annotation mentions;

and checks that every finding's `text` is exactly the source it points at.

How an item is matched. A finding covers an item when its span overlaps the
item's words on the item's line. For the medical-word rules (unexplained-term,
jargon) an editor asks one thing, "explain this word", and cannot know which of
plainlint's lists holds it: a finding from either rule counts. These rules and
unexplained-abbreviation report a word once per page, at its first use, so a
finding on the same word elsewhere on the page counts too (an editor may mark
the heading where a word first appears, plainlint the first sentence that uses
it). For a must-not-flag item that holds only when the editors did not also
ask for the same word to be flagged elsewhere on the page. The "by itself"
column counts only findings from the rule the editor named.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEVSET = Path(__file__).resolve().parent / "devset"
# Rules whose findings stand for the same advice to the writer.
WORD_RULES = frozenset({"unexplained-term", "jargon"})
# Rules that report a word once per page, at its first use: a finding on the same word
# elsewhere on the page stands for the same advice.
SAME_WORD_RULES = WORD_RULES | {"unexplained-abbreviation"}
FAMILIES = {rule: WORD_RULES for rule in WORD_RULES}
TARGETS = {  # rule: (least recall, most false alarms), from the judgement issue
    "unexplained-term": (0.90, 0.03),
    "unexplained-abbreviation": (0.90, 0.03),
    "jargon": (0.80, 0.05),
    # from the issue on the other guidelines
    "address-reader": (0.90, 0.03),
    "gendered-language": (0.90, 0.03),
    "person-first": (0.90, 0.03),
    "plain-words": (0.90, 0.03),
    "link-text": (0.90, 0.03),
    "key-point": (0.90, 0.03),
    "passive-voice": (0.90, 0.05),
}


@dataclass
class Item:
    """One annotation: a rule, where, and the exact words."""

    page: str
    rule: str
    line: int
    text: str
    note: str = ""
    start: int = -1  # 0-based column of the text on its line; -1 when it is not there

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Finding:
    rule: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str

    def overlaps(self, item: Item) -> bool:
        """True when the finding's span overlaps the item's words."""
        start, end = (item.line, item.start + 1), (item.line, item.end + 1)
        return (self.line, self.column) < end and start < (self.end_line, self.end_column)


@dataclass
class Page:
    name: str
    path: Path
    must_flag: list[Item] = field(default_factory=list)
    must_not_flag: list[Item] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _word(text: str) -> str:
    """A word or phrase as compared across a page: lower case, curly quotes straight, no plural."""
    text = re.sub(r"\s+", " ", text.replace("’", "'").lower().strip(" .,;:()'\""))
    return re.sub(r"(?:'s|es|s)$", "", text)


def load_pages(devset: Path) -> dict[str, Page]:
    """Every annotated page, with its items placed on their lines."""
    pages: dict[str, Page] = {}
    for path in sorted((devset / "annotations").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        page_path = devset / "pages" / data["page"]
        lines = page_path.read_text(encoding="utf-8").split("\n")
        page = Page(data["page"], page_path)
        for key in ("must_flag", "must_not_flag"):
            for raw in data.get(key) or []:
                item = Item(data["page"], raw["rule"], int(raw["line"]), str(raw["text"]))
                item.note = str(raw.get("note", ""))
                if 1 <= item.line <= len(lines):
                    item.start = lines[item.line - 1].find(item.text)
                getattr(page, key).append(item)
        pages[data["page"]] = page
    return pages


def load_split(devset: Path) -> dict[str, list[str]]:
    data = yaml.safe_load((devset / "split.yaml").read_text(encoding="utf-8"))
    return {"tuning": list(data["tuning"]), "checking": list(data["checking"])}


def run_plainlint(pages: list[Page]) -> int:
    """Check the pages as a user would; attach findings. Returns plainlint's exit code."""
    command = [sys.executable, "-m", "plainlint", "check", "--format", "json", "--no-cache"]
    done = subprocess.run(
        command + [str(p.path) for p in pages], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        sys.exit(f"plainlint stopped with exit code {done.returncode}:\n{done.stderr}")
    by_path = {str(p.path): p for p in pages}
    for entry in json.loads(done.stdout)["files"]:
        page = by_path[entry["path"]]
        for f in entry["findings"]:
            page.findings.append(
                Finding(
                    f["rule"],
                    f["line"],
                    f["column"],
                    f["end_line"],
                    f["end_column"],
                    f["text"],
                    f["message"],
                )
            )
    return done.returncode


def source_slice(lines: list[str], f: Finding) -> str:
    """The source text from a finding's start to its end (1-based, end column exclusive)."""
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1 : f.end_column - 1]
    parts = [lines[f.line - 1][f.column - 1 :]]
    parts += lines[f.line : f.end_line - 1]
    parts.append(lines[f.end_line - 1][: f.end_column - 1])
    return "\n".join(parts)


def covers(page: Page, item: Item, own_rule_only: bool = False) -> list[Finding]:
    """The findings that match an item (see the module docstring)."""
    rules = {item.rule} if own_rule_only else FAMILIES.get(item.rule, {item.rule})
    found = [f for f in page.findings if f.rule in rules and f.overlaps(item)]
    if not found and item.rule in SAME_WORD_RULES:
        word = _word(item.text)
        if item in page.must_not_flag and any(
            _word(other.text) == word and FAMILIES.get(other.rule, {other.rule}) & rules
            for other in page.must_flag
        ):
            return []  # editors want the word flagged elsewhere: a finding there is no alarm
        found = [f for f in page.findings if f.rule in rules and _word(f.text) == word]
    return found


@dataclass
class Score:
    flag: int = 0
    found: int = 0
    found_alone: int = 0
    not_flag: int = 0
    hit: int = 0
    findings: int = 0
    unannotated: int = 0
    misses: list[Item] = field(default_factory=list)
    alarms: list[tuple[Item, Finding]] = field(default_factory=list)


def score(pages: list[Page]) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for page in pages:
        for item in page.must_flag:
            s = scores[item.rule]
            s.flag += 1
            if covers(page, item):
                s.found += 1
            else:
                s.misses.append(item)
            s.found_alone += bool(covers(page, item, own_rule_only=True))
        for item in page.must_not_flag:
            s = scores[item.rule]
            s.not_flag += 1
            hits = covers(page, item)
            if hits:
                s.hit += 1
                s.alarms.append((item, hits[0]))
        items = page.must_flag + page.must_not_flag
        for f in page.findings:
            s = scores[f.rule]
            s.findings += 1
            if not any(
                f.rule in FAMILIES.get(i.rule, {i.rule})
                and (
                    f.overlaps(i) or (f.rule in SAME_WORD_RULES and _word(f.text) == _word(i.text))
                )
                for i in items
            ):
                s.unannotated += 1
    return scores


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def print_table(half: str, pages: list[Page], scores: dict[str, Score]) -> None:
    print(f"\n{half} half: {len(pages)} pages")
    print(
        f"{'rule':26}{'must-flag':>10}{'found':>7}{'recall':>8}{'by itself':>10}"
        f"{'must-not':>9}{'hit':>5}{'false alarms':>13}{'findings':>9}{'unannotated':>12}"
    )
    for rule in sorted(scores, key=lambda r: (r not in TARGETS, r)):
        s = scores[rule]
        print(
            f"{rule:26}{s.flag:>10}{s.found:>7}{_percent(s.found, s.flag):>8}"
            f"{_percent(s.found_alone, s.flag):>10}{s.not_flag:>9}{s.hit:>5}"
            f"{_percent(s.hit, s.not_flag):>13}{s.findings:>9}{s.unannotated:>12}"
        )


def print_details(scores: dict[str, Score]) -> None:
    for rule, s in sorted(scores.items()):
        for item in s.misses:
            print(f"  missed      {rule:24} {item.page}:{item.line} {item.text!r}  ({item.note})")
        for item, f in s.alarms:
            print(
                f"  false alarm {rule:24} {item.page}:{item.line} {item.text!r} "
                f"<- {f.rule} {f.line}:{f.column} {f.text!r}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--half", choices=["tuning", "checking", "both"], default="both")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()

    pages = load_pages(args.devset)
    split = load_split(args.devset)
    unplaced = [i for p in pages.values() for i in p.must_flag + p.must_not_flag if i.start < 0]
    for item in unplaced:
        print(f"annotation not on its line: {item.page}:{item.line} {item.text!r}")
    run_plainlint(list(pages.values()))

    # Every finding's text must be exactly the source it points at.
    checked = wrong = 0
    for page in pages.values():
        lines = page.path.read_text(encoding="utf-8").split("\n")
        for f in page.findings:
            checked += 1
            if source_slice(lines, f) != f.text:
                wrong += 1
                print(f"text differs from source: {page.name}:{f.line}:{f.column} {f.text!r}")

    halves = ["tuning", "checking"] if args.half == "both" else [args.half]
    summary = []
    for half in halves:
        chosen = [pages[name] for name in split[half]]
        scores = score(chosen)
        print_table(half, chosen, scores)
        if args.details:
            print_details(scores)
        for rule, (least, most) in TARGETS.items():
            s = scores.get(rule, Score())
            recall = s.found / s.flag if s.flag else 0.0
            alarms = s.hit / s.not_flag if s.not_flag else 0.0
            met = "met" if recall >= least and alarms <= most else "not met"
            summary.append(f"{half} {rule} {recall:.0%}/{alarms:.0%} {met}")
    print(f"\nfindings whose text is exactly their source: {checked - wrong} of {checked}")
    print(f"annotations not on their line: {len(unplaced)}")
    counts = Counter(i.rule for p in pages.values() for i in p.must_flag + p.must_not_flag)
    print("items per rule: " + ", ".join(f"{r} {n}" for r, n in sorted(counts.items())))
    print("summary (recall/false alarms): " + "; ".join(summary))


if __name__ == "__main__":
    main()
