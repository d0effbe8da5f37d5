"""The HTML path: drop page furniture from the parsed page, then extract the article with trafilatura.

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

How it runs, and why (numbers: WCXB dev corpus, CPU time, same run as ``trafilatura.extract``):

* The page is parsed once, by trafilatura's own ``load_html`` (lxml/libxml2, no entity
  expansion, no network, no ``huge_tree``: libxml2 keeps its nesting limit of 256), and the
  cleaned tree is handed straight to ``trafilatura.extract``.
* One walk over the tree (:func:`_scan`) sums text length and paragraph prose bottom-up on a
  stack, so the guards cost one visit per node at any depth; matched elements are then dropped
  in document order, skipping those inside an element already dropped.
* beautifulsoup4 is no longer used here. It builds a Python object per node, and the former
  guards walked each matched element's subtree again (``get_text``, ``find_all("p")``,
  ``find_parent``); hostile pages (100,000 nested ``<div>``, nested tables, ``<template>``)
  did not finish in 10 s. On 200 WCXB pages, one process, against ``trafilatura.extract``
  alone: the BeautifulSoup pre-clean took 1.73x, and with two or three extractions per page
  ``extract_article`` took 4.0x; parsing and pre-cleaning on lxml take 0.23x, and
  ``extract_article`` as a whole 0.99x (trafilatura works faster on the cleaned tree).
* One extraction in the default mode, a second (``favor_recall``, kept when it finds 20% more)
  only when the default text is under 90% of the page's paragraph prose (:func:`_extract`).
  Measured on the dev half (even ids), text rules included: default only F1 0.9454, leak
  2.31%; gated at 0.9 F1 0.9471 (10% of pages extracted twice, +0.06x trafilatura's time);
  gated at 1.0 F1 0.9480 (+0.12x: the HTML pipeline then measured 1.28x trafilatura alone in
  ``benchmarks/bench_speed.py``, too close to the 1.3x budget); always both 0.9494; the former
  three-mode choice F1 0.9500, leak 1.95%, at twice the extraction time. That choice is kept
  behind ``options={"html_choose": True}``. Counting the prose left after the drops instead
  of before gave no better trade-off.
* Where the default loses most is lists: it keeps one container and leaves out the feature
  lists, pros and cons or key facts set beside it, which ``favor_recall`` picks up. So the
  second extraction also runs when list items of 30+ characters missing from the default text
  add up to 15% of it (:func:`_missed_items`), and the prose gate moves to 80%; it runs
  with ``fast=True`` (no readability/justext comparison, which recall mode skips on long
  texts anyway: the same F1, a cheaper run). All pages (dev / held-out), text rules
  included: F1 0.9458 -> 0.9489 (0.9482 -> 0.9504 / 0.9434 -> 0.9473) with the threshold at
  a quarter (second run on 16% of pages instead of 13%); at 15% (about 20% of pages), with
  the H401/H601/H902 tokens added since, 0.9498 -> 0.9502 (0.9511 -> 0.9514 / 0.9485 ->
  0.9491). Side by side on 120 pages, the HTML pipeline took 1.23-1.26x the time of
  ``trafilatura.extract`` alone, against 1.20-1.23x before the list gate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
    HtmlRule("H401", "newsletter", "newsletter, subscription or call-to-action box",
             tokens=_tokens("newsletter", "newsletters", "subscribe", "subscription",
                            "signup", "sign-up", "optin", "opt-in", "mailchimp", "mc4wp",
                            "paywall", "piano", "cta", "call-to-action")),
    HtmlRule("H501", "related", "related or recommended links",
             tokens=_tokens("related", "related-posts", "related-articles", "recommended",
                            "recommendations", "more-stories", "read-more", "readmore",
                            "also-read", "read-next", "trending", "most-read", "most-popular",
                            "popular-posts", "yarpp", "jp-relatedposts", "outbrain", "taboola",
                            "breadcrumbs?", "tags?", "tag-list", "post-tags", "tagcloud",
                            "categories", "post-navigation", "pagination", "nav-links")),
    HtmlRule("H601", "advertising", "advertising slot or advertiser disclosure",
             tokens=_tokens("ad", "ads", "advert", "adverts", "advertisement", "adsbygoogle",
                            "ad-slot", "ad-container", "ad-wrapper", "dfp", "sponsor",
                            "sponsored", "promo", "disclaimer", "disclosure")),
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
    HtmlRule("H902", "other", "sidebar, menu, pop-up or other page furniture",
             frozenset({"nav"}), roles=frozenset({"navigation"}),
             tokens=_tokens("menu", "modal", "sidebar", "skip-link", "screen-reader-text",
                            "sr-only", "visually-hidden")),
)

_KEEP = frozenset({"html", "body", "main", "article", "h1", "h2", "h3", "h4", "h5", "h6"})
_CODE_TAGS = frozenset({"pre", "code"})
_NO_TEXT = frozenset({"script", "style", "template"})  # BeautifulSoup's get_text skipped these too
_SPACE = re.compile(r"\s+")
_SLUG_PARTS = 5  # "what-share-of-adults-report" is a heading's slug id, not a widget name

_PROSE_PARAGRAPH = 80  # characters: a <p> this long is story prose, not a link or a label
_PROSE_SHARE = 0.4


def _rule_is_on(code: str, config: Config) -> bool:
    """``--ignore H`` / ``--ignore H2`` / ``--ignore H201`` turn HTML rules off like text rules."""
    return not any(s.strip() and code.startswith(s.strip().upper()) for s in config.ignore)


_ANY_TOKEN = re.compile("|".join(r.tokens.pattern for r in HTML_RULES if r.tokens is not None))
_VALUE_CACHE: dict[str, tuple[str, ...]] = {}  # class or id attribute -> codes of matching rules


def _value_codes(value: str, split: bool) -> tuple[str, ...]:
    """Codes of the token rules matching a class (``split``: one per word) or id attribute.

    Memoised: a page repeats the same class strings on many elements.
    """
    key = ("c:" if split else "i:") + value
    codes = _VALUE_CACHE.get(key)
    if codes is None:
        found = set()
        for item in value.split() if split else [value]:
            if item.count("-") + item.count("_") >= _SLUG_PARTS - 1:
                continue
            low = item.lower()
            if _ANY_TOKEN.search(low):
                found.update(r.code for r in HTML_RULES
                             if r.tokens is not None and r.tokens.search(low))
        codes = tuple(found)
        if len(_VALUE_CACHE) > 100_000:
            _VALUE_CACHE.clear()
        _VALUE_CACHE[key] = codes
    return codes


@dataclass(frozen=True)
class _Matcher:
    """The enabled rules indexed by tag, role and code; a lower rank wins, as in rule order."""

    rules: tuple[HtmlRule, ...]
    by_tag: dict[str, int]
    by_role: dict[str, int]
    by_code: dict[str, int]

    @classmethod
    def of(cls, rules: tuple[HtmlRule, ...]) -> _Matcher:
        by_tag: dict[str, int] = {}
        by_role: dict[str, int] = {}
        for rank, r in enumerate(rules):
            for t in r.tags:
                by_tag.setdefault(t, rank)
            for role in r.roles:
                by_role.setdefault(role, rank)
        by_code = {r.code: rank for rank, r in enumerate(rules) if r.tokens is not None}
        return cls(rules, by_tag, by_role, by_code)

    def match(self, el: Any) -> HtmlRule | None:
        """The first rule (in rule order) matching the element's tag, role, class or id."""
        best = self.by_tag.get(el.tag, 99)
        role = el.get("role")
        if role:
            best = min(best, self.by_role.get(role.lower(), 99))
        for name, split in (("class", True), ("id", False)):
            value = el.get(name)
            if value:
                for code in _value_codes(value, split):
                    best = min(best, self.by_code.get(code, 99))
        return self.rules[best] if best < 99 else None


def _element_text(el: Any) -> str:
    """Text of ``el`` as BeautifulSoup's ``get_text(" ")`` gave it, whitespace collapsed."""
    from lxml import etree

    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.text and node.tag not in _NO_TEXT:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return _SPACE.sub(" ", " ".join(parts)).strip()


@dataclass
class _Candidate:
    element: Any
    rule: HtmlRule
    start: int  # preorder index of the element
    end: int = 0  # preorder index past its last descendant
    length: int = 0  # characters of text, whitespace collapsed (about)
    prose: int = 0  # characters in <p> of 80+ characters


def _scan(body: Any, matcher: _Matcher) -> tuple[list[_Candidate], int, int]:
    """One linear walk: the elements some rule matches, with their text and prose sizes.

    Returns the candidates in document order, the body's text length and its paragraph prose.
    Sizes are summed bottom-up on a stack (no per-element subtree walks), so the cost is one
    visit per node whatever the nesting depth.
    """
    from lxml import etree

    # per open element: [collapsed length, raw length, prose, candidate or None, tag]
    stack: list[list[Any]] = [[0, 0, 0, None, None]]
    found: list[_Candidate] = []
    count = code_depth = 0
    join = " ".join
    match = matcher.match
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if not isinstance(tag, str):
                continue
            text = el.text
            frame = [0, 0, 0, None, tag]
            if text and tag not in _NO_TEXT:
                frame[0] = len(join(text.split())) + 1  # whitespace runs collapsed
                frame[1] = len(text)
            if tag in _CODE_TAGS:
                code_depth += 1
            elif not code_depth and tag not in _KEEP and el is not body:
                hit = match(el)
                if hit is not None:
                    frame[3] = _Candidate(el, hit, count)
                    found.append(frame[3])
            count += 1
            stack.append(frame)
            continue
        if not isinstance(tag, str):
            continue
        norm, raw, prose, cand, _ = stack.pop()
        if tag == "p" and raw >= _PROSE_PARAGRAPH:
            prose += raw
        if tag in _CODE_TAGS:
            code_depth -= 1
        if cand is not None:
            cand.end, cand.length, cand.prose = count, norm, prose
        parent = stack[-1]
        parent[0] += norm
        parent[1] += raw
        parent[2] += prose
        tail = el.tail
        if tail and el is not body:
            parent[0] += len(join(tail.split())) + 1
            parent[1] += len(tail)
    return found, stack[0][0], stack[0][2]


@dataclass
class _Page:
    removed: list[Removal]
    text: int  # characters of text in the body before the pre-clean (whitespace collapsed)
    prose: int  # characters of paragraph prose in it (<p> of 80+ characters)


def preclean_tree(tree: Any, config: Config) -> list[Removal]:
    """Drop furniture elements from a parsed lxml tree in place; return what was dropped."""
    return _preclean(tree, config).removed


def _preclean(tree: Any, config: Config) -> _Page:
    body = tree.find("body")
    if body is None:
        body = tree
    rules = tuple(r for r in HTML_RULES if _rule_is_on(r.code, config))
    found, total, page_prose = _scan(body, _Matcher.of(rules))
    page = _Page([], total, page_prose)
    total = max(total, 1)
    removed = page.removed
    dropped_until = -1
    for cand in found:
        if cand.start < dropped_until:
            continue  # inside an element already dropped
        if cand.length > 0.5 * total and cand.length > 400:
            continue  # the element holds most of the page: it is the story, whatever its class
        if cand.prose >= 400 and cand.prose >= _PROSE_SHARE * page_prose:
            continue  # it holds much of the page's paragraph prose: a story in a mislabelled box
        text = _element_text(cand.element)
        if text:
            removed.append(Removal(None, None, text, cand.rule.code, cand.rule.category,
                                   cand.rule.reason, "html"))
        dropped_until = cand.end
        cand.element.drop_tree()  # keeps the tail text, as BeautifulSoup's decompose did
    page.removed = removed
    return page


def parse(html: str) -> Any:
    """The page as an lxml tree, parsed as trafilatura parses it (``None`` when empty).

    trafilatura's parser: no entity expansion, no network, comments and processing
    instructions dropped, no ``huge_tree`` (libxml2 keeps its depth and size limits). A
    fragment (``<p>...</p>`` alone, or bare text), which ``load_html`` returns as a lone
    element or refuses, is parsed again as a whole document, as BeautifulSoup used to wrap it.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None or tree.tag != "html":
        document = _document(html)
        if document is not None:
            tree = document
    return tree


def _document(html: str) -> Any:
    from lxml.etree import ParserError
    from lxml.html import document_fromstring
    from trafilatura.utils import HTML_PARSER

    try:
        try:
            return document_fromstring(html, parser=HTML_PARSER)
        except ValueError:  # a str with an encoding declaration
            return document_fromstring(html.encode("utf-8", "surrogatepass"), parser=HTML_PARSER)
    except ParserError:  # "Document is empty"
        return None


def preclean(html: str, config: Config) -> tuple[str, list[Removal]]:
    """Drop furniture elements; return the page as HTML again and what was dropped.

    >>> page = '<html><body><article><p>Story text here.</p><figcaption>A cat (Photo: AP)</figcaption></article></body></html>'
    >>> _, removed = preclean(page, Config())
    >>> [(r.rule, r.text) for r in removed]
    [('H101', 'A cat (Photo: AP)')]
    """
    from lxml import html as lxml_html

    tree = parse(html)
    if tree is None:
        return html, []
    removed = preclean_tree(tree, config)
    return lxml_html.tostring(tree, encoding="unicode"), removed


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

    ``config.options``: ``html_preclean=False`` skips the pre-clean step;
    ``trafilatura={...}`` runs one extraction with those options; ``html_choose=True``
    runs :func:`_choose` (three modes). Otherwise one extraction in the default mode.
    """
    import trafilatura

    tree = parse(html)
    if tree is None:
        return Extracted("")
    page = None
    if config.options.get("html_preclean", True):
        page = _preclean(tree, config)
    text = _extract(trafilatura, tree, config, page)
    if not text and page is not None and page.removed:  # cleaning took too much: raw page
        text = _extract(trafilatura, parse(html), config, None)
        page.removed = []
    return Extracted(text, page.removed if page is not None else [])


_SHORT_OF_PROSE = 0.8  # a default result under 80% of the page's paragraph prose ...
_SHORT_OF_TEXT = 0.25  # ... or, on a page without such prose, than a quarter of its text ...
_MISSED_ITEMS = 0.15  # ... or leaving out list items as long as 15% of it


def _extract(trafilatura: Any, tree: Any, config: Config, page: _Page | None) -> str:
    """One extraction in trafilatura's default mode, a second only when it looks cut short.

    ``trafilatura={...}``: one extraction with those options; ``html_choose=True``: the former
    three-mode :func:`_choose`. Otherwise the default mode; when its text is under 80% of the
    page's paragraph prose counted by the pre-clean (or than a quarter of the page's text on
    a page without paragraphs of prose), or leaves out list items as long as 15% of it,
    ``favor_recall`` runs too (``fast``) and is kept when it finds 20% more. Chosen by
    measurement on the WCXB dev half (even ids), see the module docstring.
    extract() copies a tree it is given, so the same tree serves every mode.
    """
    chosen = config.options.get("trafilatura")
    if chosen:
        return trafilatura.extract(tree, **dict(_EXTRACT_OPTIONS, **chosen)) or ""
    if config.options.get("html_choose"):
        return _choose(lambda **mode: trafilatura.extract(tree, **_EXTRACT_OPTIONS, **mode) or "")
    text = trafilatura.extract(tree, **_EXTRACT_OPTIONS) or ""
    if page is not None and (
        len(text) < _SHORT_OF_PROSE * page.prose
        or (not page.prose and len(text) < _SHORT_OF_TEXT * page.text)
        or _missed_items(tree, text) > _MISSED_ITEMS * len(text)
    ):
        recall = trafilatura.extract(tree, **_EXTRACT_OPTIONS, favor_recall=True, fast=True) or ""
        if len(recall) > _RECALL_GAIN * len(text):
            return recall
    return text


_ITEM = 30  # characters: a list item this long is a sentence, not a menu link
_ITEM_PREFIX = 50  # characters of an item looked up in the extracted text


def _missed_items(tree: Any, text: str) -> int:
    """Characters of the page's list items (30+ characters) that ``text`` leaves out.

    The default mode keeps one container and can leave out the lists of a story (feature
    lists, "Pros:" and "Cons:", key facts) placed beside it; ``favor_recall`` picks such
    lists up. Items are looked up by their first 50 characters, whitespace collapsed; nested
    items count with their outermost item, so the cost is one pass over the lists' text.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><ul><li>A list item long enough to be a sentence.</li></ul></div>")
    >>> _missed_items(page, ""), _missed_items(page, "- A list item long enough to be a sentence.")
    (41, 0)
    """
    flat = " ".join(text.split())
    missed = 0
    for item in tree.xpath("//li[not(ancestor::li)]"):
        words = " ".join(item.text_content().split())
        if len(words) >= _ITEM and words[:_ITEM_PREFIX] not in flat:
            missed += len(words)
    return missed


_RECALL_GAIN = 1.2  # favor_recall must find 20% more text to be trusted over the default
_PRECISION_KEEP = 0.8  # favor_precision may drop at most 20% of the default's text


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

