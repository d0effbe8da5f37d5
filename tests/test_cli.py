"""The `cleaner` command as users run it: clean, check, formats, exit status, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import ROOT, SEED, run_cli

EXPECTED_TEXT = (ROOT / "seeds" / "000_b03457842792d85a.clean.txt").read_text(encoding="utf-8")
SEED_ARG = "seeds/000_b03457842792d85a.txt"


def test_clean_prints_the_clean_seed_and_reports_removals_with_categories() -> None:
    result = run_cli("clean", SEED_ARG)
    assert result.returncode == 0
    assert result.stdout == EXPECTED_TEXT
    removals = [l for l in result.stderr.splitlines() if " removed: " in l]
    assert removals == [
        f"{SEED_ARG}:3:1: B101 [caption] removed: image caption (position marker such as '(L)' "
        "in a photo description): \"India's Prime Minister Narendra Modi (L) shakes hands with …\"",
        f"{SEED_ARG}:30:1: B201 [comments] removed: comment-section prompt: "
        "\"Please let us know if you're having issues with commenting.\"",
    ]


def test_quiet_clean_prints_only_the_text() -> None:
    result = run_cli("clean", "-q", SEED_ARG)
    assert result.stdout == EXPECTED_TEXT
    assert result.stderr == ""


def test_check_json_flags_exactly_the_two_seed_typos_and_no_names() -> None:
    result = run_cli("check", "--format", "json", SEED_ARG)
    assert result.returncode == 1, result.stderr
    (doc,) = json.loads(result.stdout)
    assert list(doc) == ["source", "text", "removed", "flags"]
    flags = [(f["text"], f["suggestions"][0], f["category"], f["removed"]) for f in doc["flags"]]
    assert flags == [("sumit", "summit", "typo", True), ("Dehli", "Delhi", "typo", False)]
    original = SEED.read_text(encoding="utf-8")
    lines = original.split("\n")
    for item in doc["flags"] + doc["removed"]:
        assert original[item["start"] : item["end"]] == item["text"]
    for flag in doc["flags"]:
        assert list(flag) == ["start", "end", "text", "rule", "category", "message",
                              "suggestions", "confidence", "line", "column", "removed"]
        line = lines[flag["line"] - 1]
        assert line[flag["column"] - 1 :].startswith(flag["text"])
        assert 0 < flag["confidence"] <= 1


def test_check_text_is_one_line_per_finding_like_a_linter() -> None:
    result = run_cli("check", SEED_ARG)
    assert result.returncode == 1
    rows = result.stdout.splitlines()
    assert [r.split(": ", 1)[0] for r in rows] == [
        f"{SEED_ARG}:3:1", f"{SEED_ARG}:3:159", f"{SEED_ARG}:17:5", f"{SEED_ARG}:30:1"
    ]
    assert rows[1].startswith(f'{SEED_ARG}:3:159: T101 [typo] possible typo: "sumit" -> "summit"')
    assert rows[1].endswith("(in removed text)")


def test_check_exits_zero_when_nothing_is_flagged(tmp_path: Path) -> None:
    story = tmp_path / "ok.txt"
    story.write_text("The council met on Monday.\n\nShare this article\n", encoding="utf-8")
    result = run_cli("check", str(story))
    assert result.returncode == 0
    assert result.stdout == f'{story}:3:1: B301 [share] removed: share or follow prompt: "Share this article"\n'


def test_bad_inputs_are_one_line_errors_and_the_rest_is_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The council met on Monday.\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    bad_utf8 = tmp_path / "bad.txt"
    bad_utf8.write_bytes("Café crème brûlée, déjà vu. ".encode() + b"\xff broken")
    missing = tmp_path / "missing.txt"
    result = run_cli("clean", str(binary), str(bad_utf8), str(missing), str(good))
    assert result.returncode == 2
    assert result.stdout == "The council met on Monday.\n"
    assert result.stderr.splitlines() == [
        f"cleaner: error: {binary}: binary data (NUL bytes), not text",
        f"cleaner: error: {bad_utf8}: invalid UTF-8: 1 invalid byte(s), the first 0xff at offset 34",
        f"cleaner: error: {missing}: no such file or directory",
    ]


def test_stdin_is_read_with_a_dash() -> None:
    result = run_cli("clean", "-q", "-", stdin=b"Markets rose.\n\nAdvertisement\n")
    assert result.stdout == "Markets rose.\n"


def test_output_directory_gets_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("clean", "-q", SEED_ARG, "-o", str(out))
    assert result.returncode == 0
    assert result.stdout == ""
    assert [p.name for p in out.iterdir()] == [SEED.name]
    assert (out / SEED.name).read_text(encoding="utf-8") == EXPECTED_TEXT


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cli("check", "--format", "yaml", SEED_ARG)
    assert result.returncode == 2
    assert "unknown format 'yaml'" in result.stderr


def test_github_format_annotates_lines() -> None:
    result = run_cli("check", "--format", "github", "--select", "B", SEED_ARG)
    assert result.stdout.splitlines()[0].startswith(f"::notice file={SEED_ARG},line=3,col=1::B101 [caption]")


def test_version_is_printed() -> None:
    from cleaner import __version__

    result = run_cli("--version")
    assert result.stdout == f"cleaner {__version__}\n"


def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """The runner freezes its one-time objects for the run only (gc.freeze), then thaws them."""
    import gc

    from cleaner.cli import main

    (tmp_path / "a.txt").write_text("Markets rose.\n\nShare this article\n", encoding="utf-8")
    assert gc.get_freeze_count() == 0
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q",
                 "-p", "no:typos", "--isolated"]) == 0
    assert gc.get_freeze_count() == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "Markets rose.\n"
