"""The plugin API: every hook cleaner calls, in the order it calls them.

Built-in behaviour is written against these same hooks (see ``cleaner.plugins``), so whatever
cleaner does, a plugin can do. Implement a hook with ``@cleaner.hookimpl`` on a function of the
same name in a module or class you register through the ``cleaner`` entry-point group or load
with ``-p module``. Plugins may accept any subset of a hook's arguments.

Setup hooks run once when a :class:`cleaner.Cleaner` is built and *register* things; the
pipeline then runs the registered rules itself, stage by stage (load -> repair -> remove ->
flag -> output), attributing every result, timing and error to the rule and its plugin.
Per-document hooks exist only where one plugin decides (loading a format, first result wins).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.formats import Formatter
    from cleaner.rules import Rule

hookspec = pluggy.HookspecMarker("cleaner")


# ---------------------------------------------------------------------------------------------
# Setup: called once per Cleaner, results collected from every plugin
# ---------------------------------------------------------------------------------------------


@hookspec
def cleaner_register_packs(config: Config) -> Iterable[str] | None:
    """Return paths of declarative rule packs (TOML) this plugin ships.

    Called once per Cleaner, before every other setup hook: the packs' paths are added to
    ``config.packs``, and the built-in ``rulepacks`` plugin turns them into rules, words and
    corrections. A pack adds boilerplate patterns, typo allow-lists and known misspelling
    corrections without code; see ``docs/plugins.md`` for the format. Packs are data: they are
    parsed, never executed.
    """


@hookspec
def cleaner_register_words(config: Config) -> Iterable[str] | None:
    """Return words the typo rules must accept (names, jargon, a house style's spellings).

    Called once per Cleaner; the words of every plugin are merged into one allow-list.
    """


@hookspec
def cleaner_register_corrections(config: Config) -> dict[str, str] | None:
    """Return known misspellings and their corrections, as ``{"goverment": "government"}``.

    Called once per Cleaner; typo rules flag these words with full confidence and suggest the
    correction. Keys are matched case-insensitively.
    """


@hookspec
def cleaner_register_rules(config: Config) -> Iterable[Rule] | None:
    """Return the rules this plugin contributes.

    Called once per :class:`~cleaner.Cleaner`. ``config`` is the run's immutable
    :class:`~cleaner.config.Config` (read options from ``config.options``). Return an iterable of
    :class:`~cleaner.rules.Rule` (build them with the :func:`cleaner.rules.rule` decorator).
    Every plugin's rules are collected; the user's ``select``/``ignore`` then decide which run.
    """


@hookspec
def cleaner_register_formats() -> dict[str, Formatter] | None:
    """Return output formats as ``{name: formatter}`` for ``--format NAME``.

    Called once per Cleaner. A formatter is an object with ``start(stream, command)``,
    ``document(doc, stream, command)`` and ``finish(stream, command)``; see
    :class:`cleaner.formats.Formatter`. Later plugins cannot replace a name an earlier one took.
    """


# ---------------------------------------------------------------------------------------------
# Per document
# ---------------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def cleaner_load(source: str, data: str, kind: str | None, config: Config) -> Document | None:
    """Turn one decoded input into a :class:`~cleaner.document.Document`.

    Called for every input before any stage runs. ``data`` is the decoded input, ``kind`` the
    user's or the input format's hint (``"text"``, ``"html"`` or ``None`` to detect). Return a
    Document to claim the input, or ``None`` to let the next plugin try. Stops at the first
    non-None result. The built-in HTML loader (extraction with trafilatura) claims markup; the
    plain-text loader is ``trylast`` and claims everything else.
    """


@hookspec
def cleaner_document_done(document: Document, config: Config) -> None:
    """Called after every stage ran on a document, before it is written.

    For plugins that observe (statistics, logging). Read-only: return values are ignored.
    """


def hook_names() -> list[str]:
    """Names of every hook, in lifecycle order (used by ``cleaner plugins`` and the doc test)."""
    return [name for name in globals() if name.startswith("cleaner_")]


__all__: list[Any] = ["hook_names", "hookspec"]
