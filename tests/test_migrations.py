"""An old database file is upgraded in place without losing a row; both backends' schemas agree."""

import sqlite3

import pytest
from conftest import pg_url_for_schema
from sqlite_utils import Database

from quotetrack import store
from quotetrack.store import migrations_postgres
from quotetrack.store.migrations_sqlite import migrations

# Every migration's name, read through sqlite-utils' public API from a database that has none.
NAMES = [m.name for m in migrations.pending(Database(memory=True))]


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


@pytest.mark.sqlite_only(reason="upgrades an SQLite file")
@pytest.mark.parametrize("stop_before", [*NAMES[1:], None], ids=[f"from-{n}" for n in NAMES])
def test_upgrade_keeps_rows(tmp_path, stop_before):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=stop_before) if stop_before else migrations.apply(old)
    _fill_first_schema(old)
    applied_before = [m.name for m in migrations.applied(old)]
    old.close()

    db = store.open_record(path)
    assert db.applied_migrations() == NAMES
    assert len(applied_before) <= len(NAMES)
    statement = store.get_statement(db, 1)
    assert (statement.text, statement.speaker.name, statement.speaker.aliases) == (
        "there were no operations", "Srood", ["Col. Srood"])
    assert statement.source.outlet == "Kurdistan 24"
    assert statement.tags == ["makhmour"]
    assert statement.event_date.isoformat() == "2018-07-08"


def test_migrations_are_recorded_once(isolated_db):
    store.open_record(isolated_db).close()
    db = store.open_record(isolated_db)
    assert db.applied_migrations() == NAMES
    db.close()


def test_an_up_to_date_record_is_known_without_loading_the_migrations():
    from quotetrack.store import sqlite

    # The SQLite store skips importing sqlite-utils when every shipped migration is applied.
    assert list(sqlite.SHIPPED_MIGRATIONS) == NAMES
    assert (sqlite.MIGRATIONS_TABLE, sqlite.MIGRATION_SET) == (migrations.migrations_table, migrations.name)


def test_both_backends_have_the_same_migrations():
    assert [name for name, _ in migrations_postgres.MIGRATIONS] == NAMES


# Each backend's own machinery, not part of the record's data: the full-text index (an FTS5
# virtual table on SQLite, a table with tsvector columns on PostgreSQL) and the column that
# keeps tags (a statement's, an article's) in order where SQLite has its rowid.
_BACKEND_OWN = {"statements_fts", ("statement_tags", "seq"), ("source_tags", "seq")}
_TYPES = {"integer": "integer", "bigint": "integer", "text": "text", "real": "real",
          "double precision": "real"}


def _columns(db: store.Database) -> dict[tuple[str, str], tuple[str, bool]]:
    """(table, column) -> (type, NOT NULL), with each backend's type names read as one."""
    return {
        (c.table, c.name): (_TYPES[c.type.lower()], c.not_null or c.primary_key)
        for c in db.columns()
        if c.table not in _BACKEND_OWN and (c.table, c.name) not in _BACKEND_OWN
    }


def test_both_backends_have_the_same_tables_and_columns(tmp_path, pg_server):
    schema = "columns_test_schema"
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    try:
        sqlite_db = store.open_record(tmp_path / "columns.db")
        pg_db = store.open_record(pg_url_for_schema(schema))
        on_sqlite, on_pg = _columns(sqlite_db), _columns(pg_db)
        assert {t for t, _ in on_sqlite} == {t for t, _ in on_pg}
        assert on_sqlite == on_pg
        # The full-text index holds the same columns on both.
        fts = [{c.name for c in db.columns() if c.table == "statements_fts" and not c.derived}
               for db in (sqlite_db, pg_db)]
        assert fts[0] == fts[1]
        sqlite_db.close()
        pg_db.close()
    finally:
        pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
