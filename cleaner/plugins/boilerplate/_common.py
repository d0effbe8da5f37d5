"""Evidence shared by the boilerplate families: patterns compiled once, cheap helpers.

Rules run on every line of every document, so each one starts with the cheapest test (word
count, first character) and only then runs a regular expression.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.rules import Block

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
REPORTING = re.compile(
    r"\b(?:said|says|told|declined|refused|according to|reported|added|wrote|asked|argued|"
    r"claimed|announced|stated)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # several rules ask about the same line, and the pattern is costly
def reports(text: str) -> bool:
    """Does the line report speech (a reporting verb such as "said")? News, not furniture.

    >>> reports("The minister declined to comment.")
    True
    """
    return REPORTING.search(text) is not None


ELLIPSIS_END = re.compile(r"(?:\w|[,;:])\s*(?:…|\.\.\.)$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # several rules ask for the same short line's label
def label(text: str) -> str:
    """A short line reduced to its words, for lookups in sets of interface labels.

    >>> label("  » Share This Article: ")
    'share this article'
    """
    return _SPACES.sub(" ", _strip_edges(text)).lower()


def _strip_edges(text: str) -> str:
    """``text`` without leading and trailing non-alphanumerics, in linear time.

    The regex ``[\\W_]+$`` would rescan a long run of spaces from every position in it.
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


@lru_cache(maxsize=4096)
def lower(text: str) -> str:
    return text.lower()


def mentions(text: str, keys: tuple[str, ...]) -> bool:
    """Cheap prefilter before a costly pattern: does the lowercased line contain any key?

    >>> mentions("Sign up for our newsletter", ("newsletter", "subscri"))
    True
    """
    low = lower(text)
    return any(map(low.__contains__, keys))  # no generator frame per key


def is_short(block: Block, words: int) -> bool:
    return block.words <= words


def near_edge(block: Block, lead: int = 3, tail: int = 6) -> bool:
    """True in the first ``lead`` or the last ``tail`` blocks, where page furniture gathers."""
    return block.index < lead or block.from_end < tail


def labels(*items: str) -> frozenset[str]:
    """A set of labels normalised like :func:`label`."""
    return frozenset(label(i) for i in items)
