"""Hostile input against every built-in rule and the whole pipeline, under a time bound.

Each case runs in a forked child killed after ``BOUND`` seconds (a regex stuck in catastrophic
backtracking cannot be interrupted from inside the interpreter). The bound is generous: normal
runs take milliseconds, so only a hang or a quadratic blow-up can exceed it.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import time
import traceback
from typing import Any

import pytest
from conftest import run_bounded

from cleaner import Cleaner
from cleaner.rules import Block, FlagInput, Rule

BOUND = 10.0
N = 100_000

HOSTILE: dict[str, str] = {
    "space-run-inside-line": "a" + " " * N + "b",
    "tab-run-inside-line": "a" + "\t" * N + "b",
    "space-runs-many-lines": ("x" + " " * 1000 + "y\n") * 100,
    "trailing-spaces": "word" + " " * N,
    "nbsp-run": "a" + "\u00a0" * N + "b",
    "open-parens": "(" * N,
    "position-markers": "(L" * (N // 2),
    "position-markers-closed": "(L) " * (N // 4),
    "photo-parens": "(photo " * (N // 7),
    "photo-credit-unclosed": "(photo" + "x" * N,
    "long-line-no-newline": "x" * N,
    "long-word-line": "word " * (N // 5),
    "ellipsis-chars": "…" * N,
    "ellipsis-after-words": "a …" * (N // 3),
    "dots": "." * N,
    "comma-then-ellipsis": "a," * (N // 2) + "…",
    "word-spaces-ellipsis": "a" + " " * N + "…x",
    "socials-no-end": "facebook " * (N // 9) + "z",
    "socials-separators": "twitter, |/" * (N // 11) + "!",
    "x-runs": "x " * (N // 2) + "!",
    "comment-words": "comment " * (N // 8),
    "to-comment-sign": "to comment " * (N // 11) + "sign",
    "few-long-words-comment": ("to comment" + "q" * 3000 + " ") * 14 + "sign i",
    "digits-comments": "1 " * (N // 2) + "comments",
    "newsletter-words": "sign up newsletter " * (N // 19),
    "related-prefix": "read more " * (N // 10),
    "ad-then-bangs": "advertisement" + "!" * N + "x",
    "cookies": "we use cookies " * (N // 15),
    "copyright": "© " * (N // 2),
    "dates": "Jan 1, " * (N // 7),
    "month-spaces": "September" + " " * N + "1",
    "entities": "&amp;" * (N // 5),
    "broken-entities": "&#" * (N // 2),
    "ampersands": "&" * N,
    "mojibake": "Ã©" * (N // 2),
    "mojibake-with-spaces": "cafÃ© " * (N // 6),
    "control-chars": "\x01\x02\x1b[31m" * (N // 7),
    "zero-width": "\u200b" * N,
    "soft-hyphens": "sum\u00admit " * (N // 8),
    "crlf-blank-runs": "\r\n" * N,
    "blank-runs-with-spaces": "\n \t\n" * (N // 4),
    "newlines": "\n" * N,
    "lone-surrogate-like": "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace") * N,
    "combining-marks": "e" + "\u0301" * N,
    "rtl-and-bidi": "\u202eabc\u202c" * (N // 5),
    "leading-comment-run": "<!---->" * 500 + "plain text",
    "leading-comments-spaced": "<!-- a --> \n" * 300 + "not a page",
    "unclosed-leading-comment": "<!--" + "-" * N,
}


def _rules() -> list[Rule]:
    """Every built-in rule; the typo rule too once ``cleaner.spelling`` exists."""
    if importlib.util.find_spec("cleaner.spelling") is None:
        return list(Cleaner(disable_plugins=("typos",)).all_rules)
    return list(Cleaner().all_rules)


RULES = _rules()


def _exercise(rule: Rule, text: str) -> int:
    """Call one rule the way the pipeline does; return how many results it produced."""
    if rule.stage == "repair":
        return len(list(rule.check(text) or ()))
    if rule.stage == "flag":
        return len(list(rule.check(FlagInput(text, (), {})) or ()))
    blocks = ["Headline", text, "Last line of the story."]
    hits = 0
    for index, block_text in enumerate(blocks):  # alone, and in the middle of a document
        hits += bool(rule.check(Block(block_text, 0, len(block_text), index, blocks, {})))
    hits += bool(rule.check(Block(text, 0, len(text), 0, [text], {})))
    return hits


def _run_cases(func: Any, cases: dict[str, Any], timeout: float) -> tuple[str, str, str]:
    """Run ``func(case)`` for every case in one forked child, ``timeout`` seconds per case.

    Returns ("ok", "", "") or (status, case name, detail) for the first case that raised,
    crashed or hung. One child per group keeps hundreds of cases fast; the child reports each
    case as it starts, so a hang is still blamed on the exact input.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work() -> None:
        for name, case in cases.items():
            child.send(("start", name, ""))
            try:
                func(case)
            except BaseException:
                child.send(("error", name, traceback.format_exc()))
                return
        child.send(("done", "", ""))

    proc = ctx.Process(target=work, daemon=True)
    proc.start()
    child.close()
    current = "?"
    try:
        while True:
            if not parent.poll(timeout):
                return ("timeout", current, f"no answer within {timeout} s")
            try:
                kind, name, detail = parent.recv()
            except EOFError:
                proc.join(5)
                return ("crashed", current, f"exit code {proc.exitcode}")
            if kind == "start":
                current = name
            elif kind == "done":
                return ("ok", "", "")
            else:
                return (kind, name, detail)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_survives_every_hostile_input(rule: Rule) -> None:
    status, name, detail = _run_cases(lambda text: _exercise(rule, text), HOSTILE, BOUND)
    assert status == "ok", f"{rule.id} on {name!r}: {status}\n{detail}"


def _clean(text: str, kind: str | None = None) -> tuple[int, int]:
    doc = _CLEANER.clean(text, source="hostile", kind=kind)
    for r in doc.removed:
        assert r.start is None or doc.original[r.start : r.end] == r.text
    return len(doc.text), len(doc.removed)


_CLEANER = Cleaner(disable_plugins=("typos",))


def test_pipeline_survives_every_hostile_text() -> None:
    status, name, detail = _run_cases(_clean, HOSTILE, BOUND)
    assert status == "ok", f"{name!r}: {status}\n{detail}"


def test_group_runner_blames_the_hanging_case() -> None:
    import re

    evil = re.compile(r"^(a+)+$")
    cases = {"fine": "aaa", "hang": "a" * 40 + "!", "never": "a"}
    began = time.monotonic()
    assert _run_cases(evil.match, cases, 1.0)[:2] == ("timeout", "hang")
    assert time.monotonic() - began < 5
    assert _run_cases(int, {"one": "1", "bad": "x"}, BOUND)[:2] == ("error", "bad")


def test_harness_reports_errors_with_traceback() -> None:
    def boom() -> Any:
        raise ValueError("kaput")

    status, detail = run_bounded(boom, timeout=BOUND)
    assert status == "error" and "ValueError: kaput" in detail
