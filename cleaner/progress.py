"""A progress bar on stderr for corpus runs, and nothing at all when nobody is watching.

Shown only when stderr is a terminal and ``-q`` was not given, so logs, pipes and tests stay
clean. rich is imported only when the bar is shown: ``cleaner --version`` stays fast.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO


class Progress:
    """Counts documents and bytes; draws a bar when enabled, otherwise does nothing."""

    def __init__(self, enabled: bool, total: int | None = None, stream: TextIO | None = None) -> None:
        self._bar: Any = None
        self._task: Any = None
        self.total = total
        if not enabled:
            return
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress
        except ImportError:  # pragma: no cover - rich is a dependency
            return
        columns = [TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
        if total is not None:
            columns.append(TimeRemainingColumn())
        # stderr messages are routed above the bar; stdout (the cleaned text, JSONL records)
        # must never go through rich, which would send it to the terminal's stderr.
        self._bar = RichProgress(*columns, console=Console(file=stream or sys.stderr),
                                 transient=True, redirect_stdout=False, redirect_stderr=True)
        self._task = self._bar.add_task("cleaning", total=total, rate="")
        self._bar.start()

    def advance(self, documents: int, rate: str = "") -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=documents, rate=rate)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    """A bar only for a person at a terminal."""
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()
