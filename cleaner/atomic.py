"""Writing files so that a crash or Ctrl-C leaves either the old file or the new one.

The text goes to a hidden temporary file beside the target (``.NAME.HOST-PID.XXXX.tmp``), is
flushed and fsynced, gets the target's permissions (or the umask's default for a new file), and
is renamed over the target in one step. An exception removes the temporary file. A process
killed outright (``kill -9``, power loss) cannot clean up, so it may leave its temporary file
behind: hidden, so directory runs never read it, and removed by the next process that writes
into the same folder, once its writer is gone.
"""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

_HOST = socket.gethostname().replace(".", "_").replace("/", "_") or "host"


def write_atomic(path: Path, text: str, *, keep_mode_of: Path | None = None) -> None:
    """Write ``text`` to a temporary file beside ``path``, fsync it, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(path.parent)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{_HOST}-{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        source = keep_mode_of if keep_mode_of is not None else (path if path.exists() else None)
        mode = source.stat().st_mode & 0o7777 if source is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)  # mkstemp makes 0600; a new file gets what open() would give it
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_directory(path.parent)


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_SWEPT: set[str] = set()


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files in ``folder`` left by killed writers on this host.

    Done once per folder per process, so writing many files into one folder stays linear.
    """
    key = os.path.abspath(folder)
    if key in _SWEPT:
        return
    _SWEPT.add(key)
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return
    for name in names:
        pid = _writer_pid(name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


def _writer_pid(name: str) -> int | None:
    """The pid in ``.NAME.HOST-PID.XXXX.tmp`` when HOST is this host, else None."""
    if not (name.startswith(".") and name.endswith(".tmp")):
        return None
    head, _, _random = name[:-4].rpartition(".")
    _target, _, writer = head.rpartition(".")
    host, _, pid = writer.rpartition("-")
    return int(pid) if host == _HOST and pid.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True
    return True
