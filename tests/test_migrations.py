"""An old database file is upgraded in place without losing a row."""

import sqlite3

import pytest
from sqlite_utils import Database

from quotetrack import store
from quotetrack.migrations import migrations

NAMES = [m.name for m in migrations._migrations]


def _fill_first_schema(db: Database) -> None:
    """Rows written as the first shipped schema knew them (only its columns)."""
    db.execute("INSERT INTO speakers (id, name, title, kind, created_at) "
               "VALUES (1, 'Srood', 'Colonel', 'person', '2018-07-11')")
    db.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Col. Srood')")
    db.execute("INSERT INTO sources (id, outlet, published, created_at) "
               "VALUES (1, 'Kurdistan 24', '2018-07-11', '2018-07-11')")
    db.execute(
        "INSERT INTO statements (id, text, kind, speaker_id, source_id, event_date, created_at) "
        "VALUES (1, 'there were no operations', 'reported', 1, 1, '2018-07-08', '2018-07-11')"
    )
    db.execute("INSERT INTO statement_tags (statement_id, tag) VALUES (1, 'makhmour')")
    db.conn.commit()


@pytest.mark.parametrize("stop_before", [*NAMES[1:], None], ids=[f"from-{n}" for n in NAMES])
def test_upgrade_keeps_rows(tmp_path, stop_before):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=stop_before) if stop_before else migrations.apply(old)
    _fill_first_schema(old)
    applied_before = [m.name for m in migrations.applied(old)]
    old.close()

    db = store.open_db(path)
    assert [m.name for m in migrations.applied(db)] == NAMES
    assert len(applied_before) <= len(NAMES)
    statement = store.get_statement(db, 1)
    assert (statement.text, statement.speaker.name, statement.speaker.aliases) == (
        "there were no operations", "Srood", ["Col. Srood"])
    assert statement.source.outlet == "Kurdistan 24"
    assert statement.tags == ["makhmour"]
    assert statement.event_date.isoformat() == "2018-07-08"


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "x.db"
    store.open_db(path).close()
    db = store.open_db(path)
    rows = list(db.query("SELECT name FROM _sqlite_migrations WHERE migration_set = 'quotetrack'"))
    assert [r["name"] for r in rows] == NAMES
