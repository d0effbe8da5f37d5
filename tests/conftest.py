"""Shared fixtures: Cleaner instances, a network guard, and a time-bounded runner."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import tempfile
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cleaner import Cleaner

_OWN_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Keep the spelling tables' disk cache out of the user's home: one
    throw-away cache per test session (inherited by subprocesses), unless
    the caller chose a cache directory."""
    if "CLEANER_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="cleaner-test-cache-")
        _OWN_CACHE.append(folder)
        os.environ["CLEANER_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _OWN_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def text_cleaner() -> Cleaner:
    """The default pipeline without the typo plugin (works before ``cleaner.spelling`` lands)."""
    return Cleaner(disable_plugins=("typos",))


@pytest.fixture(scope="session", params=["no-typos", "typos"])
def any_cleaner(request: pytest.FixtureRequest) -> Cleaner:
    """The default pipeline with and without typos; the typo variant skips until it exists."""
    if request.param == "typos":
        pytest.importorskip("cleaner.spelling")
        return Cleaner()
    return Cleaner(disable_plugins=("typos",))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Fail the test if anything opens a network connection or resolves a name."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert not attempts, f"network access attempted: {attempts!r}"


def _child(conn: Any, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", func(*args)))
    except BaseException:
        conn.send(("error", traceback.format_exc()))


def run_bounded(func: Callable[..., Any], *args: Any, timeout: float = 10.0) -> tuple[str, Any]:
    """Run ``func(*args)`` in a forked child; ("ok", result), ("error", tb), ("crashed", code), ("timeout", None).

    A regular expression stuck in catastrophic backtracking cannot be interrupted by a signal
    inside the interpreter, so the bound is enforced by killing a separate process.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            try:
                outcome = parent.recv()
            except EOFError:  # the child died without reporting (killed, out of memory)
                proc.join(5)
                return ("crashed", proc.exitcode)
            proc.join(5)
            return outcome
        return ("timeout", None)
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()
        parent.close()


@pytest.fixture
def bounded() -> Callable[..., tuple[str, Any]]:
    return run_bounded
