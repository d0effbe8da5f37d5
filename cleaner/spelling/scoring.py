"""Decide whether a suspicious token is a typo, and how sure we are.

All scores are in log10 units so they add up: a candidate's score is its
wordfreq zipf value minus the error-model cost of the mistake, plus a bonus
when the candidate is used elsewhere in the same document (the cheapest
offline context signal there is).  The typed word's own zipf value is the
score of "no mistake".  The margin between the two is a log-odds; it is
turned into a probability and multiplied by how much of the candidate mass
the top suggestion holds, so confidence is high only when the token is
clearly wrong AND the fix is clearly right.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import budget, dictionary, lexicon
from . import candidates as cand
from .errormodel import (
    DROP,
    DROP_DOUBLE,
    MIN_EDIT,
    TRANSPOSE,
    cost_floor,
    far_cost_floor,
    typo_cost,
)
from .joined import Joined, split_before_the, split_joined
from .morphology import affixes, spelling_variant
from .plausibility import log_likelihood

# --- lower-case words -------------------------------------------------------
# Lower-case words at least this common are never questioned.
WORD_SAFE_ZIPF = 3.2
# Zipf given to a token wordfreq does not know at all.
UNKNOWN_ZIPF = -0.5
# Minimal log-odds (typo vs. correct) before a lower-case word is flagged.
WORD_MARGIN = 1.0
# Distance-2 candidates are searched only for tokens wordfreq has never
# seen (its large list stops at zipf 1.0): a listed word with no close
# common neighbour is a real rare word far more often than a double slip,
# and the search is what costs time on real documents.  Even then it is
# skipped when a distance-1 candidate at least DEEP_SCORE common already
# explains the token with room to spare.
FAR_BELOW_ZIPF = 1.0
DEEP_SCORE = 3.0
# Extra margin asked of a token that is a known stem plus a regular affix
# ("workforces", "demerge"): such coinages are usually deliberate.
DERIVED_PENALTY = 1.0
# Extra margin asked of a token wordfreq lists at least LISTED_ZIPF common when its correction
# takes more than a cheap slip: such a token is a real word far more often than a typo ("whey",
# "moat", "locale" beside "where", "most", "local"; on the gold text of 711 web articles most
# flags of such tokens were real words). The misspellings people repeat often enough to be
# listed are mostly cheap slips ("recieve", "teh": a transposition), which keep the usual margin.
LISTED_ZIPF = 2.5
LISTED_PENALTY = 0.5
CHEAP_SLIP = max(TRANSPOSE, DROP_DOUBLE)
# Extra margin asked of a token that a second, cleaned word list knows (see dictionary.py) when
# its correction takes more than a cheap slip: "whiten", "winnow", "doers", "locale" are real
# words, not slips of "white", "window", "does", "local". Against 0.5 and 2.0 (benchmark and
# closing note of stop 13): 0.5 left 21 more flags on the gold text of 711 web pages, nearly
# all real words; 2.0 took 6 more there but lost 5 more of the Wikipedia list's misspellings
# and 11 more of the errors in Holbrook's children's writing.
DICTIONARY_PENALTY = 1.0
# Two words run together ("toprevent", see joined.py): flagged with this log10 margin, a
# confidence of 0.91, below DEFAULT_HIGH_CONFIDENCE, so --fix-typos leaves them to a person:
# the token may be a code identifier or a new compound after all.
JOINED_MARGIN = 1.0
# A listed word the document uses this often is its topic ("sharding" in a database story,
# "crating" in one about moving, "have-nots"), not a slip: slips are one-offs. Only a habitual
# cheap slip ("recieve", "accomodate", "teh" three times over) is still flagged.
REPEATED_USE = 3
# Bonus for a candidate that the same document uses elsewhere.
DOC_BONUS = 1.0
# ... fading to nothing for words at least this common (zipf 6: "were").
DOC_BONUS_FADE = 6.0

# --- capitalised words (names) ---------------------------------------------
# Capitalised words at least this common are never questioned.
NAME_SAFE_ZIPF = 3.0
# A name is flagged from the dictionary alone only for cheap slips
# (a transposition or a dropped double letter) toward a far more common
# spelling; an extra doubled letter is often the real spelling of a name.
NAME_MAX_COST = 1.0
# ... and, in running text, only when the name itself is rarer than this: a spelling used 100
# times in a billion words is an established name ("Hera", "Framer", "Ries", "Taek" beside
# "Hear", "Farmer", "Rise", "Take"), while few slips are that common. At the
# start of a sentence a capitalised word is as likely a word ("Recieve the letter"), so there
# the dictionary still counts; and a slip of any name is flagged when the document itself
# spells it otherwise (judge_name's variants).
ESTABLISHED_NAME_ZIPF = 2.0
NAME_GAP = 2.0
NAME_TARGET_ZIPF = 3.5
# Variants found in the same document may be one full edit away.
NAME_DOC_MAX_COST = 2.4
NAME_MIN_LENGTH = 4
# A common word seen capitalised (a title, a sentence start) counts as a
# variant only for the cheap slips of NAME_MAX_COST.
NAME_DOC_COMMON_ZIPF = 4.0
# Two rare spellings used equally often: the one whose letter pairs are this
# much (log10) less word-like is taken as the slip, with low confidence and
# only for cheap slips (TIE_EVIDENCE keeps the margin small).
PLAUSIBILITY_GAP = 1.5
TIE_EVIDENCE = -1.2

MAX_SUGGESTIONS = 5
# Slack for bounds that only decide what need not be computed exactly.
_ROUNDING = 1e-9


@dataclass(frozen=True, slots=True)
class Verdict:
    """Outcome for one distinct token in one document."""

    suggestions: tuple[str, ...]
    confidence: float
    margin: float  # log10 odds of "typo" over "as intended", past the threshold


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + 10.0 ** (-log_odds))


def _top_share(scores: list[float]) -> float:
    """Share of the (log10) candidate mass held by the best candidate."""
    best = scores[0]
    return 1.0 / sum(10.0 ** (s - best) for s in scores)


def _verdict(ranked: list[tuple[float, str]], margin: float) -> Verdict:
    scores = [s for s, _ in ranked[:MAX_SUGGESTIONS]]
    confidence = _probability(margin) * _top_share(scores)
    return Verdict(tuple(w for _, w in ranked[:MAX_SUGGESTIONS]), round(confidence, 3), margin)


def _rank(scored: dict[str, float]) -> list[tuple[float, str]]:
    return sorted(((s, w) for w, s in scored.items()), key=lambda p: (-p[0], p[1]))


def _doc_bonus(zipf: float) -> float:
    """Bonus for a candidate seen elsewhere in the document.

    Seeing "summit" elsewhere says a lot; seeing "were" says nothing, since
    every document has it.  So the bonus fades out for very common words.
    """
    return DOC_BONUS * max(0.0, min(1.0, (DOC_BONUS_FADE - zipf) / 2.0))


def _word_margin(zipf: float, cost: float) -> float:
    """Log-odds a candidate reached by an edit of ``cost`` must win by to flag a lower-case
    token of this zipf."""
    return WORD_MARGIN + (LISTED_PENALTY if zipf >= LISTED_ZIPF and cost > CHEAP_SLIP else 0.0)


def _needs_far(found: list[cand.Candidate], zipf: float) -> bool:
    """Whether distance-2 candidates could matter (they cost ~100x more)."""
    if zipf >= FAR_BELOW_ZIPF:
        return False
    common = [c for c in found if c.zipf >= DEEP_SCORE]
    if not common:
        return True
    best = max(c.zipf - c.cost for c in common)
    return best - UNKNOWN_ZIPF < WORD_MARGIN + 1.0


def _inner_slip(typed: str, candidate: str) -> bool:
    """True when the two differ only inside the word, away from where an
    affix would attach ("controling" / "controlling")."""
    return typed[:2] == candidate[:2] and typed[-3:] == candidate[-3:]


def _coined(typed: str, candidate: str) -> bool:
    """Whether the typed word's make-up (a known stem and a regular affix, or two common words
    joined) is evidence that it was meant rather than a slip of ``candidate``.

    Not when the two differ only inside the word, away from where an affix attaches
    ("controling"/"controlling"), nor when a prefix is the correction's too and no dictionary
    knows the word: "demerge" is "de" + "merge", and "emerge" has no "de", but "untill" is
    "un" + "till" and "until" begins with "un" as well ("presense"/"presence" likewise), while
    "untied"/"united" share theirs and "untied" is a word. A shared suffix is not enough:
    "liens" is "lien" + "s", and a word meant, although "lines" ends in "s" too.
    """
    if _inner_slip(typed, candidate):
        return False
    return any(
        kind != "prefix" or not candidate.startswith(affix) or dictionary.lists(typed)
        for kind, affix in affixes(typed)
    )


def _listed(zipf: float) -> bool:
    """A token wordfreq lists: its candidates all come from the deletion
    index and no distance-2 search is made."""
    return zipf >= FAR_BELOW_ZIPF and cand.uses_index(zipf)


@lru_cache(maxsize=budget.NEIGHBOURS)
def _hopefuls(word: str, zipf: float) -> tuple[tuple[str, float], ...]:
    """The neighbours of a listed token that could possibly beat it.

    Most rare words a document uses are real words with no much more common
    neighbour.  A candidate's score is at most its zipf minus
    :func:`cost_floor` plus the largest document bonus; neighbours whose
    ceiling misses the margin can never flag the token, so their alignments
    are not needed to rule it out.  The ceiling is evaluated like the real
    score, so rounding cannot make it lower.

    No edit costs less than MIN_EDIT and no bonus is more than DOC_BONUS, so
    only neighbours at least ``reach`` common are looked at
    (:func:`candidates.neighbours_from`): for most rare words there are none.
    """
    reach = zipf + WORD_MARGIN + MIN_EDIT - DOC_BONUS - 2 * _ROUNDING
    return tuple(
        (other, other_zipf)
        for other, other_zipf in cand.neighbours_from(word, reach)
        if other_zipf - cost_floor(other, word) + _doc_bonus(other_zipf) - zipf - WORD_MARGIN >= 0
    )


def _may_flag(word: str, zipf: float, in_document: Container[str]) -> bool:
    """Whether some candidate of a listed token beats it by the margin.

    Exactly the test :func:`judge_word` makes on its best candidate (before
    the derived-form penalty, which can only lower the margin), but run on
    the hopefuls alone and stopping at the first winner, so that for most
    tokens no alignment, or only one, is computed.
    """
    for other, other_zipf in _hopefuls(word, zipf):
        cost = typo_cost(other, word)
        if cost > cand.MAX_NEAR_COST:
            continue  # near() would not offer it
        bonus = _doc_bonus(other_zipf) if other in in_document else 0.0
        if other_zipf - cost + bonus - zipf - _word_margin(zipf, cost) >= 0:
            return True
    return False


class _Everywhere:
    """A document that uses every word: each candidate gets its document
    bonus, the most any real document can give."""

    def __contains__(self, word: object) -> bool:
        return True


_EVERYWHERE = _Everywhere()


def never_flagged(word: str, zipf: float) -> bool:
    """Whether :func:`judge_word` says None for this token in every document.

    True for a listed token that no candidate beats by the margin even with
    the document bonus: the document cannot change that, so a caller may
    remember it and skip later documents' look-ups (most rare words a news
    stream repeats are such real words).  Unlisted tokens depend on the
    document through the bonus and their count, and are left to
    :func:`judge_word`.
    """
    if zipf >= WORD_SAFE_ZIPF:
        return True
    listed_and_quiet = _listed(zipf) and not _may_flag(word, zipf, _EVERYWHERE)
    return listed_and_quiet and split_before_the(word) is None


def judge_word(
    word: str, zipf: float, in_document: Container[str], count: int = 1
) -> Verdict | None:
    """Verdict for a lower-case token (already lower-cased, ' normalised).

    ``count`` is how often the document uses this exact spelling.  A token
    wordfreq has never seen, used twice or more, is a term (a currency, a
    coinage), not a slip: slips outside wordfreq are random and one-off,
    while habitual misspellings are common enough for wordfreq to list.
    An unknown token may also be two words run together ("toprevent"): that
    reading is scored like a correction whose edit is one dropped key (the
    space), from the rarer of the two words, and leads when it beats every
    single word by the margin a correction needs ("capacityis"; not "towords",
    which is as likely "towards").  A listed "inthe" is such a join too.
    """
    if zipf >= WORD_SAFE_ZIPF or (zipf == 0.0 and count >= 2):
        return None
    if spelling_variant(word) is not None:
        return None  # "categorise": the British spelling of a listed "categorize"
    if (run_into_the := split_before_the(word)) is not None:
        return _joined_verdict(run_into_the, ())
    single = _judge_single_word(word, zipf, in_document, count >= REPEATED_USE)
    joined = split_joined(word) if zipf == 0.0 else None
    if joined is None or (single is not None and joined.zipf - DROP - single[1] < WORD_MARGIN):
        return single[0] if single is not None else None
    return _joined_verdict(joined, single[0].suggestions if single is not None else ())


def _joined_verdict(joined: Joined, others: tuple[str, ...]) -> Verdict:
    """The verdict for two words run together, the single-word suggestions after it."""
    suggestions = (joined.words, *others)[:MAX_SUGGESTIONS]
    return Verdict(suggestions, round(_probability(JOINED_MARGIN), 3), JOINED_MARGIN)


def _judge_single_word(
    word: str, zipf: float, in_document: Container[str], repeated: bool = False
) -> tuple[Verdict, float] | None:
    """:func:`judge_word` for the reading as a misspelling of one word: the verdict and the
    score of its first suggestion. A ``repeated`` word is flagged only for a cheap slip
    (see REPEATED_USE)."""
    if _listed(zipf) and not _may_flag(word, zipf, in_document):
        return None
    found = list(cand.near(word))
    searched_far = _needs_far(found, zipf)
    if searched_far:
        found = list({c.word: c for c in (*found, *cand.far(word))}.values())
    if not found:
        return None
    scored = _scores(found, zipf, in_document)
    if not scored:
        return None
    ranked = _rank(scored)
    own = zipf if zipf > 0 else UNKNOWN_ZIPF
    best_cost = next(c.cost for c in found if c.word == ranked[0][1])
    if repeated and best_cost > CHEAP_SLIP:
        return None
    margin = ranked[0][0] - own - _word_margin(zipf, best_cost)
    if margin >= 0 and _coined(word, ranked[0][1]):
        margin -= DERIVED_PENALTY
    if margin >= 0 and best_cost > CHEAP_SLIP and dictionary.lists(word):
        margin -= DICTIONARY_PENALTY
    if margin < 0:
        return None
    if not searched_far:
        # The token is a typo: now it is worth asking whether a common word
        # two edits away explains it better than the one-edit neighbours
        # ("peol" -> "people", not "pool").  Whether to flag was decided on
        # the one-edit candidates alone, so this only reorders suggestions.
        best = ranked[0][0]
        for other, other_zipf in cand.common_far(word):
            if other in scored or other_zipf <= zipf:
                continue
            # Not a near() candidate, so at least two edits (or a costly one).
            if other_zipf - far_cost_floor(other, word) + _doc_bonus(other_zipf) < best:
                continue  # cannot reach the top
            cost = typo_cost(other, word)
            if cost > cand.MAX_DEEP_COST:
                continue
            score = other_zipf - cost + (_doc_bonus(other_zipf) if other in in_document else 0.0)
            # Only a word that takes the lead joins: one that trails would just
            # thin the leader's share, lowering the confidence of a fix that
            # the one-edit candidates already make clear.
            if score > best:
                scored[other] = score
        ranked = _rank(scored)
    return _verdict(ranked, margin), ranked[0][0]


def _scores(
    found: Iterable[cand.Candidate], zipf: float, in_document: Container[str]
) -> dict[str, float]:
    """Score of each candidate more common than the token: zipf - error
    cost, plus the document bonus."""
    return {
        c.word: c.zipf - c.cost + (_doc_bonus(c.zipf) if c.word in in_document else 0.0)
        for c in found
        if c.zipf > zipf
    }


def _affix_pair(a: str, b: str) -> bool:
    """ "Saud"/"Saudi", "Smith"/"Smiths": one name extends the other."""
    return a.startswith(b) or b.startswith(a)


def _unaccented(word: str) -> str:
    """The word without its diacritics ("joël" -> "joel")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Endings that make forms of one word (an empty one: the bare stem), after a stem this long.
_INFLECTIONS = frozenset({"", "s", "es", "ed", "d", "ing", "er", "ers", "y", "ies", "ied", "ism",
                          "ist", "ists", "an", "ans"})
_LONGEST_INFLECTION = max(map(len, _INFLECTIONS))
_MIN_STEM = 4


def _inflection_pair(a: str, b: str) -> bool:
    """ "Personalizes"/"Personalized", "Maximalism"/"Maximalist", "Tuscans"/"Tuscany": two forms
    of one word in title case, not a name and its misspelling (a slip seldom turns one regular
    ending into another). The stem is a shared beginning, so only the few places between the
    longest ending and the end of the common prefix can split them."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    first = max(_MIN_STEM, len(a) - _LONGEST_INFLECTION, len(b) - _LONGEST_INFLECTION)
    return any(a[k:] in _INFLECTIONS and b[k:] in _INFLECTIONS for k in range(first, shared + 1))


@lru_cache(maxsize=budget.NAME_SLIPS)
def name_slips(name: str, zipf: float) -> tuple[cand.Candidate, ...]:
    """Far more common words that ``name`` is a cheap slip of (cached: names
    recur across documents, and each judgement asks twice).

    The zipf tests come first, so only the few slip words common enough to
    qualify are aligned; most names have none.  A candidate is never rarer
    than the typed word (as in :func:`candidates._as_candidates`)."""
    table = lexicon.zipf_table()
    floor = table.get(name, 0.0)
    common = [
        (w, z)
        for w in cand.slip_words(name)
        if (z := table[w]) > floor and z >= NAME_TARGET_ZIPF and z - zipf >= NAME_GAP
    ]
    costed = (cand.Candidate(w, z, typo_cost(w, name)) for w, z in common)
    return tuple(c for c in costed if c.cost <= NAME_MAX_COST)


def name_is_judged(name: str, zipf: float) -> bool:
    """Whether :func:`judge_name` looks at a capitalised token at all: common
    words and very short names are always left alone."""
    return zipf < NAME_SAFE_ZIPF and len(name) >= NAME_MIN_LENGTH


def established_name(zipf: float) -> bool:
    """Whether a capitalised word is common enough to be a name in its own right, so that
    being a cheap slip of a far more common word says nothing in running text."""
    return zipf >= ESTABLISHED_NAME_ZIPF


def judge_name(
    name: str,
    zipf: float,
    count: int,
    doc_variants: Iterable[tuple[str, int, float]],
    dictionary: bool = True,
    *,
    real_word: bool = False,
) -> Verdict | None:
    """Verdict for a capitalised token.

    ``name`` is lower-cased; ``doc_variants`` lists other capitalised words
    of the document as (lower-cased word, count, zipf).  A rare capitalised
    word is usually a real name, so it needs evidence: a cheap slip away
    from a far more common spelling, or a variant the document uses more.
    ``dictionary=False`` says the dictionary cannot judge this token, so only
    the document's own variants count as evidence: a first name (the token
    always stands before a rare capitalised word, "Marek Zielonka"), or an
    established name in running text (see ESTABLISHED_NAME_ZIPF). A ``real_word`` (its lower
    case is a listed word no slip explains, ``quiet.words``) is taken for a variant of another
    name of the document only by a cheap slip: "Reusing" beside "Refusing" or "Mopping" beside
    "Mapping" are two words in title case, "Fait" beside "Fiat" is a slip.
    """
    if not name_is_judged(name, zipf):
        return None
    scored: dict[str, float] = {}
    if dictionary:
        for c in name_slips(name, zipf):
            scored[c.word] = c.zipf - c.cost
    for other, other_count, other_zipf in doc_variants:
        if other == name or _affix_pair(other, name) or _inflection_pair(other, name):
            continue
        if not (other.isascii() and name.isascii()) and _unaccented(other) == _unaccented(name):
            continue  # "Joël"/"Joel", "Décor"/"Decor": one name with and without accents
        # Typos are one-offs: a spelling used repeatedly is deliberate.
        if count > 1 and other_count < 3 * count:
            continue
        if other_count < count:
            continue
        tie = other_count == count and other_zipf < zipf + 1.0
        if tie and log_likelihood(other) - log_likelihood(name) < PLAUSIBILITY_GAP:
            continue
        cost = typo_cost(other, name)
        if cost > (CHEAP_SLIP if real_word else NAME_DOC_MAX_COST):
            continue
        if cost > NAME_MAX_COST and other_zipf >= NAME_DOC_COMMON_ZIPF:
            continue  # "Bening" vs the title "Being Julia": not a variant name
        if tie:
            evidence = TIE_EVIDENCE  # only letter patterns decide: stay unsure
        else:
            evidence = math.log10(other_count / count) * 2.0 + max(other_zipf - zipf, 0.0) * 0.5
        score = max(zipf, 1.0) + 1.5 + evidence + DOC_BONUS - cost
        scored[other] = max(scored.get(other, -math.inf), score)
    if not scored:
        return None
    ranked = _rank(scored)
    margin = ranked[0][0] - max(zipf, 0.0) - 1.0
    if margin < 0:
        return None
    return _verdict(ranked, margin)
