"""B8xx: copyright lines, reuse notices and rows of legal links."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import (
    is_short,
    label,
    labels,
    mentions,
    near_edge,
    reports,
)
from cleaner.rules import Block, rule

_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b(?=\W*(?:©|\(c\)|\d|by\b|of\b|notice\b|$)))|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b|"
    r"\b(?:reprinted|republished|reproduced) (?:here )?with (?:the )?(?:kind )?permission\b|"
    r"\b(?:by (?:submitting|clicking|signing up|subscribing|continuing)\b.{0,80}\b"
    r"(?:you )?(?:agree|consent|accept)|agree to (?:our|the site's) (?:terms|privacy)|"
    r"I agree (?:that|to)\b.{0,120}\b(?:contact me|privacy policy|terms)|"
    r"\bby providing (?:your|a) (?:telephone|phone|mobile) number\b.{0,120}\b(?:consent|agree)|"
    r"\breply stop to (?:opt[- ]out|unsubscribe|cancel)|\bmsg (?:&|and) data rates may apply)",
    re.IGNORECASE,
)


_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights reserved", "may not be", "permission", "agree",
                   "consent", "accept", "reply stop", "data rates")


@rule("B801", "copyright", stage="remove", category="legal", max_words=120)
def copyright_line(block: Block) -> str | None:
    """Copyright, reuse and form-consent notices ("© 2024 Example News. All rights reserved.").

    Also "Reprinted with permission." and "By signing up you agree to our Terms". "The
    copyright case went to court." does not start with the notice and is kept. A long form
    consent (up to 120 words) counts when it opens with the notice.
    """
    if not is_short(block, 120) or not mentions(block.text, _COPYRIGHT_KEYS):
        return None
    if reports(block.text):  # first: cheaper than the notice pattern, and news prose reports
        return None
    m = _COPYRIGHT.search(block.text)
    if not m or (block.words > 40 and m.start() > 150):
        return None  # a long paragraph is a notice only if it opens with one
    return "copyright or legal notice"


_LEGAL_LABELS = labels(
    "privacy policy", "privacy", "privacy notice", "terms", "terms of use", "terms of service",
    "terms & conditions", "terms and conditions", "cookie policy", "cookies", "disclaimer",
    "accessibility", "accessibility statement", "sitemap", "site map", "imprint", "impressum",
    "legal", "legal notice", "do not sell my personal information",
    "do not sell or share my personal information", "your privacy choices", "editorial policy",
    "editorial guidelines", "corrections policy", "ethics policy",
)
_SEPARATORS = re.compile(r"\s*[|•·/]\s*")


@rule("B802", "legal-links", stage="remove", category="legal", max_words=16)
def legal_links(block: Block) -> str | None:
    """A footer's legal links, alone or in a row ("Privacy Policy | Terms of Use").

    Example: "Terms & Conditions". "Read the privacy policy before you sign." is prose.
    """
    if block.words > 16:
        return None
    if block.words <= 6 and label(block.text) in _LEGAL_LABELS:
        return "legal or policy links"
    if not any(sep in block.text for sep in "|•·/"):
        return None
    parts = [label(p) for p in _SEPARATORS.split(block.text) if p.strip()]
    if parts and all(p in _LEGAL_LABELS for p in parts):
        return "legal or policy links"
    return None


_DISCLAIMER = re.compile(
    r"\b(?:does not constitute (?:an? )?(?:endorsement|offer|(?:investment|financial|legal|medical|"
    r"tax) advice)|for (?:informational|educational|general information(?:al)?) purposes only|"
    r"(?:is|are) not (?:intended (?:as|to be)|a substitute for) (?:\w+ )?(?:professional )?"
    r"(?:medical|legal|financial|investment|tax) advice|past performance (?:is|does) not "
    r"(?:a )?(?:guarantee|indicative|indicate)|consult (?:your|a) (?:doctor|physician|financial "
    r"advis[eo]r|attorney|tax professional) before|"
    r"all investing (?:is subject to|involves) risks?|investing involves risks?, including|"
    r"not (?:fdic|bank|ncua)[- ](?:insured|guaranteed)|"
    r"obtain an? (?:\w+ ){0,6}prospectus|read (?:it|them|the prospectus) carefully before investing)",
    re.IGNORECASE,
)


@rule("B803", "disclaimer", stage="remove", category="legal", max_words=90)
def disclaimer(block: Block) -> str | None:
    """A legal or advice disclaimer at the top or foot of the page.

    Example (last line): "This article is for informational purposes only and does not
    constitute financial advice." Mid-story, a sentence about advice rules is reporting.
    """
    if block.words > 90 or not near_edge(block, lead=2, tail=4):
        return None
    text = block.text
    if mentions(text, _DISCLAIMER_KEYS) and not reports(text) and _DISCLAIMER.search(text):
        return "legal or advice disclaimer"
    return None


_DISCLAIMER_KEYS = ("constitute", "purposes only", "advice", "past performance", "consult",
                    "risk", "insured", "guaranteed", "prospectus")


_SITE_CREDIT = re.compile(
    r"^(?:powered by|(?:web ?)?site by|web design by|(?:website )?designed (?:and developed )?by|"
    r"built with|theme by|hosted by|made with \S+ by)\s+\S",
    re.IGNORECASE,
)


@rule("B804", "site-credit", stage="remove", category="legal", max_words=6)
def site_credit(block: Block) -> str | None:
    """The footer's credit to the site's software or designer ("Powered by WordPress").

    Only a short line among the last five: "Designed by Zaha Hadid, the station opened in
    2010." is long and reports, and a credit-like line mid-story is left alone.
    """
    if block.words > 6 or block.from_end >= 5 or block.text.endswith((".", "!", "?")):
        return None
    if _SITE_CREDIT.match(block.text.strip()):
        return "site credit in the footer"
    return None


RULES = (copyright_line, legal_links, disclaimer, site_credit)
