"""Corpus-level statistics: lines that recur across the documents of one site or batch.

A line that many articles of the same site share ("Sign up for our daily briefing", the site's
footer) is boilerplate, whatever its words. Finding such lines needs the whole batch, so the
runner makes a first pass over the inputs before cleaning: :class:`LineCounter` counts, per
site, in how many documents each short normalised line occurs. It keeps 64-bit hashes, not
lines, in a table of capped size: when the table is full the rarest entries are dropped, which
can only *under*-count, so a line is never reported as repeated more often than it is.

The lines with at least ``min_docs`` documents become a frozen set of hashes per site; the
runner puts the set for a document's site into ``document.metadata[REPEATED_KEY]`` and the
D101 rule (:mod:`cleaner.plugins.repeated`) removes blocks whose hash is in it. Hashes are
blake2b, not Python's salted ``hash()``, so every worker process (and every Dask worker)
agrees with the parent: -j 1, -j N and Dask remove the same lines.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

REPEATED_KEY = "repeated_lines"  # document.metadata: frozenset of line hashes for its site
MIN_DOCS_KEY = "repeated_min_docs"  # document.metadata: the K the set was built with
DEFAULT_MIN_DOCS = 3
DEFAULT_TABLE_SIZE = 250_000  # hashes kept while counting (~25 MB), over all sites
MAX_WORDS = 40  # longer lines are prose, not boilerplate, and are never counted
MAX_CHARS = 400

RepeatedTable = Mapping[str, frozenset[int]]

_NON_WORD = re.compile(r"[\W_]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def normalise(line: str) -> str | None:
    """The form lines are compared in: case-folded words only; None for lines never counted.

    >>> normalise("  Sign up for our Daily Briefing! ")
    'sign up for our daily briefing'
    >>> normalise("42") is None
    True
    """
    if len(line) > MAX_CHARS:
        return None
    folded = _NON_WORD.sub(" ", line.casefold()).strip()
    if not folded or not _HAS_LETTER.search(folded) or folded.count(" ") >= MAX_WORDS:
        return None
    return folded


def line_hash(line: str) -> int | None:
    """A stable 64-bit hash of the normalised line (same in every process), or None."""
    folded = normalise(line)
    if folded is None:
        return None
    return int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big")


# -- lines of a raw input, without running the pipeline --------------------------------------

_SKIP_ELEMENTS = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|table|section|article|header|footer|nav|aside|"
    r"blockquote|figure|figcaption|form|main|dd|dt|dl|pre|address|details|summary|button|label|"
    r"option|select|span\s+class=\"?caption)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


def looks_like_html(source: str, text: str, kind: str | None) -> bool:
    if kind is not None:
        return kind == "html"
    return source.lower().endswith(_HTML_SUFFIXES) or bool(_HTML_HINT.search(text[:4096]))


def raw_lines(text: str, *, is_html: bool) -> Iterable[str]:
    """The lines of an input as the pipeline will roughly see them, cheaply.

    Plain text: its lines. HTML: the text of block elements (no extraction, which would double
    the cost of a run); a line recurring in the pages' markup recurs in their extracted text.
    """
    if not is_html:
        return text.splitlines()
    body = _COMMENT.sub(" ", _SKIP_ELEMENTS.sub(" ", text))
    chunks = _BLOCK_TAG.split(body)
    return (" ".join(html.unescape(_ANY_TAG.sub("", c)).split()) for c in chunks)


_CANONICAL = re.compile(
    r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>|<meta\b[^>]*\bproperty\s*=\s*[\"']og:url[\"'][^>]*>",
    re.IGNORECASE,
)
_URL_ATTR = re.compile(r"\b(?:href|content)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.IGNORECASE)


def page_site(html_text: str) -> str | None:
    """The host a page says it belongs to (canonical link or og:url), without ``www.``.

    Pages saved into one folder often come from many sites; lines shared by pages of *different*
    sites ("Conclusion", "FAQs") are headings, not boilerplate, so a page's own host wins over
    its folder.
    """
    for tag in _CANONICAL.finditer(html_text[:200_000]):
        url = _URL_ATTR.search(tag.group())
        if url:
            host = url_host(html.unescape(url.group(1)))
            if host:
                return host
    return None


def url_host(url: str) -> str | None:
    """The host of ``url``, lower case and without ``www.``; None when it has none or the URL
    is malformed (``http://[`` makes urlsplit raise)."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def document_site_and_hashes(
    data: str | bytes, source: str = "", kind: str | None = None, site: str | None = None,
    *, refine_site: bool = False,
) -> tuple[str | None, set[int]]:
    """The site of one raw input and its distinct line hashes (a line counts once per document).

    With ``refine_site``, an HTML page's own host (:func:`page_site`) replaces ``site``.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    is_html = looks_like_html(source, text, kind)
    if is_html and refine_site:
        site = page_site(text) or site
    hashes = set()
    for line in raw_lines(text, is_html=is_html):
        h = line_hash(line)
        if h is not None:
            hashes.add(h)
    return site, hashes


def document_hashes(data: str | bytes, source: str = "", kind: str | None = None) -> set[int]:
    """The distinct line hashes of one raw input."""
    return document_site_and_hashes(data, source, kind)[1]


# -- counting ----------------------------------------------------------------------------------


@dataclass
class LineCounter:
    """Document counts of line hashes per site, in a table of at most ``capacity`` entries."""

    capacity: int = DEFAULT_TABLE_SIZE

    def __post_init__(self) -> None:
        self.counts: dict[str, Counter[int]] = {}
        self.size = 0
        self.documents = 0
        self.pruned = 0

    def add(self, site: str, hashes: Iterable[int]) -> None:
        """Count one document's distinct line hashes for its site (``Counter.update`` counts in
        C: this runs for every document of a corpus, in the process that feeds the workers)."""
        table = self.counts.get(site)
        if table is None:
            table = self.counts[site] = Counter()
        before = len(table)
        table.update(hashes)
        self.size += len(table) - before
        self.documents += 1
        if self.size > self.capacity:
            self._prune()

    def _prune(self) -> None:
        """Drop the rarest entries until a quarter of the table is free (deterministic)."""
        target = self.capacity * 3 // 4
        limit = 1
        while self.size > target:
            for site, table in self.counts.items():
                kept = Counter({h: c for h, c in table.items() if c > limit})
                self.pruned += len(table) - len(kept)
                self.size -= len(table) - len(kept)
                self.counts[site] = kept
            limit += 1

    def repeated(self, min_docs: int = DEFAULT_MIN_DOCS) -> dict[str, frozenset[int]]:
        """Per site, the hashes of lines found in at least ``min_docs`` documents (>= 2)."""
        k = max(2, min_docs)
        result = {}
        for site, table in self.counts.items():
            found = frozenset(h for h, c in table.items() if c >= k)
            if found:
                result[site] = found
        return result


def count_repeated(
    items: Iterable[tuple[str, str | bytes, str, str | None]],
    min_docs: int = DEFAULT_MIN_DOCS,
    capacity: int = DEFAULT_TABLE_SIZE,
) -> dict[str, frozenset[int]]:
    """The repeated-line table of a batch given ``(site, data, source, kind)`` per document."""
    counter = LineCounter(capacity)
    for site, data, source, kind in items:
        counter.add(site, document_hashes(data, source, kind))
    return counter.repeated(min_docs)
