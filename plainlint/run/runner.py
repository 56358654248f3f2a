"""Run a check over many files: the results cache first, then the files it lacks,
in one process or several, with results in the same order either way."""

from __future__ import annotations

import gc
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from plainlint.errors import InputError, PlainlintError
from plainlint.findings import FileResult
from plainlint.run.engine import Linter, shown_name
from plainlint.run.files import Target, read_text
from plainlint.run.read_ahead import ReadAhead, end_with_parent

if TYPE_CHECKING:
    from plainlint.run.progress import Progress
    from plainlint.run.results_cache import ResultsCache

# Below this many files to check, starting more processes costs more than it saves.
MIN_FILES_PER_JOB = 2
# Files checked together, so that their sentences are parsed in one batch.
GROUP_SIZE = 16
# Characters of text in the smallest group, when groups shrink towards the end.
MIN_GROUP_TEXT = 8_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Job:
    """A file read and waiting to be checked; `key` is its cache entry."""

    name: str
    source: str
    format_name: str
    key: str | None

    @property
    def as_file(self) -> tuple[str, str, str]:
        """(name, source, format), as the linter takes a file."""
        return self.name, self.source, self.format_name


@dataclass(frozen=True)
class _Raised:
    """A settings or model error from a worker, to raise again in the main process."""

    kind: type[PlainlintError]
    where: str
    reason: str


@dataclass
class Runner:
    """Checks files with a linter, a results cache (or none) and `jobs` processes."""

    linter: Linter
    cache: ResultsCache | None = None
    jobs: int = 1
    progress: Progress | None = None
    # With --fix: each file's text and format as checked, by its shown name, and the
    # path each shown name came from (a name with bytes that are not UTF-8 is shown
    # with "�", so only its path can open it).
    sources: dict[str, tuple[str, str]] | None = None
    paths: dict[str, list[Path]] = field(default_factory=dict)

    def check_targets(self, targets: Iterable[Target]) -> Iterator[FileResult]:
        """A result for each target, in order.

        Every file is read and looked up in the cache first; only files
        without an entry are checked, and nothing heavy loads when there are none.
        """
        ready: list[FileResult | _Job] = [self._prepare(target) for target in targets]
        if self.progress is not None:
            self.progress.total += len(ready)  # named files and folders come in groups
        yield from self._finish(ready)

    def check_sources(self, files: list[tuple[str, str, str]]) -> list[FileResult]:
        """Results for texts in memory, as (name, text, format): fixed pages checked again,
        several at once and through the cache, as files are."""
        ready = [self._job(*file) for file in files]
        if self.progress is not None:
            self.progress.total += len(ready)
        return list(self._finish(ready))

    def _finish(self, ready: list[FileResult | _Job]) -> Iterator[FileResult]:
        """Check the jobs among `ready`, and give every result in order."""
        waiting = [item for item in ready if isinstance(item, _Job)]
        checked = self._check(waiting)
        for item in ready:
            if isinstance(item, _Job):
                result = next(checked)
                if self.cache is not None and item.key is not None:
                    self.cache.put(item.key, result)
            else:
                result = item
            if self.progress is not None:
                self.progress.advance()
            yield result

    def check_text(self, name: str, source: str, format_name: str) -> FileResult:
        """One text already in memory (standard input), through the cache."""
        job = self._job(name, source, format_name)
        if isinstance(job, FileResult):
            return job
        result = self.linter.check_text(name, source, format_name)
        if self.cache is not None and job.key is not None:
            self.cache.put(job.key, result)
        return result

    def _prepare(self, target: Target) -> FileResult | _Job:
        name = shown_name(target.path)
        if self.sources is not None:
            self.paths.setdefault(name, []).append(target.path)
        if target.problem:
            return FileResult(name, error=target.problem)
        settings = self.linter.settings_for(target.path)
        format_name = settings.format_for(target.path)
        assert format_name is not None
        try:
            source = read_text(target.path, settings.max_file_size, format_name)
        except InputError as exc:
            return FileResult(name, error=exc.reason)
        return self._job(name, source, format_name)

    def _job(self, name: str, source: str, format_name: str) -> FileResult | _Job:
        """The cached result for this text, or a job to check it."""
        if self.sources is not None:
            self.sources[name] = (source, format_name)
        if self.cache is None:
            return _Job(name, source, format_name, None)
        key = self.cache.key(name, format_name, source, self.linter.settings_for(Path(name)))
        return self.cache.get(key, name) or _Job(name, source, format_name, key)

    def _check(self, jobs: list[_Job]) -> Iterator[FileResult]:
        """Results for `jobs` in order, in groups that parse together, from workers when it pays."""
        import multiprocessing

        workers = max(1, min(self.jobs, len(jobs) // MIN_FILES_PER_JOB))
        if "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
        groups = _groups(jobs, workers)
        if workers < 2:
            for group in groups:
                yield from self.linter.check_texts([job.as_file for job in group])
            return
        # Load the model here, once: forked workers share its memory. Another core
        # reads the last groups of files meanwhile.
        read_ahead = ReadAhead.start([[job.as_file for job in group] for group in groups])
        try:
            yield from self._check_in_workers(groups, workers, read_ahead)
        finally:
            read_ahead.remove()

    def _check_in_workers(
        self, groups: list[list[_Job]], workers: int, read_ahead: ReadAhead
    ) -> Iterator[FileResult]:
        import multiprocessing

        try:
            self.linter.warm_up()
        finally:
            read_ahead.stop()
        global _LINTER, _GROUPS, _READ_AHEAD
        _LINTER, _GROUPS, _READ_AHEAD = self.linter, groups, read_ahead
        # Objects made so far are never collected: the workers' collector then
        # leaves their memory alone, so it stays shared with this process.
        gc.freeze()
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        try:
            for outcome in pool.map(_check_group, range(len(groups))):
                if isinstance(outcome, _Raised):
                    raise outcome.kind(outcome.where, outcome.reason)
                yield from outcome
        except BrokenProcessPool:
            raise PlainlintError(
                "a worker process",
                "stopped before it finished, perhaps because the computer ran out of memory. "
                "Try again with --jobs 1",
            ) from None
        finally:
            _stop(pool)
            gc.unfreeze()
            _GROUPS, _READ_AHEAD = [], None


def _groups(jobs: list[_Job], workers: int) -> list[list[_Job]]:
    """Files in page order, in groups that are checked together.

    With one worker, groups of GROUP_SIZE files, which parse well together.
    With more, groups hold about equal amounts of text, and get smaller
    towards the end, so that no worker is left with a long last group while
    the others wait: each is at most a third of a worker's share of what is
    still to come.
    """
    if workers < 2:
        return [jobs[start : start + GROUP_SIZE] for start in range(0, len(jobs), GROUP_SIZE)]
    remaining = sum(len(job.source) for job in jobs)
    groups: list[list[_Job]] = []
    group: list[_Job] = []
    size = 0
    for job in jobs:
        if not group:
            target = max(MIN_GROUP_TEXT, remaining // (workers * 3))
        group.append(job)
        size += len(job.source)
        remaining -= len(job.source)
        if size >= target or len(group) == GROUP_SIZE:
            groups.append(group)
            group, size = [], 0
    if group:
        groups.append(group)
    return groups


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, even in the middle of a file (after Ctrl-C or an error)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True)


_LINTER: Linter | None = None  # the linter a forked worker inherits
_GROUPS: list[list[_Job]] = []  # and the groups of files, so only their numbers are sent
_READ_AHEAD: ReadAhead | None = None  # and where to find the groups read ahead


def _start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the main process, which stops them all, and end with it
    when it is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent)


def _check_group(number: int) -> list[FileResult] | _Raised:
    assert _LINTER is not None
    try:
        documents = _READ_AHEAD.documents(number) if _READ_AHEAD is not None else None
        return _LINTER.check_texts([job.as_file for job in _GROUPS[number]], documents)
    except PlainlintError as exc:
        return _Raised(type(exc), exc.where, exc.reason)
