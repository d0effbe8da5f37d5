"""Writing files so that a crash or Ctrl-C leaves either the old file or the new one.

The text goes to a hidden temporary file beside the target (``.NAME.HOST-PID.XXXX.tmp``), is
flushed and fsynced, gets the target's permissions (or the umask's default for a new file), and
is renamed over the target in one step. An exception removes the temporary file. A process
killed outright (``kill -9``, power loss) cannot clean up, so it may leave its temporary file
behind: hidden, so directory runs never read it, and removed by the next process that writes
into the same folder, once its writer is gone.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import socket
from pathlib import Path

_HOST = socket.gethostname().replace(".", "_").replace("/", "_") or "host"


def write_atomic(path: Path, text: str, *, keep_mode_of: Path | None = None,
                 durable: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, fsync it (unless not ``durable``),
    then rename it into place."""
    with AtomicStream(Path(path), keep_mode_of=keep_mode_of, durable=durable) as out:
        out.write(text)


class AtomicStream:
    """A file written piece by piece beside its target, renamed into place on commit.

    For outputs too large to hold in memory (a JSONL corpus rewritten in place) as well as for
    whole texts (:func:`write_atomic`): until :meth:`commit` the old file is untouched; the new
    one gets the old one's permissions (or those of ``keep_mode_of``, or the umask's default).
    ``gz`` compresses what is written. ``durable=False`` skips the fsyncs (derived outputs
    under ``-o DIR``: the rename still means no reader sees a half-written file).
    """

    def __init__(self, path: Path, *, gz: bool = False, durable: bool = True,
                 keep_mode_of: Path | None = None) -> None:
        self.path = Path(path)
        self.durable = durable
        self.keep_mode_of = keep_mode_of
        _prepare_folder(self.path.parent)
        fd, self.tmp = _create_temporary(self.path)
        self._raw = os.fdopen(fd, "wb")
        self._gz = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0) if gz else None
        self.text = io.TextIOWrapper(self._gz or self._raw, encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self.text.write(text)

    def write_bytes(self, data: bytes) -> None:
        """Write encoded data (a binary cache file) after any text written so far."""
        self.text.flush()
        (self._gz or self._raw).write(data)

    def commit(self) -> None:
        try:
            self.text.flush()
            self.text.detach()
            if self._gz is not None:
                self._gz.close()
            self._raw.flush()
            if self.durable:
                os.fsync(self._raw.fileno())
            self._raw.close()
            model = self.keep_mode_of or (self.path if self.path.exists() else None)
            if model is not None:  # a new file already has what open() gives (umask applied)
                os.chmod(self.tmp, model.stat().st_mode & 0o7777)
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise
        if self.durable:
            _fsync_directory(self.path.parent)

    def abort(self) -> None:
        for closing in (self.text, self._raw):
            try:
                closing.close()
            except Exception:
                pass
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass

    def __enter__(self) -> AtomicStream:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def _create_temporary(target: Path) -> tuple[int, str]:
    """Open a new hidden temporary file beside ``target`` (``.NAME.HOST-PID.XXXXXXXX.tmp``).

    Created with mode 0666 so that the kernel applies the umask, as for any new file: no
    umask lookup and no chmod for the common case of a new output file.
    """
    prefix = os.path.join(target.parent, f".{target.name}.{_HOST}-{os.getpid()}.")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = f"{prefix}{random.getrandbits(32):08x}.tmp"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


_READY: set[str] = set()


def _prepare_folder(folder: Path) -> None:
    """Create the folder and sweep its stale temporaries, once per folder per process: a
    corpus run writes thousands of files into the same few folders."""
    key = os.fspath(folder)
    if key in _READY:
        return
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(folder)
    _READY.add(key)


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
