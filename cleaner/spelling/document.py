"""Per-document driver: tokens -> suspects -> verdicts -> positioned Typos.

Only distinct chunks are examined (``str.split`` and a Counter run at C
speed), and a token is only looked at closely when wordfreq finds it rare.
That keeps the common path to a couple of dictionary look-ups per distinct
chunk, which is what makes the checker fast enough to run on every document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from itertools import chain, filterfalse, repeat
from operator import itemgetter

from . import Typo, _match_case, _message, _normal, lexicon, quiet, scoring
from .tokens import (
    MIN_LENGTH,
    NAME,
    PLAIN_LEAD,
    PLAIN_TRAIL,
    WORD,
    Token,
    chunk_positions,
    chunk_tokens,
    tokenize_chunk,
)

_FIX = "fix"  # pending kind for tokens the user's corrections mapping names

Pending = dict[tuple[str, str], list[tuple[str, Token]]]


def _suspect(token: Token, table: dict[str, float]) -> bool:
    """Cheap first pass: is this token rare enough to examine?"""
    z = table.get(_normal(token.text), 0.0)
    return z < (scoring.WORD_SAFE_ZIPF if token.kind == WORD else scoring.NAME_SAFE_ZIPF)


class _Context:
    """What the document itself says: word counts, names and their variants.

    Everything is built on first use: most documents need only a few of
    these facts, and the common-word chunks are only looked at in C (set
    and Counter operations over the document's chunks).
    """

    def __init__(self, text: str, chunk_counts: Counter[str], examined: list[str]) -> None:
        self.text = text
        self._chunk_counts = chunk_counts
        self._examined = examined
        self._counts: dict[str, int] | None = None
        self._lower: set[str] | None = None
        self._names: dict[int, list[tuple[str, str]]] | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Token counts (curly apostrophes straightened) over the examined
        chunks, whose words :func:`_collect` cached.  A skipped chunk is a
        common lower-case word, which is never pending and never
        capitalised, so its count is never asked for."""
        if self._counts is None:
            counts: dict[str, int] = {}
            chunk_counts = self._chunk_counts
            for chunk in self._examined:
                n = chunk_counts[chunk]
                words = _chunk_words.get(chunk)
                if words is None:  # another thread emptied the cache meanwhile
                    words = _words_of(chunk)
                for word in words:
                    counts[word] = counts.get(word, 0) + n
            self._counts = counts
        return self._counts

    def uses(self, word: str) -> bool:
        """Whether the document has ``word`` (lower case) as a token, in any
        capitalisation: an examined token, or a skipped chunk (a common
        word long enough to be a token)."""
        if self._lower is None:
            self._lower = set(map(str.lower, self.counts))
        if word in self._lower:
            return True
        return word in self._chunk_counts and word in _common_words(MIN_LENGTH)

    def name_variants(self, name: str) -> list[tuple[str, int, float]]:
        """Capitalised words of the document within one deletion of ``name``.

        Two words share a one-letter deletion only if their lengths differ
        by at most one, so the names are grouped by length once.  A name one
        letter shorter shares one only by being a deletion of ``name``, and
        one a letter longer only by having ``name`` among its deletions, so
        deletion sets are made for the names that could be variants, not
        for every name of the document (most are new on unseen text).
        """
        if self._names is None:
            self._names = {}
            for w in self.counts:
                if w[:1].isupper() and len(w) >= scoring.NAME_MIN_LENGTH:
                    low = w.lower()
                    self._names.setdefault(len(low), []).append((w, low))
        lowered = name.lower()
        own = _deletions(lowered)
        size = len(lowered)
        names = self._names
        seen = [w for w, low in names.get(size - 1, ()) if low in own]
        seen += [
            w
            for w, low in names.get(size, ())
            if w != name and not own.isdisjoint(_deletions(low))
        ]
        seen += [w for w, low in names.get(size + 1, ()) if lowered in _deletions(low)]
        return [(w.lower(), self.counts.get(w, 0), lexicon.zipf(w.lower())) for w in seen]

    def always_before_rare_name(self, token_text: str) -> bool:
        """Whether every use of the token is followed by a rare capitalised
        word, the way a given name precedes a surname."""
        found = False
        pattern = re.compile(rf"(?<!\w){re.escape(token_text)}\s+([A-Z][a-z]+)?")
        for m in pattern.finditer(self.text):
            following = m.group(1)
            if following is None or lexicon.zipf(following.lower()) >= scoring.NAME_SAFE_ZIPF:
                return False
            found = True
        return found


@lru_cache(maxsize=100_000)
def _deletions(word: str) -> frozenset[str]:
    """The word and every string one letter shorter (cached: names recur
    across documents)."""
    return frozenset((word, *(word[:i] + word[i + 1 :] for i in range(len(word)))))


def _common_words(min_length: int) -> lexicon.WordSet:
    """Lower-case words too common to question; with ``min_length`` 3 only
    those long enough to be tokens at all (see :func:`lexicon.common_words`)."""
    found = _common_cache.get(min_length)
    if found is None:
        common = lexicon.common_words(scoring.WORD_SAFE_ZIPF)
        found = (
            common if min_length <= 1 else dict.fromkeys(w for w in common if len(w) >= min_length)
        )
        _common_cache[min_length] = found
    return found


_common_cache: dict[int, lexicon.WordSet] = {}
_plain_cache: list[lexicon.WordSet] = []


def _plain_unquestioned() -> lexicon.WordSet:
    """The letter runs that make a plain chunk (one ASCII word, at most
    wrapped in quotes, brackets or closing punctuation; ``tokens._PLAIN``)
    a single token that is never questioned: common lower-case words and
    capitalised words common as names, at least MIN_LENGTH letters long.
    "www" is left out: "www.x" is not a plain chunk."""
    if not _plain_cache:
        words = lexicon.common_words(scoring.WORD_SAFE_ZIPF)
        names = map(str.capitalize, lexicon.common_words(scoring.NAME_SAFE_ZIPF))
        found = dict.fromkeys(w for w in chain(words, names) if len(w) >= MIN_LENGTH)
        found.pop("www", None)
        found.pop("Www", None)
        _plain_cache.append(found)
    return _plain_cache[0]


def _judge(token_text: str, kind: str, ctx: _Context) -> scoring.Verdict | None:
    if kind == WORD and token_text in _quiet_words:
        return None
    word = _normal(token_text)
    if kind == WORD and word in quiet.words():
        return None  # scoring.never_flagged, worked out once per machine
    z = lexicon.zipf(word)
    key = token_text.replace("\u2019", "'")
    if kind == WORD:
        if scoring.never_flagged(word, z):
            _remember_quiet(token_text)
            return None
        return scoring.judge_word(word, z, _LazyWords(ctx), ctx.counts.get(key, 0))
    if not scoring.name_is_judged(word, z):
        return None  # judge_name would say None without looking at the document
    # The given-name test scans the text, so only run it when it matters.
    given = bool(scoring.name_slips(word, z)) and ctx.always_before_rare_name(token_text)
    return scoring.judge_name(word, z, ctx.counts.get(key, 0), ctx.name_variants(key), given)


# Lower-case token texts that no document can get flagged (see
# scoring.never_flagged): rare real words recur across a news stream, and
# this spares them every later judgement.
_quiet_words: dict[str, None] = {}
_QUIET_LIMIT = 200_000


def _remember_quiet(token_text: str) -> None:
    """Add to :data:`_quiet_words`, emptied when full so it stays bounded."""
    if len(_quiet_words) >= _QUIET_LIMIT:
        _quiet_words.clear()
    _quiet_words[token_text] = None


class _LazyWords:
    """The document's words for :func:`scoring.judge_word`, gathered only
    when a candidate is actually looked up (most rare words are ruled out
    before that)."""

    __slots__ = ("_ctx",)

    def __init__(self, ctx: _Context) -> None:
        self._ctx = ctx

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._ctx.uses(word)


_CACHE_LIMIT = 500_000
_chunk_suspects: dict[str, tuple[Token, ...]] = {}
_chunk_words: dict[str, tuple[str, ...]] = {}


def _words_of(chunk: str) -> tuple[str, ...]:
    """A chunk's token texts, curly apostrophes straightened."""
    return tuple([t.text.replace("\u2019", "'") for t in chunk_tokens(chunk)])


def _examine(chunk: str, table: dict[str, float]) -> tuple[Token, ...]:
    """Tokenise a chunk not seen before: cache its suspects, and its words
    for :attr:`_Context.counts`."""
    tokens = tokenize_chunk(chunk)
    if len(tokens) == 1:  # most chunks: spare the general loops
        (token,) = tokens
        _chunk_words[chunk] = (token.text.replace("\u2019", "'"),)
        hit = tokens if _suspect(token, table) else ()
    else:
        _chunk_words[chunk] = tuple([t.text.replace("\u2019", "'") for t in tokens])
        hit = tuple([t for t in tokens if _suspect(t, table)])
    _chunk_suspects[chunk] = hit
    return hit


def _examine_plain(examined: list[str]) -> None:
    """Cache the new chunks that are an unquestioned word with at most
    plain wrapping ('"Minister,', "(Labour)"), found with C-level strips
    and one look-up each: what :func:`_examine` would store for them (no
    suspect, the one word), without tokenising them one by one."""
    new = list(filterfalse(_chunk_suspects.__contains__, examined))
    if not new:
        return
    cores = map(str.rstrip, map(str.lstrip, new, repeat(PLAIN_LEAD)), repeat(PLAIN_TRAIL))
    safe = _plain_unquestioned()
    easy = [(chunk, core) for chunk, core in zip(new, cores) if core in safe]
    _chunk_suspects.update(zip(map(itemgetter(0), easy), repeat(())))
    _chunk_words.update(zip(map(itemgetter(0), easy), zip(map(itemgetter(1), easy))))


def _collect(examined: list[str], allowed: set[str], fixes: Mapping[str, str]) -> Pending:
    """Group the tokens of the ``examined`` chunks that need a verdict by
    (token text, kind).  Also makes sure every examined chunk has its words
    cached for :attr:`_Context.counts`."""
    table = lexicon.zipf_table()
    if len(_chunk_suspects) > _CACHE_LIMIT:
        _chunk_suspects.clear()  # only here, so a document's entries survive
        _chunk_words.clear()
    _examine_plain(examined)
    pending: Pending = {}
    for chunk, suspects in zip(examined, map(_chunk_suspects.get, examined)):
        if suspects is None:
            suspects = _examine(chunk, table)
        if suspects and not (allowed or fixes):
            for token in suspects:
                pending.setdefault((token.text, token.kind), []).append((chunk, token))
    if not (allowed or fixes):
        return pending
    for chunk in examined:
        for token in chunk_tokens(chunk):
            norm = _normal(token.text)
            if norm in allowed:
                continue
            if norm in fixes:
                pending.setdefault((token.text, _FIX), []).append((chunk, token))
            elif _suspect(token, table):
                pending.setdefault((token.text, token.kind), []).append((chunk, token))
    return pending


def _examined(chunk_counts: Counter[str], fixes: Mapping[str, str]) -> list[str]:
    """The distinct chunks worth tokenising.

    A chunk that is exactly a common lower-case word holds nothing to flag,
    so one C-level filter drops most of the text.  A corrections
    mapping may name common words, so then every chunk is examined.
    """
    if fixes:
        return list(chunk_counts)
    # filterfalse walks the ~200 chunks and looks each up in C; a dict-keys
    # view minus a set would walk all ~20k words instead.
    return list(filterfalse(_common_words(1).__contains__, chunk_counts))


def _decide(
    token_text: str, kind: str, ctx: _Context, fixes: Mapping[str, str]
) -> tuple[str, tuple[str, ...], float] | None:
    """(kind, suggestions, confidence) for one distinct token, or None."""
    if kind == _FIX:
        fix = _match_case(fixes[_normal(token_text)], token_text)
        return (NAME if token_text[:1].isupper() else WORD), (fix,), 1.0
    verdict = _judge(token_text, kind, ctx)
    if verdict is None:
        return None
    suggestions = tuple(_match_case(s, token_text) for s in verdict.suggestions)
    return kind, suggestions, verdict.confidence


def check(
    text: str,
    allow: frozenset[str],
    corrections: Mapping[str, str],
    min_confidence: float,
) -> list[Typo]:
    """Implementation of :func:`cleaner.spelling.find_typos`."""
    lexicon.prepare()  # every one-off table now, none in the middle of a document
    quiet.words()
    fixes = {_normal(k): v for k, v in corrections.items()} if corrections else {}
    allowed = {_normal(w) for w in allow} if allow else set()
    chunk_counts = Counter(text.split())
    examined = _examined(chunk_counts, fixes)
    pending = _collect(examined, allowed, fixes)
    if not pending:
        return []
    ctx = _Context(text, chunk_counts, examined)
    typos: list[Typo] = []
    for (token_text, pending_kind), places in pending.items():
        decided = _decide(token_text, pending_kind, ctx, fixes)
        if decided is None or decided[2] < min_confidence:
            continue
        kind, suggestions, confidence = decided
        message = _message(token_text, suggestions)
        for chunk, token in places:
            for start in chunk_positions(text, chunk):
                begin = start + token.offset
                end = begin + len(token.text)
                typos.append(Typo(begin, end, token.text, suggestions, confidence, kind, message))
    typos.sort(key=lambda t: t.start)
    return typos
