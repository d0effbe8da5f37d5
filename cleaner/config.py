"""Run configuration: one immutable, picklable value built from files and flags.

Execution is separate from the pipeline: a worker process or a Dask worker receives a
:class:`Config` and builds its own :class:`~cleaner.Cleaner` from it, so everything here must
pickle. Settings come from ``[tool.cleaner]`` in ``pyproject.toml`` or from ``cleaner.toml``,
found by walking up from the working directory (as ruff does); command-line flags override them.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Config:
    """Everything a run needs to rebuild the same pipeline anywhere."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()  # extra plugin modules to load (``-p module``)
    disable_plugins: tuple[str, ...] = ()  # plugin names to block (``-p no:name``)
    load_entrypoints: bool = True
    min_confidence: float = 0.5  # typo flags below this are not reported
    fix_typos: bool = False
    words: tuple[str, ...] = ()  # accepted words (allow-list)
    words_files: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()  # known misspelling -> correction
    packs: tuple[str, ...] = ()  # rule pack TOML files
    strict: bool = False  # plugin load failures and rule errors become errors
    kind: str = "auto"  # "auto", "text" or "html"
    max_bytes: int = DEFAULT_MAX_BYTES
    options: Mapping[str, Any] = field(default_factory=dict)  # free-form, for plugins
    config_file: str | None = None

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


_LIST_KEYS = {"select", "extend_select", "ignore", "plugins", "disable_plugins", "words",
              "words_files", "packs"}
_PATH_KEYS = {"words_files", "packs"}


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``cleaner.toml``, or ``pyproject.toml`` with a ``[tool.cleaner]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "cleaner.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "tool" in (_read_toml(candidate)) and "cleaner" in _read_toml(
            candidate
        ).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc


def load_config(path: Path | None = None, *, isolated: bool = False, **overrides: Any) -> Config:
    """Build a Config from a file (found upward when ``path`` is None) and overrides.

    Overrides whose value is None are ignored, so CLI flags that were not given keep the file's
    value. Relative paths in the file are resolved against the file's folder. ``isolated``
    reads no file at all.
    """
    values: dict[str, Any] = {}
    file = None if isolated else (path if path is not None else find_config_file())
    if file is not None:
        data = _read_toml(file)
        table = data.get("tool", {}).get("cleaner", {}) if file.name == "pyproject.toml" else data
        values.update(_from_table(table, file))
        values["config_file"] = str(file)
    for key, value in overrides.items():
        if value is None:
            continue
        if key in _LIST_KEYS:
            value = tuple(value)
        values[key] = value
    return Config(**values)


def _from_table(table: Mapping[str, Any], file: Path) -> dict[str, Any]:
    known = {f.name for f in dataclasses.fields(Config)} - {"config_file"}
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            raise ConfigError(f"{file}: unknown setting {raw_key!r} in cleaner configuration")
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{file}: {raw_key} must be a list of strings")
            if key in _PATH_KEYS:
                value = [str((file.parent / v).resolve()) for v in value]
            value = tuple(value)
        values[key] = value
    return values
