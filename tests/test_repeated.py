"""Rule D101: lines shared by several documents of a site or batch are removed, others never."""

from __future__ import annotations

import json
from pathlib import Path

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.corpus import LineCounter, count_repeated, line_hash, normalise

ARGS = ["-p", "no:typos", "--isolated", "--no-entry-points", "-j", "1", "-q"]
FOOTER = "Copyleft Harbour Town Courier - reader services desk"

DOCS = {
    "a.txt": f"Ferry timetable changes\n\nThe ferry will leave at nine from Monday.\n\n{FOOTER}\n",
    "b.txt": f"Library reopens\n\nThe town library reopened after repairs.\n\n{FOOTER}\n",
    "c.txt": f"Market day moved\n\nThe Friday market moves to Saturday.\n\n  {FOOTER.upper()}!\n",
    "d.txt": "School play a success\n\nPupils staged a play about the harbour.\n\nOnly here once\n",
}


def _write(root: Path, docs: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_shared_footer_is_removed_from_every_document(tmp_path: Path) -> None:
    src = _write(tmp_path / "site", DOCS)
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), *ARGS]) == 0
    assert (out / "a.txt").read_text() == "Ferry timetable changes\n\nThe ferry will leave at nine from Monday.\n"
    assert (out / "c.txt").read_text() == "Market day moved\n\nThe Friday market moves to Saturday.\n"
    assert (out / "d.txt").read_text() == DOCS["d.txt"]


def test_removals_are_reported_with_rule_and_category(tmp_path: Path, capsys) -> None:
    src = _write(tmp_path / "site", DOCS)
    assert main(["check", str(src), "--format", "jsonl", *ARGS]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    removed = {Path(d["source"]).name: [(r["rule"], r["category"], r["text"]) for r in d["removed"]]
               for d in docs}
    assert removed == {
        "a.txt": [("D101", "repeated", FOOTER)],
        "b.txt": [("D101", "repeated", FOOTER)],
        "c.txt": [("D101", "repeated", FOOTER.upper() + "!")],
        "d.txt": [],
    }


def test_threshold_k_is_configurable(tmp_path: Path, capsys) -> None:
    src = _write(tmp_path / "site", DOCS)
    assert main(["check", str(src), "--repeat-min-docs", "4", *ARGS]) == 0
    assert capsys.readouterr().out == ""


def test_a_line_in_one_document_is_never_removed_even_many_times(tmp_path: Path, capsys) -> None:
    docs = {"a.txt": "Title\n\nSame line here\n\nSame line here\n\nSame line here\n",
            "b.txt": "Other title\n\nDifferent words\n"}
    src = _write(tmp_path / "site", docs)
    assert main(["check", str(src), "--repeat-min-docs", "2", *ARGS]) == 0
    assert capsys.readouterr().out == ""


def test_sites_are_counted_apart(tmp_path: Path, capsys) -> None:
    _write(tmp_path / "one", {"a.txt": f"A\n\n{FOOTER}\n", "b.txt": f"B\n\n{FOOTER}\n"})
    _write(tmp_path / "two", {"c.txt": f"C\n\n{FOOTER}\n"})
    assert main(["check", str(tmp_path), "--repeat-min-docs", "3", *ARGS]) == 0
    assert capsys.readouterr().out == ""


def test_jsonl_records_use_the_url_host_as_site(tmp_path: Path, capsys) -> None:
    rows = [{"url": f"https://www.harbour.example/n/{i}", "text": f"Story {i}\n\n{FOOTER}\n"} for i in range(3)]
    rows.append({"url": "https://other.example/x", "text": f"Story x\n\n{FOOTER}\n"})
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["clean", str(src), *ARGS]) == 0
    cleaned = [json.loads(line)["cleaned"] for line in capsys.readouterr().out.splitlines()]
    assert cleaned == ["Story 0", "Story 1", "Story 2", f"Story x\n\n{FOOTER}"]


def test_ignoring_d_skips_the_rule(tmp_path: Path, capsys) -> None:
    src = _write(tmp_path / "site", DOCS)
    assert main(["check", str(src), "--ignore", "D", *ARGS]) == 0
    assert capsys.readouterr().out == ""


def test_single_document_through_the_library_removes_nothing() -> None:
    doc = Cleaner(disable_plugins=("typos",)).clean(DOCS["a.txt"])
    assert doc.removed == []


def test_normalise_and_hash() -> None:
    assert normalise("  Sign up for our Daily Briefing! ") == "sign up for our daily briefing"
    assert normalise("2024") is None
    assert normalise("word " * 60) is None
    assert line_hash("Sign up, for our daily briefing") == line_hash("SIGN UP FOR OUR DAILY BRIEFING.")


def test_counter_counts_documents_not_occurrences_and_prunes_conservatively() -> None:
    table = count_repeated([("s", f"x{i}\nshared line\nshared line\n", "d.txt", "text") for i in range(3)],
                           min_docs=3)
    assert table == {"s": frozenset({line_hash("shared line")})}
    counter = LineCounter(capacity=10)
    for i in range(30):
        counter.add("s", {i, 1000})
    assert counter.size <= 10
    assert counter.counts["s"][1000] == 30
    assert all(c <= 30 for c in counter.counts["s"].values())


def _pages(root: Path, hosts: list[str]) -> Path:
    root.mkdir()
    body = ("<p>The harbour authority said on {day} that the new ferry service would run "
            "twice a day between the two towns from the start of next month.</p>"
            "<p>Officials expect the service to carry about four hundred people each day "
            "during the {day} summer season, when tourism is at its highest.</p>"
            f"<p>{FOOTER}</p>")
    for host, day in zip(hosts, ("Monday", "Tuesday", "Friday")):
        page = (f'<html><head><link rel="canonical" href="https://{host}/news/{day}"></head>'
                f"<body><article><h1>Ferry news for {day}</h1>{body.format(day=day)}</article>"
                "</body></html>")
        (root / f"{day}.html").write_text(page, encoding="utf-8")
    return root


def test_html_pages_of_one_site_share_lines(tmp_path: Path, capsys) -> None:
    src = _pages(tmp_path / "same", ["www.harbour.example"] * 3)
    assert main(["check", str(src), "--select", "D", *ARGS]) == 0
    out = capsys.readouterr().out
    assert out.count("D101 [repeated]") == 3 and FOOTER in out


def test_html_pages_of_different_sites_in_one_folder_do_not(tmp_path: Path, capsys) -> None:
    src = _pages(tmp_path / "mixed", ["a.example", "b.example", "c.example"])
    assert main(["check", str(src), "--select", "D", *ARGS]) == 0
    assert capsys.readouterr().out == ""


def test_page_site() -> None:
    from cleaner.corpus import page_site

    assert page_site('<head><link href="https://WWW.Example.com/a" rel="canonical"></head>') == "example.com"
    assert page_site('<meta content="https://news.example/x" property="og:url">') == "news.example"
    assert page_site("<p>no head</p>") is None
