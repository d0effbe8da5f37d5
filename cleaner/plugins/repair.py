"""Built-in repair rules (R): mojibake and entities with ftfy, odd spaces and controls, and the
punctuation of mojibake that lost its control characters on the way.

Repairs that change meaning or layout stay off: like datatrove's and NeMo Curator's ftfy steps,
we keep curly quotes, ligatures, full-width characters and line breaks as they are. Each rule
returns :class:`~cleaner.textmap.Edit` objects on the current text so the pipeline can map
every later span back to the original.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from cleaner.config import Config
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Rule, rule
from cleaner.textmap import Edit

_FTFY_CONFIG = None


def _ftfy_config():  # type: ignore[no-untyped-def]
    global _FTFY_CONFIG
    if _FTFY_CONFIG is None:
        import ftfy

        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html="auto",
            remove_terminal_escapes=True,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=True,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=True,
            remove_control_chars=True,
            normalization="NFC",
            explain=False,
        )
    return _FTFY_CONFIG


# Lines worth handing to ftfy: anything beyond ASCII, an HTML entity, a control character.
_SUSPECT = re.compile(r"[^\x00-\x7f]|&[#a-zA-Z0-9]+;|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Typographic punctuation news text is full of (’ ‘ “ ” – — …). With our ftfy settings a line of
# ASCII and these characters is returned unchanged: they are UTF-8 continuation bytes in every
# legacy encoding ftfy tries (lead bytes with no continuation after them, in MacRoman), so no
# mojibake can be made of them and ASCII alone, and they are NFC and not controls. A line holding
# them *and* an ampersand still goes to ftfy (entity unescaping applies then).
_PUNCT = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
_ENTITY = re.compile(r"&[#a-zA-Z0-9]+;")
_SEPARATORS = ("\u2028", "\u2029")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _only_ascii_and_punct(text: str) -> bool:
    """No character beyond ASCII and ``_PUNCT``, checked with C-speed string methods only.

    Each ``_PUNCT`` character takes 3 bytes in UTF-8 (2 more than its 1 code point); any other
    non-ASCII character adds at least 1 more, so the byte count tells them apart.
    """
    if text.isascii():
        return True
    extra = len(text.encode("utf-8", "surrogatepass")) - len(text)
    return extra == 2 * sum(text.count(c) for c in _PUNCT)


def _has_control(text: str) -> bool:
    """A control character ftfy would remove (tab, CR and LF do not count)."""
    if text.replace("\n", " ").replace("\t", " ").replace("\r", " ").isprintable():
        return False
    return _CONTROL.search(text) is not None


def _needs_ftfy(text: str) -> bool:
    """True when ftfy may change ``text`` (a line, or a whole text as a quick first check).

    Decides as ``_SUSPECT.search`` would, except that typographic punctuation alone does not
    count; this runs on every line of every document, so it uses string methods, not regexes.
    """
    if text.isascii():
        return ("&" in text and _ENTITY.search(text) is not None) or _has_control(text)
    if "&" in text or not _only_ascii_and_punct(text):
        return True
    return _has_control(text)


_LEAVES_ALONE = None
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_BAD_REACH = 8  # characters searched either side of a non-ASCII run (ftfy's matches: <= 7)


def _ftfy_leaves_alone():  # type: ignore[no-untyped-def]
    """A predicate true for lines ``ftfy.fix_text`` with our settings returns unchanged.

    With our settings ftfy can only change a line that has an ampersand (entities), a
    character its control-character, C1, surrogate or terminal-escape fixers act on, a
    character NFC changes, or that its own mojibake test (``badness.is_bad``, the gate of every
    encoding fix) finds bad. Checking those first costs a fraction of the full ftfy call on
    lines such as "costs £5m" that are common in news. The character table is ftfy's own.
    """
    global _LEAVES_ALONE
    if _LEAVES_ALONE is None:
        import unicodedata

        from ftfy import badness, chardata

        chars = "".join(re.escape(chr(c)) for c in sorted(chardata.CONTROL_CHARS))
        acted_on = re.compile(f"[&\x1b\x80-\x9f\ud800-\udfff{chars}]")
        is_nfc = unicodedata.is_normalized
        bad_search = badness.BADNESS_RE.search

        def is_bad(line: str) -> bool:
            """``badness.is_bad(line)``, searched only around the non-ASCII characters.

            Every sequence ftfy's badness pattern matches holds a non-ASCII character and is
            at most 7 characters long, and its only anchor is ``^`` (which ``search`` with a
            start position does not match there), so windows of ``_BAD_REACH`` characters
            around each run of non-ASCII find every match the whole line has: a "costs £5m"
            paragraph costs a few short searches instead of one over all its characters.
            """
            for m in _NON_ASCII_RUN.finditer(line):
                if bad_search(line, max(0, m.start() - _BAD_REACH), m.end() + _BAD_REACH):
                    return True
            return False

        def leaves_alone(line: str) -> bool:
            return acted_on.search(line) is None and is_nfc("NFC", line) and not is_bad(line)

        _LEAVES_ALONE = leaves_alone
    return _LEAVES_ALONE


def diff_edits(old: str, new: str, offset: int = 0) -> Iterator[Edit]:
    """Minimal character edits turning ``old`` into ``new`` (offsets shifted by ``offset``).

    >>> [(e.start, e.end, e.replacement) for e in diff_edits("cafÃ©", "café")]
    [(3, 5, 'é')]

    Character diffs cost time quadratic in length, so past a budget the changed middle is
    diffed token by token (when the tokens still pair up one to one) or replaced as one edit:
    coarser spans, still exact, and never a hang on a 100,000-character line.
    """
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    pending: Edit | None = None
    for edit in _diff_middle(old[prefix : len(old) - suffix], new[prefix : len(new) - suffix],
                             offset + prefix, by_tokens=True):
        if pending is not None and edit.start == pending.end:
            # Touching edits (from neighbouring tokens) become one: TextMap.apply would skip
            # an edit that starts where an insertion stands.
            pending = Edit(pending.start, edit.end, pending.replacement + edit.replacement)
            continue
        if pending is not None:
            yield pending
        pending = edit
    if pending is not None:
        yield pending


_DIFF_BUDGET = 4_000_000  # len(old) * len(new) for a character diff (about 0.15 s)
_TOKEN = re.compile(r"\s+|\S+")


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n  # largest k with a[:k] == b[:k], by bisection on slices (C speed)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _diff_middle(old: str, new: str, offset: int, *, by_tokens: bool) -> Iterator[Edit]:
    if old == new:
        return
    if len(old) * len(new) <= _DIFF_BUDGET:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                yield Edit(offset + i1, offset + i2, new[j1:j2])
        return
    if by_tokens:
        old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
        if len(old_tokens) == len(new_tokens) > 1:
            pos = offset
            for a, b in zip(old_tokens, new_tokens):
                yield from _diff_middle(a, b, pos, by_tokens=False)
                pos += len(a)
            return
    yield Edit(offset, offset + len(old), new)


@rule("R101", "unicode-repair", stage="repair", category="encoding")
def unicode_repair(text: str) -> Iterator[Edit]:
    """Mojibake, HTML entities, C1 and other control characters, fixed by ftfy.

    ``The Mayorâ€™s office`` becomes ``The Mayor’s office``; ``&amp;`` becomes ``&``.
    Lines that hold only ASCII letters and no entities are skipped without calling ftfy.
    """
    import ftfy

    if not _needs_ftfy(text):  # most news text: one scan and done
        return
    config = _ftfy_config()
    unchanged = _ftfy_leaves_alone()
    pos = 0
    for line in text.splitlines(keepends=True):
        # A line ending in U+2028/U+2029 is judged without it: ftfy splits lines at "\n" only,
        # and a separator no legacy encoding has would keep it from decoding the mojibake
        # before it (which the next cleaning, once the separator is trimmed, would then do).
        body = line[:-1] if line.endswith(_SEPARATORS) else line
        if _needs_ftfy(body) and not unchanged(body):
            fixed = ftfy.fix_text(body, config)
            if fixed != body:
                yield from diff_edits(body, fixed, pos)
        pos += len(line)


_ODD = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_HIDDEN = "\u200b\u2060\ufeff\u00ad"  # not ZWJ/ZWNJ: scripts need them
# One pass, leftmost first: a run of spaces (plain, odd or invisible) before a line break or the
# end goes as a whole; elsewhere odd spaces become plain and invisible characters go. Handling
# them together keeps the rule idempotent ("x\u00a0\n" must not become "x \n"), and the
# lookbehind starts a trailing run only at its first character (no quadratic rescans).
_SPACE_EDIT = re.compile(
    rf"(?P<trailing>(?<![ \t{_ODD}{_HIDDEN}])[ \t{_ODD}{_HIDDEN}]+(?=\n|\Z))"
    rf"|(?P<odd>[{_ODD}])|(?P<hidden>[{_HIDDEN}])"
)

_ANY_ODD = re.compile(rf"[{_ODD}{_HIDDEN}]")


@rule("R102", "odd-spaces", stage="repair", category="whitespace")
def odd_spaces(text: str) -> Iterator[Edit]:
    """No-break, thin and other Unicode spaces become plain spaces; invisible characters go.

    Zero-width spaces, word joiners and soft hyphens split words invisibly (``sum\\u00admit``), so
    they are removed; trailing spaces and tabs at line ends are removed too.
    """
    if (text.isascii() or not _ANY_ODD.search(text)) and not _has_trailing_blank(text):
        return  # most text: C-speed scans instead of trying the pattern at every position
    for m in _SPACE_EDIT.finditer(text):
        yield Edit(m.start(), m.end(), " " if m.lastgroup == "odd" else "")


def _has_trailing_blank(text: str) -> bool:
    """A space or tab right before a line break or at the very end.

    Looks at the character before each line break: line breaks are few, while a search for
    " \n" stops at every space of the text.
    """
    find = text.find
    i = find("\n", 1)
    while i != -1:
        if text[i - 1] in " \t":
            return True
        i = find("\n", i + 1)
    return text.endswith((" ", "\t"))


# UTF-8 read as Latin-1 makes each of ’ ‘ “ ” – — three characters: "â" and two C1 controls
# (U+0080, then U+0091-U+0099). A scraper or extractor that drops control characters leaves the
# "â" alone ("youâre", "entitiesâlike", "âThe"), and ftfy cannot undo that: the bytes that said
# which character it was are gone. Where the "â" stands says it instead.
_LONE_A = re.compile("\u00e2(?![\u0080-\u00bf])")
# English contractions (a closed class of the grammar): the word before the apostrophe for each
# ending; "'s" follows any word of two letters or more.
_CONTRACTED = {
    "t": frozenset({
        "don", "can", "won", "isn", "aren", "wasn", "weren", "doesn", "didn", "couldn", "wouldn",
        "shouldn", "hasn", "haven", "hadn", "mustn", "needn", "ain", "shan", "mightn",
    }),
    "re": frozenset({"you", "we", "they", "who", "what", "there", "here", "where", "how", "why",
                     "when"}),
    "ve": frozenset({"i", "you", "we", "they", "who", "would", "could", "should", "might", "must",
                     "what", "there"}),
    "ll": frozenset({"i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "what",
                     "this", "where"}),
    "d": frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "that", "there", "what"}),
    "m": frozenset({"i"}),
}
_WORD_BEFORE = re.compile(r"[A-Za-z]+\Z")
_ENDING_AFTER = re.compile(r"(s|t|re|ve|ll|d|m)(?![A-Za-z])", re.IGNORECASE)
# A dash joins two whole ASCII words (another lone "\u00e2" is a boundary too:
# "few\u00e2you\u00e2ll"); "Ch\u00e2teau", "th\u00e9\u00e2tre", "Rom\u00e2n" keep their letter.
_WHOLE_WORD_BEFORE = re.compile(r"(?<![^\W\d_\u00e2])[A-Za-z]{3,}\Z")
_WHOLE_WORD_AFTER = re.compile(r"[A-Za-z]{2,}(?![^\W\d_\u00e2])")


def _apostrophe(text: str, at: int) -> bool:
    """Whether the "â" at ``at`` stands for the apostrophe of an English contraction or
    possessive: a word before it and one of the closed set of endings after it."""
    before = _WORD_BEFORE.search(text, max(0, at - 12), at)
    ending = _ENDING_AFTER.match(text, at + 1)
    if before is None or ending is None:
        return False
    suffix = ending.group(1).lower()
    if suffix == "s":  # a possessive; not one letter and "s" (Romanian "râs")
        return len(before.group()) >= 2
    return before.group().lower() in _CONTRACTED[suffix]


def _lost_punctuation(text: str, at: int, quote_open: bool) -> str | None:
    """What a lone "â" most likely was, from its neighbours, once the document has shown that
    it holds such lost punctuation: a dash between two whole ASCII words (not inside
    "Ch\u00e2teau") or two spaces, an opening quote before a word, a closing quote after one (an
    apostrophe after a plural "s" outside quotes)."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isalpha() and after.isalpha():
        word_before = _WHOLE_WORD_BEFORE.search(text, max(0, at - 40), at)
        word_after = _WHOLE_WORD_AFTER.match(text, at + 1)
        return "\u2014" if word_before and word_after else None
    if before.isspace() and after.isspace():
        return "\u2014"
    if (before.isspace() or before in "([") and after.isalnum():
        return "\u201c"
    if (before.isalpha() or before in ".,!?") and (after.isspace() or after in ",.;:!?)]"):
        if before == "s" and not quote_open:
            return "\u2019"
        return "\u201d"
    return None


@rule("R103", "stripped-mojibake", stage="repair", category="encoding")
def stripped_mojibake(text: str) -> Iterator[Edit]:
    """Curly quotes, apostrophes and dashes whose mojibake lost its control characters.

    ``youâre`` becomes ``you’re`` wherever it stands: an "â" between a word and a contraction
    ending ("don", "t"; "you", "re"; any word and "s") is an apostrophe.  Once a document has
    shown such an apostrophe, its other lone "â" are read from their neighbours too:
    ``entitiesâlike`` becomes ``entities—like``, ``said âThe`` ``said “The``, ``hubsâ,``
    ``hubs”,`` inside quotes.  French, Portuguese or Welsh words with "â" (château, âge) hold no
    contraction, so text without one is left alone.
    """
    if "\u00e2" not in text:
        return
    places = [m.start() for m in _LONE_A.finditer(text)]
    apostrophes = {at for at in places if _apostrophe(text, at)}
    if not apostrophes:
        return
    quote_open = False
    previous = 0
    for at in places:
        if text.find("\n", previous, at) != -1:  # a new line: no quote is open
            quote_open = False
        previous = at
        if at in apostrophes:
            yield Edit(at, at + 1, "\u2019")
            continue
        replacement = _lost_punctuation(text, at, quote_open)
        if replacement is None:
            continue
        quote_open = replacement == "\u201c" or (quote_open and replacement != "\u201d")
        yield Edit(at, at + 1, replacement)


@hookimpl
def cleaner_register_rules(config: Config) -> list[Rule]:
    return [unicode_repair, odd_spaces, stripped_mojibake]
