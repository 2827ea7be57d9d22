"""Only a quotetrack record or an empty database is opened; anything else is left untouched."""

import hashlib
import sqlite3

import pytest
from conftest import as_json, pg_url_for_schema

from quotetrack import store
from quotetrack.errors import DatabaseError

sqlite_only = pytest.mark.sqlite_only(reason="files on disk")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def app_db(tmp_path):
    """Another application's SQLite file: one table of its own, in the default journal mode."""
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path


def untouched(path, before):
    assert digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert tables == ["invoices"]


@sqlite_only
@pytest.mark.parametrize("command", [("list",), ("speakers",), ("events",), ("add", "Rain fell.", "--speaker", "Ann")])
def test_another_applications_database_is_refused_and_left_untouched(run, app_db, command):
    before = digest(app_db)
    result = run(*command, "--db", app_db)
    assert result.exit_code == 1
    assert "another application's tables" in result.stderr and "db init --force" in result.stderr
    assert result.stderr.count("Error:") == 1 and "Traceback" not in result.output
    untouched(app_db, before)


@sqlite_only
def test_copy_into_another_applications_database_is_refused(run, tmp_path, app_db):
    source = tmp_path / "record.db"
    assert run("add", "The bridge is open.", "--speaker", "Ann Smith", "--db", source).exit_code == 0
    before = digest(app_db)
    result = run("db", "copy", source, app_db)
    assert result.exit_code == 1 and "db init --force" in result.stderr
    untouched(app_db, before)


@sqlite_only
def test_copy_from_a_file_that_does_not_exist_creates_nothing(run, tmp_path):
    result = run("db", "copy", tmp_path / "nonexist.db", tmp_path / "x.db")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "nonexist.db").exists() and not (tmp_path / "x.db").exists()


@sqlite_only
def test_copy_from_an_empty_file_is_refused(run, tmp_path):
    (tmp_path / "empty.db").touch()
    result = run("db", "copy", tmp_path / "empty.db", tmp_path / "x.db")
    assert result.exit_code == 1 and "no quotetrack record" in result.stderr
    assert (tmp_path / "empty.db").stat().st_size == 0


@sqlite_only
def test_db_init_force_adopts_another_applications_database_on_purpose(run, app_db):
    refused = run("db", "init", "--db", app_db)
    assert refused.exit_code == 1 and "db init --force" in refused.stderr
    assert run("db", "init", "--force", "--db", app_db).exit_code == 0
    assert run("add", "The bridge is open.", "--speaker", "Ann Smith", "--db", app_db).exit_code == 0
    assert len(as_json(run("list", "--json", "--db", app_db))) == 1
    conn = sqlite3.connect(app_db)
    assert conn.execute("SELECT total FROM invoices").fetchall() == [(12.5,)]  # its own rows are kept
    conn.close()


@sqlite_only
def test_an_empty_file_is_a_new_record(run, tmp_path):
    (tmp_path / "new.db").touch()
    assert run("add", "The bridge is open.", "--speaker", "Ann Smith", "--db", tmp_path / "new.db").exit_code == 0


@sqlite_only
def test_a_record_migrated_by_a_newer_version_is_read_but_not_written(run, tmp_path):
    path = tmp_path / "record.db"
    assert run("add", "The bridge is open.", "--speaker", "Ann Smith", "--db", path).exit_code == 0
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('quotetrack', '9999_from_the_future', '2099-01-01')")
    conn.commit()
    conn.close()
    before = digest(path)
    assert len(as_json(run("list", "--json", "--db", path))) == 1
    refused = run("add", "The bridge is shut.", "--speaker", "Ann Smith", "--db", path)
    assert refused.exit_code == 1
    assert "newer quotetrack" in refused.stderr and "9999_from_the_future" in refused.stderr
    assert digest(path) == before
    # Below the commands, SQLite itself refuses a write, with the same sentence.
    db = store.open_record(path)
    with pytest.raises(DatabaseError, match="newer quotetrack"):
        db.execute("DELETE FROM statements")
    db.close()


@pytest.fixture
def pg_schema(pg_server):
    schema = "t_foreign_db"
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    yield schema, pg_url_for_schema(schema)
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_postgresql_schema_of_another_application_is_refused(pg_server, pg_schema):
    schema, url = pg_schema
    pg_server.execute(f"CREATE TABLE {schema}.invoices (id INT)")
    with pytest.raises(DatabaseError, match="db init --force"):
        store.open_record(url)
    tables = [r[0] for r in pg_server.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])]
    assert tables == ["invoices"]
    store.open_record(url, adopt=True).close()


def test_postgresql_record_of_a_newer_version_is_read_but_not_written(pg_schema):
    _, url = pg_schema
    db = store.open_record(url)
    db.execute("INSERT INTO _quotetrack_migrations (name, applied_at) VALUES ('9999_from_the_future', '2099')")
    db.close()
    db = store.open_record(url)
    assert store.count_statements(db) == 0
    with pytest.raises(DatabaseError, match="newer quotetrack"):
        with store.transaction(db):
            pass
    with pytest.raises(DatabaseError):
        db.execute("DELETE FROM statements")
    db.close()
