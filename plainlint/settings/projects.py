"""Which settings apply to each file: those of the nearest settings file at or above
the file's own folder, as ruff finds its settings.

A repository can hold several projects (a site, and a folder of leaflets with
its own word lists). Each file follows its own project's settings, whichever
folder plainlint runs from. A settings file named with `--config` or
`PLAINLINT_CONFIG` applies to every file instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from plainlint.settings.loading import Settings, find_config, load_settings


class Projects:
    """Settings for each file, each settings file read once however many files use it."""

    def __init__(
        self,
        config: Path | None = None,
        glossaries: tuple[Path, ...] = (),
        cwd: Path | None = None,
        fixed: Settings | None = None,
    ) -> None:
        """`config` (from --config) or `fixed` settings apply to every file, if given."""
        self.cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self._glossaries = glossaries
        if fixed is None and config is not None:
            fixed = load_settings(config, glossaries)
        self._fixed = fixed
        self._found: dict[str, Path | None] = {}  # folder -> its settings file
        self._loaded: dict[Path | None, Settings] = {}  # settings file -> its settings

    @classmethod
    def of(cls, settings: Settings | Projects) -> Projects:
        """Projects as they are, or one set of settings for every file."""
        return settings if isinstance(settings, Projects) else cls(fixed=settings)

    def for_path(self, path: Path, is_dir: bool = False) -> Settings:
        """The settings for a file, or for the files in a folder."""
        if self._fixed is not None:
            return self._fixed
        absolute = os.path.abspath(path)
        return self._settings(self._config_in(absolute if is_dir else os.path.dirname(absolute)))

    def for_run(self, paths: list[Path]) -> Settings:
        """The settings that decide where the run keeps its results cache: the current
        folder's project, or else the one project that every path named belongs to.
        How the run ends is each file's own project's choice (run/gate.py)."""
        if self._fixed is not None:
            return self._fixed
        here = self._config_in(str(self.cwd))
        if here is None and paths:
            found = {self._config_in(self._folder(path)) for path in paths}
            if len(found) == 1:
                here = found.pop()
        return self._settings(here)

    def _folder(self, path: Path) -> str:
        absolute = os.path.abspath(path)
        return absolute if os.path.isdir(absolute) else os.path.dirname(absolute)

    def _config_in(self, folder: str) -> Path | None:
        """The settings file for a folder, found once per folder."""
        if folder not in self._found:
            self._found[folder] = find_config(Path(folder))  # a folder not made yet: its parents
        return self._found[folder]

    def _settings(self, config: Path | None) -> Settings:
        if config not in self._loaded:
            # No settings file: the built-in settings, with globs (none) from this folder.
            self._loaded[config] = load_settings(config, self._glossaries)
        return self._loaded[config]
