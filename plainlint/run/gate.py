"""How a run ends, file by file: each file's own project decides which baseline hides
its old findings and how serious a finding must be to fail the run.

A repository can hold several projects, each with its own settings file. A
page must give the same result whichever folder plainlint runs from, and
whether it arrives as a file or on standard input, so the baseline and
`fail_on` come from the page's own settings, not from the current folder's.
The command line still wins: `--baseline` and `--fail-on` apply to every file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from plainlint.errors import ConfigError
from plainlint.findings import FileResult, Severity
from plainlint.run.baseline import Baseline, Sources, load_baseline
from plainlint.settings.loading import Settings

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2


@dataclass
class Gate:
    """The baselines and thresholds for a run's files."""

    project_of: Callable[[Path], Settings]  # a file's project settings
    fail_on: str | None = None  # --fail-on: every file
    baseline: Baseline | None = None  # --baseline: every file
    use_baselines: bool = True  # False with --no-baseline or --write-baseline
    _loaded: dict[Path, Baseline] = field(default_factory=dict)

    def baseline_for(self, name: str) -> Baseline | None:
        """The baseline that holds a file's old findings, if any."""
        if self.baseline is not None or not self.use_baselines:
            return self.baseline
        settings = self.project_of(Path(name))
        if settings.baseline is None:
            return None
        if settings.baseline not in self._loaded:
            self._loaded[settings.baseline] = _load_named(settings)
        return self._loaded[settings.baseline]

    def without_old(
        self, results: list[FileResult], sources: Sources, prune: bool = False
    ) -> tuple[list[FileResult], dict[Path, int]]:
        """The results with only new findings; with `prune`, each baseline in use loses
        the findings that are gone, and how many each lost is given back."""
        groups: dict[int, tuple[Baseline, list[int]]] = {}
        for index, result in enumerate(results):
            known = self.baseline_for(result.path)
            if known is not None:
                groups.setdefault(id(known), (known, []))[1].append(index)
        kept = list(results)
        pruned: dict[Path, int] = {}
        for known, indexes in groups.values():
            mine = [results[i] for i in indexes]
            if prune and known.path is not None:
                taken = set(indexes)
                others = [r for i, r in enumerate(results) if i not in taken]
                new, pruned[known.path] = known.prune(mine, sources, others)
            else:
                new = known.new_findings(mine, sources)
            for index, result in zip(indexes, new):
                kept[index] = result
        return kept, pruned

    def threshold(self, name: str) -> str:
        """The least serious finding that fails the run for this file, or "never"."""
        return self.fail_on or self.project_of(Path(name)).fail_on or "error"

    def exit_code(self, results: list[FileResult]) -> int:
        """2 when a file could not be checked, 1 when a finding is at or above its file's
        threshold, else 0."""
        if any(result.error is not None for result in results):
            return EXIT_TROUBLE
        for result in results:
            threshold = self.threshold(result.path)
            if threshold == "never":
                continue
            rank = Severity(threshold).rank
            if any(finding.severity.rank >= rank for finding in result.findings):
                return EXIT_FINDINGS
        return 0


def _load_named(settings: Settings) -> Baseline:
    """The baseline a settings file names, or one line saying how to record it."""
    assert settings.baseline is not None
    try:
        return load_baseline(settings.baseline)
    except ConfigError as exc:
        if settings.baseline.exists():
            raise
        folder = _shown(settings.baseline.parent if settings.config is None else settings.root)
        raise ConfigError(
            str(settings.config),
            f"the baseline '{_shown(settings.baseline)}' it names does not exist; record it "
            f"with: plainlint check {folder} --write-baseline {_shown(settings.baseline)}",
        ) from exc


def _shown(path: Path) -> str:
    """A path as short as it can be: from the current folder when it is inside it."""
    try:
        return Path(path).absolute().relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return str(path)
