"""Benchmark cleaner.spelling against pyspellchecker (and hunspell if present).

Run from the repository root:  python benchmarks/bench_typos.py [--limit N]

Data (never copied into the project) comes from ../shared/corpus:
  bbc-dev/        untouched news articles (false flags, speed) and hosts for
                  injected errors;
  misspellings/   real misspellings (Birkbeck, Wikipedia, Norvig, Holbrook).

Method
  * Split: articles alternate between a "tune" and a "held-out" half (sorted
    path order); misspelling pairs are split by a hash of the CORRECT word, so
    held-out articles receive misspellings of words never seen when tuning.
  * Word errors: about one per 150 words, an occurrence of a lower-case word
    is replaced by one of its real misspellings (deterministic seed).  Only
    non-word errors are used (the misspelling is unknown to pyspellchecker's
    dictionary and rarer than zipf 3 in wordfreq), and by default only
    typo-like ones within Damerau-Levenshtein distance 2 (--max-distance).
  * Name errors: in each article, one capitalised name used two or more
    times (and never in lower case) gets two adjacent letters swapped in one
    occurrence.
  * Precision counts every flag on the injected articles, so genuine typos
    already in the BBC text count against it.  False flags per 1,000 words are
    measured on the untouched articles.  Top-1 is over detected injections.
  * The engine runs with no allow list and no corrections mapping.
  * Speed is CPU time on one core (time.process_time), tables preloaded;
    the first pass over a split judges every rare word for the first time.
  * The injection's filter uses pyspellchecker's dictionary, which the checker
    itself consults (real rare words need more evidence), so recall here cannot
    show that cost: two recall measures without the filter follow the tables
    (Holbrook's errors in their text, the Wikipedia list in plain sentences).
"""

from __future__ import annotations

import argparse
import ast
import bisect
import hashlib
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
BBC = CORPUS / "bbc-dev"
MISSP = CORPUS / "misspellings"
WCXB_PAIRS = CORPUS / "wcxb-dev" / "pairs.jsonl"

WORDS_PER_ERROR = 150
SEED = 20240601
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w-])")
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# --------------------------------------------------------------------------- data
def read_text(path: Path) -> str:
    """Decode one article; one BBC file is not UTF-8, so fall back to cp1252."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def load_articles(limit: int | None) -> list[tuple[str, str]]:
    files = sorted(BBC.glob("*/*.txt"))
    if limit:
        files = files[:limit]
    return [(str(p.relative_to(BBC)), read_text(p)) for p in files]


def _pairs_birkbeck(path: Path):
    correct = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith("$"):
            correct = line[1:]
        elif line and correct:
            yield line, correct


def _pairs_wikipedia(path: Path):
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "->" in line:
            wrong, rights = line.split("->", 1)
            for right in rights.split(","):
                yield wrong.strip(), right.strip()


def _pairs_norvig(path: Path):
    table = ast.literal_eval(path.read_text(encoding="utf-8").split("=", 1)[1].strip())
    for right, wrongs in table.items():
        for wrong in wrongs.split():
            yield wrong, right


_HOLBROOK_ERROR = re.compile(r"<ERR targ=([^>]*)>\s*(.*?)\s*</ERR>")  # target, then what was written


def _pairs_holbrook(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in _HOLBROOK_ERROR.finditer(text):
        yield m.group(2), m.group(1).strip()


def damerau(a: str, b: str) -> int:
    """Plain optimal-string-alignment distance (for the typo-like filter)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def load_misspellings(max_distance: int) -> tuple[dict[str, list[str]], dict[str, list[str]], int]:
    """Return ({correct: [wrong...]} for tune, same for held-out, excluded count)."""
    import wordfreq
    from spellchecker import SpellChecker

    known = SpellChecker()
    pairs: set[tuple[str, str]] = set()
    pairs.update(_pairs_birkbeck(MISSP / "birkbeck_missp.dat"))
    pairs.update(_pairs_wikipedia(MISSP / "wikipedia_common_misspellings_vimautocorrect.dat"))
    for name in ("norvig_spell-testset1.txt", "norvig_spell-testset2.txt"):
        pairs.update(_pairs_norvig(MISSP / name))
    pairs.update(_pairs_holbrook(MISSP / "holbrook-tagged.dat"))
    ok = re.compile(r"[a-z]{3,}")
    tune: dict[str, list[str]] = {}
    held: dict[str, list[str]] = {}
    excluded = 0
    for wrong, right in sorted(pairs):
        if not (ok.fullmatch(wrong) and ok.fullmatch(right)) or wrong == right:
            excluded += 1
            continue
        if wrong in known or wordfreq.zipf_frequency(wrong, "en") >= 3.0:
            excluded += 1  # a real-word error: out of scope for a non-word checker
            continue
        if max_distance and damerau(wrong, right) > max_distance:
            excluded += 1
            continue
        half = tune if hashlib.md5(right.encode()).digest()[0] % 2 == 0 else held
        half.setdefault(right, []).append(wrong)
    return tune, held, excluded


@dataclass
class Injected:
    start: int
    end: int
    wrong: str
    right: str
    kind: str  # "word" | "name"


def inject(
    text: str, table: dict[str, list[str]], rng: random.Random
) -> tuple[str, list[Injected]]:
    """Insert real misspellings and one name swap; return new text and truth."""
    edits: list[tuple[int, int, str, str, str]] = []
    spots = [m for m in _LOWER_WORD.finditer(text) if m.group() in table]
    n_words = len(_ANY_WORD.findall(text))
    want = max(1, round(n_words / WORDS_PER_ERROR))
    for m in rng.sample(spots, min(want, len(spots))):
        wrong = rng.choice(sorted(table[m.group()]))
        edits.append((m.start(), m.end(), wrong, m.group(), "word"))
    names: dict[str, list[re.Match[str]]] = {}
    for m in _NAME.finditer(text):
        names.setdefault(m.group(), []).append(m)
    lower_words = set(_LOWER_WORD.findall(text))
    taken = {(s, e) for s, e, *_ in edits}
    usable = sorted(n for n, ms in names.items() if len(ms) >= 2 and n.lower() not in lower_words)
    if usable:
        name = rng.choice(usable)
        m = rng.choice(names[name])
        i = rng.randrange(1, len(name) - 1)
        swapped = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        if swapped != name and swapped not in text and (m.start(), m.end()) not in taken:
            edits.append((m.start(), m.end(), swapped, name, "name"))
    edits.sort()
    out, truth, last, shift = [], [], 0, 0
    for start, end, wrong, right, kind in edits:
        if start < last:
            continue
        out.append(text[last:start])
        out.append(wrong)
        new_start = start + shift
        truth.append(Injected(new_start, new_start + len(wrong), wrong, right, kind))
        shift += len(wrong) - (end - start)
        last = end
    out.append(text[last:])
    return "".join(out), truth


# ------------------------------------------------------------------- checkers
Flag = tuple[int, int, str]  # start, end, top suggestion ("" if none)
Checker = Callable[[str], list[Flag]]


def cleaner_checker() -> Checker:
    from cleaner.spelling import find_typos, lexicon

    t0 = time.process_time()
    lexicon.preload()
    print(
        f"cleaner.spelling: word tables loaded in {time.process_time() - t0:.2f} s (once per process)"
    )

    def run(text: str) -> list[Flag]:
        return [
            (t.start, t.end, t.suggestions[0] if t.suggestions else "") for t in find_typos(text)
        ]

    return run


def pyspellchecker_checker() -> Checker:
    """pyspellchecker given the same courtesy: only lower-case words checked
    (it has no notion of names; checking capitalised words flags every rare
    name), corrections cached per word."""
    from spellchecker import SpellChecker

    spell = SpellChecker()
    cache: dict[str, str] = {}

    def run(text: str) -> list[Flag]:
        out = []
        tokens = [(m.start(), m.end(), m.group()) for m in _ANY_WORD.finditer(text)]
        words = {w for _, _, w in tokens if w.islower() and len(w) >= 3}
        unknown = spell.unknown(words)
        for s, e, w in tokens:
            if w in unknown:
                if w not in cache:
                    cache[w] = spell.correction(w) or ""
                out.append((s, e, cache[w]))
        return out

    return run


def hunspell_checker() -> Checker | None:
    """hunspell as it is normally run: every word (its dictionary has names),
    all-caps acronyms skipped, suggestions cached per word."""
    try:
        import hunspell  # type: ignore[import-not-found]
    except ImportError:
        return None
    for base in ("/usr/share/hunspell/en_US", "/usr/share/myspell/en_US"):
        if Path(base + ".dic").exists():
            h = hunspell.HunSpell(base + ".dic", base + ".aff")
            break
    else:
        return None
    cache: dict[str, str | None] = {}

    def verdict(w: str) -> str | None:
        if w not in cache:
            if h.spell(w):
                cache[w] = None
            else:
                sug = h.suggest(w)
                cache[w] = sug[0] if sug else ""
        return cache[w]

    def run(text: str) -> list[Flag]:
        out = []
        for m in _ANY_WORD.finditer(text):
            w = m.group()
            if len(w) >= 3 and not w.isupper():
                sug = verdict(w)
                if sug is not None:
                    out.append((m.start(), m.end(), sug))
        return out

    return run


# -------------------------------------------------------------------- scoring
@dataclass
class Score:
    flags: int = 0
    tp: int = 0
    inj_word: int = 0
    hit_word: int = 0
    inj_name: int = 0
    hit_name: int = 0
    top1: int = 0
    clean_words: int = 0
    clean_flags: int = 0
    seconds: float = 0.0
    chars: int = 0

    def row(self, label: str) -> str:
        p = self.tp / self.flags if self.flags else 0.0
        rw = self.hit_word / self.inj_word if self.inj_word else 0.0
        rn = self.hit_name / self.inj_name if self.inj_name else 0.0
        hits = self.hit_word + self.hit_name
        t1 = self.top1 / hits if hits else 0.0
        ff = 1000 * self.clean_flags / self.clean_words if self.clean_words else 0.0
        wps = self.clean_words / self.seconds if self.seconds else 0.0
        mbs = self.chars / self.seconds / 1e6 if self.seconds else 0.0
        return (
            f"| {label:<38} | {p:9.3f} | {rw:7.3f} | {rn:7.3f} | {ff:8.2f} | {t1:5.3f} "
            f"| {wps:9,.0f} | {mbs:5.2f} |"
        )


HEADER = (
    "| system / split                         | precision | R words | R names | FF/1k w  | top-1 "
    "| words/s   | MB/s  |\n"
    "|----------------------------------------|-----------|---------|---------|----------|-------"
    "|-----------|-------|"
)


def evaluate(check: Checker, clean: list[str], dirty: list[tuple[str, list[Injected]]]) -> Score:
    s = Score()
    for text in clean[:3]:
        check(text)  # warm up: lazy loading is not throughput
    t0 = time.process_time()
    for text in clean:
        s.clean_flags += len(check(text))
    s.seconds = time.process_time() - t0
    s.clean_words = sum(len(_ANY_WORD.findall(t)) for t in clean)
    s.chars = sum(len(t.encode("utf-8")) for t in clean)
    for text, truth in dirty:
        flags = check(text)
        s.flags += len(flags)
        for inj in truth:
            if inj.kind == "word":
                s.inj_word += 1
            else:
                s.inj_name += 1
            hit = [f for f in flags if f[0] < inj.end and inj.start < f[1]]
            if not hit:
                continue
            s.tp += 1
            if inj.kind == "word":
                s.hit_word += 1
            else:
                s.hit_name += 1
            if hit[0][2].lower() == inj.right.lower():
                s.top1 += 1
    return s


def autofix_report(split: str, dirty: list[tuple[str, list[Injected]]]) -> str:
    """What --fix-typos would do: flags at or above DEFAULT_HIGH_CONFIDENCE."""
    from cleaner.spelling import DEFAULT_HIGH_CONFIDENCE, find_typos

    right = wrong_fix = not_injected = 0
    for text, truth in dirty:
        for t in find_typos(text, min_confidence=DEFAULT_HIGH_CONFIDENCE):
            hit = [i for i in truth if t.start < i.end and i.start < t.end]
            if not hit:
                not_injected += 1
            elif t.suggestions[0].lower() == hit[0].right.lower():
                right += 1
            else:
                wrong_fix += 1
    total = right + wrong_fix + not_injected
    return (
        f"auto-fix ({split}, confidence >= {DEFAULT_HIGH_CONFIDENCE}): {total} flags, "
        f"{right} injected & right fix, {wrong_fix} injected & wrong fix, "
        f"{not_injected} elsewhere (BBC's own typos or false flags)"
    )


def warm_speed(clean: list[str]) -> str:
    """cleaner.spelling on text it has seen: the steady state of a long run,
    where each rare word has been judged once already."""
    from cleaner.spelling import find_typos

    t0 = time.process_time()
    for text in clean:
        find_typos(text)
    sec = time.process_time() - t0
    words = sum(len(_ANY_WORD.findall(t)) for t in clean)
    mb = sum(len(t.encode("utf-8")) for t in clean) / 1e6
    label = "cleaner.spelling, 2nd pass (warm)"
    return f"| {label:<38} | {'':9} | {'':7} | {'':7} | {'':8} | {'':5} | {words / sec:9,.0f} | {mb / sec:5.2f} |"


def ftfy_speed(clean: list[str]) -> str:
    try:
        import ftfy
    except ImportError:
        return "ftfy not installed: pip install ftfy"
    ftfy.fix_text(clean[0])
    t0 = time.process_time()
    for text in clean:
        ftfy.fix_text(text)
    sec = time.process_time() - t0
    words = sum(len(_ANY_WORD.findall(t)) for t in clean)
    mb = sum(len(t.encode("utf-8")) for t in clean) / 1e6
    return f"| {'ftfy.fix_text (speed only)':<38} | {'':9} | {'':7} | {'':7} | {'':8} | {'':5} | {words / sec:9,.0f} | {mb / sec:5.2f} |"


def other_text_flags() -> str | None:
    """Flags per 1,000 words on the gold text of the WCXB pages: web articles of many sites,
    not the BBC's, so a check that the false-flag rate was not tuned to one newsroom. The gold
    text holds some real typos and leftover mojibake, so this is an upper bound."""
    if not WCXB_PAIRS.is_file():
        return None
    import json

    from cleaner.spelling import find_typos

    words = flags = 0
    with WCXB_PAIRS.open(encoding="utf-8") as handle:
        for line in handle:
            gold = json.loads(line).get("gold") or ""
            words += len(_ANY_WORD.findall(gold))
            flags += len(find_typos(gold))
    return (f"flags on WCXB gold text (711 web pages, not BBC; includes their own typos): "
            f"{flags} in {words:,} words = {flags / words * 1000:.2f} per 1,000 words")


def real_error_recall() -> list[str]:
    """Recall measured without the injection's filter. The injected errors are only those
    pyspellchecker's dictionary does not know, and the checker asks more of words that list
    knows (``cleaner/spelling/dictionary.py``), so the recall above cannot show what that costs;
    these two measures can: Holbrook's tagged errors in their own text (children's writing,
    many of them real words: "wok" for "work"), and each lower-case misspelling of the
    Wikipedia list in one plain sentence."""
    from cleaner.spelling import find_typos

    lines = []
    holbrook = MISSP / "holbrook-tagged.dat"
    if holbrook.is_file():
        raw = holbrook.read_text(encoding="utf-8", errors="replace")
        parts: list[str] = []
        errors: list[tuple[int, int]] = []
        at = length = 0  # position in the tagged text; length of the plain text so far
        for m in _HOLBROOK_ERROR.finditer(raw):
            before, written = raw[at : m.start()], m.group(2)
            parts += [before, written]
            length += len(before)
            errors.append((length, length + len(written)))
            length += len(written)
            at = m.end()
        parts.append(raw[at:])
        starts = [a for a, _ in errors]
        found = set()
        flags = find_typos("".join(parts))
        for t in flags:
            i = bisect.bisect_right(starts, t.start) - 1
            if i >= 0 and t.start < errors[i][1]:
                found.add(i)
        lines.append(f"Holbrook's tagged errors in their text: {len(found)} of {len(errors)} "
                     f"flagged ({len(found) / len(errors):.3f}); {len(flags)} flags in all")
    wikipedia = MISSP / "wikipedia_common_misspellings_vimautocorrect.dat"
    if wikipedia.is_file():
        wrong = sorted({w for w, _ in _pairs_wikipedia(wikipedia) if w.isalpha() and w.islower()})
        hits = sum(any(t.word == w for t in find_typos(f"The report said that {w} was part of it."))
                   for w in wrong)
        lines.append(f"Wikipedia's common misspellings, one per plain sentence: {hits} of "
                     f"{len(wrong)} flagged ({hits / len(wrong):.3f})")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N BBC articles")
    ap.add_argument(
        "--max-distance", type=int, default=2, help="typo-like filter; 0 = all misspellings"
    )
    ap.add_argument("--no-baselines", action="store_true", help="skip pyspellchecker/hunspell")
    ap.add_argument(
        "--baseline-articles", type=int, default=200,
        help="articles per split the slow baselines check (0 = all); cleaner is scored on the "
        "same subset too, so the rows compare like with like",
    )
    ap.add_argument(
        "--show", type=int, default=0, help="print N false flags from untouched articles"
    )
    args = ap.parse_args(argv)
    if not BBC.is_dir() or not MISSP.is_dir():
        print(f"skipped: corpus not found at {CORPUS} (needs bbc-dev/ and misspellings/)")
        return 0
    articles = load_articles(args.limit)
    tune_tab, held_tab, excluded = load_misspellings(args.max_distance)
    print(
        f"{len(articles)} articles; misspelling pairs: tune {sum(map(len, tune_tab.values()))}, "
        f"held-out {sum(map(len, held_tab.values()))}, excluded {excluded} "
        f"(real-word, non-alphabetic or distance > {args.max_distance or 'inf'})"
    )
    splits = {"tune": [], "held-out": []}
    for i, (_, text) in enumerate(articles):
        splits["tune" if i % 2 == 0 else "held-out"].append(text)
    checkers: list[tuple[str, Checker]] = [("cleaner.spelling", cleaner_checker())]
    if not args.no_baselines:
        checkers.append(("pyspellchecker (lower only)", pyspellchecker_checker()))
        hun = hunspell_checker()
        if hun is None:
            print("hunspell: not importable, skipped")
        else:
            checkers.append(("hunspell", hun))
    lines = [HEADER]
    notes: list[str] = []
    for split, texts in splits.items():
        table = tune_tab if split == "tune" else held_tab
        rng = random.Random(SEED + (0 if split == "tune" else 1))
        dirty = [inject(t, table, rng) for t in texts]
        n_w = sum(1 for _, tr in dirty for x in tr if x.kind == "word")
        n_n = sum(1 for _, tr in dirty for x in tr if x.kind == "name")
        print(f"{split}: {len(texts)} articles, injected {n_w} word errors, {n_n} name swaps")
        for label, check in checkers[:1]:
            lines.append(evaluate(check, texts, dirty).row(f"{label} / {split}"))
        if len(checkers) > 1:
            n = args.baseline_articles or len(texts)
            sub = f"{split}, first {min(n, len(texts))}"
            for label, check in checkers:
                lines.append(evaluate(check, texts[:n], dirty[:n]).row(f"{label} / {sub}"))
        lines.append(warm_speed(texts))
        notes.append(autofix_report(split, dirty))
        lines.append(ftfy_speed(texts))
    print("\n".join(lines))
    print("\n".join(notes))
    other = other_text_flags()
    if other:
        print(other)
    for line in real_error_recall():
        print(line)
    if args.show:
        from cleaner.spelling import find_typos

        shown = 0
        for text in splits["tune"]:
            for t in find_typos(text):
                print(f"  FF {t.kind} {t.word!r} -> {t.suggestions[:3]} conf={t.confidence}")
                shown += 1
            if shown >= args.show:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
