"""Lazy, process-wide access to wordfreq's English frequencies.

wordfreq's data is loaded on first use, never at import time, so that
``import cleaner.spelling`` (and ``cleaner --version``) stays instant.
Frequencies are zipf values (log10 of occurrences per billion words);
wordfreq folds case, so "Delhi" and "delhi" share one value.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator

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
_zipf: dict[str, float] | None = None
_delete_index: dict[str, tuple[str, ...]] | None = None
_candidate_words: WordSet | None = None
_common_words: dict[float, WordSet] = {}
_PLAIN_LOWER = re.compile(r"[a-z]+")


def _is_wordlike(word: str) -> bool:
    """True for purely alphabetic entries (apostrophes allowed inside)."""
    return word.replace("'", "").isalpha()


def zipf_table() -> dict[str, float]:
    """Return {word: zipf} for wordfreq's large English list, loading it once."""
    global _zipf
    if _zipf is None:
        with _lock:
            if _zipf is None:
                import wordfreq  # deferred: importing wordfreq costs ~100 ms

                table: dict[str, float] = {}
                buckets = wordfreq.get_frequency_list("en", wordlist="large")
                for index, bucket in enumerate(buckets):
                    zipf = round(9.0 - index / 100.0, 2)
                    for word in bucket:
                        table[word] = zipf
                _zipf = table
    return _zipf


def zipf(word: str) -> float:
    """Zipf frequency of an already lower-cased word (0.0 when unknown)."""
    return zipf_table().get(word, 0.0)


def is_candidate(word: str, zipf_value: float) -> bool:
    """Whether a dictionary entry may be proposed as a correction."""
    return zipf_value >= MIN_SUGGESTION_ZIPF and _is_wordlike(word)


def candidate_words() -> WordSet:
    """All entries that may be suggested (see :data:`WordSet`)."""
    global _candidate_words
    if _candidate_words is None:
        table = zipf_table()
        _candidate_words = dict.fromkeys(w for w, z in table.items() if is_candidate(w, z))
    return _candidate_words


def common_words(min_zipf: float) -> WordSet:
    """Plain lower-case ASCII words at least ``min_zipf`` common.

    A white-space chunk that is exactly such a word is a single token that
    is never questioned (or no token at all when it is shorter than the
    checker's minimum), and these chunks are most of running text.  Having
    them as a :data:`WordSet` lets the document pass drop them all with one
    C-level filter instead of tokenising each in Python.
    """
    found = _common_words.get(min_zipf)
    if found is None:
        found = dict.fromkeys(
            w for w, z in zipf_table().items() if z >= min_zipf and _PLAIN_LOWER.fullmatch(w)
        )
        _common_words[min_zipf] = found
    return found


def known(words: set[str], vocabulary: WordSet) -> set[str]:
    """The members of ``words`` found in ``vocabulary`` (a C-level filter)."""
    return set(filter(vocabulary.__contains__, words))


def delete_index() -> dict[str, tuple[str, ...]]:
    """Map each single-letter deletion of a common word back to the words.

    Used to find distance-2 candidates in a few thousand dictionary look-ups
    instead of generating the ~10^5 strings two blind edits would produce.
    Every indexed word is also its own key.
    """
    global _delete_index
    if _delete_index is None:
        with _lock:
            if _delete_index is None:
                _delete_index = _deletion_index(MIN_INDEXED_ZIPF, _deletions_upto1)
    return _delete_index


def _deletions_upto1(word: str) -> Iterator[str]:
    """The word and every string one letter shorter."""
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _deletion_index(
    min_zipf: float, keys: Callable[[str], Iterable[str]]
) -> dict[str, tuple[str, ...]]:
    """Map every key of each word-like word of at least ``min_zipf`` back to the words."""
    index: dict[str, list[str]] = {}
    for word, value in zipf_table().items():
        if value < min_zipf or len(word) < 3 or not _is_wordlike(word):
            continue
        for key in keys(word):
            bucket = index.setdefault(key, [])
            if not bucket or bucket[-1] != word:
                bucket.append(word)
    return {k: tuple(v) for k, v in index.items()}


def preload() -> None:
    """Load every table now (benchmarks and long-running servers call this
    so the first document does not pay for it)."""
    from .plausibility import log_likelihood
    from .scoring import WORD_SAFE_ZIPF

    zipf_table()
    common_words(WORD_SAFE_ZIPF)
    candidate_words()
    delete_index()
    common_delete_index()
    log_likelihood("a")
    # One full collection now, while nothing else is going on: the index
    # tuples and then the dicts holding them are only untracked by a full
    # collection, and the first one after loading costs several times the
    # later ones.  Left alone it would land in the middle of some document.
    import gc

    gc.collect()


# Words at least this common are looked for up to two edits away from every
# flagged word, to rank its suggestions (see candidates.common_far).  Only a
# common word can beat a one-edit neighbour from two edits away, and there
# are few enough of them (~1k) to index every one- and two-letter deletion.
COMMON_FAR_ZIPF = 5.0
_common_delete_index: dict[str, tuple[str, ...]] | None = None


def deletions_upto2(word: str) -> set[str]:
    """The word and every string one or two letters shorter."""
    out = {word}
    for i in range(len(word)):
        one = word[:i] + word[i + 1 :]
        out.add(one)
        for j in range(i, len(one)):
            out.add(one[:j] + one[j + 1 :])
    return out


def common_delete_index() -> dict[str, tuple[str, ...]]:
    """Map every one- or two-letter deletion of a common word (zipf >=
    :data:`COMMON_FAR_ZIPF`) back to the words (symmetric deletion: two
    strings within two edits share a key)."""
    global _common_delete_index
    if _common_delete_index is None:
        with _lock:
            if _common_delete_index is None:
                _common_delete_index = _deletion_index(COMMON_FAR_ZIPF, deletions_upto2)
    return _common_delete_index
