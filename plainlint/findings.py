"""What a check reports: findings with exact positions, and per-file results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How serious a finding is; the order matters for `--fail-on`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


@dataclass(frozen=True)
class Edit:
    """Text to put in place of the source from line:column up to end_line:end_column."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """The edit in the JSON output shape."""
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }


@dataclass(frozen=True)
class Fix:
    """The edits that fix a finding. A safe fix keeps the sentence right wherever it is
    made; any other needs a person to read the result (`--unsafe-fixes`)."""

    safe: bool
    edits: tuple[Edit, ...]

    def to_json(self) -> dict[str, Any]:
        """The fix in the JSON output shape."""
        return {"safe": self.safe, "edits": [edit.to_json() for edit in self.edits]}


@dataclass(frozen=True)
class Finding:
    """One problem at one place in a file; lines and columns are 1-based."""

    rule: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding in the JSON output shape; `fix` only where there is one."""
        shape = {
            "rule": self.rule,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.fix is not None:
            shape["fix"] = self.fix.to_json()
        return shape


@dataclass
class Metrics:
    """Reading figures for a file's prose."""

    words: int = 0
    sentences: int = 0
    average_sentence_words: float = 0.0
    flesch_reading_ease: float = 0.0
    flesch_kincaid_grade: float = 0.0
    smog_index: float = 0.0
    paragraphs: int = 0
    headings: int = 0
    images: int = 0  # pictures, diagrams and videos
    lists: int = 0
    passive_sentences_percent: float | None = None  # measured only when passive-voice runs

    def to_json(self) -> dict[str, Any]:
        """The metrics in the JSON output shape."""
        return {
            "words": self.words,
            "sentences": self.sentences,
            "average_sentence_words": self.average_sentence_words,
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "smog_index": self.smog_index,
            "paragraphs": self.paragraphs,
            "headings": self.headings,
            "images": self.images,
            "lists": self.lists,
            "passive_sentences_percent": self.passive_sentences_percent,
        }


@dataclass
class FileResult:
    """Everything found in one file, or why it could not be checked."""

    path: str
    metrics: Metrics = field(default_factory=Metrics)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
