"""Size limits: large inputs are handled, or refused with a clear error under ``max_bytes``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_bounded

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.config import DEFAULT_MAX_BYTES
from cleaner.decoding import InputError

MB = 1_000_000
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b03457842792d85a.txt"


def test_config_max_bytes_refuses_bytes_and_text() -> None:
    cleaner = Cleaner(max_bytes=1000, disable_plugins=("typos",))
    with pytest.raises(InputError) as info:
        cleaner.clean(b"a" * 1001, source="big.txt")
    assert str(info.value) == "big.txt: input is 1,001 bytes, over the limit of 1,000 (--max-bytes)"
    with pytest.raises(InputError, match=r"^big\.txt: input is over the limit of 1,000 characters$"):
        cleaner.clean("a" * 1001, source="big.txt")
    assert cleaner.clean(b"a b" * 333, source="ok.txt").text == "a b" * 333


def test_zero_means_no_limit_for_bytes_and_text_alike() -> None:
    cleaner = Cleaner(max_bytes=0, disable_plugins=("typos",))
    assert cleaner.clean(b"bytes input").text == "bytes input"
    assert cleaner.clean("text input").text == "text input"


def _big_file(path: Path, size: int, line: bool) -> Path:
    unit = b"word " * 20 if line else b"A sentence of an article.\n"
    with path.open("wb") as fh:
        chunk = unit * ((1 << 20) // len(unit) + 1)
        written = 0
        while written < size:
            piece = chunk[: size - written]
            fh.write(piece)
            written += len(piece)
    return path


def test_fifty_megabyte_file_is_refused_under_a_lower_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _big_file(tmp_path / "big.txt", 50 * MB, line=False)
    small = tmp_path / "small.txt"
    small.write_text("Small story.\n", encoding="utf-8")
    status = main(["clean", str(big), str(small), "--max-bytes", str(10 * MB), "-p", "no:typos",
                   "--isolated"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == "Small story.\n"  # the run went on
    assert err == (f"cleaner: error: {big}: input is 50,000,000 bytes, over the limit of "
                   "10,000,000 (--max-bytes)\n")


def test_hundred_megabyte_line_is_refused_by_the_default_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert DEFAULT_MAX_BYTES < 100 * MB
    big = _big_file(tmp_path / "line.txt", 100 * MB, line=True)
    status = main(["check", str(big), "-p", "no:typos", "--isolated"])
    _, err = capsys.readouterr()
    assert status == 2
    assert err == (f"cleaner: error: {big}: input is 100,000,000 bytes, over the limit of "
                   f"{DEFAULT_MAX_BYTES:,} (--max-bytes)\n")


def test_limit_from_the_configuration_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cleaner.toml").write_text("max-bytes = 10\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("more than ten bytes\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "a.txt", "-p", "no:typos"]) == 2
    assert "a.txt: input is 20 bytes, over the limit of 10 (--max-bytes)" in capsys.readouterr().err


def _clean_size(data: bytes) -> int:
    doc = Cleaner(disable_plugins=("typos",)).clean(data, source="big.txt")
    return len(doc.text)


@pytest.mark.parametrize("shape", ["lines", "one-line"])
def test_two_megabyte_documents_are_handled_in_bounded_time(shape: str) -> None:
    if shape == "lines":
        data = SEED.read_bytes() * (2 * MB // len(SEED.read_bytes()))
    else:
        data = ("The café’s “naïve” word " * (2 * MB // 30)).encode("utf-8")
    status, result = run_bounded(_clean_size, data, timeout=20.0)
    assert status == "ok", result
    assert result > MB


def _main_capped(args: list[str], extra_memory: int) -> int:
    """``main(args)`` with the address space capped at its current size plus ``extra_memory``."""
    import resource

    with open("/proc/self/status", encoding="ascii") as fh:
        vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    resource.setrlimit(resource.RLIMIT_AS, (vm + extra_memory, vm + extra_memory))
    return main(args)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: costs no disk
        fh.truncate(3 * 1024**3)
    args = ["check", str(huge), "--max-bytes", str(MB), "-q", "-p", "no:typos", "--isolated"]
    status, result = run_bounded(_main_capped, args, 512 * MB, timeout=20.0)
    assert (status, result) == ("ok", 2)


def test_gzip_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    import zlib

    packer = zlib.compressobj(1, zlib.DEFLATED, 31)  # wbits 31: gzip container
    chunk = b"a" * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(600)) + packer.flush()
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(bomb)
    args = ["check", str(path), "--max-bytes", str(MB), "-q", "-p", "no:typos", "--isolated"]
    status, result = run_bounded(_main_capped, args, 300 * MB, timeout=20.0)
    assert (status, result) == ("ok", 2)
