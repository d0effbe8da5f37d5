"""The closing summary of a run: what was cleaned, removed, flagged and failed, and how fast.

Counted in the parent as documents come back from the workers, so the numbers are the same
for -j 1, -j N and Dask. Printed on stderr with ``--statistics`` (and after interactive runs
over several documents), in the spirit of ``ruff --statistics``.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from cleaner.document import Document


@dataclass
class Summary:
    """Counters for one run."""

    documents: int = 0
    bytes: int = 0
    errors: int = 0
    removed: Counter[str] = field(default_factory=Counter)  # by category
    flags: Counter[str] = field(default_factory=Counter)  # by rule
    rule_errors: Counter[str] = field(default_factory=Counter)  # by rule
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def add(self, doc: Document, size: int) -> None:
        self.documents += 1
        self.bytes += size
        # Plain loops: Counter.update pays an isinstance(Mapping) check per call, and most
        # documents have nothing in two of the three lists (this runs in the feeding process).
        for r in doc.removed:
            self.removed[r.category] += 1
        for f in doc.flags:
            self.flags[f.rule] += 1
        for e in doc.errors:
            self.rule_errors[e.rule] += 1

    def failed(self, size: int = 0) -> None:
        self.errors += 1
        self.bytes += size

    @property
    def seconds(self) -> float:
        return max(time.perf_counter() - self.started, 1e-9)

    def lines(self) -> list[str]:
        """The summary as lines of text."""
        secs = self.seconds
        mb = self.bytes / 1e6
        out = [
            (f"{self.documents:,} documents cleaned, {self.errors:,} failed, "
             f"{mb:,.1f} MB in {secs:,.1f} s "
             f"({self.documents / secs:,.1f} documents/s, {mb / secs:,.2f} MB/s)")
        ]
        total_removed = sum(self.removed.values())
        out.append(f"removed: {total_removed:,}" + _breakdown(self.removed))
        out.append(f"flagged: {sum(self.flags.values()):,}" + _breakdown(self.flags))
        if self.rule_errors:
            out.append(f"rule errors: {sum(self.rule_errors.values()):,}" + _breakdown(self.rule_errors))
        out.extend(f"note: {n}" for n in self.notes)
        return out

    def print(self, stream: TextIO) -> None:
        stream.writelines(f"cleaner: {line}\n" for line in self.lines())
        stream.flush()


def _breakdown(counter: Counter[str]) -> str:
    if not counter:
        return ""
    return " (" + ", ".join(f"{key} {n:,}" for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) + ")"
