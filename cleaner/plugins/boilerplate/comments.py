"""B2xx: comment-section prompts and reader-feedback prompts."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, label, labels, mentions, reports
from cleaner.rules import Block, rule

_COMMENT_WORD = re.compile(r"\bcomment(?:s|ing|ers?)?\b", re.IGNORECASE)
_COMMENT_UI = re.compile(
    r"^(?:please\b|click\b|tap\b|leave\b|post\b|add\b|join\b|view\b|show\b|hide\b|load\b|"
    r"see (?:all|the)\b|sign in\b|log in\b|register\b|be the first\b|share your\b|"
    r"tell us\b|let us know\b|have your say\b|read (?:all|the)\b|\d+\s+comments?\b|"
    # "Comments (12)" or "Comments:" is a section label; "Comments made by the governor" is news.
    r"comments?\s*(?:\(\d+\)|:|$)|"
    r"no comments\b|there (?:are|is) \d+ comments?\b)"
    r"|\b(?:having (?:issues|problems|trouble)|comments? (?:are|is) (?:closed|disabled|moderated|"
    r"open)|comment(?:ing)? (?:policy|guidelines|section)|community guidelines|"
    r"to comment\b.*\b(?:sign|log) in|(?:sign|log) in to (?:comment|reply))",
    re.IGNORECASE,
)
_PLEASE = re.compile(r"^(?:please|let us know)\b", re.IGNORECASE)
_COMMENT_LABELS = labels(
    "comments", "comment", "leave a comment", "leave a reply", "reply", "post a comment",
    "add a comment", "join the conversation", "join the discussion", "show comments",
    "view comments", "load comments", "cancel reply", "post comment", "submit comment",
)


@rule("B201", "comment-prompt", stage="remove", category="comments", max_words=30)
def comment_prompt(block: Block) -> str | None:
    """A comment-section prompt ("Leave a comment", "Comments are closed", "7 comments").

    Requires interface wording on a short line and no reporting verb, so news sentences about
    comments ("The minister declined to comment.") are kept.
    """
    text = block.text
    if not is_short(block, 30) or not _COMMENT_WORD.search(text):
        return None
    if block.words <= 4 and label(text) in _COMMENT_LABELS and not text.endswith("?"):
        return "comment-section label"
    if reports(text) and not _PLEASE.match(text):
        return None
    if _COMMENT_UI.search(text) and not (block.words <= 4 and text.endswith("?")):
        return "comment-section prompt"
    return None


_FEEDBACK = re.compile(
    r"^(?:did you (?:make|try|cook|bake) (?:this|one of|it|my|our)|"
    r"(?:please )?(?:rate|review) this (?:recipe|article|post|story|product)|"
    r"(?:was|is|did you find) this (?:article|page|post|answer|information|guide|content|"
    r"story|review|tip|video)s? (?:helpful|useful)|"
    r"(?:please )?(?:take a moment to )?leave a (?:star )?rating|"
    r"how (?:useful|helpful) was this|share your (?:thoughts|story|experience|feedback)|"
    r"how (?:was|did you like|would you rate) this (?:issue|article|post|newsletter|episode|story)|"
    r"we(?:'d| would) love to hear (?:from you|your))",
    re.IGNORECASE,
)
_FEEDBACK_KEYS = ("did you", "rate", "review", "was this", "rating", "how useful", "how helpful",
                  "share your", "love to hear", "how was", "how did", "this content", "feedback")
_FEEDBACK_ANYWHERE = re.compile(r"\bleave a (?:star )?rating\b|\brate this recipe\b", re.IGNORECASE)


_THANKS = re.compile(r"^thanks?(?: you)?(?: so much)? for (?:your|the) (?:feedback|rating|vote)$")


@rule("B202", "feedback-prompt", stage="remove", category="comments", max_words=60)
def feedback_prompt(block: Block) -> str | None:
    """A request for ratings or feedback addressed to the reader.

    Example: "Tried this one? Leave a star rating below!", "Did you find this content helpful?"
    or the widget's answer "Thank you for your feedback!" (a short line that is only that).
    A sentence about ratings in general ("Hotels with a low rating lost bookings.") is kept.
    """
    if not is_short(block, 60) or not mentions(block.text, _FEEDBACK_KEYS):
        return None
    text = block.text
    if _FEEDBACK.search(text) or _FEEDBACK_ANYWHERE.search(text):
        return "request for ratings or feedback"
    if block.words <= 6 and _THANKS.match(label(text)):
        return "feedback widget's thank-you"
    return None


RULES = (comment_prompt, feedback_prompt)
