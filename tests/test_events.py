"""Events and their figure tables through the CLI, on one invented incident.

tests/fixtures/qasrok-bombing.jsonl: a car bomb at the market in Qasrok (also spelled Qasruk),
reported by five outlets over two days, with the toll as digits, words, "at least", a split
count and one outlet citing another; plus a mortar round in Qasrok two months earlier and a
drone strike elsewhere on the same day, which are other events.
"""

from datetime import date
from pathlib import Path

import pytest
from conftest import as_json

from quotetrack.events import find_places, group, same_place
from quotetrack.models import Source, Speaker, Statement
from quotetrack.text import default_normalizer

FIXTURE = Path(__file__).parent / "fixtures" / "qasrok-bombing.jsonl"
ARTICLES = Path(__file__).parent / "fixtures" / "qasrok-articles"
OUTLETS = {"nahrain-daily": "Nahrain Daily", "zagros-wire": "Zagros Wire", "hawar-post": "Hawar Post",
           "rafidain-tv": "Rafidain TV", "tigris-monitor": "Tigris Monitor"}


@pytest.fixture
def bombing(run):
    result = run("import", FIXTURE)
    assert result.exit_code == 0, result.output
    return run


def the_bombing(run):
    [event] = [e for e in as_json(run("events", "--json")) if e["statements"] > 2]
    return event


def test_events_lists_the_incident_with_its_place_days_sources_and_conflicts(bombing):
    events = as_json(bombing("events", "--json"))
    event = the_bombing(bombing)
    assert event["place"] == "Qasrok"
    assert (event["first_day"], event["last_day"]) == ("2026-03-02", "2026-03-03")
    assert event["statements"] == 7
    assert event["sources"] == ["Nahrain Daily", "Zagros Wire", "Hawar Post", "Rafidain TV", "Tigris Monitor"]
    assert event["open_conflicts"] >= 1
    # The mortar round two months earlier in the same town, and the drone strike elsewhere, are other events.
    others = sorted((e["place"], e["first_day"]) for e in events if e["id"] != event["id"])
    assert others == [("Qasrok", "2026-01-05"), ("Sarbani", "2026-03-02")]


def test_events_are_listed_largest_first(bombing):
    # A flood a week later is the latest event; the bombing, told by five outlets, still leads.
    for outlet in ("Nahrain Daily", "Zagros Wire"):
        added = bombing("add", "The flood in Sarbani destroyed forty houses", "--speaker", "Sarbani council",
                        "--outlet", outlet, "--event-date", "2026-03-10", "--place", "Sarbani")
        assert added.exit_code == 0, added.output
    events = as_json(bombing("events", "--json"))
    assert max(e["last_day"] for e in events) == "2026-03-10"
    assert [e["statements"] for e in events] == sorted((e["statements"] for e in events), reverse=True)
    assert events[0]["id"] == the_bombing(bombing)["id"]


def test_event_figure_table_has_range_progression_origins_and_grade(bombing):
    event = as_json(bombing("event", the_bombing(bombing)["id"], "--json"))
    rows = {row["thing"]: row for row in event["figures"]}
    killed = rows["killed"]
    assert killed["range"]["text"] == "7–15+"
    assert [(f["reported_on"], f["shown"], f["origin"]) for f in killed["figures"]] == [
        ("2026-03-02", "7", "Qasrok health directorate"),
        ("2026-03-02", "12", "Qasruk police"),          # nine soldiers and three civilians
        ("2026-03-03", "14", "Lana Baziani"),           # "had risen to fourteen"
        ("2026-03-03", "12", "Qasruk police"),          # Rafidain TV citing Zagros Wire
        ("2026-03-03", "15+", "Interior Ministry"),     # "at least 15 ..., according to the Interior Ministry"
    ]
    cited = killed["figures"][3]
    assert (cited["outlet"], cited["cited"], cited["via"]) == ("Rafidain TV", True, "Zagros Wire")
    assert killed["figures"][1]["derived"] is True
    assert killed["independent_sources"] == 4
    assert killed["status"] == "contested" and killed["contested"] is True
    assert rows["killed: soldier"]["range"]["text"] == "9"
    assert rows["killed: civilian"]["range"]["text"] == "3"
    wounded = rows["wounded"]
    assert (wounded["range"]["text"], wounded["independent_sources"], wounded["status"]) == ("31–40", 2, "agreed")
    # The number conflicts among the event's statements are linked from the row they are about.
    numbers = {c["id"] for c in event["conflicts"] if c["type"] == "number"}
    assert numbers and set(killed["conflicts"]) <= numbers and killed["conflicts"]
    # Dates, times, ages and unit numbers gave no figures.
    counted_statements = {f["statement_id"] for row in event["figures"] for f in row["figures"]}
    timeline = event["timeline"]
    assert [s["reported_on"] for s in timeline] == sorted(s["reported_on"] for s in timeline)
    quiet = [s["id"] for s in timeline if s["id"] not in counted_statements]
    assert [s["text"][:24] for s in timeline if s["id"] in quiet] == [
        "The car bomb killed shop", "The bomb hit the market "]


def test_event_renders_timeline_and_figures(bombing):
    result = bombing("event", the_bombing(bombing)["id"])
    assert result.exit_code == 0, result.output
    for words in ("Timeline", "Reported figures", "7–15+", "4 independent sources", "contested", "15+",
                  "via Zagros Wire"):
        assert words in result.stdout


def test_place_filter_matches_spelling_variants(bombing):
    assert {e["place"] for e in as_json(bombing("events", "--place", "Qasruk", "--json"))} == {"Qasrok"}
    assert as_json(bombing("events", "--place", "Kirkuk", "--json")) == []
    recent = as_json(bombing("events", "--since", "2026-03-01", "--json"))
    assert sorted(e["place"] for e in recent) == ["Qasrok", "Sarbani"]


def test_merge_split_and_rename_survive_a_rescan(bombing):
    events = {e["first_day"]: e["id"] for e in as_json(bombing("events", "--json"))
              if e["place"] == "Qasrok"}
    bombing_id, mortar_id = events["2026-03-02"], events["2026-01-05"]
    merged = as_json(bombing("events", "merge", mortar_id, bombing_id, "--json"))
    assert merged["id"] == bombing_id and merged["statements"] == 8
    renamed = as_json(bombing("events", "rename", bombing_id, "Qasrok market bombing", "--json"))
    assert renamed["name"] == "Qasrok market bombing"

    rescanned = as_json(bombing("events", "--rescan", "--json"))
    kept = [e for e in rescanned if e["id"] == bombing_id]
    assert kept and kept[0]["statements"] == 8 and kept[0]["name"] == "Qasrok market bombing"
    assert mortar_id not in {e["id"] for e in rescanned}

    detail = as_json(bombing("event", bombing_id, "--json"))
    mortar = [s["id"] for s in detail["timeline"] if "mortar" in s["text"]]
    split = as_json(bombing("events", "split", bombing_id, *mortar, "--json"))
    assert split["statements"] == 1 and split["first_day"] == "2026-01-05"
    again = {e["id"]: e["statements"] for e in as_json(bombing("events", "--rescan", "--json"))}
    assert again[bombing_id] == 7 and again[split["id"]] == 1
    log = as_json(bombing("log", "--json"))
    assert {"merge", "rename", "split"} <= {c["action"] for c in log if c["entity"] == "event"}


def test_new_statements_join_an_event_without_a_rescan(bombing):
    event = the_bombing(bombing)
    added = bombing("add", "Two more bodies were pulled from the rubble of the market in Qasrok",
                    "--speaker", "Civil Defence", "--outlet", "Hawar Post", "--published", "2026-03-03")
    assert added.exit_code == 0, added.output
    assert the_bombing(bombing)["id"] == event["id"]
    assert the_bombing(bombing)["statements"] == event["statements"] + 1


def test_event_errors_are_one_line(bombing):
    missing = bombing("event", 999)
    assert missing.exit_code == 1 and "no event with id 999" in missing.stderr
    event = the_bombing(bombing)["id"]
    same = bombing("events", "merge", event, event)
    assert same.exit_code == 1 and "two different events" in same.stderr
    stray = bombing("events", "split", event, 9999)
    assert stray.exit_code == 1 and "not in event" in stray.stderr
    empty = bombing("events", "rename", event, "   ")
    assert empty.exit_code == 1 and "Error:" in empty.stderr


def report_of(id, text, place=None, day="2026-03-02", outlet="Nahrain Daily", source_id=1):
    return Statement(id=id, text=text, place=place, speaker=Speaker(name="Reporter"),
                     source=Source(id=source_id, outlet=outlet, published=date.fromisoformat(day)))


def test_grouping_reads_spelling_variants_and_the_terms_table():
    normalizer = default_normalizer()
    assert same_place("Qasrok", "Qasruk", normalizer)
    assert same_place("Makhmour", "Makhmur", normalizer)  # the terms table
    assert not same_place("Qasrok", "Kirkuk", normalizer)
    statements = [
        report_of(1, "A car bomb killed seven people in Qasrok", source_id=1),
        report_of(2, "The car bomb in Qasruk killed twelve", source_id=2, day="2026-03-03"),
        report_of(3, "A car bomb killed two people in Qasrok", source_id=3, day="2026-05-20"),  # weeks later
        report_of(4, "A car bomb killed two people in Kirkuk", source_id=4),  # another town
        report_of(5, "Farmers in Qasrok planted wheat", source_id=5),  # nothing shared but the town
    ]
    assert group(statements, normalizer) == [[1, 2], [3], [4]]


def test_a_statement_naming_no_place_joins_its_articles_event():
    statements = [
        report_of(1, "A car bomb killed seven people at the market in Qasrok", source_id=1),
        report_of(2, "The car bomb went off as shoppers gathered", source_id=1),
        report_of(3, "The weather was fine", source_id=1),
    ]
    assert group(statements, default_normalizer()) == [[1, 2]]


def test_the_incident_from_five_ingested_articles(run):
    """The same incident as five articles through the extractor, as a newsroom would record it."""
    for path in sorted(ARTICLES.glob("*.txt")):
        slug, _, day = path.stem.rpartition("-2026")
        result = run("ingest", path, "--outlet", OUTLETS[slug], "--published", "2026" + day, "--yes")
        assert result.exit_code == 0, result.output
    [event] = [e for e in as_json(run("events", "--json")) if e["statements"] > 2]
    assert sorted(event["sources"]) == sorted(OUTLETS.values())
    figures = {row["thing"]: row for row in as_json(run("event", event["id"], "--json"))["figures"]}
    killed = figures["killed"]
    assert killed["range"]["text"] == "7–15+" and killed["status"] == "contested"
    by_outlet = {f["outlet"]: f for f in killed["figures"]}
    assert (by_outlet["Rafidain TV"]["shown"], by_outlet["Rafidain TV"]["via"]) == ("12", "Zagros Wire")
    assert by_outlet["Rafidain TV"]["origin"] == by_outlet["Zagros Wire"]["origin"]
    assert (by_outlet["Tigris Monitor"]["shown"], by_outlet["Tigris Monitor"]["origin"]) == ("15+", "Interior Ministry")
    assert (by_outlet["Hawar Post"]["shown"], by_outlet["Hawar Post"]["origin"]) == ("14", "Lana Baziani")
    assert by_outlet["Zagros Wire"]["derived"] is True  # nine soldiers and three civilians
    assert killed["independent_sources"] == len({f["origin"] for f in killed["figures"]}) == 5
    assert [f["reported_on"] for f in killed["figures"]] == sorted(f["reported_on"] for f in killed["figures"])
    # "at 10:30 on 2 March 2026, two years after … in 2024", "a 45-year-old", "Brigade 10": no figures.
    assert set(figures) == {"killed", "wounded", "killed: soldier", "killed: civilian"}


def test_a_month_or_a_day_of_the_week_is_no_place():
    assert find_places("The dam near Norvale was inspected in March and again in Sept. last year") == ["Norvale"]
    assert find_places("The council met in Dorvask on Friday, not in Monday's session") == ["Dorvask"]
