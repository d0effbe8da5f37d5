"""Guard rails on the shared WCXB dev corpus (skipped when ../shared is absent).

Fast checks only: the text rules on the ``noisy`` texts of pairs.jsonl must remove few gold
lines and must lower the leak rate. The full benchmark is ``benchmarks/bench_boilerplate.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks import wcxb
from cleaner import Cleaner

pytestmark = pytest.mark.skipif(not wcxb.available(), reason="shared WCXB corpus not present")


@pytest.fixture(scope="module")
def results() -> list[tuple[wcxb.Page, str, list]]:
    cleaner = Cleaner(ignore=["T"], load_entrypoints=False)
    pages = [p for p in wcxb.load_pages(limit=300) if p.noisy]
    out = []
    for page in pages:
        doc = cleaner.clean(page.noisy, source=page.id, kind="text")
        out.append((page, doc.text, doc.removed))
    return out


def test_few_gold_lines_removed(results: list) -> None:
    gold = wrong = 0
    for page, _, removed in results:
        lines = wcxb.gold_lines(page.main_content)
        gold += len(lines)
        wrong += len({wcxb.norm(r.text) for r in removed} & lines)
    assert wrong / gold < 0.01


def test_leak_rate_drops(results: list) -> None:
    before = after = checked = 0
    for page, text, _ in results:
        b, n = wcxb.leaks(page.noisy, page.without)
        a, _ = wcxb.leaks(text, page.without)
        before, after, checked = before + b, after + a, checked + n
    assert after < before * 0.8
    assert after / checked < 0.04
