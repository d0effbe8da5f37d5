"""Nothing lost: atomic writes, interrupted writes, and corpus runs that outlive bad inputs."""

from __future__ import annotations

import gzip
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleaner import atomic
from cleaner.atomic import write_atomic
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- write_atomic ----------------------------------------------------------------------------

def test_write_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\r\ntext ✓\n")
    assert target.read_bytes() == "new\r\ntext ✓\n".encode()  # no newline translation
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _entries(tmp_path) == ["doc.txt"]


def test_new_file_gets_the_umask_default_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "sub" / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "sub" / "new.txt").stat().st_mode) == 0o640


def test_keep_mode_of_another_file(tmp_path: Path) -> None:
    model = tmp_path / "model.txt"
    model.write_text("m")
    model.chmod(0o604)
    write_atomic(tmp_path / "out.txt", "x", keep_mode_of=model)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o604


@pytest.mark.parametrize("failure", ["fsync", "encode", "replace"])
def test_exception_mid_write_keeps_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    target = tmp_path / "doc.txt"
    target.write_text("old content\n", encoding="utf-8")
    text = "new content\n" * 1000
    if failure == "fsync":
        def boom(fd: int) -> None:
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(atomic.os, "fsync", boom)
    elif failure == "encode":
        text += "\ud800"  # a lone surrogate cannot be written as UTF-8, half-way through
    else:
        def boom_replace(src: str, dst: object) -> None:
            raise KeyboardInterrupt
        monkeypatch.setattr(atomic.os, "replace", boom_replace)
    with pytest.raises((OSError, UnicodeEncodeError, KeyboardInterrupt)):
        write_atomic(target, text)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert _entries(tmp_path) == ["doc.txt"]


_KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from cleaner import atomic

    real_fsync = os.fsync
    def stall(fd):
        print("writing", flush=True)   # data is in the temporary file, not yet renamed
        time.sleep(60)
    atomic.os.fsync = stall
    atomic.write_atomic(Path(sys.argv[1]), "NEW " * 500_000)
    """
)


def _kill_mid_write(script: str, *args: str, cwd: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", script, *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "writing" in line, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def test_kill_9_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    target.write_text("old content\n", encoding="utf-8")
    _kill_mid_write(_KILLED_WRITER, str(target), cwd=tmp_path)
    assert target.read_text(encoding="utf-8") == "old content\n"
    leftovers = [n for n in _entries(tmp_path) if n != "doc.txt"]
    # A killed process cannot clean up: at most its own hidden temporary file is left ...
    assert all(n.startswith(".doc.txt.") and n.endswith(".tmp") for n in leftovers)
    # ... and the next process writing into the folder removes it, since its writer is dead.
    atomic._SWEPT.discard(os.path.abspath(tmp_path))
    write_atomic(target, "newer\n")
    assert _entries(tmp_path) == ["doc.txt"]
    assert target.read_text(encoding="utf-8") == "newer\n"


def test_live_writers_temporaries_are_not_swept(tmp_path: Path) -> None:
    live = tmp_path / f".other.txt.{atomic._HOST}-1.abc123.tmp"  # pid 1 is always alive
    foreign = tmp_path / ".other.txt.elsewhere-99999999.abc123.tmp"
    live.write_text("in progress")
    foreign.write_text("another host's")
    write_atomic(tmp_path / "doc.txt", "x")
    assert live.exists() and foreign.exists()


# -- corpus runs -----------------------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_good.txt").write_text("Headline\n\nBody of the first story.\n\nShare this article\n",
                                       encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "c_corrupt.txt").write_bytes("Café naïve ".encode() * 3 + b"\xff\xfe" + b" end")
    (folder / "d_cp1252.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d story.\n".encode("cp1252"))
    (folder / "e_empty.txt").write_bytes(b"")
    (folder / "sub" / "f_utf16.txt").write_bytes("UTF-16 story text.\n".encode("utf-16"))
    (folder / "h_last.txt").write_text("The last story.\n", encoding="utf-8")
    return folder


def test_corpus_run_reports_each_bad_input_and_exits_2_after_the_rest(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["clean", str(corpus), "--format", "json", "-p", "no:typos", "--isolated"])
    out, err = capsys.readouterr()
    assert status == 2
    docs = {Path(d["source"]).name: d for d in json.loads(out)}
    assert sorted(docs) == ["a_good.txt", "d_cp1252.txt", "e_empty.txt", "f_utf16.txt", "h_last.txt"]
    assert docs["a_good.txt"]["text"] == "Headline\n\nBody of the first story."
    assert docs["d_cp1252.txt"]["text"] == "Café “quoted” story."
    assert docs["f_utf16.txt"]["text"] == "UTF-16 story text."
    errors = [ln for ln in err.splitlines() if ln.startswith("cleaner: error:")]
    assert len(errors) == 2
    assert f"cleaner: error: {corpus / 'b_binary.txt'}: binary data (NUL bytes), not text" in errors
    assert any(str(corpus / "c_corrupt.txt") + ": invalid UTF-8: 2 invalid byte(s)" in e for e in errors)
    assert f"cleaner: note: {corpus / 'd_cp1252.txt'}: not UTF-8, decoded as cp1252" in err


def test_output_dir_run_writes_every_good_file_whole(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    status = main(["clean", str(corpus), "-o", str(out), "-q", "-p", "no:typos", "--isolated"])
    assert status == 2
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert written == ["a_good.txt", "d_cp1252.txt", "e_empty.txt", "h_last.txt", "sub",
                       "sub/f_utf16.txt"]
    assert (out / "a_good.txt").read_text(encoding="utf-8") == "Headline\n\nBody of the first story.\n"
    assert (out / "d_cp1252.txt").read_text(encoding="utf-8") == "Café “quoted” story.\n"


def test_check_run_counts_errors_and_still_reports_findings(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", str(corpus), "-p", "no:typos", "--isolated"])
    out, _ = capsys.readouterr()
    assert status == 2  # errors win over findings, but the findings are all printed
    assert "a_good.txt:5:1: B301" in out


_KILLED_RUN = textwrap.dedent(
    """
    import os, sys, time
    from cleaner import atomic
    from cleaner.cli import main

    real_replace = os.replace
    count = 0
    def stall_on_second(src, dst):  # the text is in the temporary file, not yet renamed
        global count
        count += 1
        if count == 2:
            print("writing", flush=True)
            time.sleep(60)
        real_replace(src, dst)
    atomic.os.replace = stall_on_second
    main(["clean", sys.argv[1], "-o", sys.argv[2], "-q", "-p", "no:typos", "--isolated"])
    """
)


def test_killed_output_run_leaves_no_partial_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("one", "two", "three"):
        (src / f"{name}.txt").write_text(f"Story {name}.\n" * 20_000, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "three.txt").write_text("previous run\n", encoding="utf-8")  # inputs run sorted:
    # one.txt is written, the run is killed while three.txt is being written, two.txt never is
    _kill_mid_write(_KILLED_RUN, str(src), str(out), cwd=ROOT)
    files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if not p.name.startswith(".")}
    expected_one = ("Story one.\n" * 20_000).rstrip("\n") + "\n"
    assert files == {"one.txt": expected_one, "three.txt": "previous run\n"}


def test_gzip_input_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Gzipped story.\n"))
    assert main(["clean", str(path), "-p", "no:typos", "--isolated"]) == 0
    assert capsys.readouterr().out == "Gzipped story.\n"


def test_corrupt_gzip_body_is_an_error_for_that_input_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("First story.\n", encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    (tmp_path / "c.txt").write_text("Last story.\n", encoding="utf-8")
    status = main(["clean", str(tmp_path), "-p", "no:typos", "--isolated"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == "First story.\n\nLast story.\n"
    assert f"cleaner: error: {tmp_path / 'b.txt.gz'}: cannot read" in err


def test_output_dir_never_overwrites_one_input_with_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["clean", str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt"),
                   "-o", str(out), "-q", "-p", "no:typos", "--isolated"])
    capsys.readouterr()
    texts = sorted(p.read_text(encoding="utf-8") for p in out.rglob("*.txt"))
    # The first is written; the second is refused with an error rather than overwriting it.
    assert texts == ["Story from a.\n"]
    assert status == 2


def test_in_place_rewrites_are_fsynced_and_mirrors_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input replaced in place must survive a power cut; a mirror under -o can be remade."""
    synced: list[int] = []
    real_fsync = atomic.os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    story = tmp_path / "story.txt"
    story.write_text("Markets rose.\n\nShare this article\n", encoding="utf-8")
    assert main(["clean", str(story), "-o", str(tmp_path / "out"), "-q", "-p", "no:typos", "--isolated"]) == 0
    assert (tmp_path / "out" / "story.txt").read_text(encoding="utf-8") == "Markets rose.\n"
    assert synced == []
    assert main(["clean", str(story), "--in-place", "-q", "-p", "no:typos", "--isolated"]) == 0
    assert story.read_text(encoding="utf-8") == "Markets rose.\n"
    assert len(synced) == 2  # the file before the rename, its folder after
