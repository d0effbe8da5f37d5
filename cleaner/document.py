"""The document record: what was read, what was repaired, removed and flagged.

A document never changes its original. ``original`` is the text as read (decoded; for HTML
input, the text extracted from the page), ``repaired`` is the text after repairs, and every
removal and flag carries a span into ``original`` so that ``original[start:end] == text``.
``text`` is the clean output: the repaired text without the removed blocks (and with typo
corrections when the user asked for them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaner.textmap import LineIndex, TextMap


@dataclass(frozen=True)
class Removal:
    """A stretch of boilerplate taken out of the output, and why."""

    start: int | None
    end: int | None
    text: str
    rule: str
    category: str
    reason: str
    stage: str = "text"  # "text" for rules on the text, "html" for elements dropped before extraction

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "category": self.category,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Flag:
    """Something a person should look at (a likely typo), with suggestions."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    message: str
    suggestions: tuple[str, ...]
    confidence: float
    line: int
    column: int
    removed: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "category": self.category,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "confidence": round(self.confidence, 3),
            "line": self.line,
            "column": self.column,
            "removed": self.removed,
        }


@dataclass(frozen=True)
class Repair:
    """One change a repair rule made, with the original span it replaced."""

    start: int
    end: int
    text: str
    replacement: str
    rule: str


@dataclass(frozen=True)
class Correction:
    """A typo fix applied to the output (only with ``fix_typos``)."""

    start: int
    end: int
    text: str
    replacement: str
    rule: str


@dataclass(frozen=True)
class RuleError:
    """A rule or plugin that raised on this document; the document is still output."""

    plugin: str
    rule: str
    stage: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"plugin": self.plugin, "rule": self.rule, "stage": self.stage, "error": self.error}


@dataclass
class Document:
    """One document moving through the pipeline.

    Built by a loader, filled by the pipeline stages; plugins read it and return findings
    rather than mutating it, so that the pipeline can attribute every change to a rule.
    """

    source: str
    original: str
    repaired: str = ""
    text: str = ""
    format: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    textmap: TextMap | None = field(default=None, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.repaired:
            self.repaired = self.original
        if self.textmap is None:
            self.textmap = TextMap.identity(len(self.original))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into ``original``."""
        if self._lines is None:
            self._lines = LineIndex(self.original)
        return self._lines.position(offset)

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``repaired`` to ``original``."""
        assert self.textmap is not None
        return self.textmap.span_to_original(start, end)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: source, text, removed, flags (and errors when there are any)."""
        data: dict[str, Any] = {
            "source": self.source,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "flags": [f.to_dict() for f in self.flags],
        }
        if self.errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data
