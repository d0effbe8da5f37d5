"""B5xx: "Read more", "Related" and "Recommended" teasers, and article navigation."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import is_short, label, labels
from cleaner.rules import Block, rule

_RELATED = re.compile(
    r"^(?:read more|read next|read also|related(?: articles?| stories| posts?| coverage| content|"
    r" news| links?| reading| topics| guides?)?|browse related\b|"
    r"recommended(?: for you| stories| reading| articles| posts)?|see also|"
    r"more on this (?:story|topic)|also read|also see|must read|most (?:read|popular|viewed|shared)|"
    r"you (?:may|might|will) also (?:like|enjoy|be interested in)|more from\b|top stories|"
    r"what to read next|continue reading|watch:|listen:|latest (?:news|posts|articles|stories)|"
    r"trending(?: now| stories| articles)?|popular (?:posts|articles|stories)|"
    r"(?:previous|next|prev) (?:article|post|story|page)|back to (?:blog|blogs|news|articles|all)\b|"
    r"further reading|keep reading|more (?:stories|articles|posts|news|reading)\b|"
    r"(?:check out|don'?t miss|see) (?:our|these|more|also)\b.{0,40}(?:articles?|posts?|guides?|stories)\b)"
    r"(?!\w)\s*[:|>»\-–—]?",
    re.IGNORECASE,
)
_RELATED_LABELS = labels("related", "recommended", "trending", "popular", "more", "next", "previous",
                         "prev", "older posts", "newer posts", "see all", "view all", "load more",
                         "show more", "read the full story", "full story", "up next",
                         "recent posts", "recent articles", "recent stories", "recent news")


@rule("B501", "related-link", stage="remove", category="related")
def related_link(block: Block) -> str | None:
    """"Read more", "Related" and "Recommended" teasers and their labels.

    Example: "Related: How the council spends its budget" or "You might also like".
    A sentence that starts "Related to the budget, ..." is long prose and is kept.
    """
    if not is_short(block, 25):
        return None
    text = block.text
    if block.words <= 3 and label(text) in _RELATED_LABELS:
        return "related-content label"
    m = _RELATED.match(text)
    if m and (block.words <= 8 or not text.endswith(".") or text[m.end() - 1 : m.end()] in ":|>»"):
        return "related-content link or teaser"
    return None


_PROSE_END = ('.', '!', '?', ':', ';', '"', '”', '’', '…')
_TAIL_WINDOW = 12  # link lists at the foot of a page are short; the rule looks no further
_TAIL_RUN = 3


def _link_like(text: str) -> bool:
    """A short line that does not end like prose: a link or tag, not a sentence or list item."""
    return (
        len(text) <= 60
        and len(text.split()) <= 8
        and not text.endswith(_PROSE_END)
        and not text.startswith(("- ", "* ", "• "))
        and not text[:1].isdigit()
    )


@rule("B502", "link-list-tail", stage="remove", category="related")
def link_list_tail(block: Block) -> str | None:
    """A run of short link-like lines that ends the document: tags, categories, teaser titles.

    Example (last lines): "Cycling", "City council", "Transport", "Urban planning". Only when
    every line from here to the end is link-like, the run has 3+ lines, and a paragraph of
    prose comes before it, so an article that is itself a list is not emptied. List items
    ("- ...") and numbered lines are never taken. A closing parenthesis does not end prose:
    service menus read "Cognitive Behavioral Therapy (CBT)".
    """
    if block.from_end >= _TAIL_WINDOW or not _link_like(block.text):
        return None
    blocks = block.blocks
    if not all(_link_like(t) for t in blocks[block.index + 1 :]):
        return None
    start = block.index
    while start > 0 and _link_like(blocks[start - 1]):
        start -= 1
    if len(blocks) - start < _TAIL_RUN or start == 0:
        return None
    if len(blocks[start - 1].split()) < 12:
        return None  # no story paragraph before the run: maybe the story is a list
    return "run of short link-like lines at the end of the page"


RULES = (related_link, link_list_tail)
