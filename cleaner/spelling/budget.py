"""How many entries each of the checker's per-process caches keeps: a memory budget.

The caches make a corpus run fast (a news stream repeats its chunks, names and rare words), but
a corpus of millions of documents brings new numbers, names and coinages to the end, so every
cache is bounded, and the bounds are chosen by memory: at its bound each cache holds about the
megabytes noted beside it (per entry on news text, keys included). With ``-j N`` every worker has
its own caches, and the peak memory of a run must not depend on the size of its corpus.
Measured with ``benchmarks/bench_speed.py``'s stream of new numbers, names and rare words: one
process grows by ~28 MB over its ~100 MB of word tables, then stays flat. Before these bounds
(500k chunks, LRUs of 100k) the same kind of stream took one process past 400 MB, and a
``-j 2`` run over 4,000 such files peaked at 856 MB (summed RSS; 389 MB with them).

One pass over the 1,297 BBC articles of the benchmark fills them to: 37k chunks, 7.6k name
deletion sets, 3.3k name slips, 1k neighbour lists, 1.4k error costs, a few hundred of the rest.
A corpus of that kind fits; a larger one evicts what it has not used for longest (the chunk and
quiet-word caches, plain dicts, drop their older half when full).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

# document.py: a chunk's suspects and words (~0.2 kB each on average: the chunks of one
# common word share their entry).
CHUNKS = 40_000  # ~10 MB
# tokens.py: a chunk's tokens, used only with an allow-list or corrections (~0.3 kB each).
CHUNK_TOKENS = 16_000  # ~5 MB
# document.py: lower-case words that can never be flagged (~0.1 kB each).
QUIET_WORDS = 4_096  # ~0.5 MB
# document.py: a name's one-letter deletions, to find its variants (~0.6 kB each).
NAME_DELETIONS = 8_192  # ~5 MB
# scoring.py: the slips of a name (mostly none, ~0.1 kB each).
NAME_SLIPS = 4_096  # ~0.6 MB
# candidates.py and scoring.py: neighbours and candidates of a rare word (~1 kB each).
NEIGHBOURS = 1_024  # ~1 MB for each of near, indexed_neighbours and _hopefuls
# candidates.py: two-edit candidates of an unknown word (~1.3 kB each), and of a flagged one.
FAR = 1_024  # ~1.3 MB
COMMON_FAR = 1_024  # ~0.3 MB
# errormodel.py and morphology.py: an error cost, a derivation test (~0.2 kB each).
ERROR_COSTS = 4_096  # ~0.8 MB
DERIVED = 2_048  # ~0.3 MB


def evict_older_half(cache: dict[str, Any]) -> None:
    """Drop the older half of a bounded dict cache (by insertion, not by use: cheaper than an
    LRU, and the old entries of a stream are the ones it stopped bringing back)."""
    for key in list(islice(cache, len(cache) // 2)):
        cache.pop(key, None)  # another thread may have dropped it meanwhile
