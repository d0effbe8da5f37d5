"""B5xx: "Read more", "Related" and "Recommended" teasers, and article navigation."""

from __future__ import annotations

import re
from collections.abc import Sequence

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


_BARE_LABELS = labels("related", "recommended", "trending")


def _is_field(text: str, after: int) -> bool:
    """ "Recommended Tyre Pressure: 4 bar": more words, then a colon with a value after it."""
    if text[after - 1 : after] != " ":
        return False  # "Related: ..." or "Related |" is the label itself
    colon = text.find(": ", after)
    return colon > after and bool(text[colon + 2 :].strip())


@rule("B501", "related-link", stage="remove", category="related", max_words=25)
def related_link(block: Block) -> str | None:
    """"Read more", "Related" and "Recommended" teasers and their labels.

    Example: "Related: How the council spends its budget" or "You might also like".
    A sentence that starts "Related to the budget, ..." is long prose and is kept, and so is
    "Recommended Tyre Pressure: 4 bar", a field and its value ("Related reads:" and "Related
    publications" are labels and go).
    """
    if not is_short(block, 25):
        return None
    text = block.text
    if block.words <= 3 and label(text) in _RELATED_LABELS:
        return "related-content label"
    m = _RELATED.match(text)
    if m and label(m.group()) in _BARE_LABELS and _is_field(text, m.end()):
        return None  # "Recommended Tyre Pressure: 4 bar" is a field and its value
    if m and (block.words <= 8 or not text.endswith(".") or text[m.end() - 1 : m.end()] in ":|>»"):
        return "related-content link or teaser"
    return None


_PROSE_END = ('.', '!', '?', ':', ';', '"', '”', '’', '…')
_TAIL_RUN = 3  # link-like lines a run needs at least
# ... and at most: link lists at the foot of a page are short; a longer run is the page's own
# list (a directory, an index), and is left whole
_TAIL_MAX = 36


def _link_like(text: str) -> bool:
    """A short line that does not end like prose: a link or tag, not a sentence or list item."""
    return (
        len(text) <= 60
        and len(text.split()) <= 8
        and not text.endswith(_PROSE_END)
        and not text.startswith(("- ", "* ", "• "))
        and not text[:1].isdigit()
    )


@rule("B502", "link-list-tail", stage="remove", category="related", max_words=8)
def link_list_tail(block: Block) -> str | None:
    """A run of short link-like lines that ends the document: tags, categories, teaser titles.

    Example (last lines): "Cycling", "City council", "Transport", "Urban planning". Only when
    every line from here to the end is link-like, the run has 3+ lines, and a paragraph of
    prose comes before it, so an article that is itself a list is not emptied. List items
    ("- ...") and numbered lines are never taken. A closing parenthesis does not end prose:
    service menus read "Cognitive Behavioral Therapy (CBT)".

    A line that another rule of the catalogue removes ("Comments are closed.") does not break
    the run: cleaning the output again would find the run whole, so it is judged whole now.
    """
    if not _link_like(block.text):
        return None
    run = _tail_run(block.blocks)
    if run is None or block.index not in run:
        return None
    return "run of short link-like lines at the end of the page"


# (the blocks sequence last seen, the indices its tail run removes): one tuple, read and
# replaced whole, so a thread never pairs one document's blocks with another's answer
_tail_memo: list[tuple[Sequence[str] | None, frozenset[int] | None]] = [(None, None)]


def _tail_run(blocks: Sequence[str]) -> frozenset[int] | None:
    """The link-like lines of the run that ends the document, when the run qualifies.

    Walks back from the last line over link-like lines and lines other rules remove; counts
    only the link-like ones (3 to 36 of them, all taken) and wants a story paragraph of 12+
    words right before the run. The whole run goes at once, so cleaning the output again finds
    no run (taking only its last lines left the rest to the next cleaning). Asking the other
    rules is the costly step, so the walk stops as soon as too few link-like lines remain to
    make a run (most articles end in prose).
    """
    seen, run = _tail_memo[0]
    if seen is blocks:
        return run
    like = [_link_like(t) for t in blocks]
    ahead = sum(like)  # link-like lines not yet walked over
    links: list[int] = []
    j = len(blocks) - 1
    while j >= 0:
        if like[j]:
            links.append(j)
            ahead -= 1
            if len(links) > _TAIL_MAX:
                break  # too long for a foot-of-page list: no run
        elif len(links) + ahead < _TAIL_RUN:
            break  # too few link-like lines left for a run: no need to ask the other rules
        elif not _removed_by_others(blocks, j):
            break
        j -= 1
    result = None
    if _TAIL_RUN <= len(links) <= _TAIL_MAX and j >= 0 and len(blocks[j].split()) >= 12:
        result = frozenset(links)
    _tail_memo[0] = (blocks, result)
    return result


def _removed_by_others(blocks: Sequence[str], index: int) -> bool:
    """Would another rule of the catalogue remove this line? (Then it will be gone.)"""
    from cleaner.plugins.boilerplate import RULES  # the catalogue imports this module

    text = blocks[index]
    block = Block(text, 0, len(text), index, blocks)
    for r in RULES:
        if r.code == "B502":
            continue
        try:
            if r.check(block):
                return True
        except Exception:
            continue
    return False


_SOURCES_HEADING = re.compile(
    r"^(?:article |story |page )?sources(?: (?:and|&) (?:further reading|links))?\s*:?$",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"https?://|\bdoi\b|\baccessed\b|\bretrieved\b|\bet al\b|\(\d{4}\)|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_SOURCES_WINDOW = 40  # a source list longer than this is the document, not its foot
# (the blocks sequence last seen, where its source list starts): one tuple, read and replaced
# whole, so a thread never pairs one document's blocks with another's answer
_sources_memo: list[tuple[Sequence[str] | None, int | None]] = [(None, None)]


def _source_list_start(blocks: Sequence[str]) -> int | None:
    """Index of a "Sources" heading that starts a citation list running to the end, if any.

    Computed once per document; the memo keeps the ``blocks`` sequence itself, so an identity
    test can never mistake a new document for the last one.
    """
    seen, start = _sources_memo[0]
    if seen is blocks:
        return start
    found = None
    n = len(blocks)
    for h in range(max(1, n - _SOURCES_WINDOW), n - 2):
        if len(blocks[h]) <= 40 and _SOURCES_HEADING.match(blocks[h].strip()):
            rest = blocks[h + 1 :]
            cited = sum(1 for t in rest if len(t) <= 600 and _CITATION.search(t))
            if cited >= 0.8 * len(rest):
                found = h
                break
    _sources_memo[0] = (blocks, found)
    return found


@rule("B503", "source-list-tail", stage="remove", category="related")
def source_list_tail(block: Block) -> str | None:
    """A "Sources" list that ends the page: the site's citation links, not story.

    Example (last lines): "Article Sources", then "- "2025 Benchmark Study." Example Bank,
    https://example.com/study. Accessed 11 Apr. 2025." Only when the heading stands alone
    within the last 40 lines, at least two lines follow it, and four in five of them cite
    (a link, a DOI, "accessed", "et al", a year). A "Sources" heading over prose stays, and so
    does a "References" list: in a paper or essay the bibliography is part of the work.
    """
    if block.from_end >= _SOURCES_WINDOW or block.index == 0:
        return None
    start = _source_list_start(block.blocks)
    if start is not None and block.index >= start:
        return "list of sources at the end of the page"
    return None


RULES = (related_link, link_list_tail, source_list_tail)
