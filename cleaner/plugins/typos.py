"""Built-in typo rule (T101): non-word typos with ranked suggestions, names respected.

The detection itself lives in :mod:`cleaner.spelling`; this plugin registers it as a flag rule
and feeds it the run's allow-list (``words``, ``words_files`` and every plugin's
``cleaner_register_words``) and known corrections from rule packs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cleaner.config import Config
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Finding, FlagInput, Rule


def typo_rule(allow: frozenset[str], corrections: Mapping[str, str], fix_threshold: float) -> Rule:
    """A T101 rule bound to one run's allow-list and corrections."""
    from cleaner.spelling import find_typos

    def check(doc: FlagInput) -> Iterator[Finding]:
        for typo in find_typos(doc.text, allow=allow, corrections=corrections):
            best = typo.suggestions[0] if typo.suggestions else None
            yield Finding(
                typo.start,
                typo.end,
                typo.message,
                typo.suggestions,
                typo.confidence,
                fix=best if best is not None and typo.confidence >= fix_threshold else None,
            )

    return Rule(
        "T101",
        "typo",
        "flag",
        "typo",
        check,
        "Likely misspelling of a common word or of a name spelled otherwise nearby.",
    )


@hookimpl
def cleaner_register_rules(config: Config) -> list[Rule]:
    from cleaner.spelling import DEFAULT_HIGH_CONFIDENCE, load_words_file

    words = {w.lower() for w in config.words}
    for path in config.words_files:
        words |= load_words_file(path)
    corrections = dict(config.corrections)
    threshold = float(config.options.get("fix_threshold", DEFAULT_HIGH_CONFIDENCE))
    return [typo_rule(frozenset(words), corrections, threshold)]
