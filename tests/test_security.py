"""Security: what gets imported, what gets executed, and no network access while cleaning."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.plugins import DEFAULT_PLUGINS

ROOT = Path(__file__).resolve().parent.parent
CLEANER_BIN = Path(sys.executable).parent / "cleaner"


def _evil_module(folder: Path, name: str, marker: Path) -> None:
    (folder / f"{name}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('imported {name}')\n"
        "from cleaner.pluginmanager import hookimpl\n"
        "@hookimpl\ndef cleaner_register_words(config):\n    return ['evilword']\n",
        encoding="utf-8",
    )


@pytest.fixture
def booby_trapped_cwd(tmp_path: Path) -> tuple[Path, Path]:
    """A working folder full of modules that would announce themselves if imported."""
    work = tmp_path / "work"
    work.mkdir()
    marker = tmp_path / "IMPORTED"
    for name in ("cleaner_evil", "cleaner_plugin", "cleaner_typos", "conftest", "sitecustomize_x"):
        _evil_module(work, name, marker)
    (work / "plugins").mkdir()
    _evil_module(work / "plugins", "cleaner_local", marker)
    (work / "story.txt").write_text("Headline\n\nA story.\n", encoding="utf-8")
    return work, marker


def _run_cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    return subprocess.run([str(CLEANER_BIN), *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_modules_in_the_working_directory_are_never_imported(booby_trapped_cwd: tuple[Path, Path]) -> None:
    work, marker = booby_trapped_cwd
    result = _run_cli(["check", "story.txt", "-p", "no:typos", "--isolated"], cwd=work,
                      PYTHONPATH=str(work))
    assert result.returncode == 0, result.stderr
    assert not marker.exists(), marker.read_text()


def test_an_explicit_p_loads_exactly_that_module(booby_trapped_cwd: tuple[Path, Path]) -> None:
    work, marker = booby_trapped_cwd
    result = _run_cli(["plugins", "-p", "cleaner_evil", "-p", "no:typos", "--isolated"], cwd=work,
                      PYTHONPATH=str(work))
    assert result.returncode == 0, result.stderr
    assert marker.read_text() == "imported cleaner_evil"  # only the one named
    assert "cleaner_evil" in result.stdout


def test_p_does_not_search_the_working_directory(booby_trapped_cwd: tuple[Path, Path]) -> None:
    work, marker = booby_trapped_cwd
    result = _run_cli(["plugins", "-p", "cleaner_evil", "-p", "no:typos", "--isolated"], cwd=work)
    assert not marker.exists()
    assert "plugin 'cleaner_evil' failed to load: ModuleNotFoundError" in result.stderr


def test_only_builtins_and_entry_points_are_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_LOAD_PLUGINS", "")  # no installed third-party plugins
    before = set(sys.modules)
    cleaner = Cleaner(disable_plugins=("typos",))
    names = {name for name, plugin in cleaner.pm.list_name_plugin() if plugin is not None}
    assert names == {m.rsplit(".", 1)[1] for m in DEFAULT_PLUGINS} - {"typos"}
    new_modules = set(sys.modules) - before
    assert not [m for m in new_modules if m.startswith("cleaner_")]


def test_rule_packs_are_data_never_executed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "EXECUTED"
    payload = f"__import__('pathlib').Path({str(marker)!r}).write_text('pwned')"
    pack = tmp_path / "pack.toml"
    pack.write_text(
        f'name = "evil"\ncode = "{payload}"\n[[rules]]\nid = "X101"\npattern = "{payload}"\n'
        f'message = "{payload}"\n', encoding="utf-8"
    )
    (tmp_path / "pack.py").write_text(payload, encoding="utf-8")  # a same-named module beside it
    py_pack = tmp_path / "evil_pack.py"
    py_pack.write_text(payload, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nA story.\n", encoding="utf-8")
    for packs in ([str(pack)], [str(py_pack)]):
        with contextlib.suppress(Exception):  # refusing a bad pack is fine, executing it is not
            Cleaner(packs=tuple(packs), disable_plugins=("typos",)).clean("Headline\n\nA story.")
        main(["check", str(story), "--pack", packs[0], "-p", "no:typos", "--isolated"])
    capsys.readouterr()
    assert not marker.exists()


REMOTE_PAGE = """<!DOCTYPE html [<!ENTITY remote SYSTEM "http://192.0.2.1/entity.txt">]>
<html><head>
<base href="http://192.0.2.1/">
<meta http-equiv="refresh" content="0; url=http://192.0.2.1/next">
<link rel="stylesheet" href="http://192.0.2.1/style.css">
<link rel="preload" href="https://192.0.2.1/font.woff2">
<style>@import url("http://192.0.2.1/more.css"); body { background: url(http://192.0.2.1/bg.png) }</style>
<script src="http://192.0.2.1/app.js"></script>
<title>Remote resources</title></head>
<body><article>
<p>The minister said on Tuesday that the new budget would cut spending on roads and raise it on
schools, a plan the opposition called reckless and short-sighted.</p>
<img src="http://192.0.2.1/photo.jpg" srcset="http://192.0.2.1/photo-2x.jpg 2x">
<iframe src="http://192.0.2.1/embed"></iframe>
<object data="http://192.0.2.1/flash.swf"></object>
<p>&remote; <a href="http://192.0.2.1/more">More</a> <xi:include href="http://192.0.2.1/x.xml"/></p>
<p>Share this article</p>
</article></body></html>"""


def test_cleaning_html_with_remote_resources_opens_no_connection(
    no_network: list[object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Cleaner(disable_plugins=("typos",)).clean(REMOTE_PAGE, source="remote.html")
    assert "The minister said on Tuesday" in doc.text
    page = tmp_path / "remote.html"
    page.write_text(REMOTE_PAGE, encoding="utf-8")
    for command in (["clean", "--format", "json"], ["check"]):
        main([*command, str(page), "-p", "no:typos", "--isolated"])
    capsys.readouterr()
    assert no_network == []


def test_no_connection_reaches_a_local_server_either(no_network: list[object]) -> None:
    """Catches fetches made below Python too (libxml2 has its own HTTP client)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.setblocking(False)
        port = server.getsockname()[1]
        page = REMOTE_PAGE.replace("192.0.2.1", f"127.0.0.1:{port}")
        doc = Cleaner(disable_plugins=("typos",)).clean(page, source="local.html")
        assert "The minister said on Tuesday" in doc.text
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing is waiting in the backlog


def test_the_network_guard_itself_catches_connections(no_network: list[object]) -> None:
    import socket

    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    no_network.clear()  # the attempt was deliberate
