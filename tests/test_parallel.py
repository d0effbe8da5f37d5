"""-j N gives the same output, in the same order, as -j 1; memory stays bounded by the window."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaner.parallel import batched, ordered_map

ARGS = ["-p", "no:typos", "--isolated", "--no-entry-points"]


def _corpus(tmp_path: Path) -> Path:
    src = tmp_path / "c.jsonl"
    lines = []
    for i in range(45):
        text = f"Story {i}\n\nThe market rose by {i} points on day {i}.\n"
        if i % 4 == 0:
            text += "\nShare this article\n"
        if i % 3 == 0:
            text += "\nThe Daily Example: all the news, every day\n"
        lines.append(json.dumps({"id": i, "text": text}))
        if i == 20:
            lines.append("[1, 2]")  # a bad record in the middle
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner.cli", *args], capture_output=True, check=False,
                          text=True, timeout=120)


def test_two_workers_match_one_in_order(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    one = _run("clean", str(src), "-j", "1", *ARGS)
    two = _run("clean", str(src), "-j", "2", *ARGS)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    ids = [json.loads(line).get("id") if line.startswith("{") else None for line in two.stdout.splitlines()]
    assert ids == list(range(21)) + [None] + list(range(21, 45))
    assert f"{src}:22: not a JSON object but list" in two.stderr
    rules = [r["rule"] for line in two.stdout.splitlines() if line.startswith("{")
             for r in json.loads(line)["removed"]]
    assert rules.count("D101") == 15 and rules.count("B301") == 12


def test_ordered_map_keeps_order_and_bounds_work_in_flight() -> None:
    submitted: list[int] = []
    in_flight: list[int] = []
    taken: list[int] = []

    def source():
        for i in range(20):
            submitted.append(i)
            yield i

    def submit(i: int) -> int:
        in_flight.append(len(submitted) - len(taken))
        return i * 10

    def get(handle: int) -> int:
        taken.append(handle)
        return handle

    out = list(ordered_map(submit, get, source(), window=3))
    assert out == [(i, i * 10) for i in range(20)]
    assert max(in_flight) <= 3


def test_batched_by_count_and_size() -> None:
    assert list(batched(range(5), lambda _: 1, max_docs=2)) == [[0, 1], [2, 3], [4]]
    assert list(batched(["aaaa", "b", "cc"], len, max_docs=10, max_bytes=4)) == [["aaaa"], ["b", "cc"]]


def test_workers_inherit_the_parents_cleaner(tmp_path: Path) -> None:
    """-j 2 builds (and warms) one Cleaner, in the parent; forked workers reuse it."""
    import os

    src = _corpus(tmp_path)
    log = tmp_path / "built.log"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent / "data"),
           "COUNTING_PLUGIN_LOG": str(log)}
    result = subprocess.run([sys.executable, "-m", "cleaner.cli", "clean", str(src), "-j", "2",
                             "-p", "counting_plugin", *ARGS], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 2  # the bad record
    assert len(log.read_text().splitlines()) == 1


def test_files_are_batched_by_the_sizes_workers_report(tmp_path: Path) -> None:
    from cleaner.inputs import InputItem, with_size
    from cleaner.parallel import BATCH_BYTES, BATCH_DOCS, SizeEstimate

    page = tmp_path / "page.html"
    page.write_bytes(b"x" * 5000)
    unread = InputItem(str(page), None, path=str(page))
    estimate = SizeEstimate()
    # Before any report: the size that makes a batch of BATCH_DOCS documents.
    assert estimate.size(unread) == BATCH_BYTES // BATCH_DOCS
    estimate.add(2, 30_000)
    assert estimate.size(unread) == 15_000
    # A known size wins: data read here, or a file stat'ed by with_size (the run's first inputs).
    assert estimate.size(InputItem("rec", "abc")) == 3
    assert estimate.size(with_size(unread)) == 5000
    assert with_size(InputItem(str(tmp_path / "gone.txt"), None, path=str(tmp_path / "gone.txt"))).size == 0
    sizes = [estimate.size(unread)] * 100
    assert [len(b) for b in batched(sizes, int, max_docs=64)] == [35, 35, 30]
