"""Output formats: the protocol a ``--format`` plugin implements, and finding lines.

A formatter receives documents one at a time, so a corpus streams through in bounded memory.
Built-in formats (``text``, ``json``, ``jsonl``, ``github``) live in
:mod:`cleaner.plugins.formats` and are registered like any plugin's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TextIO

from cleaner.document import Document


@dataclass
class Output:
    """Where and for which command a formatter writes."""

    out: TextIO
    err: TextIO
    command: str  # "clean" or "check"
    quiet: bool = False


class Formatter(Protocol):
    def start(self, output: Output) -> None: ...

    def document(self, doc: Document, output: Output) -> None: ...

    def finish(self, output: Output) -> None: ...


def snippet(text: str, width: int = 60) -> str:
    """One-line preview of a removed or flagged text."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def finding_lines(doc: Document) -> list[tuple[int, int, str]]:
    """``(line, column, "RULE message")`` for every removal and flag, in document order.

    Removals made in the HTML before extraction have no offset; they come first at 0:0.
    """
    rows: list[tuple[int, int, str]] = []
    for r in doc.removed:
        if r.start is None:
            rows.append((0, 0, f"{r.rule} [{r.category}] removed from the page: {r.reason}: \"{snippet(r.text)}\""))
            continue
        line, col = doc.position(r.start)
        rows.append((line, col, f"{r.rule} [{r.category}] removed: {r.reason}: \"{snippet(r.text)}\""))
    for f in doc.flags:
        where = " (in removed text)" if f.removed else ""
        rows.append((f.line, f.column, f"{f.rule} [{f.category}] {f.message}{where}"))
    rows.sort(key=lambda row: (row[0], row[1]))
    return rows


def report_lines(doc: Document) -> list[str]:
    """``path:line:col: RULE [category] message`` for every finding (``path:`` alone at 0:0)."""
    return [
        f"{doc.source}:{line}:{col}: {message}" if line else f"{doc.source}: {message}"
        for line, col, message in finding_lines(doc)
    ]


def error_lines(doc: Document) -> list[str]:
    """One line per rule or plugin that raised on this document."""
    return [
        f"{doc.source}: rule {e.rule} (plugin {e.plugin}) failed: {e.error}" for e in doc.errors
    ]
