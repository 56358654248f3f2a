"""Draw the README's picture: plainlint's real report on an example page, as an SVG.

Run it after changing messages: python3 scripts/make_readme_picture.py
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "examples/biopsy.html"
OUTPUT = ROOT / "docs" / "report.svg"
COLUMNS = 96
LINE_HEIGHT = 20
COLOURS = {"error": "#ff6b6b", "warning": "#ffd166", "info": "#8ecae6"}


def report_lines(limit: int = 5) -> list[tuple[str, str]]:
    """The first findings of a real run, wrapped, each line with its colour."""
    run = subprocess.run(
        [sys.executable, "-m", "plainlint", "check", "--color", "never", PAGE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    findings = [line for line in run.stdout.splitlines() if line.startswith(f"{PAGE}:")]
    lines = [(f"$ plainlint check {PAGE}", "#e9ecef")]
    for finding in findings[:limit]:
        severity = finding.split(": ", 2)[1].split()[0]
        colour = COLOURS.get(severity, "#e9ecef")
        for n, part in enumerate(textwrap.wrap(finding, COLUMNS, subsequent_indent="    ")):
            lines.append((part, colour if n == 0 else "#e9ecef"))
    if len(findings) > limit:
        lines.append((f"    … and {len(findings) - limit} more", "#e9ecef"))
    lines.append((run.stdout.strip().splitlines()[-1], "#e9ecef"))
    return lines


def picture(lines: list[tuple[str, str]]) -> str:
    """The SVG for these lines: tests compare it with the README's picture."""
    width, height = COLUMNS * 8 + 40, len(lines) * LINE_HEIGHT + 40
    rows = "\n".join(
        f'  <text x="20" y="{30 + n * LINE_HEIGHT}" fill="{colour}">{escape(text)}</text>'
        for n, (text, colour) in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="monospace" font-size="13">\n'
        f'  <rect width="100%" height="100%" rx="8" fill="#1e2127"/>\n{rows}\n</svg>\n'
    )


def main() -> None:
    lines = report_lines()
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(picture(lines), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(lines)} lines)")


if __name__ == "__main__":
    main()
