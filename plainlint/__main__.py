"""Allow `python -m plainlint`."""

from plainlint.cli import main

main()
