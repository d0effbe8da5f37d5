"""Finding and reading inputs: files, directories, standard input.

Reading is separate from cleaning so one unreadable input becomes an error item for that
input alone and the run goes on with the rest.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt.gz")


@dataclass(frozen=True)
class InputItem:
    """One document to clean, or the reason it could not be read."""

    source: str  # what messages call it: the path as given, or "-" / "<stdin>"
    data: bytes | None
    error: str | None = None
    relative: str | None = None  # path below the directory argument, for mirrored output
    kind: str | None = None


def expand(paths: Sequence[str], suffixes: Sequence[str] = TEXT_SUFFIXES) -> Iterator[tuple[str, str | None]]:
    """(path, relative path for mirroring) for each argument; directories recursively, sorted."""
    for arg in paths:
        if arg == "-":
            yield arg, None
            continue
        p = Path(arg)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.name.lower().endswith(tuple(suffixes)) and not any(
                    part.startswith(".") for part in child.relative_to(p).parts
                ):
                    yield str(child), str(child.relative_to(p))
        else:
            yield arg, p.name


def read_inputs(paths: Sequence[str]) -> Iterator[InputItem]:
    """Read each input's bytes; errors are items too, never exceptions."""
    for path, relative in expand(paths):
        if path == "-":
            yield InputItem("<stdin>", sys.stdin.buffer.read(), relative="stdin")
            continue
        try:
            data = Path(path).read_bytes()
            if path.lower().endswith(".gz"):
                data = gzip.decompress(data)
        except FileNotFoundError:
            yield InputItem(path, None, "no such file or directory")
        except IsADirectoryError:
            yield InputItem(path, None, "is a directory")
        except PermissionError:
            yield InputItem(path, None, "permission denied")
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield InputItem(path, None, f"cannot read: {exc}")
        else:
            name = relative[:-3] if relative and relative.lower().endswith(".gz") else relative
            yield InputItem(path, data, relative=name)
