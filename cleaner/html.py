"""The HTML path: drop page furniture with BeautifulSoup, then extract the article with trafilatura.

Extractors judge text density; they still let through the boxes a news page wraps around its
story (photo captions, share bars, newsletter forms, "Related" lists, comment threads, author
boxes), because those boxes sit inside the article container. Their markup says what they are,
so before extraction we drop elements by tag, ARIA role and class/id tokens, and report each
drop as a :class:`~cleaner.document.Removal` with ``stage="html"`` and an H code mirroring the B
families (H1xx captions, H2xx comments, ...). The extracted text then goes through the same
text rules as any plain-text input.

An element is never dropped when it holds most of the page's text or a large share of its
paragraph prose: a ``<body class="... comments-open">``, an article container whose class
mentions sharing, or a story placed in a ``<nav>``-like sidebar block is the story itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cleaner.config import Config
from cleaner.document import Removal


@dataclass(frozen=True)
class Extracted:
    text: str
    removed: list[Removal] = field(default_factory=list)  # elements dropped before extraction


@dataclass(frozen=True)
class HtmlRule:
    """One pre-extraction rule: a code, a category, a reason and what it matches."""

    code: str
    category: str
    reason: str
    tags: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    tokens: re.Pattern[str] | None = None  # searched in each class/id value, lowercased


def _tokens(*words: str) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as a whole ``-``/``_``-separated part of a class/id.

    >>> bool(_tokens("share").search("post-share-bar")), bool(_tokens("share").search("shared"))
    (True, False)
    """
    return re.compile(r"(?:^|[-_\s])(?:" + "|".join(words) + r")(?:$|[-_\s])")


HTML_RULES: tuple[HtmlRule, ...] = (
    HtmlRule("H101", "caption", "image caption or credit element", frozenset({"figcaption"}),
             tokens=_tokens("wp-caption-text", "caption", "image-credit", "photo-credit",
                            "media-credit", "credit")),
    HtmlRule("H201", "comments", "comment section", roles=frozenset({"comment"}),
             tokens=_tokens("comments?", "comment-list", "commentlist", "comment-respond",
                            "respond", "disqus(?:_thread)?", "discussion", "replies")),
    HtmlRule("H301", "share", "share or follow widget",
             tokens=_tokens("share", "shares", "sharing", "sharedaddy", "share-buttons",
                            "social", "social-share", "social-links", "addthis", "addtoany",
                            "a2a_kit", "follow-us", "sociallinks")),
    HtmlRule("H401", "newsletter", "newsletter or subscription box",
             tokens=_tokens("newsletter", "newsletters", "subscribe", "subscription",
                            "signup", "sign-up", "optin", "opt-in", "mailchimp", "mc4wp",
                            "paywall", "piano")),
    HtmlRule("H501", "related", "related or recommended links",
             tokens=_tokens("related", "related-posts", "related-articles", "recommended",
                            "recommendations", "more-stories", "read-more", "readmore",
                            "also-read", "read-next", "trending", "most-read", "most-popular",
                            "popular-posts", "yarpp", "jp-relatedposts", "outbrain", "taboola",
                            "breadcrumbs?", "tags?", "tag-list", "post-tags", "tagcloud",
                            "categories", "post-navigation", "pagination", "nav-links")),
    HtmlRule("H601", "advertising", "advertising slot",
             tokens=_tokens("ad", "ads", "advert", "adverts", "advertisement", "adsbygoogle",
                            "ad-slot", "ad-container", "ad-wrapper", "dfp", "sponsor",
                            "sponsored", "promo")),
    HtmlRule("H701", "cookies", "cookie or consent banner",
             tokens=_tokens("cookie", "cookies", "cookie-notice", "cookie-banner", "consent",
                            "gdpr")),
    HtmlRule("H801", "forms", "form or interactive widget",
             frozenset({"form", "select", "input", "textarea"}),
             roles=frozenset({"alertdialog", "search"})),
    HtmlRule("H901", "author", "author bio box",
             tokens=_tokens("author-bio", "author-box", "authorbox", "about-author",
                            "author-info", "author-card", "author-description", "bio",
                            "byline-bio")),
    HtmlRule("H902", "other", "sidebar, navigation or page furniture",
             frozenset({"nav"}), roles=frozenset({"navigation"}),
             tokens=_tokens("sidebar", "skip-link", "screen-reader-text", "sr-only",
                            "visually-hidden")),
)

_KEEP = frozenset({"html", "body", "main", "article", "h1", "h2", "h3", "h4", "h5", "h6"})
_CODE_TAGS = frozenset({"pre", "code"})
_SLUG_PARTS = 5  # "what-share-of-adults-report" is a heading's slug id, not a widget name
_SPACE = re.compile(r"\s+")


def _rule_is_on(code: str, config: Config) -> bool:
    """``--ignore H`` / ``--ignore H2`` / ``--ignore H201`` turn HTML rules off like text rules."""
    return not any(s.strip() and code.startswith(s.strip().upper()) for s in config.ignore)


def _attr_values(tag: Any) -> Iterator[str]:
    for name in ("class", "id"):
        value = tag.get(name)
        if not value:
            continue
        for item in value if isinstance(value, list) else [value]:
            if item.count("-") + item.count("_") < _SLUG_PARTS - 1:
                yield item.lower()


def _match(tag: Any, rules: tuple[HtmlRule, ...]) -> HtmlRule | None:
    name = tag.name
    role = (tag.get("role") or "").lower()
    values = None
    for r in rules:
        if name in r.tags or (role and role in r.roles):
            return r
        if r.tokens is not None:
            if values is None:
                values = list(_attr_values(tag))
            if any(r.tokens.search(v) for v in values):
                return r
    return None


def _text(tag: Any) -> str:
    return _SPACE.sub(" ", tag.get_text(" ")).strip()


_PROSE_PARAGRAPH = 80  # characters: a <p> this long is story prose, not a link or a label
_PROSE_SHARE = 0.4


def _prose(tag: Any) -> int:
    """Characters of paragraph prose inside ``tag`` (``<p>`` elements of 80+ characters)."""
    paragraphs = [tag] if tag.name == "p" else tag.find_all("p")
    lengths = (len(p.get_text()) for p in paragraphs)
    return sum(n for n in lengths if n >= _PROSE_PARAGRAPH)


def preclean(html: str, config: Config) -> tuple[str, list[Removal]]:
    """Drop furniture elements; return the page as HTML again and what was dropped.

    >>> page = '<html><body><article><p>Story text here.</p><figcaption>A cat (Photo: AP)</figcaption></article></body></html>'
    >>> _, removed = preclean(page, Config())
    >>> [(r.rule, r.text) for r in removed]
    [('H101', 'A cat (Photo: AP)')]
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    total = max(len(_text(body)), 1)
    page_prose = _prose(body)
    rules = tuple(r for r in HTML_RULES if _rule_is_on(r.code, config))
    removed: list[Removal] = []
    for tag in list(body.find_all(True)):
        if tag.decomposed or tag.name in _KEEP or tag.parent is None:
            continue
        hit = _match(tag, rules)
        if hit is None:
            continue
        if tag.find_parent(_CODE_TAGS) is not None:
            continue  # syntax highlighting uses classes such as "comment"
        text = _text(tag)
        if len(text) > 0.5 * total and len(text) > 400:
            continue  # the element holds most of the page: it is the story, whatever its class
        prose = _prose(tag)
        if prose >= 400 and prose >= _PROSE_SHARE * page_prose:
            continue  # it holds much of the page's paragraph prose: a story in a mislabelled box
        if text:
            removed.append(Removal(None, None, text, hit.code, hit.category, hit.reason, "html"))
        tag.decompose()
    return str(soup), removed


_EXTRACT_OPTIONS: dict[str, Any] = {
    "output_format": "txt",
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "with_metadata": False,
    "deduplicate": False,
}


def extract_article(html: str, config: Config) -> Extracted:
    """Main text of a page, one paragraph per line; empty when the page has none.

    ``config.options``: ``html_preclean=False`` skips the BeautifulSoup step;
    ``trafilatura={...}`` runs one extraction with those options instead of :func:`_choose`.
    """
    import trafilatura

    removed: list[Removal] = []
    page = html
    if config.options.get("html_preclean", True):
        page, removed = preclean(html, config)
    text = _extract(trafilatura, page, config)
    if not text and page is not html:  # cleaning took too much: fall back to the raw page
        text = _extract(trafilatura, html, config)
        removed = []
    return Extracted(text, removed)


_RECALL_GAIN = 1.2  # favor_recall must find 20% more text to be trusted over the default
_PRECISION_KEEP = 0.8  # favor_precision may drop at most 20% of the default's text


def _extract(trafilatura: Any, page: str, config: Config) -> str:
    chosen = config.options.get("trafilatura")
    if chosen:
        return trafilatura.extract(page, **dict(_EXTRACT_OPTIONS, **chosen)) or ""
    return _choose(lambda **mode: trafilatura.extract(page, **_EXTRACT_OPTIONS, **mode) or "")


def _choose(extract: Callable[..., str]) -> str:
    """Pick among trafilatura's modes by how much text each finds on the cleaned page.

    The default mode sometimes cuts a story short; ``favor_recall`` then finds much more and
    is kept. Otherwise ``favor_precision`` is kept when it loses little (it drops the teaser
    and sign-up lines the default lets through), else the default. Chosen on the WCXB dev
    half (even ids) with ``benchmarks/bench_boilerplate.py``: same word F1 as always taking the
    longer of default and recall, with a third fewer boilerplate leaks.
    """
    default = extract()
    recall = extract(favor_recall=True)
    if len(recall) > _RECALL_GAIN * len(default):
        return recall
    precision = extract(favor_precision=True)
    if precision and len(precision) >= _PRECISION_KEEP * len(default):
        return precision
    return default

