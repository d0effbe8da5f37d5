"""Declarative rule packs: boilerplate patterns, accepted words and corrections in TOML.

A pack adds rules without Python. It is data: parsed with ``tomllib``, its patterns compiled
with the ``regex`` package and every match run under a time limit, so a pattern with
catastrophic backtracking costs one rule one block, never a hung corpus run.

.. code-block:: toml

    [pack]
    name = "house-style"

    [[rule]]
    code = "P101"
    name = "podcast-promo"
    category = "promo"
    reason = "podcast promotion"
    phrases = ["Listen to our podcast"]      # a block starting with one of these (case-insensitive)
    patterns = ['^Rate us on \\w+ Podcasts$']  # or matching one of these regular expressions
    max_words = 30                           # only blocks this short (default 60)
    position = "any"                         # "lead" (first 3 blocks), "end" (last 3) or "any"

    [words]
    accept = ["Kyiv", "Zelensky"]

    [corrections]
    "goverment" = "government"
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.rules import Block, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PATTERN_TIMEOUT = 0.05  # seconds one pattern may spend on one block
_POSITIONS = ("any", "lead", "end")


class PackError(ValueError):
    """A pack that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Pack:
    path: str
    name: str
    rules: tuple[Rule, ...]
    words: frozenset[str]
    corrections: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=64)
def load_pack(path: str) -> Pack:
    """Parse and validate one pack file (cached per process: several hooks read it)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from exc
    name = str(data.get("pack", {}).get("name") or Path(path).stem)
    rules = tuple(_rule(path, i, entry) for i, entry in enumerate(data.get("rule", [])))
    words_table = data.get("words", {})
    accept = words_table.get("accept", [])
    if not isinstance(accept, list) or not all(isinstance(w, str) for w in accept):
        raise PackError(f"{path}: [words] accept must be a list of strings")
    corrections = data.get("corrections", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in corrections.items()):
        raise PackError(f"{path}: [corrections] must map strings to strings")
    return Pack(
        path,
        name,
        rules,
        frozenset(w.lower() for w in accept),
        tuple(sorted((k.lower(), v) for k, v in corrections.items())),
    )


def _rule(path: str, index: int, entry: dict[str, Any]) -> Rule:
    where = f"{path}: rule #{index + 1}"
    try:
        code, name, category = str(entry["code"]), str(entry["name"]), str(entry["category"])
    except KeyError as exc:
        raise PackError(f"{where}: missing {exc.args[0]!r}") from exc
    reason = str(entry.get("reason") or entry.get("message") or name.replace("-", " "))
    phrases = tuple(str(p).casefold() for p in entry.get("phrases", []))
    max_words = int(entry.get("max_words", 60))
    position = str(entry.get("position", "any"))
    if position not in _POSITIONS:
        raise PackError(f"{where}: position must be one of {_POSITIONS}")
    import regex  # lazy: only runs with packs

    try:
        patterns = tuple(regex.compile(p, regex.IGNORECASE | regex.V1) for p in entry.get("patterns", []))
    except regex.error as exc:
        raise PackError(f"{where}: bad pattern: {exc}") from exc
    if not phrases and not patterns:
        raise PackError(f"{where}: needs 'phrases' or 'patterns'")

    def check(block: Block) -> str | None:
        if block.words > max_words or not _in_position(block, position):
            return None
        folded = block.text.casefold()
        if any(folded.startswith(p) for p in phrases):
            return reason
        for pattern in patterns:
            try:
                if pattern.search(block.text, timeout=PATTERN_TIMEOUT):
                    return reason
            except TimeoutError:
                continue  # a runaway pattern loses this block, the run goes on
        return None

    try:
        return Rule(code, name, "remove", category, check, reason,
                    options={"pack": path, "enabled": bool(entry.get("enabled", True))},
                    enabled=bool(entry.get("enabled", True)),
                    max_words=max(max_words, 0))  # the check's own gate, told to the pipeline
    except ValueError as exc:
        raise PackError(f"{where}: {exc}") from exc


def _in_position(block: Block, position: str) -> bool:
    if position == "lead":
        return block.index < 3
    if position == "end":
        return block.from_end < 3
    return True


def iter_packs(paths: tuple[str, ...]) -> Iterator[Pack]:
    for path in paths:
        yield load_pack(path)
