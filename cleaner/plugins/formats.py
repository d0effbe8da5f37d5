"""Built-in output formats: text, json, jsonl, github."""

from __future__ import annotations

import json

from cleaner.document import Document
from cleaner.formats import Formatter, Output, error_lines, finding_lines, report_lines
from cleaner.pluginmanager import hookimpl


class TextFormat:
    """``clean``: the clean text on stdout, removals on stderr. ``check``: one line per finding."""

    def start(self, output: Output) -> None:
        self._first = True

    def document(self, doc: Document, output: Output) -> None:
        if output.command == "clean":
            if not self._first:
                output.out.write("\n")
            output.out.write(doc.text + "\n")
            if not output.quiet:
                output.err.writelines(f"{line}\n" for line in report_lines(doc))
        else:
            output.out.writelines(f"{line}\n" for line in report_lines(doc))
        output.err.writelines(f"{line}\n" for line in error_lines(doc))
        self._first = False

    def finish(self, output: Output) -> None:
        pass


class JsonFormat:
    """A JSON array, one object per document, streamed as documents arrive."""

    def start(self, output: Output) -> None:
        self._count = 0
        output.out.write("[")

    def document(self, doc: Document, output: Output) -> None:
        output.out.write(",\n" if self._count else "\n")
        output.out.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=None))
        self._count += 1

    def finish(self, output: Output) -> None:
        output.out.write("\n]\n" if self._count else "]\n")


class JsonLinesFormat:
    """One JSON object per line per document."""

    def start(self, output: Output) -> None:
        pass

    def document(self, doc: Document, output: Output) -> None:
        output.out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")

    def finish(self, output: Output) -> None:
        pass


class GithubFormat:
    """GitHub Actions workflow commands: findings show up as annotations on the files."""

    def start(self, output: Output) -> None:
        pass

    def document(self, doc: Document, output: Output) -> None:
        for line, col, message in finding_lines(doc):
            level = "warning" if "[typo]" in message else "notice"
            text = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            output.out.write(f"::{level} file={doc.source},line={max(line, 1)},col={max(col, 1)}::{text}\n")

    def finish(self, output: Output) -> None:
        pass


@hookimpl
def cleaner_register_formats() -> dict[str, Formatter]:
    return {
        "text": TextFormat(),
        "json": JsonFormat(),
        "jsonl": JsonLinesFormat(),
        "github": GithubFormat(),
    }
