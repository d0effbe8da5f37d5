"""Cleaning many documents on worker processes, in input order, with bounded work in flight.

Execution is separate from the pipeline: a worker receives the run's picklable
:class:`~cleaner.config.Config` once, builds its own :class:`~cleaner.Cleaner` from it, and then
cleans batches of :class:`Task`. Results come back in input order.

``multiprocessing.Pool.imap`` would do the ordering, but its feeder thread drains the input
iterator as fast as it can, so a large corpus would sit in memory. :func:`ordered_map` instead
keeps at most ``window`` batches in flight and only reads further input as results are taken,
so peak memory depends on ``-j`` and the batch size, never on the corpus size.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from cleaner.config import Config
from cleaner.corpus import MIN_DOCS_KEY, REPEATED_KEY
from cleaner.document import Document
from cleaner.inputs import InputItem, item_size

# Documents per batch sent to a worker: sending a batch and its results costs about a
# millisecond of the parent's time, so batches of news articles (a few ms each) should not be
# smaller; HTML pages fill BATCH_BYTES long before. 128 rather than 64: the feeding process of
# a -j 2 run over 7,788 articles spends 10-15% less CPU, its wall time is ~2% shorter.
BATCH_DOCS = 128
BATCH_BYTES = 512 << 10  # ... or fewer when they add up to this many bytes (HTML pages)
# Batches in flight per worker. Results are taken in input order, so one slow batch at the head
# leaves the other workers only the rest of the window to work on: a deep window keeps them busy
# (memory stays bounded: WINDOW_PER_JOB * jobs * BATCH_BYTES of input at most).
WINDOW_PER_JOB = 8


class WriteSpec(NamedTuple):
    """Where a worker writes a cleaned file itself (``-o DIR`` or ``--in-place``).

    Writing in the worker keeps the parent free: with one file per document, renaming files
    into place costs as much as cleaning them, and done by the parent it would not scale.
    Like :class:`Task` and :class:`Outcome`, a named tuple: one is made, pickled and unpickled
    per document by the one process that feeds every worker, and a tuple costs a third of a
    frozen dataclass there.
    """

    target: str
    in_place: bool = False
    backup: str | None = None
    gz: bool = False  # gzip the output (a .gz input rewritten in place)
    report: bool = True  # the parent prints each finding (path:line:col), so needs the original


class Task(NamedTuple):
    """One document for a worker: what Cleaner.clean needs, plus its site for rule D101.

    ``data`` is None when the worker is to read ``path`` itself; ``write`` says where the
    worker writes the result (None: the document goes back to the parent).
    """

    source: str
    data: str | bytes | None
    kind: str | None = None
    site: str | None = None
    path: str | None = None
    write: WriteSpec | None = None
    refine_site: bool = False  # a file (not a record): an HTML page's own host is its site
    max_bytes: int | None = None  # a file over this size is refused unread


class Outcome(NamedTuple):
    """A cleaned document, or the one-line reason this document failed.

    ``size`` is the input's size in bytes; ``written`` is True when the worker wrote the output
    file, and ``write_error`` says why it could not.
    """

    document: Document | None
    error: str | None = None
    size: int = 0
    written: bool = False
    write_error: str | None = None


@dataclass(frozen=True)
class Corpus:
    """Batch statistics shared by every worker: the repeated-line table and its K."""

    repeated: dict[str, frozenset[int]]
    min_docs: int


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# -- the worker side ---------------------------------------------------------------------------


def clean_task(cleaner: Any, task: Task, corpus: Corpus | None = None) -> Outcome:
    """Clean one task with a built Cleaner; an input or rule failure is this task's outcome."""
    from cleaner.decoding import InputError
    from cleaner.pipeline import RuleFailed

    data = task.data
    if data is None:
        from cleaner.inputs import ReadError, read_file

        try:
            data = read_file(task.path or task.source, task.max_bytes)
        except ReadError as exc:
            return Outcome(None, f"{task.source}: {exc.reason}")
    size = len(data)
    try:
        document = cleaner.load(data, source=task.source, kind=task.kind)
        site = task.site
        if corpus is not None and task.refine_site and document.format == "html":
            from cleaner.corpus import page_site

            site = page_site(document.metadata.get("html", "")) or site
        if corpus is not None and site is not None:
            found = corpus.repeated.get(site)
            if found:
                document.metadata[REPEATED_KEY] = found
                document.metadata[MIN_DOCS_KEY] = corpus.min_docs
        document = cleaner.process(document)
    except (InputError, RuleFailed) as exc:
        return Outcome(None, str(exc), size)
    except Exception as exc:
        return Outcome(None, f"{task.source}: {type(exc).__name__}: {exc}", size)
    if task.write is None:
        return Outcome(slim(document), None, size)
    from cleaner.runner import write_document

    problem = write_document(document, task.source, task.write)
    return Outcome(receipt(document, task.write.report), None, size, written=problem is None,
                   write_error=problem)


def hash_task(task: Task) -> tuple[str | None, set[int], int] | None:
    """Site, distinct line hashes and size in bytes of one input for the corpus pass (None:
    unreadable). The size lets the parent size later batches (:class:`SizeEstimate`)."""
    from cleaner.corpus import document_site_and_hashes

    data = task.data
    if data is None:
        from cleaner.inputs import ReadError, read_file

        try:
            data = read_file(task.path or task.source, task.max_bytes)
        except ReadError:
            return None
    site, hashes = document_site_and_hashes(data, task.source, task.kind, task.site,
                                            refine_site=task.refine_site)
    return site, hashes, len(data)


def hash_batch(tasks: list[Task]) -> list[tuple[str | None, set[int], int] | None]:
    return [hash_task(t) for t in tasks]


def slim(document: Document) -> Document:
    """Drop what the parent does not need before the document is pickled back (the page HTML)."""
    document.metadata.pop("html", None)
    document.metadata.pop(REPEATED_KEY, None)
    return document


def receipt(document: Document, report: bool = True) -> Document:
    """What the parent still needs of a document the worker wrote itself: findings, errors and
    the original (for line and column); the texts and the offset map stay behind.

    Without ``report`` (``-q``: the parent prints no findings, it only counts them) the original
    and the removed texts stay behind too: sending every document's text back would make the
    one parent process, which unpickles all of it, the bottleneck of a -j N run.
    """
    slim(document)
    document.repaired = document.text = ""
    document.textmap = None
    document.repairs = []
    document.corrections = []
    if not report:
        document.original = ""
        document.removed = [replace(r, text="") for r in document.removed]
    return document


_local = threading.local()


def worker_cleaner(config: Config) -> Any:
    """This process's (thread's) Cleaner for ``config``, built on first use and then reused.

    Keyed by the pickled config, so a long-lived Dask worker serving several runs rebuilds only
    when the configuration changes.
    """
    key = _config_key(config)
    cache: dict[bytes, Any] = getattr(_local, "cleaners", None) or {}
    if key not in cache:
        from cleaner.pipeline import Cleaner

        cache.clear()
        cache[key] = Cleaner(config)
        _local.cleaners = cache
    return cache[key]


def _config_key(config: Config) -> bytes:
    return hashlib.blake2b(pickle.dumps(config), digest_size=16).digest()


def clean_batch(config: Config, corpus: Corpus | None, tasks: list[Task]) -> list[Outcome]:
    """Clean a batch with this worker's Cleaner (used by the pool and by Dask)."""
    cleaner = worker_cleaner(config)
    return [clean_task(cleaner, task, corpus) for task in tasks]


_pool_state: dict[str, Any] = {}


def _init_pool_worker(config: Config, corpus: Corpus | None) -> None:
    """Pool initializer: the Cleaner the parent built before forking, or a new one.

    A forked worker inherits the parent's warmed Cleaner (imports done, regexes compiled, word
    tables loaded, shared copy-on-write), so -j N pays that start-up once, not N times.
    """
    _pool_state["config"] = config
    _pool_state["corpus"] = corpus
    inherited = _pool_state.pop("inherited", None)
    key = _config_key(config)
    if inherited is not None and _config_key(inherited.config) == key:
        _local.cleaners = {key: inherited}
    worker_cleaner(config)


def _pool_batch(tasks: list[Task]) -> list[Outcome]:
    return clean_batch(_pool_state["config"], _pool_state["corpus"], tasks)


# -- the parent side ---------------------------------------------------------------------------


class SizeEstimate:
    """Mean bytes per document of the files read so far, as the workers report them.

    The parent does not stat the files it hands out (with the pool's threads running, every
    system call in the feeding process costs a GIL hand-over); it sizes batches of files by
    this running mean instead. Until a report arrives it assumes BATCH_BYTES / BATCH_DOCS, so
    the first batches hold BATCH_DOCS documents.
    """

    def __init__(self) -> None:
        self.documents = 0
        self.bytes = 0

    def add(self, documents: int, size: int) -> None:
        self.documents += documents
        self.bytes += size

    def size(self, item: InputItem) -> int:
        """The item's known size (read data, or a size found by ``with_size``), else the mean."""
        known = item_size(item)
        if known or item.path is None:
            return known
        return self.bytes // self.documents if self.documents else BATCH_BYTES // BATCH_DOCS


def batched(items: Iterable[Any], size: Callable[[Any], int],
            max_docs: int = BATCH_DOCS, max_bytes: int = BATCH_BYTES) -> Iterator[list[Any]]:
    """Group items into lists of at most ``max_docs`` items or about ``max_bytes`` bytes."""
    batch: list[Any] = []
    total = 0
    for item in items:
        batch.append(item)
        total += size(item)
        if len(batch) >= max_docs or total >= max_bytes:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def ordered_map(
    submit: Callable[[Any], Any],
    get: Callable[[Any], Any],
    batches: Iterable[Any],
    window: int,
) -> Iterator[tuple[Any, Any]]:
    """``(batch, result)`` in input order, with at most ``window`` batches submitted at once.

    ``submit(batch)`` starts the work and returns a handle; ``get(handle)`` waits for it.
    """
    pending: deque[tuple[Any, Any]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, handle = pending.popleft()
            yield done, get(handle)
    while pending:
        done, handle = pending.popleft()
        yield done, get(handle)


def to_task(item: Any, write: WriteSpec | None = None, max_bytes: int | None = None) -> Task:
    return Task(item.source, item.data, item.kind, item.site, item.path, write,
                refine_site=not item.is_record, max_bytes=max_bytes or None)


class Executor:
    """Runs batches of tasks somewhere: in this process, on a process pool, or on Dask.

    ``map`` takes ``(key, tasks)`` pairs and yields ``(key, outcomes)`` in input order, one
    outcome per task; the key (the runner's input items) stays in this process.
    """

    def map(self, batches: Iterable[tuple[Any, list[Task]]]) -> Iterator[tuple[Any, list[Outcome]]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        self.close()

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()


class InlineExecutor(Executor):
    """-j 1: the parent's own Cleaner, no processes (also used for small runs)."""

    def __init__(self, cleaner: Any, corpus: Corpus | None) -> None:
        self.cleaner = cleaner
        self.corpus = corpus

    def map(self, batches: Iterable[tuple[Any, list[Task]]]) -> Iterator[tuple[Any, list[Outcome]]]:
        for key, tasks in batches:
            yield key, [clean_task(self.cleaner, task, self.corpus) for task in tasks]


def _context() -> Any:
    import multiprocessing

    # fork is fastest (workers share the parent's imports); pools are made before any
    # progress thread starts, so no lock is held across the fork.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class PoolExecutor(Executor):
    """-j N: a multiprocessing pool; each worker builds its Cleaner from the Config once."""

    def __init__(self, config: Config, corpus: Corpus | None, jobs: int,
                 warm: Callable[[], Any] | None = None, cleaner: Any = None) -> None:
        self.jobs = jobs
        if warm is not None:
            warm()  # imports done here are inherited by forked workers, not repeated in each
        context = _context()
        if cleaner is not None and context.get_start_method() == "fork":
            _pool_state["inherited"] = cleaner  # copied into each worker by the fork
        try:
            self.pool = context.Pool(jobs, initializer=_init_pool_worker, initargs=(config, corpus))
        finally:
            _pool_state.pop("inherited", None)

    def map(self, batches: Iterable[tuple[Any, list[Task]]]) -> Iterator[tuple[Any, list[Outcome]]]:
        pairs = ordered_map(lambda b: self.pool.apply_async(_pool_batch, (b[1],)),
                            lambda handle: handle.get(), batches, window=self.jobs * WINDOW_PER_JOB)
        return ((key, outcomes) for (key, _), outcomes in pairs)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()


def map_hashes(task_batches: Iterable[list[Task]],
               jobs: int) -> Iterator[list[tuple[str | None, set[int], int] | None]]:
    """Line hashes of every task, in order: on ``jobs`` processes (no Cleaner needed) or here."""
    if jobs <= 1:
        for tasks in task_batches:
            yield hash_batch(tasks)
        return
    pool = _context().Pool(jobs)
    try:
        for _, hashes in ordered_map(lambda tasks: pool.apply_async(hash_batch, (tasks,)),
                                     lambda handle: handle.get(), task_batches, window=jobs * 3):
            yield hashes
        pool.close()
    finally:
        pool.terminate()
        pool.join()
