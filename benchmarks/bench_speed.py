"""Speed benchmark: the pipeline against its anchors, in one run, as ratios.

Run from the repository root: ``python -m benchmarks`` (all benchmarks) or
``python benchmarks/bench_speed.py [--html-limit N] [--repeat R] [--json FILE]``.

Data (never copied into the project) comes from ``../shared/corpus`` (or ``$CLEANER_CORPUS``):
``bbc-dev/`` plain-text news (one file is not UTF-8: it is decoded by detection, as the CLI
does) and ``wcxb-dev/html/*.html.gz`` pages. Skipped cleanly when the folder is absent.

What is measured, all in this one run because the machine is shared (other people run
benchmarks at the same time, so absolute numbers drift; ratios taken side by side do not):

* text, one core: ``ftfy.fix_text`` on each document (anchor) against the pipeline
  (``Cleaner.clean``, typos off, and with typos when ``cleaner.spelling`` is installed), and the
  time per stage from ``Cleaner.stats`` (per-rule seconds); pyspellchecker on the same words as
  the anchor for the typo stage. Anchor and pipeline alternate, best of ``--repeat``.
* HTML, one core: ``trafilatura.extract`` alone against the whole pipeline on the same pages.
* the CLI over the corpus with ``-j 1`` and ``-j 2`` (scaling: text without and with the typo
  stage over ``--copies`` copies of bbc-dev, and HTML over ``--cli-html-limit`` pages), the peak RSS of the whole
  process tree (sampled with psutil) for one corpus and for a corpus twice its size, and
  ``cleaner --version`` start-up time.
* memory a long corpus adds: one process checking a stream of new numbers, names and rare
  words grows by what its typo caches hold at their bounds, then stops (``spelling/budget.py``);
  and the CLI's peak with ``-j 2`` over 4,000 generated files of such words (copies of one
  corpus never fill those caches).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "text_vs_ftfy": 0.6,  # pipeline throughput / ftfy.fix_text throughput, at least
    "html_vs_trafilatura": 1.3,  # pipeline time / trafilatura.extract time, at most
    "scaling_j2": 1.7,  # -j 1 time / -j 2 time, at least
    "peak_rss_mb": 400.0,  # at most
    "startup_s": 0.3,  # cleaner --version, at most
}


def corpus_dir() -> Path | None:
    """``$CLEANER_CORPUS`` or ``../shared/corpus`` beside the repository."""
    env = os.environ.get("CLEANER_CORPUS")
    for candidate in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "corpus"]:
        if (candidate / "bbc-dev").is_dir():
            return candidate
    return None


def best(fn: Callable[[], Any], repeat: int) -> float:
    """Fastest of ``repeat`` runs: the least disturbed by other load on the machine."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def interleaved(fns: dict[str, Callable[[], Any]], repeat: int) -> tuple[dict[str, float], dict[str, float]]:
    """Best and total time of each function, run in turns so that load spikes hit all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            began = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - began)
    return ({name: min(values) for name, values in times.items()},
            {name: sum(values) for name, values in times.items()})


# -- data ------------------------------------------------------------------------------------


def text_documents(corpus: Path) -> tuple[list[str], list[str]]:
    """Decoded bbc-dev articles, and notes about files that were not UTF-8."""
    from cleaner.decoding import InputError, decode

    docs, notes = [], []
    for path in sorted((corpus / "bbc-dev").rglob("*.txt")):
        try:
            decoded = decode(path.read_bytes(), str(path))
        except InputError as exc:
            notes.append(f"skipped {exc}")
            continue
        if decoded.detected:
            notes.append(f"{path.relative_to(corpus)} is not UTF-8: decoded as {decoded.encoding}")
        docs.append(decoded.text)
    return docs, notes


def html_pages(corpus: Path, limit: int) -> list[Path]:
    return sorted((corpus / "wcxb-dev" / "html").glob("*.html.gz"))[:limit]


# -- one core ----------------------------------------------------------------------------------


def bench_text(docs: list[str], repeat: int) -> dict[str, Any]:
    import ftfy

    from cleaner.pipeline import Cleaner

    cleaner = Cleaner(disable_plugins=("typos",), load_entrypoints=False)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    def pipeline() -> None:
        for d in docs:
            cleaner.clean(d, source="doc.txt", kind="text")

    def anchor() -> None:
        for d in docs:
            ftfy.fix_text(d)

    pipeline()  # warm up: lazy imports, regex compilation
    cleaner.stats.clear()
    times, totals = interleaved({"ftfy.fix_text": anchor, "pipeline (no typos)": pipeline}, repeat)
    stages = _stages(cleaner, totals["pipeline (no typos)"], repeat)
    result: dict[str, Any] = {"megabytes": megabytes, "documents": len(docs), "times": times,
                              "stages": stages}
    try:
        import cleaner.spelling
    except ImportError:
        result["typos"] = None
    else:
        full = Cleaner(load_entrypoints=False)
        # One-time start-up (word tables, compiled patterns) is paid before timing, as a corpus
        # run pays it once; the per-word caches stay cold, so every document's words are new.
        began = time.perf_counter()
        full.warm_up()
        result["start-up s (Cleaner.warm_up, with typos)"] = time.perf_counter() - began
        times["pipeline (with typos)"] = best(
            lambda: [full.clean(d, source="doc.txt", kind="text") for d in docs], 1)
        result["typos"] = _stages(full, times["pipeline (with typos)"], 1)
    return result


def _stages(cleaner: Any, total: float, runs: int) -> dict[str, float]:
    """Mean seconds per stage for one pass: rule families from ``Cleaner.stats``; the rest of
    the mean pass time is loading (decoding, HTML extraction), rendering and bookkeeping."""
    families = {"R": "repair (R)", "B": "boilerplate (B)", "D": "repeated lines (D)", "T": "typos (T)"}
    stages: dict[str, float] = {}
    for code, stats in cleaner.stats.items():
        name = families.get(code[0], f"other rules ({code[0]})")
        stages[name] = stages.get(name, 0.0) + stats.seconds / runs
    stages["load + render + overhead"] = max(0.0, total / runs - sum(stages.values()))
    return stages


def bench_spellchecker(docs: list[str], limit: int) -> dict[str, Any] | None:
    """pyspellchecker on the same text: ``unknown`` on every word of every document, and
    ``correction`` for each unknown word (what a typo flagger does). ``correction`` takes about
    a second per word, so it is timed on ``limit`` unknown words and extrapolated."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    spell = SpellChecker()
    words = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
    unknown: list[str] = []
    began = time.perf_counter()
    for d in docs:
        unknown.extend(spell.unknown(words.findall(d)))
    lookup = time.perf_counter() - began
    sample = unknown[:: max(1, len(unknown) // max(1, limit))][:limit]
    began = time.perf_counter()
    for w in sample:
        spell.correction(w)
    per_word = (time.perf_counter() - began) / max(1, len(sample))
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    return {"documents": len(docs), "megabytes": megabytes, "unknown words": len(unknown),
            "unknown seconds": lookup, "seconds per correction": per_word,
            "seconds": lookup + per_word * len(unknown)}


def bench_html(pages: list[Path], repeat: int) -> dict[str, Any]:
    import trafilatura

    from cleaner.pipeline import Cleaner

    cleaner = Cleaner(disable_plugins=("typos",), load_entrypoints=False)
    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    megabytes = sum(len(h.encode("utf-8")) for h in htmls) / 1e6

    def pipeline() -> None:
        for h in htmls:
            cleaner.clean(h, source="page.html", kind="html")

    def anchor() -> None:
        for h in htmls:
            trafilatura.extract(h)

    pipeline()
    cleaner.stats.clear()
    times, totals = interleaved({"trafilatura.extract": anchor, "pipeline (html, no typos)": pipeline},
                                repeat)
    return {"megabytes": megabytes, "documents": len(htmls), "times": times,
            "stages": _stages(cleaner, totals["pipeline (html, no typos)"], repeat)}


# -- how much two processes can get out of this machine right now ---------------------------------


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ceiling(n: int = 3_000_000) -> float:
    """Speed-up of pure CPU work on 2 processes over 1, measured now: the ceiling for -j 2.

    On an idle 2-core machine this is about 2; while other people's benchmarks hold the cores
    it drops, and the CLI's -j 2 scaling should be read against it.
    """
    import multiprocessing

    began = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - began
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start-up out of the timing
        began = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - began
    return serial / parallel


# -- the CLI: scaling, memory, start-up ---------------------------------------------------------


def cleaner_command() -> list[str]:
    script = Path(sys.executable).parent / "cleaner"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner.cli"]


def run_measured(args: Sequence[str], *, sample: bool = True) -> tuple[float, float, int, float, float]:
    """Wall time, peak RSS (MB) of the process tree, exit status, CPU seconds (user + system
    of the whole tree: pool workers are reaped by the CLI, so they count) and peak PSS (MB) of
    one CLI run.

    Summed RSS counts every page a forked worker shares with the parent once per process (a
    worker's RSS holds the parent's whole heap from the fork on), so -j 2 reads about three
    times the parent's size; PSS splits each shared page among its processes, which is the
    memory the run really uses. Sampling the tree's memory every 20 ms is a process of its own
    on a small machine (it walks /proc each time); with ``sample=False`` nothing watches the
    run, and both peaks are 0.
    """
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.Popen(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = peak_pss = 0
    try:
        parent = psutil.Process(proc.pid)
        while sample and proc.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                infos = [p.memory_full_info() for p in tree if p.is_running()]
                peak = max(peak, sum(m.rss for m in infos))
                peak_pss = max(peak_pss, sum(getattr(m, "pss", m.rss) for m in infos))
            except psutil.Error:
                pass
            time.sleep(0.02)
    finally:
        status = proc.wait()
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, peak / 1e6, status, cpu, peak_pss / 1e6


def replicate(source: Path, target: Path, copies: int) -> int:
    """``copies`` copies of the ``source`` tree under ``target``, as hard links to its files
    (symbolic links where the two are on different file systems). Returns the file count.

    Each copy has its own folders, so its own sites: the repeated-line rule sees each copy
    as it sees the original, never a line repeated across copies. Hard links keep the files
    regular, as in a real corpus (a symbolic link costs the walk one ``stat`` per file).
    """
    count = 0
    for i in range(1, copies + 1):
        for path in sorted(source.rglob("*")):
            if path.is_file():
                link = target / f"copy-{i}" / path.relative_to(source)
                link.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, link)
                except OSError:
                    os.symlink(path, link)
                count += 1
    return count


def output_root() -> str | None:
    """Where the CLI runs write their output: a RAM file system when there is one.

    The disk is shared with everything else on the machine, and creating thousands of small
    files on it costs more (and varies more) than cleaning them; the scaling measured here is
    that of the pipeline, so it should not wait on other people's disk traffic.
    """
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def bench_cli(corpus: Path, pages: list[Path], repeat: int, copies: int = 6) -> dict[str, Any]:
    base = [*cleaner_command(), "clean", "-q", "--no-progress", "--isolated"]
    no_typos = ["-p", "no:typos"]
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(dir=output_root()) as out_tmp:
        html_dir = Path(tmp) / "html"
        html_dir.mkdir()
        for p in pages:
            os.symlink(p, html_dir / p.name)
        double = Path(tmp) / "double"
        double.mkdir()
        for i in (1, 2):
            for p in pages:
                os.symlink(p, double / f"{i}-{p.name}")
        # The CLI's fixed start-up (~0.15 s: imports, plugins, warm-up) is a large share of one
        # pass over bbc-dev (~0.6 s), which a corpus of millions of documents never sees; the
        # scaling runs go over ``copies`` copies of it so that start-up weighs as little.
        text_dir = Path(tmp) / "text"
        result["text files (copies of bbc-dev)"] = float(replicate(corpus / "bbc-dev", text_dir, copies))
        runs = (("text", text_dir, no_typos), ("text with typos", text_dir, []),
                ("html", html_dir, no_typos))
        for label, source, extra in runs:
            times: dict[int, float] = {}
            cpus: dict[int, float] = {}
            rss: dict[int, float] = {}
            pss: dict[int, float] = {}
            ceilings = []
            # Timed runs are not watched; one more run per -j samples the peak memory.
            for i in range(repeat + 1):
                sample = i == repeat
                if not sample:
                    ceilings.append(machine_ceiling())
                for jobs in (1, 2):
                    out = Path(out_tmp) / f"out-{label.replace(' ', '-')}-{jobs}"
                    seconds, peak, status, cpu, peak_pss = run_measured(
                        [*base, *extra, str(source), "-o", str(out), "-j", str(jobs)], sample=sample)
                    shutil.rmtree(out, ignore_errors=True)
                    result[f"{label} -j {jobs} exit"] = status
                    if sample:
                        rss[jobs] = peak
                        pss[jobs] = peak_pss
                        continue
                    times[jobs] = min(times.get(jobs, seconds), seconds)
                    cpus[jobs] = min(cpus.get(jobs, cpu), cpu)
            result[f"{label} machine ceiling (pure CPU, per pair)"] = tuple(ceilings)
            result[f"{label} -j 1 s"] = times[1]
            result[f"{label} -j 2 s"] = times[2]
            result[f"{label} CPU s (-j 1, -j 2)"] = (cpus[1], cpus[2])
            result[f"{label} peak RSS MB (-j 1, -j 2)"] = (rss[1], rss[2])
            result[f"{label} peak PSS MB (-j 1, -j 2)"] = (pss[1], pss[2])
        seconds, peak, _, _, peak_pss = run_measured(
            [*base, *no_typos, str(double), "-o", str(Path(out_tmp) / "o2"), "-j", "2"])
        result["html x2 -j 2 peak RSS MB"] = peak
        result["html x2 -j 2 peak PSS MB"] = peak_pss
        result["html x2 -j 2 s"] = seconds
        # Copies of one corpus repeat its words, so the runs above never fill the typo caches;
        # a corpus of new words does (the peak must not depend on the size of the corpus).
        fresh = Path(tmp) / "fresh"
        result["fresh-words files"] = float(fresh_words_corpus(fresh, FRESH_FILES))
        seconds, peak, _, _, peak_pss = run_measured(
            [*base, str(fresh), "-o", str(Path(out_tmp) / "o3"), "-j", "2"])
        result["fresh words -j 2 peak RSS MB"] = peak
        result["fresh words -j 2 peak PSS MB"] = peak_pss
        result["fresh words -j 2 s"] = seconds
    startup = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([*cleaner_command(), "--version"], capture_output=True, check=False)
        startup.append(time.perf_counter() - began)
    result["startup s"] = min(startup)
    bound = cache_bound_mb()
    if bound is not None:
        result["typo caches MB (two thirds, end of a long stream)"] = bound
    return result


# -- memory at the typo caches' bounds ---------------------------------------------------------

FRESH_FILES = 4_000


def fresh_words_maker(seed: int, *, numbers: int, names: int, rare: int, common: int,
                      unknown: int) -> Callable[[], str]:
    """A maker of generated news-like texts whose numbers, names, rare words (wordfreq zipf
    1.5-3) and unknown words are new all the way through, with ``common`` words (zipf >= 5)
    around them: what a long corpus keeps bringing, and so what fills every per-process typo
    cache to its bound. The arguments say how many of each a text holds."""
    import random
    import string

    from cleaner.spelling import lexicon

    rng = random.Random(seed)
    table = lexicon.zipf_table()
    rare_words = sorted(w for w, z in table.items() if 1.5 <= z < 3.0 and w.isalpha())
    common_words = sorted(w for w, z in table.items() if z >= 5.0 and w.isalpha())
    letters = string.ascii_lowercase

    def make() -> str:
        words = [f"{rng.randrange(10 ** 7)}{rng.choice(('', 'm', '%'))}" for _ in range(numbers)]
        words += [rng.choice(string.ascii_uppercase) + "".join(rng.choices(letters, k=rng.randrange(4, 10)))
                  + rng.choice(("", ",", ".")) for _ in range(names)]
        words += [rng.choice(rare_words) for _ in range(rare)]
        words += [rng.choice(common_words) for _ in range(common)]
        words += ["".join(rng.choices(letters, k=rng.randrange(5, 9))) for _ in range(unknown)]
        rng.shuffle(words)
        return "\n\n".join(" ".join(words[k:k + 40]) + "." for k in range(0, len(words), 40)) + "\n"

    return make


def fresh_words_corpus(target: Path, files: int, seed: int = 7) -> int:
    """Write ``files`` generated texts of new words (:func:`fresh_words_maker`) as a corpus
    folder. Returns the number of files."""
    make = fresh_words_maker(seed, numbers=60, names=40, rare=25, common=250, unknown=2)
    target.mkdir(parents=True)
    for i in range(files):
        (target / f"doc{i:05d}.txt").write_text(make(), encoding="utf-8")
    return files


# Run in a fresh process (argv[1]: this folder): a stream of texts made mostly of new numbers,
# names, rare and unknown words, enough to fill every typo cache to its bound
# (cleaner/spelling/budget.py). Prints the growth of the process over its warmed-up size two
# thirds through the stream and at its end: bounded caches stop growing.
_CACHE_STREAM = """
import sys
sys.path.insert(0, sys.argv[1])
from bench_speed import fresh_words_maker
from cleaner.spelling import find_typos
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
find_typos("warm up the goverment")
base = rss()
make = fresh_words_maker(7, numbers=300, names=150, rare=100, common=0, unknown=8)
docs = 600
for i in range(docs):
    find_typos(make())
    if i == docs * 2 // 3:
        middle = rss() - base
print(f"{middle:.1f} {rss() - base:.1f}")
"""


def cache_bound_mb() -> tuple[float, float] | None:
    """Growth in MB of one process over a long stream (two thirds through it, at its end), or
    None where /proc is missing."""
    if not Path("/proc/self/status").exists():
        return None
    done = subprocess.run([sys.executable, "-c", _CACHE_STREAM, str(Path(__file__).parent)],
                          capture_output=True, text=True, check=False)
    try:
        middle, end = (float(v) for v in done.stdout.split())
    except ValueError:
        return None
    return middle, end


# -- report ------------------------------------------------------------------------------------


def _largest(cli: dict[str, Any], measure: str) -> float:
    """The largest peak ``measure`` ("RSS" or "PSS", MB) of any sampled CLI run."""
    runs = [v for label in ("text", "text with typos", "html")
            for v in cli[f"{label} peak {measure} MB (-j 1, -j 2)"]]
    return max([*runs, cli[f"html x2 -j 2 peak {measure} MB"],
                cli[f"fresh words -j 2 peak {measure} MB"]])


def _rate(mb: float, docs: int, seconds: float) -> str:
    return f"{mb / seconds:8.2f} MB/s {docs / seconds:9.1f} docs/s"


def report(text: dict[str, Any], spell: dict[str, Any] | None, html: dict[str, Any],
           cli: dict[str, Any], notes: list[str]) -> tuple[list[str], dict[str, tuple[float, bool]]]:
    lines = [(f"text: {text['documents']} documents, {text['megabytes']:.2f} MB (bbc-dev); "
              f"html: {html['documents']} pages, {html['megabytes']:.2f} MB (wcxb-dev)")]
    lines += [f"  note: {n}" for n in notes]
    lines.append("")
    lines.append(f"{'one core':<34} {'seconds':>8}  {'throughput':>28}")
    for name, seconds in text["times"].items():
        lines.append(f"{name:<34} {seconds:8.3f}  {_rate(text['megabytes'], text['documents'], seconds)}")
    for name, seconds in text["stages"].items():
        lines.append(f"  stage {name:<28} {seconds:8.3f}  {_rate(text['megabytes'], text['documents'], seconds) if seconds else ''}")
    if text.get("typos"):
        for name, seconds in text["typos"].items():
            lines.append(f"  with typos: {name:<22} {seconds:8.3f}")
        startup = text["start-up s (Cleaner.warm_up, with typos)"]
        lines.append(f"  with typos: one-time start-up      {startup:8.3f}  (before timing: word tables)")
    if spell:
        lines.append(f"{'pyspellchecker (extrapolated)':<34} {spell['seconds']:8.3f}  "
                     f"{_rate(spell['megabytes'], spell['documents'], spell['seconds'])}")
        lines.append(f"  unknown() on all words {spell['unknown seconds']:.3f} s; "
                     f"{spell['unknown words']} unknown words x correction() "
                     f"{spell['seconds per correction']:.3f} s each")
    for name, seconds in html["times"].items():
        lines.append(f"{name:<34} {seconds:8.3f}  {_rate(html['megabytes'], html['documents'], seconds)}")
    for name, seconds in html["stages"].items():
        lines.append(f"  stage {name:<28} {seconds:8.3f}")
    lines.append("")
    lines.append("CLI (whole corpus, subprocess)")
    for key, value in cli.items():
        if key.endswith("exit"):
            continue
        shown = ", ".join(f"{v:.2f}" for v in value) if isinstance(value, tuple) else f"{value:.3f}"
        lines.append(f"  {key:<40} {shown}")
    t = text["times"]
    ratios = {
        "text pipeline / ftfy.fix_text throughput": (t["ftfy.fix_text"] / t["pipeline (no typos)"], ">=", TARGETS["text_vs_ftfy"]),
        "html pipeline / trafilatura.extract time": (html["times"]["pipeline (html, no typos)"] / html["times"]["trafilatura.extract"], "<=", TARGETS["html_vs_trafilatura"]),
        "scaling text -j 2 vs -j 1": (cli["text -j 1 s"] / cli["text -j 2 s"], ">=", TARGETS["scaling_j2"]),
        "scaling text with typos -j 2 vs -j 1": (cli["text with typos -j 1 s"] / cli["text with typos -j 2 s"], ">=", TARGETS["scaling_j2"]),
        "scaling html -j 2 vs -j 1": (cli["html -j 1 s"] / cli["html -j 2 s"], ">=", TARGETS["scaling_j2"]),
        "machine ceiling for -j 2 during text runs (best)": (max(cli["text machine ceiling (pure CPU, per pair)"]), "info", 0.0),
        "machine ceiling for -j 2 during html runs (best)": (max(cli["html machine ceiling (pure CPU, per pair)"]), "info", 0.0),
        "CPU-s -j 2 / CPU-s -j 1 (text)": (cli["text CPU s (-j 1, -j 2)"][1] / cli["text CPU s (-j 1, -j 2)"][0], "info", 0.0),
        "CPU-s -j 2 / CPU-s -j 1 (html)": (cli["html CPU s (-j 1, -j 2)"][1] / cli["html CPU s (-j 1, -j 2)"][0], "info", 0.0),
        "peak RSS MB (largest run)": (_largest(cli, "RSS"), "<=", TARGETS["peak_rss_mb"]),
        "peak PSS MB (largest run; shared pages once)": (_largest(cli, "PSS"), "info", 0.0),
        "cleaner --version seconds": (cli["startup s"], "<=", TARGETS["startup_s"]),
    }
    if cli.get("typo caches MB (two thirds, end of a long stream)"):
        middle, end = cli["typo caches MB (two thirds, end of a long stream)"]
        ratios["typo caches at their bounds: MB per process"] = (end, "info", 0.0)
        ratios["  ... of which over the last third of the stream"] = (end - middle, "info", 0.0)
    if "pipeline (with typos)" in t:
        ratios["text pipeline with typos / ftfy throughput"] = (t["ftfy.fix_text"] / t["pipeline (with typos)"], ">=", TARGETS["text_vs_ftfy"])
    if spell and text.get("typos"):
        per_mb_spell = spell["seconds"] / spell["megabytes"]
        per_mb_typos = text["typos"].get("typos (T)", 0.0) / text["megabytes"]
        if per_mb_typos:
            ratios["pyspellchecker / typo stage, time per MB"] = (per_mb_spell / per_mb_typos, "info", 0.0)
    lines.append("")
    lines.append("ratios (this run)")
    verdicts: dict[str, tuple[float, bool]] = {}
    for name, (value, op, target) in ratios.items():
        if op == "info":
            lines.append(f"  {name:<46} {value:8.2f}" if value < 1e5 else f"  {name:<46} {value:8.2e}")
            continue
        ok = value >= target if op == ">=" else value <= target
        verdicts[name] = (value, ok)
        lines.append(f"  {name:<46} {value:8.2f}   target {op} {target:<6} {'ok' if ok else 'MISSED'}")
    return lines, verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-limit", type=int, default=120, help="pages of wcxb-dev to use")
    parser.add_argument("--cli-html-limit", type=int, default=360,
                        help="pages of wcxb-dev the CLI scaling runs go over (start-up weighs less)")
    parser.add_argument("--spell-limit", type=int, default=20,
                        help="unknown words pyspellchecker corrects (the rest is extrapolated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best taken)")
    parser.add_argument("--copies", type=int, default=6,
                        help="copies of bbc-dev the CLI scaling runs go over (start-up weighs less)")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = parser.parse_args(argv)
    corpus = corpus_dir()
    if corpus is None:
        print("bench_speed: skipped: ../shared/corpus not found (set CLEANER_CORPUS)")
        return 0
    print(f"bench_speed: corpus {corpus}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at start; anchors and pipeline alternate, best of {args.repeat}",
          flush=True)
    docs, notes = text_documents(corpus)
    pages = html_pages(corpus, args.html_limit)
    text = bench_text(docs, args.repeat)
    spell = bench_spellchecker(docs, args.spell_limit)
    html = bench_html(pages, args.repeat)
    cli = bench_cli(corpus, html_pages(corpus, args.cli_html_limit), max(1, args.repeat - 1), args.copies)
    notes.append(f"CLI runs write under {output_root() or tempfile.gettempdir()}; text CLI runs go over "
                 f"{args.copies} copies of bbc-dev ({int(cli['text files (copies of bbc-dev)'])} files), "
                 f"HTML CLI runs over {args.cli_html_limit} pages")
    notes.append(f"load average {os.getloadavg()[0]:.1f} at the end (other runs on this machine "
                 "slow -j 2 more than -j 1)")
    lines, verdicts = report(text, spell, html, cli, notes)
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps({"text": text, "spell": spell, "html": html, "cli": cli,
                                               "verdicts": verdicts}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
