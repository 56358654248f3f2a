"""Settings: the built-in rules.yaml, changed by a project's own settings file.

Every value is checked when it is loaded; a mistake is one clear error that
names the file, the line and the key.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from plainlint.documents import READERS
from plainlint.findings import Severity
from plainlint.rules import RULES, Option
from plainlint.yaml_lines import KeyPath, LocatedYaml, load_yaml

TOP_LEVEL_KEYS = ("extensions", "skip_sections", "glossary", "rules")
RULE_KEYS = ("enabled", "severity")


@dataclass
class RuleSettings:
    """Whether a rule runs, how serious its findings are, and its options."""

    enabled: bool
    severity: Severity
    options: dict[str, Any]


@dataclass
class Settings:
    """Everything a check needs to know, after merging."""

    rules: dict[str, RuleSettings] = field(default_factory=dict)
    extensions: dict[str, str] = field(default_factory=dict)
    skip_sections: list[str] = field(default_factory=list)
    glossary_files: list[Path] = field(default_factory=list)

    @property
    def glossaries(self) -> list[Path]:
        """The built-in glossary, then the project's own, in the order they apply."""
        return [default_file("glossary.yaml"), *self.glossary_files]

    def format_for(self, path: Path) -> str | None:
        """The reader for a file, by extension; None when plainlint does not check it."""
        return self.extensions.get(path.suffix.lower())

    def __post_init__(self) -> None:
        self._skipped = frozenset(name.casefold() for name in self.skip_sections)

    def skips(self, sections: tuple[str, ...]) -> bool:
        """True when a block sits under a heading whose text is not checked."""
        return any(h.strip().rstrip(":").casefold() in self._skipped for h in sections)


def default_file(name: str) -> Path:
    """A built-in settings file: inside the installed package, or the source checkout."""
    packaged = resources.files("plainlint") / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def load_settings(config: Path | None = None, glossaries: tuple[Path, ...] = ()) -> Settings:
    """The built-in settings, changed by `config` when one is given.

    Glossary files named in `config` are found relative to it; `glossaries`
    (from the command line) apply after them.
    """
    base = load_yaml(default_file("rules.yaml"))
    _validate(base, require_all=True)
    data = copy.deepcopy(base.data)
    data.setdefault("glossary", [])
    if config is not None:
        project = load_yaml(config)
        _validate(project, require_all=False)
        found = [config.parent / name for name in project.data.pop("glossary", None) or []]
        _merge(data, project.data)
        data["glossary"] = found
    data["glossary"] = [*data["glossary"], *glossaries]
    return _settings(data)


def _settings(data: dict[str, Any]) -> Settings:
    rules = {}
    for rule_id, values in data["rules"].items():
        options = {k: v for k, v in values.items() if k not in RULE_KEYS}
        rules[rule_id] = RuleSettings(values["enabled"], Severity(values["severity"]), options)
    return Settings(
        rules,
        dict(data["extensions"]),
        list(data["skip_sections"]),
        [Path(p) for p in data["glossary"]],
    )


def _merge(base: dict[str, Any], change: dict[str, Any]) -> None:
    """Apply a project's settings: word lists gain entries, other values are replaced."""
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            if all(not isinstance(v, dict) for v in value.values()):
                merged = {**base[key], **value}
                base[key] = {k: v for k, v in merged.items() if v is not None}
            else:
                _merge(base[key], value)
        else:
            base[key] = value


# -- validation ---------------------------------------------------------------


def _validate(located: LocatedYaml, require_all: bool) -> None:
    data = located.data
    if not isinstance(data, dict):
        raise located.error((), "settings must be a mapping of keys to values")
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise located.error(
                (key,), f"unknown setting '{key}'. Known: {', '.join(TOP_LEVEL_KEYS)}"
            )
    if require_all:
        for key in TOP_LEVEL_KEYS:
            if key not in data and key != "glossary":
                raise located.error((), f"the setting '{key}' is missing")
    _check_extensions(located, data.get("extensions", {}))
    sections = data.get("skip_sections", [])
    if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
        raise located.error(("skip_sections",), "skip_sections must be a list of headings")
    files = data.get("glossary", [])
    if not isinstance(files, list) or not all(isinstance(f, str) and f.strip() for f in files):
        raise located.error(("glossary",), "glossary must be a list of glossary file names")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise located.error(("rules",), "rules must be a mapping of rule ids to settings")
    for rule_id, values in rules.items():
        _check_rule(located, rule_id, values, require_all)
    if require_all:
        for rule_id in RULES:
            if rule_id not in rules:
                raise located.error(("rules",), f"the rule '{rule_id}' has no settings")


def _check_extensions(located: LocatedYaml, extensions: Any) -> None:
    if not isinstance(extensions, dict):
        raise located.error(("extensions",), "extensions must map a file extension to a format")
    for extension, format_name in extensions.items():
        keys = ("extensions", str(extension))
        if not str(extension).startswith("."):
            raise located.error(keys, f"'{extension}' must start with a dot, like '.md'")
        if format_name not in READERS:
            raise located.error(
                keys, f"unknown format '{format_name}'. Known: {', '.join(READERS)}"
            )


def _check_rule(located: LocatedYaml, rule_id: str, values: Any, require_all: bool) -> None:
    keys: KeyPath = ("rules", rule_id)
    if rule_id not in RULES:
        raise located.error(keys, f"unknown rule '{rule_id}'. Run 'plainlint rules' to list them")
    if not isinstance(values, dict):
        raise located.error(keys, f"the settings of '{rule_id}' must be a mapping")
    rule = RULES[rule_id]
    for key, value in values.items():
        where = keys + (key,)
        if key == "enabled":
            if not isinstance(value, bool):
                raise located.error(where, "enabled must be true or false")
        elif key == "severity":
            if value not in [s.value for s in Severity]:
                raise located.error(where, "severity must be error, warning or info")
        elif key in rule.options:
            problem = _option_problem(rule.options[key], value)
            if problem:
                raise located.error(where, f"{rule_id}: {key} {problem}")
        else:
            known = ", ".join([*RULE_KEYS, *rule.options])
            raise located.error(where, f"'{rule_id}' has no option '{key}'. Known: {known}")
    if require_all:
        for key in (*RULE_KEYS, *rule.options):
            if key not in values:
                raise located.error(keys, f"'{rule_id}' is missing '{key}'")


def _option_problem(option: Option, value: Any) -> str | None:
    """Why a value does not fit an option, or None when it does."""
    if option.kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if option.kind in ("int", "number"):
        fits = isinstance(value, int) if option.kind == "int" else isinstance(value, (int, float))
        if not fits or isinstance(value, bool):
            return "must be a whole number" if option.kind == "int" else "must be a number"
        if option.minimum is not None and value < option.minimum:
            return f"must be at least {option.minimum:g}"
        return None
    if option.kind == "list":
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return None
        return "must be a list of words"
    if option.kind == "words":
        if not isinstance(value, dict):
            return "must map each word to its plainer alternative"
        for word, alternatives in value.items():
            if not isinstance(word, str):
                return (
                    f"entry '{word}' must be words: put quotes around yes, no, on, off and numbers"
                )
            if alternatives is None:
                continue  # a project switching off a built-in entry
            choices = [alternatives] if isinstance(alternatives, str) else alternatives
            if (
                not str(word).strip()
                or not isinstance(choices, list)
                or not choices
                or not all(isinstance(c, str) and c.strip() for c in choices)
            ):
                return f"entry '{word}' needs a plainer word, or a list of them"
        return None
    raise ValueError(f"unknown option kind {option.kind}")
