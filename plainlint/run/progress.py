"""A one-line progress bar on standard error, for long runs watched on a terminal."""

from __future__ import annotations

import time
from typing import Callable, Mapping, TextIO

BAR_WIDTH = 30
REDRAW_EVERY = 0.1  # seconds
DELAY = 1.0  # seconds before a bar shows, unless PLAINLINT_PROGRESS_DELAY says otherwise
DELAY_SETTING = "PLAINLINT_PROGRESS_DELAY"


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


class Progress:
    """Counts checked files, and draws a bar once the run has lasted `delay` seconds.

    A short run never shows the bar. The bar is rubbed out when the run ends,
    so it never mixes with the findings printed after it.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.done = 0
        self._stream = stream
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._drawn_at: float | None = None
        self._width = 0

    def advance(self, files: int = 1) -> None:
        """Count `files` more as checked, and redraw when it is time."""
        self.done += files
        now = self._clock()
        if now - self._started < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < REDRAW_EVERY:
            if self.done < self.total:
                return
        self._draw(now)

    def close(self) -> None:
        """Rub out the bar, if it was drawn."""
        if self._drawn_at is not None:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._drawn_at = None

    def _draw(self, now: float) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = round(BAR_WIDTH * share)
        line = (
            f"Checking [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} files"
        )
        self._width = max(self._width, len(line))
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()
        self._drawn_at = now
