"""Candidate corrections from wordfreq's vocabulary, ranked by error cost.

Distance-1 candidates come from generating every single edit of the typed
word (Norvig's method); distance-2 candidates come from a deletion index
(SymSpell's idea) so a garbled word costs a few thousand look-ups instead of
~10^5.  Results depend only on the typed word, so they are cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from . import budget, lexicon
from .errormodel import cheap_substitutes, cost_floor, typo_cost

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Distance-2 candidates more expensive than this are implausible typos.
MAX_DEEP_COST = 3.8
# Any single edit costs at most a substitution plus the first-letter extra;
# the deletion index also returns some two-edit words, dropped by this cap.
MAX_NEAR_COST = 3.15


class Candidate(NamedTuple):
    word: str  # lower case
    zipf: float
    cost: float  # -log10 P(typed | word), see errormodel


def edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    for a, b in splits:  # c.join((a, b)) is a + c + b (see _far_keys)
        if b:
            out.update(map(str.join, _LETTERS, repeat((a, b[1:]))))  # substitutions
        out.update(map(str.join, _LETTERS, repeat((a, b))))  # insertions
    out.discard(word)
    return out


def _as_candidates(words: set[str] | frozenset[str], typed: str) -> list[Candidate]:
    """Score the words that are more common than ``typed``.

    A correction is never rarer than the token it replaces (both the word
    and the name rules need it to be more common), and skipping the rest
    saves most of the error-model work.
    """
    table = lexicon.zipf_table()
    floor = table.get(typed, 0.0)
    return [Candidate(w, z, typo_cost(w, typed)) for w in words if (z := table[w]) > floor]


def _indexed(keys: Mapping[int, Iterable[str]]) -> set[str]:
    """Every word the deletion index files under any of ``keys`` (grouped by length)."""
    return set(lexicon.indexed_words(keys))


def _near_keys(typed: str) -> dict[int, Iterable[str]]:
    """``typed`` and its deletions, grouped by length: the keys under which the deletion
    index files every word that shares a deletion with ``typed``."""
    return {len(typed) - 1: _deletions(typed), len(typed): (typed,)}


def uses_index(zipf: float) -> bool:
    """Whether :func:`near` looks a token of this zipf up in the deletion
    index (listed tokens) rather than generating all its edits."""
    return zipf >= lexicon.MIN_INDEXED_ZIPF - 1.5


def neighbours_from(typed: str, min_zipf: float) -> list[tuple[str, float]]:
    """(word, zipf) of the indexed words at least ``min_zipf`` common that share a deletion
    with ``typed``: the top of :func:`indexed_neighbours`, without splitting every key's list
    (each list is stored most common first, so the walk stops at the first rarer word; for
    most rare words that is the first word of every key)."""
    index = lexicon.delete_index()
    table = lexicon.zipf_table()
    found: dict[str, float] = {}
    for length, keys in _near_keys(typed).items():
        by_key = index.get(length, {})
        for key in filter(by_key.__contains__, keys):
            rest = by_key[key]
            while rest:
                word, _, rest = rest.partition(" ")
                z = table[word]
                if z < min_zipf:
                    break
                found[word] = z
    found.pop(typed, None)
    return list(found.items())


@lru_cache(maxsize=budget.NEIGHBOURS)
def indexed_neighbours(typed: str) -> tuple[tuple[str, float], ...]:
    """(word, zipf) of the indexed words more common than ``typed`` that
    share a deletion with it: :func:`near`'s candidates before costing.

    A listed token can only be corrected to a word clearly more common than
    it, and those are all in the deletion index: n + 1 look-ups find them
    (a longer word has ``typed`` among its deletions, a shorter one is a
    deletion of it, a substitution or transposition shares a deletion).
    """
    found = _indexed(_near_keys(typed))
    found.discard(typed)
    table = lexicon.zipf_table()
    floor = table.get(typed, 0.0)
    return tuple((w, z) for w in found if (z := table[w]) > floor)


@lru_cache(maxsize=budget.NEIGHBOURS)
def near(typed: str) -> tuple[Candidate, ...]:
    """Dictionary words one edit away from ``typed`` (lower case).

    A listed token gets :func:`indexed_neighbours`, costed.  An unlisted
    token may be a slip of a rare word, so it gets the full ~50n generated
    edits against every suggestible word.
    """
    if not uses_index(lexicon.zipf(typed)):
        return tuple(_as_candidates(lexicon.known(edits1(typed), lexicon.candidate_words()), typed))
    costed = (Candidate(w, z, typo_cost(w, typed)) for w, z in indexed_neighbours(typed))
    return tuple(c for c in costed if c.cost <= MAX_NEAR_COST)


def slip_words(typed: str) -> set[str]:
    """Suggestible words that ``typed`` is a cheap slip of: one adjacent
    transposition or one dropped letter of a double, not yet costed.  Names
    are only judged against these, so there is no need to generate all ~50n
    single edits; the caller costs only the words common enough to matter."""
    variants = {typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] for i in range(len(typed) - 1)}
    variants.update(typed[: i + 1] + typed[i:] for i in range(len(typed)))
    variants.discard(typed)
    return lexicon.known(variants, lexicon.candidate_words())


def _deletions(word: str) -> list[str]:
    """Every string one letter shorter than ``word``."""
    return [word[:k] + word[k + 1 :] for k in range(len(word))]


def _far_keys(typed: str) -> dict[int, set[str]]:
    """The keys under which the deletion index files every word up to two edits from ``typed``
    whose error cost can be within MAX_DEEP_COST, grouped by length (the index is split by key
    length, and files each word under itself and its one-letter deletions).

    With n = len(typed) and D its deletions, a word w two edits away is filed under a key of:
    - n + 1: ``typed`` with a letter inserted (w has two letters more);
    - n: ``typed``, and ``typed`` with one substitution or transposition (w is one of those,
      or one of those with a letter inserted);
    - n - 1: D (a dropped and an added letter, or a letter too many), the deletions of each
      transposition (a transposition with another edit), and each member of D with one
      substitution (two substitutions: w with one of them deleted);
    - n - 2: the deletions of D (two letters too many, or a letter too many and a
      substitution: w with the substituted letter deleted).
    Of two substitutions at least one must be a cheap one (a vowel, a neighbouring key, a
    letter that sounds alike): two others cost more than MAX_DEEP_COST, and both orders are
    generated, so D's members get only cheap substitutions.  That is a third of the keys
    that inserting every letter into D would make, for the same words within the cap.
    """
    n = len(typed)
    shorter = _deletions(typed)
    same = {typed}
    one_less = set(shorter)
    two_less: set[str] = set()
    longer: set[str] = set()
    cheap = cheap_substitutes()
    # c.join((head, tail)) is head + c + tail in one allocation, and map runs it in C.
    for k in range(n):
        head, tail = typed[:k], typed[k + 1 :]
        same.update(map(str.join, _LETTERS, repeat((head, tail))))  # substitutions
    for d in shorter:
        two_less.update(_deletions(d))
        for k, letter in enumerate(d):
            others = cheap.get(letter)
            if others:
                one_less.update(map(str.join, others, repeat((d[:k], d[k + 1 :]))))
    for k in range(n + 1):
        longer.update(map(str.join, _LETTERS, repeat((typed[:k], typed[k:]))))
    for i in range(n - 1):
        swap = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
        if swap != typed:
            same.add(swap)
            one_less.update(_deletions(swap))
    return {n - 2: two_less, n - 1: one_less, n: same, n + 1: longer}


@lru_cache(maxsize=budget.FAR)
def far(typed: str) -> tuple[Candidate, ...]:
    """Common dictionary words up to two edits away from ``typed``.

    About 2,000 keys (:func:`_far_keys`) are looked up in the deletion index
    instead of generating the ~10^5 strings two blind edits would make.
    """
    keys = _far_keys(typed)
    found = lexicon.known(_indexed(keys), lexicon.candidate_words())
    # Most words two edits away cost more than the cap by their letters alone.
    found = {w for w in found if cost_floor(w, typed) <= MAX_DEEP_COST}
    cands = _as_candidates(found, typed)
    return tuple(c for c in cands if c.cost <= MAX_DEEP_COST)


@lru_cache(maxsize=budget.COMMON_FAR)
def common_far(typed: str) -> tuple[tuple[str, float], ...]:
    """(word, zipf) of the common words (zipf >= lexicon.COMMON_FAR_ZIPF)
    up to two edits away from ``typed``, not yet costed.

    Used only to rank the suggestions of a word already judged a typo: a
    badly garbled common word ("peol" for "people") is often two edits from
    its intent and one edit from some rarer word.  A few dozen look-ups in a
    small index, unlike :func:`far`; the caller costs only the words that
    could still come out on top.
    """
    found = set(lexicon.words_under(lexicon.common_delete_index(), lexicon.deletions_upto2(typed)))
    found.discard(typed)
    table = lexicon.zipf_table()
    return tuple((w, table[w]) for w in found)
