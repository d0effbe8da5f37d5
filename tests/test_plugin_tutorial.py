"""The plugin tutorial in docs/plugins.md, done as a new user would: files, pip install, CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, pip_install_target, run_cli

DOC = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
TUTORIAL = DOC.split("## Tutorial", 1)[1].split("\n## ", 1)[0]


def tutorial_files() -> dict[str, str]:
    return dict(re.findall(r'```\w+ title="([^"]+)"\n(.*?)```', TUTORIAL, re.S))


def expected_check_output() -> str:
    return re.search(r"```text\n(.*?)```", TUTORIAL, re.S).group(1)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("newsroom-plugin")
    files = tutorial_files()
    assert set(files) == {"pyproject.toml", "cleaner_newsroom.py"}
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("site")
    pip_install_target(project, target)
    return target


def test_installed_plugin_is_listed(installed: Path) -> None:
    result = run_cli("plugins", env={"PYTHONPATH": str(installed)})
    assert result.returncode == 0, result.stderr
    line = next(l for l in result.stdout.splitlines() if l.startswith("newsroom "))
    assert line.split() == ["newsroom", "0.1.0", "cleaner_register_rules"]


def test_installed_rules_are_listed(installed: Path) -> None:
    result = run_cli("rules", "--select", "N", env={"PYTHONPATH": str(installed)})
    rows = [l.split()[:6] for l in result.stdout.splitlines() if l.startswith("N")]
    assert rows == [
        ["N101", "tip-line", "remove", "promo", "newsroom", "on"],
        ["N201", "known-slip", "flag", "typo", "newsroom", "on"],
    ]


def test_check_shows_the_plugin_at_work(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "The untied front meets at six.\n\nTip us off: news@example.org\n", encoding="utf-8"
    )
    result = run_cli("check", "story.txt", cwd=tmp_path,
                     env={"PYTHONPATH": f"{installed}:{ROOT}"})
    assert result.stdout == expected_check_output()
    assert result.returncode == 1
    cleaned = run_cli("clean", "story.txt", "-q", cwd=tmp_path,
                      env={"PYTHONPATH": f"{installed}:{ROOT}"})
    assert cleaned.stdout == "The untied front meets at six.\n"


def test_blocking_the_plugin_turns_it_off(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Tip us off: news@example.org\n", encoding="utf-8")
    result = run_cli("check", "story.txt", "-p", "no:newsroom", cwd=tmp_path,
                     env={"PYTHONPATH": f"{installed}:{ROOT}"})
    assert result.stdout == ""
    assert result.returncode == 0
