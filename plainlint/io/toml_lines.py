"""Read one table of a TOML file (such as `[tool.plainlint]`) and the line of each key."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from plainlint.errors import ConfigError
from plainlint.io.yaml_lines import MAX_DEPTH, KeyPath, LocatedYaml, read_settings_text

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
    text = read_settings_text(path)
    deep = deep_key_line(text)
    if deep is not None:
        raise ConfigError(f"{path}, line {deep}", _TOO_DEEP)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise ConfigError(f"{path}, line {line}", f"this is not valid TOML: {exc}") from None
    except RecursionError:  # the TOML reader goes one level down per bracket
        raise ConfigError(str(path), _TOO_DEEP) from None
    for key in table:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    if _depth(data) > MAX_DEPTH:  # later steps (checking, copying) would go as deep
        raise ConfigError(str(path), _TOO_DEEP)
    located = LocatedYaml(str(path), data)
    located.lines = _key_lines(text, table)
    return located


def deep_key_line(text: str) -> int | None:
    """The line of a key with more than MAX_DEPTH dotted parts (`a.a.a… = 1`), or None.

    Python's TOML reader takes memory out of all proportion to such keys (a
    200 KB line of them filled 23 GB), so they are refused before it reads them.
    A dot inside a quoted part counts too: no real key comes near the limit.
    """
    for number, line in enumerate(text.splitlines(), 1):
        if line.count(".") > MAX_DEPTH and line.split("=", 1)[0].count(".") > MAX_DEPTH:
            return number
    return None


_TOO_DEEP = f"this TOML is nested too deeply (more than {MAX_DEPTH} levels of arrays and tables)"


def _depth(data: object) -> int:
    """How many arrays and tables are inside one another in `data`, without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((v, depth + 1) for v in _values(value))
    return deepest


def _values(container: dict | list) -> list[object]:
    return list(container.values()) if isinstance(container, dict) else container


def _key_lines(text: str, table: KeyPath) -> dict[KeyPath, int]:
    """Line of each key path below `table`, from table headers and `key =` lines.

    Items of an array of tables (`[[tool.plainlint.overrides]]`) are numbered
    from 0, as the keys of a YAML list are.
    """
    lines: dict[KeyPath, int] = {}
    arrays: dict[KeyPath, int] = {}  # array of tables -> index of its last item
    current: KeyPath = ()
    outside = _lines_outside_values(text)
    for number, line in enumerate(text.split("\n"), start=1):
        if number not in outside:  # inside a string or array of several lines
            continue
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


def _lines_outside_values(text: str) -> set[int]:
    """Numbers of the lines that start outside every value: where a header or key can be.

    A string of several lines (\"\"\"...\"\"\" or '''...''') or an array written over
    several lines can hold text that looks like "[table]" or "key = ...".
    """
    outside = {1}
    depth = 0  # open brackets and braces of values
    line = 1
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char == "\n":
            line += 1
            if depth == 0:
                outside.add(line)
            i += 1
        elif char == "#":  # a comment runs to the end of the line
            i = text.find("\n", i)
            i = end if i < 0 else i
        elif char in "\"'":
            i, line = _string_end(text, i, line)  # lines it spans are not outside
        elif char in "[{":
            depth += 1
            i += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
            i += 1
        else:
            i += 1
    return outside


def _string_end(text: str, start: int, line: int) -> tuple[int, int]:
    """Where the string at `start` ends: (index after it, the line it ends on)."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        i = start + 3
        while i < len(text):
            if quote == '"' and text[i] == "\\":
                line += text[i + 1 : i + 2] == "\n"
                i += 2
            elif text.startswith(quote * 3, i):
                i += 3
                for _ in range(2):  # up to two more quotes belong to the text
                    if text[i : i + 1] == quote:
                        i += 1
                return i, line
            else:
                line += text[i] == "\n"
                i += 1
        return i, line
    i = start + 1
    while i < len(text) and text[i] != "\n":
        if quote == '"' and text[i] == "\\":
            i += 2
        elif text[i] == quote:
            return i + 1, line
        else:
            i += 1
    return i, line


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
