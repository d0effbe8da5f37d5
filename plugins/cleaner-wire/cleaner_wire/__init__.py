"""cleaner-wire: rules for the boilerplate news wires append to their stories.

An example of a third-party cleaner plugin: one Python boilerplate rule, one Python flag rule,
and a rule pack (data, no code) registered through ``cleaner_register_packs``. Rules use the
prefix W, so ``--select W`` or ``--ignore W`` takes them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from cleaner import hookimpl
from cleaner.rules import Block, Finding, FlagInput, Rule, rule

__version__ = "0.1.0"

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_NAMES = rf"{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*(?:\s+in\s+{_NAME})?"
_ONE_CREDIT = rf"(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced)\s+by\s+{_NAMES}"
_CREDIT = re.compile(rf"^\(?{_ONE_CREDIT}(?:\s*[;,]\s*(?:and\s+)?{_ONE_CREDIT})*\)?\.?$")


@rule("W101", "reporting-credit", stage="remove", category="credit")
def reporting_credit(block: Block) -> str | None:
    """The wire's staff credit line: "Reporting by Jane Doe; Editing by Sam Roe".

    Only a whole line made of credits is removed, so a sentence such as "Editing by hand took
    hours" in the story body stays: it has no name list and goes on past the credit.
    """
    if block.words <= 40 and _CREDIT.match(block.text) and block.from_end <= 3:
        return "news-wire staff credit line"
    return None


# Place names whose English spelling changed; wires' style guides use the new one.
HOUSE_SPELLINGS = {"Kiev": "Kyiv", "Bombay": "Mumbai", "Peking": "Beijing"}
_HOUSE = re.compile(r"\b(" + "|".join(HOUSE_SPELLINGS) + r")\b")


@rule("W201", "house-spelling", stage="flag", category="style")
def house_spelling(doc: FlagInput) -> Iterator[Finding]:
    """Old spellings the wire's style guide replaced: "Kiev" is flagged with "Kyiv"."""
    for m in _HOUSE.finditer(doc.text):
        new = HOUSE_SPELLINGS[m.group()]
        yield Finding(m.start(), m.end(), f'house style: "{m.group()}" -> "{new}"', (new,), 0.9)


@hookimpl
def cleaner_register_rules(config) -> list[Rule]:  # type: ignore[no-untyped-def]
    return [reporting_credit, house_spelling]


@hookimpl
def cleaner_register_packs(config) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(Path(__file__).with_name("wire.toml"))]
