"""Settings: the built-in rules.yaml, changed by a project's settings, its overrides
for some paths, and a page's own front matter.

A project's settings file is found the way ruff and markdownlint find theirs:
`plainlint.yaml` or `.plainlint.yaml` in the current folder or the nearest
folder above it, or a `[tool.plainlint]` table in `pyproject.toml`. The search
stops at the root of the git repository.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pathspec

from plainlint.errors import ConfigError
from plainlint.findings import Severity
from plainlint.io.toml_lines import read_toml_table
from plainlint.io.yaml_lines import LocatedYaml, YamlProblem, load_yaml
from plainlint.settings.checks import (
    RULE_KEYS,
    RUN_KEYS,
    file_size,
    validate_page_settings,
    validate_settings,
)
from plainlint.settings.ignore_files import repository_root

CONFIG_NAMES = ("plainlint.yaml", ".plainlint.yaml")
PYPROJECT_TABLE = ("tool", "plainlint")


@dataclass
class RuleSettings:
    """Whether a rule runs, how serious its findings are, and its options."""

    enabled: bool
    severity: Severity
    options: dict[str, Any]


@dataclass
class Override:
    """Settings for the pages that match `files` globs and `front_matter` values."""

    files: list[str]
    front_matter: dict[str, Any]
    data: dict[str, Any]  # the rules and skip_sections it changes
    where: str  # "file, line N", to show in `plainlint config`

    def __post_init__(self) -> None:
        self._spec = pathspec.GitIgnoreSpec.from_lines(self.files)

    def describe(self) -> str:
        """The override in one line: where it is, and which pages it is for."""
        parts = []
        if self.files:
            parts.append("files " + ", ".join(self.files))
        if self.front_matter:
            parts.append(
                "front matter " + ", ".join(f"{k}: {v}" for k, v in self.front_matter.items())
            )
        return f"override at {self.where} ({'; '.join(parts)})"

    def applies(self, relative: str | None, front_matter: dict[str, Any]) -> bool:
        """True when a page at `relative` (to the project root) with this front matter matches."""
        if self.files and (relative is None or not self._spec.match_file(relative)):
            return False
        for key, wanted in self.front_matter.items():
            value = front_matter.get(key)
            values = value if isinstance(value, list) else [value]
            if str(wanted).casefold() not in {str(v).casefold() for v in values if v is not None}:
                return False
        return True


@dataclass
class Settings:
    """Everything a check needs to know, after merging."""

    rules: dict[str, RuleSettings] = field(default_factory=dict)
    extensions: dict[str, str] = field(default_factory=dict)
    skip_sections: list[str] = field(default_factory=list)
    glossary_files: list[Path] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    overrides: list[Override] = field(default_factory=list)
    root: Path = field(default_factory=Path)  # where globs start: the settings file's folder
    sources: list[str] = field(default_factory=list)  # where the settings came from
    switched_off: frozenset[str] = frozenset()  # rules a page's overrides or front matter stop
    data: dict[str, Any] = field(default_factory=dict, repr=False)  # merged, before overrides
    config: Path | None = None  # the project's settings file, if it has one
    fail_on: str | None = None  # the gate the project's runs share, unless the command line says
    baseline: Path | None = None  # relative to the settings file's folder, in the file
    max_file_size: int = 5 << 20  # bytes: larger files get one line, not a long wait
    max_seconds_per_file: float = 60.0  # a file that takes longer gets one line, not a hang

    def __post_init__(self) -> None:
        self._skipped = frozenset(name.casefold() for name in self.skip_sections)
        self._include = pathspec.GitIgnoreSpec.from_lines(self.include)
        self._exclude = pathspec.GitIgnoreSpec.from_lines(self.exclude)
        self._pages: dict[str, Settings] = {}
        self._root = os.path.join(os.path.abspath(self.root), "")  # ends with a separator

    @property
    def glossaries(self) -> list[Path]:
        """The built-in glossary, then the project's own, in the order they apply."""
        return [default_file("glossary.yaml"), *self.glossary_files]

    def format_for(self, path: Path) -> str | None:
        """The reader for a file, by extension; None when plainlint does not check it."""
        return self.extensions.get(path.suffix.lower())

    def skips(self, sections: tuple[str, ...]) -> bool:
        """True when a block sits under a heading whose text is not checked."""
        return any(h.strip().rstrip(":").casefold() in self._skipped for h in sections)

    def relative(self, path: Path) -> str | None:
        """`path` relative to the project root, with forward slashes; None when outside it.

        The path is read as written, not where a link in it points, as git reads it.
        """
        absolute = os.path.abspath(path)
        if not absolute.startswith(self._root):
            return None
        return absolute[len(self._root) :].replace(os.sep, "/") or "."

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        """True when an `exclude` glob matches the path (a folder's path ends in "/")."""
        relative = self.relative(path)
        if relative is None or not self.exclude:
            return False
        return self._exclude.match_file(relative + "/" if is_dir else relative)

    def included(self, path: Path) -> bool:
        """True when there are no `include` globs, or one of them matches the path."""
        if not self.include:
            return True
        relative = self.relative(path)
        return relative is not None and self._include.match_file(relative)

    def for_page(
        self,
        path: Path,
        front_matter: dict[str, Any] | None = None,
        page: LocatedYaml | None = None,
    ) -> Settings:
        """The settings for one page: overrides that match it, then its own `plainlint:` settings."""
        if not self.overrides and page is None:
            return self
        matter = front_matter or {}
        relative = self.relative(path)
        indexes = [i for i, o in enumerate(self.overrides) if o.applies(relative, matter)]
        if not indexes and page is None:
            return self
        if page is not None:
            validate_page_settings(page)
        matching = [self.overrides[i] for i in indexes]
        key = json.dumps([indexes, page.data if page else None], sort_keys=True, default=str)
        if key not in self._pages:
            data = copy.deepcopy(self.data)
            for override in matching:
                _merge(data, copy.deepcopy(override.data))
            if page is not None:
                _merge(data, copy.deepcopy(page.data))
            sources = [*self.sources, *(f"override at {o.where}" for o in matching)]
            if page is not None:
                sources.append(f"the page's front matter ({page.path})")
            chosen = _settings(data, self.root, sources)
            changes = [o.data for o in matching] + ([page.data] if page is not None else [])
            chosen.switched_off = _switched_off(changes)
            self._pages[key] = chosen
        return self._pages[key]


def default_file(name: str) -> Path:
    """A built-in settings file: inside the installed package, or the source checkout."""
    packaged = resources.files("plainlint") / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / name  # plainlint/settings/ -> the checkout


def find_config(start: Path) -> Path | None:
    """The project's settings file: in `start` or the nearest folder above it.

    The search stops at the root of the git repository that holds `start`.
    A `pyproject.toml` counts only when it has a `[tool.plainlint]` table.
    A folder that cannot be opened is passed over, so a locked folder is one
    line about its files, not a stopped run.
    """
    start = start.resolve()
    stop = repository_root(start)
    for folder in (start, *start.parents):
        try:
            for name in CONFIG_NAMES:
                if (folder / name).is_file():
                    return folder / name
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and read_toml_table(pyproject, PYPROJECT_TABLE) is not None:
                return pyproject
        except OSError:
            pass  # a folder plainlint cannot open: its files say why when they are read
        if folder == stop:
            break
    return None


def read_config(path: Path) -> LocatedYaml:
    """A project's settings file, YAML or `[tool.plainlint]` in a TOML file."""
    if path.suffix.lower() == ".toml":
        located = read_toml_table(path, PYPROJECT_TABLE)
        if located is None:
            raise ConfigError(str(path), "this file has no [tool.plainlint] table")
        return located
    return load_yaml(path)


def load_settings(
    config: Path | None = None,
    glossaries: tuple[Path, ...] = (),
    discover_from: Path | None = None,
) -> Settings:
    """The built-in settings, changed by the project's settings file.

    That file is `config` when given, or else the one found from
    `discover_from`. Glossary files and globs in it are read relative to its
    folder; `glossaries` (from the command line) apply after its glossaries.
    """
    base = load_yaml(default_file("rules.yaml"))
    validate_settings(base, built_in=True)
    data = copy.deepcopy(base.data)
    data.setdefault("glossary", [])
    if config is None and discover_from is not None:
        config = find_config(discover_from)
    root = Path(os.path.abspath(config)).parent if config else (discover_from or Path("."))
    sources = ["built-in rules.yaml"]
    overrides: list[Override] = []
    run: dict[str, Any] = {}
    if config is not None:
        project = read_config(config)
        validate_settings(project)
        sources.append(str(config))
        # How a run ends is not a page's setting: it stays out of what the cache compares.
        run = {key: project.data.pop(key) for key in RUN_KEYS if key in project.data}
        data["glossary"] = [str(root / name) for name in project.data.pop("glossary", None) or []]
        for index, item in enumerate(project.data.pop("overrides", None) or []):
            where = f"{config}, line {project.line(('overrides', str(index)))}"
            files = item.get("files", [])
            overrides.append(
                Override(
                    [files] if isinstance(files, str) else list(files),
                    dict(item.get("front_matter", {})),
                    {k: v for k, v in item.items() if k not in ("files", "front_matter")},
                    where,
                )
            )
        _merge(data, project.data)
    data["glossary"] = [*data["glossary"], *(str(g) for g in glossaries)]
    settings = _settings(data, root, sources)
    settings.overrides = overrides
    settings.config = config
    settings.fail_on = run.get("fail_on")
    if "baseline" in run:
        settings.baseline = root / run["baseline"]
    return settings


def page_settings(source: str, front_matter: dict[str, Any], name: str) -> LocatedYaml | None:
    """The `plainlint:` key of a page's front matter, with the line of each key.

    The lines are those of the page: YAML front matter starts on line 2.
    """
    if front_matter.get("plainlint") is None:
        return None  # no key, or an empty one as page templates often leave it
    located = LocatedYaml(name, front_matter["plainlint"])
    lines = source.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
        try:
            whole = load_yaml(name, "\n".join(lines[1:end]))
        except YamlProblem as exc:  # its line counts from the first line after "---"
            raise ConfigError(f"{name}, line {exc.line + 1}", exc.reason) from None
        located.lines = {
            keys[1:]: line + 1
            for keys, line in whole.lines.items()
            if keys[:1] == ("plainlint",) and len(keys) > 1
        }
        located.lines[()] = whole.lines.get(("plainlint",), 0) + 1
    return located


def _settings(data: dict[str, Any], root: Path, sources: list[str]) -> Settings:
    rules = {}
    for rule_id, values in data["rules"].items():
        options = {k: v for k, v in values.items() if k not in RULE_KEYS}
        rules[rule_id] = RuleSettings(values["enabled"], Severity(values["severity"]), options)
    return Settings(
        rules=rules,
        extensions=dict(data["extensions"]),
        skip_sections=list(data["skip_sections"]),
        glossary_files=[Path(p) for p in data.get("glossary", [])],
        include=list(data.get("include", [])),
        exclude=list(data.get("exclude", [])),
        respect_gitignore=bool(data.get("respect_gitignore", True)),
        max_file_size=file_size(data["max_file_size"]) or Settings.max_file_size,
        max_seconds_per_file=float(data["max_seconds_per_file"]),
        root=root,
        sources=sources,
        data=data,
    )


def _switched_off(changes: list[dict[str, Any]]) -> frozenset[str]:
    """Rules whose last word in these changes, in order, is `enabled: false`."""
    last: dict[str, bool] = {}
    for change in changes:
        for rule_id, values in (change.get("rules") or {}).items():
            if isinstance(values, dict) and "enabled" in values:
                last[rule_id] = values["enabled"]
    return frozenset(rule_id for rule_id, enabled in last.items() if not enabled)


def _merge(base: dict[str, Any], change: dict[str, Any]) -> None:
    """Apply settings on top of others: word lists gain entries, other values are replaced."""
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            if all(not isinstance(v, dict) for v in value.values()):
                merged = {**base[key], **value}
                base[key] = {k: v for k, v in merged.items() if v is not None}
            else:
                _merge(base[key], value)
        else:
            base[key] = value
