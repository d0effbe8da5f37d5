"""Typo detection for news text, driven by wordfreq frequencies.

Public API: :func:`find_typos`, :class:`Typo`, :data:`DEFAULT_HIGH_CONFIDENCE`
and :func:`load_words_file`.  Nothing heavy is imported or loaded here: the
first call to :func:`find_typos` makes every word table ready at once
(``lexicon.prepare``: ~0.2 s from the disk cache of :mod:`.tablecache`,
~1 s when built from wordfreq), plus the verdicts worked out in advance for
the rare words news text uses most (:mod:`.quiet`: ~0.7 s when built), and
keeps them for the life of the process.

How it decides (modules in brackets):

* Only word-like tokens are judged [tokens]: URLs, e-mail addresses,
  handles, hashtags, anything with a digit, dotted abbreviations, acronyms
  and camel-case brands are skipped; possessives are cut off; hyphenated
  compounds are judged part by part.
* A lower-case token is questioned when wordfreq finds it rare (zipf < 3.2).
  Candidates one edit away (two for tokens wordfreq has never seen)
  [candidates] are scored as zipf - error cost [errormodel] (+ a bonus when
  the document uses the candidate elsewhere).  The token is flagged when the
  best candidate beats the token's own zipf by a margin [scoring]; regular
  derivations of known words ("demerge") need a wider one [morphology], and
  so do words wordfreq lists at zipf 2.5 or more unless the fix is a cheap
  slip ("whey" is a word, not a slip of "where"; "recieve" is a slip).
  Once a token is flagged, very common words two edits away join the
  ranking of its suggestions ("pepl" -> "people", not "pep") [candidates].
* A capitalised token is presumed a name.  It is flagged only on evidence: a
  transposition or dropped double letter away from a far more common word
  ("Londno" -> "London"), or a variant spelling the same document uses more
  often, or as often when its letter pattern is far more word-like
  [plausibility].
* Confidence = P(typo) from the margin x the share of the best suggestion
  among the candidates, so it is high only when the fix is unambiguous.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .wordsfile import load_words_file

__all__ = ["DEFAULT_HIGH_CONFIDENCE", "Typo", "find_typos", "load_words_file"]

#: Flags at or above this confidence are safe for ``--fix-typos`` to apply.
#: On the benchmark's injected misspellings ~93-97% of such flags carry the
#: right fix; lower values trade wrong fixes for more fixes.
DEFAULT_HIGH_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Typo:
    """One suspected misspelling; ``text[start:end] == word``."""

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]
    confidence: float
    kind: str  # "word" (lower case) or "name" (capitalised)
    message: str


def _normal(word: str) -> str:
    """Lookup form: curly apostrophes straightened, lower case."""
    return word.replace("\u2019", "'").lower()


def _match_case(suggestion: str, typed: str) -> str:
    """Give a suggestion the capitalisation of the typed word."""
    if typed[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _message(word: str, suggestions: tuple[str, ...]) -> str:
    if suggestions:
        return f'possible typo: "{word}" -> "{suggestions[0]}"'
    return f'possible typo: "{word}"'


def find_typos(
    text: str,
    *,
    allow: frozenset[str] = frozenset(),
    corrections: Mapping[str, str] = {},
    min_confidence: float = 0.0,
) -> list[Typo]:
    """Return suspected non-word typos in ``text``, in text order.

    ``allow`` words are never flagged (case-insensitive).  ``corrections``
    maps known misspellings to their fix; those are always flagged with
    confidence 1.0.  Flags below ``min_confidence`` are dropped.
    """
    from . import document  # deferred so importing the package stays cheap

    return document.check(text, allow, corrections, min_confidence)
