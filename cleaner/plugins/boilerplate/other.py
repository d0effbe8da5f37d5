"""B9xx: author bios, bylines and post metadata, navigation labels, template filler."""

from __future__ import annotations

import re

from cleaner.plugins.boilerplate._common import DATE, MONTH, label, labels, near_edge
from cleaner.rules import Block, rule

_NAME = r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|la|le)){1,3}"  # two words or more
_ROLE = (
    r"(?:writer|editor|journalist|reporter|contributor|author|correspondent|columnist|"
    r"freelancer|blogger|producer|photographer|founder|co-founder|ceo|cto|analyst|expert|"
    r"strategist|consultant|researcher|specialist|marketer|manager|director|lead|head|"
    r"designer|developer|engineer|host|creator|professor|student|nutritionist|dietitian|"
    r"coach|tester|reviewer|owner|physician|doctor|therapist|attorney|lawyer|chef|partner|"
    r"president|officer|scientist|teacher|educator|advis[eo]r|planner|broker|agent|practitioner)"
)
_BIO = re.compile(
    rf"^(?:(?i:about the (?:author|writer|reporter)s?)\b|"
    rf"(?:(?:Mr|Mrs|Ms|Dr)\.? )?{_NAME}(?:,? (?:[A-Z][A-Za-z]*\.?)+)*,? "
    rf"(?:is|was|has been|serves as|works as) (?:a|an|the|our)\b[^.]{{0,120}}\b(?i:{_ROLE})s?\b|"
    rf"(?:this (?:post|article|story|piece|guide) (?:was )?(?:written|reported|contributed) by)\b|"
    rf"{_NAME},? (?:is )?(?:a |an |the )?(?:[\w-]+ ){{0,4}}(?i:{_ROLE}) (?:at|for|with) )",
)
_BIO_LABELS = labels("about the author", "about the authors", "about the writer", "author bio",
                     "meet the author", "author", "authors", "written by", "more by this author",
                     "view all posts", "see all articles", "more articles by this author")


@rule("B901", "author-bio", stage="remove", category="author", max_words=150)
def author_bio(block: Block) -> str | None:
    """An author-bio box at the top or bottom of the page.

    Example (last lines): "Maria Costa is a senior editor at Example Daily who covers
    travel." Position is the evidence: the same sentence in mid-story is reporting. Under an
    "About the author" heading among the last 15 lines, every line to the end is the box
    (name, job titles, bio), as long as none is a long paragraph.
    """
    if block.words > 150:
        return None
    if block.from_end < _BIO_SECTION and _under_bio_heading(block):
        return "author-bio box (under an 'About the author' heading)"
    if not near_edge(block, lead=2, tail=5):
        return None
    text = block.text
    if block.words <= 6 and label(text) in _BIO_LABELS:
        return "author-bio label"
    if _BIO.match(text):  # anchored: match, not a search that retries at every position
        return "author bio"
    if block.from_end < 5 and block.index > block.count // 2 and _GREETING.match(text):
        return "author bio (self-introduction at the foot of the page)"
    return None


_BIO_SECTION = 15
_BIO_HEADINGS = labels("about the author", "about the authors", "about the writer",
                       "meet the author", "author bio", "about the reporter")


def _under_bio_heading(block: Block) -> bool:
    """This line is a bio heading or sits under one, and no line after the heading is long."""
    blocks = block.blocks
    for i in range(block.index, max(-1, block.count - 1 - _BIO_SECTION), -1):
        text = blocks[i]
        if len(text) <= 30 and label(text) in _BIO_HEADINGS:
            return i + 1 < len(blocks) and all(len(t.split()) <= 150 for t in blocks[i + 1 :])
    return False


_GREETING = re.compile(r"^(?:hi|hello|hey),? (?:I['’]m|my name is) [A-Z]", re.IGNORECASE)


_READING_TIME = re.compile(
    r"^(?:(?:estimated )?reading time:?\s*)?\d+\s*(?:-|–|to)?\s*(?:\d+\s*)?"
    r"(?:min(?:ute)?s?|mins?)\.?\s+(?:read|reading|read time|reading time|to read)$"
    r"|^(?:estimated )?reading time:?\s*\d+\s*(?:min(?:ute)?s?|mins?)$",
    re.IGNORECASE,
)
_META = re.compile(
    r"^(?:(?:posted|published|updated|last updated|last modified|written|reviewed|"
    r"medically reviewed|fact[- ]checked|edited|originally published|first published)"
    r"(?: by| on| at| in|:|\s+(?=\d|" + MONTH + r"))|by\s+" + _NAME + r"\s*(?:$|[|,•·]|on\b|and\b|\d))",
    re.IGNORECASE,
)


_DATE_LINE_REST = re.compile(  # what may sit next to a date on a date line
    r"^[\W\d_]*(?:(?:am|pm|utc|gmt|[ecmp][sd]?t|updated|published|posted|on|at|min|mins|minutes?|"
    r"read|date)\b[\W\d_]*)*$",
    re.IGNORECASE,
)


_DATED_BYLINE = re.compile(r"^\s*(?:[|•·,-]\s*)?by\s+" + _NAME + r"\s*$")  # after "11/12/2025 "


@rule("B902", "post-meta", stage="remove", category="other", max_words=14)
def post_meta(block: Block) -> str | None:
    """Bylines, datelines and reading times above or below the story.

    Examples: "By Jane Roe | March 3, 2024", "Published June 2, 2025 10:39AM", "6 min read",
    "Dec 18, 2025 · 10 min read", "11/12/2025 by Jane Roe" (a date, then the byline).
    A sentence that starts "Published in 1990, the novel ..." is long and has no date line
    shape, so it stays.
    """
    if block.words > 14:
        return None
    text = block.text
    if _READING_TIME.match(label(text)):
        return "reading time"
    if (
        block.words <= 8
        and not text.startswith("|")  # a table row, not a date line
        and not text.endswith(":")  # "2025-12-19:" heads a changelog entry
        and DATE.search(text)
        and _DATE_LINE_REST.match(DATE.sub(" ", text))
    ):
        return "date line"
    if block.words <= 8 and " by " in text:
        m = DATE.match(text.lstrip("|•·- "))
        if m and _DATED_BYLINE.match(text.lstrip("|•·- ")[m.end():]):
            return "date and byline"
    if not _META.match(text):
        return None
    if block.words <= 6:
        return "byline or post date"
    dated = DATE.search(text) or text.lower().startswith("by ")
    if dated and not text.endswith((".", "?", "!")):
        return "byline or post date"
    return None


_NAV_LABELS = labels(
    "home", "menu", "main menu", "search", "skip to content", "skip to main content",
    "skip navigation",
    "skip to navigation", "toggle navigation", "open menu", "close menu", "close",
    "table of contents", "in this article", "on this page", "jump to",
    "back to top", "scroll to top", "go to top", "tags", "tagged", "tags:", "topics",
    "categories", "category", "filed under", "posted in", "blog", "blogs", "news", "about",
    "about us", "contact", "contact us", "contact info", "help", "careers",
    "toggle", "expand", "collapse", "show", "hide", "loading", "breadcrumb", "you are here",
)


_PAGINATION = re.compile(r"^page \d+ (?:of|/) \d+$", re.IGNORECASE)
# An in-page link on its own line: "Jump to Recipe", "Skip to the list", "Scroll to comments ↓"
# (not "Jump to a section:", which introduces the page's table of contents).
_JUMP = re.compile(r"^(?:jump|skip|scroll|go) to (?:the )?[\w'’ -]{2,30}[\s↓⬇»›>]*$", re.IGNORECASE)


@rule("B903", "navigation-label", stage="remove", category="other", max_words=25)
def navigation_label(block: Block) -> str | None:
    """A site-navigation label on its own line ("Home", "Skip to content", "Back to top").

    Only a line that is exactly the label goes; "Home prices rose again" stays. A pagination
    label ("Page 1 of 8") and a link within the page ("Jump to Recipe") are ones too. Also a
    breadcrumb trail in the first three lines: "Home > News > Transport" or "Computer Science >
    Artificial Intelligence" (capitalised labels between arrows, no sentence punctuation).
    """
    if block.words <= 5 and label(block.text) in _NAV_LABELS:
        return "navigation label"
    if block.words <= 5 and _PAGINATION.match(block.text):
        return "pagination label"
    if block.words <= 5 and _JUMP.match(block.text):
        return "link to another part of the page"
    if block.index < 3 and block.words <= 25 and _is_breadcrumb(block.text):
        return "breadcrumb trail"
    return None


_CRUMB_SEP = re.compile(r" (?:>|»|›|/) ")


def _is_breadcrumb(text: str) -> bool:
    """"Home > News > Transport": short labels joined by arrows, the last may be the title."""
    if not any(c in text for c in ">»›") or text.endswith((".", "!", "?", ";", ",")):
        return False
    parts = _CRUMB_SEP.split(text.strip())
    if len(parts) < 2 or not any(c in text for c in (" > ", " » ", " › ")):
        return False
    if not all(p[:1].isalpha() and p[:1].upper() == p[:1] for p in parts):
        return False  # "x > 3 and y > 4" is maths, not a trail of labels
    return all(len(p.split()) <= 6 for p in parts[:-1]) and len(parts[-1].split()) <= 15


_PUBLISHER = re.compile(
    r"^(?:this (?:story|article|piece|report)\b.{0,100}\bwas (?:written|produced|reported|"
    r"published|originally published)\b.{0,80}\b(?:by|in|on)\b|"
    r"[\w.&'’ -]{2,40} is (?:a|an) (?:production|publication|project|product|service|division|"
    r"subsidiary|member) of\b)",
    re.IGNORECASE,
)


@rule("B904", "publisher-blurb", stage="remove", category="other", max_words=70)
def publisher_blurb(block: Block) -> str | None:
    """A line about the publication rather than the story, at the foot of the page.

    Examples: "Harbour Notes is a production of Kessel Media." and "This story about ferry
    fares was produced by The Coastal Ledger, an independent newsroom." Only among the last
    lines: mid-story, "The show is a production of the BBC" is reporting.
    """
    if block.from_end >= 4 or block.words > 70:
        return None
    if _PUBLISHER.search(block.text):
        return "note about the publisher"
    return None


# "Lorem ipsum" opening a line: as the line itself ("Lorem ipsum", "- Lorem ipsum 2") or as the
# start of the filler paragraph ("Lorem ipsum dolor sit amet, ...").
_FILLER = re.compile(r"^\W*lorem ipsum(?:\W*\d*\W*$|\s+dolor\b)", re.IGNORECASE)


@rule("B905", "placeholder-text", stage="remove", category="other", max_words=300)
def placeholder_text(block: Block) -> str | None:
    """Template filler a page went out with: "Lorem ipsum dolor sit amet, consectetur ..."
    paragraphs and the headings or list items made of it ("Lorem ipsum 1").

    Only a line that opens with the filler: an article about it ("Designers have used lorem
    ipsum since the 1960s") mentions it inside a sentence.
    """
    if block.words <= 300 and _FILLER.match(block.text):
        return "placeholder text left in the page template"
    return None


RULES = (author_bio, post_meta, navigation_label, publisher_blurb, placeholder_text)
