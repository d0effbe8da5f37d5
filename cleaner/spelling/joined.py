"""Words run together: "toprevent" for "to prevent", "capacityis" for "capacity is".

(Also "inthe" for "in the": a few such joins are common enough on the web for wordfreq to list
them, see :func:`split_before_the`.)

A space dropped between two words is a slip a news editor wants to see, and a frequent trace of
text extracted from HTML, where an inline tag stood between two words. No single-word
correction explains such a token, so the edit-distance search finds nothing (or something
far-fetched) for it.

Only joins with a short function word count: an unknown word made of two ordinary words is
more often a closed compound or a coinage ("planemaker", "passcard", "phonecam"), and words
that also serve as prefixes ("over", "out", "up", "in", "on") begin countless coinages
("overtourism", "upskilled", "onstart"), so they are not on the list.
"""

from __future__ import annotations

from typing import NamedTuple

from . import lexicon

# Function words that a run-together starts or ends with. Not "a" or "I" (one letter joins
# too easily: "alot" is a habit wordfreq lists), and none that doubles as a prefix.
FUNCTION_WORDS = frozenset({
    "the", "to", "of", "and", "that", "will", "is", "was", "with", "for", "from", "about",
    "have", "has", "this", "would", "could", "should", "their", "they", "are", "were", "been",
    "into", "which", "than", "then", "when", "what", "there",
})
# Words that make no English word with "the" after them, so "inthe", "forthe" and "atthe" are
# dropped spaces even though wordfreq lists them (the web misses that space often enough).
# Not "be": "bethe" is also a surname.
BEFORE_THE = FUNCTION_WORDS | frozenset({
    "in", "on", "at", "by", "as", "or", "if", "but", "all", "so", "not", "up", "out", "off",
    "over", "under", "after", "before", "during", "through", "between", "against", "without",
    "within", "around", "across", "along", "among", "towards", "toward", "onto", "upon", "like",
    "where", "while", "because",
})
# The other word must be this common and at least this long: a rare or two-letter remainder
# ("wasnt" = "was" + "nt") is a misspelling of one word, not two words.
PART_MIN_ZIPF = 3.5
PART_MIN_LENGTH = 3


class Joined(NamedTuple):
    words: str  # the two words with a space between: "to prevent"
    zipf: float  # the rarer word's


def split_joined(word: str) -> Joined | None:
    """The two words ``word`` (lower case, not a listed word) is made of, when one is a
    function word and the other a common word; of several splits, the one whose rarer word is
    the most common; else None.

    >>> split_joined("toprevent")
    Joined(words='to prevent', zipf=4.79)
    >>> split_joined("planemaker") is None
    True
    """
    table = lexicon.zipf_table()
    best: Joined | None = None
    for i in range(2, len(word) - 1):
        head, tail = word[:i], word[i:]
        if head in FUNCTION_WORDS:
            function, other = head, tail
        elif tail in FUNCTION_WORDS:
            function, other = tail, head
        else:
            continue
        common = table.get(other, 0.0)
        if len(other) < PART_MIN_LENGTH or common < PART_MIN_ZIPF or not other.isalpha():
            continue
        rarer = min(common, table.get(function, 0.0))
        if best is None or rarer > best.zipf:
            best = Joined(f"{head} {tail}", rarer)
    return best


def split_before_the(word: str) -> Joined | None:
    """A listed token that is a word of :data:`BEFORE_THE` run into "the" ("inthe"), else None.

    >>> split_before_the("inthe")
    Joined(words='in the', zipf=7.27)
    >>> split_before_the("seethe") is None
    True
    """
    head = word[:-3]
    if not word.endswith("the") or head not in BEFORE_THE:
        return None
    table = lexicon.zipf_table()
    return Joined(f"{head} the", min(table.get(head, 0.0), table.get("the", 0.0)))
