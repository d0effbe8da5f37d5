"""Guarantees of the pipeline, property-tested over generated and real text.

* idempotent: cleaning the output again changes nothing;
* exact spans: every removal, flag and repair satisfies ``original[start:end] == text``, with
  line and column consistent with the text;
* nothing altered: kept lines are lines of the repaired text, in order, unchanged (modulo typo
  corrections with ``fix_typos``);
* nothing invented: no output line that is not a line of the repaired text.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.plugins.loaders import looks_like_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b03457842792d85a.txt"
BBC = ROOT.parent / "shared" / "corpus" / "bbc-dev"


def _bbc_sample(step: int = 25) -> list[Path]:
    files = sorted(glob.glob(str(BBC / "*" / "*.txt")))
    return [Path(f) for f in files[::step]]


def _naive_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _with_corrections(doc: Document) -> str:
    """The repaired text with the accepted typo corrections applied, as ``_render`` does."""
    text, pieces, cursor = doc.repaired, [], 0
    for c in sorted(doc.corrections, key=lambda c: c.start):
        if c.start < cursor:
            continue
        pieces += [text[cursor : c.start], c.replacement]
        cursor = c.end
    return "".join(pieces) + text[cursor:]


def check_invariants(doc: Document) -> None:
    """Every guarantee that holds for a single cleaned document."""
    original = doc.original
    for r in doc.removed:
        if r.start is None:  # dropped from the HTML before extraction: no offset to check
            continue
        assert 0 <= r.start <= r.end <= len(original)
        assert original[r.start : r.end] == r.text, r
        assert r.text.strip(), f"removed an empty span: {r}"
    for f in doc.flags:
        assert 0 <= f.start <= f.end <= len(original)
        assert original[f.start : f.end] == f.text, f
        assert (f.line, f.column) == _naive_position(original, f.start), f
    for rep in doc.repairs:
        assert original[rep.start : rep.end] == rep.text, rep
    # Kept text is unchanged: the output's lines are lines of the repaired text, in order (the
    # first may lose leading and the last trailing whitespace, blank runs collapse to one).
    source_lines = _with_corrections(doc).split("\n")
    out_lines = doc.text.split("\n") if doc.text else []
    i = 0
    for n, line in enumerate(out_lines):
        if not line.strip():
            continue
        first, last = n == 0, n == len(out_lines) - 1
        while i < len(source_lines):
            candidate = source_lines[i]
            i += 1
            if first:
                candidate = candidate.lstrip()
            if last:
                candidate = candidate.rstrip()
            if candidate == line:
                break
        else:
            raise AssertionError(f"output line {n + 1} is not a kept line of the repaired text: {line!r}")
    assert doc.text == doc.text.strip()
    assert "\n\n\n" not in doc.text


def check_idempotent(cleaner: Cleaner, doc: Document) -> None:
    """``clean(clean(x).text).text == clean(x).text``.

    The one exception is output that itself opens like a web page (``&lt;html&gt;`` unescaped
    by R101 to ``<html>``): auto-detection would read it as HTML, so it is re-cleaned as text.
    """
    kind = "text" if looks_like_html("again", doc.text) else None
    again = cleaner.clean(doc.text, source="again", kind=kind)
    assert again.text == doc.text, "cleaning the output again changed it"


# -- strategies --------------------------------------------------------------------------------

WORDS = ["the", "minister", "said", "café", "naïve", "résumé", "Zürich", "Müller", "“quoted”",
         "it’s", "—", "2024", "Reuters", "façade", "jalapeño", "São", "Paulo", "œuvre", "€5"]
BOILERPLATE = [
    "Share this article", "Advertisement", "Sign up for our daily newsletter",
    "© 2024 Example News. All rights reserved.", "Read more: Markets fall again",
    "Leave a comment", "Photo: Jane Doe/AP", "Follow us on Twitter", "Comments are closed.",
    "We use cookies to improve your experience.", "Story continues below advertisement",
    "Facebook Twitter WhatsApp Email",
    "Narendra Modi (L) shakes hands with Vladimir Putin in Fortaleza, Brazil, on July 16, 2014 …",
]
ODD = ["\u00a0", "\u2009", "\u3000", "\u202f", "\u200b", "\u00ad", "\ufeff", "\u2060", "\t",
       "\x01", "\x1b[31m", "\x7f", "\x85", "\x9d", "\u2028", "\r", "&amp;", "&eacute;", "&#8217;",
       "&nbsp;", "&lt;b&gt;", "&", ";", "  ", " \n", "\r\n"]


def _mojibake(word: str) -> str:
    try:
        return word.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return word.encode("utf-8").decode("latin-1")


words = st.sampled_from(WORDS)
noisy_word = st.one_of(words, words.map(_mojibake), st.sampled_from(ODD),
                       st.text(max_size=4))
prose_line = st.lists(noisy_word, min_size=1, max_size=12).map(" ".join)
line = st.one_of(prose_line, prose_line, st.sampled_from(BOILERPLATE), st.just(""),
                 st.sampled_from(BOILERPLATE).map(_mojibake), st.text(max_size=30))
documents = st.lists(line, max_size=12).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\n\n"]).map(lambda sep: sep.join(lines))
)


def _real_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for path in _bbc_sample(step=100):
        lines += path.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip()]


REAL_LINES = _real_lines()
real_documents = st.lists(
    st.one_of(st.sampled_from(REAL_LINES), st.sampled_from(REAL_LINES).map(_mojibake),
              st.sampled_from(BOILERPLATE), prose_line),
    min_size=1, max_size=10,
).map("\n\n".join)

EXAMPLES = int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


# -- properties over generated text --------------------------------------------------------------

@SETTINGS
@given(documents)
@example("x\u00a0\nnext line")
@example("A\n  Share this article\nB")
@example("Share this article\r\nBody text here.\r\n")
@example("café\u200b\u00a0 \nok")
@example("\xa0 \x94Ä")  # ftfy saw mojibake only once R102 had made the no-break space plain
def test_generated_text_keeps_every_guarantee(any_cleaner: Cleaner, text: str) -> None:
    doc = any_cleaner.clean(text)
    check_invariants(doc)
    check_idempotent(any_cleaner, doc)


@SETTINGS
@given(real_documents)
def test_real_text_with_noise_keeps_every_guarantee(any_cleaner: Cleaner, text: str) -> None:
    doc = any_cleaner.clean(text)
    check_invariants(doc)
    check_idempotent(any_cleaner, doc)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_keeps_every_guarantee(text: str) -> None:
    cleaner = _TEXT_CLEANER
    doc = cleaner.clean(text)
    check_invariants(doc)
    check_idempotent(cleaner, doc)


_TEXT_CLEANER = Cleaner(disable_plugins=("typos",))


def test_fix_typos_only_changes_what_it_flags() -> None:
    pytest.importorskip("cleaner.spelling")
    cleaner = Cleaner(fix_typos=True)
    text = SEED.read_text(encoding="utf-8")
    doc = cleaner.clean(text)
    check_invariants(doc)  # lines compared against the repaired text with corrections applied
    for c in doc.corrections:
        assert doc.repaired[c.start : c.end] == c.text


# -- real documents, whole ------------------------------------------------------------------------

def test_seed_document_keeps_every_guarantee(any_cleaner: Cleaner) -> None:
    doc = any_cleaner.clean(SEED.read_bytes(), source=str(SEED))
    assert doc.removed, "the seed has a photo caption that should be removed"
    check_invariants(doc)
    check_idempotent(any_cleaner, doc)


@pytest.mark.skipif(not BBC.is_dir(), reason="shared BBC corpus not present")
def test_bbc_sample_keeps_every_guarantee(any_cleaner: Cleaner) -> None:
    paths = _bbc_sample(step=int(os.environ.get("CLEANER_BBC_STEP", "25")))
    assert paths
    for path in paths:
        doc = any_cleaner.clean(path.read_bytes(), source=str(path))
        check_invariants(doc)
        check_idempotent(any_cleaner, doc)


WCXB = ROOT.parent / "shared" / "corpus" / "wcxb-dev" / "html"


@pytest.mark.skipif(not WCXB.is_dir(), reason="shared WCXB pages not present")
def test_wcxb_pages_keep_every_guarantee(any_cleaner: Cleaner) -> None:
    import gzip

    step = int(os.environ.get("CLEANER_WCXB_STEP", "50"))
    paths = sorted(WCXB.glob("*.html.gz"))[::step]
    assert paths
    for path in paths:
        doc = any_cleaner.clean(gzip.decompress(path.read_bytes()), source=path.name[:-3])
        assert doc.format == "html"
        check_invariants(doc)
        check_idempotent(any_cleaner, doc)
