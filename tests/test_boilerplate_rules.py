"""Boilerplate rules as data: lines each rule must remove, and news sentences it must keep.

Every case is cleaned through the public API inside a small article, so position matters as it
does on real pages: ``MID`` puts the line between two paragraphs of story, ``END`` after them,
``LEAD`` before them.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner

STORY = [
    "Council approves new cycle lanes for the city centre",
    (
        "The city council voted on Tuesday to build four kilometres of protected cycle lanes, "
        "ending a two-year debate over road space in the centre."
    ),
    "Work is expected to start in the spring and to cost about 3 million euros, officials said.",
    "Shop owners on the main street had asked for more parking instead.",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(ignore=["T"], load_entrypoints=False)


def place(line: str, where: str) -> str:
    """The story with ``line`` as its own paragraph at ``where`` (LEAD, MID or END)."""
    paragraphs = list(STORY)
    index = {"LEAD": 1, "MID": 2, "END": len(paragraphs)}[where]
    paragraphs.insert(index, line)
    return "\n\n".join(paragraphs)


def removed_rules(cleaner: Cleaner, text: str) -> list[str]:
    return [r.rule for r in cleaner.clean(text).removed]


# (rule, line, where) -- the line must be removed by that rule
REMOVE = [
    ("B101", "Ana Ruiz (R) greets supporters in Valencia on March 3, 2023.", "MID"),
    ("B101", "Two riders (left to right) pose with the new bikes at the depot …", "MID"),
    ("B101", "The mayor (second from left) waves at the crowd", "LEAD"),
    ("B102", "A cyclist waits at a red light. (Photo: Tom Berg/Reuters)", "MID"),
    ("B102", "Image caption: Lanes will be separated by kerbs", "MID"),
    ("B102", "Photo by Lena Park / Getty Images", "LEAD"),
    ("B102", "Illustration: Sam Hale", "MID"),
    ("B102", "Featured image: Lucie Ferrand", "MID"),
    ("B102", "Riders wait for the green light on the new lane. Credit: Clara Tate", "MID"),
    ("B102", "The depot at dawn. Photo credit: Adam and Elena Paas", "MID"),
    ("B201", "Leave a comment", "END"),
    ("B201", "12 Comments", "END"),
    ("B201", "Comments are closed for this story.", "END"),
    ("B201", "You must be logged in to comment; sign in or register.", "END"),
    ("B202", "Made this? Please take a moment to leave a star rating below!", "END"),
    ("B202", "Was this article helpful?", "END"),
    ("B202", "How was this issue?", "END"),
    ("B202", "Did you find this content helpful?", "END"),
    ("B202", "Thank you for your feedback!", "END"),
    ("B202", "Did you try one of these routes? We'd love to hear from you.", "END"),
    ("B301", "Share this story", "END"),
    ("B301", "SHARE", "MID"),
    ("B301", "Follow our newsroom on Instagram for daily updates", "END"),
    ("B301", "Facebook | X | WhatsApp | Email", "END"),
    ("B301", "Pin it for later!", "END"),
    ("B301", "1.2K shares", "LEAD"),
    ("B301", "Follow The Coastal Ledger", "END"),
    ("B301", "Share this video", "END"),
    ("B301", "For more on city life, read our weekly guide and follow us on Instagram and TikTok.", "END"),
    ("B301", "Share this: Click to share on Facebook (Opens in new window)", "END"),
    ("B401", "Get the morning briefing delivered to your inbox", "END"),
    ("B401", "Subscribe now", "MID"),
    ("B401", "Want more stories like this? Sign up for our free newsletter.", "END"),
    ("B401", "NEWSLETTER", "END"),
    ("B401", "Would you like to receive notifications about new posts?", "END"),
    ("B401", "Enjoying Harbour Notes? Tell your friends and earn a free month.", "END"),
    ("B401", "Harbour Notes is made by two people. If this helped, please consider sharing and subscribing.", "END"),
    ("B402", "Already a subscriber? Log in", "END"),
    ("B402", "This journalism is made possible by readers like you.", "END"),
    ("B402", "Sign in", "LEAD"),
    ("B501", "Related: How other cities paid for their bike paths", "MID"),
    ("B501", "You might also enjoy", "END"),
    ("B501", "READ NEXT: Ten towns that banned cars from their squares", "END"),
    ("B501", "Previous article", "END"),
    ("B501", "Trending now", "END"),
    ("B501", "Recommended: Ten towns that banned cars", "END"),
    ("B501", "Related publications", "END"),
    ("B501", "Recent Posts", "END"),
    ("B601", "Advertisement", "MID"),
    ("B601", "Story continues below advertisement", "MID"),
    ("B601", "Sponsored by Acme Bikes", "END"),
    ("B602", "If you buy through links on this page, we may earn a small commission.", "LEAD"),
    ("B602", "As an Amazon Associate I earn from qualifying purchases.", "END"),
    ("B602", "(This post contains affiliate links.)", "LEAD"),
    ("B602", 'Many of the bike offers on this site are from shops from which we may receive compensation when a reader clicks a link. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page. This may affect where offers appear on the page.', "LEAD"),
    ("B603", "Request a quote", "END"),
    ("B603", "View on Amazon", "MID"),
    ("B603", "Get in touch with our team", "END"),
    ("B603", "Planning a trip? Talk to our travel experts", "END"),
    ("B603", "Bike rental at the station. Click below to book your first ride.", "END"),
    ("B701", "This website uses cookies to improve your experience. Accept all cookies", "END"),
    ("B701", "Please enable JavaScript to view this content.", "MID"),
    ("B701", "Analytical cookies are used to understand how visitors interact with the website.", "END"),
    ("B701", " ".join(["Necessary cookies are absolutely essential for the site to work."] * 8), "END"),
    ("B702", "Voted the best city app of 2025 - Learn More✕", "LEAD"),
    ("B702", "Free delivery on orders over $50 ×", "END"),
    ("B801", "© 2024 Example Media Group. All rights reserved.", "END"),
    ("B801", "Copyright 2024 Example Media Group", "END"),
    ("B801", "This material may not be published, broadcast, rewritten or redistributed.", "END"),
    ("B801", "Reprinted here with permission of the author.", "END"),
    ("B801", 'Terms of this form: I agree that Harbour Notes may contact me by email or text message at the number provided. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply. Message and data rates may apply.', "END"),
    ("B801", "By signing up, you agree to our Terms of Use and Privacy Policy.", "END"),
    ("B801", "By providing a phone number, you consent to be contacted by SMS. Msg & data rates may apply.", "END"),
    ("B801", "Reply HELP for help. You can reply STOP to opt-out of further messaging.", "END"),
    ("B802", "Privacy Policy | Terms of Use | Cookie Policy", "END"),
    ("B802", "Terms & Conditions", "END"),
    ("B804", "Powered by WordPress", "END"),
    ("B804", "Website by Studio Nord", "END"),
    ("B803", "This guide is for informational purposes only and is not financial advice.", "END"),
    ("B803", "Past performance is not a guarantee of future results.", "END"),
    ("B803", "All investing is subject to risk, including the possible loss of the money you invest.", "END"),
    ("B803", "Obtain a fund prospectus and read it carefully before investing.", "END"),
    ("B901", "About the author", "END"),
    ("B901", "Hi, I'm Lena, and I test folding bikes for this site.", "END"),
    ("B901", "Maria Costa is a senior travel writer at Example Daily who covers cities.", "END"),
    ("B901", "Dr. Alan Reyes, MD, is a family physician who writes about cycling and health.", "END"),
    ("B901", "Jo Park is an Associate Professor of Urban Planning at Leeds University.", "END"),
    ("B901", "About the Author: Sam Hale is a freelance photographer based in Porto.", "END"),
    ("B902", "By Jane Roe | March 3, 2024", "LEAD"),
    ("B902", "6 min read", "LEAD"),
    ("B902", "Published June 2, 2025 10:39AM", "LEAD"),
    ("B902", "Last updated: 12/05/2024", "END"),
    ("B902", "Dec 18, 2025 · 10 min read", "LEAD"),
    ("B902", "Reading time: 4 minutes", "LEAD"),
    ("B902", "11/12/2025 by Meg Weeden", "END"),
    ("B902", "March 3, 2024 | by Jane Roe", "LEAD"),
    ("B903", "Skip to content", "LEAD"),
    ("B903", "Back to top", "END"),
    ("B903", "Page 1 of 8", "END"),
    ("B903", "Home", "LEAD"),
    ("B903", "Skip Navigation", "LEAD"),
    ("B903", "Home > News > Transport", "LEAD"),
    ("B903", "City Life » Cycling » Council approves new lanes", "LEAD"),
    ("B903", "Jump to Recipe", "MID"),
    ("B903", "Skip to the list ↓", "MID"),
    ("B904", "Harbour Notes is a production of Kessel Media.", "END"),
    ("B904", "This story about bike lanes was produced by The Coastal Ledger, a local newsroom.", "END"),
    ("B905", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.", "MID"),
    ("B905", "Lorem Ipsum", "MID"),
    ("B905", "- Lorem ipsum 2", "MID"),
]

# (line, where) -- ordinary news sentences that no rule may touch
KEEP = [
    ("The minister declined to comment.", "MID"),
    ("Designers have used lorem ipsum as filler text since the 1960s.", "MID"),
    ("Skip to the end: the council approved the plan.", "MID"),
    ("Go to the polls on Thursday, the mayor urged residents.", "MID"),
    ("Jump to a section:", "LEAD"),
    ("Lorem ipsum, the filler text of typesetters, comes from a work by Cicero.", "MID"),
    ("The newsletter industry grew 5% last year, according to a trade group.", "MID"),
    ("Protesters gathered on the left (left bank of the river) before marching south.", "MID"),
    ("The party's candidate, who leans (left) on economics, won the seat.", "MID"),
    ("Readers left more than 300 comments on the proposal, the council said.", "MID"),
    ("Shares of Acme Bikes rose 4% after the vote.", "MID"),
    ("She said she would follow the advice of the planners.", "MID"),
    ("Follow the Money", "LEAD"),
    ("The report runs to page 1 of 8 volumes.", "MID"),
    ("Advertising revenue at local papers fell again this year.", "MID"),
    ("The copyright case over the bike design went to court in May.", "MID"),
    ("Home prices near the new lanes have risen.", "MID"),
    ("Related to the budget, the council also approved new street lights.", "MID"),
    ("Subscribers to the city's transit pass will get a discount.", "MID"),
    ("Getty Images said on Monday that it had settled the dispute.", "MID"),
    ("Regulators said the site used cookies to track users without consent.", "MID"),
    ("But first…", "MID"),
    ("Affiliates earned $8bn in commissions last year, the report said.", "MID"),
    ("Get started with the new lanes by walking your bike on the first day.", "MID"),
    ("Published in 1990, the city's first cycling plan was never funded.", "MID"),
    ("Comments?", "END"),
    ("Photographers lined the street as the first riders arrived.", "MID"),
    ("The minister declined to comment on Tuesday and left the building.", "END"),
    ("Share prices in the sector were flat.", "END"),
    ("Officials said the plan does not constitute an endorsement of any bike brand.", "MID"),
    ("The mayor urged residents to consider cycling to work at least once a week.", "MID"),
    ("Fans who follow the club on Instagram saw the news first, the club said.", "MID"),
    ("Tenants must agree to the terms of the lease before they move in.", "MID"),
    ("The photos were reprinted in dozens of papers, the agency said.", "MID"),
    ("FAQs", "MID"),
    ("Riders tell friends to avoid the ring road at rush hour, the survey found.", "MID"),
    ("Residents who want a lane on their street should talk to their council member.", "MID"),
    ("Hi, I'm Lena, and today we ride from the harbour to the old mill.", "LEAD"),
    ("45 to 55 mins", "MID"),  # a recipe's cooking time
    ("| 3/1/2014 | +8.6% |", "MID"),  # a table row that starts with a date
    ("Written Communication", "MID"),
    ("March 3, 2024: the day the lanes opened", "MID"),
    ("The council deserves credit: it listened to riders.", "MID"),
    ("Thank you for your feedback, the mayor told residents at the meeting.", "END"),
    ("Designed by Zaha Hadid, the station opened in 2010.", "END"),
    ("Costs > benefits", "LEAD"),
    ("Recommended Tyre Pressure: 4 bar for road bikes", "MID"),
    ("Related Costs: 2 million euros", "MID"),
    ("Recommended Field Flattener: None (Petzval design)", "MID"),
    ("Copyright Complexity in a Fragmented World", "LEAD"),
    ("- I lock my bike with this folding lock or this chain, in case you wondered (both are affiliate links).", "MID"),
    ('The council approved the plan after a long debate about parking, buses and the cost of the works, and the mayor thanked residents for their patience. The council approved the plan after a long debate about parking, buses and the cost of the works, and the mayor thanked residents for their patience. The council approved the plan after a long debate about parking, buses and the cost of the works, and the mayor thanked residents for their patience. Shops on the street said they would receive compensation for lost trade.', "MID"),
    ("Advertising cookies are used to track riders across sites, regulators said on Monday.", "END"),
    ("Investing is subject to risk, and the council's pension fund lost 4% last year.", "MID"),
    ("Speed limit: 30 > 20 km/h", "LEAD"),
    ("Jo Park, a Professor of Urban Planning at Leeds, said the lanes would help.", "END"),
    ("Give the planners credit: they Listened", "END"),
    ("March 3, 2024 by the harbour", "MID"),
    ("The new screens at the stops measure 1920 × 1080", "END"),
    ("Lane widths: 2 m × 3", "END"),
]


@pytest.mark.parametrize(("code", "line", "where"), REMOVE)
def test_rule_removes(cleaner: Cleaner, code: str, line: str, where: str) -> None:
    doc = cleaner.clean(place(line, where))
    assert [(r.rule, r.text) for r in doc.removed] == [(code, line)]
    assert doc.text == "\n\n".join(STORY)


@pytest.mark.parametrize(("line", "where"), KEEP)
def test_news_sentence_kept(cleaner: Cleaner, line: str, where: str) -> None:
    text = place(line, where)
    doc = cleaner.clean(text)
    assert doc.removed == []
    assert doc.text == text


def test_every_rule_has_a_removal_case() -> None:
    from cleaner.plugins.boilerplate import RULES

    assert {r.code for r in RULES} == {code for code, _, _ in REMOVE} | {"B103", "B502", "B503"}


def test_teaser_list_is_removed_but_a_trailing_sentence_stays(cleaner: Cleaner) -> None:
    teasers = [
        "Why the ring road will close for a week in June and what…",
        "Five bakeries worth the detour this weekend, from the harbour to…",
    ]
    doc = cleaner.clean("\n\n".join([*STORY, *teasers]))
    assert [r.rule for r in doc.removed] == ["B103", "B103"]
    assert doc.text == "\n\n".join(STORY)


def test_long_entries_ending_in_an_ellipsis_are_content(cleaner: Cleaner) -> None:
    entry = ("May 5, 2026 Cycling Summit Leeds, United Kingdom The 10th annual summit is the must-attend "
             "event for planners, with talks on lanes, kerbs, parking, buses, budgets and safety, a "
             "workshop on winter maintenance, a ride through the new lanes, a panel of riders and shop "
             "owners, and an evening reception for everyone who took part in the long consultation, which ran…")
    assert len(entry.split()) > 60
    text = "\n\n".join([*STORY, entry, entry.replace("May 5", "June 9")])
    assert cleaner.clean(text).removed == []


def test_bio_in_mid_story_is_reporting(cleaner: Cleaner) -> None:
    long_story = STORY + [f"Paragraph {i} of the story goes on about lanes and kerbs." for i in range(8)]
    bio = "Maria Costa is a senior travel writer at Example Daily who covers cities."
    text = "\n\n".join(long_story[:5] + [bio] + long_story[5:])
    assert cleaner.clean(text).removed == []


def test_author_box_under_its_heading_is_removed(cleaner: Cleaner) -> None:
    box = ["About the Author", "Jo Park", "Editor, Harbour Notes", "Board member, Leeds Cycling Trust",
           "Jo has covered transport for the paper since 2010."]
    doc = cleaner.clean("\n\n".join([*STORY, *box]))
    assert [r.text for r in doc.removed] == box
    assert {r.rule for r in doc.removed} <= {"B901", "B502"}  # its short lines also make a tail run
    assert doc.removed[-1].rule == "B901"
    assert doc.text == "\n\n".join(STORY)


def test_about_the_author_far_from_the_end_is_not_a_box(cleaner: Cleaner) -> None:
    more = [f"Paragraph {i} of the story goes on about lanes and kerbs." for i in range(16)]
    text = "\n\n".join([*STORY, "About the author", "Jo Park", *more])
    assert cleaner.clean(text).removed == []


def test_rule_family_can_be_ignored() -> None:
    doc = Cleaner(ignore=["T", "B3"], load_entrypoints=False).clean(place("Share this story", "END"))
    assert doc.removed == []


def test_removal_spans_point_into_original(cleaner: Cleaner) -> None:
    text = place("Advertisement", "MID")
    (removal,) = cleaner.clean(text).removed
    assert text[removal.start : removal.end] == "Advertisement"
    assert removal.category == "advertising" and removal.reason == "advertising label"


@pytest.mark.parametrize(
    "tags",
    [
        ["Cycling", "City council", "Urban planning", "Transport"],
        ["Our services", "Bike repair (BR)", "Cargo bike rental", "Road safety training (RST)"],
    ],
)
def test_link_list_at_the_end_is_removed(cleaner: Cleaner, tags: list[str]) -> None:
    doc = cleaner.clean("\n\n".join([*STORY, *tags]))
    assert [(r.rule, r.text) for r in doc.removed] == [("B502", t) for t in tags]
    assert doc.text == "\n\n".join(STORY)


def test_a_removed_line_does_not_break_the_tail_run(cleaner: Cleaner) -> None:
    """Found by the idempotence property: the second pass saw the run whole and removed it."""
    tail = ["Ad sales boost Time Warner profit", "Novartis hits acquisition trail", "Comments are closed.", "the"]
    doc = cleaner.clean("\n\n".join([*STORY, *tail]))
    assert doc.text == "\n\n".join(STORY)
    assert cleaner.clean(doc.text).removed == []


@pytest.mark.parametrize(
    "tail",
    [
        ["- Helmets", "- Lights", "- A lock"],  # list items are content
        ["Cycling", "Transport"],  # too short a run to be sure
        ["Cycling", "Transport", "The vote ends a long debate."],  # prose after the run
    ],
)
def test_short_lines_at_the_end_that_stay(cleaner: Cleaner, tail: list[str]) -> None:
    text = "\n\n".join([*STORY, *tail])
    assert cleaner.clean(text).text == text


SOURCES = [
    "- Transport Study 2024. City of Leeds, https://example.org/study. Accessed 11 Apr. 2025.",
    "- Bike lanes and safety. Road Safety Trust, https://example.org/lanes. Accessed 2 May 2025.",
    "- https://example.org/council-minutes",
]


@pytest.mark.parametrize("heading", ["Article Sources", "Sources:"])
def test_source_list_at_the_end_is_removed(cleaner: Cleaner, heading: str) -> None:
    doc = cleaner.clean("\n\n".join([*STORY, heading, *SOURCES]))
    assert [(r.rule, r.text) for r in doc.removed] == [("B503", t) for t in [heading, *SOURCES]]
    assert doc.text == "\n\n".join(STORY)


@pytest.mark.parametrize(
    "tail",
    [
        ["References", *SOURCES],  # a bibliography is part of the work
        ["Sources", "Two officials spoke on condition of anonymity.", "They were not named."],
        ["Sources", SOURCES[0]],  # a single line is too little to be sure
    ],
)
def test_source_lists_that_stay(cleaner: Cleaner, tail: list[str]) -> None:
    text = "\n\n".join([*STORY, *tail])
    assert not [r for r in cleaner.clean(text).removed if r.rule == "B503"]


def test_a_list_article_is_not_emptied(cleaner: Cleaner) -> None:
    text = "Best bikes of the year\n\nCargo bike\n\nFolding bike\n\nRoad bike\n\nGravel bike"
    assert cleaner.clean(text).text == text


def test_a_follow_heading_inside_the_story_stays(cleaner: Cleaner) -> None:
    """"Follow <Name>" goes as a button at the top or foot of a page, not as a heading mid-story."""
    story = [*STORY, "Follow Your Nose", *STORY[1:]]
    assert removed_rules(cleaner, "\n\n".join(story)) == []
    assert removed_rules(cleaner, "\n\n".join([*STORY, "Follow Jane Roe"])) == ["B301"]


@pytest.mark.parametrize(("count", "removed"), [(20, 20), (36, 36), (37, 0)])
def test_a_link_tail_goes_whole_or_not_at_all(cleaner: Cleaner, count: int, removed: int) -> None:
    """Up to 36 link-like lines at the foot go in one cleaning, so cleaning again changes
    nothing; a longer run is the page's own list and stays."""
    tags = [f"Topic {chr(65 + i % 26)}{i // 26}" for i in range(count)]
    doc = cleaner.clean("\n\n".join([*STORY, *tags]))
    assert [r.rule for r in doc.removed] == ["B502"] * removed
    assert cleaner.clean(doc.text).removed == []
