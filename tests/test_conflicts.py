"""Contradiction rules: each conflict type with look-alike pairs that are not conflicts beside it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from quotetrack.conflicts import CONFLICT_TYPES, Verdict, claim_similarity, compare, find_conflicts
from quotetrack.evidence import (
    AlteredQuote,
    Counts,
    Days,
    DenialCue,
    Misattribution,
    OppositeWords,
    SelfContradiction,
)
from quotetrack.models import Source, Speaker, Statement


def st(
    text: str,
    speaker: str = "",
    kind: str = "reported",
    *,
    said_on: date | None = None,
    event_date: date | None = None,
    published: date | None = None,
    speaker_id: int | None = None,
) -> Statement:
    return Statement(
        text=text,
        speaker=Speaker(speaker, id=speaker_id),
        kind=kind,
        source=Source(outlet="Test wire", published=published),
        said_on=said_on,
        event_date=event_date,
    )


def verdict(a: Statement, b: Statement) -> Verdict:
    return compare(a, b)


def kind_of(a: Statement, b: Statement) -> str:
    """The type of a conflict, or the relation when there is none."""
    result = compare(a, b)
    return result.type if result.relation == "conflict" else result.relation


# --- the seed article (Kurdistan 24, 11 July 2018), statements as the extractor gives them ---

PUBLISHED = date(2018, 7, 11)
SROOD = st(
    "there no Peshmerga operations against IS near Makhmour on that day",
    "Srood",
    said_on=PUBLISHED,
    event_date=date(2018, 7, 8),
    published=PUBLISHED,
)
JOINT_OPERATION = st(
    "Kurdistan Region's Peshmerga forces and the US-led Coalition conducted a joint operation "
    "against the Islamic State (IS) near Makhmour, killing several members of the extremist group",
    "Kurdistan 24",
    "report",
    event_date=date(2018, 6, 30),
    published=PUBLISHED,
)
CENTCOM = st(
    "On July 8 in Iraq, Coalition military forces conducted two strikes consisting of two "
    "engagements against Daesh targets",
    "US Central Command",
    "quote",
    event_date=date(2018, 7, 8),
    published=PUBLISHED,
)
VEALE = st(
    "the strikes were conducted in support of Iraqi security forces",
    "Thomas Veale",
    published=PUBLISHED,
)
ONE_STRIKE = st(
    "Near Makhmour, one strike destroyed one Daesh-held building.",
    "US Central Command",
    "quote",
    event_date=date(2018, 7, 8),
    published=PUBLISHED,
)
TOOK_PART = st(
    "Peshmerga forces took part in the coalition operation near Makhmour on 8 July",
    "Another outlet",
    "report",
    published=date(2018, 7, 12),
)


def test_seed_denial_against_the_30_june_operation_is_a_polarity_conflict_with_a_date_caveat() -> None:
    result = verdict(SROOD, JOINT_OPERATION)
    assert (result.relation, result.type) == ("conflict", "polarity")
    assert isinstance(result.evidence, DenialCue)
    assert (result.evidence.cue, result.evidence.side) == ("no", "a")
    assert result.evidence.days == Days("2018-07-08", "2018-06-30")
    assert result.caveats == ["dates differ: 30 June vs 8 July — check that they are the same event"]


def test_seed_same_day_report_outranks_the_30_june_one_and_has_no_caveat() -> None:
    same_day = verdict(TOOK_PART, SROOD)
    assert (same_day.relation, same_day.type, same_day.caveats) == ("conflict", "polarity", [])
    assert same_day.score > verdict(SROOD, JOINT_OPERATION).score


def test_seed_statements_that_only_look_alike_do_not_conflict() -> None:
    assert verdict(CENTCOM, VEALE).relation != "conflict"
    assert verdict(CENTCOM, ONE_STRIKE).relation != "conflict"


def test_find_conflicts_returns_only_conflicts_best_first() -> None:
    found = find_conflicts(SROOD, [CENTCOM, JOINT_OPERATION, VEALE, TOOK_PART, ONE_STRIKE])
    assert [statement for statement, _ in found] == [TOOK_PART, JOINT_OPERATION]
    assert all(v.relation == "conflict" for _, v in found)
    assert find_conflicts(SROOD, [TOOK_PART], min_score=0.99) == []


def test_verdicts_are_json_serialisable() -> None:
    for a, b in [(SROOD, JOINT_OPERATION), (CENTCOM, VEALE)]:
        result = verdict(a, b)
        assert result.relation in ("same", "conflict", "unrelated")
        assert result.type is None or result.type in CONFLICT_TYPES
        assert 0 <= result.score <= 1
        json.dumps(result.to_dict())


# --- polarity ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police fired tear gas at protesters outside parliament",
         "Police did not use tear gas against the protesters outside parliament"),
        ("Government troops entered the town of Kessa", "The army denied that its troops had entered Kessa"),
        ("The planned rally in Ostrava did not take place", "Thousands of people attended the rally in Ostrava"),
        ("Drones attacked the airport in Belgorsk", "There were no drone attacks on the Belgorsk airport"),
        ("Nobody was injured in the fire at the chemical plant",
         "Several workers were injured in the fire at the chemical plant"),
        ("The ceasefire in the north is holding", "The ceasefire in the north isn't holding"),
        ("The owners of the warehouse have not yet been identified", "Police identified the owners of the warehouse"),
    ],
)  # fmt: skip
def test_a_denial_of_the_same_claim_is_a_polarity_conflict(a: str, b: str) -> None:
    assert kind_of(st(a, "Source A"), st(b, "Source B")) == "polarity"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Inflation rose in October", "Inflation fell in October"),
        ("Unemployment in the region increased last quarter", "Unemployment in the region decreased last quarter"),
        ("Exports to the EU grew this year", "Exports to the EU shrank this year"),
        ("The ballots from district 4 are valid", "The ballots from district 4 are invalid"),
        ("The list of suspects is exhaustive", "The list of suspects is non-exhaustive"),
    ],
)  # fmt: skip
def test_words_of_opposite_meaning_are_a_polarity_conflict(a: str, b: str) -> None:
    result = verdict(st(a, "Source A"), st(b, "Source B"))
    assert (result.relation, result.type) == ("conflict", "polarity")
    assert isinstance(result.evidence, OppositeWords)
    assert all(result.evidence.words)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # double negation
        ("The presence of armed groups in the valley is a fact that cannot be denied",
         "Armed groups are present in the valley"),
        ("It is not true that there were no arrests at the protest", "There were arrests at the protest"),
        ("The army never denied that it shelled the village of Kfar Ruma", "The army shelled the village of Kfar Ruma"),
        ("The new bridge over the Drina is not unsafe", "The new bridge over the Drina is safe"),
        # "not only … but also" adds
        ("The floods not only destroyed homes but also cut the road to Ardan", "The floods destroyed homes in Ardan"),
        # a prefix is not a denial, and "not" agrees with it
        ("The list of suspects is non-exhaustive", "The list of suspects is not exhaustive"),
        ("The ballots from district 4 are invalid", "The ballots from district 4 were not valid"),
        # both deny it
        ("Police said no one was killed in the explosion at the mall", "Nobody died in the explosion at the mall"),
        # the denial is about something the other does not say
        ("The strikes hit depots near Tal Afar, and no civilians were hurt", "Strikes hit depots near Tal Afar"),
        ("There is no man playing a flute", "A man is playing a guitar"),
        ("The owners of the warehouse have not yet been identified",
         "Police were trying to locate the owners of the warehouse"),
        # a count, not a denial
        ("No fewer than 40 people were arrested in the raids", "Police arrested 40 people in the raids"),
        # the denial is in a clause put before the claim both make
        ("While the board has said that this is no risk to patients, we regret the delay and thank the "
         "nurses for their work", "We regret the delay and thank the nurses for their work"),
        # none beyond those found before
        ("Rescuers have recovered 40 bodies from the rubble of the mill",
         "No further bodies were recovered from the rubble of the mill"),
    ],
)  # fmt: skip
def test_look_alike_negations_are_not_polarity_conflicts(a: str, b: str) -> None:
    assert verdict(st(a, "Source A"), st(b, "Source B")).relation != "conflict"


# --- number -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Israeli aircraft carried out three strikes on the camp",
         "Israeli aircraft carried out two strikes on the camp"),
        ("The earthquake killed 12 people in Van", "The earthquake killed 20 people in Van"),
        ("At least 30 migrants drowned off Lampedusa", "Twelve migrants drowned off Lampedusa"),
        ("Nine people died in the floods in the Ruhr valley", "The floods in the Ruhr valley killed 31 people"),
        ("Nine peshmerga and three civilians were killed in the attack", "Nine civilians were killed in the attack"),
    ],
)  # fmt: skip
def test_different_counts_of_the_same_thing_are_a_number_conflict(a: str, b: str) -> None:
    result = verdict(st(a, "Source A"), st(b, "Source B"))
    assert (result.relation, result.type) == ("conflict", "number")
    assert isinstance(result.evidence, Counts)
    assert result.evidence.a_number.value != result.evidence.b_number.value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Coalition aircraft conducted two strikes near Raqqa", "One strike destroyed a weapons depot near Raqqa"),
        ("At least 12 people were killed in the blast in Quetta", "The blast in Quetta killed 20 people"),
        ("The earthquake killed 12 people in Van", "The earthquake destroyed 40 buildings in Van"),
        ("Two soldiers were wounded in the ambush near Gao", "Five soldiers were killed in the ambush near Gao"),
        ("One of the three strikes hit a school in the town", "Three strikes hit the town overnight"),
        ("A 45-year-old man was arrested after the shooting", "A 52-year-old man was arrested after the shooting"),
        ("The bus crash killed 14 passengers", "Fourteen passengers died in the bus crash"),
    ],
)  # fmt: skip
def test_other_things_subsets_and_consistent_counts_are_not_number_conflicts(a: str, b: str) -> None:
    assert verdict(st(a, "Source A"), st(b, "Source B")).relation != "conflict"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Flash floods tore through hillside villages in Sarvan province, killing at least 14 people",
         "Eleven people had died in Sarvan province"),
        ("14 people were killed when the landslide buried homes in Tarzi",
         "The death toll from the landslide in Tarzi stood at 11"),
        ("The bus crash near Dorlo left nine people dead", "Six people died in the bus crash near Dorlo"),
    ],
)  # fmt: skip
def test_one_toll_told_with_different_verbs_is_a_number_conflict(a: str, b: str) -> None:
    result = verdict(st(a, "Outlet"), st(b, "Governor"))
    assert (result.relation, result.type, result.caveats) == ("conflict", "number", [])


def test_bodies_found_so_far_are_a_floor_for_the_toll_not_the_toll() -> None:
    toll = st("Eleven miners died in the flooded mine at Vetra", "Union")
    more = verdict(st("Rescuers have recovered fourteen bodies so far from the flooded mine at Vetra", "Company"), toll)
    fewer = verdict(st("Rescuers have recovered eight bodies so far from the flooded mine at Vetra", "Company"), toll)
    plain = verdict(st("Fourteen miners died in the flooded mine at Vetra", "Company"), toll)
    assert (more.relation, more.type) == ("conflict", "number")
    assert "floor for the toll" in more.caveats[0]
    assert more.score < plain.score
    assert fewer.relation != "conflict"


def test_figures_from_different_days_carry_a_caveat() -> None:
    a = st("The floods killed 9 people in the valley", "Police", said_on=date(2021, 7, 15))
    b = st("The floods killed 31 people in the valley", "Federal minister", said_on=date(2021, 7, 17))
    later = verdict(a, b)
    same_day = verdict(a, st(b.text, "Federal minister", said_on=date(2021, 7, 15)))
    assert later.type == same_day.type == "number"
    assert "not necessarily a contradiction" in later.caveats[0]
    assert later.score < same_day.score


# --- date -------------------------------------------------------------------------------------


def test_the_same_event_on_different_days_is_a_date_conflict() -> None:
    published = date(2023, 3, 20)
    a = st("The bridge in Tarnow collapsed on 14 March, killing two people", "Police", published=published)
    b = st("The bridge in Tarnow collapsed on 16 March, killing two people", "Paper", published=published)
    result = verdict(a, b)
    assert (result.relation, result.type) == ("conflict", "date")
    assert result.evidence == Days("2023-03-14", "2023-03-16")
    assert result.caveats


def test_one_night_told_from_either_side_of_midnight_is_no_date_conflict() -> None:
    published = date(2024, 5, 10)  # a Friday
    late = st("A bus carrying 40 people overturned near Varno on Wednesday night", "Paper", published=published)
    early = st("A bus carrying 40 people overturned near Varno just after midnight on Thursday", "Wire",
               published=published)
    assert verdict(late, early).relation != "conflict"
    later = st("A bus carrying 40 people overturned near Varno on Thursday", "Wire", published=published)
    assert kind_of(st("A bus carrying 40 people overturned near Varno on Wednesday", "Paper", published=published),
                   later) == "date"


def test_relative_days_are_resolved_before_dates_are_compared() -> None:
    published = date(2024, 5, 10)  # a Friday
    tuesday = st("The hostages were freed on Tuesday", "Police", published=published)
    seventh = st("The hostages were freed on 7 May", "Negotiator", published=published)
    sixth = st("The hostages were freed on 6 May", "Negotiator", published=published)
    assert verdict(tuesday, seventh).relation == "same"
    assert kind_of(tuesday, sixth) == "date"


def test_different_events_on_different_days_are_not_a_date_conflict() -> None:
    published = date(2023, 5, 1)
    a = st("The first round of the election was held on 9 April", "Commission", published=published)
    b = st("The runoff was held on 23 April", "Commission", published=published)
    assert verdict(a, b).relation != "conflict"


def test_two_happenings_sharing_their_background_on_two_days_are_no_date_conflict() -> None:
    published = date(2025, 3, 14)  # a Friday
    riots = st("Riots broke out again in Varnholt on Tuesday night after the shooting of a delivery driver "
               "by a police officer", "Paper", published=published)
    calm = st("Calm returned to Varnholt on Friday after three nights of riots over the shooting of a "
              "delivery driver by a police officer", "Wire", published=published)
    assert verdict(riots, calm).relation != "conflict"
    again = st("Riots broke out again in Varnholt on Thursday night after the shooting of a delivery driver "
               "by a police officer", "Wire", published=published)
    assert kind_of(riots, again) == "date"  # what happened is the same: its day is disputed
    headed = st("On Thursday, riots broke out again in Varnholt over the shooting of a delivery driver",
                "Wire", published=published)
    assert kind_of(riots, headed) == "date"  # a day that opens the sentence dates the clause after it


# --- misattribution ---------------------------------------------------------------------------


def test_the_same_quote_from_two_speakers_is_a_misattribution() -> None:
    text = "We will not negotiate with people who hold a gun to our heads"
    result = verdict(st(text, "Prime Minister Anna Lindgren", "quote"), st(text + ".", "Per Ahlberg", "quote"))
    assert (result.relation, result.type) == ("conflict", "misattribution")
    assert isinstance(result.evidence, Misattribution)
    assert result.evidence.a_speaker == "Prime Minister Anna Lindgren"


def test_a_quote_given_to_another_speaker_with_words_added_is_a_misattribution() -> None:
    # Not word for word (so difflib's ratio decides), yet near enough: 0.897 and 0.963.
    said = st("We will not negotiate with people who hold a gun to our heads", "Orla Vennick", "quote")
    for retold in ("And so we will not negotiate with people who hold a gun to our heads, frankly",
                   "And we will not negotiate with people who hold a gun to our heads"):
        result = verdict(said, st(retold, "Tamsin Brodeur", "quote"))
        assert (result.relation, result.type) == ("conflict", "misattribution")


def test_speaker_ids_decide_when_both_are_known() -> None:
    text = "Our soldiers are fighting for every metre of this land"
    same_id = verdict(st(text, "Gen. Hromov", "quote", speaker_id=7), st(text, "Oleksiy Hromov", "quote", speaker_id=7))
    other_id = verdict(st(text, "Hromov", "quote", speaker_id=7), st(text, "Hromov", "quote", speaker_id=8))
    assert same_id.relation == "same"
    assert other_id.type == "misattribution"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (st("Freedom of the press is not negotiable", "Culture Minister Ines Valdez", "quote"),
         st("Freedom of the press is not negotiable", "Ines Valdez", "quote")),
        (st("We will rebuild every school that was destroyed", "Education Minister", "quote"),
         st("We will rebuild every bridge that was destroyed", "Transport Minister", "quote")),
        (st("The first round will be held on 9 April", "Commission", "quote"),
         st("The first round will be held on 23 April", "Opposition", "quote")),
        (st("We will not negotiate with terrorists", "Anna Lindgren", "quote"),
         st("We will not negotiate with terrorists", "")),
    ],
)  # fmt: skip
def test_same_person_other_words_other_figures_or_unknown_speaker_are_not_misattribution(
    a: Statement, b: Statement
) -> None:
    assert verdict(a, b).type != "misattribution"


# --- altered quote ----------------------------------------------------------------------------


def test_a_quote_with_words_changed_is_altered_and_the_diff_shows_it() -> None:
    a = st("We will consider all options, including talks with the rebels", "President Kone", "quote")
    b = st("We will consider all options, including war with the rebels", "President Kone", "quote")
    result = verdict(a, b)
    assert (result.relation, result.type) == ("conflict", "altered")
    assert isinstance(result.evidence, AlteredQuote)
    changes = [pair for pair in result.evidence.diff if pair[0] != "="]
    assert changes == [("-", "talks"), ("+", "war")]


def test_one_quote_transcribed_twice_with_small_words_and_contractions_is_not_altered() -> None:
    a = st("We were never warned, because frankly the plan’s a bit late and the money’s gone", "Chief Lind",
           "quote")
    b = st("We were never warned. Because frankly the plan is just a bit late, so the money is gone", "Chief Lind",
           "quote")
    assert verdict(a, b).relation == "same"
    c = st("We were never warned. Because frankly the budget is a bit late and the money is gone", "Chief Lind",
           "quote")
    assert verdict(a, c).type == "altered"  # "plan" became "budget"


def test_one_remark_cut_at_different_ends_by_two_outlets_is_not_altered() -> None:
    remark = "Our engineers are ready, and we will rebuild every bridge in the valley before the winter comes"
    head = st("Our engineers are ready, and we will rebuild every bridge in the valley", "Col. Berg", "quote")
    tail = st("We will rebuild every bridge in the valley before the winter comes", "Col. Berg", "quote")
    assert verdict(head, tail).relation == "same"
    assert verdict(st(remark, "Col. Berg", "quote"), tail).relation == "same"
    # A word left out inside, or one changed at an end, is an alteration all the same.
    inside = st("Our engineers are ready, and we will rebuild every bridge before the winter comes", "Col. Berg",
                "quote")
    assert verdict(st(remark, "Col. Berg", "quote"), inside).type == "altered"
    changed = st("They will rebuild every bridge in the valley before the winter comes", "Col. Berg", "quote")
    assert verdict(tail, changed).type == "altered"
    unconditional = st("We will rebuild every bridge in the valley", "Col. Berg", "quote")
    conditional = st("We will rebuild every bridge in the valley if the donors pay", "Col. Berg", "quote")
    assert verdict(unconditional, conditional).type == "altered"  # the condition is what was cut


def test_an_altered_quote_that_flips_its_meaning_scores_higher() -> None:
    original = st("I have never taken money from a foreign government", "Senator Doyle", "quote")
    flipped = st("I have taken money from a foreign government", "Senator Doyle", "quote")
    hedged = st("I have never really taken money from a foreign government", "Senator Doyle", "quote")
    assert verdict(original, flipped).type == verdict(original, hedged).type == "altered"
    evidence = verdict(original, flipped).evidence
    assert isinstance(evidence, AlteredQuote) and evidence.changes_meaning
    assert verdict(original, flipped).score > verdict(original, hedged).score


@pytest.mark.parametrize(
    "variant",
    [
        "We will consider all options including talks with the rebels.",
        "WE WILL CONSIDER ALL OPTIONS, INCLUDING TALKS WITH THE REBELS",
        "“We will consider all options, including talks with the rebels”",
    ],
)
def test_punctuation_and_case_are_not_alterations(variant: str) -> None:
    a = st("We will consider all options, including talks with the rebels", "President Kone", "quote")
    assert verdict(a, st(variant, "President Kone", "quote")).relation == "same"


def test_paraphrase_is_not_an_altered_quote() -> None:
    quote = st("The police acted within the law", "Minister Novak", "quote")
    reported = st("The police acted within the law, the minister said", "Minister Novak", "reported")
    assert verdict(quote, reported).relation != "conflict"


# --- self-contradiction -----------------------------------------------------------------------


def test_a_speaker_contradicting_an_earlier_statement_is_a_self_contradiction() -> None:
    earlier = st(
        "Our forces did not take part in the offensive on Kherson", "Minister Volkov", said_on=date(2022, 9, 1)
    )
    later = st("Our forces took part in the offensive on Kherson", "Minister Volkov", said_on=date(2022, 10, 15))
    result = verdict(earlier, later)
    assert (result.relation, result.type) == ("conflict", "self")
    assert isinstance(result.evidence, SelfContradiction)
    assert (result.evidence.kind, result.evidence.earlier) == ("polarity", "a")


def test_a_speaker_changing_a_figure_is_a_self_contradiction_with_number_evidence() -> None:
    a = st("The company will cut 500 jobs at the plant", "CEO Maria Sanz", said_on=date(2023, 1, 10))
    b = st("The company will cut 1,200 jobs at the plant", "CEO Maria Sanz", said_on=date(2023, 3, 2))
    result = verdict(a, b)
    assert isinstance(result.evidence, SelfContradiction)
    assert (result.type, result.evidence.kind) == ("self", "number")
    assert isinstance(result.evidence.inner, Counts)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Our forces did not take part in the offensive",
         "Our forces were not involved in the offensive and did not take part"),
        ("The mine will reopen in March", "The school will not reopen in March"),
        ("I support the new pension law", "I oppose the new tax on sugar"),
    ],
)  # fmt: skip
def test_a_speaker_repeating_or_changing_topic_is_not_a_self_contradiction(a: str, b: str) -> None:
    first = st(a, "Minister Volkov", said_on=date(2022, 9, 1))
    second = st(b, "Minister Volkov", said_on=date(2022, 10, 15))
    assert verdict(first, second).relation != "conflict"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("North Korea did not launch a missile on Sunday", "South Korea launched a missile on Sunday"),
        ("North Korea launched two missiles on Sunday", "South Korea launched three missiles on Sunday"),
        ("Coalition strikes did not hit IS targets near Makhmour", "Coalition strikes hit IS targets near Mosul"),
        # A name opening the sentence is a name too, though its capital is only the sentence's.
        ("Tamm did not receive 52 percent of the vote", "Brel received 52 percent of the vote"),
        ("Tamm received 52 percent of the vote", "Brel received 47 percent of the vote"),
    ],
)
def test_claims_about_different_names_do_not_conflict(a: str, b: str) -> None:
    assert verdict(st(a, "Source A"), st(b, "Source B")).relation != "conflict"
    assert verdict(st(a, "Source A"), st(a.replace(" not", ""), "Source B")).relation != "unrelated"


def test_a_common_word_opening_two_claims_is_no_name() -> None:
    # Plurals and the lexicons' nouns open sentences without naming anyone: the counts still differ.
    assert kind_of(st("Hikers found 12 bodies in the river", "Police"),
                   st("Divers found 20 bodies in the river", "Mayor")) == "number"
    assert kind_of(st("Police found 12 bodies in the river", "Mayor"),
                   st("Army found 20 bodies in the river", "Mayor's office")) == "number"


# --- whole words ------------------------------------------------------------------------------


def test_cues_match_whole_words_only() -> None:
    # "know" holds "no", "Notre" holds "not", "nonetheless" holds "none": none of them deny.
    a = st("Officials know the cathedral of Notre Dame reopened", "Source A")
    b = st("The cathedral of Notre Dame reopened, nonetheless officials know", "Source B")
    assert verdict(a, b).relation != "conflict"


def test_claim_similarity_is_high_for_a_paraphrase_symmetric_and_blind_to_numbers() -> None:
    a = "Coalition forces conducted two strikes against Daesh targets near Makhmour."
    b = "Near Makhmour, coalition forces carried out 2 strikes on ISIS targets."
    assert 0.6 <= claim_similarity(a, b) == claim_similarity(b, a) <= 1.0
    # Counts are compared by the number rule, never as topic words.
    assert claim_similarity("Nine people died in the fire", "31 people died in the fire") == 1.0
    assert claim_similarity("Parliament approved the budget", "A bridge near Mosul was struck") == 0.0


def test_a_surname_kept_apart_from_a_full_name_is_no_misattribution() -> None:
    text = "Our soldiers are fighting for every metre of this land"
    surname = verdict(st(text, "Hromov", "quote", speaker_id=7), st(text, "Oleksiy Hromov", "quote", speaker_id=8))
    assert surname.type != "misattribution"


def test_a_vote_and_an_election_are_one_thing_to_deny() -> None:
    verdict = compare(st("There was no tampering in the vote"), st("The election was tampered with"))
    assert (verdict.relation, verdict.type) == ("conflict", "polarity")


def test_a_disputed_thing_is_described_not_denied() -> None:
    for described in ("Lind was declared winner of the disputed election",
                      "Lind was declared winner of Norland's 'disputed' election"):
        verdict = compare(st(described), st("Lind was declared winner of the election"))
        assert verdict.relation != "conflict", described
    assert compare(st("The army disputed the election result"), st("The election result stands")).relation == "conflict"


@pytest.mark.parametrize("denial, claim", [
    ("There was no fraud or tampering in the ballot", "The ballot was tampered with"),
    ("There was no tampering or fraud in the ballot", "The figures cannot stand since the ballot was tampered with"),
    ("No soldiers or police were killed in the raid", "Two police officers were killed in the raid"),
])
def test_a_denial_of_one_thing_or_another_denies_a_claim_of_either(denial: str, claim: str) -> None:
    assert (verdict(st(denial), st(claim)).relation, verdict(st(denial), st(claim)).type) == ("conflict", "polarity")


def test_a_clause_denied_word_for_word_inside_long_statements_conflicts() -> None:
    denial = st("There was no fraud or tampering in the ballot, whose staff were trained for months by Ana Berg's "
                "team over nearly four years", "Election board")
    claim = st("The figures cannot stand since the ballot was tampered with and the party will go to court "
               "against the Varno Election Board", "Opposition leader")
    found = verdict(denial, claim)
    assert (found.relation, found.type) == ("conflict", "polarity")
    other = st("The figures cannot stand since the count was slow and the party will go to court against the "
               "Varno Election Board", "Opposition leader")
    assert verdict(denial, other).relation != "conflict"


def test_not_knowing_in_other_words_agrees_with_not_knowing() -> None:
    hard = st("It is difficult to know how many people are missing", "Chief Lind")
    unknown = st("There may be people in the tower that no-one knows are missing", "Chief Lind")
    assert verdict(hard, unknown).relation != "conflict"
