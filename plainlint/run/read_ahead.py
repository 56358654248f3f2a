"""Read the last groups of files while the language model loads.

Loading the model takes a second or more on one core, and the other cores
wait. A helper process, started before the load, reads the Markdown and HTML
of the groups that are checked last and leaves each group's documents in a
private folder. Workers take a group's documents from there when they are
ready, and read the files themselves when they are not: the helper only
ever saves work, so a helper that fails or is slow changes nothing else.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainlint.documents import Document, parse_document

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.synchronize import Event

# How long to wait for the helper to stop after the model has loaded: it stops
# after the file it is reading, which takes milliseconds.
STOP_WAIT = 2.0  # seconds
# Where the system cannot end a child with its parent, how often a child looks for it.
PARENT_CHECK_INTERVAL = 1.0  # seconds
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass
class ReadAhead:
    """A helper process reading groups of (name, source, format) files, last group first."""

    folder: Path
    process: BaseProcess | None
    stop_flag: Event | None

    @classmethod
    def start(cls, groups: list[list[tuple[str, str, str]]]) -> ReadAhead:
        """Start the helper; without a way to start it, nothing is read ahead."""
        import multiprocessing

        folder = Path(tempfile.mkdtemp(prefix="plainlint-"))
        try:
            context = multiprocessing.get_context("fork")
            stop_flag = context.Event()
            process = context.Process(
                target=_read_groups, args=(folder, groups, stop_flag, os.getpid()), daemon=True
            )
            process.start()
        except (OSError, ValueError):
            return cls(folder, None, None)
        return cls(folder, process, stop_flag)

    def stop(self) -> None:
        """Ask the helper to stop after the file it is reading, and wait for it."""
        if self.process is None or self.stop_flag is None:
            return
        self.stop_flag.set()
        self.process.join(STOP_WAIT)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()

    def documents(self, number: int) -> list[Document | None] | None:
        """The documents of group `number` when the helper read it, else None."""
        try:
            with open(self.folder / f"{number}.pickle", "rb") as file:
                found: Any = pickle.load(file)  # noqa: S301 - written by this run, in its own folder
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return found if isinstance(found, list) else None

    def remove(self) -> None:
        """Stop the helper and delete what it read."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def end_with_parent(parent: int) -> None:
    """In a forked child (a worker or the helper): end when the run that started it ends.

    A run stopped with SIGKILL, or one that crashes, would otherwise leave its
    children running on their own, each holding the language model in memory.
    On Linux the system kills the child when its parent goes (the parent
    thread, strictly: children are started from the main thread); elsewhere
    a thread looks for a new parent every second. SIGTERM gets back its
    usual meaning: the main process's handler turns it into a Ctrl-C, which
    would not end a child.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _killed_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent went before the system was told
        os._exit(1)


def _killed_with_parent() -> bool:
    """Ask Linux to send this process SIGKILL when its parent ends; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """End this process as soon as its parent is gone (it then has a new parent)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_INTERVAL)
    os._exit(1)


def _read_groups(
    folder: Path, groups: list[list[tuple[str, str, str]]], stop_flag: Event, parent: int
) -> None:
    """In the helper: read each group, last first, into one file per group.

    A group is written to a temporary name and then renamed, so a worker
    never finds half of one. A file that cannot be read is left as None for
    the worker, which reads it again and reports the problem as usual.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process
    end_with_parent(parent)
    try:
        for number in reversed(range(len(groups))):
            documents: list[Document | None] = []
            for name, source, format_name in groups[number]:
                if stop_flag.is_set():
                    return
                try:
                    documents.append(parse_document(name, source, format_name))
                except Exception:  # noqa: BLE001 - the worker reads it again and says why
                    documents.append(None)
            partial = folder / f"{number}.partial"
            try:
                with open(partial, "wb") as file:
                    pickle.dump(documents, file, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(partial, folder / f"{number}.pickle")
            except (OSError, pickle.PicklingError, RecursionError):
                partial.unlink(missing_ok=True)  # the worker reads this group itself
    except Exception:  # noqa: BLE001, S110 - the workers read whatever is missing
        pass
