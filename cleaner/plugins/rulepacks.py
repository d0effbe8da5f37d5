"""Built-in plugin that turns rule packs (TOML data) into rules, accepted words and corrections.

Packs come from ``--pack FILE``, ``packs = [...]`` in the configuration, and any plugin's
``cleaner_register_packs`` hook. See :mod:`cleaner.packs` for the format.
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.packs import iter_packs
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Rule


@hookimpl
def cleaner_register_rules(config: Config) -> list[Rule]:
    rules: list[Rule] = []
    for pack in iter_packs(config.packs):
        rules.extend(r.with_plugin(f"pack:{pack.name}") for r in pack.rules)
    return rules


@hookimpl
def cleaner_register_words(config: Config) -> set[str]:
    words: set[str] = set()
    for pack in iter_packs(config.packs):
        words |= pack.words
    return words


@hookimpl
def cleaner_register_corrections(config: Config) -> dict[str, str]:
    corrections: dict[str, str] = {}
    for pack in iter_packs(config.packs):
        corrections.update(pack.corrections)
    return corrections
