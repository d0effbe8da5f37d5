"""The library API on the seed article and on small documents: from cleaner import clean, Cleaner."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner, clean
from helpers import ROOT, SEED

EXPECTED_TEXT = (ROOT / "seeds" / "000_b03457842792d85a.clean.txt").read_text(encoding="utf-8")


def test_seed_cleans_to_headline_and_twelve_paragraphs() -> None:
    doc = clean(SEED.read_bytes(), source=str(SEED))
    assert doc.text + "\n" == EXPECTED_TEXT
    assert len(doc.text.split("\n\n")) == 13


def test_seed_removals_name_rule_category_and_reason() -> None:
    doc = clean(SEED.read_bytes(), source="seed.txt")
    assert [(r.rule, r.category) for r in doc.removed] == [("B101", "caption"), ("B201", "comments")]
    caption, prompt = doc.removed
    assert caption.text.startswith("India's Prime Minister Narendra Modi (L) shakes hands")
    assert caption.text.endswith("met today …")
    assert prompt.text == "Please let us know if you're having issues with commenting."
    for r in doc.removed:
        assert doc.original[r.start : r.end] == r.text
        assert r.reason


def test_to_dict_has_exactly_the_contract_keys() -> None:
    data = clean(SEED.read_bytes(), source="seed.txt").to_dict()
    assert list(data) == ["source", "text", "removed", "flags"]
    assert list(data["removed"][0]) == ["start", "end", "text", "rule", "category", "reason"]
    json.dumps(data)  # serialisable as is


def test_offsets_point_into_the_text_as_read_even_after_repairs() -> None:
    original = "Caf\u00c3\u00a9 owners met.\n\nPhoto: Jane Doe/AP\n\nThe\u00a0mayor spoke."
    doc = clean(original, ignore=["T"])
    assert doc.text == "Café owners met.\n\nThe mayor spoke."
    (removal,) = doc.removed
    assert original[removal.start : removal.end] == removal.text == "Photo: Jane Doe/AP"
    assert [(r.rule, r.text, r.replacement) for r in doc.repairs] == [
        ("R101", "\u00c3\u00a9", "é"),
        ("R102", "\u00a0", " "),
    ]


def test_html_input_is_extracted_then_cleaned() -> None:
    html = (
        "<html><head><title>Port reopens</title></head><body><article>"
        "<h1>Port reopens after storm</h1>"
        "<p>The harbour reopened on Tuesday after a week of repairs to the outer wall, "
        "the port authority said in a statement to shipping companies.</p>"
        "<p>Fishing crews returned to the water before dawn, and the first cargo ship was "
        "expected to dock by the evening, officials told reporters at the quay.</p>"
        "<p>Leave a comment</p>"
        "</article></body></html>"
    )
    doc = clean(html, ignore=["T"])
    assert "The harbour reopened on Tuesday" in doc.text
    assert "Leave a comment" not in doc.text
    assert doc.original[doc.removed[-1].start : doc.removed[-1].end] == "Leave a comment"


def test_a_cleaner_is_configured_once_and_reused() -> None:
    cleaner = Cleaner(ignore=["B2"])
    first = cleaner.clean("News line.\n\nLeave a comment below")
    second = cleaner.clean("Another story.\n\nShare this article")
    assert first.text == "News line.\n\nLeave a comment below"
    assert second.text == "Another story."
    assert [r.rule for r in second.removed] == ["B301"]


def _broken_plugin() -> object:
    """A plugin whose one remove rule, X101, always raises."""
    from cleaner import hookimpl
    from cleaner.rules import rule

    @rule("X101", "broken", stage="remove", category="test")
    def broken(block):
        raise RuntimeError("boom")

    class BrokenPlugin:
        @hookimpl
        def cleaner_register_rules(self):
            return [broken]

    return BrokenPlugin()


def test_a_rule_that_raises_is_recorded_and_the_document_still_cleaned() -> None:
    doc = Cleaner(plugins=[_broken_plugin()], ignore=["T"]).clean("Text.\n\nShare this article")
    assert doc.text == "Text."
    assert {(e.plugin, e.rule, e.error) for e in doc.errors} == {
        ("BrokenPlugin", "X101 broken", "RuntimeError: boom")
    }
    assert doc.to_dict()["errors"][0]["plugin"] == "BrokenPlugin"


def test_an_observer_that_raises_does_not_stop_the_document() -> None:
    from cleaner import hookimpl

    class Observer:
        @hookimpl
        def cleaner_document_done(self, document):
            raise KeyError("stats")

    doc = Cleaner(plugins=[Observer()], ignore=["T"]).clean("Text.")
    assert doc.text == "Text."
    assert [(e.plugin, e.rule, e.error) for e in doc.errors] == [
        ("Observer", "cleaner_document_done", "KeyError: 'stats'")
    ]


def test_warm_up_is_invisible_to_observers_and_statistics() -> None:
    from cleaner import hookimpl

    seen: list[str] = []

    class Observer:
        @hookimpl
        def cleaner_document_done(self, document):
            seen.append(document.source)

    cleaner = Cleaner(plugins=[Observer()], load_entrypoints=False)
    cleaner.clean("Markets rose.\n\nShare this article", source="a.txt")
    before = {code: (s.hits, s.errors) for code, s in cleaner.stats.items()}
    cleaner.warm_up(html=True)
    assert seen == ["a.txt"]
    assert {code: (s.hits, s.errors) for code, s in cleaner.stats.items()} == before
    doc = cleaner.clean("Markets rose.\n\nShare this article", source="b.txt")
    assert doc.text == "Markets rose."
    assert seen == ["a.txt", "b.txt"]


def test_warm_up_never_fails_the_run_even_when_strict() -> None:
    """A rule that raises is reported on real documents, not by the warm-up."""
    from cleaner.pipeline import RuleFailed

    cleaner = Cleaner(plugins=[_broken_plugin()], ignore=["T"], strict=True, load_entrypoints=False)
    cleaner.warm_up(html=True)
    with pytest.raises(RuleFailed, match="X101"):
        cleaner.clean("Markets rose.", source="a.txt")


def test_mojibake_that_lost_its_control_characters_is_read_from_its_place() -> None:
    # "’", "“", "”" and "—" as UTF-8 read as Latin-1, with the C1 controls stripped: "â" alone
    text = ("Dr Parr says. \u00e2The point is, you\u00e2re not alone,\u00e2 she said. "
            "The entities\u00e2like firms\u00e2have rules \u00e2 and the firms\u00e2 owners agree "
            "at the Ch\u00e2teau.")
    doc = clean(text)
    assert doc.text == ("Dr Parr says. \u201cThe point is, you\u2019re not alone,\u201d she said. "
                        "The entities\u2014like firms\u2014have rules \u2014 and the firms\u2019 "
                        "owners agree at the Ch\u00e2teau.")
    assert [(r.rule, r.text, r.replacement) for r in doc.repairs] == [
        ("R103", "\u00e2", c) for c in "\u201c\u2019\u201d\u2014\u2014\u2014\u2019"
    ]
    assert [f.rule for f in doc.flags] == []


def test_a_lone_a_circumflex_without_a_contraction_is_a_letter() -> None:
    # French, Portuguese or Welsh words: no apostrophe of an English contraction, no repair
    text = ("The ch\u00e2teau opened its doors; \u00e2ge matters, said Mr Jones \u00e2 Caerdydd. "
            "R\u00e2s.")
    doc = clean(text)
    assert doc.text == text
    assert doc.repairs == []
