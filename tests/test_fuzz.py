"""Fuzzing the command line's input paths with hypothesis: random bytes, encodings and HTML.

Every generated input is written to a file and run through ``cleaner check PATH`` and
``cleaner clean PATH --format json``; the run must end with a proper exit status (0, 1 or 2),
valid JSON, and an error line naming the file whenever the status is 2. The same bytes also go
through the library, whose documents must keep every guarantee (see test_properties).

Bounded for CI by example counts; fuzz longer with, e.g.::

    CLEANER_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_properties import SEED, check_idempotent, check_invariants

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.decoding import InputError

EXAMPLES = int(os.environ.get("CLEANER_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CLEANER = Cleaner(disable_plugins=("typos",))
SEED_BYTES = SEED.read_bytes()

# -- generators --------------------------------------------------------------------------------

TAGS = ["html", "head", "body", "article", "div", "p", "span", "a", "b", "i", "ul", "li", "table",
        "tr", "td", "script", "style", "figure", "figcaption", "h1", "br", "img", "svg", "math",
        "template", "iframe", "nav", "footer", "aside", "noscript", "title", "meta", "!--", "x:y"]
ATTRS = ['class="share"', 'id="comments"', "href='http://192.0.2.1/'", "hidden", 'style="x"',
         'data-x="&amp;"', 'src="javascript:alert(1)"', 'title="a > b"', "onload=alert(1)", '"', "'"]
TEXTS = ["The minister said on Tuesday.", "Share this article", "Advertisement", "café",
         "cafÃ©", "&amp;", "&nbsp;", "&#8217;", "&#xD800;", "&bogus;", "<", ">", "&", "\u200b",
         "\u00a0", "\x00", "\x1b[1m", "…", "(L) shakes hands on July 16, 2014 …", "\r\n", "]]>"]

html_text = st.one_of(st.sampled_from(TEXTS), st.text(max_size=20))
html_tree = st.recursive(
    html_text,
    lambda children: st.builds(
        lambda tag, attrs, kids, close: f"<{tag}{''.join(' ' + a for a in attrs)}>"
        + "".join(kids) + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), st.lists(st.sampled_from(ATTRS), max_size=3),
        st.lists(children, max_size=4), st.booleans(),
    ),
    max_leaves=30,
)
html_pages = st.builds(
    lambda doctype, tree: doctype + tree,
    st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>',
                     '<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]>']),
    html_tree,
)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")


encoded_text = st.builds(
    _encode, st.text(max_size=300),
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis",
                     "koi8-r", "gb18030"]),
)


def _real_pages(count: int = 12) -> list[bytes]:
    """A few real pages from the shared WCXB set, when present (never copied into the project)."""
    folder = SEED.parent.parent.parent / "shared" / "corpus" / "wcxb-dev" / "html"
    paths = sorted(folder.glob("*.html.gz"))
    return [gzip.decompress(p.read_bytes()) for p in paths[:: max(1, len(paths) // count)]][:count]


REAL_PAGES = _real_pages()


@st.composite
def mutated(draw: st.DrawFn, bases: list[bytes]) -> bytes:
    """A real input cut short and with a few bytes inserted or overwritten."""
    base = draw(st.sampled_from(bases))
    data = bytearray(base[: draw(st.integers(0, len(base)))])
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(data)))
        chunk = draw(st.binary(min_size=1, max_size=4))
        if draw(st.booleans()) and pos < len(data):
            data[pos : pos + len(chunk)] = chunk
        else:
            data[pos:pos] = chunk
    return bytes(data)


inputs = st.one_of(
    st.binary(max_size=2000),
    encoded_text,
    html_pages.map(lambda page: page.encode("utf-8", "surrogatepass")),
    mutated([SEED_BYTES]),
    *([mutated(REAL_PAGES)] if REAL_PAGES else []),
)
suffixes = st.sampled_from([".txt", ".html", ".md", ".txt.gz", ".htm"])

# -- the target --------------------------------------------------------------------------------


def _cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, out.getvalue(), err.getvalue()


def run_target(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        common = ["-p", "no:typos", "--isolated", "--no-entry-points"]
        status, out, err = _cli(["check", str(path), *common])
        assert status in (0, 1, 2), status
        assert (status == 2) == (f"cleaner: error: {path}: " in err), err
        status, out, err = _cli(["clean", str(path), "--format", "json", *common])
        assert status in (0, 2), status
        docs = json.loads(out)
        assert len(docs) == (0 if status == 2 else 1)
        if status == 2:
            assert f"cleaner: error: {path}: " in err
    kind = "html" if ".htm" in suffix else None
    try:
        doc = CLEANER.clean(data, source=f"input{suffix.removesuffix('.gz')}", kind=kind)
    except InputError as exc:
        assert exc.reason
        return
    check_invariants(doc)
    check_idempotent(CLEANER, doc)


@FUZZ
@given(inputs, suffixes)
@example(b"", ".txt")
@example(b"<!doctype\thtml<link\x00rel=canonical\x00href=http://[>", ".txt")  # urlsplit raised
@example(b"\xff\xfe", ".txt")  # a UTF-16 BOM and nothing else
@example(b"\xef\xbb\xbf", ".html")
@example(b"<html>\x00</html>", ".html")
@example(b"<!DOCTYPE html [<!ENTITY a 'aaaa'>]><p>&a;&a;</p>", ".html")
@example(b"<!---->" * 40 + b"plain text", ".txt")  # HTML sniffing backtracked exponentially
@example(b"a" + b" " * 50_000 + b"b", ".txt")  # trailing-space regex was quadratic
@example(b"&amp;" * 20_000, ".txt")  # character diff of a long repaired line was quadratic
def test_cli_survives_any_input(data: bytes, suffix: str) -> None:
    run_target(data, suffix)
