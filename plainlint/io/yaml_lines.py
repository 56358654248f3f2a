"""Load YAML and remember the line of every key, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plainlint.errors import ConfigError

# libyaml's parser when PyYAML has it: the same results, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str, ...]


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two keys out in full at each, not as an anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Plain YAML for people to read: no `&id001` anchors, keys in their own order."""
    return yaml.dump(
        data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100
    ).rstrip()


def parse_yaml(text: str) -> Any:
    """YAML text as Python values, like `yaml.safe_load`, with libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


@dataclass
class LocatedYaml:
    """Parsed YAML data plus the 1-based line where each key path starts."""

    path: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, keys: KeyPath) -> int:
        """Line of the deepest known key on `keys` (1 when none is known)."""
        while keys not in self.lines:
            if not keys:
                return 1
            keys = keys[:-1]
        return self.lines[keys]

    def error(self, keys: KeyPath, reason: str) -> ConfigError:
        """A ConfigError that names this file and the line of `keys`."""
        return ConfigError(f"{self.path}, line {self.line(keys)}", reason)


def load_yaml(path: Path | str, text: str | None = None) -> LocatedYaml:
    """Parse a YAML file; any mistake in it becomes one clear ConfigError."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ConfigError(name, "this file does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(name, f"cannot read this file ({_reason(exc)})") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise ConfigError(f"{name}, line {line}", f"this is not valid YAML: {problem}") from None
    located = LocatedYaml(name, None)
    if node is None:
        located.data = {}
        return located
    try:
        _record_lines(node, (), located)
        located.data = _LOADER(text).construct_document(node)
    except RecursionError:
        raise ConfigError(
            name, "this YAML is nested too deeply, or an alias refers to itself"
        ) from None
    return located


def _record_lines(node: yaml.Node, keys: KeyPath, located: LocatedYaml) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise ConfigError(f"{located.path}, line {line}", f"the key '{key}' appears twice")
            seen.add(key)
            located.lines[keys + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, keys + (key,), located)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            located.lines[keys + (str(index),)] = item.start_mark.line + 1
            _record_lines(item, keys + (str(index),), located)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return getattr(exc, "strerror", None) or exc.__class__.__name__
