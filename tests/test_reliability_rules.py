"""Failures are contained: a rule or loader that raises costs its own effect, nothing more."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.decoding import InputError
from cleaner.pipeline import RuleFailed
from cleaner.pluginmanager import hookimpl
from cleaner.rules import Finding, FlagInput, Rule, rule
from cleaner.textmap import Edit


@rule("X101", "broken-repair", stage="repair", category="test")
def broken_repair(text: str) -> Iterator[Edit]:
    """A repair whose generator fails after its first edit."""
    yield Edit(0, 0, "")
    raise ValueError("repair exploded")


@rule("X201", "broken-remove", stage="remove", category="test")
def broken_remove(block: object) -> str | None:
    """A remove rule that raises on every block."""
    raise KeyError("remove exploded")


@rule("X301", "broken-flag", stage="flag", category="test")
def broken_flag(doc: FlagInput) -> Iterator[Finding]:
    """A flag rule whose generator fails midway."""
    yield Finding(0, 1, "first")
    raise RuntimeError("flag exploded")


def _plugin(*rules: Rule) -> SimpleNamespace:
    @hookimpl
    def cleaner_register_rules(config: object) -> list[Rule]:
        return list(rules)

    return SimpleNamespace(__name__="brokenplugin", cleaner_register_rules=cleaner_register_rules)


@pytest.mark.parametrize("broken", [broken_repair, broken_remove, broken_flag], ids=lambda r: r.code)
def test_a_raising_rule_is_recorded_and_the_document_still_produced(broken: Rule) -> None:
    cleaner = Cleaner(plugins=[_plugin(broken)], disable_plugins=("typos",))
    doc = cleaner.clean("Headline\n\nThe story itself.\n\nShare this article")
    assert doc.text == "Headline\n\nThe story itself."  # the other rules all ran
    assert [(e.plugin, e.rule, e.stage) for e in doc.errors][:1] == [
        ("brokenplugin", broken.id, broken.stage)
    ]
    assert len({e.error for e in doc.errors}) == 1
    assert doc.errors[0].error.split(":")[0] in {"ValueError", "KeyError", "RuntimeError"}
    assert "exploded" in doc.errors[0].error
    assert cleaner.stats[broken.code].errors >= 1


@pytest.mark.parametrize("broken", [broken_repair, broken_remove, broken_flag], ids=lambda r: r.code)
def test_strict_turns_a_raising_rule_into_an_error(broken: Rule) -> None:
    cleaner = Cleaner(plugins=[_plugin(broken)], disable_plugins=("typos",), strict=True)
    with pytest.raises(RuleFailed, match=rf"^doc\.txt: rule {broken.id} \(plugin brokenplugin\) raised"):
        cleaner.clean("Headline\n\nThe story itself.", source="doc.txt")


@pytest.fixture
def broken_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "cleaner_test_broken.py").write_text(
        "from cleaner.pluginmanager import hookimpl\n"
        "from cleaner.decoding import InputError\n"
        "@hookimpl(tryfirst=True)\n"
        "def cleaner_load(source, data, kind, config):\n"
        "    if 'EXPLODE' in data:\n"
        "        raise ZeroDivisionError('loader exploded')\n"
        "    return None\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return "cleaner_test_broken"


def test_a_raising_loader_fails_that_document_only(
    broken_module: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("First story.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("EXPLODE\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Last story.\n", encoding="utf-8")
    status = main(["clean", str(tmp_path), "--format", "json", "-p", broken_module, "-p", "no:typos",
                   "--isolated"])
    out, err = capsys.readouterr()
    assert status == 2
    assert [d["text"] for d in json.loads(out)] == ["First story.", "Last story."]
    assert f"cleaner: error: {tmp_path / 'b.txt'}: cannot load: ZeroDivisionError: loader exploded" in err


def test_loader_errors_are_input_errors_in_the_library(broken_module: str) -> None:
    cleaner = Cleaner(plugins=[__import__(broken_module)], disable_plugins=("typos",))
    with pytest.raises(InputError, match="^x: cannot load: ZeroDivisionError: loader exploded$"):
        cleaner.clean("EXPLODE", source="x")


class _BrokenObserver:
    __name__ = "observer"

    @hookimpl
    def cleaner_document_done(self, document: object, config: object) -> None:
        raise OSError("statistics disk full")


def test_a_raising_observer_is_recorded_and_the_document_kept() -> None:
    cleaner = Cleaner(plugins=[_BrokenObserver()], disable_plugins=("typos",))
    doc = cleaner.clean("Headline\n\nStory.", source="d.txt")
    assert doc.text == "Headline\n\nStory."
    assert [e.to_dict() for e in doc.errors] == [{
        "plugin": "observer", "rule": "cleaner_document_done", "stage": "done",
        "error": "OSError: statistics disk full",
    }]
    strict = Cleaner(plugins=[_BrokenObserver()], disable_plugins=("typos",), strict=True)
    with pytest.raises(RuleFailed, match="^d.txt: plugin observer raised in cleaner_document_done"):
        strict.clean("Story.", source="d.txt")
