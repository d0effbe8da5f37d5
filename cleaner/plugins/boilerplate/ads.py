"""B6xx: advertising labels, affiliate disclosures and sales calls to action."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, label, labels, mentions, reports
from cleaner.rules import Block, rule

_AD = re.compile(
    r"^(?:advertisement|advertising|ad|ads|sponsored(?: content| post| by\b.*)?|"
    r"paid (?:content|post|partnership)|partner content|promoted(?: content)?|"
    r"story continues below(?: advertisement)?|article continues below(?: advertisement)?|"
    r"skip advertisement|scroll to continue(?: with content)?|"
    r"continue reading (?:the main story|below)|advertiser disclosure|advertising policy|"
    r"advertisement\s*[:\-–—].{0,60}|(?:advertisement){2,})\W*$",
    re.IGNORECASE,
)


@rule("B601", "ad-label", stage="remove", category="advertising", max_words=12)
def ad_label(block: Block) -> str | None:
    """Advertising labels left where an ad was ("Advertisement", "Story continues below").

    The whole line must be the label: "Advertising revenue fell 3%." is news.
    """
    if block.words <= 12 and _AD.search(block.text):
        return "advertising label"
    return None


_AFFILIATE = re.compile(
    r"\b(?:(?:we|i|us|site|this (?:post|article|page|site))\b.{0,60}\b(?:earn|receive|get|make)s? "
    r"(?:a |an )?(?:small |affiliate |financial |\w+ )?(?:commissions?|compensation|fees?|a cut)\b|"
    r"\bwe (?:may|might|could) be compensated\b|"
    r"qualifying purchases|(?:contains?|uses?|includes?|these are|are) (?:some )?affiliate links?\b|"
    r"affiliate links?\)|affiliate (?:disclosure|partners?hips?)\b|"
    r"chosen independently by our editors|supported by (?:commissions|affiliate)|"
    r"(?:may|might|could) earn (?:a |an )?(?:small )?(?:commission|affiliate)|"
    r"at no (?:extra|additional) cost to you)",
    re.IGNORECASE,
)


_AFFILIATE_KEYS = ("commission", "compensat", "fee", "a cut", "qualifying purchases", "affiliate",
                   "chosen independently", "at no ")


_OPENING = 150  # characters: where a long disclosure paragraph states what it is


def _in_closing_note(text: str, at: int) -> bool:
    """``at`` falls in a parenthesis that closes a sentence of 8+ words: "... soap (affiliate link)."."""
    if not text.rstrip(" .!").endswith(")"):
        return False
    opened = text.rfind("(", 0, at + 1)
    return opened > 0 and ")" not in text[opened:at] and len(text[:opened].split()) >= 8


@rule("B602", "affiliate-disclosure", stage="remove", category="advertising", max_words=160)
def affiliate_disclosure(block: Block) -> str | None:
    """An affiliate or sponsorship disclosure addressed to the reader.

    Example: "When you shop through links here, we may earn a small commission." A report on
    affiliate marketing ("Affiliates earned $8bn in commissions last year, the report said.")
    is kept: it reports, and speaks of others. A long paragraph (up to 160 words) counts when
    the disclosure opens it: "Many of the offers on this site are from companies from which we
    may receive compensation. ..."
    """
    if not is_short(block, 160) or not mentions(block.text, _AFFILIATE_KEYS):
        return None
    text = block.text
    if reports(text):  # first: cheaper than the disclosure pattern, and news prose reports
        return None
    m = _AFFILIATE.search(text)
    if not m:
        return None
    if block.words > 60 and m.start() > _OPENING:
        return None  # a long paragraph is a disclosure only if it opens with one
    if _in_closing_note(text, m.start()):
        return None  # "I use this soap (affiliate link).": a sentence of the story with a note
    return "affiliate or sponsorship disclosure"


_CTA_LABELS = labels(
    "book a demo", "request a demo", "get a demo", "schedule a demo", "request a quote",
    "get a quote", "get a free quote", "get in touch", "contact us today", "start free trial",
    "start your free trial", "try it free", "try for free", "buy now", "shop now", "order now",
    "view on amazon", "buy on amazon", "check price", "check price on amazon", "see price",
    "view deal", "get deal", "see deal", "see packages", "view packages", "download now",
    "apply now", "call now", "book now", "learn more", "find out more", "see details",
    "view details", "get started", "get started today", "get started for free", "talk to sales",
    "contact sales", "request information", "see plans", "view plans", "see pricing",
)


_CTA_FORM = re.compile(
    r"^(?:fill (?:out|in) (?:the|our|this) form|get in touch with (?:us|our)|"
    r"(?:.{0,60}[.!?] )?talk to (?:our|an?|one of our) (?:[\w-]+ ){0,4}(?:experts?|team|specialists?|"
    r"advis[eo]rs?)\W*$)",
    re.IGNORECASE,
)
_CLICK_TO = re.compile(
    r"\b(?:click|tap) (?:here|below|the (?:button|link) below) to "
    r"(?:sign up|subscribe|get|download|buy|book|register|learn more|start|claim|join)\b",
    re.IGNORECASE,
)


@rule("B603", "call-to-action", stage="remove", category="advertising", max_words=40)
def call_to_action(block: Block) -> str | None:
    """A sales button's label or form prompt ("Book a demo", "View on Amazon").

    Examples: "Request a quote", "Fill out the form for a free quote". Only the exact label
    counts: "Get started with Python in ten minutes" is a heading.
    """
    if block.words <= 6 and label(block.text) in _CTA_LABELS:
        return "call-to-action button label"
    if block.words > 40:
        return None
    if _CTA_FORM.match(block.text):
        return "call-to-action form prompt"
    if mentions(block.text, ("click", "tap")) and _CLICK_TO.search(block.text):
        return "call-to-action link prompt"
    return None


RULES = (ad_label, affiliate_disclosure, call_to_action)
