"""B3xx: share buttons, follow-us lines and lone social-network labels."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, label, labels, mentions, reports
from cleaner.rules import Block, rule

_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|instagram|tiktok|"
    r"youtube|email|e-mail|messenger|threads|bluesky|mastodon|print|copy link|flipboard|sms)"
)
_SHARE_LINE = re.compile(
    rf"^(?:share(?: this| the)? (?:article|story|page|post|recipe|content|video|guide|episode)\b|share (?:on|via|to)\b|"
    rf"share this\W*$|follow us\b|"
    rf"follow (?:\w+ ){{0,3}}on {_SOCIAL}\b|like us on facebook\b|tweet (?:this|it)\b|"
    rf"share on {_SOCIAL}\b|stay connected\b|connect with us\b|find us on\b|"
    rf"join (?:us|our \w+ (?:group|community)|the \w+ (?:group|community)) on {_SOCIAL}\b|"
    rf"join the {_SOCIAL} group\b|pin (?:it|this|for later)\b|save (?:it|this) (?:for later|to pinterest)\b|"
    rf"help (?:me|us) spread the word\b)"
    rf"|\bclick to share on {_SOCIAL}\b|\bshare this:\s"
    rf"|^(?:{_SOCIAL}[\s,|/·•]*){{2,}}$",
    re.IGNORECASE,
)
_FOLLOW_US = re.compile(
    rf"\b(?:follow|like|join|find) (?:us|me) on (?:social media|{_SOCIAL})\b", re.IGNORECASE
)
_SHARE_LABELS = labels(
    "share", "shares", "share this", "share it", "tweet", "pin", "pin it", "email", "print",
    "copy link", "link copied", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
    "reddit", "follow", "follow us", "follow me", "share article", "share story", "share post",
    "sharing is caring",
)
_SHARE_KEYS = (
    "share", "follow", "like us", "tweet", "connect", "find us", "join", "pin ", "save ", "spread",
    "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram", "instagram",
    "tiktok", "youtube", "mail", "messenger", "threads", "bluesky", "mastodon", "print",
    "copy link", "flipboard", "sms",
)
# A follow button for a person or site: "Follow Jane Roe", "Follow The Daily Example". Only
# "Follow" and a capitalised name, nothing after it: "Follow the money" is a phrase.
_FOLLOW_NAME = re.compile(r"^Follow [A-Z0-9][\w&'’.-]*(?: (?:[A-Z0-9][\w&'’.-]*|&|of|the|and)){0,4}$")
_SHARE_COUNT = re.compile(r"^\d[\d.,]*[kKmM]?\s+(?:shares?|likes?|views?)$", re.IGNORECASE)


@rule("B301", "share-follow", stage="remove", category="share", max_words=40)
def share_follow(block: Block) -> str | None:
    """Share buttons and follow-us lines ("Share this article", "Follow us on Instagram").

    A line that is only "Follow" and a name ("Follow Jane Roe") near the top or the foot of the
    page is a follow button too; mid-story it may be a heading ("Follow Your Nose").

    A short line only, except "follow us on <network>", which speaks to the reader wherever
    it stands: "Shares of Acme rose 5%." is news ("shares" as stock), and so is "She said she
    would follow the advice."
    """
    if not is_short(block, 40):
        return None
    text = block.text
    if block.words <= 3 and (label(text) in _SHARE_LABELS or _SHARE_COUNT.match(text)):
        return "share button label"
    if block.words <= 6 and (block.from_end < 3 or block.index < 2) and _FOLLOW_NAME.match(text):
        return "follow button"
    if not mentions(text, _SHARE_KEYS):
        return None
    if block.words <= 15 and _SHARE_LINE.search(text) and not _looks_like_news(text):
        return "share or follow prompt"
    if _FOLLOW_US.search(text) and not reports(text):
        return "follow-us prompt"
    return None


_NEWS_SHARE = re.compile(r"^shares? (?:of|in|rose|fell|jumped|dropped|closed|were|are|have|had)\b", re.IGNORECASE)


def _looks_like_news(text: str) -> bool:
    """"Shares of Acme fell 4%" starts like a share button and is a market report."""
    return bool(_NEWS_SHARE.match(text)) or (text.endswith((".", "?", "!")) and len(text) > 60)


RULES = (share_follow,)
