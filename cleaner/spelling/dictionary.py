"""Rare words a second, cleaned word list knows: evidence that a word is real, not a slip.

wordfreq counts what people write, slips included ("recieve" is listed), so below the "never
questioned" line its list mixes rare real words ("whiten", "winnow", "doers", "locale") with
habitual misspellings, and frequency alone flags a real word whenever a far more common one is
an edit away ("whiten" -> "white"). pyspellchecker's English list was made from word counts too
(film subtitles), but its maintainers removed low counts and a list of known misspellings: a
word on both lists is a real word far more often than a slip, so the scorer asks more of its
correction (``scoring.DICTIONARY_PENALTY``), except for the cheap slips people repeat.

Only the words that could be flagged at all matter: listed by wordfreq in the range the scorer
questions, known to pyspellchecker, and with a candidate that could beat them given every
document bonus (``scoring.never_flagged`` rules out the rest whatever this says). That is
~8,500 words of pyspellchecker's ~60,000 in the range; finding them takes about two seconds,
once per machine, and the list is cached beside the word tables (~0.7 MB in memory).
"""

from __future__ import annotations

import sys
import threading

from . import lexicon

_lock = threading.Lock()
_words: lexicon.WordSet | None = None


def lists(word: str) -> bool:
    """Whether ``word`` (lower case) is a rare word the second word list knows."""
    return word in (_words if _words is not None else words())


def words() -> lexicon.WordSet:
    """The words :func:`lists` knows (loaded or built on first use)."""
    if _words is None:
        _load()
    return _words  # type: ignore[return-value]  # set by _load()


def _load() -> None:
    global _words
    from . import quiet, tablecache

    with _lock:
        if _words is not None:
            return
        # The build runs the scorer's rules, and its own: a change to either rebuilds the list.
        fingerprint = quiet.rules_fingerprint(sys.modules[__name__])
        if fingerprint is None:  # sources not readable: build, but cache nothing under a blind key
            _words = dict.fromkeys(build())
            return
        digest = tablecache.key(lexicon.parameters(), fingerprint, _source_version())
        _words = dict.fromkeys(tablecache.words("spelling-dictionary", digest, build))


def _source_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("pyspellchecker")
    except metadata.PackageNotFoundError:  # pragma: no cover - a required dependency
        return "?"


def build() -> list[str]:
    """The words of the range that pyspellchecker knows and a document could get flagged."""
    from spellchecker import SpellChecker

    from . import quiet, scoring

    table = lexicon.zipf_table()
    quiet_words = quiet.words()
    in_range = [
        word
        for word, z in table.items()
        if scoring.FAR_BELOW_ZIPF <= z < scoring.WORD_SAFE_ZIPF and word not in quiet_words
    ]
    known = SpellChecker(language="en", distance=1).known(in_range)
    return sorted(word for word in known if not scoring.never_flagged(word, table[word]))
