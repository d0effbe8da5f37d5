"""Hostile HTML: entity expansion, external entities, deep nesting, malformed markup.

Every page is cleaned in a forked child with a time bound and an address-space cap, so a hang
or a memory blow-up fails the test instead of the machine.
"""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from conftest import run_bounded

from cleaner import Cleaner
from cleaner.decoding import InputError
from cleaner.plugins.loaders import MAX_ATTRIBUTES

BOUND = 10.0
EXTRA_MEMORY = 1 << 30  # the child may grow by 1 GiB at most

BODY = ("<p>The minister said on Tuesday that the new budget would cut spending on roads and "
        "raise it on schools, a plan the opposition called reckless and short-sighted.</p>")


def _vm_size() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize")


def _clean_capped(html: str) -> dict[str, object]:
    limit = _vm_size() + EXTRA_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cleaner = Cleaner(disable_plugins=("typos",))
    try:
        doc = cleaner.clean(html, source="page.html", kind="html")
    except InputError as exc:
        return {"error": str(exc)}
    return {"text": doc.text, "original": doc.original}


def _page(inner: str, doctype: str = "") -> str:
    return f"{doctype}<html><head><title>t</title></head><body><article>{BODY}{inner}{BODY}</article></body></html>"


BILLION_LAUGHS = "".join(
    [
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY lol "lol">\n',
        *(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)),
        "]>",
    ]
)
QUADRATIC_BLOWUP = '<!DOCTYPE html [<!ENTITY a "' + "a" * 50_000 + '">]>'

HOSTILE_PAGES: dict[str, str] = {
    "billion-laughs": _page("<p>&lol9;</p>", BILLION_LAUGHS),
    "quadratic-blowup": _page("<p>" + "&a;" * 50_000 + "</p>", QUADRATIC_BLOWUP),
    "deep-divs": _page("<div>" * 100_000 + "deep" + "</div>" * 100_000),
    "deep-unclosed": _page("<div><span><b>" * 50_000 + "deep"),
    "deep-tables": _page("<table><tr><td>" * 5_000 + "cell" + "</td></tr></table>" * 5_000),
    "unclosed-anchors": _page("<a href='#'>x " * 20_000),
    "unclosed-list-items": _page("<ul>" + "<li>item " * 20_000),
    "unclosed-comment": _page("<!--" + "x" * 1_000_000),
    "many-comment-opens": _page("<!--" * 50_000),
    "angle-soup": _page("<<<>>>&&&;;;" * 20_000),
    "huge-attribute-value": _page('<p title="' + "x" * 2_000_000 + '">hello</p>'),
    "unclosed-quote": _page('<p title="' + "x" * 500_000),
    "bad-char-refs": _page("<p>" + "&#99999999999;&#xFFFFFFFFF;&#0;&#xD800;&#;" * 20_000 + "</p>"),
    "many-entities": _page("<p>" + "&amp;&lt;&#x41;&#65;&nbsp;&eacute;" * 30_000 + "</p>"),
    "huge-script": _page("<script>" + "var a='<p>';" * 100_000 + "</script>"),
    "cdata-and-pi": _page("<![CDATA[" + "x" * 100_000 + "<?php " * 10_000),
    "nul-and-controls": _page("<p>" + "\x00\x01\x1b[31m\x7f\x85" * 20_000 + "</p>"),
    "attributes-below-limit": _page("<p " + " ".join(f'a{i}="x"' for i in range(2_000)) + ">t</p>"),
    "svg-math-nesting": _page("<svg><math><svg><math>" * 5_000),
    "template-nesting": _page("<template>" * 20_000),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_page_is_cleaned_or_refused_in_bounded_time_and_memory(name: str) -> None:
    status, result = run_bounded(_clean_capped, HOSTILE_PAGES[name], timeout=BOUND)
    assert status == "ok", f"{name}: {status}\n{result}"
    text = result.get("text", "")
    assert "lollollol" not in text  # entities are never expanded
    assert "a" * 1000 not in text


def test_the_memory_cap_is_enforced() -> None:
    def hog() -> int:
        limit = _vm_size() + EXTRA_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        return len(bytearray(2 * EXTRA_MEMORY))

    status, detail = run_bounded(hog, timeout=BOUND)
    assert status == "error" and "MemoryError" in detail


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    doctype = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    for page in (_page("<p>&xxe;</p>", doctype), _page(f'<p><xi:include href="{secret}"/></p>')):
        doc = Cleaner(disable_plugins=("typos",)).clean(page, source="x.html", kind="html")
        assert "TOP-SECRET-MARKER" not in doc.original
        assert "The minister said on Tuesday" in doc.original  # the page itself was extracted


def test_element_with_too_many_attributes_is_refused_quickly() -> None:
    page = _page("<p " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1)) + ">t</p>")
    status, result = run_bounded(_clean_capped, page, timeout=BOUND)
    assert status == "ok", result
    assert result == {"error": f"page.html: HTML element with more than {MAX_ATTRIBUTES:,} attributes: "
                      "pathological markup, refused (parsing it takes time quadratic in their number)"}


def test_fifty_thousand_attributes_do_not_hang() -> None:
    page = _page("<p " + " ".join(f'a{i}="v"' for i in range(50_000)) + ">t</p>")
    status, result = run_bounded(_clean_capped, page, timeout=BOUND)
    assert status == "ok", result
    assert "error" in result


def test_long_attribute_values_are_not_counted_as_attributes() -> None:
    page = _page('<meta name="description" content="' + "word " * 50_000 + '">')
    status, result = run_bounded(_clean_capped, page, timeout=BOUND)
    assert status == "ok", result
    assert "The minister said on Tuesday" in result["text"]


@pytest.mark.xfail(
    strict=True,
    reason="trafilatura is quadratic in the number of paragraphs (main_extractor._extract, "
    "external._prefer_readability): 40,000 distinct <p> take 9 s, 80,000 (~14 MB) well over "
    "10 s (cleaner/html.py owner: bound the page or the extraction)",
)
def test_page_with_eighty_thousand_paragraphs_is_bounded() -> None:
    paragraphs = "".join(BODY.replace("minister", f"minister {i}") for i in range(80_000))
    page = "<html><body><article>" + paragraphs + "</article></body></html>"
    status, result = run_bounded(_clean_capped, page, timeout=BOUND)
    assert status == "ok", f"{status}: {result}"
