"""Helpers for testing rules and plugins, ours and third parties'.

    from cleaner.testing import run_plugin, assert_removed, assert_kept, assert_flagged

    def test_credit_line_goes():
        doc = run_plugin(my_plugin, "Story text.\\n\\nReporting by Jane Doe; Editing by Sam Roe")
        assert_removed(doc, "W101", "Reporting by Jane Doe; Editing by Sam Roe")

``run_plugin`` builds a pipeline with only the loaders, the repairs and the given plugins (no
built-in boilerplate or typo rules, no installed entry points), so a test sees exactly what its
plugin does. Pass ``builtins=True`` to see it together with everything cleaner ships.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from cleaner.config import Config
from cleaner.document import Document
from cleaner.pipeline import Cleaner
from cleaner.pluginmanager import short_name
from cleaner.plugins import DEFAULT_PLUGINS

_KEEP = {"loaders", "repair", "formats", "rulepacks"}


def make_cleaner(
    *plugins: Any, builtins: bool = False, modules: Sequence[str] = (), **options: Any
) -> Cleaner:
    """A Cleaner with just these plugins (objects or modules) and ``modules`` (names, as ``-p``)."""
    blocked: tuple[str, ...] = ()
    if not builtins:
        blocked = tuple(
            short_name(m) for m in DEFAULT_PLUGINS if short_name(m) not in _KEEP
        )
    config = Config(
        load_entrypoints=False,
        disable_plugins=blocked + tuple(options.pop("disable_plugins", ())),
        plugins=tuple(modules),
        strict=options.pop("strict", True),
    ).replace(**{k: tuple(v) if isinstance(v, list) else v for k, v in options.items()})
    return Cleaner(config, plugins=plugins)


def run_plugin(
    plugin: Any, text: str | bytes, *, source: str = "<test>", kind: str | None = None, **options: Any
) -> Document:
    """Clean ``text`` with only ``plugin`` (plus loaders and repairs); rule errors raise."""
    return make_cleaner(plugin, **options).clean(text, source=source, kind=kind)


def assert_removed(doc: Document, rule: str, text: str | None = None) -> None:
    """Assert that ``rule`` removed something (exactly ``text``, when given)."""
    hits = [r for r in doc.removed if r.rule == rule]
    assert hits, f"{rule} removed nothing; removals: {_summary(doc.removed)}"
    if text is not None:
        assert any(r.text == text for r in hits), (
            f"{rule} did not remove {text!r}; it removed {[r.text for r in hits]!r}"
        )


def assert_kept(doc: Document, *texts: str) -> None:
    """Assert that each text survived into the clean output."""
    for text in texts:
        assert text in doc.text, f"{text!r} was removed; removals: {_summary(doc.removed)}"


def assert_flagged(
    doc: Document, rule: str, text: str, suggestion: str | None = None
) -> None:
    """Assert that ``rule`` flagged ``text`` (with ``suggestion`` first, when given)."""
    hits = [f for f in doc.flags if f.rule == rule and f.text == text]
    assert hits, f"{rule} did not flag {text!r}; flags: {[(f.rule, f.text) for f in doc.flags]!r}"
    if suggestion is not None:
        assert hits[0].suggestions[:1] == (suggestion,), (
            f"{rule} suggested {hits[0].suggestions!r} for {text!r}, not {suggestion!r} first"
        )


def assert_not_flagged(doc: Document, *texts: str) -> None:
    flagged = {f.text for f in doc.flags}
    wrong = [t for t in texts if t in flagged]
    assert not wrong, f"flagged but should not be: {wrong!r}"


def check_rule_cases(
    cleaner: Cleaner, rule: str, removes: Iterable[str] = (), keeps: Iterable[str] = ()
) -> None:
    """Data-driven rule test: each ``removes`` line is removed by ``rule``, each ``keeps`` kept.

    Every case is placed between two ordinary paragraphs, so position rules see a body line.
    """
    before, after = "An ordinary opening paragraph of the story.", "The story goes on here."
    failures = []
    for line in removes:
        doc = cleaner.clean(f"{before}\n\n{line}\n\n{after}")
        if not any(r.rule == rule and r.text == line for r in doc.removed):
            failures.append(f"not removed by {rule}: {line!r} ({_summary(doc.removed)})")
    for line in keeps:
        doc = cleaner.clean(f"{before}\n\n{line}\n\n{after}")
        if any(r.text == line for r in doc.removed):
            failures.append(f"wrongly removed: {line!r} ({_summary(doc.removed)})")
    assert not failures, "\n".join(failures)


def _summary(removed: Iterable[Any]) -> str:
    return ", ".join(f"{r.rule}:{r.text[:40]!r}" for r in removed) or "none"
