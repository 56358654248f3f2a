"""Load YAML and remember the line of every key, so errors can name it.

All the YAML plainlint reads (settings, glossaries, page front matter and its
own word lists) comes through `load_yaml` or `parse_yaml`. Before a value is
built, they refuse, in one line that names the file and the line:

- a tag the safe loader has no use for (`!!python/name:...`, `!custom`), and a
  value its tag cannot hold (`!!int abc`, a date such as 2024-99-99);
- aliases that repeat their anchors' values thousands of times ("billion
  laughs"): a few hundred bytes can stand for millions of values, and every
  later step (checking, copying, printing the settings) walks them in full;
- an alias inside its own anchor, and nesting deeper than any settings need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from plainlint.errors import ConfigError
from plainlint.io.regular_files import NotReadable, read_text

# libyaml's parser when PyYAML has it: the same results, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str, ...]

# Levels of lists and mappings inside one another: settings need about 6.
MAX_DEPTH = 100
# Values that aliases (*name) may repeat, counted in full: enough for any settings file,
# few enough that checking and printing them takes no time.
MAX_REPEATED = 10_000

_CORE = "tag:yaml.org,2002:"
_MERGE = _CORE + "merge"  # the `<<` key of a mapping that merges another one in
# What a value of each core tag must be, for a message about one that is not.
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date",
    "binary": "base64 data",
    "null": "an empty value",
}


class YamlProblem(ConfigError):
    """YAML that plainlint will not read; `line` counts from 1 at the start of the text.

    `syntax` is true when the text is not YAML at all, rather than YAML it refuses.
    """

    def __init__(self, name: str, line: int, reason: str, syntax: bool = False) -> None:
        super().__init__(f"{name}, line {line}", reason)
        self.line = line
        self.syntax = syntax


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two keys out in full at each, not as an anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _Constructor(_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader's constructor, which says which value it could not build."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (_Unbuilt, RecursionError, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - any value the safe loader refuses
            raise _Unbuilt(node, _unbuilt_reason(self, node, exc)) from None


# A plain `=` is a YAML 1.1 "value key" the safe loader cannot build: it is text.
_Constructor.add_constructor(_CORE + "value", yaml.SafeLoader.construct_yaml_str)
_KNOWN_TAGS = frozenset(tag for tag in _Constructor.yaml_constructors if tag) | {_MERGE}
_TAGGED = re.compile(r"(?:&\S+\s+)?!")  # a value written with a tag, after any anchor


class _Unbuilt(Exception):
    """A node the constructor could not turn into a value, and why in plain words."""

    def __init__(self, node: yaml.Node, reason: str) -> None:
        super().__init__(reason)
        self.node = node
        self.reason = reason


def dump_yaml(data: Any) -> str:
    """Plain YAML for people to read: no `&id001` anchors, keys in their own order."""
    return yaml.dump(
        data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100
    ).rstrip()


def parse_yaml(text: str, name: str = "this YAML") -> Any:
    """YAML text as Python values, like `yaml.safe_load`, with libyaml when it is there.

    What `load_yaml` refuses is a YamlProblem naming `name` and the line, except a key
    written twice: its last value counts, as with `yaml.safe_load`.
    """
    node = _compose(text, name)
    return None if node is None else _construct(node, name, text)


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
        text = read_settings_text(path)
    located = LocatedYaml(name, {})
    node = _compose(text, name)
    if node is None:
        return located
    _record_lines(node, (), located, set())
    located.data = _construct(node, name, text)
    return located


def read_settings_text(path: Path | str) -> str:
    """A settings or glossary file's text; never waits on a pipe or reads a device."""
    try:
        return read_text(path)
    except NotReadable as exc:
        raise ConfigError(str(path), exc.reason) from None


def _compose(text: str, name: str) -> yaml.Node | None:
    """The text's node graph (an alias is its anchor's node again), checked before any
    value is built from it; None for an empty document."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise YamlProblem(name, line, f"this is not valid YAML: {problem}", syntax=True) from None
    except RecursionError:  # the pure Python parser, where libyaml is missing
        raise YamlProblem(name, 1, _too_deep()) from None
    if node is not None:
        _check_graph(node, name)
    return node


def _check_graph(root: yaml.Node, name: str) -> None:
    """Refuse unknown tags, deep nesting, an alias inside its own anchor, and aliases
    that repeat too many values. Each node is visited once, whatever refers to it."""
    sizes: dict[int, int] = {}  # node -> values it stands for, with aliases in full
    finished: list[yaml.Node] = []  # each node after everything inside it
    open_nodes: set[int] = set()  # the node being visited and those that hold it
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        key = id(node)
        if leaving:
            open_nodes.discard(key)
            sizes[key] = min(1 + sum(sizes[id(c)] for c in _children(node)), 1 << 62)
            finished.append(node)
        elif key in open_nodes:
            raise YamlProblem(
                name, _line(node), "an alias refers to itself: this value holds an alias of itself"
            )
        elif key not in sizes:
            if node.tag not in _KNOWN_TAGS:
                raise YamlProblem(name, _line(node), _tag_reason(node.tag))
            if len(open_nodes) >= MAX_DEPTH:
                raise YamlProblem(name, _line(node), _too_deep())
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(_children(node))))
    limit = MAX_REPEATED + len(sizes)  # more than this, and aliases repeat too many values
    if sizes[id(root)] > limit:
        node = next(n for n in finished if sizes[id(n)] > limit)
        raise YamlProblem(
            name,
            _line(node),
            f"the aliases (*name) here would repeat more than {MAX_REPEATED:,} values, "
            "which is more than plainlint reads; use fewer aliases",
        )


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield key_node
            yield value_node
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _record_lines(node: yaml.Node, keys: KeyPath, located: LocatedYaml, seen: set[int]) -> None:
    """Note the line of each key, and refuse a key written twice in one mapping.

    A node reached again through an alias is not visited again: its keys keep the
    lines where its anchor wrote them. The graph is checked, so this recursion is
    no deeper than MAX_DEPTH.
    """
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        written: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in written:
                raise YamlProblem(located.path, _line(key_node), f"the key '{key}' appears twice")
            written.add(key)
            located.lines[keys + (key,)] = _line(key_node)
            _record_lines(value_node, keys + (key,), located, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            located.lines[keys + (str(index),)] = _line(item)
            _record_lines(item, keys + (str(index),), located, seen)


def _construct(node: yaml.Node, name: str, text: str) -> Any:
    """The Python value of a checked node graph, or a YamlProblem saying which value failed."""
    constructor = _Constructor("")
    constructor.source = text  # to tell a tag written out from one YAML chose
    try:
        return constructor.construct_document(node)
    except _Unbuilt as exc:
        raise YamlProblem(name, _line(exc.node), exc.reason) from None
    except yaml.MarkedYAMLError as exc:  # a mapping that cannot be built, e.g. a list as a key
        line = getattr(exc.problem_mark, "line", 0) + 1
        raise YamlProblem(name, line, f"this is not valid YAML: {exc.problem}") from None
    except RecursionError:
        raise YamlProblem(name, _line(node), _too_deep()) from None


def _unbuilt_reason(loader: Any, node: yaml.Node, exc: Exception) -> str:
    """Why the safe loader could not build this node's value, in plain words."""
    if node.tag not in loader.yaml_constructors:
        return _tag_reason(node.tag)
    kind = _KINDS.get(node.tag.removeprefix(_CORE))
    if not isinstance(node, yaml.ScalarNode) or kind is None:
        problem = getattr(exc, "problem", None) or str(exc) or type(exc).__name__
        return f"plainlint cannot read this value as {_short_tag(node.tag)}: {problem}"
    written = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if not _TAGGED.match(loader.source, node.start_mark.index, node.end_mark.index):
        fix = "correct it, or put it in quotes to keep it as text"
    else:
        fix = f"correct it, or remove the tag {_short_tag(node.tag)}"
    return f"plainlint cannot read '{written}' as {kind}; {fix}"


def _tag_reason(tag: str) -> str:
    return f"plainlint cannot read the tag '{_short_tag(tag)}' here; remove it"


def _short_tag(tag: str) -> str:
    """A tag as it is written: `!!int` rather than `tag:yaml.org,2002:int`."""
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _too_deep() -> str:
    return f"this YAML is nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
