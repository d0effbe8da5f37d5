"""The example third-party package plugins/cleaner-wire: installed with pip, listed, used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, pip_install_target, run_cli

PLUGIN = ROOT / "plugins" / "cleaner-wire"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("wire-site")
    pip_install_target(PLUGIN, target)
    return target


def test_plugin_tests_pass_when_installed(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
         str(PLUGIN / "tests")],
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_listed_with_version_and_rules(site: Path) -> None:
    plugins = run_cli("plugins", env={"PYTHONPATH": str(site)})
    assert any(l.split()[:2] == ["wire", "0.1.0"] for l in plugins.stdout.splitlines())
    rules = run_cli("rules", "--select", "W", env={"PYTHONPATH": str(site)})
    assert [l.split()[0] for l in rules.stdout.splitlines()] == ["W101", "W102", "W201"]


def test_check_uses_it(site: Path, tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(
        "Talks in Kiev resumed on Monday, officials said.\n"
        "Reporting by Ann Lee; Editing by Bo Chan\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(story), "--select", "W", env={"PYTHONPATH": str(site)})
    assert result.stdout.splitlines() == [
        f'{story}:1:10: W201 [style] house style: "Kiev" -> "Kyiv"',
        f'{story}:2:1: W101 [credit] removed: news-wire staff credit line: "Reporting by Ann Lee; Editing by Bo Chan"',
    ]
    assert result.returncode == 1
