"""Listed words that no document can get flagged, worked out once per machine.

Most rare words a news text uses are real words that wordfreq lists between
zipf 2.5 and the "never questioned" line (3.2): "ratified", "dinghy",
"tariffs".  Ruling one out the first time a process meets it costs some
20 microseconds (its neighbours in the deletion index, their error costs;
:func:`scoring.never_flagged`), and a fresh process meets thousands of
them, each worker of a ``-j N`` run its own.  The verdict depends only on
the word, so it is worked out for all ~29k such words at once (under a
second) and kept in the disk cache beside the word tables.

The cache key covers the tables' own key and the source of every module
whose rules decide the verdict, so editing a cost, a margin or the search
can never be answered from an old list.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from types import ModuleType

from . import candidates, errormodel, joined, lexicon, scoring

# Words at least this common (and below scoring.WORD_SAFE_ZIPF) are judged in advance: they
# are most of the rare words news text uses (about 80% of the first-time judgements on the BBC
# articles); rarer ones are fewer per document and many more in the list (~240k).
MIN_ZIPF = 2.5

_lock = threading.Lock()
_words: lexicon.WordSet | None = None


def words() -> lexicon.WordSet:
    """The listed lower-case words, MIN_ZIPF <= zipf < WORD_SAFE_ZIPF, that
    :func:`scoring.never_flagged` rules out (loaded or built on first use)."""
    if _words is None:
        _load()
    return _words  # type: ignore[return-value]  # set by _load()


def _load() -> None:
    global _words
    from . import tablecache

    with _lock:
        if _words is not None:
            return
        fingerprint = rules_fingerprint()
        if fingerprint is None:  # sources not readable: judge every word when met, as before
            _words = {}
            return
        digest = tablecache.key(lexicon.parameters(), fingerprint, MIN_ZIPF)
        _words = dict.fromkeys(tablecache.words("spelling-quiet", digest, build))


def build() -> list[str]:
    """Every word of the range that no document can get flagged (about a second)."""
    table = lexicon.zipf_table()
    return [
        word
        for word, z in table.items()
        if MIN_ZIPF <= z < scoring.WORD_SAFE_ZIPF and scoring.never_flagged(word, z)
    ]


# Every module whose code scoring.never_flagged runs (a test traces it to keep this whole).
DECIDING_MODULES = (scoring, candidates, errormodel, lexicon, joined)


def rules_fingerprint(*more: ModuleType) -> str | None:
    """A hash of the source of the modules that decide :func:`scoring.never_flagged`, and of
    ``more`` (None when a source cannot be read, e.g. from a zip archive)."""
    digest = hashlib.sha256()
    for module in (*DECIDING_MODULES, *more):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            return None
    return digest.hexdigest()
