"""How people mistype: a weighted edit distance in log10 units.

The cost of turning the intended word into the typed one approximates
-log10 P(typed | intended).  Cheap edits are the ones people actually make:
swapping two adjacent letters, dropping or adding one of a doubled letter,
hitting a neighbouring key, confusing two vowels or two letters that sound
alike.  The first letter is rarely wrong, so edits there cost extra.
"""

# The alignment loop spells out `if x < best: best = x` on purpose: it runs
# for every cell of every new candidate, and min() is a call.

from __future__ import annotations

from functools import lru_cache

from . import budget

_QWERTY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")

TRANSPOSE = 1.0
DROP_DOUBLE = 0.7  # "committee" -> "comittee"
ADD_DOUBLE = 1.1  # "receive" -> "recceive"
DROP = 1.2
# A silent "e" added after a final consonant ("laste", "remaine", "arte"
# for "last", "remain", "art"): spelling by sound, as common as a dropped
# letter and far more common than a random extra key.
ADD_FINAL_E = 1.2
# "-ys" written for "-ies" (a regular plural or third person of a -y word).
REGULAR_YS = 1.2
ADD_NEIGHBOUR = 1.5  # extra key next to the letter before or after it
ADD = 2.2
SUB_VOWEL = 1.3
SUB_SOUND = 1.4
SUB_NEIGHBOUR = 1.7
SUB = 2.3
FIRST_LETTER = 0.8

# The cheapest single edit: two different strings are never closer.
MIN_EDIT = min(TRANSPOSE, DROP_DOUBLE, ADD_DOUBLE, DROP, ADD_NEIGHBOUR, ADD)
MIN_EDIT = min(MIN_EDIT, ADD_FINAL_E, REGULAR_YS)
# The cheapest change that is not a single letter edit (a spelling-rule slip).
MIN_SPELLING_RULE = REGULAR_YS
MIN_EDIT = min(MIN_EDIT, SUB_VOWEL, SUB_SOUND, SUB_NEIGHBOUR, SUB)

_VOWELS = frozenset("aeiouy")
# Letters that stand for the same sound in English spelling.
_SOUND_ALIKE = frozenset(
    frozenset(p) for p in ("cs", "ck", "sz", "iy", "gj", "fv", "mn", "td", "bp", "ea", "ie")
)


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Letters physically next to each key on a QWERTY keyboard.

    Rows are staggered by about half a key (a sits under q/w, z under a/s),
    so keys count as neighbours when their horizontal centres are within a
    key's width on the same or an adjacent row.
    """
    stagger = (0.0, 0.25, 0.75)
    centre = {
        ch: (row, col + stagger[row])
        for row, keys in enumerate(_QWERTY_ROWS)
        for col, ch in enumerate(keys)
    }
    out: dict[str, frozenset[str]] = {}
    for ch, (row, x) in centre.items():
        out[ch] = frozenset(
            other
            for other, (row2, x2) in centre.items()
            if other != ch and abs(row - row2) <= 1 and abs(x - x2) <= (1.0 if row == row2 else 0.8)
        )
    return out


_NEAR = _keyboard_neighbours()


def substitution_cost(intended: str, typed: str) -> float:
    """Cost of typing ``typed`` where ``intended`` was meant."""
    if intended == typed:
        return 0.0
    if intended in _VOWELS and typed in _VOWELS:
        return SUB_VOWEL
    if typed in _NEAR.get(intended, ()):
        return SUB_NEIGHBOUR
    if frozenset((intended, typed)) in _SOUND_ALIKE:
        return SUB_SOUND
    return SUB


def _insert_cost(typed: str, i: int) -> float:
    """Cost of the typed letter ``typed[i]`` that the intended word lacks."""
    ch = typed[i]
    prev = typed[i - 1] if i > 0 else ""
    nxt = typed[i + 1] if i + 1 < len(typed) else ""
    if ch in (prev, nxt):
        return ADD_DOUBLE
    near = _NEAR.get(ch, frozenset())
    cost = ADD_NEIGHBOUR if prev in near or nxt in near else ADD
    if ch == "e" and not nxt and prev and prev not in _VOWELS:
        return min(cost, ADD_FINAL_E)
    return cost


def _delete_cost(intended: str, j: int) -> float:
    """Cost of leaving out ``intended[j]`` when typing."""
    ch = intended[j]
    if (j > 0 and intended[j - 1] == ch) or (j + 1 < len(intended) and intended[j + 1] == ch):
        return DROP_DOUBLE
    return DROP


# Cheapest typed letter the intended word lacks (inserted or substituted),
# and cheapest intended letter left out.
_MIN_EXTRA = min(
    ADD_DOUBLE, ADD_FINAL_E, ADD_NEIGHBOUR, ADD, SUB_VOWEL, SUB_SOUND, SUB_NEIGHBOUR, SUB
)
_MIN_MISSING = min(DROP_DOUBLE, DROP)


def _letter_floor(intended: str, typed: str, edits: int) -> float:
    """Lower bound of the cost for words at least ``edits`` edits apart.

    Each typed letter the intended word lacks (by letter counts) is an
    insertion or a substitution; each intended letter left over after the
    substitutions is a deletion; ``edits`` edits cost ``edits`` x MIN_EDIT;
    a changed first letter pays FIRST_LETTER on top.  A "-ys" for "-ies" is
    one spelling-rule slip whatever the letters say.
    """
    extra = missing = 0
    for ch in set(typed) | set(intended):
        d = typed.count(ch) - intended.count(ch)
        if d > 0:
            extra += d
        else:
            missing -= d
    floor = max(extra * _MIN_EXTRA + max(0, missing - extra) * _MIN_MISSING, edits * MIN_EDIT)
    if intended[:1] != typed[:1]:
        floor += FIRST_LETTER
    if typed[-2:] == "ys":
        floor = min(floor, MIN_SPELLING_RULE)
    return floor


# A hair, so that float rounding in the order the alignment happens to add
# its terms can never put the true cost below a bound.
_ROUNDING = 1e-9


def cost_floor(intended: str, typed: str) -> float:
    """A lower bound of ``typo_cost(intended, typed)`` for different words
    (see :func:`_letter_floor`; a hair lower for float rounding).  Scoring
    uses it to rule candidates out without running the alignment."""
    return _letter_floor(intended, typed, 1) - _ROUNDING


def far_cost_floor(intended: str, typed: str) -> float:
    """A lower bound of ``typo_cost(intended, typed)`` for words at least
    two edits apart (or one costly edit): see :func:`_letter_floor`."""
    return _letter_floor(intended, typed, 2)


def _substitution_table() -> dict[tuple[str, str], float]:
    """substitution_cost for every pair of lower-case ASCII letters, so the
    alignment loop below does one dict look-up per cell, not a call."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return {(a, b): substitution_cost(a, b) for a in letters for b in letters}


_SUB = _substitution_table()


def cheap_substitutes() -> dict[str, str]:
    """For each typed letter, the intended letters it replaces for less than a plain
    substitution (SUB): a vowel for a vowel, a neighbouring key, a letter that sounds alike.
    The distance-2 search uses it: two plain substitutions cost more than its cap."""
    if not _CHEAP:
        for (intended, typed), cost in _SUB.items():
            if cost < SUB:
                _CHEAP[typed] = _CHEAP.get(typed, "") + intended
    return _CHEAP


_CHEAP: dict[str, str] = {}


@lru_cache(maxsize=budget.ERROR_COSTS)
def typo_cost(intended: str, typed: str) -> float:
    """Weighted optimal-string-alignment distance from intended to typed.

    Edits touching the first letter of either word cost FIRST_LETTER extra,
    so the first row and column are filled separately and the inner loop
    adds no edge term.  It runs for every candidate of every new rare word,
    hence the hand-inlined minimum; each cell sums its terms in the same
    order as the textbook recurrence, so results are bit-for-bit the same.
    """
    n, m = len(intended), len(typed)
    ins = [_insert_cost(typed, i) for i in range(m)]
    dels = [_delete_cost(intended, j) for j in range(n)]
    prev = [0.0] * (m + 1)
    for i in range(1, m + 1):
        prev[i] = prev[i - 1] + ins[i - 1] + (FIRST_LETTER if i == 1 else 0.0)
    if n == 0:
        return prev[m]
    prev2 = prev
    prev = _first_row(intended[0], typed, dels[0], ins, prev)
    sub = _SUB
    for j in range(2, n + 1):
        a = intended[j - 1]
        a_prev = intended[j - 2]
        d_cost = dels[j - 1]
        cur = [prev[0] + d_cost]
        # i == 1: every edit touches the typed word's first letter.
        b = typed[0] if m else ""
        if m:
            if a == b:
                best = prev[0]
            else:
                s = sub.get((a, b))
                best = prev[0] + (substitution_cost(a, b) if s is None else s) + FIRST_LETTER
            d = prev[1] + d_cost + FIRST_LETTER
            if d < best:
                best = d
            x = cur[0] + ins[0] + FIRST_LETTER
            if x < best:
                best = x
            cur.append(best)
        for i in range(2, m + 1):
            b = typed[i - 1]
            if a == b:
                best = prev[i - 1]
            else:
                s = sub.get((a, b))
                best = prev[i - 1] + (substitution_cost(a, b) if s is None else s)
                if a == typed[i - 2] and a_prev == b:
                    t = prev2[i - 2] + TRANSPOSE + (FIRST_LETTER if i == 2 else 0.0)
                    if t < best:
                        best = t
            d = prev[i] + d_cost
            if d < best:
                best = d
            x = cur[i - 1] + ins[i - 1]
            if x < best:
                best = x
            cur.append(best)
        prev2, prev = prev, cur
    if typed[-2:] == "ys" and intended[-3:] == "ies" and len(typed) > 4:
        return _regular_ys(intended, typed, prev[m])
    return prev[m]


def _regular_ys(intended: str, typed: str, aligned: float) -> float:
    """A -y word inflected regularly ("companys" for "companies",
    "replys" for "replies"): one spelling-rule slip, however many letters
    the alignment sees."""
    if intended[:-3] == typed[:-2]:
        return min(aligned, REGULAR_YS)
    return aligned


def _first_row(
    a: str, typed: str, d_cost: float, ins: list[float], prev: list[float]
) -> list[float]:
    """Alignment row for the intended word's first letter: every edit here
    touches a first letter, so each one pays FIRST_LETTER."""
    cur = [prev[0] + d_cost + FIRST_LETTER]
    for i in range(1, len(typed) + 1):
        b = typed[i - 1]
        if a == b:
            best = prev[i - 1]
        else:
            best = prev[i - 1] + substitution_cost(a, b) + FIRST_LETTER
        d = prev[i] + d_cost + FIRST_LETTER
        if d < best:
            best = d
        x = cur[i - 1] + ins[i - 1] + FIRST_LETTER
        if x < best:
            best = x
        cur.append(best)
    return cur
