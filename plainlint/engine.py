"""The pipeline: read each file, analyse its prose once, run the rules, place the findings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from plainlint.config import Settings
from plainlint.documents import Document, parse_document
from plainlint.errors import InputError, PlainlintError
from plainlint.files import Target, find_files, read_text
from plainlint.findings import FileResult, Finding
from plainlint.glossary import Glossary, load_glossary
from plainlint.language_model import Analyser
from plainlint.page import Page, analyse
from plainlint.rules import RULES, Hit, Rule


@dataclass
class Linter:
    """Checks files against the enabled rules; the language model loads on first use."""

    settings: Settings
    rules: list[Rule]

    @classmethod
    def create(
        cls, settings: Settings, select: set[str] | None = None, ignore: set[str] | None = None
    ) -> Linter:
        """A linter with the rules that are enabled, selected and not ignored.

        The glossary loads only when a chosen rule reads it.
        """
        chosen = [
            rule_class
            for rule_id, rule_class in RULES.items()
            if (rule_id in select if select is not None else settings.rules[rule_id].enabled)
            and rule_id not in (ignore or set())
        ]
        glossary = Glossary()
        if any(rule_class.uses_glossary for rule_class in chosen):
            glossary = load_glossary(settings.glossaries)
        rules = [
            rule_class(
                settings.rules[rule_class.id].severity,
                settings.rules[rule_class.id].options,
                glossary,
            )
            for rule_class in chosen
        ]
        return cls(settings, rules)

    def check_paths(self, paths: list[Path]) -> Iterator[FileResult]:
        """A result for every file found under `paths`, in order."""
        for target in find_files(paths, self.settings.extensions):
            yield self.check_target(target)

    def check_target(self, target: Target) -> FileResult:
        """Check one file; a file that cannot be read gives a result with an error."""
        name = str(target.path)
        if target.problem:
            return FileResult(name, error=target.problem)
        try:
            source = read_text(target.path)
            format_name = self.settings.format_for(target.path)
            assert format_name is not None
            return self.check_source(name, source, format_name)
        except InputError as exc:
            return FileResult(name, error=exc.reason)
        except PlainlintError:
            raise  # settings or model trouble stops the whole run
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            return FileResult(
                name,
                error=f"plainlint could not check this file ({type(exc).__name__}: {exc}); "
                "please report this as a bug",
            )

    def check_source(self, name: str, source: str, format_name: str) -> FileResult:
        """Check text already in memory, as if it were the file `name`."""
        try:
            document = parse_document(name, source, format_name)
        except RecursionError:
            return FileResult(name, error="this file is nested too deeply to read")
        document.blocks = [b for b in document.blocks if not self.settings.skips(b.sections)]
        page = self.analyse(document)
        findings = [
            self._place(document, hit, rule) for rule in self.rules for hit in rule.check(page)
        ]
        for rule in self.rules:
            for metric, value in rule.measure(page).items():
                if not hasattr(page.metrics, metric):
                    raise AttributeError(f"{rule.id} measures {metric!r}, which Metrics lacks")
                setattr(page.metrics, metric, value)
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return FileResult(name, page.metrics, findings)

    def analyse(self, document: Document) -> Page:
        """Split the document's prose into sentences with the model the rules need."""
        if not document.blocks:
            return analyse(document, None)  # nothing to read: no need to load the model
        needs = frozenset({"sentences"}).union(*(rule.needs for rule in self.rules))
        parses = any(rule.parses for rule in self.rules)
        return analyse(document, _analyser(needs, parses))

    @staticmethod
    def _place(document: Document, hit: Hit, rule: Rule) -> Finding:
        severity = hit.severity or rule.severity
        if hit.block is None:
            return Finding(rule.id, severity, 1, 1, 1, 1, "", hit.message, hit.suggestions)
        start, end = hit.source_span or hit.block.source_span(hit.start, hit.end)
        first, last = document.position(start), document.position(end)
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
        )


@lru_cache(maxsize=4)
def _analyser(needs: frozenset[str], parses: bool) -> Analyser:
    """One analyser per set of needs, loaded on first use."""
    return Analyser(needs, parses)
