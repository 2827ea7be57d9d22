"""Reported figures: what counts as a figure, who it is credited to, and how a row is graded."""

from datetime import date

import pytest

from quotetrack.figures import Figure, cited_source, figure_rows, origin_of, read_figures
from quotetrack.models import Source, Speaker, Statement
from quotetrack.text import find_quantities

OUTLETS = ["Zagros Wire", "Nahrain Daily", "Hawar Post"]


def statement(text, speaker="Qasrok police", outlet="Nahrain Daily", day="2026-03-02", id=1, context=None):
    return Statement(id=id, text=text, speaker=Speaker(name=speaker), context=context,
                     source=Source(outlet=outlet, published=date.fromisoformat(day)))


def figures(text, **kwargs):
    return [(f.quantity.role, f.quantity.thing, f.to_dict()["shown"], f.derived)
            for f in read_figures(statement(text, **kwargs), OUTLETS)]


@pytest.mark.parametrize("text, expected", [
    ("12 people were killed in the blast", [("killed", "people", "12", False)]),
    ("Twelve people died in the blast", [("killed", "people", "12", False)]),
    ("at least 12 people were killed", [("killed", "people", "12+", False)]),
    ("more than 30 were wounded", [("wounded", None, "31+", False)]),
    ("dozens of people were wounded", [("wounded", "people", "dozens of people", False)]),
    ("between 12 and 40 militants were killed", [("killed", "militant", "12–40", False)]),
    ("the strikes killed 12 to 40 fighters", [("killed", "fighter", "12–40", False)]),
    ("the death toll from Monday's bombing had risen to fourteen", [("killed", None, "14", False)]),
    ("coalition aircraft conducted two strikes", [(None, "strike", "2", False)]),
    ("the blast destroyed three buildings", [(None, "building", "3", False)]),
])
def test_each_figure_pattern(text, expected):
    assert figures(text) == expected


def test_a_split_count_gives_two_figures_and_their_total():
    assert figures("nine peshmerga and three civilians were killed") == [
        ("killed", "peshmerga", "9", False), ("killed", "civilian", "3", False), ("killed", None, "12", True),
    ]
    # With a total given, nothing is added up.
    assert [f[2] for f in figures("12 were killed: nine soldiers and three civilians")] == ["12", "9", "3"]


def test_bodies_count_the_killed_and_a_role_is_not_shared_with_them():
    found = read_figures(statement("We received seven bodies and dozens of wounded"), OUTLETS)
    assert [(f.key, f.to_dict()["shown"]) for f in found] == [
        (("killed", None), "7"), (("wounded", None), "dozens of wounded"),
    ]


@pytest.mark.parametrize("text", [
    "The bomb went off on 2 March 2026 at 10:30.",          # a date and a time
    "In 2003 the market was rebuilt.",                      # a year
    "a 45-year-old shopkeeper was among them",              # an age
    "The victim, aged 45, ran a stall.",                     # an age
    "Brigade 10 manned the checkpoint.",                     # a unit number
    "Article 140 of the constitution was cited.",            # a document number
    "He was one of the strikes' planners",                   # a part, not a count
])
def test_numbers_that_are_not_counts(text):
    assert figures(text) == []


def test_a_cited_outlet_gets_the_figure():
    assert cited_source("Zagros Wire said on its website that 12 died", OUTLETS, "Hawar Post") == "Zagros Wire"
    assert cited_source("12 died, according to the Associated Press", OUTLETS, None) == "Associated Press"
    # "X said" cites X only when X is an outlet on record; a person saying it is no citation.
    assert cited_source("Colonel Dara said 12 died", OUTLETS, None) is None
    assert cited_source("12 died, according to police", OUTLETS, None) is None
    # Its own outlet is not a citation.
    assert cited_source("according to Hawar Post, 12 died", OUTLETS, "Hawar Post") is None


def test_origin_is_the_cited_outlet_then_the_speaker():
    by_speaker = statement("12 were killed", speaker="Zagros Wire", outlet="Hawar Post")
    assert origin_of(by_speaker, OUTLETS) == ("Zagros Wire", True)
    in_context = statement("12 were killed", speaker="Hawar Post", outlet="Hawar Post",
                           context="Zagros Wire reported that 12 were killed.")
    assert origin_of(in_context, OUTLETS) == ("Zagros Wire", True)
    plain = statement("12 were killed", speaker="Lana Baziani", outlet="Hawar Post")
    assert origin_of(plain, OUTLETS) == ("Lana Baziani", False)


def figure(value, origin, day, id, outlet="Nahrain Daily", text=None, cited=False):
    [q] = find_quantities(text or f"{value} people were killed")
    return Figure(statement_id=id, quantity=q, speaker=origin, outlet=outlet,
                  reported_on=date.fromisoformat(day), origin=origin, cited=cited)


def grade(*items):
    [row] = figure_rows(items)
    return row.status, row.sources, row.range_text, [f.statement_id for f in row.figures]


def test_a_toll_rising_over_the_days_is_a_progression_not_a_dispute():
    assert grade(figure(7, "Ministry", "2026-03-02", 1), figure(12, "Police", "2026-03-03", 2),
                 figure(14, "Mayor", "2026-03-04", 3)) == ("rising", 3, "7–14", [1, 2, 3])


def test_independent_sources_disagreeing_on_one_day_are_contested():
    assert grade(figure(7, "Ministry", "2026-03-02", 1),
                 figure(12, "Police", "2026-03-02", 2))[0] == "contested"
    # A later, lower figure from another source is a dispute too.
    assert grade(figure(12, "Police", "2026-03-02", 1),
                 figure(7, "Ministry", "2026-03-03", 2))[0] == "contested"


def test_one_source_revising_its_figure_is_not_contested():
    assert grade(figure(12, "Police", "2026-03-02", 1), figure(7, "Police", "2026-03-03", 2))[:2] == (
        "single source", 1)


def test_figures_that_can_both_be_true_agree():
    assert grade(figure(12, "Police", "2026-03-02", 1, text="at least 12 people were killed"),
                 figure(15, "Ministry", "2026-03-02", 2)) == ("agreed", 2, "12–15", [1, 2])


def test_a_figure_cited_from_an_outlet_goes_back_to_its_origin():
    own = figure(12, "Police", "2026-03-02", 1, outlet="Zagros Wire")
    cited = figure(12, "Zagros Wire", "2026-03-03", 2, outlet="Hawar Post", cited=True)
    [row] = figure_rows([own, cited])
    assert [(f.origin, f.via) for f in row.figures] == [("Police", None), ("Police", "Zagros Wire")]
    assert row.sources == 1 and row.status == "single source"
