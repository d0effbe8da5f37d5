"""Finding and reading inputs: files, directories, standard input, JSONL records.

Reading is separate from cleaning so one unreadable input becomes an error item for that
input alone and the run goes on with the rest. Everything here is a generator: a corpus of any
size is read one document at a time, so memory does not grow with the corpus. The same
arguments always yield the same items in the same order, which lets the corpus pass
(:mod:`cleaner.corpus`) read the inputs a second time and agree with the cleaning pass.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from cleaner.corpus import url_host

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
DEFAULT_TEXT_FIELD = "text"
DEFAULT_HTML_FIELD = "html"


@dataclass(frozen=True)
class InputItem:
    """One document to clean, or the reason it could not be read.

    A JSONL record is an item too: ``container`` is its file (``"-"`` for stdin), ``line`` its
    1-based line number, ``record`` the parsed object (None when the line is not a JSON object)
    and ``raw`` the line as read, so a bad record can be passed through unchanged.
    """

    source: str  # what messages call it: the path as given, "<stdin>", or "file.jsonl:LINE"
    data: str | bytes | None
    error: str | None = None
    relative: str | None = None  # path below the directory argument, for mirrored output
    kind: str | None = None
    site: str | None = None  # documents of one site/batch share repeated lines (rule D101)
    container: str | None = None  # the JSONL file a record came from
    line: int | None = None
    record: dict[str, Any] | None = field(default=None, repr=False)
    raw: str | None = field(default=None, repr=False)
    path: str | None = None  # a file not read yet: the worker that cleans it reads it
    size: int = 0  # bytes on disk of a file not read yet (gzip: estimated), when known (with_size)

    @property
    def is_record(self) -> bool:
        return self.container is not None

    @property
    def failed(self) -> bool:
        """Reading it already failed (``error`` says why); nothing to clean."""
        return self.error is not None


@dataclass(frozen=True)
class InputOptions:
    """How to find and read inputs (the CLI's input group)."""

    include: tuple[str, ...] = ()  # globs; when given they replace the default suffix filter
    exclude: tuple[str, ...] = ()
    jsonl: bool = False  # read stdin and files of any name as JSONL
    text_field: str | None = None
    html_field: str | None = None
    id_field: str | None = None
    max_bytes: int | None = None  # refuse larger inputs before reading them (Config.max_bytes)


def is_jsonl(path: str, options: InputOptions | None = None) -> bool:
    return bool(options and options.jsonl) or path.lower().endswith(JSONL_SUFFIXES)


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    """Globs match as in .gitignore files, loosely: the relative path or any tail of it.

    ``*.txt`` matches by file name, ``local/*`` matches ``news/local/b.txt``, and a pattern
    naming a folder (``drafts``) matches everything below it.
    """
    if not patterns:
        return False
    parts = relative.split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    folders = parts[:-1]
    for pattern in patterns:
        pattern = pattern.strip("/")
        if any(fnmatch.fnmatchcase(tail, pattern) for tail in tails):
            return True
        if "/" not in pattern and any(fnmatch.fnmatchcase(f, pattern) for f in folders):
            return True
    return False


def expand(
    paths: Sequence[str],
    suffixes: Sequence[str] = TEXT_SUFFIXES + JSONL_SUFFIXES,
    options: InputOptions | None = None,
) -> Iterator[tuple[str, str | None]]:
    """(path, relative path for mirroring) for each argument; directories recursively, sorted.

    Inside a directory, ``--include`` globs (or the known suffixes) choose files and
    ``--exclude`` globs drop them; hidden files and folders are skipped. A file named on the
    command line is always taken, as the user asked for it by name.
    """
    options = options or InputOptions()
    for arg in paths:
        if arg == "-":
            yield arg, None
            continue
        p = Path(arg)
        if p.is_dir():
            base = str(p)
            # String concatenation, not os.path.join: this runs for every file of a corpus.
            head = "" if base == "." else base if base.endswith("/") else base + "/"
            for child, rel in _walk(base, ""):
                if options.include:
                    wanted = _matches(rel, options.include)
                else:
                    wanted = child.name.lower().endswith(tuple(suffixes))
                if wanted and not _matches(rel, options.exclude) and child.is_file():
                    yield head + rel, rel
        else:
            yield arg, p.name


def _walk(folder: str, prefix: str) -> Iterator[tuple[os.DirEntry[str], str]]:
    """Entries below ``folder`` and their relative paths, depth first, names sorted at each
    level: the order of ``sorted(Path(folder).rglob("*"))``, with hidden entries (and all
    below them) left out and symlinked folders not entered, as rglob does.

    ``os.scandir`` entries know their own type, so a folder of a million files costs no
    ``stat`` per file before the suffix test (pathlib's rglob and sort cost a second per
    hundred thousand).
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return  # unreadable folder: skipped, as rglob skips it
    for entry in entries:
        rel = prefix + entry.name
        yield entry, rel
        try:
            descend = entry.is_dir(follow_symlinks=False)
        except OSError:
            descend = False
        if descend:
            yield from _walk(entry.path, rel + "/")


def _site_of_file(path: str) -> str:
    """Files of one folder are one site or batch (``str(Path(path).parent)``)."""
    return _folder_site(path[: path.rfind("/") + 1])


@lru_cache(maxsize=4096)
def _folder_site(head: str) -> str:
    """The site of the files whose path starts with ``head`` (up to and with its last "/"):
    one slice per file, the rest once per folder."""
    folder = os.path.dirname(head)
    return str(Path(folder)) if folder else "."


def _site_of_record(record: dict[str, Any], container: str) -> str:
    """A record's site is the host of its ``url``; without one, the file it came from."""
    url = record.get("url")
    return (url_host(url) if isinstance(url, str) and url else None) or container


def read_inputs(
    paths: Sequence[str],
    options: InputOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    read_files: bool = True,
) -> Iterator[InputItem]:
    """Every document of the inputs, in order; errors are items too, never exceptions.

    With ``read_files=False`` plain files are not read here: their items carry ``path`` and no
    data, so that worker processes read them in parallel (:func:`read_file`). JSONL files and
    standard input are always read here, as their records must be split in order.
    """
    options = options or InputOptions()
    for path, relative in expand(paths, options=options):
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if options.jsonl:
                yield from read_jsonl(stream, "-", "stdin.jsonl", options)
            else:
                try:
                    data = read_stream(stream, options.max_bytes)
                except ReadError as exc:
                    yield InputItem("<stdin>", None, exc.reason)
                else:
                    yield InputItem("<stdin>", data, relative="stdin", site="<stdin>")
            continue
        if is_jsonl(path, options):
            try:
                handle = _open_binary(path)
            except OSError as exc:
                yield InputItem(path, None, _os_reason(exc))
                continue
            with handle:
                yield from read_jsonl(handle, path, relative, options)
            continue
        name = relative[:-3] if relative and relative.lower().endswith(".gz") else relative
        if not read_files:
            # No stat here: this runs in the one process that feeds every worker, and with the
            # pool's threads running each system call there costs a GIL hand-over. Batches are
            # sized by what the workers report instead (see parallel.SizeEstimate).
            yield InputItem(path, None, relative=name, site=_site_of_file(path), path=path)
            continue
        try:
            data = read_file(path, options.max_bytes)
        except ReadError as exc:
            yield InputItem(path, None, str(exc.reason))
        else:
            yield InputItem(path, data, relative=name, site=_site_of_file(path))


class ReadError(OSError):
    """A file that cannot be read; ``reason`` is the short message for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_file(path: str, limit: int | None = None) -> bytes:
    """A file's bytes, gunzipped when its name ends in ``.gz``; :class:`ReadError` otherwise.

    With a ``limit`` (``--max-bytes``) a larger file is refused before it is read, and a
    gzip file is decompressed only up to the limit, so neither a 3 GB file nor a gzip bomb is
    ever held in memory.
    """
    try:
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit + 1) if limit else fh.read()
            if limit and len(data) > limit:
                raise ReadError(over_limit("decompressed input is", None, limit))
            return data
        if limit:
            size = os.stat(path).st_size
            if size > limit:
                raise ReadError(over_limit("input is", size, limit))
        return Path(path).read_bytes()
    except ReadError:
        raise
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise ReadError(_os_reason(exc)) from exc


def over_limit(what: str, size: int | None, limit: int) -> str:
    amount = f" {size:,} bytes," if size is not None else ""
    return f"{what}{amount} over the limit of {limit:,} (--max-bytes)"


def read_stream(stream: BinaryIO, limit: int | None = None) -> bytes:
    """Standard input, refused past ``limit`` bytes without reading the rest."""
    data = stream.read(limit + 1) if limit else stream.read()
    if limit and len(data) > limit:
        raise ReadError(over_limit("input is", None, limit))
    return data


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc}"


def _open_binary(path: str) -> BinaryIO:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_jsonl(
    stream: BinaryIO | io.BufferedReader,
    container: str,
    relative: str | None,
    options: InputOptions,
) -> Iterator[InputItem]:
    """One item per non-blank line of a JSONL stream, read line by line.

    A line that is not a JSON object, or an object without the text (or HTML) field, is an
    error item naming the file and line; the run goes on with the next line.
    """
    label = "<stdin>" if container == "-" else container
    lineno = 0
    try:
        for lineno, raw_bytes in enumerate(stream, 1):
            try:
                raw = raw_bytes.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield InputItem(f"{label}:{lineno}", None, f"invalid UTF-8: {exc.reason}",
                                container=container, relative=relative, line=lineno,
                                raw=raw_bytes.decode("utf-8", "replace").rstrip("\r\n"))
                continue
            raw = raw.rstrip("\r\n")
            if not raw.strip():
                continue
            yield _record_item(raw, label, container, relative, lineno, options)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputItem(f"{label}:{lineno + 1}", None, f"cannot read: {exc}",
                        container=container, relative=relative, line=lineno + 1)


def _record_item(
    raw: str, label: str, container: str, relative: str | None, lineno: int, options: InputOptions
) -> InputItem:
    where = f"{label}:{lineno}"
    common: dict[str, Any] = {"container": container, "relative": relative, "line": lineno, "raw": raw}
    try:
        record = json.loads(raw)
    except ValueError as exc:
        return InputItem(where, None, f"not valid JSON: {exc}", **common)
    if not isinstance(record, dict):
        return InputItem(where, None, f"not a JSON object but {type(record).__name__}", **common)
    if options.id_field and record.get(options.id_field) is not None:
        where = f"{label}:{lineno}[{record[options.id_field]}]"
    field_name, kind = _pick_field(record, options)
    if field_name is None:
        wanted = " or ".join(repr(f) for f in _candidate_fields(options))
        return InputItem(where, None, f"record has no {wanted} field", record=record, **common)
    value = record[field_name]
    if not isinstance(value, str):
        return InputItem(where, None, f"field {field_name!r} is {type(value).__name__}, not a string",
                         record=record, **common)
    return InputItem(where, value, kind=kind, site=_site_of_record(record, container),
                     record=record, **common)


def _candidate_fields(options: InputOptions) -> list[str]:
    if options.html_field or options.text_field:
        return [f for f in (options.html_field, options.text_field) if f]
    return [DEFAULT_TEXT_FIELD, DEFAULT_HTML_FIELD]


def _pick_field(record: dict[str, Any], options: InputOptions) -> tuple[str | None, str | None]:
    """The field to clean and its kind: ``--html-field`` first, then ``--text-field``.

    Without either flag, ``text`` (kind detected) and then ``html`` (kind HTML) are tried.
    """
    if options.html_field or options.text_field:
        if options.html_field and options.html_field in record:
            return options.html_field, "html"
        if options.text_field and options.text_field in record:
            return options.text_field, None
        return None, None
    if DEFAULT_TEXT_FIELD in record:
        return DEFAULT_TEXT_FIELD, None
    if DEFAULT_HTML_FIELD in record:
        return DEFAULT_HTML_FIELD, "html"
    return None, None


def item_size(item: InputItem) -> int:
    """Bytes (characters for JSONL text, close enough) of an item, to balance batches; 0 for a
    file not read yet whose size is not known."""
    return item.size if item.data is None else len(item.data)


def with_size(item: InputItem) -> InputItem:
    """The item with its size on disk (gzip: estimated at 4x) when it is a file not read yet.

    For the first inputs of a run only, which decide whether starting workers is worth it: a
    file that cannot be stat'ed keeps size 0, and the worker reports why it cannot be read.
    """
    if item.path is None or item.size:
        return item
    try:
        size = os.stat(item.path).st_size
    except OSError:
        return item
    return replace(item, size=size * (4 if item.path.lower().endswith(".gz") else 1))
