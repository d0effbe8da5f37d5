"""The seed article against its expected results kept in seeds/."""

import json

from helpers import ROOT, run_cli

SEEDS = ROOT / "seeds"


def _stable(doc: dict) -> dict:
    """Everything but the tunable parts: confidence, and suggestions after the first."""
    flags = [{**f, "confidence": None, "suggestions": f["suggestions"][:1]} for f in doc["flags"]]
    return {**doc, "flags": flags}


def test_seed_check_json_matches_expected_results() -> None:
    for article in sorted(SEEDS.glob("*[0-9a-f].txt")):
        expected = json.loads(article.with_suffix(".check.json").read_text(encoding="utf-8"))
        result = run_cli("check", "--format", "json", str(article.relative_to(ROOT)))
        assert [_stable(d) for d in json.loads(result.stdout)] == [_stable(d) for d in expected]
        clean = run_cli("clean", "-q", str(article.relative_to(ROOT)))
        assert clean.stdout == article.with_suffix(".clean.txt").read_text(encoding="utf-8")
