"""The results cache: a file's findings are kept, and reused while nothing that
could change them has changed.

An entry's key is a hash of the file's name, format and text, and of
everything that decides its findings: the settings after merging (overrides
included), the glossary files, the rules picked on the command line, and the
versions of plainlint, spaCy and the language model. plainlint's own files
count too, so a change to a word list inside the package is never hidden by
the cache. Entries are small JSON files, one per checked file. A damaged or
unreadable entry, or one whose values no check could give (NaN, a line 0, an end
before the start, an unknown rule), is treated as missing and written again.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import sys
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainlint import __version__
from plainlint.findings import Edit, FileResult, Finding, Fix, Metrics, Severity
from plainlint.io.atomic_files import write_atomically
from plainlint.io.regular_files import NotReadable, read_bytes
from plainlint.rules import RULES
from plainlint.settings.ignore_files import repository_root

if TYPE_CHECKING:
    from plainlint.settings.loading import Settings

FOLDER_NAME = ".plainlint_cache"
ENTRY_FORMAT = 2  # raise when the shape of an entry changes
_PACKAGE = Path(__file__).resolve().parents[1]  # plainlint/, from plainlint/run/
GITIGNORE = "# Made by plainlint: its results cache, safe to delete.\n*\n"
# Libraries whose version can change what plainlint finds in a file.
LIBRARIES = (
    "spacy",
    "thinc",
    "markdown-it-py",
    "mdit-py-plugins",
    "wordfreq",
    "msgpack",
    "PyYAML",
    "pathspec",
)


def cache_folder(settings: Settings, start: Path, chosen: Path | None = None) -> Path:
    """Where the cache lives.

    `chosen` (from --cache-dir or PLAINLINT_CACHE_DIR) wins. Otherwise it is
    `.plainlint_cache` beside the project's settings file, or at the top of
    the git repository, or, outside any project, in the user's cache folder
    (platformdirs knows where that is on each system).
    """
    if chosen is not None:
        return chosen
    if len(settings.sources) > 1:  # a settings file was found: its folder is the project
        return Path(os.path.abspath(settings.root)) / FOLDER_NAME
    root = repository_root(Path(os.path.abspath(start)))
    if root is not None:
        return root / FOLDER_NAME
    # Each system's own place: ~/.cache (or $XDG_CACHE_HOME) on Linux,
    # ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
    from platformdirs import user_cache_path

    return user_cache_path("plainlint", appauthor=False)


class ResultsCache:
    """Findings for files checked before, keyed by everything that shapes them."""

    def __init__(
        self,
        folder: Path,
        settings: Settings,
        select: set[str] | None = None,
        ignore: set[str] | None = None,
    ) -> None:
        self.folder = folder
        self._entries = folder / f"results-{ENTRY_FORMAT}"
        self._settings = settings
        self._picked = (select, set(ignore or ()))
        self._runs: dict[int, tuple[Settings, str]] = {}  # a project's settings -> their hash
        self._ready = False
        self.writable = True

    def key(
        self, name: str, format_name: str, source: str, settings: Settings | None = None
    ) -> str:
        """The entry key for one file's text, read as `format_name` with its project's
        `settings` (the run's when not given).

        The file's full path counts, because overrides choose rules by path.
        """
        settings = settings or self._settings
        if id(settings) not in self._runs:  # the settings object is kept, so its id stays its own
            self._runs[id(settings)] = (settings, _run_fingerprint(settings, *self._picked))
        digest = hashlib.sha256(self._runs[id(settings)][1].encode())
        for part in (os.path.abspath(name), format_name, source):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str, name: str) -> FileResult | None:
        """The stored result for `key`, shown as `name`; None when missing or damaged.

        An entry that is not a regular file (a pipe put in its place) is a miss too,
        read without waiting on it.
        """
        try:
            data = json.loads(read_bytes(self._entries / f"{key}.json"))
            if data.get("key") != key:
                return None
            return _result(name, data)
        except (
            NotReadable,
            OSError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            RecursionError,
        ):
            return None  # missing, or damaged: check the file again and write a new entry

    def put(self, key: str, result: FileResult) -> None:
        """Store a result. Errors are not stored, so a fixed file is read again.

        A cache that cannot be written (a read-only folder, a full disk) is
        given up for the rest of the run; checking goes on without it. When
        only the entry's own path is at fault (a folder stands there), only
        that entry is skipped. A result with a figure JSON cannot hold (NaN)
        is not stored: it could not be read back.
        """
        if result.error is not None or not self.writable:
            return
        entry = {
            "key": key,
            "metrics": {name: getattr(result.metrics, name) for name in _METRIC_TYPES},
            "findings": [finding.to_json() for finding in result.findings],
        }
        try:
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        except ValueError:
            return
        path = self._entries / f"{key}.json"
        try:
            self._prepare()
            write_atomically(path, text, durable=False)
        except OSError as exc:
            self.writable = _only_this_entry(path, exc)  # else the whole cache is at fault

    def _prepare(self) -> None:
        """Make the folder. One plainlint makes gets a .gitignore, so git leaves it out.

        A folder that was there already (`--cache-dir docs`) is left as it is:
        a `.gitignore` there could hide someone's own files.
        """
        if self._ready:
            return
        made = not self.folder.exists()
        self._entries.mkdir(parents=True, exist_ok=True)
        if made:
            try:
                write_atomically(self.folder / ".gitignore", GITIGNORE, overwrite=False)
            except FileExistsError:
                pass  # another run made it a moment ago
        self._ready = True


def _result(name: str, data: dict[str, Any]) -> FileResult:
    """A FileResult from a stored entry; raises ValueError on any missing or wrong field."""
    metrics, stored = data["metrics"], data["findings"]
    if not isinstance(metrics, dict) or metrics.keys() != _METRIC_TYPES.keys():
        raise ValueError("metrics")
    if not all(_is(value, _METRIC_TYPES[key]) for key, value in metrics.items()):
        raise ValueError("metrics")
    if not _plausible_metrics(metrics):
        raise ValueError("metrics")
    if not isinstance(stored, list):
        raise ValueError("findings")
    return FileResult(name, Metrics(**metrics), [_finding(item) for item in stored])


def _finding(item: Any) -> Finding:
    """One stored finding, checked field by field; `fix` is there only when it has one."""
    if not isinstance(item, dict) or item.keys() - {"fix"} != _FINDING_TYPES.keys():
        raise ValueError("finding")
    if not all(_is(item[key], kinds) for key, kinds in _FINDING_TYPES.items()):
        raise ValueError("finding")
    if not all(isinstance(s, str) for s in item["suggestions"]):
        raise ValueError("suggestions")
    if item["rule"] not in RULES or not _plausible_place(item):
        raise ValueError("finding")
    return Finding(
        item["rule"],
        Severity(item["severity"]),
        item["line"],
        item["column"],
        item["end_line"],
        item["end_column"],
        item["text"],
        item["message"],
        tuple(item["suggestions"]),
        _fix(item["fix"]) if "fix" in item else None,
    )


def _fix(item: Any) -> Fix:
    """A stored fix, checked field by field: edits at plausible places, text to write."""
    if not isinstance(item, dict) or item.keys() != {"safe", "edits"}:
        raise ValueError("fix")
    if not isinstance(item["safe"], bool) or not isinstance(item["edits"], list):
        raise ValueError("fix")
    edits = []
    for edit in item["edits"]:
        if not isinstance(edit, dict) or edit.keys() != _EDIT_TYPES.keys():
            raise ValueError("edit")
        if not all(_is(edit[key], kinds) for key, kinds in _EDIT_TYPES.items()):
            raise ValueError("edit")
        if not _plausible_place(edit):
            raise ValueError("edit")
        edits.append(Edit(**edit))
    if not edits:
        raise ValueError("fix")
    return Fix(item["safe"], tuple(edits))


def _plausible_metrics(metrics: dict[str, Any]) -> bool:
    """Figures a check could have given: finite numbers, no count or average below
    zero, and a share of sentences from 0 to 100."""
    if not all(math.isfinite(value) for value in metrics.values() if isinstance(value, float)):
        return False
    if any(metrics[name] < 0 for name in _NEVER_NEGATIVE):
        return False
    share = metrics["passive_sentences_percent"]
    return share is None or 0 <= share <= 100


def _plausible_place(item: dict[str, Any]) -> bool:
    """A place a check could have reported: lines and columns from 1, ending where it
    starts or after it."""
    start, end = (item["line"], item["column"]), (item["end_line"], item["end_column"])
    return min(*start, *end) >= 1 and end >= start


def _only_this_entry(path: Path, error: OSError) -> bool:
    """True when a failed write is the fault of the entry's own path alone, so other
    entries can still be written: something that is not a regular file stands there
    (a folder, a pipe, a link), or moving the finished entry into place failed (that
    error names both files), so the folder and the disk took the new file."""
    if error.filename2 is not None:
        return True
    try:
        return not stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False  # nothing there: the folder or the disk is at fault


def _is(value: Any, kinds: tuple[type, ...]) -> bool:
    """isinstance, except that True and False are not numbers here."""
    return isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)


# What each stored field must hold, from the dataclasses' own annotations.
_KINDS: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "float | None": (int, float, type(None)),
    "str": (str,),
    "Severity": (str,),
    "tuple[str, ...]": (list,),
}
_METRIC_TYPES = {f.name: _KINDS[str(f.type)] for f in fields(Metrics)}
_FINDING_TYPES = {f.name: _KINDS[str(f.type)] for f in fields(Finding) if f.name != "fix"}
_EDIT_TYPES = {f.name: _KINDS[str(f.type)] for f in fields(Edit)}
# Metrics that count or average something, so are never below zero.
_NEVER_NEGATIVE = (
    *(name for name, kinds in _METRIC_TYPES.items() if kinds == (int,)),
    "average_sentence_words",
    "smog_index",
)


def _run_fingerprint(settings: Settings, select: set[str] | None, ignore: set[str]) -> str:
    """A hash of everything, apart from the file itself, that shapes a file's findings."""
    parts = {
        "entry_format": ENTRY_FORMAT,
        "plainlint": __version__,
        "package": _package_fingerprint(),
        "libraries": _library_versions(),
        "settings": settings.data,
        "overrides": [(o.files, o.front_matter, o.data) for o in settings.overrides],
        "root": os.path.abspath(settings.root),  # where override globs start
        "glossaries": [_file_fingerprint(path) for path in settings.glossaries],
        "select": sorted(select) if select is not None else None,
        "ignore": sorted(ignore),
    }
    text = json.dumps(_plain(parts), sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: Any) -> Any:
    """Settings with every key as text, so they can be sorted ("2025: true" has a number)."""
    if isinstance(value, dict):
        return {
            key if isinstance(key, str) else f"{type(key).__name__}: {key}": _plain(item)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


@lru_cache(maxsize=1)
def _package_fingerprint() -> str:
    """A hash of plainlint's own code and data files (word lists, rules, glossary)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if "__pycache__" not in path.parts and path.is_file():
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _library_versions() -> dict[str, str]:
    """Versions of Python, the libraries and the language model, read without importing them."""
    from importlib import metadata

    from plainlint.language.model import MODEL_PACKAGES

    found = {"python": sys.version}  # Unicode tables and html.parser come with Python
    for name in (*LIBRARIES, *MODEL_PACKAGES):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _file_fingerprint(path: Path) -> str:
    """A hash of a file's bytes, or a note that it cannot be read (its loader says why)."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except NotReadable as exc:  # a pipe too: never waited on
        return f"unreadable: {exc.reason}"
