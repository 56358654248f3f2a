"""A one-line progress bar on standard error, for long runs watched on a terminal.

The bar is tqdm's, the one spaCy already installs: it waits before it shows,
redraws at most ten times a second and rubs itself out at the end. plainlint
decides only whether a person is watching, and how long to wait.
"""

from __future__ import annotations

import io
import os
import time
from functools import lru_cache
from typing import Any, Mapping, TextIO

BAR_WIDTH = 30
REDRAW_EVERY = 0.1  # seconds
DELAY = 1.0  # seconds before a bar shows, unless PLAINLINT_PROGRESS_DELAY says otherwise
DELAY_SETTING = "PLAINLINT_PROGRESS_DELAY"
UNKNOWN_SIZE = (200, 50)  # columns and rows assumed when a terminal does not say
BAR_FORMAT = f"Checking [{{bar:{BAR_WIDTH}}}] {{n_fmt}}/{{total_fmt}} files"


def progress_delay(environ: Mapping[str, str]) -> float:
    """How long a run lasts before the bar shows, in seconds; ValueError for a bad setting."""
    value = environ.get(DELAY_SETTING, "").strip()
    if not value:
        return DELAY
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"{DELAY_SETTING}: '{value}' is not a time in seconds, such as 2.5")
    return seconds


def progress_wanted(output_format: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """True when a person is watching: text output, a terminal, and not a CI job.

    Machine formats (JSON, SARIF, JUnit, GitHub) never get a bar, and neither
    does a CI log, which would fill with half-drawn lines.
    """
    if output_format != "text" or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@lru_cache(maxsize=1)
def _bar_class() -> Any:
    """tqdm with no watcher thread, as the runner forks worker processes from this one.

    Imported only when a bar is wanted: a run that finds every file in the
    results cache is over in a third of a second, and tqdm would add 20 ms.
    """
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and rows, or a wide and tall one where it does not say.

    tqdm draws nothing at all on a terminal that reports 0 columns or rows, as a
    new pseudo-terminal does until it is told its size.
    """
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return UNKNOWN_SIZE
    return (size.columns or UNKNOWN_SIZE[0], size.lines or UNKNOWN_SIZE[1])


class Progress:
    """Counts checked files, and draws a bar once the run has lasted `delay` seconds.

    A short run never shows the bar. The bar is rubbed out when the run ends,
    so it never mixes with the findings printed after it. The total grows as
    the runner finds more files to check.
    """

    def __init__(self, total: int, stream: TextIO, delay: float = DELAY) -> None:
        self._delay = delay
        self._started = time.monotonic()
        columns, rows = _size(stream)
        self._bar = _bar_class()(
            ncols=columns,
            nrows=rows,
            total=total,
            file=stream,
            delay=delay,
            leave=False,
            miniters=1,
            mininterval=REDRAW_EVERY,
            bar_format=BAR_FORMAT,
            ascii=".#",
        )

    @property
    def total(self) -> int:
        return int(self._bar.total or 0)

    @total.setter
    def total(self, files: int) -> None:
        self._bar.total = files

    @property
    def done(self) -> int:
        return int(self._bar.n)

    def advance(self, files: int = 1) -> None:
        """Count `files` more as checked; the bar redraws when it is time."""
        self._bar.update(files)
        if self._bar.n >= self.total and self._showing():
            self._bar.refresh()  # the last count shows, however soon after the one before

    def clear(self) -> None:
        """Rub out the bar for a moment, so a line can be written in its place."""
        if self._showing():
            self._bar.clear()

    def _showing(self) -> bool:
        return time.monotonic() - self._started >= self._delay

    def close(self) -> None:
        """Rub out the bar, if it was drawn."""
        self._bar.close()
