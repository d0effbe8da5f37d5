"""Running a command over many inputs: read, clean, format, write; errors per input.

One bad input (a file, or one record of a JSONL file) never stops the run: its error is
printed as one line naming it and the reason, and the exit status says so at the end.

The run streams: inputs are read one at a time (:mod:`cleaner.inputs`), cleaned in batches on
an executor (this process, a process pool, or Dask; :mod:`cleaner.parallel`), and written in
input order as results come back, so memory stays bounded whatever the corpus size. When the
repeated-line rule (D101) is on and the inputs can be read twice, a first pass counts lines
shared by documents of a site (:mod:`cleaner.corpus`).

Where the output goes:

* plain text and HTML files: to stdout through ``--format``; with ``-o DIR`` each file is
  written to the same relative path under DIR (``.html``/``.htm`` become ``.txt``, ``.gz`` is
  dropped); with ``--in-place`` the file is replaced atomically, its permissions kept, after a
  copy to ``FILE + SUFFIX`` when ``--backup SUFFIX`` is given. HTML is never rewritten in place.
* JSONL records (``clean``): JSONL out, one line per input line, each record keeping every field
  it had and gaining ``"cleaned"`` (the clean text), ``"removed"`` and ``"flags"`` (lists as in
  the JSON format) and ``"errors"`` when a rule failed. A record that cannot be cleaned is
  passed through unchanged (and reported), so no data is lost in place. ``check`` reports
  records like any document, named ``file.jsonl:LINE``.
"""

from __future__ import annotations

import functools
import gc
import itertools
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cleaner.atomic import AtomicStream, write_atomic
from cleaner.document import Document
from cleaner.formats import Output
from cleaner.inputs import InputItem, InputOptions, item_size, read_inputs, with_size
from cleaner.pipeline import Cleaner
from cleaner.summary import Summary

if TYPE_CHECKING:  # parallel is imported when a run starts, not with the CLI
    from cleaner.parallel import SizeEstimate

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class RunOptions:
    """How a run reads, executes and writes (the CLI's corpus argument groups)."""

    inputs: InputOptions = field(default_factory=InputOptions)
    in_place: bool = False
    backup: str | None = None  # suffix for a copy of each file replaced in place
    jobs: int | None = None  # None: one worker per CPU
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    statistics: bool = False
    progress: bool | None = None  # None: when stderr is a terminal and not quiet
    repeat_min_docs: int | None = None  # K for rule D101; None: config option or default
    batch_docs: int | None = None  # documents per worker batch (tests use small batches)


def run(
    cleaner: Cleaner,
    command: str,
    paths: Sequence[str],
    formatter: Any,
    *,
    output_dir: str | None = None,
    quiet: bool = False,
    options: RunOptions | None = None,
) -> int:
    """Clean or check every input; return the exit status."""
    from cleaner import parallel, progress
    from cleaner.parallel import batched

    opts = options or RunOptions()
    limit = cleaner.config.max_bytes or None
    if opts.inputs.max_bytes != limit:
        opts = replace(opts, inputs=replace(opts.inputs, max_bytes=limit))
    problem = _usage_problem(opts, output_dir, command)
    if problem:
        print(f"cleaner: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    output = Output(sys.stdout, sys.stderr, command, quiet)
    summary = Summary()
    batch_docs = opts.batch_docs or parallel.BATCH_DOCS
    # Local workers read and write files themselves; Dask workers may not see our disk.
    local_io = opts.engine == "local"
    head_items = read_inputs(paths, opts.inputs, read_files=not local_io)
    # Only the first inputs are stat'ed (before any worker runs): they decide whether starting
    # workers is worth it. Later batches of files are sized by what the workers report.
    head = [with_size(i) for i in itertools.islice(head_items, batch_docs + 1)]
    # A run that fits in one batch is cleaned here: starting workers would cost more.
    small = len(head) <= 1 or (len(head) <= batch_docs
                               and sum(map(item_size, head)) < parallel.BATCH_BYTES)
    jobs = 1 if small else (opts.jobs if opts.jobs is not None else parallel.default_jobs())
    sizes = parallel.SizeEstimate()
    corpus, total = _corpus_pass(cleaner, paths, opts, summary, quiet, jobs, batch_docs, sizes)
    items = itertools.chain(head, head_items)
    writer = _Writer(cleaner, command, formatter, output, opts, output_dir, summary,
                     one_tree=len(paths) == 1 and os.path.isdir(paths[0]))
    # _executor freezes the run's one-time objects (see _settle) unless the host process has
    # frozen some itself; the run thaws them at the end, so a program that calls the runner
    # (tests call cli.main) gets its objects back into normal collection.
    thaw = gc.get_freeze_count() == 0
    executor = _executor(cleaner, opts, corpus, jobs, html=any(_html_item(i) for i in head))
    show = opts.progress if opts.progress is not None else progress.wanted(quiet)
    bar = progress.Progress(bool(show) and not small, total)

    def work() -> Iterator[tuple[list[InputItem], list[Any]]]:
        for batch in batched(items, sizes.size, max_docs=batch_docs):
            claimed = [writer.claim(i) for i in batch]  # (item, its output file or None)
            batch = [item for item, _ in claimed]
            tasks = [parallel.to_task(i, writer.write_spec(i, target) if local_io else None, limit)
                     for i, target in claimed if not i.failed]
            yield batch, tasks

    formatter.start(output)
    try:
        with executor:
            for batch, outcomes in executor.map(work()):
                sizes.add(len(outcomes), sum(o.size for o in outcomes))
                results = iter(outcomes)
                for item in batch:
                    writer.handle(item, None if item.failed else next(results))
                mb = summary.bytes / 1e6 / summary.seconds
                bar.advance(len(batch), f"{mb:,.2f} MB/s")
    finally:
        bar.close()
        writer.close()
        if thaw:
            gc.unfreeze()
    formatter.finish(output)
    sys.stdout.flush()
    if opts.statistics or (show and summary.documents > 1):
        summary.print(sys.stderr)
    if writer.errors:
        return EXIT_ERROR
    if command == "check" and writer.flagged:
        return EXIT_FINDINGS
    return EXIT_OK


def _usage_problem(opts: RunOptions, output_dir: str | None, command: str) -> str | None:
    if opts.in_place and output_dir is not None:
        return "--in-place and -o/--output cannot be used together"
    if opts.backup and not opts.in_place:
        return "--backup needs --in-place"
    if opts.backup is not None and (not opts.backup or "/" in opts.backup):
        return f"--backup SUFFIX must be a file-name suffix such as .orig, not {opts.backup!r}"
    return None


def _executor(cleaner: Cleaner, opts: RunOptions, corpus: Any, jobs: int, *, html: bool) -> Any:
    """This process for -j 1 and for runs that fit in one batch; else a pool or Dask.

    A local run first does its one-time work here (:func:`_settle`; a tiny page too when the
    first inputs are HTML); a pool forks after it, so its workers inherit it ready.
    """
    from cleaner import parallel

    if opts.engine == "dask":
        from cleaner.dask_engine import DaskExecutor

        return DaskExecutor(cleaner.config, corpus, scheduler=opts.scheduler, workers=opts.jobs)
    if jobs <= 1:
        _settle(cleaner, html)
        return parallel.InlineExecutor(cleaner, corpus)
    warm = functools.partial(_settle, cleaner, html)
    return parallel.PoolExecutor(cleaner.config, corpus, jobs, warm=warm, cleaner=cleaner)


def _settle(cleaner: Cleaner, html: bool) -> None:
    """Do the run's one-time work now, then freeze it for the garbage collector.

    What the warm-up builds (word tables, compiled rules, imports) lives for the whole run:
    frozen, full collections stop scanning it, and forked workers stop copying the pages they
    share with this process because a collection touched them (``gc.freeze``).
    """
    cleaner.warm_up(html=html)
    if gc.get_freeze_count() == 0:  # the host process froze nothing itself (the CLI never has)
        gc.freeze()


def _html_item(item: InputItem) -> bool:
    return item.kind == "html" or item.source.lower().endswith(
        (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"))


HASH_BATCH_FACTOR = 16  # documents per batch in the repeated-line pass, in cleaning batches


def _corpus_pass(
    cleaner: Cleaner, paths: Sequence[str], opts: RunOptions, summary: Summary, quiet: bool,
    jobs: int, batch_docs: int, sizes: SizeEstimate,
) -> tuple[Any, int | None]:
    """First pass for rule D101: the repeated-line table of this batch, and the item count.

    Workers hash the lines of each input (reading files themselves); this process counts the
    hashes in input order, so the table is the same for any -j. Skipped when no D rule runs,
    and for standard input, which cannot be read twice. The sizes the workers report go into
    ``sizes``, which then sizes this pass's later batches and the cleaning batches.
    """
    from cleaner.corpus import DEFAULT_MIN_DOCS, LineCounter
    from cleaner.parallel import Corpus, batched, map_hashes, to_task

    if not any(r.code.startswith("D") for r in cleaner.rules):
        return None, None
    if "-" in paths:
        if len(paths) > 1 or opts.inputs.jsonl:
            note = "standard input can be read only once: repeated-line rule D101 skipped"
            summary.notes.append(note)
            if not quiet:
                print(f"cleaner: note: {note}", file=sys.stderr)
        return None, None
    k = opts.repeat_min_docs or int(cleaner.config.options.get("repeat_min_docs", DEFAULT_MIN_DOCS))
    counter = LineCounter()
    count = 0
    # Hashing a document costs tens of microseconds, sending a batch to a worker and back
    # about a millisecond: the first pass sends batches many times larger than cleaning does.
    # (Still at most BATCH_BYTES: hashing an HTML page means scanning all of its markup.)
    batches = batched(read_inputs(paths, opts.inputs, read_files=False), sizes.size,
                      max_docs=batch_docs * HASH_BATCH_FACTOR)
    limit = cleaner.config.max_bytes
    keyed = ((b, [to_task(i, None, limit) for i in b if not i.failed and i.site is not None])
             for b in batches)
    pending: list[list[InputItem]] = []

    def tasks_only() -> Iterator[list[Any]]:
        for batch, tasks in keyed:
            pending.append(batch)
            yield tasks

    for results in map_hashes(tasks_only(), jobs):
        count += len(pending.pop(0))
        for result in results:
            if result is not None:
                sizes.add(1, result[2])
                if result[0] is not None:
                    counter.add(result[0], result[1])
    if counter.documents < 2:
        return None, count
    return Corpus(counter.repeated(k), max(2, k)), count


class _Writer:
    """Sends each result where it belongs, in input order, and counts what happened."""

    def __init__(self, cleaner: Cleaner, command: str, formatter: Any, output: Output,
                 opts: RunOptions, output_dir: str | None, summary: Summary,
                 one_tree: bool = False) -> None:
        self.cleaner = cleaner
        self.command = command
        self.formatter = formatter
        self.output = output
        self.opts = opts
        self.output_dir = Path(output_dir) if output_dir is not None else None
        out = str(self.output_dir) if self.output_dir is not None else ""
        self._out = out if out.endswith("/") else out + "/"
        self.summary = summary
        self.errors = 0
        self.flagged = 0
        self._records: _RecordSink | None = None
        self._targets: set[int] = set()
        # One directory argument: see claim.
        self._one_tree = one_tree
        self._open: dict[str, tuple[str, set[str]]] = {}

    # -- one result ---------------------------------------------------------------------------

    def claim(self, item: InputItem) -> tuple[InputItem, str | None]:
        """The item and its mirrored output file under -o DIR (None: no such file), or an
        error item when that file is already another input's.

        Two inputs with the same name from different folders (``a/x.txt b/x.txt -o out``) would
        write the same file and silently lose one document; the second is refused instead.
        Several arguments: an 8-byte hash per written file is kept. One directory argument
        (a corpus): two of its files share an output only when they sit in one folder and
        differ in a suffix the mirror drops or changes ("a.html" and "a.txt", "a.txt.gz");
        such names sort together, so only the current run of names of each open folder is
        kept, and memory does not grow with the corpus.
        """
        if item.failed or self.output_dir is None or self.command != "clean" or item.is_record:
            return item, None
        target = self._target(item)
        if self._one_tree and item.relative is not None:
            if self._taken_nearby(item.relative, target):
                why = "a file beside it has the same name but for a suffix the mirror drops"
                return replace(item, data=None, path=None,
                               error=f"output {target} is already written for another input "
                                     f"({why})"), None
            return item, target
        key = hash(target)
        if key in self._targets:
            return replace(item, data=None, path=None,
                           error=f"output {target} is already written for another input "
                                 "(same name in another folder); pass the folders instead"), None
        self._targets.add(key)
        return item, target

    def _taken_nearby(self, relative: str, target: str) -> bool:
        """Whether ``target`` is already an output of the names around ``relative`` in its
        folder: those sharing its part before the first dot, which the walk yields in a row.
        Folders the walk has left (not ancestors of this one) are forgotten."""
        folder, _, name = relative.rpartition("/")
        stem = name.split(".", 1)[0]
        current = self._open.get(folder)
        if current is None:
            inside = folder + "/"
            for other in [f for f in self._open if f and not inside.startswith(f + "/")]:
                del self._open[other]
        if current is None or current[0] != stem:
            current = (stem, set())
            self._open[folder] = current
        if target in current[1]:
            return True
        current[1].add(target)
        return False

    def write_spec(self, item: InputItem, target: str | None = None) -> Any:
        """Where a worker should write this item's output file itself, if anywhere
        (``target``: the output file :meth:`claim` found, so it is not worked out twice)."""
        from cleaner.parallel import WriteSpec

        if self.command != "clean" or item.is_record:
            return None
        if self.opts.in_place:
            if item.source == "<stdin>":
                return WriteSpec("", in_place=True)
            return WriteSpec(item.source, True, self.opts.backup, item.source.lower().endswith(".gz"))
        if self.output_dir is not None:
            return WriteSpec(target or self._target(item), report=not self.output.quiet)
        return None

    def _target(self, item: InputItem) -> str:
        """The mirrored output path of a file item under -o DIR (string joins: this runs for
        every file of a corpus, in the one process that feeds all the workers)."""
        return self._out + output_name(item.relative or os.path.basename(item.source))

    def handle(self, item: InputItem, outcome: Any) -> None:
        error = item.error if outcome is None else outcome.error
        size = outcome.size if outcome is not None else 0
        if error is not None or outcome is None or outcome.document is None:
            message = f"{item.source}: {error}" if outcome is None else str(error)
            self._error(message, size)
            if item.is_record and self.command == "clean":
                self._record_sink(item).passthrough(item)
            return
        doc: Document = outcome.document
        self.summary.add(doc, size)
        if not self.output.quiet:
            note = _decoding_note(doc.metadata)
            if note is not None:
                print(f"cleaner: note: {item.source}: {note}", file=sys.stderr)
        if doc.errors:
            self.errors += self.cleaner.config.strict
        self.flagged += bool(doc.flags)
        if self.command == "clean" and item.is_record:
            self._record_sink(item).write(item, doc)
            return
        spec = None if outcome.written or outcome.write_error else self.write_spec(item)
        if spec is not None:  # Dask: workers do not write, this process does
            problem = write_document(doc, item.source, spec)
            outcome = outcome._replace(written=problem is None, write_error=problem)
        if outcome.write_error:
            self._error(outcome.write_error)
        elif outcome.written:
            from cleaner.formats import error_lines, report_lines

            lines = error_lines(doc) if self.output.quiet else report_lines(doc) + error_lines(doc)
            if lines:
                sys.stderr.writelines(f"{line}\n" for line in lines)
        else:
            self.formatter.document(doc, self.output)

    def _error(self, message: str, size: int = 0) -> None:
        self.errors += 1
        self.summary.failed(size)
        print(f"cleaner: error: {message}", file=sys.stderr)

    # -- JSONL records --------------------------------------------------------------------------

    def _record_sink(self, item: InputItem) -> _RecordSink:
        """The sink for this record's file; the previous file's sink is committed first."""
        if self._records is not None and self._records.container != item.container:
            self._records.close()
            self._records = None
        if self._records is None:
            self._records = _RecordSink.open(item, self.opts, self.output_dir, self._error)
        return self._records

    def close(self) -> None:
        if self._records is not None:
            self._records.close()
            self._records = None


def _decoding_note(metadata: dict[str, Any]) -> str | None:
    """What the user should know about how a document was decoded, if anything."""
    if metadata.get("encoding_detected"):
        return f"not UTF-8, decoded as {metadata['encoding']}"
    if metadata.get("page_encoding_fixed"):
        return "the page held UTF-8 read as Latin-1; decoded again before extraction"
    return None


def write_document(doc: Document, source: str, spec: Any) -> str | None:
    """Write a cleaned document where ``spec`` (a :class:`~cleaner.parallel.WriteSpec`) says;
    the reason it could not, or None. Runs in worker processes, so it must not print."""
    if spec.in_place:
        if not spec.target:
            return "<stdin>: cannot clean standard input in place"
        if doc.format == "html":
            return f"{source}: HTML is not rewritten in place (use -o DIR)"
    target = Path(spec.target)
    # Rewriting an input in place must survive a power cut (fsync before and after the
    # rename); a mirror under -o DIR is derived from inputs left untouched, so the rename alone
    # (no reader ever sees half a file) is enough, and skipping two fsyncs per file keeps a
    # directory run from being bound by the disk instead of the CPU.
    durable = spec.in_place
    try:
        if spec.in_place and spec.backup:
            shutil.copy2(target, str(target) + spec.backup)
        if spec.gz:
            with AtomicStream(target, gz=True, durable=durable) as out:
                out.write(doc.text + "\n")
        else:
            write_atomic(target, doc.text + "\n", durable=durable)
    except OSError as exc:
        return f"{target}: cannot write: {exc}"
    return None


def output_name(relative: str) -> str:
    """Mirrored name of an input: ``.gz`` dropped, HTML pages become ``.txt`` (text inside)."""
    name = relative[:-3] if relative.lower().endswith(".gz") else relative
    lower = name.lower()
    if not lower.endswith(_HTML_SUFFIXES):  # one C call for most files (runs for every file)
        return name
    for suffix in _HTML_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)] + ".txt"
    return name


def cleaned_record(record: dict[str, Any], doc: Document) -> dict[str, Any]:
    """A JSONL record with the cleaning results added; its own fields are kept."""
    out = dict(record)
    data = doc.to_dict()
    out["cleaned"] = data["text"]
    out["removed"] = data["removed"]
    out["flags"] = data["flags"]
    if "errors" in data:
        out["errors"] = data["errors"]
    return out


class _RecordSink:
    """JSONL output for the records of one input file: stdout, a mirrored file, or in place."""

    def __init__(self, container: str, stream: IO[str], atomic: AtomicStream | None,
                 on_error: Any) -> None:
        self.container = container
        self.stream = stream
        self.atomic = atomic
        self.on_error = on_error
        self.failed = False

    @classmethod
    def open(cls, item: InputItem, opts: RunOptions, output_dir: Path | None,
             on_error: Any) -> _RecordSink:
        container = item.container or "-"
        if container == "-" or (output_dir is None and not opts.in_place):
            return cls(container, sys.stdout, None, on_error)
        if opts.in_place:
            target = Path(container)
            if opts.backup:
                shutil.copy2(target, str(target) + opts.backup)
        else:
            assert output_dir is not None
            target = output_dir / (item.relative or Path(container).name)
        atomic = AtomicStream(target, gz=target.name.lower().endswith(".gz"), durable=opts.in_place)
        return cls(container, atomic.text, atomic, on_error)

    def write(self, item: InputItem, doc: Document) -> None:
        assert item.record is not None
        self._line(json.dumps(cleaned_record(item.record, doc), ensure_ascii=False))

    def passthrough(self, item: InputItem) -> None:
        if item.raw is not None:
            self._line(item.raw)

    def _line(self, line: str) -> None:
        if self.failed:
            return
        try:
            self.stream.write(line + "\n")
        except OSError as exc:
            self.failed = True
            self.on_error(f"{self.container}: cannot write: {exc}")

    def close(self) -> None:
        if self.atomic is None:
            return
        try:
            if self.failed:
                self.atomic.abort()
            else:
                self.atomic.commit()
        except OSError as exc:
            self.on_error(f"{self.atomic.path}: cannot write: {exc}")


def iter_documents(cleaner: Cleaner, paths: Sequence[str],
                   options: InputOptions | None = None) -> Iterator[tuple[InputItem, Document | None, str | None]]:
    """Library use: ``(item, document or None, error or None)`` for every input, streamed."""
    from cleaner.parallel import Task, clean_task

    for item in read_inputs(paths, options):
        if item.data is None:
            yield item, None, item.error
            continue
        outcome = clean_task(cleaner, Task(item.source, item.data, item.kind, item.site))
        yield item, outcome.document, outcome.error
