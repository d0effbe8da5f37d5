"""Built-in boilerplate rules (B): lines scrapers leave in article text.

Each rule judges one block (a non-empty line) as a whole, with its place in the document, and
returns the reason it is boilerplate or ``None``. Keywords alone never decide: a short line that
*is* an interface prompt ("Leave a comment") goes, a sentence that merely mentions comments
("The minister declined to comment on Tuesday.") stays.
"""

from __future__ import annotations

import re

from cleaner.config import Config
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Block, Rule, rule

# -- shared evidence ----------------------------------------------------------------------------

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b")
_REPORTING = re.compile(
    r"\b(?:said|says|told|declined|refused|according to|reported|added|wrote|asked)\b", re.I
)
_ELLIPSIS_END = re.compile(r"(?:\w|[,;:])\s*(?:…|\.\.\.)$")


def _is_short(block: Block, words: int) -> bool:
    return block.words <= words


# -- captions and photo credits -------------------------------------------------------------------

_POSITION_MARKER = re.compile(
    r"\((?:L|R|C|L-R|R-L|l-r|left|right|cent(?:er|re)|top|bottom|front|back|rear|"
    r"(?:far|second|third|\d(?:st|nd|rd|th)) (?:left|right|L|R)|"
    r"(?:front|back|top|bottom) (?:row )?(?:left|right|L|R|C))\)"
)
_CAPTION_VERB = re.compile(
    r"\b(?:shakes? hands|speaks?|pose[sd]?|looks? on|arrives?|attends?|gestures?|waves?|"
    r"walks?|stands?|sits?|holds?|smiles?|listens?|greets?|delivers?|addresses|reacts?|"
    r"celebrates?|is seen|are seen|is pictured|are pictured|takes? part|leaves?|hugs?)\b",
    re.I,
)
_CREDIT = re.compile(
    r"\((?:photo|image|picture|pic|credit|photograph)s?\b[^)]{0,80}\)"
    r"|^(?:photo|image|picture|photograph)s?(?:\s+credit)?\s*[:|]"
    r"|^image (?:caption|copyright|source)\b"
    r"|\b(?:getty images|shutterstock|alamy|afp via getty|ap photo|reuters/|epa-efe|/ap\b|/afp\b|/reuters\b)",
    re.I,
)


@rule("B101", "photo-caption", stage="remove", category="caption")
def photo_caption(block: Block) -> str | None:
    """An image caption: a position marker such as "(L)" with caption wording or a date.

    Captions describe a photo in the present tense with a past date ("X (L) shakes hands with
    Y ... on July 16, 2014") and are often cut off with "…" by the scraper.
    """
    if not _POSITION_MARKER.search(block.text):
        return None
    evidence = sum(
        (
            bool(_CAPTION_VERB.search(block.text)),
            bool(_DATE.search(block.text)),
            bool(_ELLIPSIS_END.search(block.text)),
            bool(_CREDIT.search(block.text)),
        )
    )
    if evidence >= 1 and not _REPORTING.search(block.text):
        return "image caption (position marker such as '(L)' in a photo description)"
    return None


@rule("B102", "photo-credit", stage="remove", category="caption")
def photo_credit(block: Block) -> str | None:
    """A photo credit or image-caption label ("Photo: Jane Doe/AP", "Image caption ...")."""
    if _CREDIT.search(block.text) and _is_short(block, 40) and not _REPORTING.search(block.text):
        return "photo credit or image-caption label"
    return None


@rule("B103", "truncated-teaser", stage="remove", category="caption")
def truncated_teaser(block: Block) -> str | None:
    """A line cut off with "…" by the scraper: a teaser or caption, not article prose.

    Only lines that stop mid-sentence (the ellipsis follows a word, not a full stop) and are
    not a quotation count.
    """
    text = block.text
    if _ELLIPSIS_END.search(text) and not text.endswith(("”…", '"…')) and block.count > 1:
        if _CAPTION_VERB.search(text) or _DATE.search(text) or block.words <= 25:
            return "truncated teaser ending in an ellipsis"
    return None


# -- comments ----------------------------------------------------------------------------------

_COMMENT_WORD = re.compile(r"\bcomment(?:s|ing|ers?)?\b", re.I)
_COMMENT_UI = re.compile(
    r"^(?:please\b|click\b|tap\b|leave\b|post\b|add\b|join\b|view\b|show\b|hide\b|load\b|"
    r"see (?:all|the)\b|sign in\b|log in\b|register\b|be the first\b|share your\b|"
    r"tell us\b|let us know\b|have your say\b|read (?:all|the)\b|\d+\s+comments?\b|comments?\s*(?:\(\d+\)|:|$))"
    r"|\b(?:having (?:issues|problems|trouble)|comments? (?:are|is) (?:closed|disabled|moderated|"
    r"open)|comment(?:ing)? (?:policy|guidelines)|community guidelines|to comment\b.*\b(?:sign|log) in)",
    re.I,
)


@rule("B201", "comment-prompt", stage="remove", category="comments")
def comment_prompt(block: Block) -> str | None:
    """A comment-section prompt ("Leave a comment", "Comments are closed", "7 comments").

    Requires interface wording, a short line, and no reporting verb, so news sentences about
    comments ("declined to comment") are kept.
    """
    text = block.text
    if not _COMMENT_WORD.search(text) or not _is_short(block, 30):
        return None
    if _REPORTING.search(text) and not re.match(r"^(?:please|let us know)", text, re.I):
        return None
    if _COMMENT_UI.search(text):
        return "comment-section prompt"
    return None


# -- share / follow --------------------------------------------------------------------------

_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|instagram|tiktok|youtube|email|e-mail|messenger|threads|bluesky|print|copy link|flipboard)"
_SHARE_LINE = re.compile(
    rf"^(?:share(?: this| the)?(?: article| story| page| post)?(?: on| via)?\b|follow us\b|"
    rf"follow (?:\w+ ){{0,3}}on {_SOCIAL}\b|like us on facebook\b|tweet\b|share on {_SOCIAL}\b)"
    rf"|^(?:{_SOCIAL}[\s,|/·•]*){{2,}}$",
    re.I,
)


@rule("B301", "share-follow", stage="remove", category="share")
def share_follow(block: Block) -> str | None:
    """Share buttons and follow-us lines ("Share this article", "Follow us on Twitter")."""
    if _is_short(block, 15) and _SHARE_LINE.search(block.text):
        return "share or follow prompt"
    return None


# -- newsletters -----------------------------------------------------------------------------

_NEWSLETTER = re.compile(
    r"\b(?:sign up|subscribe|newsletter|in your inbox|to your inbox|enter your e-?mail|"
    r"daily briefing|get (?:our|the) (?:latest|best)|delivered (?:to|straight))\b",
    re.I,
)
_IMPERATIVE_START = re.compile(
    r"^(?:sign up|subscribe|get|join|enter|want|don't miss|never miss|receive|stay|be the first)\b",
    re.I,
)


@rule("B401", "newsletter", stage="remove", category="newsletter")
def newsletter(block: Block) -> str | None:
    """Newsletter and subscription prompts ("Sign up for our daily briefing")."""
    text = block.text
    hits = len(_NEWSLETTER.findall(text))
    if not hits or not _is_short(block, 40) or _REPORTING.search(text):
        return None
    if _IMPERATIVE_START.search(text) or hits >= 2:
        return "newsletter or subscription prompt"
    return None


# -- related links -------------------------------------------------------------------------------

_RELATED = re.compile(
    r"^(?:read more|read next|related(?: articles?| stories| coverage| content| news| links?)?|"
    r"recommended(?: for you| stories| reading)?|see also|more on this (?:story|topic)|also read|"
    r"most (?:read|popular|viewed)|you (?:may|might) also like|more from|top stories|"
    r"what to read next|continue reading|watch:|listen:|latest news)\b\s*[:|>»\-–—]?",
    re.I,
)


@rule("B501", "related-link", stage="remove", category="related")
def related_link(block: Block) -> str | None:
    """"Read more", "Related" and "Recommended" teasers and their labels."""
    if _is_short(block, 25) and _RELATED.search(block.text):
        return "related-content link or teaser"
    return None


# -- ads --------------------------------------------------------------------------------------------

_AD = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:content|post)|promoted|"
    r"story continues below(?: advertisement)?|article continues below|skip advertisement|"
    r"continue reading (?:the main story|below))\W*$",
    re.I,
)


@rule("B601", "ad-label", stage="remove", category="advertising")
def ad_label(block: Block) -> str | None:
    """Advertising labels left where an ad was ("Advertisement", "Story continues below")."""
    if _AD.search(block.text):
        return "advertising label"
    return None


# -- cookies and scripts ------------------------------------------------------------------------------

_COOKIE = re.compile(
    r"\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings|preferences)|"
    r"accept (?:all )?cookies|enable javascript|javascript (?:is )?(?:disabled|required)|"
    r"your browser does not support|please (?:enable|turn on) javascript|"
    r"update your browser|ad ?blocker)\b",
    re.I,
)


@rule("B701", "cookie-notice", stage="remove", category="cookies")
def cookie_notice(block: Block) -> str | None:
    """Cookie banners and JavaScript/browser notices."""
    if _is_short(block, 60) and _COOKIE.search(block.text) and not _REPORTING.search(block.text):
        return "cookie or browser notice"
    return None


# -- copyright and legal -------------------------------------------------------------------------------

_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b",
    re.I,
)


@rule("B801", "copyright", stage="remove", category="legal")
def copyright_line(block: Block) -> str | None:
    """Copyright and reuse notices ("© 2024 Example News. All rights reserved.")."""
    if _is_short(block, 40) and _COPYRIGHT.search(block.text) and not _REPORTING.search(block.text):
        return "copyright or legal notice"
    return None


RULES: tuple[Rule, ...] = (
    photo_caption,
    photo_credit,
    truncated_teaser,
    comment_prompt,
    share_follow,
    newsletter,
    related_link,
    ad_label,
    cookie_notice,
    copyright_line,
)


@hookimpl
def cleaner_register_rules(config: Config) -> tuple[Rule, ...]:
    return RULES
