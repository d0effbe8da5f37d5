"""Loader and metrics for corpora laid out like WCXB (``html/ID.html.gz``, ``ground-truth/ID.json``).

Shared by the boilerplate benchmark and the tests that use the shared corpus. The metrics are
the benchmark's own: word F1 is a bag of lowercase ``\\w+`` words against ``main_content``,
per page; a leak is a ``without`` snippet (known boilerplate) still found in the output,
whitespace-normalised and case-insensitive.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wcxb-dev"

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass
class Page:
    """One annotated page: its id, gold text, boilerplate snippets and (lazily) its HTML."""

    id: str
    url: str
    main_content: str
    without: list[str]
    html_path: Path | None
    noisy: str | None = None  # trafilatura favor_recall output, from pairs.jsonl
    extra: dict = field(default_factory=dict)

    def html(self) -> str:
        assert self.html_path is not None
        return gzip.decompress(self.html_path.read_bytes()).decode("utf-8", errors="replace")

    @property
    def held_out(self) -> bool:
        """Odd ids are held out: rules are tuned on even ids (the dev half) only."""
        return int(re.sub(r"\D", "", self.id) or 0) % 2 == 1


def available(corpus: Path = DEFAULT_CORPUS) -> bool:
    return (corpus / "ground-truth").is_dir()


def load_pages(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[Page]:
    """Pages with non-empty gold text, in id order, with the ``noisy`` text of pairs.jsonl."""
    noisy: dict[str, str] = {}
    pairs = corpus / "pairs.jsonl"
    if pairs.is_file():
        for line in pairs.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                row = json.loads(line)
                noisy[row["id"]] = row["noisy"]
    pages = []
    for gt_path in sorted((corpus / "ground-truth").glob("*.json")):
        data = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = data.get("ground_truth", {})
        main = gt.get("main_content") or ""
        if not main.strip():
            continue
        page_id = gt_path.stem
        html_path = corpus / "html" / f"{page_id}.html.gz"
        pages.append(
            Page(page_id, data.get("url", ""), main, list(gt.get("without") or []),
                 html_path if html_path.is_file() else None, noisy.get(page_id))
        )
        if limit and len(pages) >= limit:
            break
    return pages


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def word_f1(output: str, gold: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bag of lowercase words of ``output`` against ``gold``."""
    got, want = words(output), words(gold)
    common = sum((got & want).values())
    if not got or not want:
        return (0.0, 0.0, 0.0) if got or want else (1.0, 1.0, 1.0)
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def leaks(output: str, snippets: list[str]) -> tuple[int, int]:
    """(snippets still present, snippets checked) for the ``without`` list."""
    hay = norm(output)
    checked = [norm(s) for s in snippets if s.strip()]
    return sum(1 for s in checked if s in hay), len(checked)


def gold_lines(gold: str) -> set[str]:
    return {norm(line) for line in gold.splitlines() if line.strip()}


def iter_split(pages: list[Page], split: str) -> Iterator[Page]:
    for page in pages:
        if split == "all" or (split == "held-out") == page.held_out:
            yield page
