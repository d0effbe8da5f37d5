"""Dask gives the same results as a single-process run (real LocalCluster on loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from cleaner.cli import main
from cleaner.config import Config
from cleaner.dask_engine import clean_bag, clean_dataframe
from cleaner.pipeline import Cleaner

CONFIG = Config(disable_plugins=("typos",), load_entrypoints=False)
ARGS = ["-p", "no:typos", "--isolated", "--no-entry-points", "-q"]
FOOTER = "Harbour Courier reader desk: letters welcome"


def _records() -> list[dict]:
    rows = []
    for i in range(24):
        text = f"Tide report {i}\n\nHigh water is at {i % 12 + 1} o'clock today.\n"
        if i % 5 == 0:
            text += "\nShare this article\n"
        if i % 2 == 0:
            text += f"\n{FOOTER}\n"
        rows.append({"id": i, "url": f"https://harbour.example/{i}", "text": text})
    return rows


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                       host="127.0.0.1", dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_cli_on_dask_equals_single_process(client, tmp_path: Path, capsys) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()) + "oops\n", encoding="utf-8")
    assert main(["clean", str(src), "-j", "1", *ARGS]) == 2
    local = capsys.readouterr()
    assert main(["clean", str(src), "--engine", "dask", "--scheduler", client.scheduler.address,
                 *ARGS]) == 2
    remote = capsys.readouterr()
    assert remote.out == local.out
    assert remote.err == local.err
    assert '"D101"' in local.out and '"B301"' in local.out


def test_clean_bag_equals_cleaner(client) -> None:
    records = _records()
    bag = db.from_sequence(records, npartitions=3)
    results = clean_bag(bag, CONFIG).compute()
    cleaner = Cleaner(CONFIG)
    assert [r["cleaned"] for r in results] == [cleaner.clean(r["text"]).text for r in records]
    assert results[0]["id"] == 0 and results[0]["url"] == records[0]["url"]


def test_clean_bag_repeated_lines_match_the_cli(client, tmp_path: Path, capsys) -> None:
    records = _records()
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["clean", str(src), "-j", "1", *ARGS]) == 0
    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    bag = db.from_sequence(records, npartitions=4)
    assert clean_bag(bag, CONFIG, repeated=True).compute() == expected


def test_clean_bag_of_strings_and_bad_records(client) -> None:
    bag = db.from_sequence(["Headline\n\nShare this article", {"id": 7, "title": "no text"}])
    out = clean_bag(bag, CONFIG).compute()
    assert out[0]["text"] == "Headline" and out[0]["removed"][0]["rule"] == "B301"
    assert out[1] == {"id": 7, "title": "no text", "error": "record has no string field 'text'"}


def test_clean_dataframe(client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"id": [1, 2], "body": ["Headline\n\nShare this article", "Just words."]})
    out = clean_dataframe(dd.from_pandas(frame, npartitions=2), "body", CONFIG).compute()
    assert list(out["cleaned"]) == ["Headline", "Just words."]
    assert json.loads(out["removed"].iloc[0])[0]["category"] == "share"
    assert list(out["id"]) == [1, 2]


def test_cli_starts_its_own_local_cluster(tmp_path: Path) -> None:
    import subprocess
    import sys

    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    cmd = [sys.executable, "-m", "cleaner.cli", "clean", str(src), *ARGS]
    local = subprocess.run([*cmd, "-j", "1"], capture_output=True, text=True, check=False, timeout=120)
    dask = subprocess.run([*cmd, "--engine", "dask"], capture_output=True, text=True, check=False,
                          timeout=120)
    assert dask.returncode == local.returncode == 0
    assert dask.stdout == local.stdout


def test_dask_output_directory_equals_single_process(client, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for r in _records():
        (src / f"{r['id']:02d}.txt").write_text(r["text"], encoding="utf-8")
    assert main(["clean", str(src), "-o", str(tmp_path / "one"), "-j", "1", *ARGS]) == 0
    assert main(["clean", str(src), "-o", str(tmp_path / "dask"), "--engine", "dask",
                 "--scheduler", client.scheduler.address, *ARGS]) == 0
    one = {p.name: p.read_text() for p in (tmp_path / "one").iterdir()}
    assert one == {p.name: p.read_text() for p in (tmp_path / "dask").iterdir()}
    assert len(one) == 24 and FOOTER not in one["00.txt"]
