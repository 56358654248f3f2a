"""Checks for settings files: every key and value, with the file and line of a mistake.

The built-in rules.yaml must set everything; a project's file, an override and
a page's own settings may set any part of it.
"""

from __future__ import annotations

import re
from typing import Any

import pathspec

from plainlint.documents import READERS
from plainlint.findings import Severity
from plainlint.io.yaml_lines import KeyPath, LocatedYaml
from plainlint.rules import RULES, Option

BASE_KEYS = ("extensions", "skip_sections", "rules", "max_file_size", "max_seconds_per_file")
RUN_KEYS = ("fail_on", "baseline")  # how a whole run ends: a project's file only
LIMIT_KEYS = ("max_file_size", "max_seconds_per_file")  # guards against huge or odd files
PROJECT_KEYS = (
    *BASE_KEYS,
    "glossary",
    "include",
    "exclude",
    "respect_gitignore",
    "overrides",
    *RUN_KEYS,
)
FAIL_ON = ("error", "warning", "info", "never")
OVERRIDE_KEYS = ("files", "front_matter", "skip_sections", "rules")
PAGE_KEYS = ("skip_sections", "rules")
RULE_KEYS = ("enabled", "severity")


def validate_settings(located: LocatedYaml, built_in: bool = False) -> None:
    """Check the built-in settings (everything must be set) or a project's settings."""
    data = located.data
    if not isinstance(data, dict):
        raise located.error((), "settings must be a mapping of keys to values")
    _check_keys(located, (), data, PROJECT_KEYS)
    if built_in:
        for key in BASE_KEYS:
            if key not in data:
                raise located.error((), f"the setting '{key}' is missing")
    _check_extensions(located, data.get("extensions", {}))
    _check_section_list(located, (), data)
    for key in ("glossary", "include", "exclude"):
        _check_text_list(located, (key,), data.get(key, []))
    if not isinstance(data.get("respect_gitignore", True), bool):
        raise located.error(("respect_gitignore",), "respect_gitignore must be true or false")
    _check_run_keys(located, data)
    _check_limits(located, data)
    _check_rules(located, (), data.get("rules", {}), built_in)
    overrides = data.get("overrides", [])
    if not isinstance(overrides, list):
        raise located.error(("overrides",), "overrides must be a list, each with 'files:' globs")
    for index, override in enumerate(overrides):
        _check_override(located, ("overrides", str(index)), override)


def _check_run_keys(located: LocatedYaml, data: dict) -> None:
    """`fail_on` and `baseline`: the gate every run of this project shares."""
    if "fail_on" in data and data["fail_on"] not in FAIL_ON:
        raise located.error(("fail_on",), f"fail_on must be one of {', '.join(FAIL_ON)}")
    baseline = data.get("baseline")
    if "baseline" in data and not (isinstance(baseline, str) and baseline.strip()):
        raise located.error(("baseline",), "baseline must be the name of a baseline file")


def _check_limits(located: LocatedYaml, data: dict) -> None:
    """`max_file_size` (such as "5 MB") and `max_seconds_per_file` (a number above 0)."""
    if "max_file_size" in data and file_size(data["max_file_size"]) is None:
        raise located.error(
            ("max_file_size",),
            'max_file_size must be a size such as "5 MB" or "500 KB", or a number of bytes',
        )
    seconds = data.get("max_seconds_per_file", 1)
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 < seconds < 1e6:
        raise located.error(
            ("max_seconds_per_file",), "max_seconds_per_file must be a number of seconds above 0"
        )


def file_size(value: Any) -> int | None:
    """Bytes in a size setting: 5000, "5 MB", "500 KB", "2.5MB"; None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(bytes?|B|KB|MB|GB)?\s*", str(value), re.IGNORECASE)
    if match is None:
        return None
    scale = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30}.get((match[2] or "").lower(), 1)
    size = int(float(match[1]) * scale)
    return size if size > 0 else None


def validate_page_settings(located: LocatedYaml) -> None:
    """Check the settings a page gives itself under `plainlint:` in its front matter."""
    if not isinstance(located.data, dict):
        raise located.error((), "the page's plainlint settings must be a mapping")
    _check_keys(located, (), located.data, PAGE_KEYS)
    _check_section_list(located, (), located.data)
    _check_rules(located, (), located.data.get("rules", {}), False)


def _check_override(located: LocatedYaml, keys: KeyPath, override: Any) -> None:
    if not isinstance(override, dict):
        raise located.error(keys, "each override must be a mapping with 'files:' globs")
    _check_keys(located, keys, override, OVERRIDE_KEYS)
    if "files" not in override and "front_matter" not in override:
        raise located.error(keys, "an override needs 'files:' globs or 'front_matter:' values")
    if "files" in override:
        files = override["files"]
        _check_text_list(located, keys + ("files",), [files] if isinstance(files, str) else files)
    matter = override.get("front_matter", {})
    if matter == {} and "front_matter" in override:
        raise located.error(keys + ("front_matter",), "front_matter must name at least one key")
    if not isinstance(matter, dict) or not all(
        isinstance(v, (str, int, float, bool)) for v in matter.values()
    ):
        raise located.error(
            keys + ("front_matter",), "front_matter must map a front matter key to a value"
        )
    _check_section_list(located, keys, override)
    _check_rules(located, keys, override.get("rules", {}), False)


def _check_keys(located: LocatedYaml, keys: KeyPath, data: dict, known: tuple[str, ...]) -> None:
    for key in data:
        if key not in known:
            raise located.error(
                keys + (str(key),), f"unknown setting '{key}'. Known: {', '.join(known)}"
            )


def _check_text_list(located: LocatedYaml, keys: KeyPath, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        what = "glossary file names" if keys[-1] == "glossary" else "file patterns (globs)"
        raise located.error(keys, f"{keys[-1]} must be a list of {what}")
    if keys[-1] == "glossary":
        return
    if keys[-1] == "files" and not value:
        raise located.error(keys, "files must name at least one file pattern")
    for index, pattern in enumerate(value):
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except Exception:  # noqa: BLE001 - pathspec raises several kinds of error
            raise located.error(
                keys + (str(index),), f"'{pattern}' is not a pattern plainlint can read"
            ) from None


def _check_section_list(located: LocatedYaml, keys: KeyPath, data: dict) -> None:
    sections = data.get("skip_sections", [])
    if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
        raise located.error(keys + ("skip_sections",), "skip_sections must be a list of headings")


def _check_rules(located: LocatedYaml, keys: KeyPath, rules: Any, built_in: bool) -> None:
    if not isinstance(rules, dict):
        raise located.error(keys + ("rules",), "rules must be a mapping of rule ids to settings")
    for rule_id, values in rules.items():
        _check_rule(located, keys + ("rules", str(rule_id)), rule_id, values, built_in)
    if built_in:
        for rule_id in RULES:
            if rule_id not in rules:
                raise located.error(keys + ("rules",), f"the rule '{rule_id}' has no settings")


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


def _check_rule(
    located: LocatedYaml, keys: KeyPath, rule_id: str, values: Any, require_all: bool
) -> None:
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
