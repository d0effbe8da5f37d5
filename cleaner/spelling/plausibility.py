"""How word-like a spelling looks: a letter-bigram model of the vocabulary.

When a document spells a rare name two ways once each ("Gaymard" and
"Gaymrad"), counts cannot say which is the slip.  Slips, transpositions
above all, tend to create letter pairs that words rarely contain, so the
spelling whose letter pairs are more ordinary is taken as the intended one.
The model is built from wordfreq's vocabulary with the other tables
(``lexicon.prepare``).
"""

from __future__ import annotations

import math
from collections import Counter
from operator import add

from . import lexicon

# Types (not tokens) this common train the model: names and words alike.
TRAIN_MIN_ZIPF = 2.5

_logp: dict[str, float] = {}
_unseen = 0.0
_VOCABULARY = 28  # letters plus the two word-boundary marks


def build_model(zipf: dict[str, float]) -> tuple[dict[str, float], float]:
    """({bigram: log10 P(second letter | first)}, log10 P of an unseen pair),
    add-one smoothed, from the alphabetic words of ``zipf`` at least
    :data:`TRAIN_MIN_ZIPF` common.  Each word's pairs are cut in C
    (``map(add, padded, padded[1:])``); a letter's count as a first letter
    is the sum of its pairs' counts."""
    pairs: Counter[str] = Counter()
    for word, z in zipf.items():
        if z >= TRAIN_MIN_ZIPF and word.isalpha():
            padded = f"^{word}$"
            pairs.update(map(add, padded, padded[1:]))
    firsts: Counter[str] = Counter()
    for pair, n in pairs.items():
        firsts[pair[0]] += n
    unseen = math.log10(1 / (max(firsts.values()) + _VOCABULARY))
    logp = {p: math.log10((n + 1) / (firsts[p[0]] + _VOCABULARY)) for p, n in pairs.items()}
    return logp, unseen


def install(logp: dict[str, float], unseen: float) -> None:
    """Use a model :func:`build_model` made (called by ``lexicon.prepare``)."""
    global _logp, _unseen
    _logp, _unseen = logp, unseen


def log_likelihood(word: str) -> float:
    """log10 probability of the letter sequence of ``word`` (lower case)."""
    lexicon.prepare()
    table = _logp
    padded = f"^{word}$"
    return sum(table.get(padded[i : i + 2], _unseen) for i in range(len(padded) - 1))
