"""``Rule.max_words``: the pipeline skips a remove rule on longer blocks, so the promise must hold."""

from __future__ import annotations

import pytest
from test_boilerplate_rules import REMOVE, STORY

from cleaner import Cleaner
from cleaner.plugins.boilerplate import RULES
from cleaner.rules import Block, Rule, rule

BY_CODE = {r.code: r for r in RULES}


@pytest.mark.parametrize(("code", "line", "where"), [c for c in REMOVE if BY_CODE[c[0]].max_words])
def test_a_builtin_rule_keeps_what_is_longer_than_its_max_words(code: str, line: str, where: str) -> None:
    """Each removal case, padded past the rule's limit, is one the rule itself keeps."""
    r = BY_CODE[code]
    assert r.max_words is not None
    padded = line + " word" * (r.max_words + 1)
    blocks = list(STORY)
    index = {"LEAD": 1, "MID": 2, "END": len(blocks)}[where]
    blocks.insert(index, padded)
    block = Block(padded, 0, len(padded), index, tuple(blocks))
    assert block.words > r.max_words
    assert r.check(block) is None


def test_the_pipeline_calls_a_rule_only_on_blocks_within_its_max_words() -> None:
    seen: dict[str, list[int]] = {"short": [], "any": []}

    @rule("X101", "short-only", stage="remove", category="test", max_words=3)
    def short_only(block: Block) -> None:
        seen["short"].append(block.words)

    @rule("X102", "any-length", stage="remove", category="test")
    def any_length(block: Block) -> None:  # a third-party rule that makes no promise
        seen["any"].append(block.words)

    class Plugin:
        @staticmethod
        def cleaner_register_rules(config: object) -> list[Rule]:
            return [short_only, any_length]

    from cleaner.pluginmanager import hookimpl

    Plugin.cleaner_register_rules = hookimpl(Plugin.cleaner_register_rules)  # type: ignore[method-assign]
    cleaner = Cleaner(plugins=[Plugin()], select=["X"], load_entrypoints=False)
    cleaner.clean("one two three\n\none two three four\n\nfive")
    assert seen == {"short": [3, 1], "any": [3, 4, 1]}


def test_max_words_is_for_remove_rules() -> None:
    with pytest.raises(ValueError, match="max_words"):
        Rule("X103", "x", "flag", "x", lambda doc: [], max_words=3)
    with pytest.raises(ValueError, match="max_words"):
        Rule("X104", "x", "remove", "x", lambda block: None, max_words=-1)


def test_a_pack_rule_tells_the_pipeline_its_max_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cleaner.packs import load_pack

    pack = tmp_path / "p.toml"
    pack.write_text(
        '[pack]\nname = "p"\n[[rule]]\ncode = "P201"\nname = "promo"\ncategory = "promo"\n'
        'phrases = ["listen to"]\nmax_words = 4\n[[rule]]\ncode = "P202"\nname = "never"\n'
        'category = "promo"\nphrases = ["x"]\nmax_words = -1\n',
        encoding="utf-8",
    )
    rules = {r.code: r for r in load_pack(str(pack)).rules}
    assert rules["P201"].max_words == 4 and rules["P202"].max_words == 0
    cleaner = Cleaner(select=["P"], packs=[str(pack)], load_entrypoints=False)
    doc = cleaner.clean("Listen to our podcast\n\nListen to our podcast every single Friday")
    assert [r.text for r in doc.removed] == ["Listen to our podcast"]
