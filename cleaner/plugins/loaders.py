"""Built-in loaders: HTML pages (extracted with trafilatura) and plain text.

For HTML input the document "as read" is the text trafilatura extracts from the page: offsets
of removals and flags point into that text, which is kept as ``Document.original``; the page
itself is kept in ``metadata["html"]``.
"""

from __future__ import annotations

import re

from cleaner.config import Config
from cleaner.decoding import InputError
from cleaner.document import Document
from cleaner.pluginmanager import hookimpl

_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


def looks_like_html(source: str, data: str) -> bool:
    """HTML by file name, or by a document that opens like a web page."""
    if source.lower().endswith(_HTML_SUFFIXES):
        return True
    # Leading comments are skipped by a loop: the former regex "(?:<!--.*?-->\s*)*" could
    # split a run of comments in exponentially many ways before failing (30 comments: minutes).
    head = data[:4096].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->", 4)
        if end == -1:
            return False
        head = head[end + 3 :].lstrip()
    return bool(_HTML_START.match(head))


# libxml2's HTML parser checks each attribute against all earlier ones on the same element:
# time quadratic in their number (50,000 attributes on one tag take minutes). No real page has
# thousands, so an element with more is refused before parsing.
MAX_ATTRIBUTES = 10_000
# An element with MAX_ATTRIBUTES attributes spans at least twice as many characters; only tags
# followed by that many characters without a "<" are counted (rare, and each counted once).
_LONG_TAG = re.compile(rf"<[A-Za-z][^\s/>]*(?=[^<]{{{2 * MAX_ATTRIBUTES}}})")
_ATTRIBUTE = re.compile(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>]*))?""")


def _overloaded_element(data: str) -> bool:
    """True when some element has more than MAX_ATTRIBUTES attributes."""
    for tag in _LONG_TAG.finditer(data):
        pos, count = tag.end(), 0
        while (attribute := _ATTRIBUTE.match(data, pos)) is not None:
            count += 1
            if count > MAX_ATTRIBUTES:
                return True
            pos = attribute.end()
    return False


# C1 control characters (U+0080-U+009F) never stand in real text; in a page they are the middle
# bytes of UTF-8 that was read as Latin-1 on its way into the page ("you\u00e2\x80\x99re" for
# "you\u2019re"). trafilatura drops control characters, which would leave "you\u00e2re" for the
# repair rules, beyond ftfy's reach; so a page holding them has its encoding fixed by ftfy
# before extraction (12 of the 711 WCXB pages; 0.25 ms per kB of such a page).
_C1 = tuple(map(chr, range(0x80, 0xA0)))


def fix_page_encoding(html: str) -> str:
    """``html`` with UTF-8 read as Latin-1 decoded again, when it holds C1 control characters
    (the same string otherwise). Looked for with one substring search each (0.2 ms on a
    page of 190 kB, half a regular expression's time; most pages have none)."""
    if not any(map(html.__contains__, _C1)):
        return html
    import ftfy

    return ftfy.fix_encoding(html)


@hookimpl
def cleaner_load(source: str, data: str, kind: str | None, config: Config) -> Document | None:
    """Claim HTML input and extract the article text from it."""
    if kind == "text" or (kind is None and not looks_like_html(source, data)):
        return None
    if _overloaded_element(data):
        raise InputError(
            source, f"HTML element with more than {MAX_ATTRIBUTES:,} attributes: pathological "
            "markup, refused (parsing it takes time quadratic in their number)"
        )
    from cleaner.html import extract_article  # lazy: trafilatura is slow to import

    page = fix_page_encoding(data)
    try:
        extracted = extract_article(page, config)
    except Exception as exc:
        raise InputError(source, f"cannot extract text from HTML: {type(exc).__name__}: {exc}") from exc
    document = Document(source=source, original=extracted.text, format="html")
    document.metadata["html"] = data
    if page is not data:
        document.metadata["page_encoding_fixed"] = True
    document.metadata["html_removed"] = extracted.removed
    return document


@hookimpl(trylast=True, specname="cleaner_load")
def cleaner_load_text(source: str, data: str) -> Document:
    """Everything else is plain text."""
    return Document(source=source, original=data, format="text")

