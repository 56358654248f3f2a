"""The package's folders are layers, and every import points down or sideways.

A file goes one way through plainlint: settings, a reader per format, language
analysis, rules, then the run and the output. A module that imported from a
layer above its own would tie the lower layer to the upper one, and the folders
would stop telling a newcomer how the parts fit.
"""

from __future__ import annotations

import ast
from typing import Iterator

from conftest import ROOT

PACKAGE = ROOT / "plainlint"

# Lowest first. A module may import from its own layer and the layers before it.
LAYERS: list[tuple[str, ...]] = [
    ("errors", "findings", "io"),
    ("documents",),
    ("language",),
    ("rules",),
    ("settings",),
    ("run",),
    ("formatters",),
    ("cli", "__main__"),
]


def layer_of(module: str) -> int:
    """The layer of a module named from the package down, such as 'language.page'."""
    top = module.split(".")[0]
    for number, names in enumerate(LAYERS):
        if top in names:
            return number
    raise AssertionError(f"plainlint.{module} is in no layer: add its folder to LAYERS")


def imports(tree: ast.AST) -> Iterator[tuple[str, str | None]]:
    """(module, name) of every absolute import in a file, inside functions too.

    `import a.b` gives ("a.b", None); `from a.b import c` gives ("a.b", "c").
    """
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield from ((node.module, alias.name) for alias in node.names)


def imported_modules(tree: ast.AST) -> set[str]:
    """plainlint modules a file imports (`from plainlint import x` names module x)."""
    return {
        f"{module}.{name}" if module == "plainlint" else module
        for module, name in imports(tree)
        if module.startswith("plainlint.") or module == "plainlint"
    }


def package_modules() -> dict[str, ast.AST]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).with_suffix("")
        if relative.name == "__init__" and relative.parent.parts:
            relative = relative.parent
        modules[".".join(relative.parts)] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def test_every_module_is_in_a_layer():
    for module in package_modules():
        if module != "__init__":
            layer_of(module)


def test_no_module_imports_from_a_layer_above_its_own():
    upward = []
    for module, tree in package_modules().items():
        if module == "__init__":
            continue
        for target in imported_modules(tree):
            name = target.removeprefix("plainlint.")
            if name == "__version__":
                continue
            if layer_of(name) > layer_of(module):
                upward.append(f"plainlint.{module} imports {target}")
    assert upward == []


def test_the_top_level_holds_a_handful_of_files():
    files = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert files == ["__init__.py", "__main__.py", "cli.py", "errors.py", "findings.py"]


def test_the_check_finds_an_upward_import():
    """The checks above can fail: a rule importing the engine is caught."""
    tree = ast.parse("def late():\n    from plainlint.run.engine import Linter\n")
    [target] = imported_modules(tree)
    assert layer_of(target.removeprefix("plainlint.")) > layer_of("rules.plain_words")


def test_no_module_imports_another_librarys_private_parts():
    """A private module (spacy.tokens._retokenize) can change in any release, unannounced.

    Reading a library's files directly is allowed only where a test pins what
    was read: see test_word_frequency.py.
    """
    private = [
        f"plainlint.{module} imports {full}"
        for module, tree in package_modules().items()
        for imported, name in imports(tree)
        for full in [imported if name is None else f"{imported}.{name}"]
        if not full.startswith(("plainlint", "__future__"))
        and any(part.startswith("_") for part in full.split("."))
    ]
    assert private == []
