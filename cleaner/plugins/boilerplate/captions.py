"""B1xx: image captions, photo credits and teasers the scraper cut off with "…"."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import DATE, ELLIPSIS_END, is_short, mentions, reports
from cleaner.rules import Block, rule

_POSITION_MARKER = re.compile(
    r"\((?:L|R|C|L-R|R-L|l-r|left|right|cent(?:er|re)|top|bottom|"
    r"(?:far|second|third|\d(?:st|nd|rd|th)) (?:from )?(?:left|right|L|R)|"
    r"(?:front|back|top|bottom) (?:row )?(?:left|right|L|R|C)|"
    r"(?:left|right) to (?:right|left)|clockwise from (?:top )?(?:left|right))\)"
)
_CAPTION_VERB = re.compile(
    r"\b(?:shakes? hands|speaks?|pose[sd]?|looks? on|arrives?|attends?|gestures?|waves?|"
    r"walks?|stands?|sits?|holds?|smiles?|listens?|greets?|delivers?|addresses|reacts?|"
    r"celebrates?|is seen|are seen|is pictured|are pictured|takes? part|leaves?|hugs?)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\((?:photo|image|picture|pic|credit|photograph|file photo)s?\b[^)]{0,80}\)"
    r"|^(?:(?:featured?|header|cover|top|lead|hero) )?"
    r"(?:(?:photo|image|picture|photograph|illustration)s?(?:\s+(?:credit|by))?\s*[:|]"
    r"|(?:photo|image|illustration)s? (?:by|courtesy of|via)\b)"
    r"|^image (?:caption|copyright|source)\b"
    r"|\b(?:photo |image )?credit: ?(?-i:[A-Z][\w.'’&-]*(?: (?:[A-Z&][\w.'’&-]*|and|of)){0,5})\)?$"
    r"|\b(?:getty images|shutterstock|alamy|istock(?:photo)?|unsplash|afp via getty|ap photo|"
    r"reuters/|epa-efe|/ap\b|/afp\b|/reuters\b|/getty\b)",
    re.IGNORECASE,
)


_CREDIT_KEYS = ("photo", "image", "(pic", "picture", "credit", "illustration", "getty",
                "shutterstock", "alamy", "istock", "unsplash", "/ap", "/afp", "/reuters", "reuters/",
                "/getty", "epa-efe")


@rule("B101", "photo-caption", stage="remove", category="caption")
def photo_caption(block: Block) -> str | None:
    """An image caption: a position marker such as "(L)" with caption wording or a date.

    Captions describe a photo in the present tense with a past date ("Ann Lee (L) greets the
    mayor in Leeds on May 2, 2019.") and are often cut off with "…" by the scraper. "(left)"
    in a sentence that reports speech is not a caption.
    """
    text = block.text
    if "(" not in text or not _POSITION_MARKER.search(text):
        return None
    evidence = (
        bool(_CAPTION_VERB.search(text))
        + bool(DATE.search(text))
        + bool(ELLIPSIS_END.search(text))
        + bool(_CREDIT.search(text))
    )
    if evidence >= 1 and not reports(text):
        return "image caption (position marker such as '(L)' in a photo description)"
    return None


@rule("B102", "photo-credit", stage="remove", category="caption", max_words=40)
def photo_credit(block: Block) -> str | None:
    """A photo credit or image-caption label ("Photo: Jane Doe/AP", "Image caption ...").

    Example: "A flooded street in Hull. (Photo: Sam Cole/Reuters)", or a caption that ends in
    its credit: "Your tent should suit the length of your trip. Credit: Clara Tate". A story sentence that
    mentions Getty Images is kept when it reports ("Getty Images said on Monday ...").
    """
    if not is_short(block, 40) or not mentions(block.text, _CREDIT_KEYS):
        return None
    if reports(block.text):  # first: often shared with other rules, and news prose reports
        return None
    if not _CREDIT.search(block.text):
        return None
    return "photo credit or image-caption label"


_TEASER_MAX_WORDS = 60  # excerpts are cut short (WordPress: 55 words); a longer entry is content


@rule("B103", "truncated-teaser", stage="remove", category="caption", max_words=60)
def truncated_teaser(block: Block) -> str | None:
    """A line cut off with "…" by the scraper: a teaser or caption, not article prose.

    Example: a list of teasers ("Five things to know before you book a flight and…", then
    another such line), or a dated photo caption cut off mid-sentence. A single line of prose
    that trails off ("But first…") is the writer's style and stays, and so do lines of more
    than 60 words: excerpts are cut shorter (WordPress cuts at 55 words), a listing whose long
    entries end in "…" (an events calendar) is the page's content.
    """
    text = block.text
    if not text.endswith(("…", "...")) or block.count < 2 or block.words > _TEASER_MAX_WORDS:
        return None
    if not _truncated(text):
        return None
    if _CAPTION_VERB.search(text) and DATE.search(text):
        return "truncated caption ending in an ellipsis"
    if block.words >= 4 and any(
        n is not None and _truncated(n) for n in (block.previous, block.next)
    ):
        return "truncated teaser ending in an ellipsis (one of a list)"
    return None


def _truncated(text: str) -> bool:
    """Cut off mid-sentence: "…" right after a word, not after a full stop or a quotation."""
    return bool(ELLIPSIS_END.search(text)) and not text.endswith(("”…", '"…'))


RULES = (photo_caption, photo_credit, truncated_teaser)
