"""Plugins, rule selection, configuration files and rule packs, through the CLI."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.packs import PackError, load_pack
from helpers import ROOT, run_cli

DATA = ROOT / "tests" / "data"
STORY = "Markets rose on Monday.\n\nShare this article\n\nLeave a comment\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def removed_rules(result) -> list[str]:
    return [d["rule"] for d in json.loads(result.stdout)[0]["removed"]]


def test_builtins_are_listed_as_plugins() -> None:
    result = run_cli("plugins", "--format", "json")
    names = [p["name"] for p in json.loads(result.stdout) if p["builtin"]]
    assert names == ["boilerplate", "formats", "loaders", "repair", "repeated", "rulepacks", "typos"]


def test_rules_lists_every_rule_with_plugin_and_state() -> None:
    rows = json.loads(run_cli("rules", "--format", "json", "--ignore", "B3").stdout)
    by_code = {r["code"]: r for r in rows}
    assert by_code["B301"]["enabled"] is False
    assert by_code["B101"] == {**by_code["B101"], "plugin": "boilerplate", "stage": "remove",
                               "category": "caption", "enabled": True}
    assert by_code["T101"]["plugin"] == "typos"
    assert {r["code"][0] for r in rows} >= {"R", "B", "T"}


def test_select_and_ignore_by_prefix_name_and_category(story: Path) -> None:
    assert removed_rules(run_cli("check", "--format", "json", str(story))) == ["B301", "B201"]
    assert removed_rules(run_cli("check", "--format", "json", "--ignore", "B3", str(story))) == ["B201"]
    assert removed_rules(run_cli("check", "--format", "json", "--select", "comments", str(story))) == ["B201"]
    assert removed_rules(run_cli("check", "--format", "json", "--select", "share-follow", str(story))) == ["B301"]


def test_configuration_is_found_upward_from_the_working_directory(story: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nignore = ["B201"]\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    result = run_cli("check", "--format", "json", str(story), cwd=nested)
    assert removed_rules(result) == ["B301"]
    isolated = run_cli("check", "--format", "json", "--isolated", str(story), cwd=nested)
    assert removed_rules(isolated) == ["B301", "B201"]


def test_unknown_configuration_key_is_an_error_naming_the_file(tmp_path: Path, story: Path) -> None:
    config = tmp_path / "cleaner.toml"
    config.write_text('ignor = ["B"]\n', encoding="utf-8")
    result = run_cli("check", str(story), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"cleaner: error: {config}: unknown setting 'ignor' in cleaner configuration\n"


def test_blocking_a_builtin_plugin(story: Path) -> None:
    result = run_cli("check", "--format", "json", "-p", "no:boilerplate", str(story))
    assert removed_rules(result) == []


def test_a_plugin_that_fails_to_load_is_a_warning_or_with_strict_an_error(story: Path) -> None:
    env = {"PYTHONPATH": str(DATA)}
    result = run_cli("clean", "-q", "-p", "unimportable_plugin", str(story), env=env)
    assert result.returncode == 0
    assert result.stdout == "Markets rose on Monday.\n"
    assert result.stderr == (
        "cleaner: warning: plugin 'unimportable_plugin' failed to load: "
        "ImportError: missing dependency 'frobnicate'\n"
    )
    strict = run_cli("clean", "--strict", "-p", "unimportable_plugin", str(story), env=env)
    assert strict.returncode == 2
    assert strict.stdout == ""


def test_a_rule_that_raises_is_reported_and_the_document_still_written(story: Path) -> None:
    env = {"PYTHONPATH": str(DATA)}
    result = run_cli("clean", "-p", "broken_plugin", str(story), env=env)
    assert result.returncode == 0
    assert result.stdout == "Markets rose on Monday.\n"
    assert (
        f"{story}: rule X901 always-raises (plugin broken_plugin) failed: "
        "ValueError: this rule is broken"
    ) in result.stderr.splitlines()
    strict = run_cli("clean", "--strict", "-p", "broken_plugin", str(story), env=env)
    assert strict.returncode == 2
    assert "rule X901 always-raises (plugin broken_plugin) raised ValueError" in strict.stderr


PACK = textwrap.dedent(
    """
    [pack]
    name = "house"

    [[rule]]
    code = "P101"
    name = "podcast-promo"
    category = "promo"
    reason = "podcast promotion"
    phrases = ["Listen to our podcast"]
    patterns = ['^Rate us on \\w+ Podcasts$']
    max_words = 12
    position = "end"

    [words]
    accept = ["Qwzxv"]

    [corrections]
    "wierd" = "weird"
    """
)


def test_a_rule_pack_adds_rules_words_and_corrections(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(PACK, encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(
        "A wierd week for Qwzxv, said Qwzxw.\n\nListen to our podcast every Friday\n"
        "Rate us on Apple Podcasts\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--format", "json", "--pack", str(pack), str(story))
    (doc,) = json.loads(result.stdout)
    assert [(r["rule"], r["text"]) for r in doc["removed"]] == [
        ("P101", "Listen to our podcast every Friday"),
        ("P101", "Rate us on Apple Podcasts"),
    ]
    assert [(f["text"], f["suggestions"][:1], f["confidence"]) for f in doc["flags"]
            if f["text"] == "wierd"] == [("wierd", ["weird"], 1.0)]
    assert "Qwzxv" not in [f["text"] for f in doc["flags"]]
    rules = json.loads(run_cli("rules", "--format", "json", "--pack", str(pack)).stdout)
    assert {r["code"]: r["plugin"] for r in rules}["P101"] == "pack:house"


def test_a_broken_pack_is_a_usage_error_naming_the_file(tmp_path: Path, story: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text('[[rule]]\ncode = "P1"\nname = "x"\ncategory = "y"\npatterns = ["(unclosed"]\n',
                    encoding="utf-8")
    result = run_cli("check", "--pack", str(pack), str(story))
    assert result.returncode == 2
    assert result.stderr.startswith(f"cleaner: error: {pack}: rule #1: bad pattern:")


def test_a_catastrophic_pattern_is_cut_off_by_the_time_limit(tmp_path: Path) -> None:
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[[rule]]\ncode = "P201"\nname = "slow"\ncategory = "test"\n'
        "patterns = ['^(a+)+$']\nmax_words = 5\n",
        encoding="utf-8",
    )
    load_pack.cache_clear()
    doc = Cleaner(packs=(str(pack),), ignore=["T"]).clean("a" * 40 + "!")
    assert doc.removed == []
    with pytest.raises(PackError):
        load_pack(str(tmp_path / "absent.toml"))
