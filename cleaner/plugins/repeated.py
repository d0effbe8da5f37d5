"""Built-in corpus rule (D101): lines repeated across documents of one site or batch.

The rule itself is small: the evidence comes from the corpus pass (:mod:`cleaner.corpus`),
which the runner makes over every input before cleaning and hands to each document as
``metadata["repeated_lines"]`` (a frozen set of line hashes for the document's site). A
document cleaned on its own, or read from standard input, carries no such set and the rule
removes nothing: a line is only ever removed because other documents share it.
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.corpus import MIN_DOCS_KEY, REPEATED_KEY, line_hash
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Block, Rule, rule


@rule("D101", "repeated-line", stage="remove", category="repeated")
def repeated_line(block: Block) -> str | None:
    """A line that recurs in many documents of the same site or batch (a footer, a sign-up).

    Needs the corpus pass: it runs when several documents are cleaned together (files, a
    directory, a JSONL corpus), and ``--repeat-min-docs K`` sets how many documents must share
    the line (default 3, never fewer than 2).
    """
    repeated = block.metadata.get(REPEATED_KEY)
    if not repeated:
        return None
    h = line_hash(block.text)
    if h is None or h not in repeated:
        return None
    k = block.metadata.get(MIN_DOCS_KEY, 2)
    return f"line repeated in {k} or more documents of the same site or batch"


@hookimpl
def cleaner_register_rules(config: Config) -> list[Rule]:
    return [repeated_line]
