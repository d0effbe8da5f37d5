"""Recognise words built regularly from a known word.

A derived form is not vetoed outright (a typo can land on one by chance,
"presense" = "pre" + "sense"); the scorer asks for a wider margin instead,
when the correction does not share the affix (``scoring._coined``).

News writing coins derived forms ("demerge", "workforces", "badged") that a
frequency list has rarely or never seen.  They are not typos: a typo almost
never lands exactly on a known stem plus a regular affix.  The affixes below
are general English morphology, not a list of particular words.
"""

from __future__ import annotations

from functools import lru_cache

from . import budget, lexicon

# A stem must be at least this common for a derived form to be trusted.
MIN_STEM_ZIPF = 3.0
MIN_STEM_LENGTH = 4
# ... or this common for a "-y" stem whose y turns to i ("cushy" -> "cushier", "dinky" ->
# "dinkier"): the comparatives of rare adjectives are rarer still, and a slip seldom lands
# exactly on "i" + a suffix after a listed -y word.
Y_STEM_ZIPF = 2.5
# Halves of a closed compound ("matchday") must be common and not tiny.
COMPOUND_PART_ZIPF = 3.5
COMPOUND_PART_LENGTH = 4

_VOWELS = frozenset("aeiou")
# Suffixes that attach to the bare stem (or the stem minus a final "e").
_SUFFIXES = (
    "ed",
    "ing",
    "er",
    "ers",
    "est",
    "ly",
    "ness",
    "ment",
    "ments",
    "able",
    "ism",
    "ist",
    "ists",
    "ise",
    "ize",
    "ised",
    "ized",
    "ising",
    "izing",
    "isation",
    "ization",
    "ful",
    "less",
    "ship",
    "hood",
    "like",
    "wise",
    "ee",
    "ees",
)
_PREFIXES = (
    "re",
    "de",
    "un",
    "non",
    "pre",
    "post",
    "co",
    "anti",
    "over",
    "under",
    "out",
    "sub",
    "super",
    "inter",
    "mis",
    "dis",
    "multi",
    "mid",
    "semi",
    "counter",
    "cross",
    "mega",
    "micro",
    "cyber",
    "tele",
    "self",
    "pro",
    "euro",
)


def _known(stem: str, minimum: float = MIN_STEM_ZIPF) -> bool:
    return len(stem) >= MIN_STEM_LENGTH and lexicon.zipf(stem) >= minimum


def _doubled_cvc(stem: str) -> bool:
    """ "runn" + "ing": a doubled final consonant after a single short vowel."""
    return (
        len(stem) >= 4
        and stem[-1] == stem[-2]
        and stem[-1] not in _VOWELS
        and stem[-3] in _VOWELS
        and stem[-4] not in _VOWELS
        and _known(stem[:-1])
    )


Affix = tuple[str, str]  # ("prefix" | "suffix" | "compound", the affix; "" for a compound)


def _suffixes(word: str) -> list[str]:
    """The regular endings that make ``word`` a known stem's inflection or derivation."""
    found = []
    sibilant_es = word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o"))
    if sibilant_es and _known(word[:-2]):
        found.append("es")
    if word.endswith("ies") and _known(word[:-3] + "y"):
        found.append("ies")
    # "companys" is not how English inflects "company", so it does not count.
    consonant_y = word.endswith("ys") and word[-3:-2] not in _VOWELS
    if (
        word.endswith("s")
        and not word.endswith("ss")
        and not consonant_y
        and _known(word[:-1], 3.0)
    ):
        found.append("s")
    if word.endswith("d") and word[-2:-1] == "e" and _known(word[:-1]):
        found.append("d")
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            vowel_suffix = suffix[0] in _VOWELS
            if vowel_suffix and stem.endswith("e") and not stem.endswith("ee"):
                continue  # "takeing": English drops the e before a vowel
            if _known(stem) or _doubled_cvc(stem) or (vowel_suffix and _known(stem + "e")):
                found.append(suffix)
            elif stem.endswith("i") and _known(stem[:-1] + "y", Y_STEM_ZIPF):
                found.append("i" + suffix)
    return found


@lru_cache(maxsize=budget.DERIVED)
def affixes(word: str) -> tuple[Affix, ...]:
    """Every way ``word`` is a known stem plus a regular prefix or suffix, or two common words
    joined; empty when it is none of these."""
    found: list[Affix] = [("suffix", s) for s in _suffixes(word)]
    found += [
        ("prefix", prefix)
        for prefix in _PREFIXES
        if word.startswith(prefix) and _known(word[len(prefix) :], 3.0)
    ]
    n = COMPOUND_PART_LENGTH
    for i in range(n, len(word) - n + 1):
        if (
            lexicon.zipf(word[:i]) >= COMPOUND_PART_ZIPF
            and lexicon.zipf(word[i:]) >= COMPOUND_PART_ZIPF
        ):
            found.append(("compound", ""))
            break
    return tuple(found)


# British "-ise" endings and their American "-ize" spellings ("categorise", "monetising").
_ISE_ENDINGS = ("ise", "ised", "ises", "ising", "iser", "isers", "isation", "isations")
# The "-ize" spelling must be listed at least this common for the "-ise" one to be its variant.
VARIANT_ZIPF = 2.5


def spelling_variant(word: str) -> str | None:
    """The American spelling of a British "-ise" word when wordfreq lists it ("categorise" ->
    "categorize"), else None. The British form is often the rarer one on the web, where
    frequency alone would take it for a slip ("categorise" -> "categories"). Only this
    direction: "surprize" is a slip, not the variant of a listed "surprise"."""
    for ending in _ISE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            other = word[: -len(ending)] + "iz" + ending[2:]
            if lexicon.zipf(other) >= VARIANT_ZIPF:
                return other
    return None
