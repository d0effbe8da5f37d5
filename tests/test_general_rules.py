"""The seed's rules are general: variants they were not written for, and sentences they must keep."""

import pytest

from cleaner.plugins import boilerplate
from cleaner.testing import check_rule_cases, make_cleaner


@pytest.fixture(scope="module")
def cleaner():
    return make_cleaner(boilerplate)


def test_captions_with_other_markers_and_credits(cleaner) -> None:
    check_rule_cases(
        cleaner,
        "B101",
        removes=[
            "Germany's Chancellor Olaf Scholz (R) greets France's President on March 3, 2023.",
            "Striker Ana Lopes (C) celebrates her second goal with team mates in Lisbon …",
            "Finance Minister Ruth Ade (L) speaks to reporters outside parliament",
        ],
        keeps=[
            "Tick option (C) on the form if you agree, the council said.",
            "The committee, led by Ms Ade (left), said the vote would be held on March 3, 2023.",
        ],
    )


def test_photo_credits(cleaner) -> None:
    check_rule_cases(
        cleaner,
        "B102",
        removes=["Photo: Jane Doe/AP", "(Photo by Sam Roe/Getty Images)", "Image caption The bridge at night"],
        keeps=["Getty Images reported a rise in licensing revenue of 4% in the year to June, the company said."],
    )


def test_comment_prompts_in_other_wordings(cleaner) -> None:
    check_rule_cases(
        cleaner,
        "B201",
        removes=[
            "Please let us know if you are having trouble with comments.",
            "Comments are closed for this article.",
            "Leave a comment",
            "Join the conversation: 12 comments",
            "Be the first to comment on this story",
        ],
        keeps=[
            "The minister declined to comment on the report.",
            "Comments made by the governor on Tuesday drew criticism from farmers' groups.",
            "Please note that the museum is closed on Mondays.",
        ],
    )
