"""B8xx: copyright lines, reuse notices and rows of legal links."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import REPORTING, is_short, label, labels, mentions
from cleaner.rules import Block, rule

_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b|"
    r"\b(?:reprinted|republished|reproduced) (?:here )?with (?:the )?(?:kind )?permission\b|"
    r"\b(?:by (?:submitting|clicking|signing up|subscribing|continuing)\b.{0,80}\b"
    r"(?:you )?(?:agree|consent|accept)|agree to (?:our|the site's) (?:terms|privacy)|"
    r"I agree (?:that|to)\b.{0,120}\b(?:contact me|privacy policy|terms))",
    re.IGNORECASE,
)


_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights reserved", "may not be", "permission", "agree",
                   "consent", "accept")


@rule("B801", "copyright", stage="remove", category="legal")
def copyright_line(block: Block) -> str | None:
    """Copyright, reuse and form-consent notices ("© 2024 Example News. All rights reserved.").

    Also "Reprinted with permission." and "By signing up you agree to our Terms". "The
    copyright case went to court." does not start with the notice and is kept.
    """
    if not is_short(block, 40) or not mentions(block.text, _COPYRIGHT_KEYS):
        return None
    if _COPYRIGHT.search(block.text) and not REPORTING.search(block.text):
        return "copyright or legal notice"
    return None


_LEGAL_LABELS = labels(
    "privacy policy", "privacy", "privacy notice", "terms", "terms of use", "terms of service",
    "terms & conditions", "terms and conditions", "cookie policy", "cookies", "disclaimer",
    "accessibility", "accessibility statement", "sitemap", "site map", "imprint", "impressum",
    "legal", "legal notice", "do not sell my personal information",
    "do not sell or share my personal information", "your privacy choices", "editorial policy",
    "editorial guidelines", "corrections policy", "ethics policy",
)
_SEPARATORS = re.compile(r"\s*[|•·/]\s*")


@rule("B802", "legal-links", stage="remove", category="legal")
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


RULES = (copyright_line, legal_links)
