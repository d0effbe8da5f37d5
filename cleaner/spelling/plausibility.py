"""How word-like a spelling looks: a letter-bigram model of the vocabulary.

When a document spells a rare name two ways once each ("Gaymard" and
"Gaymrad"), counts cannot say which is the slip.  Slips, transpositions
above all, tend to create letter pairs that words rarely contain, so the
spelling whose letter pairs are more ordinary is taken as the intended one.
The model is built from wordfreq's vocabulary on first use.
"""

from __future__ import annotations

import math
import threading
from collections import Counter

from . import lexicon

# Types (not tokens) this common train the model: names and words alike.
TRAIN_MIN_ZIPF = 2.5

_lock = threading.Lock()
_logp: dict[str, float] | None = None
_unseen = 0.0


def _table() -> dict[str, float]:
    global _logp, _unseen
    if _logp is None:
        with _lock:
            if _logp is None:
                pairs: Counter[str] = Counter()
                firsts: Counter[str] = Counter()
                for word, z in lexicon.zipf_table().items():
                    if z >= TRAIN_MIN_ZIPF and word.isalpha():
                        padded = f"^{word}$"
                        for i in range(len(padded) - 1):
                            pairs[padded[i : i + 2]] += 1
                            firsts[padded[i]] += 1
                vocab = 28
                _unseen = math.log10(1 / (max(firsts.values()) + vocab))
                _logp = {p: math.log10((n + 1) / (firsts[p[0]] + vocab)) for p, n in pairs.items()}
    return _logp


def log_likelihood(word: str) -> float:
    """log10 probability of the letter sequence of ``word`` (lower case)."""
    table = _table()
    padded = f"^{word}$"
    return sum(table.get(padded[i : i + 2], _unseen) for i in range(len(padded) - 1))
