"""The project's own annotated documents in corpus/: exact removals, flags and output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from helpers import ROOT

CORPUS = ROOT / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(load_entrypoints=False)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_matches_its_annotation(cleaner: Cleaner, path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = cleaner.clean(path.read_bytes(), source=path.name)
    text_removals = [[r.category, r.text] for r in doc.removed if r.start is not None]
    assert text_removals == expected["removed"]
    assert [[f.text, f.suggestions[0] if f.suggestions else None] for f in doc.flags] == expected["flags"]
    for part in expected.get("output_contains", []):
        assert part in doc.text
    if "output_equals" in expected:
        assert doc.text == expected["output_equals"]
    for item in [*doc.removed, *doc.flags]:
        if item.start is not None:
            assert doc.original[item.start : item.end] == item.text


def test_every_document_has_an_annotation() -> None:
    assert DOCUMENTS
    for path in DOCUMENTS:
        assert path.with_suffix(".json").is_file(), path.name
