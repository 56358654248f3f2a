"""Time limits for checking one file: `max_seconds_per_file`.

A deadline is a SIGALRM timer that raises `TimeUp` in the step it limits.
It can only run in the main thread, and where the system has the timer; it
shares the one timer with any alarm set before it (a test runner's own limit),
which still comes on time. Loading the model or word lists, once per run, can
stop the clock, so it is not counted against the page that needed them.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator


class TimeUp(BaseException):
    """A time limit ran out. Not an Exception, so no `except Exception` on the way (in
    plainlint or in a library) can swallow it and carry on."""


class _Alarm:
    """SIGALRM at a deadline, sharing the one timer with whoever set it before (a test
    runner's own time limit, say): their alarm still comes on time, and theirs is set
    again when this one is removed."""

    def __init__(self, seconds: float) -> None:
        now = time.monotonic()
        self.ends = now + seconds
        self.armed = True  # False once it has raised, or its step is over: it never raises again
        self.paused = False
        delay, self.earlier_interval = signal.getitimer(signal.ITIMER_REAL)
        self.earlier_ends: float | None = now + delay if delay else None
        self.earlier_handler = signal.signal(signal.SIGALRM, self._ring)

    def arm(self) -> None:
        """Set the timer for whichever comes first: this deadline or the earlier alarm."""
        times = [self.earlier_ends] if self.earlier_ends is not None else []
        if self.armed and not self.paused:
            times.append(self.ends)
        delay = max(min(times) - time.monotonic(), 1e-4) if times else 0
        signal.setitimer(signal.ITIMER_REAL, delay)

    def _ring(self, signum: int, frame: Any) -> None:
        now = time.monotonic()
        if self.earlier_ends is not None and now >= self.earlier_ends:
            interval = self.earlier_interval
            self.earlier_ends = now + interval if interval else None
            self.arm()
            if callable(self.earlier_handler):
                self.earlier_handler(signum, frame)
            return
        if self.armed and not self.paused and now >= self.ends:
            self.armed = False
            raise TimeUp
        self.arm()  # a little early, or paused: wait for the rest

    def remove(self) -> None:
        """Stop the timer and give SIGALRM back as it was, the earlier alarm included."""
        signal.setitimer(signal.ITIMER_REAL, 0)
        earlier = self.earlier_handler
        signal.signal(signal.SIGALRM, earlier if earlier is not None else signal.SIG_DFL)
        if self.earlier_ends is not None:
            left = max(self.earlier_ends - time.monotonic(), 1e-4)
            signal.setitimer(signal.ITIMER_REAL, left, self.earlier_interval)


_ALARMS: list[_Alarm] = []  # the deadline running now, if any


def _can_time() -> bool:
    """Whether this thread can have a deadline: SIGALRM goes to the main thread only, and
    some systems (Windows) have no timer for it."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def within(seconds: float, step: Callable[..., Any], *args: Any) -> Any:
    """`step(*args)`, stopped by TimeUp when it takes longer than `seconds`.

    Where there is no timer, and inside another deadline, the step runs
    without a limit of its own. The timer is always stopped afterwards, even
    when the deadline comes as the step ends.
    """
    if _ALARMS or not _can_time():
        return step(*args)
    alarm = _Alarm(seconds)
    _ALARMS.append(alarm)
    try:
        try:
            alarm.arm()
            return step(*args)
        finally:
            alarm.armed = False  # from here on it cannot raise, so the clean-up below runs
    finally:
        _ALARMS.clear()
        alarm.remove()


@contextmanager
def untimed() -> Iterator[None]:
    """Stop the clock of the deadline running now, if any: loading the model or word
    lists, once per run, is not counted against the page that happens to need them."""
    if not _ALARMS or threading.current_thread() is not threading.main_thread():
        yield
        return
    alarm = _ALARMS[0]
    started = time.monotonic()
    alarm.paused = True
    alarm.arm()
    try:
        yield
    finally:
        alarm.ends += time.monotonic() - started
        alarm.paused = False
        alarm.arm()
