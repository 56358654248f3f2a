"""Read one table of a TOML file (such as `[tool.plainlint]`) and the line of each key."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from plainlint.errors import ConfigError
from plainlint.io.yaml_lines import KeyPath, LocatedYaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)
_PART = re.compile(r"[A-Za-z0-9_-]+|\"([^\"]*)\"|'([^']*)'")


def read_toml_table(path: Path, table: KeyPath) -> LocatedYaml | None:
    """The table at `table` with its key lines, or None when the file lacks it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read this file ({exc.__class__.__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise ConfigError(f"{path}, line {line}", f"this is not valid TOML: {exc}") from None
    for key in table:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    located = LocatedYaml(str(path), data)
    located.lines = _key_lines(text, table)
    return located


def _key_lines(text: str, table: KeyPath) -> dict[KeyPath, int]:
    """Line of each key path below `table`, from table headers and `key =` lines.

    Items of an array of tables (`[[tool.plainlint.overrides]]`) are numbered
    from 0, as the keys of a YAML list are.
    """
    lines: dict[KeyPath, int] = {}
    arrays: dict[KeyPath, int] = {}  # array of tables -> index of its last item
    current: KeyPath = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            path = _parts(header.group(1))
            if line.lstrip().startswith("[["):
                arrays[path] = arrays.get(path, -1) + 1
            current = _numbered(path, arrays)
            inner = current[len(table) :]
            if current[: len(table)] == table and inner:
                lines.setdefault(inner, number)
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        full = current + _parts(key.group(1))
        if full[: len(table)] == table and len(full) > len(table):
            lines.setdefault(full[len(table) :], number)
    return lines


def _numbered(path: KeyPath, arrays: dict[KeyPath, int]) -> KeyPath:
    """`path` with the index of the current item after each array of tables in it."""
    plain: KeyPath = ()
    result: KeyPath = ()
    for part in path:
        plain += (part,)
        result += (part,)
        if plain in arrays:
            result += (str(arrays[plain]),)
    return result


def _parts(dotted: str) -> KeyPath:
    return tuple(m.group(1) or m.group(2) or m.group(0) for m in _PART.finditer(dotted))


def _line_from_message(message: str) -> int:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else 1
