"""Number conflicts on real-copy wording: the same victims named differently, dates beside tolls,
vague words and running totals."""

from __future__ import annotations

import json
from datetime import date

import pytest

from quotetrack import ranking
from quotetrack.conflicts import Verdict, compare, compare_in_event
from quotetrack.conflicts.numbers import incident_count_conflict
from quotetrack.conflicts.reading import read
from quotetrack.evidence import Counts
from quotetrack.models import Source, Speaker, Statement
from quotetrack.text import Quantity, default_normalizer, find_quantities


def verdict(a: str, b: str) -> Verdict:
    return compare(Statement(text=a, speaker=Speaker(name="Source A")),
                   Statement(text=b, speaker=Speaker(name="Source B")))  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "figures"),
    [
        ("Ten soldiers were killed", "Nine army troops died", (10, 9)),
        ("ten police officers were killed in the ambush", "nine policemen were killed in the ambush", (10, 9)),
        ("Three servicemen died when the convoy was hit", "Five soldiers were killed when the convoy was hit", (3, 5)),
        ("Twelve people died in the landslide near the quarry", "The landslide near the quarry left 20 dead", (12, 20)),
        ("30,000 demonstrators marched through the capital", "200,000 protesters marched through the capital",
         (30000, 200000)),
    ],
)  # fmt: skip
def test_counts_of_the_same_victims_in_other_words_are_a_number_conflict(a: str, b: str, figures: tuple) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) == ("conflict", "number")
    assert isinstance(result.evidence, Counts)
    assert (result.evidence.a_number.value, result.evidence.b_number.value) == figures


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ten soldiers were killed in the ambush", "Nine soldiers were wounded in the ambush"),
        ("Ten soldiers were killed in the ambush", "Nine civilians were killed in the ambush"),
        ("At least 10 soldiers were killed in the ambush", "12 troops died in the ambush"),
        ("The ministry said the flood on Feb. 27 killed 12 people", "The flood killed 12 people"),
        ("The Feb. 25 bombing killed three people at the market", "Three people died in the bombing at the market"),
        ("The bombing at the market killed 12 people",
         "The bombing at the market killed 12 people, bringing the number killed this month to 40"),
        ("The bombing at the market killed 12 people",
         "Since the start of the conflict, 400 people have been killed in bombings at the market"),
    ],
)  # fmt: skip
def test_other_victims_dates_and_running_totals_are_not_number_conflicts(a: str, b: str) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) != ("conflict", "number"), result.evidence


def test_a_running_total_still_conflicts_with_another_running_total() -> None:
    result = verdict("So far this year 40 soldiers have been killed in the province",
                     "So far this year 65 soldiers have been killed in the province")  # fmt: skip
    assert (result.relation, result.type) == ("conflict", "number")


def said(text: str, speaker: str, day: int) -> Statement:
    source = Source(outlet="Wire", published=date(2026, 5, day))
    return Statement(text=text, speaker=Speaker(name=speaker), source=source)


def test_at_one_incident_tolls_in_any_words_are_compared() -> None:
    a = said("our teams have counted 126 dead at the site so far", "Police chief", 3)
    b = said("the hospital director told us 90 people had died by the evening", "Senator", 3)
    assert compare(a, b).relation != "conflict"  # nothing in the words ties them together
    result = compare_in_event(a, b)
    assert (result.relation, result.type) == ("conflict", "number")
    assert isinstance(result.evidence, Counts)


FIRST = "our teams have counted 53 dead at the site so far"


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (FIRST, "officials said 190 people had been wounded in the blast"),  # other victims
        (FIRST, "the toll rose from 20 to 53"),  # the earlier figure is superseded
    ],
)  # fmt: skip
def test_at_one_incident_other_victims_and_superseded_figures_are_not_conflicts(first: str, later: str) -> None:
    result = compare_in_event(said(first, "Police", 3), said(later, "Ministry", 5))
    assert (result.relation, result.type) != ("conflict", "number")


def test_at_one_incident_a_rise_is_found_and_ranked_as_a_timeline() -> None:
    first = said(FIRST, "Police", 3)
    later = said("officials said 190 people had died in the blast at the market", "Ministry", 5)
    result = compare_in_event(first, later)
    assert (result.relation, result.type) == ("conflict", "number")
    before = result.score
    ranking.weigh(result, first, later)
    assert ranking.timeline_of(result.evidence) == (("53 dead", "2026-05-03"), ("190 people", "2026-05-05"))
    assert result.score < before
    assert any(caveat.startswith(ranking.CHANGING) for caveat in result.caveats)


def test_at_one_incident_a_lower_later_figure_is_a_conflict_with_a_caveat() -> None:
    result = compare_in_event(said("officials said 316 people had died", "Government", 3),
                              said("a survey puts the number killed at 85", "Survey team", 9))  # fmt: skip
    assert (result.relation, result.type) == ("conflict", "number")
    assert "later figure" in result.caveats[0]


def test_at_one_incident_undated_figures_are_compared_at_a_lower_score_with_a_caveat() -> None:
    undated = Statement(text="officials said 316 people had died", speaker=Speaker(name="Government"))
    dated = said("officials said 316 people had died", "Government", 9)
    survey = said("a survey puts the number killed at 85", "Survey team", 9)
    result = compare_in_event(undated, survey)
    assert (result.relation, result.type) == ("conflict", "number")
    assert any("gives no day" in caveat for caveat in result.caveats)
    assert result.score < compare_in_event(dated, survey).score


def test_at_one_incident_a_floor_far_below_another_toll_is_shown_with_a_caveat() -> None:
    floor = said("the shelling struck the market, leaving at least 20 people dead", "Elders", 3)
    toll = said("the number of dead had reached 45", "Health office", 3)
    result = compare_in_event(floor, toll)
    assert (result.relation, result.type) == ("conflict", "number")
    assert "'at least 20 people' is a floor" in result.caveats[0]
    near = said("the number of dead had reached 24", "Health office", 3)
    assert compare_in_event(floor, near).relation != "conflict"  # a floor a toll barely passes


def test_compare_on_the_command_line_shows_the_two_counts_of_the_same_victims(run) -> None:
    result = run("compare", "ten police officers were killed in the ambush",
                 "nine policemen were killed in the ambush", "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.stdout)
    assert (verdict["relation"], verdict["type"]) == ("conflict", "number")
    assert verdict["evidence"]["thing"] == "killed police officer"


def test_at_one_incident_vague_words_are_not_set_against_a_figure() -> None:
    a, b = said(FIRST, "Police", 3), said("a few people died in the blast at the market", "Ministry", 5)
    normalizer = default_normalizer()
    assert incident_count_conflict(a, b, read(a.text, normalizer), read(b.text, normalizer)) is None
    exact = said("four people died in the blast at the market", "Ministry", 5)
    assert incident_count_conflict(a, exact, read(a.text, normalizer), read(exact.text, normalizer)) is not None


def test_counts_of_two_incidents_each_dated_in_its_own_words_do_not_conflict() -> None:
    apart = verdict("A gunman killed 12 people on 16 September 2013 at the Varno shipyard",
                    "On 27 February 2015 a gunman killed seven people at the Varno shipyard")  # fmt: skip
    assert apart.relation != "conflict"
    spoken = verdict("The ministry said on 3 May 2024 that 12 people were killed at the Varno shipyard",
                     "The ministry said on 12 May 2024 that 20 people were killed at the Varno shipyard")  # fmt: skip
    assert (spoken.relation, spoken.type) == ("conflict", "number")  # days it was said on date no incident


# --- vague magnitudes against figures -------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Several thousand people will lose their jobs at the carmaker",
         "As many as 90,000 employees will lose their jobs at the carmaker"),
        ("Hundreds of people were killed when the dam burst", "More than 3,000 people were killed when the dam burst"),
        ("Dozens of villagers were killed in the raid on the valley",
         "400 villagers were killed in the raid on the valley"),
        ("Hundreds of homes were destroyed by the storm", "Forty homes were destroyed by the storm"),
        ("Dozens of protesters were arrested in the square", "Thousands of protesters were arrested in the square"),
    ],
)  # fmt: skip
def test_a_figure_far_outside_a_vague_magnitude_is_a_number_conflict(a: str, b: str) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) == ("conflict", "number"), result
    assert any("order of magnitude" in caveat for caveat in result.caveats)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hundreds of people were killed when the dam burst", "1,300 people were killed when the dam burst"),
        ("Dozens of villagers were killed in the raid on the valley",
         "150 villagers were killed in the raid on the valley"),
        ("Several thousand people will lose their jobs at the carmaker",
         "The carmaker will cut 12,000 jobs"),
        ("Hundreds of people were killed when the dam burst", "At least 20 people were killed when the dam burst"),
        ("Dozens of protesters were arrested in the square", "Fewer than 1,000 protesters were arrested in the square"),
        ("Several thousand people will lose their jobs at the carmaker",
         "The carmaker will cut 18 percent of its workforce"),
    ],
)  # fmt: skip
def test_a_near_miss_a_floor_a_ceiling_and_a_share_do_not_contradict_a_magnitude(a: str, b: str) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) != ("conflict", "number"), result


def test_a_magnitude_conflict_scores_below_two_figures_that_differ() -> None:
    exact = verdict("300 people were killed in the raid", "Ninety people were killed in the raid")
    vague = verdict("300 people were killed in the raid", "Dozens of people were killed in the raid")
    assert exact.type == vague.type == "number"
    assert vague.score < exact.score


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Eight people were killed in the attack on the convoy", "30 soldiers were killed in the attack on the convoy",
         True),
        ("30 people were killed in the attack on the convoy", "Eight soldiers were killed in the attack on the convoy",
         False),
    ],
)  # fmt: skip
def test_a_part_cannot_be_more_than_the_whole(a: str, b: str, conflict: bool) -> None:
    result = verdict(a, b)
    assert ((result.relation, result.type) == ("conflict", "number")) is conflict, result


def test_a_toll_and_a_floor_below_it_count_the_killed_and_do_not_contradict() -> None:
    toll = "The number of dead had reached 45, with 70 wounded"
    floor = "The shelling struck the market, leaving at least 20 people dead"
    normalizer = default_normalizer()
    assert read(toll, normalizer).quantities[0].key == read(floor, normalizer).quantities[0].key == ("killed", None)
    assert (verdict(toll, floor).relation, verdict(toll, floor).type) != ("conflict", "number")
    below = verdict("The shelling hit the bus, killing at least 30 people",
                    "The shelling hit the bus, killing 12 people")
    assert (below.relation, below.type) == ("conflict", "number")  # a floor above a figure contradicts it


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The army rejected claims that 300 civilians were killed in the raid",
         "Officials said 40 civilians were killed in the raid"),
        ("The carmaker denied reports that it would cut 90,000 jobs", "The carmaker will cut several thousand jobs"),
    ],
)  # fmt: skip
def test_a_figure_the_speaker_denies_is_not_the_speakers_count(a: str, b: str) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) != ("conflict", "number"), result


def test_a_figure_after_the_denial_is_the_speakers_own() -> None:
    result = verdict("The army denied reports of a massacre, saying 40 civilians were killed in the raid",
                     "Officials said 300 civilians were killed in the raid")  # fmt: skip
    assert (result.relation, result.type) == ("conflict", "number"), result


def test_a_ceiling_given_as_the_figure_far_above_another_figure_is_a_loose_conflict() -> None:
    far = verdict("As many as 150 people are believed to have died of the fever",
                  "Only six people have died of the fever")  # fmt: skip
    assert (far.relation, far.type) == ("conflict", "number")
    assert "ceiling" in far.caveats[0]
    exact = verdict("150 people are believed to have died of the fever", "Only six people have died of the fever")
    assert far.score < exact.score
    near = verdict("Up to 40 people died in the fire at the depot", "30 people died in the fire at the depot")
    assert (near.relation, near.type) != ("conflict", "number")
    for limit in ("Fewer than 150 people have died of the fever", "No more than 150 people have died of the fever"):
        ceiling = verdict(limit, "Only six people have died of the fever")
        assert (ceiling.relation, ceiling.type) != ("conflict", "number")  # a limit puts no figure forward


def test_deaths_count_the_killed() -> None:
    assert only_count("Officials counted 103 deaths from the fever").key == ("killed", None)
    assert only_count("Doctors treated 40 injuries after the crash").key == ("wounded", None)
    assert only_count("Rescuers recovered 40 bodies").key == ("killed", "body")  # a floor, kept apart
    result = verdict("Officials counted 103 deaths from the fever", "The fever has killed 150 people")
    assert (result.relation, result.type) == ("conflict", "number")


def only_count(text: str) -> Quantity:
    (count,) = find_quantities(text)
    return count


def test_a_limit_is_not_the_figure_it_names() -> None:
    result = verdict("The number of dead in the flood did not exceed 40", "30 people died in the flood")
    assert result.type != "number"  # "did not exceed 40" allows 30


def test_at_one_incident_a_toll_the_statement_denies_is_not_its_own() -> None:
    denial = said("the governor dismissed reports that 2,000 people were killed in the raid", "Governor", 3)
    other = said("as many as 300 people were killed in the raid, witnesses said", "Witnesses", 3)
    assert compare_in_event(denial, other).type != "number"
    toll = said("the governor said 40 people were killed in the raid", "Governor", 3)
    assert (compare_in_event(toll, other).relation, compare_in_event(toll, other).type) == ("conflict", "number")


def test_a_ceiling_written_with_not_is_a_limit_not_a_denial() -> None:
    within = verdict("the death toll from the flood did not exceed 40", "30 people died in the flood")
    assert within.relation != "conflict"
    above = verdict("the death toll from the flood did not exceed 40", "55 people died in the flood")
    assert (above.relation, above.type) == ("conflict", "number")


def test_figures_named_only_as_the_number_are_set_against_each_other_with_a_caveat() -> None:
    result = verdict("The governor told reporters that the number was 1,700", "No, the official number is 2,100.")
    assert (result.relation, result.type) == ("conflict", "number")
    assert any("neither statement says what its figure counts" in caveat for caveat in result.caveats)
    assert verdict("The governor said the number was 1,700", "He scored 3 goals").relation != "conflict"


def test_at_one_incident_two_kinds_of_count_are_shown_with_their_kinds() -> None:
    suspected = said("the health ministry counts 88 suspected deaths from the fever", "Ministry", 3)
    confirmed = said("there have been only five laboratory-confirmed deaths from the fever", "Agency", 3)
    result = compare_in_event(suspected, confirmed)
    assert (result.relation, result.type) == ("conflict", "number")
    assert any("is suspected" in caveat and "confirmed" in caveat for caveat in result.caveats)
    plain = compare_in_event(said("the fever has killed 30 people", "Hospital", 3), confirmed)
    assert any("does not say which kind" in caveat for caveat in plain.caveats)
    later = compare_in_event(suspected, said(confirmed.text, "Agency", 5))
    assert not any("later figure" in caveat for caveat in later.caveats)  # another kind, not a fall


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("there are 20 confirmed cases of the fever in the region",
         "there are 1,400 suspected cases of the fever in the region"),  # two measures
        ("some 70 people were still in hospital with the fever", "1,400 people have caught the fever"),
        ("The department released two station security camera videos",
         "The department released two doorbell camera videos of the arrest, freeing no one"),
    ],
)  # fmt: skip
def test_counts_of_different_measures_are_no_number_conflict(a: str, b: str) -> None:
    result = verdict(a, b)
    assert (result.relation, result.type) != ("conflict", "number"), result.evidence


def test_a_part_of_a_toll_both_statements_agree_on_is_not_a_second_toll() -> None:
    toll = said("the collapse killed 41 people and injured 130", "Governor", 3)
    detail = said("41 dead, 130 injured. 37 injured people were flown to the capital", "Governor", 3)
    assert compare_in_event(toll, detail).relation != "conflict"
    assert verdict(toll.text, detail.text).type != "number"


def test_a_share_given_with_its_whole_is_not_set_against_another_whole() -> None:
    lower = said("the shelling killed 31 people", "Elders", 3)
    share = said("the shelling killed 45 people, including 33 children", "Health office", 3)
    result = compare_in_event(lower, share)
    assert (result.relation, result.type) == ("conflict", "number")
    assert isinstance(result.evidence, Counts)
    assert (result.evidence.a_number.value, result.evidence.b_number.value) == (31, 45)  # not 33 children
    assert not any("outnumber" in caveat for caveat in result.caveats)


def test_a_correction_is_set_against_the_figure_it_corrects() -> None:
    first = said("the office said 380,000 people had died", "Press office", 3)
    typo = said("owing to a misprint, the number should have been 180,000", "Press office", 4)
    result = compare_in_event(first, typo)
    assert (result.relation, result.type[:4]) in {("conflict", "numb"), ("conflict", "self")}
    assert any("correction" in caveat for caveat in result.caveats)
    other = said("owing to a misprint, the number should have been 1,500", "Press office", 4)
    assert compare_in_event(first, other).relation != "conflict"  # no misprint of 380,000


def test_a_figure_named_to_be_disputed_is_not_set_against_a_higher_one() -> None:
    low = said('the toll "could be far higher" than the official figure of 90', "Researcher", 3)
    high = said("more than 1,000 people were killed in the raid", "Residents", 3)
    assert compare_in_event(low, high).relation != "conflict"


def test_job_cuts_given_as_cuts_or_as_jobs_cut_are_one_figure() -> None:
    result = verdict("The airline will cut 4,000 jobs at its Dorsal hub",
                     "The airline plans 12,000 job cuts at its Dorsal hub")  # fmt: skip
    assert (result.relation, result.type) == ("conflict", "number")
    assert verdict("The airline will cut 4,000 jobs at its Dorsal hub",
                   "The airline will cut 4,000 jobs at its Dorsal hub this year").type != "number"


def test_at_one_incident_a_ceiling_on_the_number_of_dead_conflicts_with_a_far_higher_toll() -> None:
    ceiling = said("Until now the number of villagers killed in the raid has not exceeded about 60",
                   "Ministry", 12)
    toll = said("district officials said the death toll could rise to more than 900", "Officials", 9)
    result = compare_in_event(toll, ceiling)
    assert (result.relation, result.type) == ("conflict", "number")


def test_at_one_incident_a_toll_called_false_is_not_the_speakers_own() -> None:
    denial = said("the army said the claims of 900 dead were untrue", "Army", 10)
    ceiling = said("Until now the number of villagers killed in the raid has not exceeded about 60",
                   "Ministry", 12)
    assert compare_in_event(denial, ceiling).type != "number"


@pytest.mark.parametrize(
    ("toll", "conflict"),
    [("380,000 people had died", True), ("830,000 people had died", True),
     ("260,000 people had died", False), ("38,000 people had died", False)],
)  # fmt: skip
def test_a_correction_meets_only_a_figure_it_reads_as_a_misprint_of(toll: str, conflict: bool) -> None:
    typo = said("owing to a misprint, the number should have been 380,000" if "830" in toll
                else "owing to a misprint, the number should have been 180,000", "Press office", 4)
    result = compare_in_event(said(toll, "Press office", 3), typo)
    assert (result.relation == "conflict") is conflict


@pytest.mark.parametrize(
    ("so_far", "later"),
    [
        ("We have so far found six bodies in the rubble", "Eleven bodies have been found in the rubble"),
        ("By the evening, rescuers had pulled six bodies from the mine", "Rescuers pulled 11 bodies from the mine"),
        ("As of now, nine people are confirmed dead after the crash", "Sixteen people died in the crash"),
    ],
)  # fmt: skip
def test_a_lower_count_given_as_the_count_so_far_is_a_count_still_rising(so_far: str, later: str) -> None:
    plain = verdict(so_far.replace("so far ", "").replace("By the evening, ", "").replace("As of now, ", ""), later)
    result = verdict(so_far, later)
    assert (result.relation, result.type) == ("conflict", "number")
    assert any("is the count so far: a later count may be higher" in caveat for caveat in result.caveats)
    assert result.score < plain.score
    assert not any("count so far" in caveat for caveat in plain.caveats)


def test_a_count_so_far_above_the_other_is_a_dispute_as_it_stands() -> None:
    result = verdict("We have so far found eleven bodies in the rubble",
                     "Six bodies have been found in the rubble")  # fmt: skip
    assert result.relation == "conflict"
    assert not any("count so far" in caveat for caveat in result.caveats)


def test_at_one_incident_a_count_so_far_gets_the_same_caveat() -> None:
    result = compare_in_event(said("rescuers have thus far found 12 dead in the flooded valley", "Rescuers", 3),
                              said("the floods killed 40 people", "Ministry", 3))  # fmt: skip
    assert result.relation == "conflict"
    assert any("'12 dead' is the count so far" in caveat for caveat in result.caveats)


def test_at_one_incident_the_crowd_of_a_protest_is_compared_in_any_words() -> None:
    police = said("police figures put the demonstrators' numbers at only 25,000", "Police", 3)
    organisers = said("the organisers said up to 120,000 people had joined the protest", "Organisers", 3)
    result = compare_in_event(police, organisers)
    assert (result.relation, result.type) == ("conflict", "number")
    assert any("is a ceiling given as the figure" in caveat for caveat in result.caveats)
    near = said("organisers claimed that up to 40,000 people joined the protest", "Organisers", 3)
    assert compare_in_event(police, near).relation != "conflict"  # a ceiling near the figure: both can stand
    arrests = said("200 people were arrested at the protest", "Police", 3)
    assert compare_in_event(arrests, organisers).relation != "conflict"


@pytest.mark.parametrize("other", ["30 sales employees were laid off", "30 sales staff were laid off"])
def test_a_denial_meets_the_same_count_under_a_compound_word(other: str) -> None:
    result = verdict("Reports that 30 salespeople were laid off are not true", other)
    assert (result.relation, result.type) == ("conflict", "polarity")


def test_people_of_a_trade_in_one_word_are_compared_with_the_same_trade_in_two() -> None:
    result = verdict("30 salespeople were laid off", "60 sales employees were laid off")
    assert (result.relation, result.type) == ("conflict", "number")
    killed = verdict("12 tradesmen were killed in the blast", "30 people were killed in the blast")
    assert killed.relation != "conflict"  # a part of the toll, below it


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("about 70 people were in hospital with the fever", "A total of 215 people remain in hospital"),
        ("70 patients were in hospital with the fever", "215 people were in hospital with the fever"),
        ("70 people were admitted to hospital with the fever", "215 people were admitted to hospital"),
    ],
)  # fmt: skip
def test_people_in_hospital_in_any_words_rising_over_days_are_a_timeline(earlier: str, later: str) -> None:
    first, second = said(earlier, "Ministry", 3), said(later, "Agency", 5)
    result = compare(first, second)
    assert (result.relation, result.type) == ("conflict", "number")
    ranking.weigh(result, first, second)
    assert [day for _, day in ranking.timeline_of(result.evidence)] == ["2026-05-03", "2026-05-05"]


def test_a_count_told_as_part_of_a_whole_is_no_other_toll() -> None:
    whole = "A total of 58 people died or are missing presumed dead in the tower fire"
    for part in ("Of the 58, 30 were confirmed dead", "Of those 58 people, 30 were confirmed dead"):
        assert verdict(whole, part).relation != "conflict", part
        assert compare_in_event(Statement(text=whole, speaker=Speaker("Police")),
                                Statement(text=part, speaker=Speaker("Coroner"))).relation != "conflict", part
    assert verdict(whole, "30 were confirmed dead").relation == "conflict"


def test_a_part_named_by_its_kind_is_that_kind_of_count() -> None:
    # "18 of the deaths had been confirmed" is the confirmed toll; "another 18" adds to one.
    confirmed = find_quantities("Officials said 18 of the deaths had been confirmed as caused by the virus")[0]
    assert (confirmed.value, confirmed.kind, confirmed.part_of) == (18, "confirmed", False)
    assert find_quantities("Officials said 18 of the deaths were children")[0].part_of
    assert find_quantities("another 18 confirmed deaths were reported")[0].part_of
    revised = said("the ministry lowered its confirmed death toll to six from 18", "Ministry", 5)
    result = compare_in_event(said("Minister Oren Tal said 18 of the deaths had been confirmed", "Oren Tal", 3),
                              revised)
    assert (result.relation, result.type) == ("conflict", "number")


def test_one_speaker_giving_a_suspected_and_a_confirmed_count_contradicts_nothing() -> None:
    suspected = said("the virus is believed to have killed 138 people", "Oren Tal", 3)
    confirmed = said("18 of the deaths had been confirmed to be from the virus", "Oren Tal", 3)
    assert compare_in_event(suspected, confirmed).relation != "conflict"
    # Two sources giving the two kinds are weighed side by side.
    other = said("18 of the deaths had been confirmed to be from the virus", "Health Agency", 3)
    assert compare_in_event(suspected, other).relation == "conflict"
