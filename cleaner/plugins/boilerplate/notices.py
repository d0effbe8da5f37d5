"""B7xx: cookie banners, JavaScript/browser notices and dismissible banners."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, mentions, near_edge, reports
from cleaner.rules import Block, rule

_COOKIE = re.compile(
    r"\b(?:we use cookies|this (?:site|website) uses cookies|(?:uses|use of) cookies to|"
    r"cookie (?:settings|preferences|consent)|accept (?:all )?cookies|"
    r"manage (?:cookies|consent|preferences)|enable javascript|javascript (?:is )?(?:disabled|required)|"
    r"your browser does not support|please (?:enable|turn on) javascript|"
    r"(?:update|upgrade) your browser|ad ?blocker|disable your ad|"
    r"by continuing to (?:use|browse) (?:this|our) (?:site|website))\b",
    re.IGNORECASE,
)


_COOKIE_KEYS = ("cookie", "javascript", "browser", "blocker", "disable your ad", "by continuing",
                "manage ")


@rule("B701", "cookie-notice", stage="remove", category="cookies", max_words=150)
def cookie_notice(block: Block) -> str | None:
    """Cookie banners and JavaScript/browser notices ("This site uses cookies to ...").

    A report about cookies ("Regulators said the site used cookies to track users.") is kept.
    The paragraphs of a consent panel go whatever their length when they open like one:
    "Necessary cookies are absolutely essential for the website to function properly. ..."
    """
    if not is_short(block, 150) or not mentions(block.text, _COOKIE_KEYS):
        return None
    text = block.text.lstrip()
    if block.words > 60 and not _COOKIE_START.match(text):
        return None  # a long paragraph must open with the notice, not merely mention it
    if (_COOKIE.search(text) or _COOKIE_START.match(text)) and not reports(text):
        return "cookie or browser notice"
    return None


_COOKIE_START = re.compile(  # a consent panel's own paragraphs, however long
    r"^(?:this (?:site|website) uses cookies|we use cookies|cookie duration description|"
    r"(?:strictly )?(?:necessary|essential|functional|performance|analytic(?:al|s)?|advertisement|"
    r"advertising|marketing|targeting|preference|statistics|social media|third[- ]party|"
    r"(?:other )?uncategori[sz]ed) cookies (?:are|is|help|ensure|allow|enable|may|track|collect|"
    r"store|will|those)\b)",
    re.IGNORECASE,
)


_CLOSE_GLYPHS = ("✕", "✖", "×", "╳")


@rule("B702", "dismissible-banner", stage="remove", category="cookies", max_words=40)
def dismissible_banner(block: Block) -> str | None:
    """A banner with its close button scraped along: a line that ends in a close glyph.

    Example (first line): "Awarded the best support tool of 2025 - Learn More✕". Only in the
    first or last three lines, and only when the glyph is glued to the end of the line: the
    sign "×" in "3 × 4" or "1920 × 1080" sits between numbers, not at the end.
    """
    text = block.text.rstrip()
    if not text.endswith(_CLOSE_GLYPHS) or block.words > 40 or not near_edge(block, 3, 3):
        return None
    if len(text) < 2 or text[-2].isdigit():
        return None
    return "banner with a close button"


RULES = (cookie_notice, dismissible_banner)
