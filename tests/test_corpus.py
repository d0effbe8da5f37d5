"""Corpus runs through the CLI: JSONL in and out, directory mirroring, globs, in place, errors."""

from __future__ import annotations

import gzip
import json
import os
import stat
from pathlib import Path

import pytest

from cleaner.cli import main

NO_TYPOS = ["-p", "no:typos", "--isolated", "--no-entry-points", "-j", "1"]

STORY = "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.\n"
STORY_SHARE = STORY + "\nShare this article\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "news" / "local").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(STORY_SHARE, encoding="utf-8")
    (root / "news" / "local" / "b.txt").write_text("Rain expected\n\nIt will rain.\n", encoding="utf-8")
    (root / "news" / "notes.md").write_text("Draft\n\nNot for print.\n", encoding="utf-8")
    (root / "news" / "skip.log").write_text("log line\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "c.txt").write_text("hidden\n", encoding="utf-8")
    return root


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_directory_is_mirrored_under_output(tree: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    status = main(["clean", str(tree), "-o", str(out), "-q", *NO_TYPOS])
    assert status == 0
    assert _files(out) == {
        "news/a.txt": "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.\n",
        "news/local/b.txt": "Rain expected\n\nIt will rain.\n",
        "news/notes.md": "Draft\n\nNot for print.\n",
    }
    assert capsys.readouterr().out == ""


def test_include_and_exclude_globs(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    status = main(["clean", str(tree), "-o", str(out), "-q", "--include", "*.txt", "--include", "*.log",
                   "--exclude", "local/*", *NO_TYPOS])
    assert status == 0
    assert sorted(_files(out)) == ["news/a.txt", "news/skip.log"]


def test_html_is_mirrored_as_text(tmp_path: Path) -> None:
    src = tmp_path / "site"
    src.mkdir()
    page = ("<html><body><article><h1>Council approves bridge</h1>"
            "<p>The council voted on Tuesday to build a new bridge over the river, "
            "ending a debate that lasted more than ten years in the town.</p>"
            "<p>Work starts next spring and should take two years to finish, "
            "the council said in a statement on its website.</p></article></body></html>")
    with gzip.open(src / "p.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(page)
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), "-q", *NO_TYPOS]) == 0
    text = (out / "p.txt").read_text(encoding="utf-8")
    assert "The council voted on Tuesday" in text
    assert "<p>" not in text


RECORDS = [
    {"id": "a1", "url": "https://news.example/a1", "text": STORY_SHARE, "lang": "en"},
    {"id": "a2", "url": "https://news.example/a2", "text": "Rain expected\n\nIt will rain.\n"},
]


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def test_jsonl_round_trip_keeps_fields_and_adds_results(tmp_path: Path, capsys) -> None:
    src = tmp_path / "c.jsonl"
    _write_jsonl(src, [json.dumps(r) for r in RECORDS])
    assert main(["clean", str(src), *NO_TYPOS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [
        {**RECORDS[0],
         "cleaned": "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.",
         "removed": [{"start": 82, "end": 100, "text": "Share this article", "rule": "B301",
                      "category": "share", "reason": "share or follow prompt"}],
         "flags": []},
        {**RECORDS[1], "cleaned": "Rain expected\n\nIt will rain.", "removed": [], "flags": []},
    ]


def test_jsonl_fields_and_gzip_output_mirrored(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    with gzip.open(src / "part-0.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"key": "k1", "body": "Rain expected\n\nIt will rain.\n"}) + "\n")
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), "--text-field", "body", "--id-field", "key",
                 *NO_TYPOS]) == 0
    with gzip.open(out / "part-0.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    assert rows == [{"key": "k1", "body": "Rain expected\n\nIt will rain.\n",
                     "cleaned": "Rain expected\n\nIt will rain.", "removed": [], "flags": []}]


def test_bad_records_are_reported_passed_through_and_the_run_goes_on(tmp_path: Path, capsys) -> None:
    src = tmp_path / "c.jsonl"
    _write_jsonl(src, [json.dumps(RECORDS[1]), "{not json", json.dumps({"id": "x9", "title": "no text"}),
                       "", json.dumps(RECORDS[1])])
    assert main(["clean", str(src), "--id-field", "id", *NO_TYPOS]) == 2
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert len(out) == 4
    assert out[1] == "{not json"
    assert json.loads(out[2]) == {"id": "x9", "title": "no text"}
    assert json.loads(out[3])["cleaned"] == "Rain expected\n\nIt will rain."
    assert f"cleaner: error: {src}:2: not valid JSON" in captured.err
    assert f"cleaner: error: {src}:3[x9]: record has no 'text' or 'html' field" in captured.err


def test_one_bad_file_does_not_stop_the_run(tree: Path, tmp_path: Path, capsys) -> None:
    (tree / "news" / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "out"
    status = main(["clean", str(tree), "-o", str(out), "-q", *NO_TYPOS])
    assert status == 2
    assert "bad.txt: binary data" in capsys.readouterr().err
    assert sorted(_files(out)) == ["news/a.txt", "news/local/b.txt", "news/notes.md"]


def test_two_folders_with_one_file_name_keep_the_first_and_refuse_the_second(
        tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x.txt").write_text("First story.\n", encoding="utf-8")
    (second / "x.txt").write_text("Second story.\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["clean", str(first), str(second), "-o", str(out), "-q", *NO_TYPOS])
    assert status == 2
    assert _files(out) == {"x.txt": "First story.\n"}
    assert capsys.readouterr().err == (
        f"cleaner: error: {second / 'x.txt'}: output {out / 'x.txt'} is already written for "
        "another input (same name in another folder); pass the folders instead\n")


def test_files_of_one_folder_mirrored_to_one_name_keep_the_first(tmp_path: Path, capsys) -> None:
    # "a.html" and "a.txt" both mirror to "a.txt", with a folder between them in the walk
    # ("a.sub" sorts between): the second is refused, the rest of the run goes on.
    src = tmp_path / "site"
    (src / "a.sub").mkdir(parents=True)
    (src / "a.html").write_text("<html><body><article><p>Page story.</p></article></body></html>",
                                encoding="utf-8")
    (src / "a.sub" / "x.txt").write_text("Inner story.\n", encoding="utf-8")
    (src / "a.txt").write_text("Text story.\n", encoding="utf-8")
    (src / "b.txt").write_text("Later story.\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["clean", str(src), "-o", str(out), "-q", *NO_TYPOS])
    assert status == 2
    files = _files(out)
    assert sorted(files) == ["a.sub/x.txt", "a.txt", "b.txt"]
    assert "Page story." in files["a.txt"]
    assert capsys.readouterr().err == (
        f"cleaner: error: {src / 'a.txt'}: output {out / 'a.txt'} is already written for "
        "another input (a file beside it has the same name but for a suffix the mirror drops)\n")


def test_missing_file_is_an_error_for_that_file_only(tree: Path, capsys) -> None:
    status = main(["clean", str(tree / "nope.txt"), str(tree / "news" / "local" / "b.txt"), *NO_TYPOS])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == "Rain expected\n\nIt will rain.\n"
    assert "nope.txt: no such file or directory" in captured.err


def test_in_place_with_backup_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text(STORY_SHARE, encoding="utf-8")
    os.chmod(target, 0o640)
    assert main(["clean", str(target), "--in-place", "--backup", ".orig", "-q", *NO_TYPOS]) == 0
    assert target.read_text(encoding="utf-8") == (
        "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == STORY_SHARE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.orig"]


def test_jsonl_in_place(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    _write_jsonl(src, [json.dumps(r) for r in RECORDS])
    os.chmod(src, 0o600)
    assert main(["clean", str(src), "--in-place", *NO_TYPOS]) == 0
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    assert [r["cleaned"] for r in rows] == [
        "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.",
        "Rain expected\n\nIt will rain.",
    ]
    assert stat.S_IMODE(src.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_in_place_and_output_together_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["clean", str(tmp_path), "--in-place", "-o", str(tmp_path / "o"), *NO_TYPOS]) == 2
    assert "--in-place and -o/--output cannot be used together" in capsys.readouterr().err


def test_check_names_records(tmp_path: Path, capsys) -> None:
    src = tmp_path / "c.jsonl"
    _write_jsonl(src, [json.dumps(r) for r in RECORDS])
    assert main(["check", str(src), *NO_TYPOS]) == 0
    assert capsys.readouterr().out == (
        f"{src}:1:5:1: B301 [share] removed: share or follow prompt: \"Share this article\"\n")


def test_statistics_summary(tree: Path, capsys) -> None:
    assert main(["check", str(tree), "--statistics", *NO_TYPOS]) == 0
    err = capsys.readouterr().err
    assert "cleaner: 3 documents cleaned, 0 failed" in err
    assert "cleaner: removed: 1 (share 1)" in err
    assert "cleaner: flagged: 0" in err


def test_stdin_jsonl(monkeypatch, capsys) -> None:
    import io
    import sys

    data = (json.dumps(RECORDS[1]) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["clean", "-", "--jsonl", *NO_TYPOS]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["cleaned"] == "Rain expected\n\nIt will rain."
    assert "repeated-line rule D101 skipped" in captured.err


def test_corrupt_gzip_is_an_error_for_that_file_only(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("First story.\n", encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Record one."}\n')[:-12] + b"garbage!")
    (tmp_path / "d.txt").write_text("Last story.\n", encoding="utf-8")
    assert main(["clean", str(tmp_path), *NO_TYPOS]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("First story.\n")
    assert captured.out.endswith("Last story.\n")
    assert f"cleaner: error: {tmp_path / 'b.txt.gz'}: cannot read" in captured.err
    assert f"cleaner: error: {tmp_path / 'c.jsonl.gz'}:" in captured.err


def test_new_jsonl_output_gets_the_umask_mode(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert main(["clean", str(src), "-o", str(tmp_path / "out"), *NO_TYPOS]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out" / "c.jsonl").stat().st_mode) == 0o644


def test_iter_documents_streams_items_with_errors(tree: Path) -> None:
    from cleaner import Cleaner
    from cleaner.runner import iter_documents

    (tree / "news" / "bad.txt").write_bytes(b"\x00binary")
    cleaner = Cleaner(disable_plugins=("typos",), load_entrypoints=False)
    rows = [(Path(item.source).name, doc.text if doc else None, error)
            for item, doc, error in iter_documents(cleaner, [str(tree / "news")])]
    assert rows[0] == ("a.txt", "Council approves new bridge\n\nThe council voted on Tuesday to build a new bridge.", None)
    assert rows[1][0] == "bad.txt" and rows[1][1] is None and "binary data" in rows[1][2]


def test_progress_bar_draws_on_a_terminal_and_keeps_stdout_clean() -> None:
    import io

    from cleaner.progress import Progress, wanted

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    assert wanted(False, term) and not wanted(True, term) and not wanted(False, io.StringIO())
    bar = Progress(True, total=3, stream=term)
    bar.advance(2, "1.00 MB/s")
    bar.close()
    assert "cleaning" in term.getvalue()


def test_a_record_with_a_malformed_url_keeps_its_file_as_site(tmp_path: Path, capsys) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"url": "http://[", "text": "Markets rose.\n\nShare this article\n"})
                   + "\n", encoding="utf-8")
    assert main(["clean", str(src), "-q", "-p", "no:typos", "--isolated"]) == 0
    assert json.loads(capsys.readouterr().out)["cleaned"] == "Markets rose."
