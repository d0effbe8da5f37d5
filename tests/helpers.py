"""Small helpers shared by the CLI tests: run the real `cleaner` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b03457842792d85a.txt"
SHARED = ROOT.parent / "shared" / "corpus"


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cleaner ARGS`` as a user would run ``cleaner ARGS``."""
    full_env = dict(os.environ)
    full_env.pop("CLEANER_LOAD_PLUGINS", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def pip_install_target(package: Path, target: Path) -> None:
    """Install a plugin package into ``target`` (no dependencies, offline build)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(package)],
        check=True, capture_output=True, text=True, timeout=300,
    )
