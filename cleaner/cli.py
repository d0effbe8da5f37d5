"""The ``cleaner`` command line: parsing and dispatch only.

Exit status: 0 when nothing was flagged, 1 when ``check`` flagged something, 2 for usage or
input errors (after every other input was processed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleaner import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _common(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("rules and plugins")
    g.add_argument("--select", type=_csv, action="extend", metavar="IDS",
                   help="run only these rules (codes, prefixes like B or T1, names, categories)")
    g.add_argument("--extend-select", type=_csv, action="extend", metavar="IDS",
                   help="run these rules in addition to the default ones")
    g.add_argument("--ignore", type=_csv, action="extend", metavar="IDS", help="do not run these rules")
    g.add_argument("-p", dest="plugins", action="append", metavar="MODULE",
                   help="load a plugin module by name; -p no:NAME blocks a plugin (e.g. no:typos)")
    g.add_argument("--no-entry-points", action="store_true",
                   help="do not load installed third-party plugins")
    g.add_argument("--config", metavar="FILE", help="configuration file (default: found upward)")
    g.add_argument("--isolated", action="store_true", help="ignore configuration files")
    g.add_argument("--strict", action="store_true",
                   help="a plugin that fails to load or a rule that raises is an error")
    g = parser.add_argument_group("input")
    g.add_argument("--kind", choices=("auto", "text", "html"), default=None,
                   help="treat inputs as text or HTML (default: detect)")
    g.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="refuse inputs larger than N bytes")
    g = parser.add_argument_group("typos")
    g.add_argument("--min-confidence", type=float, default=None, metavar="X",
                   help="report typo flags with at least this confidence (0-1)")
    g.add_argument("--words", dest="words_files", action="append", metavar="FILE",
                   help="a file of accepted words, one per line")
    g.add_argument("--pack", dest="packs", action="append", metavar="FILE",
                   help="a rule pack (TOML) to load")
    parser.add_argument("--format", default="text", help="output format: text, json, jsonl, github")
    parser.add_argument("-q", "--quiet", action="store_true", help="print no report on stderr")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _corpus_args(parser: argparse.ArgumentParser, command: str) -> None:
    """Corpus options of ``clean`` and ``check``: which files, JSONL fields, outputs, workers."""
    g = parser.add_argument_group("corpus input")
    g.add_argument("--include", action="append", metavar="GLOB",
                   help="in directories, take only files matching GLOB (path or name; repeatable)")
    g.add_argument("--exclude", action="append", metavar="GLOB",
                   help="in directories, skip files matching GLOB (repeatable)")
    g.add_argument("--jsonl", action="store_true",
                   help="read standard input and files of any name as JSONL records")
    g.add_argument("--text-field", metavar="NAME",
                   help="JSONL field holding the text (default: text, then html)")
    g.add_argument("--html-field", metavar="NAME", help="JSONL field holding HTML")
    g.add_argument("--id-field", metavar="NAME", help="JSONL field naming a record in messages")
    if command == "clean":
        g = parser.add_argument_group(
            "corpus output",
            "Files go to stdout, or under -o DIR at the same relative path (HTML pages as .txt), "
            "or back in place. JSONL records come out as JSONL, one line per input line: each "
            "keeps its fields and gains \"cleaned\" (the clean text), \"removed\" and "
            "\"flags\"; a record that cannot be cleaned is passed through unchanged.",
        )
        g.add_argument("--in-place", action="store_true",
                       help="replace each input file with its cleaned version (atomically)")
        g.add_argument("--backup", metavar="SUFFIX",
                       help="with --in-place, keep the original as FILE+SUFFIX")
    g = parser.add_argument_group("execution")
    g.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                   help="worker processes (default: one per CPU)")
    g.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run on this machine or on a Dask cluster (pip install 'cleaner[dask]')")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, implies --engine dask (default: start a local "
                        "cluster with -j workers)")
    g.add_argument("--repeat-min-docs", type=_positive, default=None, metavar="K",
                   help="rule D101 removes lines found in K or more documents of a site "
                        "(default 3)")
    g.add_argument("--statistics", action="store_true",
                   help="print a summary on stderr: documents, bytes, removals, flags, speed")
    g.add_argument("--no-progress", action="store_true", help="never draw a progress bar")


def corpus_options(args: argparse.Namespace) -> Any:
    """The runner's options from the corpus argument groups."""
    from cleaner.inputs import InputOptions
    from cleaner.runner import RunOptions

    return RunOptions(
        inputs=InputOptions(
            include=tuple(args.include or ()),
            exclude=tuple(args.exclude or ()),
            jsonl=args.jsonl,
            text_field=args.text_field,
            html_field=args.html_field,
            id_field=args.id_field,
        ),
        in_place=getattr(args, "in_place", False),
        backup=getattr(args, "backup", None),
        jobs=args.jobs,
        engine="dask" if args.scheduler else args.engine,
        scheduler=args.scheduler,
        statistics=args.statistics,
        progress=False if args.no_progress else None,
        repeat_min_docs=args.repeat_min_docs,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Clean scraped news text or HTML: repair, strip boilerplate, flag typos.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("clean", help="print (or write) the cleaned text")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    p.add_argument("-o", "--output", metavar="DIR", help="write cleaned files under DIR")
    p.add_argument("--fix-typos", action="store_true", help="apply high-confidence typo fixes")
    _common(p)
    _corpus_args(p, command="clean")

    p = sub.add_parser("check", help="report removals and typo flags like a linter")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    _common(p)
    _corpus_args(p, command="check")

    p = sub.add_parser("plugins", help="list loaded plugins with versions and hooks")
    _common(p)
    p = sub.add_parser("rules", help="list rules (all, or those --select names) with id, stage, "
                       "category, plugin and state")
    _common(p)
    return parser


def config_from_args(args: argparse.Namespace) -> Any:
    """A Config from the configuration file (unless --isolated) and the flags given."""
    from cleaner.config import load_config

    plugins = [p for p in (args.plugins or []) if not p.startswith("no:")]
    blocked = [p[3:] for p in (args.plugins or []) if p.startswith("no:")]
    overrides: dict[str, Any] = {
        "select": args.select,
        "extend_select": args.extend_select,
        "ignore": args.ignore,
        "plugins": plugins or None,
        "disable_plugins": blocked or None,
        "load_entrypoints": False if args.no_entry_points else None,
        "strict": True if args.strict else None,
        "kind": args.kind,
        "max_bytes": args.max_bytes,
        "min_confidence": args.min_confidence,
        "words_files": [str(Path(w).resolve()) for w in args.words_files] if args.words_files else None,
        "packs": [str(Path(p).resolve()) for p in args.packs] if args.packs else None,
        "fix_typos": True if getattr(args, "fix_typos", False) else None,
    }
    return load_config(Path(args.config) if args.config else None, isolated=args.isolated,
                       **overrides)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``cleaner`` command; a reader that closes the pipe early (``| head``) ends it quietly."""
    try:
        return _main(argv)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_FINDINGS


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from cleaner.config import ConfigError
    from cleaner.packs import PackError, load_pack
    from cleaner.pipeline import Cleaner, RuleFailed
    from cleaner.pluginmanager import PluginLoadError

    try:
        config = config_from_args(args)
        for pack in config.packs:
            load_pack(pack)  # a broken pack the user named is a usage error, not a warning
        cleaner = Cleaner(config)
    except (ConfigError, PackError, PluginLoadError, RuleFailed) as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for warning in cleaner.warnings:
        print(f"cleaner: warning: {warning}", file=sys.stderr)
    if args.command == "plugins":
        return _list_plugins(cleaner, args.format)
    if args.command == "rules":
        return _list_rules(cleaner, args.format)
    formatter = cleaner.registry.formats.get(args.format)
    if formatter is None:
        known = ", ".join(sorted(cleaner.registry.formats))
        print(f"cleaner: error: unknown format {args.format!r} (known: {known})", file=sys.stderr)
        return EXIT_ERROR
    from cleaner.runner import run

    return run(cleaner, args.command, args.paths, formatter,
               output_dir=getattr(args, "output", None), quiet=args.quiet,
               options=corpus_options(args))


def _list_plugins(cleaner: Any, fmt: str) -> int:
    from cleaner.pluginmanager import describe_plugins

    infos = describe_plugins(cleaner.pm, cleaner.load_report)
    if fmt == "json":
        print(json.dumps([vars(i) for i in infos], indent=2))
        return EXIT_OK
    for info in infos:
        version = info.version or ("built-in" if info.builtin else "-")
        print(f"{info.name:<24} {version:<10} {', '.join(info.hooks)}")
    return EXIT_OK


def _list_rules(cleaner: Any, fmt: str) -> int:
    from cleaner.rules import matches

    active = {r.code for r in cleaner.rules}
    wanted = cleaner.config.select + cleaner.config.extend_select
    rows = [
        {"code": r.code, "name": r.name, "stage": r.stage, "category": r.category,
         "plugin": r.plugin, "enabled": r.code in active, "description": r.description}
        for r in cleaner.all_rules
        if not wanted or any(matches(s, r) for s in wanted)
    ]
    rows += _html_rule_rows(cleaner, wanted)
    if fmt == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    for row in rows:
        state = "on" if row["enabled"] else "off"
        print(f"{row['code']:<6} {row['name']:<22} {row['stage']:<7} {row['category']:<12} "
              f"{row['plugin']:<16} {state:<4} {row['description']}")
    return EXIT_OK


def _html_rule_rows(cleaner: Any, wanted: tuple[str, ...]) -> list[dict[str, Any]]:
    """The HTML loader's pre-extraction rules (H codes): they act on page elements, not lines,
    so they are not pipeline rules, but users select and ignore them by the same codes."""
    if not cleaner.pm.has_plugin("loaders"):
        return []
    from cleaner.html import HTML_RULES, _rule_is_on

    rows = []
    for r in HTML_RULES:
        if wanted and not any(r.code.startswith(s.strip().upper()) for s in wanted):
            continue
        rows.append({"code": r.code, "name": f"html-{r.category}", "stage": "html",
                     "category": r.category, "plugin": "loaders",
                     "enabled": _rule_is_on(r.code, cleaner.config),
                     "description": f"Drops the page's {r.reason} before extraction."})
    return rows


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
