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
        ("12 to 40 militants", 12, 40),
        ("between 12 and 40 fighters", 12, 40),
        ("about 300 families", 270, 330),
        ("dozens of civilians were wounded", 24, None),
        ("several rockets hit the base", 3, 12),
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
