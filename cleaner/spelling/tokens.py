"""Find the word tokens worth spell-checking, with code-point offsets.

Text is cut at white space into chunks.  A chunk that is not running prose
(URL, e-mail address, @handle, #hashtag, anything with a digit such as
"S-400", dotted abbreviations such as "U.S.", code in `backticks`) is skipped
whole.  Inside the other chunks, words are letter runs joined by apostrophes; hyphens split
compounds so each part is judged on its own.  Possessive "'s" (straight or
curly) is cut off.  Acronyms, camel-case brands and non-Latin words are left
alone because a frequency list cannot judge them, and so are lower-case
words with a letter beyond ASCII ("für", "crudité").

Chunks repeat a lot, so the per-chunk work is cached process-wide.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import budget, lexicon  # lexicon loads nothing at import (see lexicon.prepare)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Code marks too: `backticks`, {braces}, $VARIABLES are how text sets code apart.
_NOT_PROSE = re.compile(r"[\d@#_/\\=<>|~`{}$]|://|^www\.|[^\W\d_]\.[^\W\d_]")
_LATIN_MAX = "\u024f"  # end of Latin Extended-B
MIN_LENGTH = 3
# Longer runs of letters are not words a reader typed (a run-together URL slug, a hash, a
# scraper's garbage line); judging them would cost edit-distance work quadratic in their length.
MAX_LENGTH = 40
# A hyphenated compound this common when closed up is a word as a whole.
CLOSED_COMPOUND_ZIPF = 2.0

WORD = "word"
NAME = "name"


class Token(NamedTuple):
    """A checkable word inside a chunk: offset relative to the chunk start.

    A named tuple rather than a dataclass: tens of thousands are made and
    cached on first sight of text, and tuples are cheaper to build and are
    dropped from the garbage collector's watch once they hold only strings
    and ints.
    """

    offset: int
    text: str
    kind: str  # WORD (all lower case) or NAME (capitalised)


def _strip_possessive(word: str) -> str:
    """Drop a trailing 's / ’s so "India's" is judged as "India"."""
    if len(word) > 2 and word[-2] in "'\u2019" and word[-1] in "sS":
        return word[:-2]
    return word


def classify(word: str) -> str | None:
    """Return WORD, NAME or None (not something a word list can judge)."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or max(word) > _LATIN_MAX:
        return None
    rest = word[1:]
    if word.islower():
        # A slip of the keyboard makes ASCII: a lower-case word with another letter was typed
        # or pasted on purpose, mostly a word of another language ("für", "crudité").
        return WORD if word.isascii() else None
    if word[0].isupper() and (rest.islower() or not any(c.isalpha() for c in rest)):
        return NAME
    return None  # ACRONYM, camelCase, iPhone, McDonald: leave alone


_HYPHENS = "-\u2010\u2011"


def _hyphen_groups(chunk: str) -> list[list[re.Match[str]]]:
    """Word matches of a chunk, grouped when joined by a single hyphen."""
    groups: list[list[re.Match[str]]] = []
    for m in _WORD.finditer(chunk):
        if groups:
            last = groups[-1][-1]
            if m.start() == last.end() + 1 and chunk[last.end()] in _HYPHENS:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _group_tokens(group: list[re.Match[str]]) -> list[Token]:
    """Tokens of one hyphenated compound (or a single word).

    A compound that is a word when closed up ("pre-empt" = "preempt") is
    fine as a whole.  Short lower-case parts tied to a capitalised part
    ("Chong-gyu", "Abish-uly") belong to a name and are not words.
    """
    if len(group) > 1:
        closed = "".join(m.group() for m in group).replace("\u2019", "'").lower()
        if lexicon.zipf(closed) >= CLOSED_COMPOUND_ZIPF:
            return []
    has_name = len(group) > 1 and any(m.group()[:1].isupper() for m in group)
    out = []
    for m in group:
        text = _strip_possessive(m.group())
        kind = classify(text.replace("\u2019", "'"))
        if kind is None or (has_name and kind == WORD and len(text) <= 3):
            continue
        out.append(Token(m.start(), text, kind))
    return out


# A chunk that is one ASCII letter run, at most wrapped in quotes, brackets
# or closing punctuation ('"said,', "(Labour)"): most chunks that are not a
# bare common word.  Such a chunk has no hyphen, apostrophe inside the word,
# digit or dot between letters, so it holds exactly the one letter run.
PLAIN_LEAD = "\"'([\u201c\u2018"
PLAIN_TRAIL = ".,;:!?\"')]\u201d\u2019"
# A possessive "'s" may follow the letter run ("Lebanon's", "Blair’s,"): _strip_possessive
# would cut it off anyway.
_PLAIN = re.compile(
    f"(?!www\\.)[{re.escape(PLAIN_LEAD)}]*([A-Za-z][a-z]*)(?:['\u2019]s)?[{re.escape(PLAIN_TRAIL)}]*"
)
# An acronym with at most plain wrapping ("(BBC),", "USB."): classify never judges it.
_CAPS = re.compile(f"[{re.escape(PLAIN_LEAD)}]*[A-Z]{{2,}}[{re.escape(PLAIN_TRAIL)}]*")
# A compound of ASCII words joined by single hyphens, at most plain wrapping
# ("mass-market", "(Anglo-French),"): most chunks that would reach the general
# rules.  It has no apostrophe, digit or dot between letters, so its parts
# are exactly the letter runs and form one hyphen group.
_COMPOUND = re.compile(
    f"[{re.escape(PLAIN_LEAD)}]*((?:[A-Za-z][a-z]*-)+[A-Za-z][a-z]*)[{re.escape(PLAIN_TRAIL)}]*"
)
_chunk_cache: dict[str, tuple[Token, ...]] = {}


def chunk_tokens(chunk: str) -> tuple[Token, ...]:
    """Checkable tokens of one white-space-free chunk (cached)."""
    cached = _chunk_cache.get(chunk)
    if cached is not None:
        return cached
    result = tokenize_chunk(chunk)
    if len(_chunk_cache) >= budget.CHUNK_TOKENS:
        budget.evict_older_half(_chunk_cache)
    _chunk_cache[chunk] = result
    return result


def tokenize_chunk(chunk: str) -> tuple[Token, ...]:
    """Checkable tokens of one white-space-free chunk, uncached (for callers
    that cache what they derive from the tokens instead)."""
    if (plain := _PLAIN.fullmatch(chunk)) is not None:
        return _plain_token(plain)
    if (compound := _COMPOUND.fullmatch(chunk)) is not None:
        return _compound_tokens(compound)
    if _NOT_PROSE.search(chunk) or _CAPS.fullmatch(chunk):
        return ()
    found = []
    for group in _hyphen_groups(chunk):
        found.extend(_group_tokens(group))
    return tuple(found)


def _plain_token(match: re.Match[str]) -> tuple[Token, ...]:
    """The token of a :data:`_PLAIN` chunk, without the general machinery:
    what :func:`classify` says of a lone ASCII word ([A-Za-z][a-z]*)."""
    word = match.group(1)
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
        return ()
    return (Token(match.start(1), word, WORD if word[0].islower() else NAME),)


def _compound_tokens(match: re.Match[str]) -> tuple[Token, ...]:
    """The tokens of a :data:`_COMPOUND` chunk, without regex matches per
    part: what :func:`_group_tokens` says of one group of ASCII words
    ([A-Za-z][a-z]*, so no possessive to strip and :func:`classify` only
    checks the length and the first letter's case)."""
    parts = match.group(1).split("-")
    if lexicon.zipf("".join(parts).lower()) >= CLOSED_COMPOUND_ZIPF:
        return ()
    has_name = not all(part[0].islower() for part in parts)
    out = []
    offset = match.start(1)
    for part in parts:
        size = len(part)
        if MIN_LENGTH <= size <= MAX_LENGTH:
            if part[0].isupper():
                out.append(Token(offset, part, NAME))
            elif not (has_name and size <= 3):
                out.append(Token(offset, part, WORD))
        offset += size + 1
    return tuple(out)


def chunk_positions(text: str, chunk: str) -> list[int]:
    """Start offsets of ``chunk`` as a whole white-space-delimited chunk."""
    out = []
    n = len(chunk)
    start = text.find(chunk)
    while start != -1:
        before_ok = start == 0 or text[start - 1].isspace()
        end = start + n
        after_ok = end == len(text) or text[end].isspace()
        if before_ok and after_ok:
            out.append(start)
        start = text.find(chunk, start + 1)
    return out
