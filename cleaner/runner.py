"""Running a command over many inputs: read, clean, format, write; errors per input.

One bad input never stops the run: its error is printed (one line naming it and the reason)
and the exit status says so at the end.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleaner.atomic import write_atomic
from cleaner.decoding import InputError
from cleaner.formats import Output
from cleaner.inputs import read_inputs
from cleaner.pipeline import Cleaner, RuleFailed

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run(
    cleaner: Cleaner,
    command: str,
    paths: Sequence[str],
    formatter: Any,
    *,
    output_dir: str | None = None,
    quiet: bool = False,
) -> int:
    """Clean or check every input; return the exit status."""
    output = Output(sys.stdout, sys.stderr, command, quiet)
    errors = 0
    flagged = 0
    formatter.start(output)
    for item in read_inputs(paths):
        if item.data is None:
            errors += 1
            print(f"cleaner: error: {item.source}: {item.error}", file=sys.stderr)
            continue
        try:
            doc = cleaner.clean(item.data, source=item.source, kind=item.kind)
        except InputError as exc:
            errors += 1
            print(f"cleaner: error: {exc}", file=sys.stderr)
            continue
        except RuleFailed as exc:
            errors += 1
            print(f"cleaner: error: {exc}", file=sys.stderr)
            continue
        if doc.metadata.get("encoding_detected") and not quiet:
            print(f"cleaner: note: {item.source}: not UTF-8, decoded as {doc.metadata['encoding']}",
                  file=sys.stderr)
        if doc.errors:
            errors += cleaner.config.strict
        flagged += bool(doc.flags)
        if output_dir is not None and command == "clean":
            target = Path(output_dir) / (item.relative or Path(item.source).name)
            try:
                write_atomic(target, doc.text + "\n")
            except OSError as exc:
                errors += 1
                print(f"cleaner: error: {target}: cannot write: {exc}", file=sys.stderr)
            if not quiet:
                from cleaner.formats import finding_lines

                for line, col, message in finding_lines(doc):
                    where = f"{doc.source}:{line}:{col}" if line else doc.source
                    print(f"{where}: {message}", file=sys.stderr)
            continue
        formatter.document(doc, output)
    formatter.finish(output)
    sys.stdout.flush()
    if errors:
        return EXIT_ERROR
    if command == "check" and flagged:
        return EXIT_FINDINGS
    return EXIT_OK
