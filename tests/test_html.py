"""The HTML path: furniture dropped before extraction, reported first, then the text rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main

DATA = Path(__file__).parent / "data" / "html"

FERRY_TEXT = """\
Harbour ferry returns after a winter of repairs
The small ferry that links the old harbour with the island of Kessel carried its first passengers of the season on Thursday, after five months in dry dock for a new engine and a repainted hull.
About forty people, most of them islanders with shopping bags, waited on the quay before the eight o'clock crossing. Several said the winter replacement, a chartered fishing boat, had been cold and often late.
The harbour authority spent roughly 600,000 euros on the repairs, paid partly by a regional grant. Its director, Petra Holm, said the new engine used a third less fuel and would keep the ferry running for another fifteen years.
Timetables stay as they were last summer, with eleven crossings a day on weekdays and seven at weekends. Tickets can now be paid by card on board, a change islanders had asked for since 2019.
The island's school, which has twelve pupils, had moved its spring trip forward so that the children could travel on the first crossing."""

FERRY_REMOVED = [
    ("H902", "other", "Home Local Sport"),
    ("H701", "cookies", "We use cookies to give you the best experience. Accept all cookies or manage your preferences."),
    ("H301", "share", "Share on Facebook Share on X Email"),
    ("H101", "caption", "The ferry leaves the old harbour on its first crossing of the year. (Photo: Ines Moreau)"),
    ("H401", "newsletter", "Get the Ledger in your inbox Sign up for our free morning newsletter. Subscribe"),
    ("H901", "author", "Tomas Lindqvist is a staff reporter at The Coastal Ledger who covers transport and the islands."),
    ("H501", "related", "Related stories Island school gets new roof Fishing quotas cut again"),
    ("H201", "comments", "3 Comments Finally! The old boat was freezing. Card payments at last, well done. Leave a comment"),
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(ignore=["T"], load_entrypoints=False)


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_page_furniture_is_dropped_before_extraction(cleaner: Cleaner) -> None:
    doc = cleaner.clean(read("harbour-ferry.html"), source="harbour-ferry.html")
    assert doc.text == FERRY_TEXT
    assert [(r.rule, r.category, r.text) for r in doc.removed] == FERRY_REMOVED
    assert all(r.stage == "html" and r.start is None and r.end is None for r in doc.removed)


def test_text_rules_run_on_the_extracted_text(cleaner: Cleaner) -> None:
    doc = cleaner.clean(read("library-hours.html"), source="library-hours.html")
    assert [(r.rule, r.stage, r.text) for r in doc.removed] == [
        ("B601", "text", "Advertisement"),
        ("B501", "text", "Read more: Reading room reopens after flood repairs"),
        ("B301", "text", "Share this article"),
        ("B201", "text", "Please let us know if you're having trouble with the comments section."),
    ]
    assert "The minister declined to comment." in doc.text.splitlines()
    for r in doc.removed:
        assert doc.original[r.start : r.end] == r.text


def test_html_removals_come_before_text_removals(cleaner: Cleaner) -> None:
    page = read("harbour-ferry.html").replace(
        "<p>The island's school", "<p>Advertisement</p><p>The island's school"
    )
    stages = [r.stage for r in cleaner.clean(page, source="p.html").removed]
    assert stages == ["html"] * len(FERRY_REMOVED) + ["text"]


def test_html_rules_can_be_ignored_by_code() -> None:
    doc = Cleaner(ignore=["T", "H2", "H1"], load_entrypoints=False).clean(
        read("harbour-ferry.html"), source="harbour-ferry.html"
    )
    assert not any(r.rule.startswith(("H1", "H2")) for r in doc.removed)
    assert "H301" in {r.rule for r in doc.removed}


def test_preclean_can_be_turned_off() -> None:
    doc = Cleaner(ignore=["T"], load_entrypoints=False, options={"html_preclean": False}).clean(
        read("harbour-ferry.html"), source="harbour-ferry.html"
    )
    assert not any(r.stage == "html" for r in doc.removed)


def test_a_container_holding_the_story_is_kept_whatever_its_class(cleaner: Cleaner) -> None:
    body = "".join(
        f"<p>Paragraph {i} tells how the valley road was rebuilt after the spring floods "
        f"washed away two bridges and a stretch of the old embankment.</p>"
        for i in range(6)
    )
    page = f"<html><body><div class='post share-enabled comments-open'>{body}</div></body></html>"
    doc = cleaner.clean(page, source="story.html")
    assert doc.removed == []
    assert len(doc.text.splitlines()) == 6


def test_headings_with_slug_ids_are_not_widgets(cleaner: Cleaner) -> None:
    story = "".join(
        f"<p>Paragraph {i} explains what the survey found about how pupils get to school "
        f"each morning and why fewer of them cycle than ten years ago.</p>"
        for i in range(5)
    )
    page = (
        "<html><body><article><h1>School travel survey</h1>" + story
        + "<h2 id='what-share-of-pupils-cycle-to-school'>What share of pupils cycle?</h2>"
        + story + "</article></body></html>"
    )
    doc = cleaner.clean(page, source="survey.html")
    assert "What share of pupils cycle?" in doc.text.splitlines()


def test_cli_reports_html_removals(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["clean", "--isolated", "--no-entry-points", "--ignore", "T", "--format", "json",
                 str(DATA / "harbour-ferry.html")])
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    (record,) = out
    assert record["text"] == FERRY_TEXT
    assert [r["rule"] for r in record["removed"]] == [rule for rule, _, _ in FERRY_REMOVED]


def test_importing_cleaner_does_not_import_trafilatura() -> None:
    code = "import sys, cleaner; cleaner.clean('Plain text line.', ignore=['T']); print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_ROAD_STORY = "".join(
    f"<p>Paragraph {i} tells how the valley road was rebuilt after the spring floods "
    f"washed away two bridges and a stretch of the old embankment.</p>"
    for i in range(6)
)


def _count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Record the mode options of every trafilatura.extract call the HTML loader makes."""
    import trafilatura

    calls: list[dict] = []
    real = trafilatura.extract

    def counting(*args: object, **kwargs: object) -> str | None:
        calls.append({k: v for k, v in kwargs.items() if k.startswith(("favor", "fast"))})
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", counting)
    return calls


def test_one_extraction_when_the_default_finds_the_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_extractions(monkeypatch)
    story = _ROAD_STORY
    page = f"<html><body><article><h1>Valley road reopens</h1>{story}</article></body></html>"
    doc = Cleaner(ignore=["T"], load_entrypoints=False).clean(page, source="road.html")
    assert len(doc.text.splitlines()) == 7
    assert calls == [{}]  # favor_recall runs only when the default text is short of the prose


def test_three_mode_choice_is_still_available() -> None:
    doc = Cleaner(ignore=["T"], load_entrypoints=False, options={"html_choose": True}).clean(
        read("harbour-ferry.html"), source="harbour-ferry.html"
    )
    assert doc.text == FERRY_TEXT
    assert [r.rule for r in doc.removed] == [rule for rule, _, _ in FERRY_REMOVED]


def test_nested_matches_are_reported_once_by_the_outermost(cleaner: Cleaner) -> None:
    story = "".join(
        f"<p>Paragraph {i} reports that the town council voted to keep the night bus running "
        f"through the winter, after a petition signed by four thousand residents.</p>"
        for i in range(5)
    )
    page = ("<html><body><article>" + story
            + "<div class='sidebar'><div class='related'>Bus fares frozen</div>"
            + "<div class='newsletter'>Sign up now</div><p>Weather: rain</p></div>"
            + "</article></body></html>")
    doc = cleaner.clean(page, source="bus.html")
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("H902", "Bus fares frozen Sign up now Weather: rain")
    ]
    assert len(doc.text.splitlines()) == 5


def test_script_text_is_not_counted_or_reported(cleaner: Cleaner) -> None:
    story = "".join(
        f"<p>Paragraph {i} says the harbour wall will be raised by half a metre before the "
        f"autumn storms, the port authority confirmed on Monday.</p>" for i in range(5)
    )
    page = ("<html><body><article>" + story + "<div class='ad-slot'><script>var slot = 1;"
            "</script>Advertisement</div></article></body></html>")
    doc = cleaner.clean(page, source="wall.html")
    assert [(r.rule, r.text) for r in doc.removed] == [("H601", "Advertisement")]


def test_many_nested_matching_elements_are_handled_in_linear_time(cleaner: Cleaner) -> None:
    import time

    from cleaner.config import Config
    from cleaner.html import preclean

    # 250 nested share boxes around 2,000 paragraphs of story (libxml2 nests 256 levels at
    # most): the guards keep every box, so walking each one's subtree would be quadratic
    story = ("<p>The council said the night bus would keep running through the winter, after "
             "a petition signed by four thousand residents.</p>") * 2_000
    page = ("<html><body>" + "<div class='share'>" * 250 + story + "</div>" * 250
            + "</body></html>")
    began = time.process_time()
    _, removed = preclean(page, Config())
    assert time.process_time() - began < 5.0
    assert removed == []


@pytest.mark.parametrize("page", [
    "<p>The ferry to Kessel runs again from Thursday, after five months in dry dock for a new engine.</p>",
    "<article><p>The ferry to Kessel runs again from Thursday, after five months in dry dock.</p></article>",
])
def test_a_fragment_is_read_as_a_whole_page(cleaner: Cleaner, page: str) -> None:
    doc = cleaner.clean(page, source="fragment", kind="html")
    assert doc.text.startswith("The ferry to Kessel runs again from Thursday")


def test_a_list_left_out_by_the_default_mode_asks_for_recall(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_extractions(monkeypatch)
    story = _ROAD_STORY
    steps = "".join(
        f"<li>Step {i}: the crews will close the lane between the two villages for a week.</li>"
        for i in range(6)
    )
    page = (f"<html><body><article><h1>Valley road reopens</h1>{story}</article>"
            f"<div class='box'><h2>Road works ahead</h2><ul>{steps}</ul></div></body></html>")
    doc = Cleaner(ignore=["T"], load_entrypoints=False).clean(page, source="road.html")
    assert "Paragraph 5" in doc.text
    assert calls == [{}, {"favor_recall": True, "fast": True}]


def test_call_to_action_boxes_menus_and_pop_ups_are_dropped(cleaner: Cleaner) -> None:
    story = "".join(
        f"<p>Paragraph {i} says the town library will open on Sundays from March, after the "
        f"council found the money for two more librarians.</p>" for i in range(5)
    )
    page = ("<html><body><ul class='mobile-menu'><li>News</li><li>Sport</li></ul><article>"
            + story + "<div class='post-cta'>Want more stories like this? Try it free</div>"
            + "</article><div class='modal-content'>Sign up to keep reading</div></body></html>")
    doc = cleaner.clean(page, source="library.html")
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("H902", "News Sport"),
        ("H401", "Want more stories like this? Try it free"),
        ("H902", "Sign up to keep reading"),
    ]
    assert len(doc.text.splitlines()) == 5


def test_advertiser_disclosures_are_dropped(cleaner: Cleaner) -> None:
    story = "".join(
        f"<p>Paragraph {i} compares four coffee grinders by noise, grind size and price, "
        f"after two weeks of use in a small office kitchen.</p>" for i in range(5)
    )
    page = ("<html><body><article>" + story + "<p class='small affiliate-disclaimer'>We may earn "
            "a commission when you buy through links on this page.</p></article></body></html>")
    doc = cleaner.clean(page, source="grinders.html")
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("H601", "We may earn a commission when you buy through links on this page.")
    ]
    assert len(doc.text.splitlines()) == 5


_PROSE = ("The harbour authority said the new engine used a third less fuel and would keep the "
          "ferry running for another fifteen years, and that {} on board from the spring.")


def _page(sentence: str) -> str:
    body = "".join(f"<p>{_PROSE.format(sentence)} Paragraph {i}.</p>" for i in range(3))
    return f"<html><body><article><h1>Ferry back</h1>{body}</article></body></html>"


def test_utf8_read_as_latin1_in_a_page_is_repaired_before_extraction(cleaner: Cleaner) -> None:
    # "you’re" and "card—finally" as UTF-8 bytes read as Latin-1: the middle bytes are C1
    # control characters, which the extractor would drop, leaving "youâre" for the text rules.
    broken = "you’re paying by card—finally".encode().decode("latin-1")
    document = cleaner.clean(_page(broken), source="page.html")
    assert document.text.splitlines()[1] == _PROSE.format("you’re paying by card—finally") + " Paragraph 0."
    assert document.metadata["page_encoding_fixed"] is True
    assert broken in document.metadata["html"]  # the page as read is kept


def test_a_page_without_c1_characters_is_extracted_as_it_is(cleaner: Cleaner) -> None:
    # "â" is a letter of French words; only C1 controls mark a page as mis-decoded
    document = cleaner.clean(_page("the château café takes cards"), source="page.html")
    assert document.text.splitlines()[1] == _PROSE.format("the château café takes cards") + " Paragraph 0."
    assert "page_encoding_fixed" not in document.metadata


def test_cli_notes_a_page_decoded_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(_page("you\u2019re paying by card".encode().decode("latin-1")), encoding="utf-8")
    code = main(["clean", "--isolated", "--no-entry-points", "--ignore", "T", str(page)])
    captured = capsys.readouterr()
    assert code == 0
    assert "that you\u2019re paying by card on board" in captured.out
    assert captured.err.splitlines() == [
        f"cleaner: note: {page}: the page held UTF-8 read as Latin-1; decoded again before "
        "extraction"
    ]
