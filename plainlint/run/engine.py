"""The pipeline: read each file, analyse its prose once, run the rules, place the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from plainlint.documents import Document, parse_document
from plainlint.documents.suppressions import Suppressions, read_directives
from plainlint.errors import ConfigError, InputError, PlainlintError
from plainlint.findings import FileResult, Finding
from plainlint.language.glossary import Glossary, load_glossary
from plainlint.language.model import Analyser
from plainlint.language.page import Page, Sentence, analyse, analyse_many
from plainlint.rules import RULES, Hit, Rule
from plainlint.rules.unused_suppression import UnusedSuppression
from plainlint.run.fix_edits import placed_fix, without_fixes_into
from plainlint.run.time_limits import TimeUp, untimed, within
from plainlint.settings.loading import Settings, page_settings
from plainlint.settings.projects import Projects

# A short page that sends every rule through its slow paths once (parsing included).
WARM_UP_TEXT = """# About the test

The test was done by your nurse. You may need treatment such as chemotherapy,
radiotherapy and surgery. Women and men can ask for an ECG.
"""


@dataclass
class _Prepared:
    """A page read and split into sentences, with its settings and rules, not yet checked."""

    name: str
    document: Document
    settings: Settings
    rules: list[Rule]
    page: Page | None = None  # set once its prose is split into sentences


@dataclass
class Linter:
    """Checks files against the enabled rules; the language model loads on first use.

    `projects` give each file its project's settings; a page's own settings
    (overrides for its path, its front matter) choose the rules for that page.
    """

    projects: Projects
    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    _rules: dict[int, list[Rule]] = field(default_factory=dict, repr=False)
    _glossaries: dict[tuple[Path, ...], Glossary] = field(default_factory=dict, repr=False)
    _warmed: set[int] = field(default_factory=set, repr=False)  # rule lists run once, untimed

    @classmethod
    def create(
        cls,
        settings: Settings | Projects,
        select: set[str] | None = None,
        ignore: set[str] | None = None,
    ) -> Linter:
        """A linter with the rules that are enabled, selected and not ignored.

        Rules and the glossary are made when the first file is checked, so a
        run where the results cache holds every file reads neither. A broken
        glossary stops the run then, before any findings are printed.
        """
        return cls(Projects.of(settings), select, set(ignore or ()))

    @property
    def settings(self) -> Settings:
        """The settings of the project in the current folder."""
        return self.projects.for_path(self.projects.cwd, is_dir=True)

    def settings_for(self, path: Path) -> Settings:
        """The settings of the project a file belongs to."""
        return self.projects.for_path(path)

    @property
    def rules(self) -> list[Rule]:
        """The rules for pages that no override or front matter changes."""
        return self.rules_for(self.settings)

    def rules_for(self, settings: Settings) -> list[Rule]:
        """Rule objects for one set of page settings, made once per set."""
        key = id(settings)
        if key in self._rules:
            return self._rules[key]
        with untimed():  # loading word lists and glossaries is not a page's fault
            chosen = [
                rule_class for rule_id, rule_class in RULES.items() if self._runs(rule_id, settings)
            ]
            glossary = Glossary()
            if any(rule_class.uses_glossary for rule_class in chosen):
                glossary = self._load_glossary(settings)
            self._rules[key] = [
                rule_class(
                    settings.rules[rule_class.id].severity,
                    settings.rules[rule_class.id].options,
                    glossary,
                )
                for rule_class in chosen
            ]
        return self._rules[key]

    def _runs(self, rule_id: str, settings: Settings) -> bool:
        """`--select` picks rules, but a page's settings can still switch one off."""
        if rule_id in self.ignore:
            return False
        enabled = settings.rules[rule_id].enabled
        if self.select is None:
            return enabled
        return rule_id in self.select and rule_id not in settings.switched_off

    def _load_glossary(self, settings: Settings) -> Glossary:
        """The glossary a project's files use, read once for each list of glossary files."""
        files = tuple(settings.glossaries)
        if files not in self._glossaries:
            self._glossaries[files] = load_glossary(list(files))
        return self._glossaries[files]

    def check_text(self, name: str, source: str, format_name: str) -> FileResult:
        """`check_source`, but a bug in plainlint gives this file an error, not a crash.

        Settings or model trouble still stops the whole run.
        """
        return self.check_texts([(name, source, format_name)])[0]

    def check_texts(
        self,
        files: list[tuple[str, str, str]],
        documents: list[Document | None] | None = None,
    ) -> list[FileResult]:
        """Check several (name, source, format) files, with errors kept to each file.

        The sentences the rules will parse on all these pages are parsed
        together first: one large batch is several times quicker than many
        small ones, and a sentence's parse does not depend on its batch.
        `documents` are the files already read, where another process read
        them ahead (None for a file it did not read).

        Each file has max_seconds_per_file: a step over several pages has the
        sum of their limits, and when it runs out the pages go on one by one,
        each within its own, so only the slow page gets an error.
        """
        read = documents if documents and len(documents) == len(files) else [None] * len(files)
        prepared = [
            _timed(name, self._project_limit(name), self._prepare, name, source, fmt, document)
            for (name, source, fmt), document in zip(files, read)
        ]
        pages = [item for item in prepared if isinstance(item, _Prepared)]
        self._get_ready(pages)
        _together(pages, self._analyse_all)  # pages left without sentences go on alone
        prepared = [
            item
            if not isinstance(item, _Prepared) or item.page is not None
            else _timed(item.name, item.settings.max_seconds_per_file, self._analyse_one, item)
            for item in prepared
        ]
        pages = [item for item in prepared if isinstance(item, _Prepared)]
        _together(pages, self._parse_ahead)  # each page then parses, and fails, on its own
        return [
            item
            if isinstance(item, FileResult)
            else _timed(item.name, item.settings.max_seconds_per_file, self._finish, item)
            for item in prepared
        ]

    def _project_limit(self, name: str) -> float:
        """max_seconds_per_file of the file's project (pages cannot change it)."""
        try:
            return self.settings_for(Path(name)).max_seconds_per_file
        except PlainlintError:  # reading the file then reports the settings mistake
            return Settings.max_seconds_per_file

    def _get_ready(self, pages: list[_Prepared]) -> None:
        """Load the model and the rules' word lists before the pages' clocks start.

        Loading takes a second or two, once per run; counted against the first
        page, it could make a small time limit fail every page. So a short
        page goes through each set of rules first, untimed. Trouble here is
        left for the pages themselves to report.
        """
        for item in pages:
            if not item.document.blocks or id(item.rules) in self._warmed:
                continue
            self._warmed.add(id(item.rules))
            document = parse_document("warm-up.md", WARM_UP_TEXT, "markdown")
            warm = _Prepared("warm-up.md", document, item.settings, item.rules)
            try:
                self._analyse_all([warm])
                self._parse_ahead([warm])
                self._finish(warm)
            except Exception:  # noqa: BLE001, S110 - the page meets the same trouble and says so
                pass

    def warm_up(self) -> None:
        """Load the language model and build the rules' word lists now.

        Before checking in several processes, so that they share what is
        loaded instead of each loading its own copy.
        """
        self.check_source("warm-up.md", WARM_UP_TEXT, "markdown")
        self._warmed.add(id(self.rules))

    def check_source(self, name: str, source: str, format_name: str) -> FileResult:
        """Check text already in memory, as if it were the file `name`."""
        prepared = self._prepare(name, source, format_name)
        if isinstance(prepared, FileResult):
            return prepared
        self._analyse_all([prepared])
        self._parse_ahead([prepared])
        return self._finish(prepared)

    def _prepare(
        self, name: str, source: str, format_name: str, document: Document | None = None
    ) -> _Prepared | FileResult:
        """Read the file (unless it was read ahead), and settle its settings and rules."""
        try:
            if document is None:
                document = parse_document(name, source, format_name)
        except RecursionError:
            return FileResult(name, error="this file is nested too deeply to read")
        try:
            own = page_settings(source, document.front_matter, name)
            project = self.settings_for(Path(name))
            settings = project.for_page(Path(name), document.front_matter, own)
        except ConfigError as exc:
            where = exc.where.removeprefix(name).lstrip(", ")
            return FileResult(name, error=f"{where}: {exc.reason}" if where else exc.reason)
        rules = self.rules_for(settings)
        document.blocks = [b for b in document.blocks if not settings.skips(b.sections)]
        return _Prepared(name, document, settings, rules)

    def _analyse_all(self, items: list[_Prepared]) -> None:
        """Split the pages' prose into sentences: pages that need the same model go together."""
        groups: dict[int, tuple[Analyser | None, list[_Prepared]]] = {}
        for item in items:
            analyser = self._analyser_for(item.document, item.rules)
            groups.setdefault(id(analyser), (analyser, []))[1].append(item)
        for analyser, group in groups.values():
            for item, page in zip(group, analyse_many([i.document for i in group], analyser)):
                item.page = page

    def _analyse_one(self, item: _Prepared) -> _Prepared:
        """One page analysed on its own, after its group could not be."""
        item.page = self.analyse(item.document, item.rules)
        return item

    @staticmethod
    def _parse_ahead(pages: list[_Prepared]) -> None:
        """Parse, in one batch per model, the sentences the pages' rules will ask for.

        Each page keeps the parses of its own sentences until it is checked.
        """
        wanted: dict[int, tuple[Analyser, list[tuple[Page, Sentence]]]] = {}
        for item in pages:
            page = item.page
            if page is None or page.analyser is None:
                continue
            found = wanted.setdefault(id(page.analyser), (page.analyser, []))[1]
            for rule in item.rules:
                if rule.parses:
                    found.extend((page, sentence) for sentence in rule.candidates(page))
        for analyser, found in wanted.values():
            if found:
                docs = analyser.parse([sentence.text for _, sentence in found])
                for (page, sentence), doc in zip(found, docs):
                    page.keep_parse(sentence, doc)

    def _finish(self, item: _Prepared) -> FileResult:
        """Run the rules on a prepared page and place what they find."""
        document, page, rules = item.document, item.page, item.rules
        assert page is not None, "pages are analysed before their rules run"
        findings = [self._place(document, hit, rule) for rule in rules for hit in rule.check(page)]
        findings = self._suppress(document, findings, rules, item.settings)
        for rule in rules:
            for metric, value in rule.measure(page).items():
                if not hasattr(page.metrics, metric):
                    raise AttributeError(f"{rule.id} measures {metric!r}, which Metrics lacks")
                setattr(page.metrics, metric, value)
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return FileResult(item.name, page.metrics, findings)

    def _suppress(
        self, document: Document, findings: list[Finding], rules: list[Rule], settings: Settings
    ) -> list[Finding]:
        """The findings no suppression comment keeps quiet, and reports on unused comments."""
        directives = read_directives(document)
        if not directives:
            return findings
        suppressions = Suppressions(document, directives)
        kept = [finding for finding in findings if not suppressions.suppresses(finding)]
        shown = {id(finding) for finding in kept}
        hidden = [finding for finding in findings if id(finding) not in shown]
        kept = without_fixes_into(kept, hidden, suppressions)
        checker = next((r for r in rules if isinstance(r, UnusedSuppression)), None)
        if checker is None or any(
            d.kind == "disable-file" and checker.id in d.rules for d in directives
        ):
            return kept
        ran = {rule.id for rule in rules}
        complete = {rule_id for rule_id in RULES if settings.rules[rule_id].enabled} <= ran
        for hit in checker.report(directives, set(RULES), ran, complete):
            kept.append(self._place(document, hit, checker))
        return kept

    def analyse(self, document: Document, rules: list[Rule] | None = None) -> Page:
        """Split the document's prose into sentences with the model the rules need."""
        rules = self.rules if rules is None else rules
        return analyse(document, self._analyser_for(document, rules))

    @staticmethod
    def _analyser_for(document: Document, rules: list[Rule]) -> Analyser | None:
        """The model the rules need; None for a page with no prose (nothing to load)."""
        if not document.blocks:
            return None
        needs = frozenset({"sentences"}).union(*(rule.needs for rule in rules))
        with untimed():  # loading the model is not a page's fault
            return _analyser(needs, any(rule.parses for rule in rules))

    @staticmethod
    def _place(document: Document, hit: Hit, rule: Rule) -> Finding:
        severity = hit.severity or rule.severity
        if hit.block is None and hit.source_span is None:
            return Finding(rule.id, severity, 1, 1, 1, 1, "", hit.message, hit.suggestions)
        start, end = hit.source_span or hit.block.source_span(hit.start, hit.end)
        first, last = document.position(start), document.position(end)
        fix = placed_fix(document, hit.block, hit.fix) if hit.fix and hit.block else None
        return Finding(
            rule.id,
            severity,
            first.line,
            first.column,
            last.line,
            last.column,
            document.source[start:end],
            hit.message,
            hit.suggestions,
            fix,
        )


def shown_name(path: Path) -> str:
    """The path as text that can always be printed: bytes that are not UTF-8 become "�"."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@lru_cache(maxsize=4)
def _analyser(needs: frozenset[str], parses: bool) -> Analyser:
    """One analyser per set of needs, loaded on first use."""
    return Analyser(needs, parses)


def _guarded(name: str, step: Callable[..., Any], *args: Any) -> Any:
    """Run one step for one file; a bug in plainlint becomes that file's error.

    Settings and model errors stop the whole run, as they would for every file.
    """
    try:
        return step(*args)
    except InputError as exc:
        return FileResult(name, error=exc.reason)
    except PlainlintError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        return FileResult(
            name,
            error=f"plainlint could not check this file ({type(exc).__name__}: {exc}); "
            "please report this as a bug",
        )


def _timed(name: str, seconds: float, step: Callable[..., Any], *args: Any) -> Any:
    """`_guarded`, within the file's time limit: one that takes longer gets an error."""
    try:
        return within(seconds, _guarded, name, step, *args)
    except TimeUp:
        return FileResult(name, error=too_slow(seconds))


def _together(pages: list[_Prepared], step: Callable[[list[_Prepared]], None]) -> None:
    """One step over several pages at once, within the sum of their time limits.

    When it fails or runs out of time the pages are left as they are, and
    each goes on alone (a settings or model problem still stops the run).
    """
    if not pages:
        return
    try:
        within(sum(item.settings.max_seconds_per_file for item in pages), step, pages)
    except PlainlintError:
        raise
    except (Exception, TimeUp):  # noqa: BLE001, S110 - each page then goes on alone
        pass


def too_slow(seconds: float) -> str:
    """Why a file got no findings: it took longer than its time limit."""
    unit = "second" if seconds == 1 else "seconds"
    return (
        f"checking this file took longer than {seconds:g} {unit}, the limit set by "
        "max_seconds_per_file; split it into shorter pages, or raise max_seconds_per_file "
        "in the settings"
    )
