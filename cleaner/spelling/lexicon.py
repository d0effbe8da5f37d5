"""Lazy, process-wide access to wordfreq's English frequencies.

wordfreq's data is loaded on first use, never at import time, so that
``import cleaner.spelling`` (and ``cleaner --version``) stays instant.
:func:`prepare` then makes every derived table at once (from the disk cache
when it can), so the one-off cost lands before the first document, not
inside whichever document first needs a given table.
Frequencies are zipf values (log10 of occurrences per billion words);
wordfreq folds case, so "London" and "london" share one value.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeGuard

# Words rarer than this are never offered as suggestions: below it wordfreq's
# lists are dominated by misspellings and fragments.
MIN_SUGGESTION_ZIPF = 2.0
# The deletion index behind distance-2 suggestions only covers words common
# enough to be a plausible intended word for a badly garbled token.
MIN_INDEXED_ZIPF = 2.5

#: A set of words stored as a dict with None values.  The cyclic garbage
#: collector never looks inside a dict of strings, but it walks every entry
#: of a set or frozenset at each full collection: with the ~350k deletion
#: keys and ~94k suggestible words that cost ~50 ms per collection, several
#: times per thousand new documents.  Membership tests cost the same.
WordSet = dict[str, None]

_lock = threading.Lock()
# Set together by prepare(); _zipf last, so a thread that sees it set sees them all.
_zipf: dict[str, float] | None = None
_candidate_words: WordSet = {}
_common_words: dict[float, WordSet] = {}
_delete_index: dict[int, dict[str, str]] = {}
_common_delete_index: dict[str, str] = {}
_PLAIN_LOWER = re.compile(r"[a-z]+")

# Bump when a table is built differently (the cache key also covers every
# parameter the tables depend on and wordfreq's version).
TABLE_VERSION = 3


def _is_wordlike(word: str) -> bool:
    """True for purely alphabetic entries (apostrophes allowed inside)."""
    return word.replace("'", "").isalpha()


def prepare() -> None:
    """Make every one-off table ready: the zipf table, the suggestible and
    common word sets, both deletion indexes and the letter-bigram model.

    The first call to :func:`find_typos <cleaner.spelling.find_typos>` runs
    this, so no later document pays for a table, and a process that never
    checks spelling loads nothing.  The tables come from the disk cache
    (:mod:`.tablecache`, a few hundred ms) or are built from wordfreq (about
    a second) and then cached.
    """
    if _zipf is not None:
        return
    with _lock:
        if _zipf is None:
            _install(_load_or_build())


def parameters() -> tuple[object, ...]:
    """Everything the tables depend on besides wordfreq and Python (the cache key)."""
    from . import plausibility, scoring

    return (
        TABLE_VERSION,
        MIN_SUGGESTION_ZIPF,
        MIN_INDEXED_ZIPF,
        COMMON_FAR_ZIPF,
        scoring.WORD_SAFE_ZIPF,
        scoring.NAME_SAFE_ZIPF,
        plausibility.TRAIN_MIN_ZIPF,
    )


def _load_or_build() -> dict[str, Any]:
    from . import tablecache

    digest = tablecache.key(parameters())
    tables = tablecache.load("spelling-tables", digest)
    if not _well_formed(tables):
        tables = _build()
        tablecache.store("spelling-tables", digest, tables)
    return tables


_SHAPE = {
    "zipf": dict,
    "candidates": list,
    "common": list,
    "name_common": list,
    "delete_index": dict,
    "common_delete_index": dict,
    "bigrams": dict,
    "unseen": float,
}


def _well_formed(tables: object) -> TypeGuard[dict[str, Any]]:
    """Whether a cached object has the shape :func:`_build` gives (a file
    from an older layout, or someone else's, is rebuilt rather than used)."""
    return (
        isinstance(tables, dict)
        and tables.keys() == _SHAPE.keys()
        and all(isinstance(tables[name], kind) for name, kind in _SHAPE.items())
        and bool(tables["zipf"])
    )


def _build() -> dict[str, Any]:
    """Every table, from wordfreq's large English list."""
    import wordfreq  # deferred: importing wordfreq costs ~100 ms

    from . import plausibility, scoring

    table: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list("en", wordlist="large")):
        if bucket:  # later (rarer) buckets win, as wordfreq's own lookup does
            table.update(dict.fromkeys(bucket, round(9.0 - index / 100.0, 2)))
    bigrams, unseen = plausibility.build_model(table)
    return {
        "zipf": table,
        "candidates": [w for w, z in table.items() if is_candidate(w, z)],
        "common": _plain_common(table, scoring.WORD_SAFE_ZIPF),
        "name_common": _plain_common(table, scoring.NAME_SAFE_ZIPF),
        "delete_index": _by_length(_deletion_index(table, MIN_INDEXED_ZIPF, _deletions_upto1)),
        "common_delete_index": _deletion_index(table, COMMON_FAR_ZIPF, deletions_upto2),
        "bigrams": bigrams,
        "unseen": unseen,
    }


def _plain_common(table: dict[str, float], min_zipf: float) -> list[str]:
    return [w for w, z in table.items() if z >= min_zipf and _PLAIN_LOWER.fullmatch(w)]


def _install(tables: dict[str, Any]) -> None:
    global _zipf, _candidate_words, _delete_index, _common_delete_index
    from . import plausibility, scoring

    _candidate_words = dict.fromkeys(tables["candidates"])
    _common_words[scoring.WORD_SAFE_ZIPF] = dict.fromkeys(tables["common"])
    _common_words[scoring.NAME_SAFE_ZIPF] = dict.fromkeys(tables["name_common"])
    _delete_index = tables["delete_index"]
    _common_delete_index = tables["common_delete_index"]
    plausibility.install(tables["bigrams"], tables["unseen"])
    _zipf = tables["zipf"]


def zipf_table() -> dict[str, float]:
    """Return {word: zipf} for wordfreq's large English list."""
    if _zipf is None:
        prepare()
    return _zipf  # type: ignore[return-value]  # set by prepare()


def zipf(word: str) -> float:
    """Zipf frequency of an already lower-cased word (0.0 when unknown)."""
    return zipf_table().get(word, 0.0)


def is_candidate(word: str, zipf_value: float) -> bool:
    """Whether a dictionary entry may be proposed as a correction."""
    return zipf_value >= MIN_SUGGESTION_ZIPF and _is_wordlike(word)


def candidate_words() -> WordSet:
    """All entries that may be suggested (see :data:`WordSet`)."""
    prepare()
    return _candidate_words


def common_words(min_zipf: float) -> WordSet:
    """Plain lower-case ASCII words at least ``min_zipf`` common.

    A white-space chunk that is exactly such a word is a single token that
    is never questioned (or no token at all when it is shorter than the
    checker's minimum), and these chunks are most of running text.  Having
    them as a :data:`WordSet` lets the document pass drop them all with one
    C-level filter instead of tokenising each in Python.  The checker's own
    thresholds (words and names) are prepared with the other tables.
    """
    prepare()
    found = _common_words.get(min_zipf)
    if found is None:
        found = dict.fromkeys(_plain_common(zipf_table(), min_zipf))
        _common_words[min_zipf] = found
    return found


def known(words: set[str], vocabulary: WordSet) -> set[str]:
    """The members of ``words`` found in ``vocabulary`` (a C-level filter)."""
    return set(filter(vocabulary.__contains__, words))


def delete_index() -> dict[int, dict[str, str]]:
    """Map each single-letter deletion of a common word back to the words,
    in one dict per key length.

    Used to find distance-2 candidates in a few thousand dictionary look-ups
    instead of generating the ~10^5 strings two blind edits would produce.
    Every indexed word is also its own key.  The words of a key are one
    space-separated string, most common first: a dict of strings is never
    walked by the garbage collector and loads fast from the disk cache.
    Split by key length because every search knows the lengths of its keys,
    and a look-up in a table of ~50k keys stays in the processor's cache
    where one in a table of ~350k mostly does not (the distance-2 search's
    look-ups take 40% less time).
    """
    prepare()
    return _delete_index


def indexed_words(keys: Mapping[int, Iterable[str]]) -> list[str]:
    """Every word the deletion index files under any of ``keys`` (grouped by
    length), with repeats (see :func:`words_under`)."""
    index = delete_index()
    found: list[str] = []
    for length, group in keys.items():
        table = index.get(length)
        if table is not None:
            found += words_under(table, group)
    return found


def _by_length(index: dict[str, str]) -> dict[int, dict[str, str]]:
    """``index`` split into one dict per key length."""
    split: dict[int, dict[str, str]] = {}
    for key, words in index.items():
        split.setdefault(len(key), {})[key] = words
    return split


def words_under(index: dict[str, str], keys: Iterable[str]) -> list[str]:
    """Every word ``index`` files under any of ``keys`` (with repeats), in C.

    ``filter`` with the dict's own ``__contains__`` is two to three times faster than
    ``index.keys() & keys``, which builds a result set on top of the look-ups; the distance-2
    search sends thousands of keys per word."""
    hits = filter(index.__contains__, keys)
    return " ".join(map(index.__getitem__, hits)).split()


def _deletions_upto1(word: str) -> set[str]:
    """The word and every string one letter shorter."""
    return {word, *[word[:i] + word[i + 1 :] for i in range(len(word))]}


def _deletion_index(
    table: dict[str, float], min_zipf: float, keys: Callable[[str], set[str]]
) -> dict[str, str]:
    """Map every key of each word-like word of at least ``min_zipf`` back to
    the words, most common first (the table's order)."""
    index: dict[str, str] = {}
    get = index.get
    for word, value in table.items():
        if value < min_zipf or len(word) < 3 or not _is_wordlike(word):
            continue
        for key in keys(word):
            previous = get(key)
            index[key] = word if previous is None else f"{previous} {word}"
    return index


def preload() -> None:
    """Load every table now (benchmarks and long-running servers call this
    so the first document does not pay for it)."""
    prepare()
    # One full collection now, while nothing else is going on: the first one
    # after loading is the costliest.  Left alone it would land in the middle
    # of some document.
    import gc

    gc.collect()


# Words at least this common are looked for up to two edits away from every
# flagged word, to rank its suggestions (see candidates.common_far).  Only a
# common word can beat a one-edit neighbour from two edits away, and there
# are few enough of them (~1k) to index every one- and two-letter deletion.
COMMON_FAR_ZIPF = 5.0


def deletions_upto2(word: str) -> set[str]:
    """The word and every string one or two letters shorter."""
    out = {word}
    for i in range(len(word)):
        one = word[:i] + word[i + 1 :]
        out.add(one)
        for j in range(i, len(one)):
            out.add(one[:j] + one[j + 1 :])
    return out


def common_delete_index() -> dict[str, str]:
    """Map every one- or two-letter deletion of a common word (zipf >=
    :data:`COMMON_FAR_ZIPF`) back to the words (symmetric deletion: two
    strings within two edits share a key); values as in :func:`delete_index`."""
    prepare()
    return _common_delete_index
