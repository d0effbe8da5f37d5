"""The repair fast path (R101 skips ftfy on lines it would not change) keeps ftfy's results."""

from __future__ import annotations

import ftfy
import pytest

from cleaner.plugins.repair import _ftfy_config, _ftfy_leaves_alone, _needs_ftfy, unicode_repair

LINES = [
    "plain ASCII line", "It’s a “quoted” line — with dashes… and more", "costs £5m", "café au lait",
    "cafÃ©", "The Mayorâ€™s office", "Â£5m", "voilÃ le travail", "a &amp; b", "a &amp b",
    "’ & ’", "x\x85y", "e\u0301", "zero\u200bwidth", "\ufeffbom", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "tab\tand\x0cfeed",
    "\x1b[36mblue\x1b[0m", "naïve résumé", "Ã ", "\u2028", "中文字符", "Ελληνικά",
]


@pytest.mark.parametrize("line", LINES)
def test_a_skipped_line_is_one_ftfy_leaves_alone(line: str) -> None:
    fixed = ftfy.fix_text(line, _ftfy_config())
    if not _needs_ftfy(line) or _ftfy_leaves_alone()(line):
        assert fixed == line


def test_mojibake_still_goes_to_ftfy() -> None:
    text = "Headline\n\nThe Mayorâ€™s office said it costs Â£5m.\n"
    edits = list(unicode_repair.check(text))
    assert [(e.start, e.end, e.replacement) for e in edits] != []
    out = text
    for e in sorted(edits, key=lambda e: -e.start):
        out = out[: e.start] + e.replacement + out[e.end :]
    assert out == "Headline\n\nThe Mayor’s office said it costs £5m.\n"


def test_badness_searched_near_non_ascii_agrees_with_ftfy() -> None:
    """The fast path looks for mojibake only around non-ASCII runs: same verdict as ftfy's."""
    import random
    import unicodedata

    from ftfy import badness

    leaves_alone = _ftfy_leaves_alone()
    alphabet = "".join(sorted(set("".join(badness.MOJIBAKE_CATEGORIES.values()))))
    alphabet += "ÂÃÎÐŒœØÙà√≈‚Äâóвβā€ГўВЂ°²³ ab Z.,?!\t\u00a0"
    rng = random.Random(7)
    for _ in range(20000):
        middle = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        line = rng.choice(["", "ab ", " ", "Q"]) + middle + rng.choice(["", " cd", "z"])
        if "&" in line or not unicodedata.is_normalized("NFC", line):
            continue  # decided before the badness test
        if any(0x80 <= ord(c) <= 0x9F for c in line):
            continue
        assert leaves_alone(line) == (not badness.is_bad(line)), repr(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Å“uvre \u2028", "œuvre"), ("Å“uvre x\u2028y", "œuvre x\u2028y"),
     ("cafÃ©\u2029next", "café\u2029next")],
)
def test_mojibake_before_a_unicode_line_separator_is_fixed_the_first_time(
    text: str, expected: str
) -> None:
    """ftfy splits lines at "\\n" only: handed "cafÃ©\\u2028" whole, it cannot re-encode the
    separator and leaves the mojibake, which a second cleaning then fixed (not idempotent;
    found by test_properties)."""
    from cleaner import clean

    once = clean(text).text
    assert once == expected
    assert clean(once).text == once
