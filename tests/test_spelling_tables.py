"""The spelling tables' disk cache: an optimisation that may never change results or fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner.spelling import lexicon, tablecache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(tablecache.ENV_VAR, str(folder))
    return folder


def test_round_trip(cache: Path) -> None:
    digest = tablecache.key("round trip")
    tablecache.store("demo", digest, {"a": 1.5, "b": ["x", "y"]})
    assert tablecache.load("demo", digest) == {"a": 1.5, "b": ["x", "y"]}
    assert tablecache.load("demo", tablecache.key("something else")) is None
    assert [p.name for p in cache.iterdir()] == [f"demo-{digest}.marshal"]  # no temp left


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe9\x00\x01"])
def test_corrupt_file_is_a_miss(cache: Path, content: bytes) -> None:
    digest = tablecache.key("corrupt")
    tablecache.store("demo", digest, [1, 2, 3])
    path = cache / f"demo-{digest}.marshal"
    path.write_bytes(content)
    assert tablecache.load("demo", digest) is None


def test_truncated_file_is_a_miss(cache: Path) -> None:
    digest = tablecache.key("truncated")
    tablecache.store("demo", digest, {"word": "x" * 1000})
    path = cache / f"demo-{digest}.marshal"
    path.write_bytes(path.read_bytes()[:-10])
    assert tablecache.load("demo", digest) is None


def test_unwritable_directory_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(tablecache.ENV_VAR, str(blocker / "cache"))
    tablecache.store("demo", "0", [1])  # must not raise
    assert tablecache.load("demo", "0") is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_directory_is_skipped(cache: Path) -> None:
    cache.mkdir()
    cache.chmod(0o500)
    try:
        tablecache.store("demo", "0", [1])
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o700)


@pytest.mark.parametrize("value", ["", "off", "OFF"])
def test_env_var_disables(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(tablecache.ENV_VAR, value)
    assert tablecache.cache_dir() is None
    tablecache.store("demo", "0", [1])
    assert tablecache.load("demo", "0") is None


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(tablecache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tablecache.cache_dir() == tmp_path / "cleaner"


def test_tables_from_a_corrupt_cache_are_rebuilt_and_equal(cache: Path) -> None:
    """A garbage file under the tables' own name is ignored, the tables are
    built from wordfreq, the file is replaced, and reading it back gives the
    same tables the running process uses."""
    digest = tablecache.key(lexicon.parameters())
    cache.mkdir()
    path = cache / f"spelling-tables-{digest}.marshal"
    path.write_bytes(b"\x00garbage")
    rebuilt = lexicon._load_or_build()
    assert lexicon._well_formed(rebuilt)
    assert tablecache.load("spelling-tables", digest) == rebuilt
    assert rebuilt["zipf"] == lexicon.zipf_table()
    assert rebuilt["delete_index"] == lexicon.delete_index()


def test_cached_object_of_the_wrong_shape_is_rebuilt(cache: Path) -> None:
    assert not lexicon._well_formed({"zipf": {}})
    assert not lexicon._well_formed([1, 2])
    digest = tablecache.key(lexicon.parameters())
    tablecache.store("spelling-tables", digest, {"zipf": "nope"})
    assert lexicon._well_formed(lexicon._load_or_build())


def test_files_of_other_versions_go_once_unused_for_a_month(cache: Path) -> None:
    import time

    old, recent, other = tablecache.key("old"), tablecache.key("recent"), tablecache.key("x")
    tablecache.store("demo", old, [1])
    tablecache.store("demo", recent, [2])
    tablecache.store("elsewise", other, [3])  # another table: never this one's business
    month_ago = time.time() - (tablecache.STALE_AFTER_DAYS + 1) * 86400
    for path in cache.iterdir():
        os.utime(path, (month_ago, month_ago))
    assert tablecache.load("demo", recent) == [2]  # reading marks it in use
    new = tablecache.key("new")
    tablecache.store("demo", new, [4])
    assert {p.name for p in cache.iterdir()} == {
        f"demo-{recent}.marshal", f"demo-{new}.marshal", f"elsewise-{other}.marshal"}


def test_words_judged_in_advance_are_exactly_those_never_flagged() -> None:
    import random

    from cleaner.spelling import quiet, scoring

    table = lexicon.zipf_table()
    in_range = sorted(w for w, z in table.items() if quiet.MIN_ZIPF <= z < scoring.WORD_SAFE_ZIPF)
    judged = quiet.words()
    sample = random.Random(7).sample(in_range, 400)
    assert [w in judged for w in sample] == [scoring.never_flagged(w, table[w]) for w in sample]
    assert 0.5 < len(judged) / len(in_range) < 1.0  # most rare listed words, not all
    assert all(quiet.MIN_ZIPF <= table[w] < scoring.WORD_SAFE_ZIPF for w in judged)


def test_dictionary_words_are_the_flaggable_ones_pyspellchecker_knows() -> None:
    from spellchecker import SpellChecker

    from cleaner.spelling import dictionary, scoring

    table = lexicon.zipf_table()
    known = dictionary.words()
    assert {"doers", "wok", "whiten", "winnow"} <= known.keys()
    assert not {"recieve", "goverment", "sumit"} & known.keys()  # misspellings: not on its list
    assert all(scoring.FAR_BELOW_ZIPF <= table[w] < scoring.WORD_SAFE_ZIPF for w in known)
    assert not any(scoring.never_flagged(w, table[w]) for w in known)
    assert SpellChecker().known(known) == set(known)


@pytest.mark.parametrize("name", ["quiet", "dictionary"])
def test_word_lists_worked_out_once_are_cached_and_redone_when_the_rules_change(
    name: str, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from cleaner.spelling import quiet

    module = importlib.import_module(f"cleaner.spelling.{name}")
    builds: list[int] = []
    real_build = module.build

    def counted() -> list[str]:
        builds.append(1)
        return real_build()

    monkeypatch.setattr(module, "build", counted)
    monkeypatch.setattr(module, "_words", None)
    first = module.words()
    monkeypatch.setattr(module, "_words", None)
    assert module.words() == first and len(builds) == 1  # read back from the cache
    monkeypatch.setattr(quiet, "rules_fingerprint", lambda *more: "edited scoring rules")
    monkeypatch.setattr(module, "_words", None)
    assert module.words() == first and len(builds) == 2  # a new key: worked out again


def test_without_readable_sources_no_verdict_is_worked_out_in_advance(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleaner.spelling import quiet

    monkeypatch.setattr(quiet, "rules_fingerprint", lambda *more: None)
    monkeypatch.setattr(quiet, "_words", None)
    assert quiet.words() == {}  # every word judged when met


def test_the_cached_verdicts_key_covers_every_module_their_rule_runs() -> None:
    # A module that decides scoring.never_flagged but is not in the key would let an edit to
    # it be answered from an old list: trace which spelling modules the rule really runs.
    import sys

    from cleaner.spelling import quiet, scoring

    lexicon.prepare()
    for module in quiet.DECIDING_MODULES:  # cached results would hide the code that makes them
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    ran: set[str] = set()

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        ran.add(frame.f_code.co_filename)

    sys.setprofile(trace)
    try:
        for word in ("ratified", "dinghy", "inthe", "goverment", "recieve", "whey", "thaw"):
            scoring.never_flagged(word, lexicon.zipf(word))
    finally:
        sys.setprofile(None)
    package = Path(scoring.__file__).parent
    used = {Path(f) for f in ran if Path(f).parent == package}
    assert used <= {Path(m.__file__) for m in quiet.DECIDING_MODULES}
    assert Path(package / "joined.py") in used
