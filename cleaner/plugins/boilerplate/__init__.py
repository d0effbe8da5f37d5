"""Built-in boilerplate rules (B): lines scrapers leave in article text.

Each rule judges one block (a non-empty line) as a whole, with its place in the document, and
returns the reason it is boilerplate or ``None``. Keywords alone never decide: a short line that
*is* an interface prompt ("Leave a comment") goes, a sentence that merely mentions comments
("The minister declined to comment on Tuesday.") stays.

One module per family, codes by prefix:

======  ================  =====================================================
B1xx    ``captions``      image captions, photo credits, truncated teasers
B2xx    ``comments``      comment prompts, rating/feedback requests
B3xx    ``share``         share buttons, follow-us lines
B4xx    ``newsletter``    newsletter sign-ups, log-in and paywall lines
B5xx    ``related``       "Read more", "Related", "Recommended", next/previous
B6xx    ``ads``           ad labels, affiliate disclosures, sales buttons
B7xx    ``notices``       cookie banners, JavaScript/browser notices
B8xx    ``legal``         copyright lines, legal links
B9xx    ``other``         author bios, bylines and post dates, navigation labels
======  ================  =====================================================
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.pluginmanager import hookimpl
from cleaner.plugins.boilerplate import (
    ads,
    captions,
    comments,
    legal,
    newsletter,
    notices,
    other,
    related,
    share,
)
from cleaner.rules import Rule

RULES: tuple[Rule, ...] = (
    *captions.RULES,
    *comments.RULES,
    *share.RULES,
    *newsletter.RULES,
    *related.RULES,
    *ads.RULES,
    *notices.RULES,
    *legal.RULES,
    *other.RULES,
)


@hookimpl
def cleaner_register_rules(config: Config) -> tuple[Rule, ...]:
    """Hand the catalogue to the pipeline, exactly as a third-party plugin would."""
    return RULES
