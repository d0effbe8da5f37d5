"""Score boilerplate removal on a WCXB-style corpus, next to trafilatura alone.

    .venv/bin/python benchmarks/bench_boilerplate.py [--limit N] [--corpus DIR] [--jobs N] [--text-only]

Systems, on the pages with gold text (``ground_truth.main_content``):

* ``trafilatura`` default / ``favor_precision`` / ``favor_recall``: the extractor alone,
  ``trafilatura.extract(html)`` with library defaults (so comments are included);
* ``cleaner html``: ``Cleaner(ignore=["T"]).clean(page_html, kind="html")``;
* ``pairs noisy``: the ``noisy`` text of pairs.jsonl as is (trafilatura favor_recall output,
  without comments);
* ``cleaner text``: the same noisy text cleaned with ``kind="text"``.

Metrics: word F1 (bag of lowercase words, per page, mean; the benchmark's own score), leak
rate (share of ``without`` snippets still in the output) and "gold lines removed" (share of
the non-empty lines of the gold text that a text rule of ours removed). Rules are tuned on the
dev half (even ids); the held-out half (odd ids) says how well they generalise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import wcxb

BASELINES = {
    "trafilatura default": {},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura favor_recall": {"favor_recall": True},
}
CACHE = wcxb.ROOT / "benchmarks" / "results" / "trafilatura-cache.json"
CACHE_SPEC = "extract(html, **mode), library defaults"

_cleaner: Any = None


def _get_cleaner() -> Any:
    global _cleaner
    if _cleaner is None:
        from cleaner import Cleaner

        _cleaner = Cleaner(ignore=["T"], load_entrypoints=False)
    return _cleaner


def _removals(doc: Any) -> list[tuple[str, str, str]]:
    return [(r.rule, r.stage, r.text) for r in doc.removed]


def run_page(page: wcxb.Page, need_baselines: list[str], text_only: bool = False) -> dict[str, Any]:
    """Every system's output for one page (baselines only when not cached)."""
    out: dict[str, Any] = {"id": page.id, "baselines": {}}
    html = page.html() if page.html_path and not text_only else None
    if html is not None:
        import trafilatura

        for name in need_baselines:
            text = trafilatura.extract(html, **BASELINES[name])  # library defaults otherwise
            out["baselines"][name] = text or ""
        doc = _get_cleaner().clean(html, source=f"{page.id}.html", kind="html")
        out["html"] = (doc.text, _removals(doc))
    if page.noisy is not None:
        doc = _get_cleaner().clean(page.noisy, source=f"{page.id}.txt", kind="text")
        out["text"] = (doc.text, _removals(doc))
    return out


def _load_cache() -> dict[str, dict[str, str]]:
    try:
        import trafilatura

        data = json.loads(CACHE.read_text(encoding="utf-8"))
        same = data.get("version") == trafilatura.__version__ and data.get("spec") == CACHE_SPEC
        return data["pages"] if same else {}
    except (OSError, ValueError, KeyError):
        return {}


def _save_cache(cache: dict[str, dict[str, str]]) -> None:
    import trafilatura

    CACHE.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": trafilatura.__version__, "spec": CACHE_SPEC, "pages": cache}
    CACHE.write_text(json.dumps(data), "utf-8")


class Score:
    """Running totals for one system on one split."""

    def __init__(self) -> None:
        self.f1: list[float] = []
        self.p: list[float] = []
        self.r: list[float] = []
        self.leaked = self.checked = 0
        self.gold_lines = self.wrong_text = self.wrong_html = 0

    def add(self, page: wcxb.Page, text: str, removed: list[tuple[str, str, str]] | None) -> None:
        p, r, f = wcxb.word_f1(text, page.main_content)
        self.p.append(p), self.r.append(r), self.f1.append(f)
        leaked, checked = wcxb.leaks(text, page.without)
        self.leaked += leaked
        self.checked += checked
        if removed is not None:
            gold = wcxb.gold_lines(page.main_content)
            self.gold_lines += len(gold)
            hit_text = {wcxb.norm(t) for _, stage, t in removed if stage != "html"} & gold
            hit_html = {wcxb.norm(t) for _, stage, t in removed if stage == "html"} & gold
            self.wrong_text += len(hit_text)
            self.wrong_html += len(hit_html)

    def row(self, name: str) -> str:
        n = len(self.f1) or 1
        leak = 100 * self.leaked / (self.checked or 1)
        wrong = (f"{100 * self.wrong_text / self.gold_lines:5.2f}%" if self.gold_lines else "    -")
        wrong_html = (f"{100 * self.wrong_html / self.gold_lines:5.2f}%" if self.gold_lines else "    -")
        return (f"| {name:<29} | {len(self.f1):5d} | {sum(self.p) / n:.3f} | {sum(self.r) / n:.3f} "
                f"| {sum(self.f1) / n:.4f} | {leak:5.2f}% | {wrong:>6} | {wrong_html:>6} |")


ORACLE = "ceiling: line oracle (pairs)"


def line_oracle(noisy: str, gold: str) -> str:
    """What removing whole lines could reach at best: ``noisy`` without every line of which
    less than half the words are in the gold text. Not a system (it reads the gold): it shows
    how much of the text path's gap to a perfect score removal can close at all; the rest is
    content trafilatura never extracted."""
    wanted = wcxb.words(gold)
    kept = []
    for line in noisy.splitlines():
        found = wcxb.words(line)
        total = sum(found.values())
        if not total or 2 * sum((found & wanted).values()) >= total:
            kept.append(line)
    return "\n".join(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=wcxb.DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dump", type=Path, default=None, help="write per-page outputs (JSONL)")
    parser.add_argument("--text-only", action="store_true",
                        help="only the text path: pairs noisy as is and cleaned (no HTML, no trafilatura)")
    args = parser.parse_args(argv)
    if not wcxb.available(args.corpus):
        print(f"corpus not found at {args.corpus}: nothing to benchmark (skipped)")
        return 0
    pages = wcxb.load_pages(args.corpus, args.limit)
    if args.text_only:
        pages = [p for p in pages if p.noisy is not None]
    cache = {} if args.text_only else _load_cache()
    began = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(run_page, p, [] if args.text_only else
                        [b for b in BASELINES if b not in cache.get(p.id, {})], args.text_only)
            for p in pages
        ]
        results = {p.id: f.result() for p, f in zip(pages, futures)}
    elapsed = time.perf_counter() - began
    if not args.text_only:
        for pid, res in results.items():
            cache.setdefault(pid, {}).update(res["baselines"])
        _save_cache(cache)

    systems = ([] if args.text_only else [*BASELINES, "cleaner html"]) + [
        "pairs noisy (favor_recall)", "cleaner text (pairs)", ORACLE]
    scores = {(s, split): Score() for s in systems for split in ("dev", "held-out", "all")}
    rule_counts: dict[str, Counter[str]] = {"html": Counter(), "text": Counter()}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for page in pages:
        res = results[page.id]
        outputs: dict[str, tuple[str, list | None]] = {}
        if page.html_path and not args.text_only:
            for name in BASELINES:
                outputs[name] = (cache[page.id][name], None)
            outputs["cleaner html"] = tuple(res["html"])  # type: ignore[assignment]
            rule_counts["html"].update(r for r, _, _ in res["html"][1])
        if page.noisy is not None:
            outputs["pairs noisy (favor_recall)"] = (page.noisy, None)
            outputs["cleaner text (pairs)"] = tuple(res["text"])  # type: ignore[assignment]
            outputs[ORACLE] = (line_oracle(page.noisy, page.main_content), None)
            rule_counts["text"].update(r for r, _, _ in res["text"][1])
        for name, (text, removed) in outputs.items():
            for split in ("held-out" if page.held_out else "dev", "all"):
                scores[(name, split)].add(page, text, removed)
        if dump:
            dump.write(json.dumps({"id": page.id, "held_out": page.held_out,
                                   "html": res.get("html"), "text": res.get("text")}) + "\n")
    if dump:
        dump.close()

    command = "  ".join(["$", ".venv/bin/python", "benchmarks/bench_boilerplate.py", *(argv or sys.argv[1:])])
    print(command.replace("  ", " "))
    print(f"corpus {args.corpus} · {len(pages)} pages with gold text · {elapsed:.0f}s\n")
    for split in ("dev", "held-out", "all"):
        print(f"### {split}" + (" (even ids)" if split == "dev" else " (odd ids)" if split == "held-out" else ""))
        print("| system                        | pages |   P   |   R   |   F1   |  leak  | gold lines removed: text | html |")
        print("|-------------------------------|------:|------:|------:|-------:|-------:|------:|------:|")
        for name in systems:
            print(scores[(name, split)].row(name))
        print()
    for path, counter in rule_counts.items():
        listed = ", ".join(f"{code} {n}" for code, n in sorted(counter.items()))
        print(f"removals by rule, {path} path: {listed or 'none'}")
    _speed(pages)
    return 0


def _speed(pages: list[wcxb.Page]) -> None:
    """Text-path throughput next to ftfy.fix_text alone on the same noisy texts (best of 3)."""
    import ftfy

    texts = [p.noisy for p in pages if p.noisy][:300]
    if not texts:
        return
    cleaner = _get_cleaner()
    for t in texts[:20]:  # warm up caches and lazy imports
        cleaner.clean(t, kind="text")
    cleaner.stats.clear()
    ftfy_s = ours_s = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for t in texts:
            ftfy.fix_text(t)
        ftfy_s = min(ftfy_s, time.perf_counter() - began)
        began = time.perf_counter()
        for t in texts:
            cleaner.clean(t, kind="text")
        ours_s = min(ours_s, time.perf_counter() - began)
    chars = sum(len(t) for t in texts)
    print(f"speed on {len(texts)} noisy texts (best of 3): ftfy.fix_text "
          f"{chars / ftfy_s / 1e6:.2f} Mchar/s, cleaner text path {chars / ours_s / 1e6:.2f} Mchar/s "
          f"({ftfy_s / ours_s:.2f}x ftfy)")
    boiler = sum(v.seconds for k, v in cleaner.stats.items() if k.startswith("B")) / 3
    print(f"time in B rules per pass: {boiler:.2f}s of {ours_s:.2f}s")


if __name__ == "__main__":
    raise SystemExit(main())
