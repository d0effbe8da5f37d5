"""B4xx: newsletter sign-ups, subscription prompts and account/paywall interface lines."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, label, labels, mentions, reports
from cleaner.rules import Block, rule

_NEWSLETTER = re.compile(
    r"\b(?:sign up|subscribe|subscribing|newsletters?|in your inbox|to your inbox|"
    r"enter your e-?mail|e-?mail address|daily briefing|get (?:our|the) (?:latest|best)|"
    r"delivered (?:to|straight)|get updates|free updates|unsubscribe (?:at )?any ?time|"
    r"notifications (?:about|of|for) new (?:posts|articles|stories))\b",
    re.IGNORECASE,
)
_IMPERATIVE_START = re.compile(
    r"^(?:sign up|subscribe|get|join|enter|want|don't miss|never miss|receive|stay|"
    r"be the first|register|start your|become a (?:member|subscriber|supporter)|"
    r"would you like to (?:receive|get) (?:notifications|updates|our|the latest)|"
    r"if you (?:liked|enjoyed|found)\b.{0,60}\b(?:subscrib|sign up|newsletter)|"
    r"thank you for (?:subscribing|signing up|joining|supporting)|thanks for (?:reading|subscribing))\b",
    re.IGNORECASE,
)
_CONSIDER = re.compile(
    r"\b(?:please )?consider (?:\w+ing,? )*(?:and |or )?(?:subscribing|signing up|becoming a "
    r"(?:member|subscriber|supporter)|supporting us)\b|"
    r"\b(?:tell|refer|invite) (?:your )?friends? (?:and|to) (?:get|earn|unlock)\b",
    re.IGNORECASE,
)
_NEWSLETTER_LABELS = labels(
    "subscribe", "subscribe now", "subscribe here", "subscribe today", "subscribed",
    "newsletter", "newsletters", "our newsletter", "sign up", "sign up now", "sign up free",
    "sign me up", "join now", "join free", "get the newsletter", "free newsletter",
    "subscribe to our newsletter", "sign up for our newsletter", "subscribe to this site",
    "become a member", "support us", "donate", "upgrade", "upgrade now",
)


_NEWSLETTER_KEYS = ("sign up", "subscri", "newsletter", "inbox", "mail", "briefing", "get our",
                    "get the", "delivered", "updates", "notifications", "friend")


@rule("B401", "newsletter", stage="remove", category="newsletter", max_words=40)
def newsletter(block: Block) -> str | None:
    """Newsletter and subscription prompts ("Get our daily briefing in your inbox").

    A prompt speaks to the reader (imperative or two sign-up phrases on a short line); a news
    sentence about newsletters ("The newsletter industry grew 5%.") has neither.
    """
    text = block.text
    if block.words <= 6 and label(text) in _NEWSLETTER_LABELS:
        return "newsletter or subscription label"
    if not is_short(block, 40) or not mentions(text, _NEWSLETTER_KEYS):
        return None
    if reports(text):
        return None
    if _CONSIDER.search(text):
        return "request to subscribe or share"
    hits = len(_NEWSLETTER.findall(text))
    if not hits:
        return None
    if _IMPERATIVE_START.search(text) and block.words <= 25:
        return "newsletter or subscription prompt"
    if hits >= 2 and block.words <= 15:
        return "newsletter or subscription prompt"
    return None


_ACCOUNT_LABELS = labels(
    "log in", "login", "log out", "logout", "sign in", "sign out", "register", "my account",
    "create an account", "create account", "create a free account", "forgot password",
    "already a subscriber", "already a member", "already have an account",
    "already a subscriber? log in", "already have an account? sign in",
    "log in or register", "sign in or register", "login or register",
)
_PAYWALL = re.compile(
    r"^(?:this (?:story|article|content|journalism) is (?:funded|made possible|supported) by "
    r"(?:readers|members|subscribers)|"
    r"(?:to (?:continue reading|read (?:the|this) full)|continue reading with)\b|"
    r"(?:you(?:'ve| have) (?:reached|read) (?:your|\d+) (?:free|limit))|"
    r"join \w+ (?:for free )?to (?:get|read|continue)|"
    r"(?:support|help) (?:our|independent) journalism\b|"
    r"this (?:article|story|content|post) is (?:exclusive|available only|only available) to\b|"
    r"already (?:have an account|a (?:subscriber|member))\W+(?:log|sign) ?in\b)",
    re.IGNORECASE,
)


@rule("B402", "account-paywall", stage="remove", category="newsletter", max_words=30)
def account_paywall(block: Block) -> str | None:
    """Log-in, register and paywall lines ("Sign in", "This story is funded by readers").

    Example: "Already a subscriber? Log in". "She signed in at the front desk." is kept.
    """
    if not is_short(block, 30):
        return None
    text = block.text
    if block.words <= 8 and label(text) in _ACCOUNT_LABELS:
        return "account or log-in label"
    if _PAYWALL.search(text) and not reports(text):
        return "paywall or membership prompt"
    return None


RULES = (newsletter, account_paywall)
