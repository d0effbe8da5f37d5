"""The seed article loses its photo caption and the closing comment prompt, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b03457842792d85a.txt"


def paragraphs(text: str) -> list[str]:
    """Paragraphs with spaces normalised (the repair stage turns no-break spaces into spaces)."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def test_seed_loses_caption_and_comment_prompt_only() -> None:
    original = SEED.read_text(encoding="utf-8")
    doc = clean(original, source=str(SEED), ignore=["T"], load_entrypoints=False)
    caption, prompt = paragraphs(original)[1], paragraphs(original)[-1]
    assert "(L)" in caption and caption.endswith("met today …")
    assert [(r.rule, " ".join(r.text.split())) for r in doc.removed] == [
        ("B101", caption),
        ("B201", prompt),
    ]
    assert paragraphs(doc.text) == [p for p in paragraphs(original) if p not in (caption, prompt)]


def test_cli_check_names_both_rules(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--isolated", "--no-entry-points", "--ignore", "T", str(SEED)])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split(" ")[0] for line in lines] == ["B101", "B201"]
    assert lines[0].startswith(f"{SEED}:3:1: B101 [caption] removed")
    assert lines[1].startswith(f"{SEED}:30:1: B201 [comments] removed")
