"""Reading counted quantities: how many of what, and the numbers that are not counts."""

from __future__ import annotations

import pytest

from quotetrack.text import Quantity, counts_differ, find_quantities


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "thing"),
    [
        ("Coalition forces conducted two strikes", 2, 2, "strike"),
        ("one strike destroyed one Daesh-held building", 1, 1, "strike"),
        ("Police arrested 1,200 protesters", 1200, 1200, "protester"),
        ("twenty-five soldiers were deployed", 25, 25, "soldier"),
        ("two hundred and fifty houses were flooded", 250, 250, "house"),
        ("a hundred families fled", 100, 100, "family"),
        ("2 million people lost power", 2_000_000, 2_000_000, "people"),
    ],
)
def test_digits_and_number_words(text: str, low: float, high: float, thing: str) -> None:
    quantity = find_quantities(text)[0]
    assert (quantity.low, quantity.high, quantity.thing) == (low, high, thing)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least 12 civilians were killed", 12, None),
        ("more than 30 people died", 31, None),
        ("up to 40 rockets were fired", None, 40),
        ("fewer than ten vehicles", None, 9),
        ("the toll did not exceed 40", None, 40),  # a limit, not the figure 40
        ("no more than 40 people died", None, 40),
        ("12 to 40 militants", 12, 40),
        ("between 12 and 40 fighters", 12, 40),
        ("12-40 fighters were killed", 12, 40),  # the dash the tokens drop
        ("about 12-40 fighters were killed", 12, 40),
        ("about 300 families", 270, 330),
        ("dozens of civilians were wounded", 24, 100),  # a magnitude: 24 and up, below 100
        ("several rockets hit the base", 3, 10),
    ],
)
def test_bounds_ranges_and_vague_counts(text: str, low: float | None, high: float | None) -> None:
    quantity = find_quantities(text)[0]
    assert (quantity.low, quantity.high) == (low, high)


def test_what_happened_to_them_is_the_role() -> None:
    assert only("Three people were killed in the blast").key == ("killed", None)
    assert only("the attack, killing 12").key == ("killed", None)
    assert only("The death toll rose to 20").key == ("killed", None)
    assert only("20 people were wounded").key == ("wounded", None)
    assert only("5,000 people marched").key == (None, "people")


def test_two_figures_in_one_sentence() -> None:
    peshmerga, civilians = find_quantities("nine peshmerga and three civilians were killed")
    assert (peshmerga.value, peshmerga.thing) == (9, "peshmerga")
    assert (civilians.value, civilians.thing, civilians.role) == (3, "civilian", "killed")


def test_one_of_several_is_a_part() -> None:
    assert only("one of the strikes hit a school").part_of
    assert not only("one strike hit a school").part_of


@pytest.mark.parametrize(
    "text",
    [
        "On July 8 in Iraq",
        "on 30 June the offensive began",
        "Since 2003 the town has been run by the region",
        "a 45-year-old man was arrested",
        "the suspect, aged 45, was arrested",
        "Brigade 10 took the village",
        "under Article 140 of the constitution",
        "the meeting starts at 10:30",
        "no one was hurt",
        "one another",
    ],
)
def test_dates_years_ages_labels_and_times_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_counts_differ_only_for_the_same_thing() -> None:
    (two,) = find_quantities("two strikes")
    (three,) = find_quantities("three strikes")
    (buildings,) = find_quantities("three buildings")
    (at_least_two,) = find_quantities("at least two strikes")
    assert counts_differ(two, three)
    assert not counts_differ(two, buildings)
    assert not counts_differ(three, at_least_two)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("the ministry said on Friday that the flood on Feb. 27 killed 12 people", [12]),
        ("the Feb. 25 bombing left three people dead", [3]),
        ("on 27 February 12 people died", [12]),
        ("February 27th: 12 were killed", [12]),
        ("on the 27th, 12 were killed", [12]),
        ("the 27th of February saw nine deaths", [9]),
        ("a 27-year-old man and two children were killed", [2]),
        ("in 2019, 14 miners died", [14]),
        ("at 10:30 five people were wounded", [5]),
    ],
)
def test_a_date_beside_a_count_is_never_read_as_one(text: str, figures: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == figures


def test_a_month_that_is_also_a_word_needs_its_capital() -> None:
    assert find_quantities("On 12 May the bridge closed") == []
    may = only("12 people may have died in the blast")
    assert (may.value, may.key) == (12, ("killed", None))


@pytest.mark.parametrize("text", ["several people were killed", "dozens of houses collapsed", "a few soldiers died"])
def test_vague_words_are_marked_vague(text: str) -> None:
    quantity = only(text)
    assert quantity.vague and quantity.value is None


def test_exact_counts_are_not_vague() -> None:
    assert not only("12 people were killed").vague
    assert not only("half a dozen people were killed").vague  # one figure: six


@pytest.mark.parametrize(
    "text",
    [
        "the attack killed 12 people, bringing the number killed this month to 40",
        "Since the start of the conflict, 400 people have been killed",
        "more than 300 soldiers have died in such attacks since 2015",
        "the number of civilians killed rose to 95 this year",
        "in recent months 60 police officers were killed",
    ],
)
def test_a_running_total_is_cumulative(text: str) -> None:
    *_, total = find_quantities(text)
    assert total.cumulative


@pytest.mark.parametrize(
    "text",
    [
        "the attack killed 12 people, bringing the number killed this month to 40",
        "the deadliest attack this year killed 30 people",
        "the death toll rose to 14, bringing the total so far to 14",
        "Since Monday, 12 people have died in the floods",
        "12 people were killed on Monday, the worst attack this year",
    ],
)
def test_one_incidents_toll_is_not_cumulative(text: str) -> None:
    first = find_quantities(text)[0]
    assert not first.cumulative


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ten soldiers were killed", "Nine army troops died"),
        ("ten police officers were killed", "nine policemen were killed"),
        ("three servicemen died", "two soldiers were killed"),
        ("two gunmen were shot dead", "three attackers were killed"),
    ],
)
def test_counts_of_the_same_victims_compare_whatever_the_word(a: str, b: str) -> None:
    first, second = only(a), only(b)
    assert first.key == second.key
    assert counts_differ(first, second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ten soldiers were killed", "nine civilians were killed"),
        ("ten soldiers were killed", "nine police officers were killed"),
        ("ten soldiers were killed", "nine soldiers were wounded"),
        ("the attack killed 12 people", "the attack killed 12 people, bringing the number killed this month to 40"),
    ],
)
def test_other_victims_roles_or_totals_are_not_compared(a: str, b: str) -> None:
    first, *_ = find_quantities(a)
    *_, second = find_quantities(b)
    assert not first.comparable(second)
    assert not counts_differ(first, second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role word belongs to the number it follows, not to the next count
        ("the death toll had reached 38, with 57 wounded", [(38, "killed"), (57, "wounded")]),
        ("the blast killed 30, wounded 50 and left 200 families homeless", [(30, "killed"), (50, "wounded"),
                                                                           (200, None)]),
        ("eighty people were killed, 300 injured and 2,000 children orphaned",
         [(80, "killed"), (300, "wounded"), (2000, None)]),
        # "are believed to have been" does not use up the reach of the role
        ("as many as 90 people in the valley are believed to have been killed", [(90, "killed")]),
        ("5,000 people marched in protest against the killing", [(5000, None)]),
    ],
)  # fmt: skip
def test_each_count_takes_its_own_role(text: str, expected: list) -> None:
    assert [(q.high, q.role) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("the ministry arrested 18 other suspects", "suspect"),
        ("four Iraqis were detained", "iraqi"),
        ("three attackers were shot", "gunman"),  # the same people as gunmen
        ("two suicide bombers blew themselves up", "bomber"),
        ("the 4,000 figure given was too high", "figure"),
        ("the firm will cut 18 per cent of its staff", "percent"),
    ],
)
def test_the_thing_counted_is_the_noun_as_counted(text: str, thing: str) -> None:
    assert find_quantities(text)[0].key[1] == thing


@pytest.mark.parametrize("text", ["the H1N1 strain spread", "a G20 summit", "the meeting is at 10am"])
def test_digits_written_into_a_word_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_a_round_figure_agrees_with_just_over_it_but_not_with_another_figure() -> None:
    (three_hundred,) = find_quantities("300 were injured")
    (over,) = find_quantities("more than 300 were wounded")
    (four_hundred,) = find_quantities("400 were wounded")
    (thirty,) = find_quantities("30 were wounded")
    (over_thirty,) = find_quantities("more than 30 were wounded")
    assert three_hundred.overlaps(over)
    assert counts_differ(three_hundred, four_hundred)
    assert counts_differ(thirty, over_thirty)  # 30 is exact: "more than 30" says otherwise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the death toll was between 4,000 and 8,500, far below the official figure of 31,000",
         [(4000, 8500), (31000, 31000)]),
        ("hundreds were killed, but the 4,000 figure was inflated", [(100, 1000), (4000, 4000)]),
        ("the ministry said the number of dead was 1,700", [(1700, 1700)]),
    ],
)  # fmt: skip
def test_a_figure_noun_takes_the_role_named_earlier_in_the_sentence(text: str, expected: list) -> None:
    found = find_quantities(text)
    assert [(q.low, q.high) for q in found] == expected
    assert {q.role for q in found} == {"killed"}


def test_a_figure_noun_without_a_role_in_the_sentence_counts_no_victims() -> None:
    (found,) = find_quantities("the firm gave a figure of 2,000")
    assert (found.value, found.thing, found.role) == (2000, "figure", None)  # a figure, not a toll


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the toll rose from 12 to 20", [(12, True), (20, False)]),
        ("the toll has climbed from just over 60 to 88", [(61, True), (88, False)]),
        ("the agency revised its toll to four from 11", [(4, False), (11, True)]),
        ("the figure was up on an initial estimate of 20 dead", [(20, True)]),
        ("12 people were killed", [(12, False)]),
        ("people from 40 villages fled", [(40, False)]),
    ],
)
def test_a_figure_the_statement_has_moved_on_from_is_earlier(text: str, expected: list) -> None:
    assert [(q.low, q.earlier) for q in find_quantities(text)] == expected


def test_a_change_is_not_a_range() -> None:
    assert [(q.low, q.high) for q in find_quantities("the toll rose from 12 to 20")] == [(12, 12), (20, 20)]
    assert [(q.low, q.high) for q in find_quantities("12 to 20 people were killed")] == [(12, 20)]


def test_counts_that_meet_at_one_figure_overlap() -> None:
    # 17 is no round figure: the bounds are exactly the figure, and a shared end is a shared count.
    (at_least,) = find_quantities("at least 17 people were killed")
    (exactly,) = find_quantities("17 people were killed")
    (up_to,) = find_quantities("up to 17 people were killed")
    (range_,) = find_quantities("between 11 and 17 people were killed")
    (over,) = find_quantities("more than 17 people were killed")
    assert (at_least.low, up_to.high, range_.high) == (17, 17, 17)
    assert at_least.overlaps(exactly) and exactly.overlaps(at_least)
    assert up_to.overlaps(at_least) and at_least.overlaps(up_to)
    assert range_.overlaps(at_least) and at_least.overlaps(range_)
    assert not over.overlaps(exactly) and not over.overlaps(range_)


def test_a_whole_number_is_the_rounding_of_a_figure_with_decimals() -> None:
    (precise,) = find_quantities("Tamm won 52.3 percent of the vote")
    (whole,) = find_quantities("Tamm won 52% of the vote")
    (other,) = find_quantities("Tamm won 53% of the vote")
    assert precise.overlaps(whole) and whole.overlaps(precise)
    assert not precise.overlaps(other) and not other.overlaps(precise)
    assert not whole.overlaps(other)  # two whole numbers: no rounding between them


def test_round_bounds_of_one_figure_agree() -> None:
    (as_many_as,) = find_quantities("as many as 2,000 people were killed")
    (more_than,) = find_quantities("more than 2,000 people were killed")
    (up_to_150,) = find_quantities("up to 150 people were killed")
    assert as_many_as.overlaps(more_than)
    assert not up_to_150.overlaps(more_than)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack on Tuesday killed 14, including three children", [(14, "killed", None), (3, "killed", "child")]),
        ("the strike killed 33 people including 12 children and wounded 58",
         [(33, "killed", "people"), (12, "killed", "child"), (58, "wounded", None)]),
        ("the blast killed 14. Including three officers, the unit lost half its men", [(14, "killed", None),
                                                                                       (3, None, "officer")]),
    ],
)  # fmt: skip
def test_a_share_introduced_by_including_takes_the_role_of_its_total(text: str, expected: list) -> None:
    assert [(q.value, q.role, q.thing) for q in find_quantities(text)] == expected


def test_an_abbreviations_full_stop_does_not_end_the_clause() -> None:
    assert [(q.value, q.role) for q in find_quantities("The toll from the Sept. 11 attacks was 2,977")] == [
        (2977, "killed")
    ]


def test_a_decimal_figure_counts_no_victims() -> None:
    found = find_quantities("a 5.6 magnitude quake killed 7")
    assert [(q.value, q.role) for q in found] == [(5.6, None), (7, "killed")]


def test_only_casualty_counts_are_running_totals() -> None:
    assert only("the firm will cut 8,000 jobs this year").cumulative is False
    assert only("this year 40 soldiers have been killed").cumulative is True


def test_a_percentage_counts_percent_whatever_its_spelling() -> None:
    assert only("she won 47.9% of the vote").key == (None, "percent")
    assert only("she won 52 percent of the vote").key == (None, "percent")
    assert only("she won 52 per cent of the vote").key == (None, "percent")


def test_jobs_workers_and_employees_are_one_count() -> None:
    assert only("the company will cut 8,000 jobs").key == only("the firm laid off 7,500 workers").key
    assert only("up to 9,400 employees").key == (None, "worker")


@pytest.mark.parametrize(
    "text",
    ["officials fear another 200,000 could be dead", "an additional 12 people died", "12 more bodies were found",
     "the blast wounded 12 others"],
)
def test_a_count_added_to_another_is_a_part_not_a_toll(text: str) -> None:
    assert only(text).part_of


def test_a_toll_is_not_a_part() -> None:
    assert not only("120,000 people are dead").part_of


@pytest.mark.parametrize(
    "text",
    ["officials expect the confirmed death toll from the flood to top 1,500",
     "the council told reporters it expected some 1,500 dead by the weekend",
     "1,500 are expected to die"],
)
def test_an_expected_figure_is_a_forecast(text: str) -> None:
    assert only(text).forecast


def test_a_figure_that_could_be_higher_is_no_forecast() -> None:
    assert not only("the deaths could climb to more than 900").forecast
    assert not only("12 people were killed, as officials had expected").forecast


@pytest.mark.parametrize(
    "text",
    ["Updated 2025-03-14: the number of casualties has risen to 30", "the toll rose to 30 on 14/03/2025",
     "In the 2024-25 season 30 players were injured", "COVID-19 has killed 30 people in the province"],
)
def test_a_date_or_a_code_written_in_digits_is_no_count(text: str) -> None:
    assert [q.value for q in find_quantities(text)] == [30]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The department released two station security camera videos on Friday", (None, "video")),
        ("the ward has three hospital beds left", (None, "bed")),
        ("The sheriff released two doorbell camera videos", (None, "video")),
        ("the inquiry released 12 pages of its findings", (None, "page")),
        ("the rebels captured three tanks near the border", (None, "tank")),
        ("four people were killed in two strikes", (None, "strike")),  # the strikes killed no one
    ],
)
def test_a_noun_before_the_counted_noun_and_a_role_done_to_things_are_not_counts_of_people(
        text: str, key: tuple) -> None:
    assert find_quantities(text)[-1].key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the gunmen freed 12 hostages", ("freed", "hostage")),
        ("three police were wounded", ("wounded", "police officer")),
        ("12 civilians killed", ("killed", "civilian")),
        ("there were 12 civilian deaths", ("killed", "civilian")),  # "deaths" names the role, not the thing
        ("four hospital workers were killed", ("killed", "worker")),
    ],
)
def test_counts_of_people_keep_their_noun_and_role(text: str, key: tuple) -> None:
    assert only(text).key == key


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the ministry counts 88 suspected deaths from the fever", "suspected"),
        ("there have been only five laboratory-confirmed deaths", "confirmed"),
        ("Up to 88 residents are believed to have died of the fever", "suspected"),
        ("the probable death toll in the northern district climbed from 61 to 88", "suspected"),
        ("the minister cut the confirmed toll to five from 11", "confirmed"),
        ("two suspected smugglers were shot dead at the border", None),  # who they were, not how counted
        ("the fever has killed 11 people", None),
    ],
)  # fmt: skip
def test_a_count_says_whether_it_is_confirmed_or_suspected(text: str, kind: str | None) -> None:
    assert find_quantities(text)[-1].kind == kind


def test_people_in_hospital_are_counted_apart_from_cases_and_deaths() -> None:
    assert only("some 70 people were still in hospital").key == ("hospitalised", None)
    assert only("about 900 people have been hospitalised").key == ("hospitalised", None)
    assert only("nine people died in hospital").key == ("killed", None)
    assert only("900 suspected cases were reported").key == (None, "case")


def test_a_figure_named_to_be_disputed_is_not_the_speakers_count() -> None:
    disputed = only('the toll "could be far higher" than the official figure of 90')
    assert disputed.earlier
    assert not only("the toll is now 90").earlier


def test_a_figure_weighed_against_what_is_expected_is_no_count() -> None:
    assert only("he said 40,000 job cuts would be more than analysts expect").forecast
    assert not only("12 people were killed in an attack officials had expected").forecast


def test_a_correction_is_read_as_one() -> None:
    corrected = only("the office said that, owing to a misprint, the number should have been 14,000")
    assert (corrected.value, corrected.corrects) == (14000, True)
    assert only("the toll was revised to 14,000 after a clerical error was found").corrects
    assert not only("the number was 14,000").corrects


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the carmaker plans to cut 6,000 jobs this year", ("cut", None)),  # a plan, not a running total
        ("the bank laid off 2,500 staff", ("cut", None)),
        ("union leaders fear 30,000 job cuts", ("cut", None)),
        ("the airline will lay off 9 percent of its workforce, or about 4,000 employees", ("cut", None)),
        ("the carmaker created 6,000 jobs", (None, "worker")),
    ],
)  # fmt: skip
def test_job_cuts_are_counted_however_worded(text: str, key: tuple) -> None:
    found = find_quantities(text)[-1]
    assert (found.key, found.cumulative) == (key, False)


def test_a_figure_named_as_the_number_of_a_casualty_takes_its_role() -> None:
    count = only("Until now the number of villagers killed in the raid has not exceeded about 60")
    assert (count.key, count.low, count.high) == (("killed", None), None, 66)
    assert only("the number of people detained rose to 80 on Friday").key == ("arrested", None)
    assert find_quantities("the number of schools reopened rose to 30") == []


def test_a_bound_on_a_rough_figure_keeps_both() -> None:
    assert (only("at least some 40 people died").low, only("at least some 40 people died").high) == (36, None)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("nine people were killed or wounded in the blast", ["casualties"]),
        ("the blast left 30 dead or injured", ["casualties"]),
        ("the blast killed nine and wounded 30", ["killed", "wounded"]),
        ("nine people died and 30 were injured", ["killed", "wounded"]),
    ],
)  # fmt: skip
def test_killed_or_wounded_together_are_casualties_never_the_killed(text: str, roles: list) -> None:
    assert [q.role for q in find_quantities(text)] == roles


def test_a_role_after_another_clause_is_not_the_counts() -> None:
    found = find_quantities("The ministry said 900 people had been infected and 45 had died; 70 remain in hospital")
    assert [q.key for q in found] == [("infected", None), ("killed", None), ("hospitalised", None)]
    assert [q.role for q in find_quantities("12 and 30 were killed")] == ["killed", "killed"]


def test_positions_cut_are_job_cuts() -> None:
    assert only("the insurer will eliminate about 1,500 positions").role == "cut"


def test_a_role_word_right_after_another_number_is_that_numbers() -> None:
    found = find_quantities("The agency reported 640 new cases and 11 deaths on Monday")
    assert [q.key for q in found] == [(None, "case"), ("killed", None)]
    assert only("no more than 2,000 staff would be let go").key == ("cut", None)


@pytest.mark.parametrize(
    ("text", "provisional"),
    [
        ("we have so far found six bodies", True),
        ("six bodies have been found so far, police said", True),
        ("By nightfall, rescuers had found six bodies", True),
        ("As of now, nine people are confirmed dead", True),
        ("six bodies had been found by late Tuesday", True),
        ("By Monday evening, rescuers had found six bodies", True),
        ("40 people were killed by Monday's blast", False),
        ("12 people were killed by the floods", False),
        ("six bodies have been found", False),
        ("six bodies were found on Monday; the search goes on so far as the weather allows", False),
        ("so far this year, 40 soldiers have been killed", False),
    ],
)
def test_a_count_given_as_the_count_so_far_is_provisional(text: str, provisional: bool) -> None:
    assert find_quantities(text)[0].provisional is provisional


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("police figures put the demonstrators' numbers at only 25,000", "demonstrator"),
        ("the marchers’ numbers were put at 4,000 by the city", "marcher"),
        ("the organisers' numbers put the crowd at 120,000", "figure"),  # organisers count, are not counted
        ("police put the number of demonstrators at 25,000", "demonstrator"),
        ("the protesters' number was put at 25,000", "protester"),
        ("the organisers said up to 120,000 people had joined the protest", "protester"),
        ("more than 5,000 people took part in the rally", "protester"),
        ("200 people were arrested at the protest", "people"),  # arrested: what happened to them
        ("the police's numbers put the crowd at 25,000", "figure"),  # the police's estimate
        ("police put the numbers at 25,000", "figure"),
    ],
)
def test_numbers_named_by_the_people_they_count_count_those_people(text: str, thing: str | None) -> None:
    found = find_quantities(text)
    assert (found[0].thing if found else None) == thing


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("30 salespeople were laid off", ("cut", None)),
        ("the firm laid off 50 salesmen", ("cut", None)),
        ("30 sales employees were laid off", ("cut", None)),
        ("30 sales staff were laid off", ("cut", None)),
        ("12 Germans were killed", ("killed", "german")),  # no trade: a nationality
        ("12 policemen were killed", ("killed", "police officer")),  # listed: its own group
    ],
)
def test_people_of_a_trade_in_one_word_laid_off_are_the_job_cuts(text: str, key: tuple) -> None:
    assert find_quantities(text)[0].key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("12 killed and 30 taken to hospital", ("hospitalised", None)),
        ("12 brought to hospital after the crash", ("hospitalised", None)),
        ("70 patients were in hospital with the fever", ("hospitalised", None)),
        ("four children were taken to hospital", ("hospitalised", "child")),
    ],
)
def test_a_participle_after_a_count_is_not_the_thing_counted(text: str, key: tuple) -> None:
    assert find_quantities(text)[-1].key == key


def test_lives_claimed_count_the_dead() -> None:
    (lives,) = find_quantities("the attack on the college has claimed 131 lives")
    (dead,) = find_quantities("131 people have died in the blast at the depot")
    assert lives.key == dead.key == ("killed", None)
