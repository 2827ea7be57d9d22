"""Number conflicts on real-copy wording: the same victims named differently, dates beside tolls,
vague words and running totals."""

from __future__ import annotations

import pytest

from quotetrack.conflicts import Verdict, compare
from quotetrack.evidence import Counts
from quotetrack.models import Speaker, Statement


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
