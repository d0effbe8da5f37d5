"""Tests for cleaner.spelling (typo detection driven by wordfreq)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.spelling import DEFAULT_HIGH_CONFIDENCE, Typo, find_typos, load_words_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b03457842792d85a.txt"


def words(typos: list[Typo]) -> list[str]:
    return [t.word for t in typos]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# ----------------------------------------------------------------- the seed
def test_seed_has_exactly_two_typos(seed_text: str) -> None:
    typos = find_typos(seed_text)
    assert words(typos) == ["sumit", "Dehli"]
    sumit, dehli = typos
    assert sumit.suggestions[0] == "summit"
    assert sumit.kind == "word"
    assert dehli.suggestions[0] == "Delhi"
    assert dehli.kind == "name"
    assert dehli.message == 'possible typo: "Dehli" -> "Delhi"'


def test_seed_offsets_point_at_the_word(seed_text: str) -> None:
    for t in find_typos(seed_text):
        assert seed_text[t.start : t.end] == t.word
        assert 0.0 < t.confidence <= 1.0
        assert 1 <= len(t.suggestions) <= 5


def test_seed_names_not_flagged(seed_text: str) -> None:
    flagged = set(words(find_typos(seed_text)))
    for name in (
        "Shringla",
        "Morgulov",
        "Kudashev",
        "Fortaleza",
        "Vardhan",
        "Nikolay",
        "Srivastava",
        "BRICS",
    ):
        assert name in seed_text
        assert name not in flagged


def test_seed_dehli_is_confident_enough_to_fix(seed_text: str) -> None:
    dehli = next(t for t in find_typos(seed_text) if t.word == "Dehli")
    assert dehli.confidence >= DEFAULT_HIGH_CONFIDENCE


# --------------------------------------------------------- general behaviour
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Listed real words a costlier edit away from a common word the document uses.
        ("Where is the whey protein? Where did it go?", []),
        ("The castle moat was the most famous part, most said.", []),
        ("Pick a preset for the present and the present day.", []),
        # Listed misspellings a cheap slip away keep the usual margin.
        ("They recieved it.", [("recieved", "received")]),
    ],
)
def test_listed_words_need_more_evidence_unless_a_cheap_slip(
    text: str, flagged: list[tuple[str, str]]
) -> None:
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Real words a costlier edit away from a far more common one: the second word list
        # knows them (frequency alone flagged "doers" -> "does", "wok" -> "work").
        ("The doers and the talkers met.", []),
        ("Add a wok of rice.", []),
        # A cheap slip of a word that list knows is still a slip when the document says so.
        ("The lorry driver said the lory was parked outside.", [("lory", "lorry")]),
        # A misspelling neither list knows keeps the usual margin.
        ("The doers and the talkers met at the sumit.", [("sumit", "summit")]),
    ],
)
def test_words_a_cleaned_word_list_knows_need_more_evidence(
    text: str, flagged: list[tuple[str, str]]
) -> None:
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == flagged


def test_common_misspellings_in_running_text() -> None:
    text = (
        "The council said residents would recieve a letter this week. "
        "Critics accused the goverment of delay. "
        "He said teh plan was sound."
    )
    typos = find_typos(text)
    assert words(typos) == ["recieve", "goverment", "teh"]
    assert [t.suggestions[0] for t in typos] == ["receive", "government", "the"]
    assert all(t.kind == "word" for t in typos)
    for t in typos:
        assert text[t.start : t.end] == t.word


def test_clean_prose_is_not_flagged() -> None:
    text = (
        "Shares in the company rose sharply on Tuesday after it reported better than "
        "expected quarterly profits, helped by strong demand for its software."
    )
    assert find_typos(text) == []


def test_name_swap_caught_when_document_spells_it_right() -> None:
    text = (
        "Barack Obama met the leaders in Paris. Later, Obmaa told reporters the talks "
        "went well. Obama returns home on Friday."
    )
    typos = find_typos(text)
    assert words(typos) == ["Obmaa"]
    assert typos[0].suggestions[0] == "Obama"
    assert typos[0].kind == "name"


def test_rare_name_swap_caught_only_from_the_document() -> None:
    # Neither spelling is known to wordfreq: only the document can tell.
    text = "Minister Qorvalenko spoke first. Aides to Qorvalenko agreed. Qorvaelnko left."
    assert words(find_typos(text)) == ["Qorvaelnko"]
    assert find_typos("Minister Qorvaelnko spoke first.") == []


def test_rare_names_alone_are_not_flagged() -> None:
    text = "Talks between Ivanishvili, Tsikhanouskaya and Mbappe ended on Monday in Zaporizhzhia."
    assert find_typos(text) == []


def test_an_established_name_one_swap_from_a_common_word_is_not_flagged() -> None:
    # Listed names used 100+ times per billion words, in running text; a rarer one still is
    # ("Dehli"), and so is a capitalised word that only opens sentences ("Refering")
    text = "The queen of the gods was Hera. The band Motley Crue used Framer for its site."
    assert find_typos(text) == []
    text = "Talks in New Dehli ended. Refering to them, Hera said: Refering is hard."
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [
        ("Dehli", "Delhi"), ("Refering", "Referring"), ("Refering", "Referring")
    ]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Two real words in title case, a full edit apart: not a name and its slip.
        ("Refusing plastic bags is a start. Refusing straws helps too. Refusing cups matters. "
         "Reusing jars is next.", []),
        ("Mapping the coast took a year. Mapping the reefs took two, and Mapping the islands "
         "took three. Mopping up came last.", []),
        # A cheap slip of the document's name still is one, even when it lands on a word.
        ("Fiat said sales rose. Fiat shares fell, and Fiat will cut jobs, Fait said on Monday.",
         [("Fait", "Fiat")]),
    ],
)
def test_a_real_word_in_title_case_is_a_name_variant_only_by_a_cheap_slip(
    text: str, flagged: list[tuple[str, str]]
) -> None:
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == flagged


def test_two_forms_of_one_word_in_title_case_are_not_name_variants() -> None:
    text = ("How Machine Learning Personalizes Shopping. Personalized Offers Work. "
            "Maximalism Returns: A Maximalist Home. Super Tuscans From Tuscany.")
    assert find_typos(text) == []


def test_words_with_letters_beyond_ascii_are_not_judged() -> None:
    # typed or pasted on purpose, mostly words of another language; a slip makes ASCII
    text = "The Bundesamt für Kultur served a crudité platter and fánk; the façade recieved paint."
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [("recieved", "received")]


def test_a_name_with_and_without_its_accents_is_one_name() -> None:
    text = "A veteran of the Jo\u00ebl Robuchon empire. Chef Joel Robuchon had trained him."
    assert find_typos(text) == []


def test_allow_list_is_case_insensitive() -> None:
    text = "He said teh plan was sound."
    assert find_typos(text, allow=frozenset({"TEH"})) == []


def test_corrections_mapping_wins_with_full_confidence() -> None:
    text = "The plan was sound, alright."
    typos = find_typos(text, corrections={"alright": "all right"})
    assert len(typos) == 1
    assert typos[0].word == "alright"
    assert typos[0].suggestions == ("all right",)
    assert typos[0].confidence == 1.0


def test_corrections_keep_capitalisation() -> None:
    typos = find_typos("Alright, he said.", corrections={"alright": "all right"})
    assert typos[0].suggestions == ("All right",)


def test_min_confidence_filters() -> None:
    text = "He said teh plan was sound and leaders met at the sumit."
    every = find_typos(text)
    assert len(every) == 2
    assert all(t.confidence >= 0.99 for t in find_typos(text, min_confidence=0.99))
    assert find_typos(text, min_confidence=1.01) == []


@pytest.mark.parametrize(
    "token",
    [
        "https://www.exmaple.com/recieve-goverment",
        "www.exmaple.com",
        "mailto:jhon@exmaple.com",
        "jhon.smtih@exmaple.org",
        "@recievr",
        "#goverment",
        "S-400",
        "Su-35S",
        "5.5bn",
        "1,000",
        "BRICS",
        "NATO",
        "COVID-19",
        "mp3",
        "U.S.",
        "iPhone",
        "`recievr`",
        "$recievr",
        "{recievr}",
    ],
)
def test_non_words_are_never_flagged(token: str) -> None:
    assert find_typos(f"He said {token} was fine.") == []


def test_possessives_and_curly_apostrophes() -> None:
    assert find_typos("India’s army and Russia's navy; the States’ view; don’t worry.") == []
    typos = find_typos("Critics of the goverment’s plan.")
    assert words(typos) == ["goverment"]
    assert typos[0].suggestions[0] == "government"


def test_hyphenated_compounds_checked_per_part() -> None:
    assert find_typos("A long-range, surface-to-air, re-establish plan.") == []
    typos = find_typos("A long-rnage missile.")
    assert words(typos) == ["rnage"]
    assert typos[0].suggestions[0] == "range"


def test_offsets_are_code_points() -> None:
    text = "Café “naïve” émigré — the goverment said."
    (typo,) = find_typos(text)
    assert text[typo.start : typo.end] == "goverment"


def test_empty_and_blank_text() -> None:
    assert find_typos("") == []
    assert find_typos("   \n\t ") == []


def test_every_occurrence_reported() -> None:
    text = "The goverment spoke. Then the goverment left."
    typos = find_typos(text)
    assert [t.start for t in typos] == [4, 30]


def test_typo_is_frozen() -> None:
    (typo,) = find_typos("teh end")
    with pytest.raises(AttributeError):
        typo.word = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- words file
def test_load_words_file(tmp_path: Path) -> None:
    path = tmp_path / "accept.txt"
    path.write_text(
        "# project vocabulary\nShringla\n\nteh  # keep this one\n  Morgulov \n", encoding="utf-8"
    )
    words_ = load_words_file(path)
    assert words_ == frozenset({"shringla", "teh", "morgulov"})
    assert find_typos("He said teh plan was sound.", allow=words_) == []


# ------------------------------------------------------------------ laziness
def test_import_does_not_load_wordfreq() -> None:
    code = "import sys, cleaner.spelling; print('wordfreq' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------ more behaviour
def test_capitalised_typo_of_a_common_word_is_a_name_kind_flag() -> None:
    (typo,) = find_typos("Recieve the letter first.")
    assert typo.word == "Recieve"
    assert typo.kind == "name"
    assert typo.suggestions[0] == "Receive"


def test_regular_derivations_are_not_flagged() -> None:
    text = "The firm plans to rebrand, and its outsourcers and franchisees were upbeat."
    assert find_typos(text) == []


def test_a_prefix_the_correction_shares_is_no_sign_of_a_coinage() -> None:
    # "untill" is "un" + "till", but "until" has the "un" too: the slip is at the end.
    text = "We waited untill dark, and the firm plans to rebrand and reissue its shares."
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [("untill", "until")]


def test_british_ise_spellings_of_listed_ize_words_are_not_flagged() -> None:
    text = "They categorise the shares and monetise the data; the organisaton grew."
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [
        ("organisaton", "organisation")
    ]


def test_comparatives_of_rare_y_adjectives_are_not_flagged() -> None:
    text = "Its showier rival has cushier seats and a dinkier screen, but one is comfortible."
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [("comfortible", "comfortable")]


def test_a_listed_word_the_document_keeps_using_is_its_topic() -> None:
    text = ("A database can use sharding. With sharding, each node holds a part; sharding "
            "needs a key. The movers charge for crating, and crating takes time; crating is "
            "extra. Staff recieve a bonus, recieve a car and recieve shares.")
    assert [(t.word, t.suggestions[0]) for t in find_typos(text)] == [
        ("recieve", "receive")
    ] * 3


def test_a_use_that_opens_a_sentence_counts_as_a_use() -> None:
    text = ("Sharding splits a database. With sharding, each node holds a part; sharding needs "
            "a key. Vercel hosts the site; the team moved to vercel last year.")
    assert find_typos(text) == []


def test_unseen_term_used_repeatedly_is_not_a_slip() -> None:
    text = "The zorbex fell. Traders sold the zorbex. The zorbex recovered."
    assert find_typos(text) == []


def test_transposition_beats_more_frequent_but_costlier_fix() -> None:
    (typo,) = find_typos("The comittee met on Monday.")
    assert typo.suggestions[0] == "committee"


def test_document_context_ranks_suggestions() -> None:
    # Alone, "ferm" is most likely "form"; a document about a firm says otherwise.
    (alone,) = find_typos("Profits at the ferm rose.")
    assert alone.suggestions[0] == "form"
    (in_context,) = find_typos("The firm said profits rose. Profits at the ferm rose.")
    assert in_context.suggestions[0] == "firm"
    assert in_context.confidence < DEFAULT_HIGH_CONFIDENCE  # too close to call


def test_given_name_before_a_rare_surname_is_left_alone() -> None:
    # Same spelling as a slip of "summit", but it stands before a surname.
    assert find_typos("Sumit Ganguly spoke first.") == []
    (typo,) = find_typos("Borsi Johnson spoke first.")
    assert typo.suggestions[0] == "Boris"


def test_document_context_counts_every_form_of_a_word() -> None:
    # The context bonus must see "firm" whether it stands bare, with
    # punctuation or capitalised: the checker looks at these chunks by
    # different routes (a common-word set, a plain-word fast path, tokens).
    for spelled in ("the firm said", "the firm, said", "Firm said", "firm\nsaid"):
        (typo,) = find_typos(f"{spelled} profits rose. Profits at the ferm rose.")
        assert typo.suggestions[0] == "firm", spelled
    (typo,) = find_typos("Profits at the ferm rose, said the firm")
    assert typo.suggestions[0] == "firm"
    # Inside a longer word it is not the word: no context, "form" leads.
    (typo,) = find_typos("It firmly said profits rose. Profits at the ferm rose.")
    assert typo.suggestions[0] == "form"


def test_corrections_reach_common_words() -> None:
    (typo,) = find_typos("They lost their way.", corrections={"their": "there"})
    assert (typo.word, typo.suggestions) == ("their", ("there",))


def test_results_do_not_depend_on_earlier_documents(seed_text: str) -> None:
    # Chunks, candidates and verdicts are cached process-wide; what a
    # document gets must not depend on what was checked before it.
    text = "The goverment met. Sumit Ganguly and Mr Jonhson spoke. Mr Johnson left."
    first = find_typos(text)
    find_typos(seed_text)
    find_typos(text.replace("goverment", "government"))
    assert find_typos(text) == first


# ------------------------------------------------------- suggestion ranking
def test_common_word_two_edits_away_outranks_rare_one_edit_neighbours() -> None:
    # "pep", "peel" are one edit away, "people" two; a badly garbled common
    # word is the likelier intent, so it leads once the token is flagged.
    (typo,) = find_typos("The pepl of the town voted.")
    assert typo.suggestions[0] == "people"


def test_two_edit_ranking_does_not_change_what_is_flagged() -> None:
    clean = "The people of the town voted for the council's plan on Tuesday."
    assert find_typos(clean) == []


def test_silent_final_e_is_a_cheap_slip() -> None:
    (typo,) = find_typos("It was the worste result in years.")
    assert typo.suggestions[0] == "worst"


def test_ys_for_ies_is_one_slip() -> None:
    (typo,) = find_typos("Many countrys signed the deal.")
    assert typo.suggestions[0] == "countries"


def test_far_cost_floor_is_a_lower_bound() -> None:
    from cleaner.spelling import errormodel

    # Pairs at least two edits apart (or one spelling-rule slip), the only
    # ones the bound is used for.
    pairs = [
        ("people", "pepl"),
        ("that", "sate"),
        ("countries", "countrys"),
        ("would", "wollda"),
        ("because", "becose"),
        ("through", "throut"),
        ("little", "litl"),
        ("about", "baotu"),
    ]
    for intended, typed in pairs:
        assert (
            errormodel.far_cost_floor(intended, typed)
            <= errormodel.typo_cost(intended, typed) + 1e-9
        )


def test_cost_floor_is_a_lower_bound() -> None:
    from cleaner.spelling import errormodel

    pairs = [
        ("people", "pepl"),
        ("because", "becuase"),
        ("committee", "comittee"),
        ("receive", "recieve"),
        ("country", "cuntry"),
        ("london", "londno"),
        ("last", "laste"),
        ("countries", "countrys"),
        ("about", "baotu"),
        ("that", "what"),
    ]
    for intended, typed in pairs:
        assert errormodel.cost_floor(intended, typed) <= errormodel.typo_cost(intended, typed)


def test_slip_words_are_the_known_transpositions_and_dropped_doubles() -> None:
    from cleaner.spelling import candidates

    assert candidates.slip_words("londno") == {"london"}  # transposition
    assert candidates.slip_words("adress") == {"address"}  # dropped double
    assert candidates.slip_words("qxzv") == set()


def test_name_slips_cost_only_far_more_common_words() -> None:
    from cleaner.spelling import lexicon, scoring
    from cleaner.spelling.candidates import Candidate

    assert scoring.name_slips("londno", lexicon.zipf("londno")) == (Candidate("london", 5.27, 1.0),)
    # "London" is not NAME_GAP more common than a name as common as itself.
    assert scoring.name_slips("londno", 4.0) == ()


def test_neighbours_from_is_the_common_end_of_the_indexed_neighbours() -> None:
    from cleaner.spelling import candidates, lexicon

    for typed in ("pepl", "recieve", "goverment", "teh", "zzqx", "stationery"):
        for min_zipf in (3.0, 4.5, 6.0):
            floor = max(min_zipf, lexicon.zipf(typed) + 0.01)
            expected = {(w, z) for w, z in candidates.indexed_neighbours(typed) if z >= floor}
            assert set(candidates.neighbours_from(typed, floor)) == expected


@pytest.mark.parametrize(
    "chunk",
    ["Lebanon's", "Blair\u2019s,", "(Labour's)", "it's", "x's", "don't", "O'Neill's", "BBC's",
     "(BBC),", "USB.", "II", "A.", "WWW.", "\"Minister,", "NASA-led", "Ka'ba", "Shringla's.",
     "mass-market", "four-year,", "(Anglo-French)", "Al-Qaeda", "pre-empt", "e-mail", "x-ray.",
     "Chong-gyu", "Abish-uly", "state-of-the-art.", "anti-war", "\u201cmid-term\u201d", "a--b",
     "Bin-Laden's", "ex-PM", "-led", "led-", "www-site", "so-called", "Sri-lanka-born",
     "averyveryveryveryveryveryverylongwordthatgoeson-and"],
)
def test_tokenizer_fast_paths_give_what_the_general_rules_give(chunk: str) -> None:
    from cleaner.spelling import tokens

    general = () if tokens._NOT_PROSE.search(chunk) else tuple(
        token for group in tokens._hyphen_groups(chunk) for token in tokens._group_tokens(group))
    assert tokens.tokenize_chunk(chunk) == general


@pytest.mark.parametrize(
    "chunk",
    ['"Minister,', "(Labour)", "www.", "Www.", "\u201cThe", "said:", "It\u2019s", "it's",
     "US,", "a,", "Paris!", "the.", "[Britain]", "people\u2019", "Mr.", "abc-def", "Xq,",
     "Shringla.", "(zzqx)", "Kudashev's", "Blairs'", "(www.", "ab", "Ab.", "x" * 41 + ",", "Caf\u00e9",
     "recieved,", "\u201cMorgulov\u201d"],
)
def test_plain_fast_path_caches_what_tokenising_would(chunk: str) -> None:
    from cleaner.spelling import document, lexicon

    table = lexicon.zipf_table()
    document._chunk_facts.pop(chunk, None)
    document._examine_plain([chunk], table)
    fast = document._chunk_facts.pop(chunk, None)
    slow = document._examine(chunk, table)
    assert fast is None or fast == slow


@pytest.mark.parametrize("typed", ["teh", "abab", "recieve", "goverment", "peopel", "acctaly", "bouht"])
def test_the_distance_two_search_finds_every_word_two_edits_away_within_its_cost_cap(
    typed: str,
) -> None:
    """Checked against brute force: every edit of every edit of the typed word."""
    from cleaner.spelling import candidates, lexicon
    from cleaner.spelling.errormodel import typo_cost

    vocabulary = lexicon.candidate_words()
    floor = lexicon.zipf(typed)
    two_edits = {e2 for e1 in candidates.edits1(typed) for e2 in candidates.edits1(e1)}
    expected = {
        w
        for w in two_edits | candidates.edits1(typed)
        if w in vocabulary
        and len(w) >= 3  # the shortest and rarest words the deletion index files
        and lexicon.zipf(w) >= lexicon.MIN_INDEXED_ZIPF
        and lexicon.zipf(w) > floor
        and typo_cost(w, typed) <= candidates.MAX_DEEP_COST
    }
    found = {c.word for c in candidates.far.__wrapped__(typed)}
    assert expected <= found
    assert expected  # the brute force has something to find
    groups = candidates._far_keys(typed)
    assert all(len(key) == length for length, keys in groups.items() for key in keys)


def test_words_run_together_are_flagged_with_the_space_put_back() -> None:
    (joined,) = find_typos("Officials met toprevent a strike.")
    assert (joined.word, joined.suggestions) == ("toprevent", ("to prevent",))
    # Left to a person (--fix-typos skips it): it may be a code identifier or a coinage.
    assert joined.confidence < DEFAULT_HIGH_CONFIDENCE
    # The joined reading leads when it beats the single words clearly; they follow it.
    (extracted,) = find_typos("The capacityis limited.")
    assert extracted.suggestions[0] == "capacity is"
    assert "capacities" in extracted.suggestions[1:]


def test_listed_joins_with_the_are_flagged_and_words_ending_in_the_are_not() -> None:
    # wordfreq lists "inthe" and "forthe" (the web drops that space often); no word is
    # "in" or "for" + "the". "seethe" is a word, "Bethe" a surname.
    flagged = find_typos("We met inthe town and forthe team. Tempers seethe; bethe left.")
    assert [(t.word, t.suggestions) for t in flagged] == [
        ("inthe", ("in the",)), ("forthe", ("for the",))]


def test_a_misspelling_of_one_word_beats_two_words_run_together() -> None:
    # "to words" is a split too, but "towards" explains the token as well.
    (typo,) = find_typos("He went towords the door.")
    assert typo.suggestions[0] == "towards"


def test_compounds_of_ordinary_words_are_not_taken_apart() -> None:
    # Neither part is a function word: a closed compound or a coinage, not a slip.
    assert find_typos("The planemaker sold a passcard.") == []


def test_the_checker_caches_stay_within_their_budget() -> None:
    # A long stream brings new chunks to the end: the caches must stop growing at their
    # bounds (memory must not depend on the corpus size), and results must not change.
    from cleaner.spelling import budget, document

    text = "The goverment met on Tuesday."
    before = find_typos(text)
    for start in range(0, budget.CHUNKS + 5_000, 1_000):
        numbers = " ".join(f"{n}m" for n in range(start, start + 1_000))
        find_typos(f"Officials said {numbers} were counted.")
        assert len(document._chunk_facts) <= budget.CHUNKS + 1_010
    assert len(document._chunk_facts) >= budget.CHUNKS // 2
    assert find_typos(text) == before
