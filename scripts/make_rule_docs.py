"""Write docs/rules/: a page for each rule and an index, made from the rules and rules.yaml.

Run it after changing a rule's text, examples or options, or rules.yaml:
python scripts/make_rule_docs.py
tests/test_rule_docs.py fails until the pages on disk match. Pages of rules that
no longer exist are removed, so no link points at an old rule.
"""

from __future__ import annotations

from pathlib import Path

from plainlint.io.atomic_files import write_atomically
from plainlint.rules.pages import DOCS_FOLDER, all_pages
from plainlint.settings.loading import load_settings

ROOT = Path(__file__).resolve().parent.parent


def make_rule_docs(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """Write the pages that changed and remove stale ones; return both lists of paths."""
    pages = all_pages(load_settings().rules)  # the built-in settings, not a project's
    (root / DOCS_FOLDER).mkdir(parents=True, exist_ok=True)
    written = []
    for relative, text in pages.items():
        path = root / relative
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            write_atomically(path, text)  # a crash never leaves half a page
            written.append(relative)
    removed = []
    for path in sorted((root / DOCS_FOLDER).glob("*.md")):
        relative = path.relative_to(root).as_posix()
        if relative not in pages:
            path.unlink()
            removed.append(relative)
    return written, removed


def main() -> None:
    written, removed = make_rule_docs()
    for relative in written:
        print(f"wrote {relative}")
    for relative in removed:
        print(f"removed {relative}")
    if not written and not removed:
        print(f"{DOCS_FOLDER} is up to date")


if __name__ == "__main__":
    main()
