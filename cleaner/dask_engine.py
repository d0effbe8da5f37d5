"""Scale-out on Dask: the same pipeline, run by Dask workers (``pip install 'cleaner[dask]'``).

Two ways in:

* ``cleaner clean --engine dask [--scheduler ADDRESS] ...``: the CLI reads the inputs as usual
  and sends batches of documents to the cluster (:class:`DaskExecutor`); results come back in
  input order and are written exactly as a local run writes them, so the output is identical
  to ``-j 1``. Without ``--scheduler`` a LocalCluster is started on the loopback interface.
  The workers need ``cleaner`` (and any plugins the run uses) installed, not the input files:
  this process reads the inputs and writes the outputs. ``-j N`` sets the LocalCluster's
  worker count.
* The library: :func:`clean_bag` maps the pipeline over a ``dask.bag`` of texts or records (for
  instance ``db.read_text("shards/*.jsonl").map(json.loads)``, read by the workers themselves),
  and :func:`clean_dataframe` over a column of a ``dask.dataframe``.

Each worker builds its :class:`~cleaner.Cleaner` from the picklable Config once and reuses it
(:func:`cleaner.parallel.worker_cleaner`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.config import Config
from cleaner.parallel import Corpus, Executor, Outcome, Task, clean_batch, ordered_map


class DaskExecutor(Executor):
    """Batches of documents cleaned on a Dask cluster, handed back in input order."""

    def __init__(self, config: Config, corpus: Corpus | None, *, scheduler: str | None = None,
                 workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("--engine dask needs the dask extra: pip install 'cleaner[dask]'") from exc
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            from cleaner.parallel import default_jobs

            self.cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                        processes=True, host="127.0.0.1", dashboard_address=None)
            self.client = Client(self.cluster)
        self.config = config
        self.corpus = self.client.scatter(corpus, broadcast=True) if corpus is not None else None
        self.window = 2 * max(1, len(self.client.scheduler_info().get("workers", {}))) + 2

    def map(self, batches: Iterable[tuple[Any, list[Task]]]) -> Iterator[tuple[Any, list[Outcome]]]:
        def submit(batch: tuple[Any, list[Task]]) -> Any:
            return self.client.submit(clean_batch, self.config, self.corpus, batch[1], pure=False)

        pairs = ordered_map(submit, lambda future: future.result(), batches, self.window)
        return ((key, outcomes) for (key, _), outcomes in pairs)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# -- library: bags and dataframes ---------------------------------------------------------------


def _clean_partition(elements: Iterable[Any], config: Config, text_field: str,
                     kind: str | None, corpus: Corpus | None) -> list[dict[str, Any]]:
    """Clean one partition: strings become Document dicts, records gain the results."""
    from cleaner.runner import cleaned_record

    rows: list[tuple[Any, Task | None]] = []
    for element in elements:
        if isinstance(element, dict):
            source = str(element.get("id", element.get("url", "<record>")))
            value = element.get(text_field)
            task = Task(source, value, kind, _record_site(element)) if isinstance(value, str) else None
            rows.append((element, task))
        else:
            rows.append((element, Task("<bag>", str(element), kind, "<bag>")))
    outcomes = iter(clean_batch(config, corpus, [t for _, t in rows if t is not None]))
    out: list[dict[str, Any]] = []
    for element, task in rows:
        if task is None:
            out.append({**element, "error": f"record has no string field {text_field!r}"})
            continue
        outcome = next(outcomes)
        if outcome.document is None:
            base = dict(element) if isinstance(element, dict) else {"source": task.source}
            out.append({**base, "error": outcome.error})
        elif isinstance(element, dict):
            out.append(cleaned_record(element, outcome.document))
        else:
            out.append(outcome.document.to_dict())
    return out


def _record_site(record: dict[str, Any]) -> str:
    from cleaner.inputs import _site_of_record

    return _site_of_record(record, "<bag>")


def repeated_table(bag: Any, *, text_field: str = "text", kind: str | None = None,
                   min_docs: int | None = None) -> Corpus:
    """The repeated-line table (rule D101) of a whole bag, counted on the workers.

    Each partition counts its documents' line hashes per site; the counts are summed here.
    """
    from cleaner.corpus import DEFAULT_MIN_DOCS

    def count(elements: Iterable[Any]) -> list[dict[str, Counter[int]]]:
        from cleaner.corpus import LineCounter, document_hashes

        counter = LineCounter()
        for element in elements:
            if isinstance(element, dict):
                value = element.get(text_field)
                if isinstance(value, str):
                    counter.add(_record_site(element), document_hashes(value, "", kind))
            else:
                counter.add("<bag>", document_hashes(str(element), "", kind))
        # sites are hosts or "<bag>" here: records are never re-sited by their page
        return [counter.counts]

    totals: dict[str, dict[int, int]] = {}
    for part in bag.map_partitions(count).compute():
        for site, table in part.items():
            into = totals.setdefault(site, {})
            for h, c in table.items():
                into[h] = into.get(h, 0) + c
    k = max(2, min_docs or DEFAULT_MIN_DOCS)
    repeated = {}
    for site, table in totals.items():
        found = frozenset(h for h, c in table.items() if c >= k)
        if found:
            repeated[site] = found
    return Corpus(repeated, k)


def clean_bag(bag: Any, config: Config | None = None, *, text_field: str = "text",
              kind: str | None = None, repeated: bool | Corpus = False,
              min_docs: int | None = None) -> Any:
    """Map the pipeline over a ``dask.bag``; lazy, like any bag operation.

    Elements that are strings become ``Document.to_dict()`` (``source``, ``text``, ``removed``,
    ``flags``); dict records keep their fields and gain ``cleaned``, ``removed`` and ``flags``,
    as in the CLI's JSONL output. A document that fails gets an ``error`` field instead.
    With ``repeated=True`` the repeated-line table is counted over the whole bag first (this
    computes the bag once), so rule D101 sees the same batch a local run would.
    """
    config = config or Config()
    corpus: Corpus | None
    if repeated is True:
        corpus = repeated_table(bag, text_field=text_field, kind=kind, min_docs=min_docs)
    else:
        corpus = repeated or None
    return bag.map_partitions(_clean_partition, config, text_field, kind, corpus)


def clean_dataframe(ddf: Any, column: str, config: Config | None = None, *,
                    kind: str | None = None) -> Any:
    """Add ``cleaned``, ``removed`` and ``flags`` columns computed from ``ddf[column]``.

    ``removed`` and ``flags`` hold JSON strings (lists as in the JSON format), so the frame
    stays writable to Parquet or CSV. Rows that fail keep their text out: ``cleaned`` is None.
    """
    import json

    config = config or Config()

    def partition(frame: Any) -> Any:
        frame = frame.copy()
        tasks = [Task(f"row {i}", v if isinstance(v, str) else "", kind)
                 for i, v in zip(frame.index, frame[column])]
        outcomes = clean_batch(config, None, tasks)
        frame["cleaned"] = [o.document.text if o.document else None for o in outcomes]
        frame["removed"] = [json.dumps([r.to_dict() for r in o.document.removed], ensure_ascii=False)
                            if o.document else None for o in outcomes]
        frame["flags"] = [json.dumps([f.to_dict() for f in o.document.flags], ensure_ascii=False)
                          if o.document else None for o in outcomes]
        return frame

    meta = ddf._meta.copy()
    for name in ("cleaned", "removed", "flags"):
        meta[name] = meta[column].astype(object) if len(meta) else []
    meta = meta.astype({"cleaned": object, "removed": object, "flags": object})
    return ddf.map_partitions(partition, meta=meta)
