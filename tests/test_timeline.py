"""timeline: statements by event date then said date, gaps between days, disputes flagged."""

from datetime import date

from conftest import as_json

from quotetrack import store
from quotetrack.dossier import Entry, Gap, timeline
from quotetrack.evidence import NO_EVIDENCE
from quotetrack.models import Conflict, Source, Speaker, Statement


def said(text, event=None, on=None, published=None, statement_id=None):
    source = Source(outlet="AP", published=published) if published else None
    return Statement(text=text, speaker=Speaker(name="Ann"), event_date=event, said_on=on, source=source,
                     id=statement_id)


def test_event_date_first_then_said_date_then_undated():
    items = timeline([
        said("undated", statement_id=1),
        said("said later", event=date(2020, 1, 2), on=date(2020, 1, 9), statement_id=2),
        said("said earlier", event=date(2020, 1, 2), on=date(2020, 1, 5), statement_id=3),
        said("no event, said", on=date(2020, 1, 3), statement_id=4),
        said("published only", published=date(2020, 1, 1), statement_id=5),
    ])
    entries = [i for i in items if isinstance(i, Entry)]
    assert [e.statement.text for e in entries] == ["published only", "said earlier", "said later",
                                                  "no event, said", "undated"]
    assert [e.basis for e in entries] == ["published", "event", "event", "said", "undated"]


def test_gaps_between_days_but_not_between_consecutive_days():
    items = timeline([said("a", event=date(2020, 1, 1), statement_id=1),
                      said("b", event=date(2020, 1, 2), statement_id=2),
                      said("c", event=date(2020, 1, 10), statement_id=3)])
    assert [type(i).__name__ for i in items] == ["Entry", "Entry", "Gap", "Entry"]
    gap = items[2]
    assert isinstance(gap, Gap) and gap.days == 7
    assert gap.to_dict() == {"type": "gap", "after": "2020-01-02", "before": "2020-01-10", "days": 7, "folded": False}


def test_open_and_confirmed_conflicts_mark_disputes_dismissed_do_not():
    a, b, c = (said(t, event=date(2020, 1, 1), statement_id=i) for i, t in enumerate("abc", 1))
    items = timeline([a, b, c], [Conflict(a=a, b=b, type="polarity", score=0.9, id=7),
                                 Conflict(a=b, b=c, type="number", score=0.9, status="dismissed", id=8)])
    flagged = {i.statement.text: [d.id for d in i.disputes] for i in items if isinstance(i, Entry)}
    assert flagged == {"a": [7], "b": [7], "c": []}
    assert items[0].to_dict()["disputed_by"] == [
        {"conflict": 7, "type": "polarity", "status": "open", "with_statement": 2, "with_speaker": "Ann"}]


def test_timeline_command(run, isolated_db):
    run("add", "The bridge is open.", "--speaker", "Ann Smith", "--event-date", "2020-03-01", "--tag", "bridge")
    run("add", "The bridge is closed.", "--speaker", "Bo Lin", "--event-date", "2020-03-05", "--tag", "bridge")
    run("add", "Unrelated.", "--speaker", "Bo Lin", "--event-date", "2020-03-02")
    db = store.open_record(isolated_db)
    ids = {s.text: s.id for s in store.list_statements(db)}
    with store.transaction(db):
        store.save_conflict(db, ids["The bridge is open."], ids["The bridge is closed."], "polarity", 0.9,
                            NO_EVIDENCE, [])
    db.close()
    items = as_json(run("timeline", "--tag", "bridge", "--json"))
    assert [i["type"] for i in items] == ["statement", "gap", "statement"]
    assert items[1]["days"] == 3
    assert [i["disputed_by"][0]["with_speaker"] for i in items if i["type"] == "statement"] == ["Bo Lin", "Ann Smith"]
    table = run("timeline", "--tag", "bridge")
    assert table.exit_code == 0
    assert "3 days with nothing on record" in table.stdout
    assert "disputed: conflict" in table.stdout
    only = as_json(run("timeline", "--speaker", "Bo Lin", "--json"))
    assert [i["statement"]["text"] for i in only if i["type"] == "statement"] == ["Unrelated.", "The bridge is closed."]


def test_timeline_of_nothing(run):
    result = run("timeline", "--tag", "nothing")
    assert result.exit_code == 0 and "No statements match." in result.stderr
    assert as_json(run("timeline", "--tag", "nothing", "--json")) == []
