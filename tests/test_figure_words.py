"""An event's figure table on real-copy wording: vague words stay words, running totals stay out."""

from __future__ import annotations

from datetime import date

from quotetrack.figures import figure_rows, read_figures
from quotetrack.models import Source, Speaker, Statement


def statement(text: str, id: int, speaker: str = "Police") -> Statement:
    return Statement(id=id, text=text, speaker=Speaker(name=speaker),
                     source=Source(outlet="Harbour Courier", published=date(2026, 3, 2)))  # fmt: skip


def rows(*texts: str) -> list:
    figures = [f for n, text in enumerate(texts, 1) for f in read_figures(statement(text, n, f"Source {n}"))]
    return figure_rows(figures)


def test_several_is_shown_as_the_word_not_as_a_range() -> None:
    (row,) = rows("Several people were killed in the blast")
    assert row.range_text == "Several people"
    assert "3" not in row.range_text


def test_a_vague_word_does_not_widen_the_range_of_figures() -> None:
    (row,) = rows("Several people were killed in the blast", "Nine people were killed in the blast")
    assert (row.low, row.high, row.range_text) == (9, 9, "9")


def test_a_date_is_not_a_figure() -> None:
    (row,) = rows("The interior ministry said on Friday that the flood on Feb. 27 killed 12 people")
    assert row.range_text == "12"


def test_a_running_total_is_left_out_of_the_incident() -> None:
    (row,) = rows("The bombing killed 12 people, bringing the number killed this month to 40")
    assert row.range_text == "12"


def test_a_vague_word_does_not_contest_a_figure() -> None:
    (row,) = rows("Several people were killed in the blast", "Forty people were killed in the blast")
    assert row.status == "agreed"
    (row,) = rows("Twelve people were killed in the blast", "Forty people were killed in the blast")
    assert row.status == "contested"


def test_a_superseded_figure_is_left_out() -> None:
    (row,) = rows("Police said 14 people were killed in the blast, up from an earlier figure of nine")
    assert row.range_text == "14"


def test_an_expected_figure_is_left_out() -> None:
    (row,) = rows("Officials expect the toll to top 1,500; so far 900 people have died")
    assert row.range_text == "900"


def test_confirmed_and_suspected_counts_are_two_rows_not_one_range() -> None:
    found = rows("The ministry counts 88 suspected deaths from the fever",
                 "There have been only five laboratory-confirmed deaths from the fever",
                 "The fever has killed 30 people")  # fmt: skip
    by_label = {row.label: row.range_text for row in found}
    assert by_label == {"killed (suspected)": "88", "killed (confirmed)": "5", "killed": "30"}
    assert next(row for row in found if row.kind == "confirmed").to_dict()["kind"] == "confirmed"
