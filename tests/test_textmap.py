"""The offset map from repaired text back to the original, against a simple reference model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.plugins import repair
from cleaner.plugins.repair import diff_edits
from cleaner.textmap import Edit, LineIndex, TextMap

ALPHABET = "ab \n\u00e9"
texts = st.text(alphabet=ALPHABET, max_size=40)


def _apply_plain(text: str, edits: list[Edit]) -> str:
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


@st.composite
def edit_rounds(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    original = draw(texts)
    rounds = []
    length = len(original)
    for _ in range(draw(st.integers(0, 4))):
        edits = []
        for _ in range(draw(st.integers(0, 4))):
            a = draw(st.integers(0, length))
            b = draw(st.integers(a, min(length, a + 5)))
            edits.append((a, b, draw(st.text(alphabet="xyZ ", max_size=3))))
        rounds.append(edits)
        # later rounds draw offsets against a length we only know after applying; keep within
        # the shortest possible text so every edit is in range or skipped by apply()
        length = max(0, length - 5 * len(edits))
    return original, rounds


@settings(max_examples=300, deadline=None)
@given(edit_rounds())
def test_map_covers_what_each_character_came_from(case: tuple[str, list[list[tuple[int, int, str]]]]) -> None:
    original, rounds = case
    tmap = TextMap.identity(len(original))
    text = original
    # Reference model: for each character of the current text, the original interval it stands
    # for ((o, o + 1) when copied; the union of what it replaced when it is a replacement).
    cover: list[tuple[int, int] | None] = [(i, i + 1) for i in range(len(original))]
    copied: list[bool] = [True] * len(original)
    for edits in rounds:
        text, applied = tmap.apply(text, [Edit(a, b, r) for a, b, r in edits])
        for e in sorted(applied, key=lambda e: e.start, reverse=True):
            spans = [c for c in cover[e.start : e.end] if c is not None]
            merged = (min(c[0] for c in spans), max(c[1] for c in spans)) if spans else None
            cover[e.start : e.end] = [merged] * len(e.replacement)
            copied[e.start : e.end] = [False] * len(e.replacement)
        assert len(cover) == len(text) == tmap.length
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            a, b = tmap.span_to_original(s, e)
            assert 0 <= a <= b <= len(original)
            for c in cover[s:e]:
                if c is not None:
                    assert a <= c[0] and c[1] <= b, (s, e, a, b, c)
            if e > s and all(copied[s:e]):
                origins = [c[0] for c in cover[s:e] if c is not None]
                if origins == list(range(origins[0], origins[0] + e - s)):
                    assert (a, b) == (origins[0], origins[-1] + 1)
                    assert original[a:b] == text[s:e]


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_mapping_is_monotonic(original: str, data: st.DataObject) -> None:
    tmap = TextMap.identity(len(original))
    text = original
    for _ in range(3):
        edits = []
        for _ in range(data.draw(st.integers(0, 3))):
            a = data.draw(st.integers(0, len(text)))
            b = data.draw(st.integers(a, len(text)))
            edits.append(Edit(a, b, data.draw(st.text(alphabet="xy", max_size=2))))
        text, _ = tmap.apply(text, edits)
    starts = [tmap.to_original(p, side="start") for p in range(len(text) + 1)]
    ends = [tmap.to_original(p, side="end") for p in range(len(text) + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    # (a start may map past an end at the same point: a span starting or ending at a deletion
    # leaves the deleted characters out either way)


def test_overlapping_edits_first_wins() -> None:
    tmap = TextMap.identity(6)
    text, applied = tmap.apply("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y")])
    assert (text, applied) == ("aXdef", [Edit(1, 3, "X")])
    assert tmap.span_to_original(1, 2) == (1, 3)
    assert tmap.span_to_original(2, 5) == (3, 6)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.integers(0, 5))
def test_diff_edits_turn_old_into_new(old: str, new: str, offset: int) -> None:
    edits = list(diff_edits(old, new))
    assert _apply_plain(old, edits) == new
    assert all(e.start <= e.end for e in edits)
    assert TextMap.identity(len(old)).apply(old, edits)[0] == new
    shifted = list(diff_edits(old, new, offset))
    assert [(e.start - offset, e.end - offset, e.replacement) for e in shifted] == [
        (e.start, e.end, e.replacement) for e in edits
    ]


@pytest.mark.parametrize("budget", [0, 16, 400])
@settings(max_examples=150, deadline=None)
@given(old=st.text(alphabet="ab &;\u00c3\u00a9", max_size=80),
       new=st.text(alphabet="ab &;\u00e9", max_size=80))
def test_diff_edits_stay_exact_past_the_budget(budget: int, old: str, new: str) -> None:
    saved = repair._DIFF_BUDGET
    repair._DIFF_BUDGET = budget  # force the token and whole-middle fallbacks
    try:
        edits = list(diff_edits(old, new))
    finally:
        repair._DIFF_BUDGET = saved
    assert _apply_plain(old, edits) == new
    ends = [-1] + [e.end for e in edits]
    assert all(e.start > prev for e, prev in zip(edits, ends))  # sorted, apart
    assert TextMap.identity(len(old)).apply(old, edits)[0] == new  # as the pipeline applies them


def test_diff_of_a_long_line_is_fast_and_local() -> None:
    old = "cafÃ© " * 20_000
    new = "café " * 20_000
    edits = list(diff_edits(old, new))
    assert _apply_plain(old, edits) == new
    assert len(edits) == 20_000  # paired token by token: one edit per word, not one for all


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n\r", max_size=50), st.data())
def test_line_index_matches_a_naive_count(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    assert LineIndex(text).position(offset) == (line, column)
