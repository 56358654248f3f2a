"""The glossary: medical words, their other forms, and plain explanations.

The built-in `glossary.yaml` loads first; a project's glossary files then add
entries, replace an entry (same term) or switch one off (`ignore: true`).
Every file is checked as it loads; each mistake names the file, the entry
and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

from plainlint.errors import ConfigError
from plainlint.io.yaml_lines import LocatedYaml, load_yaml
from plainlint.language.inflection import inflect

ENTRY_KEYS = ("term", "variants", "abbreviations", "explanation", "plain", "category", "ignore")
CATEGORIES = ("treatment", "test", "body", "condition", "medicine", "care", "research")
MAX_EXPLANATION_WORDS = 25
# An abbreviation as glossaries write it: two or more capitals, maybe digits,
# hyphens or "&" ("CT", "HER2", "5-FU", "A&E").
ABBREVIATION_SHAPE = re.compile(r"(?=(?:.*[A-Z]){2})[0-9A-Za-z&-]+")
# A word as terms are matched: letters and digits joined by hyphens or apostrophes.
WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Entry:
    """One concept: its preferred term, other forms and a plain explanation."""

    term: str
    explanation: str
    variants: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    plain: str | None = None
    category: str | None = None
    where: str = ""  # "FILE, line N", for messages and `plainlint explain`

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its variants, as written."""
        return (self.term, *self.variants)

    def forms(self) -> set[str]:
        """Every matchable form of the term and variants, lower case, with regular plurals."""
        found: set[str] = set()
        for name in self.names:
            words = [normal_word(word) for word in name.split()]
            found.add(" ".join(words))
            last = words[-1]
            if last[-1:].isalpha() and not last.endswith(("s", "x")):
                found.add(" ".join([*words[:-1], inflect(last, "s")]))
        return found


# One matchable form: its lower-case words, and its entry.
_Form = tuple[tuple[str, ...], "Entry"]


@dataclass
class Glossary:
    """The entries in effect after every glossary file has been applied."""

    entries: list[Entry] = field(default_factory=list)
    _matches: dict[str, list[tuple[int, int, Entry]]] = field(default_factory=dict, repr=False)

    def forget_indexes(self) -> None:
        """Drop what was worked out from the entries, after they change."""
        self.__dict__.pop("phrase_index", None)
        self.__dict__.pop("abbreviation_index", None)
        self.__dict__.pop("match_index", None)
        self._matches.clear()

    @cached_property
    def match_index(self) -> tuple[dict[str, Entry], dict[tuple[str, str], list[_Form]]]:
        """Forms of one word, by the word; longer forms by their first two words, longest
        first. Common first words ("blood", "heart") start dozens of terms: looking them
        up by two words tries only the few that can match."""
        singles: dict[str, Entry] = {}
        pairs: dict[tuple[str, str], list[_Form]] = {}
        for first, forms in self.phrase_index.items():
            for words, entry in forms:
                if len(words) == 1:
                    singles.setdefault(first, entry)
                else:
                    pairs.setdefault((first, words[1]), []).append((words, entry))
        return singles, pairs

    @cached_property
    def phrase_index(self) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
        """First word of every form -> (the form's words, its entry), longest first."""
        index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in self.entries:
            for form in entry.forms():
                words = tuple(form.split())
                index.setdefault(words[0], []).append((words, entry))
        for candidates in index.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        return index

    @cached_property
    def abbreviation_index(self) -> dict[str, Entry]:
        """Each abbreviation, as written, -> its entry."""
        return {abbr: entry for entry in self.entries for abbr in entry.abbreviations}

    def lookup(self, word: str) -> Entry | None:
        """The entry covering a word or phrase: by abbreviation, term, variant or plural."""
        text = " ".join(word.split())
        if text in self.abbreviation_index:
            return self.abbreviation_index[text]
        if text.endswith("s") and text[:-1] in self.abbreviation_index:
            return self.abbreviation_index[text[:-1]]
        words = tuple(normal_word(w) for w in text.split())
        singles, pairs = self.match_index
        if len(words) == 1 and words[0] in singles:
            return singles[words[0]]
        for form, entry in pairs.get(words[:2], ()) if len(words) > 1 else ():
            if form == words:
                return entry
        upper = text.upper()
        return self.abbreviation_index.get(upper)


@lru_cache(maxsize=65536)
def normal_word(word: str) -> str:
    """A word as the index holds it: lower case, with no possessive ending."""
    return _POSSESSIVE.sub("", word.lower()) or word.lower()


def match_terms(text: str, glossary: Glossary) -> list[tuple[int, int, Entry]]:
    """Glossary terms in text, as (start, end, entry); longer terms win over shorter ones.

    Two rules ask for the same sentences, so recent answers are kept.
    """
    found = glossary._matches.get(text)
    if found is None:
        if len(glossary._matches) > 20_000:
            glossary._matches.clear()
        found = glossary._matches[text] = list(_match_terms(text, glossary))
    return found


def _match_terms(text: str, glossary: Glossary) -> Iterator[tuple[int, int, Entry]]:
    chunks = [match.span() for match in WORD.finditer(text)]
    lowered = _normal_words(text, chunks)
    singles, pairs = glossary.match_index
    firsts = glossary.phrase_index
    after = 0  # where the last term ended, in words: terms never overlap
    last = len(lowered) - 1
    for i in [i for i, word in enumerate(lowered) if word in firsts]:
        if i < after:
            continue
        found = None
        if i < last:
            for words, entry in pairs.get((lowered[i], lowered[i + 1]), ()):
                n = len(words)
                if tuple(lowered[i : i + n]) == words and all(
                    not text[chunks[k][1] : chunks[k + 1][0]].strip() for k in range(i, i + n - 1)
                ):
                    found = (n, entry)
                    break
        if found is None and lowered[i] in singles:
            found = (1, singles[lowered[i]])
        if found is None:
            continue
        n, entry = found
        start, end = chunks[i][0], chunks[i + n - 1][1]
        tail = _POSSESSIVE.search(text, start, end)
        yield start, end - (tail.end() - tail.start() if tail else 0), entry
        after = i + n


def _normal_words(text: str, chunks: list[tuple[int, int]]) -> list[str]:
    """`normal_word` for each word, from one lower-casing of the text where that is safe."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter changed length ("İ"): word by word
        return [normal_word(text[a:b]) for a, b in chunks]
    words = [lowered[a:b] for a, b in chunks]
    return [normal_word(w) if "'" in w or "’" in w else w for w in words]


# -- loading and checking -----------------------------------------------------


def load_glossary(paths: list[Path]) -> Glossary:
    """Apply glossary files in order; the first mistake found is raised as a ConfigError.

    The result is shared while the files stay the same: rules only read it.
    """
    return _load(tuple((str(path), _stamp(path)) for path in paths))


def _stamp(path: Path) -> tuple[int, int]:
    """When a file last changed, and its size (0, 0 for a file that cannot be read)."""
    try:
        info = path.stat()
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, tuple[int, int]], ...]) -> Glossary:
    glossary = Glossary()
    for name, _ in files:
        problems = apply_file(glossary, load_yaml(name))
        if problems:
            raise problems[0]
    return glossary


def apply_file(glossary: Glossary, located: LocatedYaml) -> list[ConfigError]:
    """Check one glossary file and apply its valid entries; returns every problem found.

    An entry whose term is an earlier entry's term takes its place, or switches
    it off with `ignore: true`. Any other name shared with an earlier entry is a
    mistake.
    """
    data = located.data
    if data == {}:
        return []  # an empty project glossary
    if not isinstance(data, dict) or set(data) != {"entries"}:
        return [located.error((), "a glossary must have one key, 'entries', holding a list")]
    raw = data["entries"] or []
    if not isinstance(raw, list):
        return [located.error(("entries",), "'entries' must be a list of entries")]
    problems: list[ConfigError] = []
    by_term = {_key(entry.term): entry for entry in glossary.entries}
    by_name = _names(glossary.entries)
    new: dict[str, Entry | None] = {}  # term key -> entry, or None when switched off
    claimed: dict[str, str] = {}  # name or abbreviation in this file -> its entry's term
    for index, item in enumerate(raw):
        keys = ("entries", str(index))
        entry, problem = _read_entry(located, keys, item)
        if problem:
            problems.append(problem)
            continue
        assert entry is not None
        term_key = _key(entry.term)
        if term_key in new:
            problems.append(located.error(keys, f"the entry '{entry.term}' is in this file twice"))
            continue
        replaced = by_term.get(term_key)
        if isinstance(item, dict) and item.get("ignore") is True:
            if replaced is None:
                problems.append(
                    located.error(
                        keys, f"the entry '{entry.term}' is switched off, but no entry has it"
                    )
                )
                continue
            new[term_key] = None
            continue
        clash = _clash(entry, claimed, by_name, replaced)
        if clash:
            problems.append(located.error(keys, clash))
            continue
        for name in [*entry.names, *entry.abbreviations]:
            claimed[_key(name)] = entry.term
        new[term_key] = entry
    if problems:
        return problems
    kept = [entry for entry in glossary.entries if _key(entry.term) not in new]
    glossary.entries = kept + [entry for entry in new.values() if entry is not None]
    glossary.forget_indexes()
    return []


def _names(entries: list[Entry]) -> dict[str, Entry]:
    """Every term, variant and abbreviation of the entries so far -> its entry."""
    found: dict[str, Entry] = {}
    for entry in entries:
        for name in [*entry.names, *entry.abbreviations]:
            found[_key(name)] = entry
    return found


def _key(name: str) -> str:
    """How names are compared: abbreviations exactly, words in any case."""
    return name if ABBREVIATION_SHAPE.fullmatch(name) else name.casefold()


def _clash(
    entry: Entry, claimed: dict[str, str], earlier: dict[str, Entry], replaced: Entry | None
) -> str | None:
    """Why an entry's names collide with another entry's, or None."""
    for name in [*entry.names, *entry.abbreviations]:
        key = _key(name)
        if key in claimed and claimed[key] != entry.term:
            return f"the entry '{entry.term}': '{name}' is also in the entry '{claimed[key]}'"
        other = earlier.get(key)
        if other is not None and other is not replaced:
            return (
                f"the entry '{entry.term}': '{name}' is already in the entry '{other.term}' "
                f"({other.where}); change that entry by giving its term, or remove '{name}' here"
            )
    return None


def _read_entry(
    located: LocatedYaml, keys: tuple[str, ...], item: Any
) -> tuple[Entry | None, ConfigError | None]:
    """One entry from its YAML mapping, or the first problem with it."""
    number = int(keys[-1]) + 1
    if not isinstance(item, dict):
        return None, located.error(keys, f"entry {number} must be a mapping with a 'term'")
    term = item.get("term")
    if not isinstance(term, str) or not term.strip():
        return None, located.error(keys, f"entry {number} needs a 'term' that is not empty")
    term = " ".join(term.split())
    if not WORD.search(term):
        return None, located.error(keys, f"entry {number}: the term '{term}' has no letters")

    def problem(key: str | None, reason: str) -> tuple[None, ConfigError]:
        where = keys + (key,) if key else keys
        return None, located.error(where, f"the entry '{term}': {reason}")

    for key in item:
        if key not in ENTRY_KEYS:
            return problem(str(key), f"unknown key '{key}'. Known: {', '.join(ENTRY_KEYS)}")
    where = f"{located.path}, line {located.line(keys)}"
    if item.get("ignore") is not None:
        if not isinstance(item["ignore"], bool):
            return problem("ignore", "ignore must be true or false")
        if item["ignore"]:
            return Entry(term, "", where=where), None
    explanation = item.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        return problem(None, "it needs an explanation in plain English")
    words = len(explanation.split())
    if words > MAX_EXPLANATION_WORDS:
        return problem(
            "explanation",
            f"the explanation has {words} words; keep it to {MAX_EXPLANATION_WORDS} or fewer",
        )
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("variants", "abbreviations"):
        value = [] if item.get(key) is None else item[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return problem(key, f"{key} must be a list of words")
        lists[key] = tuple(dict.fromkeys(" ".join(v.split()) for v in value))
    for abbreviation in lists["abbreviations"]:
        if not ABBREVIATION_SHAPE.fullmatch(abbreviation):
            return problem(
                "abbreviations",
                f"'{abbreviation}' is not written like an abbreviation (two or more capitals, "
                "like CT); put it under variants instead",
            )
    plain = item.get("plain")
    if plain is not None and (not isinstance(plain, str) or not plain.strip()):
        return problem("plain", "plain must be a word or phrase")
    category = item.get("category")
    if category is not None and category not in CATEGORIES:
        return problem("category", f"unknown category '{category}'. Known: {', '.join(CATEGORIES)}")
    variants = tuple(v for v in lists["variants"] if v.casefold() != term.casefold())
    entry = Entry(
        term,
        " ".join(explanation.split()),
        variants,
        lists["abbreviations"],
        plain,
        category,
        where,
    )
    return entry, None
