"""Candidate corrections from wordfreq's vocabulary, ranked by error cost.

Distance-1 candidates come from generating every single edit of the typed
word (Norvig's method); distance-2 candidates come from a deletion index
(SymSpell's idea) so a garbled word costs a few thousand look-ups instead of
~10^5.  Results depend only on the typed word, so they are cached.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import lexicon
from .errormodel import typo_cost

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Distance-2 candidates more expensive than this are implausible typos.
MAX_DEEP_COST = 3.8


class Candidate(NamedTuple):
    word: str  # lower case
    zipf: float
    cost: float  # -log10 P(typed | word), see errormodel


def edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.discard(word)
    return out


def _as_candidates(words: set[str], typed: str) -> list[Candidate]:
    table = lexicon.zipf_table()
    out = []
    for w in words:
        z = table.get(w, 0.0)
        if w != typed and lexicon.is_candidate(w, z):
            out.append(Candidate(w, z, typo_cost(w, typed)))
    return out


@lru_cache(maxsize=100_000)
def near(typed: str) -> tuple[Candidate, ...]:
    """Dictionary words one edit away from ``typed`` (lower case)."""
    return tuple(_as_candidates(edits1(typed), typed))


@lru_cache(maxsize=50_000)
def far(typed: str) -> tuple[Candidate, ...]:
    """Common dictionary words up to two edits away from ``typed``."""
    index = lexicon.delete_index()
    found: set[str] = set()
    for e1 in edits1(typed):
        hit = index.get(e1)
        if hit:
            found.update(hit)
        for k in range(len(e1)):
            hit = index.get(e1[:k] + e1[k + 1 :])
            if hit:
                found.update(hit)
    cands = _as_candidates(found, typed)
    return tuple(c for c in cands if c.cost <= MAX_DEEP_COST)
