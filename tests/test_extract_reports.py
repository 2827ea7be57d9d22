"""extract.reports: dated event sentences nobody else is credited with are the outlet's own reports."""

from datetime import date

from quotetrack.extract import extract_statements
from quotetrack.extract.reports import outlet_reports
from quotetrack.extract.sentences import read_copy
from quotetrack.text import find_dates

PUBLISHED = date(2018, 7, 11)
EVENT = "On 30 June, Peshmerga forces and the coalition conducted a joint operation near Makhmour."


def reports(text, statements=(), outlet="Kurdistan 24"):
    return outlet_reports(read_copy(text), list(statements), find_dates(text, PUBLISHED), outlet)


def test_a_dated_event_sentence_is_the_outlets_report():
    (report,) = reports(EVENT)
    assert report.text == EVENT.rstrip(".")
    assert (report.kind, report.speaker.name, report.speaker.kind) == ("report", "Kurdistan 24", "organisation")
    assert (report.event_date, report.place, report.confidence) == (date(2018, 6, 30), "Makhmour", 0.6)
    assert reports(EVENT, outlet=None)[0].speaker.name == "the outlet"


def test_undated_questions_and_credited_sentences_are_not_reports():
    assert reports(EVENT.replace("On 30 June, ", "")) == []
    assert reports("On 30 June, did Peshmerga forces and the coalition conduct a joint operation near Makhmour?") == []
    assert reports("On 30 June, the coalition said Peshmerga forces conducted a joint operation near Makhmour.") == []


def test_a_sentence_already_credited_to_somebody_is_not_reported_again():
    text = f"{EVENT} “It went well,” Smith said."
    credited = extract_statements(text, PUBLISHED, quotes_only=True)
    assert [s.kind for s in credited] == ["quote"]
    assert len(reports(text, credited)) == 1
    covering = credited[0]
    covering.start, covering.end = 0, len(EVENT)
    assert reports(text, [covering]) == []


def test_background_and_analysis_are_not_reports():
    assert reports("Following the strikes on 30 June, Peshmerga forces conducted an operation near Makhmour.") == []
    assert len(reports("After 30 June, Peshmerga forces conducted a joint operation near Makhmour.")) == 0
    assert len(reports("By 30 June, Peshmerga forces conducted a joint operation near Makhmour.")) == 1


def test_what_the_outlet_reports_has_not_happened_is_its_report():
    for sentence, clause in (
        ("There was no immediate claim of responsibility.", "There was no immediate claim of responsibility"),
        ("The group has not commented.", "The group has not commented"),
        ("No group has claimed the attack.", "No group has claimed the attack"),
        ("The rebels have yet to comment on the report.", "The rebels have yet to comment on the report"),
        (
            "While there was no immediate claim of responsibility, the militia often attacks hotels.",
            "there was no immediate claim of responsibility",
        ),
        ("No one claimed the bombing but police blamed the militia.", "No one claimed the bombing"),
        (
            "The ministry blamed the militia, which has not yet commented.",
            "The ministry blamed the militia, which has not yet commented",
        ),
    ):
        (report,) = reports(sentence)
        assert (report.text, report.kind, report.speaker.name) == (clause, "report", "Kurdistan 24")
        assert report.event_date is None


def test_a_denial_credited_to_somebody_or_about_other_things_is_no_outlet_report():
    assert [s.kind for s in extract_statements("Police said there was no claim of responsibility.")] == ["reported"]
    assert reports("There is no evidence the new bridge will hold.") == []
    assert reports("No group of fans was allowed into the stadium.") == []
    assert reports("Has the group not claimed the attack?") == []
