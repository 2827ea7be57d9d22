"""Dates at the ends of the calendar: a relative date that falls outside it stays unresolved;
nothing crashes, no year 0 or 10000 appears."""

import json
from datetime import date

import pytest

from quotetrack import store
from quotetrack.incidents import Period, _period
from quotetrack.text import find_dates
from quotetrack.text.dates import days_after

LAST, FIRST = date(9999, 12, 31), date(1, 1, 1)
PHRASES = ["next year", "last year", "next month", "last month", "next week", "last week", "tomorrow",
           "yesterday", "on Monday", "next Monday", "last Friday", "in January", "next March",
           "last December", "on Saturday last week", "in January last year", "Dec. 31", "Jan. 1"]


@pytest.mark.parametrize("anchor", [LAST, date(9999, 12, 25), FIRST, date(1, 1, 5)])
@pytest.mark.parametrize("phrase", PHRASES)
def test_a_relative_date_past_the_calendar_is_left_unresolved(anchor, phrase):
    mentions = find_dates(f"The mayor spoke {phrase} about it.", anchor)
    assert mentions
    for mention in mentions:
        assert mention.value is None or abs((mention.value - anchor).days) <= 2 * 366


def test_inside_the_calendar_relative_dates_still_resolve():
    assert find_dates("It opens next year.", date(9998, 6, 1))[0].value == date(9999, 1, 1)
    assert find_dates("It closed last month.", date(1, 2, 5))[0].value == date(1, 1, 1)
    assert find_dates("It opens next year.", LAST)[0].value is None
    assert find_dates("It closed last month.", date(1, 1, 5))[0].value is None


def test_days_after_stops_at_the_ends():
    assert days_after(LAST, 1) is None and days_after(FIRST, -1) is None
    assert days_after(LAST, -1) == date(9999, 12, 30)


def test_periods_at_the_ends_of_the_calendar():
    assert _period(LAST, "month") == Period(date(9999, 12, 1), LAST)
    assert _period(date(9999, 12, 30), "week") == Period(date(9999, 12, 27), LAST)
    assert _period(date(2024, 2, 10), "month") == Period(date(2024, 2, 1), date(2024, 2, 29))


ARTICLE = ('Mayor Ines Alvarado said the bridge will reopen next year. She said on Monday that tomorrow '
           '40 workers start. "We hired 30 people last month," Alvarado said.\n')


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-05", "0001-01-01", "9999-12-25"])
def test_ingest_at_the_ends_of_the_calendar(run, tmp_path, published):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("ingest", path, "--published", published, "--yes", "--json")
    assert result.exit_code == 0, result.output
    statements = json.loads(result.stdout)["statements"]
    assert len(statements) >= 2
    days = [s[k] for s in statements for k in ("said_on", "event_date") if s[k]]
    assert all("0001-01-01" <= day <= "9999-12-31" for day in days)
    assert run("conflicts", "--rescan").exit_code == 0
    assert run("report").exit_code == 0


@pytest.mark.parametrize("said_on", ["9999-12-31", "0001-01-01"])
def test_add_at_the_ends_of_the_calendar(run, said_on):
    for text in ("The bridge opens next year, 40 workers said.", "The bridge closed last month and last week."):
        result = run("add", text, "--speaker", "Ines Alvarado", "--said-on", said_on)
        assert result.exit_code == 0, result.output
        assert "too large" not in result.output
    assert store.count_statements(store.open_record()) == 2
