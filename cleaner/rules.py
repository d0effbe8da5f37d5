"""Rules: the unit every plugin hands to the pipeline.

A rule is a plain function plus an id (a code and a name, ``B101 photo-caption``), a category
and the stage it runs in. Plugins *register* rules through the ``cleaner_register_rules`` hook;
the pipeline calls them itself, so every result and every error is attributed to a rule id that
can be selected, ignored, counted and blamed. Families by prefix: R repair, B boilerplate,
D repeated lines, T typos; third-party plugins choose their own prefix.

The check function's signature depends on the stage:

* ``repair``: ``check(text: str) -> Iterable[Edit]`` (edits on the current text).
* ``remove``: ``check(block: Block) -> str | None``; a string is the reason to drop the block.
* ``flag``:   ``check(doc: FlagInput) -> Iterable[Finding]`` over the repaired text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

STAGES = ("repair", "remove", "flag")
_CODE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]+$")


@dataclass(frozen=True)
class Rule:
    """A registered rule. ``plugin`` is filled in by the pipeline from the registering plugin."""

    code: str
    name: str
    stage: str
    category: str
    check: Callable[..., Any] = field(compare=False, repr=False)
    description: str = ""
    enabled: bool = True  # on unless the user selects it explicitly when False
    plugin: str = ""
    options: dict[str, Any] = field(default_factory=dict, compare=False)
    # A remove rule's promise: it never objects to a block of more words than this, so the
    # pipeline need not call it for one (``None``: no promise, called for every block).
    max_words: int | None = None

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"rule code {self.code!r} must be capital letters then digits, e.g. B101")
        if self.stage not in STAGES:
            raise ValueError(f"rule {self.code}: stage must be one of {STAGES}, not {self.stage!r}")
        if self.max_words is not None and (self.stage != "remove" or self.max_words < 0):
            raise ValueError(f"rule {self.code}: max_words is a word count for remove rules")

    @property
    def id(self) -> str:
        return f"{self.code} {self.name}"

    def with_plugin(self, plugin: str) -> Rule:
        return self if self.plugin else replace(self, plugin=plugin)


def rule(
    code: str,
    name: str,
    *,
    stage: str,
    category: str,
    enabled: bool = True,
    description: str | None = None,
    max_words: int | None = None,
) -> Callable[[Callable[..., Any]], Rule]:
    """Decorator turning a check function into a :class:`Rule`; the docstring is its description.

    ``max_words`` (remove rules) declares that the check returns ``None`` for any block of more
    words (:attr:`Block.words`) than that, so the pipeline skips the call on longer blocks:
    most rules judge short lines, and most words of an article are in long paragraphs.
    """

    def wrap(func: Callable[..., Any]) -> Rule:
        doc = description if description is not None else (func.__doc__ or "").strip()
        summary = doc.split("\n\n")[0].replace("\n", " ").strip()
        return Rule(code, name, stage, category, func, summary, enabled, max_words=max_words)

    return wrap


class _computed_once:
    """Like :func:`functools.cached_property`, without the lock Python 3.11 takes on every
    first access: blocks are never shared between threads while they are judged, and the
    remove stage builds thousands of them per corpus."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class Block:
    """One non-empty line of the repaired text, with its place in the document.

    Paragraphs in scraped article text are lines (trafilatura output) or lines separated by
    blank lines (copied text), so a line is the unit boilerplate rules judge. Position is
    evidence: a share line at the end of an article is boilerplate, the same words mid-story
    may not be.
    """

    text: str
    start: int  # offset in the repaired text
    end: int
    index: int  # among non-empty blocks
    blocks: Sequence[str] = field(repr=False, compare=False)
    metadata: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def count(self) -> int:
        return len(self.blocks)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.blocks) - 1

    @_computed_once  # asked by most position-aware rules for each block
    def from_end(self) -> int:
        """0 for the last block, 1 for the one before it, ..."""
        return len(self.blocks) - 1 - self.index

    @property
    def previous(self) -> str | None:
        return self.blocks[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> str | None:
        return self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None

    @_computed_once  # every rule asks; count once per block
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Finding:
    """What a flag rule reports: a span of the repaired text and what to say about it."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    fix: str | None = None  # replacement safe to apply automatically (``--fix-typos``), if any


@dataclass(frozen=True)
class FlagInput:
    """What flag rules see: the repaired text and the spans already removed from it."""

    text: str
    removed_spans: tuple[tuple[int, int], ...]
    metadata: dict[str, Any] = field(default_factory=dict)


def matches(selector: str, rule: Rule) -> bool:
    """True when a ``--select``/``--ignore`` entry names this rule.

    An entry is a code prefix (``B`` takes every boilerplate rule, ``B1`` the B1xx ones), a full
    code, a rule name (``photo-caption``), a category (``caption``), or ``ALL``.
    """
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s == rule.name or s == rule.category:
        return True
    return rule.code.startswith(s.upper())


def select_rules(
    rules: Iterable[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Rule]:
    """Rules that run: enabled ones (or those selected), minus ignored ones.

    ``select`` given means only matching rules run, including rules that are off by default;
    ``ignore`` wins over ``select`` for the same rule, like ruff.
    """
    chosen = []
    for r in rules:
        if select:
            on = any(matches(s, r) for s in select)
        else:
            on = r.enabled
        if on and not any(matches(s, r) for s in ignore):
            chosen.append(r)
    return chosen
