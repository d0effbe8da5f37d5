"""Tests for cleaner-wire, written with cleaner.testing like any plugin author would."""

import cleaner_wire

from cleaner.testing import (
    assert_flagged,
    assert_kept,
    assert_removed,
    check_rule_cases,
    make_cleaner,
    run_plugin,
)

STORY = (
    "Officials in Kiev said the talks would resume on Monday.\n\n"
    "Editing by hand took the archivists three years.\n\n"
    "Reporting by Jane Doe in Kyiv; Editing by Sam Roe\n\n"
    "Our Standards: The Example Trust Principles."
)


def test_credit_and_standards_lines_are_removed_and_story_kept():
    doc = run_plugin(cleaner_wire, STORY)
    assert_removed(doc, "W101", "Reporting by Jane Doe in Kyiv; Editing by Sam Roe")
    assert_removed(doc, "W102", "Our Standards: The Example Trust Principles.")
    assert_kept(doc, "Editing by hand took the archivists three years.")
    assert doc.text == (
        "Officials in Kiev said the talks would resume on Monday.\n\n"
        "Editing by hand took the archivists three years."
    )


def test_old_place_name_is_flagged_with_new_spelling():
    doc = run_plugin(cleaner_wire, STORY)
    assert_flagged(doc, "W201", "Kiev", "Kyiv")
    assert [f.text for f in doc.flags] == ["Kiev"]


def test_credit_rule_cases():
    cleaner = make_cleaner(cleaner_wire)
    check_rule_cases(
        cleaner,
        "W101",
        removes=["(Reporting by Ann Lee; Writing by Bo Chan; Editing by Kim Park)"],
    )
    # Away from the end of a story a credit-like line is left alone.
    long_story = "\n\n".join(["Writing by candlelight was common."] + ["Para."] * 6)
    assert make_cleaner(cleaner_wire).clean(long_story).removed == []
