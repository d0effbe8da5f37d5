"""A disk cache for the spelling tables, so a new process need not rebuild them.

Building the word tables from wordfreq's list takes about a second of pure
Python (deletion index, bigram model); reading them back with ``marshal``
takes a fraction of that.  The cache is only ever an optimisation: a file
that is missing, unreadable, truncated, from another version or of the wrong
shape is ignored (and rewritten), and a directory that cannot be written is
silently skipped.

Location: ``$CLEANER_CACHE_DIR`` when set (empty or ``off`` disables the
cache), else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``.  Each
file name carries a hash of everything the tables depend on (our table
version and parameters, the wordfreq version and its data file, the Python
version, since marshal's format may change), so stale files are never read;
files of other versions unused for a month are deleted when a new one is written.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..atomic import AtomicStream

ENV_VAR = "CLEANER_CACHE_DIR"
_DISABLED = ("", "off")


def cache_dir() -> Path | None:
    """Where cached tables live, or None when caching is disabled."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return None if chosen.strip().lower() in _DISABLED else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def _wordfreq_stamp() -> str:
    """wordfreq's version and its English data file's size and mtime, found
    without importing wordfreq (which costs ~100 ms)."""
    from importlib import metadata, util

    try:
        version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:
        version = "?"
    spec = util.find_spec("wordfreq")
    stamp = ""
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            info = os.stat(os.path.join(folder, "data", "large_en.msgpack.gz"))
        except OSError:
            continue
        stamp = f"{info.st_size}:{info.st_mtime_ns}"
    return f"{version}:{stamp}"


def key(*parts: object) -> str:
    """A short hash of ``parts`` plus the wordfreq and Python versions."""
    text = repr((parts, _wordfreq_stamp(), sys.version_info[:2], marshal.version))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _path(name: str, digest: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{name}-{digest}.marshal"


def load(name: str, digest: str) -> Any | None:
    """The object stored under ``name`` and ``digest``, or None when there is
    no usable file (any failure to read counts as a miss)."""
    path = _path(name, digest)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        stored_digest, payload = marshal.loads(data)
    except Exception:  # missing, unreadable, truncated or not ours: rebuild
        return None
    if stored_digest != digest:
        return None
    try:
        os.utime(path)  # in use: see _prune
    except OSError:
        pass
    return payload


def words(name: str, digest: str, build: Callable[[], list[str]]) -> list[str]:
    """The list of words stored under ``name`` and ``digest``; when there is none (or it is not
    a list of strings), ``build()``'s, stored there now."""
    found = load(name, digest)
    if isinstance(found, list) and all(isinstance(w, str) for w in found):
        return found
    built = build()
    store(name, digest, built)
    return built


def store(name: str, digest: str, payload: Any) -> None:
    """Write ``payload`` atomically (readers never see half a file); give up
    quietly when the directory cannot be written."""
    path = _path(name, digest)
    if path is None:
        return
    try:
        data = marshal.dumps((digest, payload))
        with AtomicStream(path, durable=False) as out:
            out.write_bytes(data)
    except (OSError, ValueError):
        return
    _prune(path, name)


# Files of other versions unused (neither read nor written) for this long are deleted when a new
# file is stored. Not at once: two installations with different wordfreq versions may share
# the folder, and each would keep deleting the other's tables.
STALE_AFTER_DAYS = 30


def _prune(current: Path, name: str) -> None:
    """Delete ``name``'s files of other digests that no process has used for STALE_AFTER_DAYS
    (each is ~10 MB, and every wordfreq or Python upgrade makes a new one)."""
    import time

    cutoff = time.time() - STALE_AFTER_DAYS * 86400
    try:
        for old in current.parent.glob(f"{name}-*.marshal"):
            if old != current and old.stat().st_mtime < cutoff:
                old.unlink()
    except OSError:
        return
