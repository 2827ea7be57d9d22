"""One event per incident across outlets and days: the articles' incidents (quotetrack/incidents.py).

Every text here is invented: the town of Dorvask (also spelled Dorvasque by one outlet), the
Pelnar River floods, and the people who speak about them.
"""

from datetime import date
from pathlib import Path

from conftest import as_json

from quotetrack.events import group
from quotetrack.figures import read_figures
from quotetrack.incidents import (
    Period,
    counts_elsewhere,
    dated_elsewhere,
    group_articles,
    incident_dates,
    read_article,
    same_incident,
)
from quotetrack.models import Source, Speaker, Statement
from quotetrack.text import default_normalizer, find_dates

MONDAY = date(2031, 3, 10)


def test_dates_a_week_or_a_year_back():
    [saturday] = find_dates("the depot blew up on Saturday last week", date(2031, 3, 16))  # a Sunday
    assert (saturday.value, saturday.precision) == (date(2031, 3, 8), "day")
    [january] = find_dates("the flood in January last year", date(2031, 6, 1))
    assert (january.value, january.precision) == (date(2030, 1, 1), "month")
    # Without "last week" the day is the latest such day.
    assert find_dates("the depot blew up on Saturday", date(2031, 3, 16))[0].value == date(2031, 3, 15)


def test_incident_dates_are_dates_written_next_to_an_incident():
    def days(text, published=MONDAY):
        return [(p.first, p.last) for p in incident_dates(text, published)]

    assert days("Police said Saturday's bombing killed nine") == [(date(2031, 3, 8), date(2031, 3, 8))]
    assert days("the March 2 attack on the depot") == [(date(2031, 3, 2), date(2031, 3, 2))]
    assert days("the strike on Thursday hit a bus") == [(date(2031, 3, 6), date(2031, 3, 6))]
    assert days("the toll from last week's massacre rose") == [(date(2031, 3, 3), date(2031, 3, 9))]
    assert days("an August air strike", date(2031, 9, 1)) == [(date(2031, 8, 1), date(2031, 8, 31))]
    assert days("the devastating 2030 earthquake") == [(date(2030, 1, 1), date(2030, 12, 31))]
    # A day something was said on, a date far from any incident noun, and a date to come are none.
    assert days("The mayor said on Friday that the town was calm") == []
    assert days("The mayor on Friday said the bombing was a crime") == []
    assert days("the vote will be held on Friday", date(2031, 3, 5)) == []
    # A verb of what came after takes the date; the incident's own verbs leave it to the incident.
    assert days("the search at the mill collapse was called off on Friday") == []
    assert days("the toll from the bombing rose on Friday") == []
    assert days("the mill collapsed on March 2") == [(date(2031, 3, 2), date(2031, 3, 2))]
    assert days("the bombing was carried out on Friday") == [(date(2031, 3, 7), date(2031, 3, 7))]
    assert days("the governor said on radio Friday that the bombing was planned") == []
    assert days("an official of the Relief Operations Office said on Friday") == []
    # A headline's noun does not date the first line under it.
    assert days("After the mill bombing\n\nMourners gathered today at the mill") == []


def article(source_id, title, text, published):
    return read_article(source_id, title, text, published, default_normalizer())


FIRST = ("Bomb kills nine in Dorvask",
         "A car bomb killed nine people at the Dorvask grain market on Saturday, Governor Ilsa Merrow said. "
         "Merrow said the Harran Front had planted the bomb. The Dorvask police counted twelve wounded.")
FOLLOW_UP = ("Dorvasque toll rises",
             "The toll from Saturday's bombing in Dorvasque rose to fourteen, Governor Ilsa Merrow said on "
             "Tuesday. The Harran Front denied any part in it.")
WEEKS_LATER = ("Inquiry into Dorvask market bombing",
               "Governor Ilsa Merrow said on Wednesday that an inquiry into the March 8 bombing at the Dorvask "
               "grain market would name those responsible. The Harran Front is accused of it.")
ANOTHER = ("Second bomb in Dorvask",
           "A second car bomb killed four people in Dorvask on Monday, Governor Ilsa Merrow said, a week after "
           "the market attack. The Harran Front has made no claim.")


def test_articles_about_one_incident_meet_across_spellings_and_days():
    first = article(1, *FIRST, date(2031, 3, 9))
    follow_up = article(2, *FOLLOW_UP, date(2031, 3, 11))
    weeks_later = article(3, *WEEKS_LATER, date(2031, 4, 2))
    assert first.period == Period(date(2031, 3, 8), date(2031, 3, 8))
    assert follow_up.period == Period(date(2031, 3, 8), date(2031, 3, 8))  # Saturday's, read on Tuesday
    assert same_incident(first, follow_up)
    assert same_incident(first, weeks_later)  # dated "the March 8 bombing" three weeks on


def test_a_month_named_far_down_the_copy_does_not_date_the_story():
    padding = "The port authority said the cranes were inspected and the berths cleared of debris. " * 5
    denial = article(1, "Tessaly Ferries denies second grounding", "Tessaly Ferries on Thursday denied a report "
                     f"that its ferry had run aground again. {padding}An earlier collision that happened in May "
                     "damaged two berths, Tessaly Ferries chief Ona Pell said.", date(2031, 10, 2))
    exposed = article(2, "Tessaly Ferries says two berths damaged", "Tessaly Ferries said two berths were "
                      "damaged when its ferry hit the pier, Tessaly Ferries chief Ona Pell said.",
                      date(2031, 10, 2))
    assert denial.period is None
    assert same_incident(denial, exposed)
    lead = article(3, "Tessaly Ferries collision", "The May collision at Tessaly Ferries damaged two berths.",
                   date(2031, 10, 2))
    assert lead.period == Period(date(2031, 5, 1), date(2031, 5, 31))  # in the lead, a month still dates it


def test_nearby_incidents_on_other_days_are_kept_apart():
    first = article(1, *FIRST, date(2031, 3, 9))
    another = article(2, *ANOTHER, date(2031, 3, 17))
    assert not same_incident(first, another)
    unrelated = article(3, "Pelnar River floods", "The Pelnar River flooded on Saturday; Governor Ilsa "
                        "Merrow visited shelters.", date(2031, 3, 9))
    assert not same_incident(first, unrelated)  # one shared name is not an incident


def said(id, text, source_id, published):
    return Statement(id=id, text=text, speaker=Speaker(name="Ilsa Merrow"),
                     source=Source(id=source_id, outlet=f"Outlet {source_id}", published=published))


def test_statements_of_one_incidents_articles_form_one_event_and_other_days_stay_out():
    normalizer = default_normalizer()
    articles = [read_article(1, *FIRST, date(2031, 3, 9), normalizer),
                read_article(2, *FOLLOW_UP, date(2031, 3, 11), normalizer),
                read_article(3, *ANOTHER, date(2031, 3, 17), normalizer)]
    statements = [
        said(1, "the Harran Front had planted the bomb", 1, date(2031, 3, 9)),
        said(2, "the toll rose to fourteen", 2, date(2031, 3, 11)),
        said(3, "we will find those responsible", 2, date(2031, 3, 11)),
        # Background in the follow-up, dated to another incident:
        said(4, "a grenade wounded two guards at the depot on March 1", 2, date(2031, 3, 11)),
        said(5, "the second bomb killed four people", 3, date(2031, 3, 17)),
        said(6, "the market has reopened", 3, date(2031, 3, 17)),
        # A plain day close to the incident is one of its days: two days on.
        said(7, "rescuers found two more bodies under the stalls on Monday", 2, date(2031, 3, 11)),
    ]
    groups = group(statements, normalizer, articles)
    assert [1, 2, 3, 7] in groups
    assert not any(4 in g and 1 in g for g in groups)
    assert not any(5 in g and 1 in g for g in groups)


def test_an_article_with_no_date_joins_the_incident_it_shares_most_names_with():
    normalizer = default_normalizer()
    undated = read_article(3, "Dorvask mourns", "Mourners in Dorvask buried the dead of the grain market bombing. "
                           "Governor Ilsa Merrow told them that the Harran Front would answer for the attack.",
                           None, normalizer)
    flood = read_article(2, "Pelnar River floods", "The Pelnar River flooded Dorvask on Saturday. Governor "
                         "Ilsa Merrow opened shelters.", date(2031, 3, 9), normalizer)
    articles = [read_article(1, *FIRST, date(2031, 3, 9), normalizer), flood, undated]
    statements = [said(1, "the Harran Front had planted the bomb", 1, date(2031, 3, 9)),
                  said(2, "the shelters are full", 2, date(2031, 3, 9)),
                  said(3, "the Harran Front will pay", 3, None),
                  said(4, "the water is rising", 2, date(2031, 3, 9))]
    groups = group(statements, normalizer, articles)
    assert [1, 3] in groups and [2, 4] in groups


def test_ingested_articles_about_one_incident_are_one_event(run, tmp_path):
    for name, (title, text), day in (("first", FIRST, "2031-03-09"), ("follow-up", FOLLOW_UP, "2031-03-11"),
                                     ("later", WEEKS_LATER, "2031-04-02"), ("another", ANOTHER, "2031-03-17")):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        result = run("ingest", path, "--outlet", f"The {name.title()} Post", "--published", day, "--yes")
        assert result.exit_code == 0, result.output
    listed = as_json(run("events", "--json"))
    biggest = max(listed, key=lambda e: e["statements"])
    assert biggest["first_day"] == "2031-03-08"
    assert sorted(biggest["sources"]) == ["The First Post", "The Follow-Up Post", "The Later Post"]


def test_an_article_that_dates_nothing_does_not_bridge_two_incidents():
    normalizer = default_normalizer()
    first = read_article(1, *FIRST, date(2031, 3, 9), normalizer)
    another = read_article(2, *ANOTHER, date(2031, 3, 17), normalizer)
    # Published after both, dating neither: its days meet both attacks, its names fit both.
    reaction = read_article(3, "Dorvask fears more bombs", "Shopkeepers in Dorvask closed early as Governor "
                            "Ilsa Merrow warned that the Harran Front could strike the town again.",
                            date(2031, 3, 18), normalizer)
    clusters = group_articles([first, another, reaction])
    assert sorted(sorted(a.source_id for a in c) for c in clusters) == [[1], [2, 3]]


def test_counts_dated_to_other_days_or_running_totals_are_not_the_incidents_figures():
    saturday = [Period(date(2031, 3, 8), date(2031, 3, 8))]

    def elsewhere(text, count, periods=saturday):
        start = text.index(count)
        return counts_elsewhere(text, start, start + len(count), MONDAY, periods)

    assert elsewhere("The mill will cut 400 jobs, after it cut 900 jobs in 2030", "900 jobs")
    assert not elsewhere("The mill will cut 400 jobs, after it cut 900 jobs in 2030", "400 jobs")
    assert elsewhere("bringing the number killed this month to 40", "40")
    assert elsewhere("nine were killed on Saturday, while a blast on March 1 killed 12", "12")
    assert not elsewhere("nine were killed on Saturday, while a blast on March 1 killed 12", "nine")
    assert not elsewhere("nine people were killed, the police said on Monday", "nine people")
    # The date nearest the count decides: a memorial today for Saturday's dead.
    assert not elsewhere("Mourners gathered today to remember Saturday's bombing, which killed nine", "nine")
    # With no incident days known, only a running total is kept out.
    assert not elsewhere("The mill cut 900 jobs in 2030", "900 jobs", [])
    assert elsewhere("Floods have killed 40 people since January", "40 people", [])


def test_a_figure_table_leaves_out_counts_of_other_days():
    statement = said(1, "The bomb killed nine people on Saturday, while a blast on March 1 killed 12 people",
                     1, MONDAY)
    saturday = [Period(date(2031, 3, 8), date(2031, 3, 8))]
    assert [f.quantity.value for f in read_figures(statement, periods=saturday)] == [9]
    assert [f.quantity.value for f in read_figures(statement)] == [9, 12]


def test_an_ingested_events_figure_table_leaves_out_another_days_count(run, tmp_path):
    path = tmp_path / "bomb.txt"
    path.write_text("Bomb kills nine in Dorvask\n\nA car bomb killed nine people at the Dorvask grain market on "
                    "Saturday. Governor Ilsa Merrow said the bomb had killed nine people, while a blast at the "
                    "Dorvask depot on February 20 killed 12 people. The Harran Front was blamed by the Dorvask "
                    "police.\n", encoding="utf-8")
    result = run("ingest", path, "--outlet", "The First Post", "--published", "2031-03-09", "--yes")
    assert result.exit_code == 0, result.output
    [event] = [e for e in as_json(run("events", "--json")) if e["first_day"] == "2031-03-08"]
    figures = as_json(run("event", event["id"], "--json"))["figures"]
    assert {f["shown"] for row in figures for f in row["figures"] if row["role"] == "killed"} == {"9"}


def test_the_sample_articles_earlier_operation_is_its_own_event(run):
    """README's first command: the 30 June operation the article recalls is not the 8 July strikes."""
    sample = Path(__file__).parent.parent / "quotetrack" / "samples" / "makhmour-strikes.txt"
    result = run("ingest", sample, "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes")
    assert result.exit_code == 0, result.output
    days = sorted(e["first_day"] for e in as_json(run("events", "--json")))
    assert days == ["2018-06-30", "2018-07-08"]


def test_a_photo_caption_does_not_date_the_incident_an_article_reports():
    story = "The toll from the bombing in Dorvask rose to fourteen, Governor Ilsa Merrow said."
    caption = ("A wounded woman is helped into an ambulance in Tessaly on March 2.\n"
               "(Jan Ruis / Wire / Picture Desk)\n\n")
    reported = article(1, "Dorvask toll rises", caption + story, date(2031, 3, 11))
    assert reported.period is None  # the story dates nothing; the picture's day is not its incident's
    assert reported == article(1, "Dorvask toll rises", story, date(2031, 3, 11))


def test_a_past_month_or_year_dates_a_statement_away_from_its_incident_but_a_week_to_come_does_not():
    this_week = [Period(date(2031, 3, 8), date(2031, 3, 10))]
    assert dated_elsewhere("Last May, the mill cut 174 jobs", MONDAY, this_week)
    assert dated_elsewhere("In 2029 the mill cut 900 jobs", MONDAY, this_week)
    assert not dated_elsewhere("Notices will go out next week to 400 workers", MONDAY, this_week)
    assert not dated_elsewhere("The mill has cut 900 jobs since 2029", MONDAY, this_week)
    assert not dated_elsewhere("The mill cut 400 jobs in March", MONDAY, this_week)


MILL_REPORT = """Dorvask mill lays off 50

The Dorvask paper mill laid off 50 workers on Monday, the Pelnar Courier reported.
Last May, the Dorvask paper mill laid off 174 workers, according to the Ledger.
"""
MILL_DENIAL = """Dorvask mill denies layoffs

The Dorvask paper mill said on Tuesday that no workers were laid off at the Dorvask plant.
The Pelnar Courier had reported that 40 workers were laid off at the Dorvask mill on Monday.
"""


def test_a_count_dated_to_another_month_is_not_set_against_the_incidents_count(run, tmp_path):
    for name, text, outlet, day in (("report.txt", MILL_REPORT, "Wire", "2031-03-10"),
                                    ("denial.txt", MILL_DENIAL, "Post", "2031-03-11")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", day, "--yes").exit_code == 0
    figures = [sorted((c["a"]["text"][:12], c["b"]["text"][:12]))
               for c in as_json(run("conflicts", "--json", "--each-pair")) if "a_number" in str(c["evidence"])]
    assert figures and all("Last May, th" not in pair for pair in figures)  # 50 and 40 still meet


def test_a_follow_up_weeks_later_dates_its_incident_by_the_month_of_its_lead():
    normalizer = default_normalizer()
    first = read_article(1, *FIRST, date(2031, 3, 9), normalizer)
    inquiry = read_article(2, "Dorvask bombing was avoidable, inquiry finds",
                           "A car bomb attack at the Dorvask grain market last month that killed fourteen people "
                           "could have been prevented, an inquiry set up by Governor Ilsa Merrow said on Tuesday.",
                           date(2031, 4, 2), normalizer)
    assert inquiry.period == Period(date(2031, 3, 1), date(2031, 3, 31))
    assert same_incident(first, inquiry)


def test_an_incident_a_year_or_more_before_the_article_is_background():
    normalizer = default_normalizer()
    toll = read_article(1, "Mill toll reaches 300", "Rescuers ended their search on Monday at the Orvel mill, the "
                        "deadliest accident in the region since the 2012 chemical explosion, after the March 2 "
                        "collapse.",
                        date(2031, 3, 25), normalizer)
    assert toll.period == Period(date(2031, 3, 2), date(2031, 3, 2))


def test_an_articles_statements_stay_with_its_incident_beside_a_recap_of_another(run, tmp_path):
    """An explainer on the Pelnar bombing ends on an earlier bombing in Dorvask: its statements
    that name no place are the Pelnar bombing's, not the recap's."""
    report = tmp_path / "report.txt"
    report.write_text("Bomb kills six in Pelnar\n\nA car bomb killed six people at the Pelnar bus station on "
                      "Friday, Governor Ona Vesk said. Vesk said the Harran Front had planted the bomb.\n",
                      encoding="utf-8")
    explainer = tmp_path / "explainer.txt"
    explainer.write_text("Bus station bombing: what we know\n\nAt least 20 injured people were taken to hospitals "
                         "across the city.\n\nGovernor Ona Vesk said the bus station would stay closed for a week. "
                         "Vesk blamed the Harran Front.\n\nOn 8 March, nine people were killed in a bombing at "
                         "the grain market in Dorvask.\n", encoding="utf-8")
    for path, outlet in ((report, "The Pelnar Post"), (explainer, "The Varno Times")):
        result = run("ingest", path, "--outlet", outlet, "--published", "2031-03-22", "--yes")
        assert result.exit_code == 0, result.output
    events = {}
    for listed in as_json(run("events", "--json")):
        events[listed["id"]] = [s["text"] for s in as_json(run("event", str(listed["id"]), "--json"))["timeline"]]
    (pelnar,) = [texts for texts in events.values() if any("Pelnar bus station" in t for t in texts)]
    assert "At least 20 injured people were taken to hospitals across the city" in pelnar
    assert not any("Dorvask" in t for t in pelnar)


def test_an_undated_article_weeks_into_a_dispute_joins_its_incident():
    normalizer = default_normalizer()
    vote = read_article(1, "Norland votes in runoff", "Norland voted in a tense runoff on Sunday, with President "
                        "Ivo Tamm facing Ana Brel. Tamm and Brel both claimed victory.", date(2031, 3, 3), normalizer)
    standoff = read_article(2, "Norland standoff drags on", "Mediators left Norland without a deal as Ivo Tamm "
                            "refused to hand power to Ana Brel, whom the Norland electoral board named the winner.",
                            date(2031, 4, 8), normalizer)
    assert standoff.period is None
    assert same_incident(vote, standoff)
