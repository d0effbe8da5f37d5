"""Read user word lists (accept lists, Vale's accept.txt style)."""

from __future__ import annotations

import os


def load_words_file(path: str | os.PathLike[str]) -> frozenset[str]:
    """Return the words of a one-word-per-line file, lower-cased.

    Blank lines and ``#`` comments (whole-line or trailing) are ignored, so
    the same file can be shared with Vale.  Lower-casing matches how
    ``find_typos(allow=...)`` compares words.
    """
    words: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(word.replace("\u2019", "'").lower())
    return frozenset(words)
