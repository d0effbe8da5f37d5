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
from itertools import chain, compress, filterfalse, repeat
from operator import itemgetter, mul, not_

from . import Typo, _match_case, _message, _normal, budget, dictionary, lexicon, quiet, scoring
from .tokens import (
    MAX_LENGTH,
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

    def __init__(
        self, text: str, chunk_counts: Counter[str], chunk_words: list[tuple[str, ...]]
    ) -> None:
        """``chunk_words``: the words of each chunk of ``chunk_counts``, in its order."""
        self.text = text
        self._chunk_counts = chunk_counts
        self._chunk_words = chunk_words
        self._counts: Counter[str] | None = None
        self._lower: set[str] | None = None
        self._names: dict[int, list[tuple[str, str]]] | None = None
        self._common_used: dict[str, bool] = {}

    @property
    def counts(self) -> Counter[str]:
        """Token counts (curly apostrophes straightened) over the examined
        chunks.  A skipped chunk is a common lower-case word, which is
        never pending and never capitalised, so its count is never asked
        for.  Counted in C: each chunk's words repeated as often as the
        chunk occurs, chained into a Counter."""
        if self._counts is None:
            times = self._chunk_counts.values()
            self._counts = Counter(chain.from_iterable(map(mul, self._chunk_words, times)))
        return self._counts

    def uses(self, word: str) -> bool:
        """Whether the document has ``word`` (lower case) as a token, in any
        capitalisation: an examined token, or a skipped chunk (a common
        word long enough to be a token, found in the text itself: the
        skipped chunks were never counted)."""
        if self._lower is None:
            self._lower = set(map(str.lower, self.counts))
        if word in self._lower:
            return True
        if word not in _common_words(MIN_LENGTH):
            return False
        found = self._common_used.get(word)
        if found is None:
            found = self._common_used[word] = bool(chunk_positions(self.text, word))
        return found

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
        own = frozenset(_deletions(lowered))
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

    def only_starts_sentences(self, token_text: str) -> bool:
        """Whether every use of the token opens a sentence, a line or a quotation, where a
        capitalised word may be any word rather than a name."""
        pattern = re.compile(rf"(?<![\w'\u2019-]){re.escape(token_text)}(?![\w-])")
        found = False
        for m in pattern.finditer(self.text):
            before = self.text[max(0, m.start() - 8) : m.start()].rstrip(_OPENERS)
            if before and before[-1] not in _SENTENCE_ENDS:
                return False
            found = True
        return found

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


# What may stand between the end of a sentence and the next word, and what ends one.
_OPENERS = " \t\"'\u201c\u2018([*-\u2013\u2014"
_SENTENCE_ENDS = ".!?:;\n"


@lru_cache(maxsize=budget.NAME_DELETIONS)
def _deletions(word: str) -> tuple[str, ...]:
    """The word and every string one letter shorter (cached: names recur
    across documents; a tuple takes half the memory of a frozenset)."""
    return (word, *[word[:i] + word[i + 1 :] for i in range(len(word))])


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


def _prepare() -> None:
    """Every one-off table and word set now, none in the middle of a
    document: a process's first document would pay for them in its own
    time, or the first one that happens to need a set."""
    lexicon.prepare()
    quiet.words()
    dictionary.words()
    _common_words(1)
    _common_words(MIN_LENGTH)
    _plain_unquestioned()


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
        # Uses of the word, at a sentence start too ("Sharding ...", then "sharding")
        uses = ctx.counts.get(key, 0) + ctx.counts.get(key[:1].upper() + key[1:], 0)
        return scoring.judge_word(word, z, _LazyWords(ctx), uses)
    if not scoring.name_is_judged(word, z):
        return None  # judge_name would say None without looking at the document
    # Whether the dictionary's slips count; the tests scan the text, so only when there are any.
    dictionary = bool(scoring.name_slips(word, z)) and not (
        ctx.always_before_rare_name(token_text)
        or (scoring.established_name(z) and not ctx.only_starts_sentences(token_text))
    )
    return scoring.judge_name(word, z, ctx.counts.get(key, 0), ctx.name_variants(key), dictionary,
                              real_word=word in quiet.words())


# Lower-case token texts that no document can get flagged (see
# scoring.never_flagged): rare real words recur across a news stream, and
# this spares them every later judgement.
_quiet_words: dict[str, None] = {}


def _remember_quiet(token_text: str) -> None:
    """Add to :data:`_quiet_words`, bounded (see :mod:`.budget`)."""
    if len(_quiet_words) >= budget.QUIET_WORDS:
        budget.evict_older_half(_quiet_words)
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


Facts = tuple[tuple[Token, ...], tuple[str, ...]]
# What a chunk holds, once tokenised: the tokens rare enough to examine, and
# every token's text (curly apostrophes straightened) for _Context.counts.
# One cache, so each chunk of a document costs one look-up in this big dict;
# bounded (see .budget).
_chunk_facts: dict[str, Facts] = {}
_NOTHING: Facts = ((), ())  # the entry of every chunk without a token
# The one entry per unquestioned word that its chunks share (bounded by the
# word list, not by the corpus).
_unquestioned_facts: dict[str, Facts] = {}


def _words_of(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """The token texts, curly apostrophes straightened."""
    return tuple([t.text.replace("\u2019", "'") for t in tokens])


def _examine(chunk: str, table: dict[str, float]) -> Facts:
    """Tokenise a chunk not seen before and cache what it holds."""
    tokens = tokenize_chunk(chunk)
    if not tokens:  # a number, an address, an acronym: one shared entry
        _chunk_facts[chunk] = _NOTHING
        return _NOTHING
    facts: Facts
    if len(tokens) == 1:  # most chunks: spare the general loops
        (token,) = tokens
        facts = (tokens if _suspect(token, table) else (), (token.text.replace("\u2019", "'"),))
    else:
        facts = (tuple([t for t in tokens if _suspect(t, table)]), _words_of(tokens))
    _chunk_facts[chunk] = facts
    return facts


def _examine_plain(new: list[str], table: dict[str, float]) -> None:
    """Cache the new chunks that are one ASCII letter run with at most
    plain wrapping ('"Minister,', "(Labour)", "Abernethy."), without
    tokenising them one by one: what :func:`_examine` would store for them.

    The wrapping comes off with C-level strips.  An unquestioned word
    (common word, common name) is then one look-up; any other letter run
    is made a token here, which is most of the rest of a news text's new
    chunks (rare words and names)."""
    cores = list(map(str.rstrip, map(str.lstrip, new, repeat(PLAIN_LEAD)), repeat(PLAIN_TRAIL)))
    unquestioned = list(map(_plain_unquestioned().__contains__, cores))
    if any(unquestioned):
        # Every chunk of one unquestioned word shares that word's entry ("said", "said,",
        # "said."): a cache entry then costs its key, not a key and two tuples.
        words = list(compress(cores, unquestioned))
        _unquestioned_facts.update((w, ((), (w,))) for w in words if w not in _unquestioned_facts)
        shared = map(_unquestioned_facts.__getitem__, words)
        _chunk_facts.update(zip(compress(new, unquestioned), shared))
    # compress picks, in C, the chunks and cores left to look at one by one
    others = list(map(not_, unquestioned))
    hard = zip(compress(new, others), compress(cores, others))
    word_safe, name_safe = scoring.WORD_SAFE_ZIPF, scoring.NAME_SAFE_ZIPF
    for chunk, core in hard:
        # [A-Za-z][a-z]+ (tokens._PLAIN without its optional possessive); a
        # chunk starting "www." is an address, which _PLAIN refuses too.
        if not (core.isascii() and core.isalpha() and core[1:].islower()) or chunk[:4] == "www.":
            continue
        if not MIN_LENGTH <= len(core) <= MAX_LENGTH:
            _chunk_facts[chunk] = _NOTHING
            continue
        if core[0].islower():
            kind, rare = WORD, table.get(core, 0.0) < word_safe
        else:
            kind, rare = NAME, table.get(core.lower(), 0.0) < name_safe
        offset = len(chunk) - len(chunk.lstrip(PLAIN_LEAD))
        _chunk_facts[chunk] = ((Token(offset, core, kind),) if rare else (), (core,))


def _collect(
    examined: list[str], allowed: set[str], fixes: Mapping[str, str]
) -> tuple[Pending, list[tuple[str, ...]]]:
    """Group the tokens of the ``examined`` chunks that need a verdict by
    (token text, kind); also the words of each examined chunk, for
    :attr:`_Context.counts`."""
    table = lexicon.zipf_table()
    if len(_chunk_facts) > budget.CHUNKS:
        budget.evict_older_half(_chunk_facts)  # only here: a document keeps its entries
    cached = list(map(_chunk_facts.get, examined))
    if None in cached:  # chunks this process has not seen yet
        _examine_plain([c for c, f in zip(examined, cached) if f is None], table)
        facts = [f or _chunk_facts.get(c) or _examine(c, table) for c, f in zip(examined, cached)]
    else:
        facts = cached  # type: ignore[assignment]  # no None in it
    words = list(map(itemgetter(1), facts))
    pending: Pending = {}
    if not (allowed or fixes):
        suspects = list(map(itemgetter(0), facts))
        # compress keeps, in C, the few chunks with a suspect (a non-empty tuple)
        for chunk, found in compress(zip(examined, suspects), suspects):
            for token in found:
                pending.setdefault((token.text, token.kind), []).append((chunk, token))
        return pending, words
    for chunk in examined:
        for token in chunk_tokens(chunk):
            norm = _normal(token.text)
            if norm in allowed:
                continue
            if norm in fixes:
                pending.setdefault((token.text, _FIX), []).append((chunk, token))
            elif _suspect(token, table):
                pending.setdefault((token.text, token.kind), []).append((chunk, token))
    return pending, words


def _examined(text: str, fixes: Mapping[str, str]) -> Counter[str]:
    """The chunks worth tokenising, with their counts.

    A chunk that is exactly a common lower-case word holds nothing to flag,
    so one C-level filter over the split text drops most of it before
    anything is counted.  A corrections mapping may name common words, so
    then every chunk is kept.
    """
    if fixes:
        return Counter(text.split())
    return Counter(filterfalse(_common_words(1).__contains__, text.split()))


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
    if not _plain_cache:
        _prepare()
    fixes = {_normal(k): v for k, v in corrections.items()} if corrections else {}
    allowed = {_normal(w) for w in allow} if allow else set()
    chunk_counts = _examined(text, fixes)
    examined = list(chunk_counts)
    pending, words = _collect(examined, allowed, fixes)
    if not pending:
        return []
    ctx = _Context(text, chunk_counts, words)
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
