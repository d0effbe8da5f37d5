"""``python -m benchmarks`` (``make bench``): run every ``benchmarks/bench_*.py`` there is.

Each benchmark module has ``main(argv) -> int``; they run one after the other (they measure
speed, so never at the same time), each with no arguments unless chosen with ``--only``:
``python -m benchmarks --only speed -- --html-limit 40`` passes the arguments after ``--``.
A benchmark that fails is reported and the others still run; the exit status is 1 then.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def _load(path: Path):  # type: ignore[no-untyped-def]
    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))
    return importlib.import_module(f"benchmarks.{path.stem}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only bench_NAME.py (repeatable); arguments after -- go to it")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    args = parser.parse_args(argv)
    found = discover()
    if args.list:
        for path in found:
            print(path.stem.removeprefix("bench_"))
        return 0
    if args.only:
        wanted = {name.removeprefix("bench_").removesuffix(".py") for name in args.only}
        found = [p for p in found if p.stem.removeprefix("bench_") in wanted]
    status = 0
    for path in found:
        name = path.stem.removeprefix("bench_")
        print(f"== {name} ==", flush=True)
        began = time.perf_counter()
        try:
            module = _load(path)
            bench_main = getattr(module, "main", None)
            if bench_main is None:
                print(f"{path.name}: no main(argv) function, skipped")
                continue
            result = bench_main(extra if args.only else [])
            status = max(status, 1 if result else 0)
        except SystemExit as exc:
            status = max(status, 1 if exc.code else 0)
        except Exception:
            traceback.print_exc()
            status = 1
        print(f"== {name}: {time.perf_counter() - began:.1f} s ==\n", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
