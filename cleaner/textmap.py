"""Offsets between the text as read and the text after repairs.

Repairs (ftfy, whitespace) change the text, but every removal and flag must point into the
document *as read*, so that ``original[start:end] == text`` holds for tools that consume our
JSON. A :class:`TextMap` records which stretches of the current text were copied from the
original and which were replaced, and maps spans back. Offsets are code points.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; offsets are into the text being edited."""

    start: int
    end: int
    replacement: str


class TextMap:
    """Piecewise map from positions in an edited text to positions in its original.

    The edited text is a sequence of segments; each is either copied from the original
    (``orig_start..orig_end`` of equal length) or a replacement that stands for
    ``orig_start..orig_end`` as a whole. A position inside a replacement maps to the start of
    what it replaced (for span starts) or to its end (for span ends), so a mapped span always
    covers every original character that contributed to it.
    """

    __slots__ = ("_new_starts", "_segments", "length")

    def __init__(self, length: int) -> None:
        # segment: (new_start, new_end, orig_start, orig_end, copied)
        self._segments: list[tuple[int, int, int, int, bool]] = [(0, length, 0, length, True)]
        self._new_starts: list[int] = [0]
        self.length = length

    @classmethod
    def identity(cls, length: int) -> TextMap:
        return cls(length)

    def to_original(self, pos: int, *, side: str = "start") -> int:
        """Map a position in the edited text to the original text."""
        if not self._segments:
            return 0
        i = bisect.bisect_right(self._new_starts, pos) - 1
        i = max(0, min(i, len(self._segments) - 1))
        new_start, _, orig_start, orig_end, copied = self._segments[i]
        if side == "end" and pos == new_start and i > 0:
            # An end position at a boundary belongs to the non-empty segment before it, so a
            # span ending just before a deletion does not swallow the deleted characters.
            j = i - 1
            while j > 0 and self._segments[j][0] == self._segments[j][1]:
                j -= 1
            new_start, _, orig_start, orig_end, copied = self._segments[j]
        if copied:
            return min(orig_start + (pos - new_start), orig_end)
        return orig_start if side == "start" else orig_end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        a = self.to_original(start, side="start")
        b = self.to_original(end, side="end") if end > start else a
        return a, max(a, b)

    def apply(self, text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
        """Apply non-overlapping edits to ``text`` (which this map currently describes).

        Edits are sorted and overlapping ones skipped (the first wins), as linters apply fixes.
        Returns the new text and the edits that were applied; the map is updated in place.
        """
        applied: list[Edit] = []
        last_end = -1
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < last_end or edit.start < 0 or edit.end > len(text):
                continue
            if text[edit.start : edit.end] == edit.replacement:
                continue
            applied.append(edit)
            last_end = max(edit.end, edit.start + 1) if edit.start == edit.end else edit.end
        if not applied:
            return text, applied
        pieces: list[str] = []
        new_segments: list[tuple[int, int, int, int, bool]] = []
        cursor = 0
        out_len = 0

        def emit_copy(a: int, b: int) -> None:
            nonlocal out_len
            if b <= a:
                return
            pieces.append(text[a:b])
            for seg in self._slice(a, b):
                ns, ne, os_, oe, copied = seg
                new_segments.append((out_len + ns - a, out_len + ne - a, os_, oe, copied))
            out_len += b - a

        for edit in applied:
            emit_copy(cursor, edit.start)
            orig_a = self.to_original(edit.start, side="start")
            # For an insertion too: inside a replacement it stands for the whole replaced run,
            # so the map stays monotonic (an empty range there would end before its neighbours).
            orig_b = self.to_original(edit.end, side="end")
            pieces.append(edit.replacement)
            n = len(edit.replacement)
            new_segments.append((out_len, out_len + n, orig_a, max(orig_a, orig_b), False))
            out_len += n
            cursor = edit.end
        emit_copy(cursor, len(text))
        self._segments = _merge([s for s in new_segments if s[1] > s[0] or not s[4]])
        self._new_starts = [s[0] for s in self._segments]
        self.length = out_len
        return "".join(pieces), applied

    def _slice(self, a: int, b: int) -> Iterable[tuple[int, int, int, int, bool]]:
        """Segments covering ``[a, b)`` of the current text, cut to that range."""
        i = max(0, bisect.bisect_right(self._new_starts, a) - 1)
        while i < len(self._segments):
            ns, ne, os_, oe, copied = self._segments[i]
            if ns >= b:
                break
            if ne > a or (ns == ne and a <= ns < b):
                lo, hi = max(ns, a), min(ne, b)
                if copied:
                    yield (lo, hi, os_ + (lo - ns), os_ + (hi - ns), True)
                elif lo == ns and hi == ne:
                    yield (ns, ne, os_, oe, False)
                else:
                    # Part of a replacement survives: it still stands for the whole original run.
                    yield (lo, hi, os_, oe, False)
            i += 1


def _merge(
    segments: list[tuple[int, int, int, int, bool]],
) -> list[tuple[int, int, int, int, bool]]:
    """Join adjacent copied segments that are contiguous in both texts (keeps lookups short)."""
    merged: list[tuple[int, int, int, int, bool]] = []
    for seg in segments:
        if merged:
            ns, ne, os_, oe, copied = merged[-1]
            if copied and seg[4] and seg[0] == ne and seg[2] == oe:
                merged[-1] = (ns, seg[1], os_, seg[3], True)
                continue
        merged.append(seg)
    return merged


class LineIndex:
    """Line and column (1-based, in code points) for offsets of one text, computed in one place."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
