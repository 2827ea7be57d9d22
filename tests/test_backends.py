"""Several editors on one record, and moving a record between SQLite and PostgreSQL."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES, as_json, pg_url_for_schema

from quotetrack import store


@pytest.fixture
def reviewed_conflict(run):
    run("add", "Two strikes hit the town on 8 July.", "--speaker", "Ann Smith", "--event-date", "2018-07-08")
    run("add", "Three strikes hit the town on 8 July.", "--speaker", "Bob Jones", "--event-date", "2018-07-08")
    conflicts = as_json(run("conflicts", "--json"))
    assert conflicts, "the two counts should conflict"
    return conflicts[0]["id"]


def test_every_change_keeps_its_editor(run):
    assert run("--editor", "Desk Two", "add", "The bridge is open.", "--speaker", "Ann Smith").exit_code == 0
    assert run("add", "The bridge is closed.", "--speaker", "Ann Smith").exit_code == 0
    editors = [c["editor"] for c in as_json(run("log", "--json")) if c["entity"] == "statement"]
    assert editors == ["tester", "Desk Two"]  # newest first; QUOTETRACK_EDITOR is "tester" in tests


def test_a_second_editor_does_not_silently_replace_a_verdict(run, reviewed_conflict):
    cid = reviewed_conflict
    assert run("--editor", "alice", "conflicts", "review", cid, "--confirm").exit_code == 0
    refused = run("--editor", "bob", "conflicts", "review", cid, "--dismiss")
    assert refused.exit_code == 1
    assert "already confirmed by alice" in refused.stderr and "--overrule" in refused.stderr
    assert as_json(run("conflicts", "--json", "--status", "confirmed"))[0]["reviewed_by"] == "alice"
    # The same editor may change their mind; another may overrule, and the log shows both.
    assert run("--editor", "bob", "conflicts", "review", cid, "--dismiss", "--overrule").exit_code == 0
    reviews = [c for c in as_json(run("log", "--json")) if c["action"] == "review"]
    assert [(r["editor"], r["detail"]["after"]) for r in reviews] == [("bob", "dismissed"), ("alice", "confirmed")]


def test_a_review_made_meanwhile_is_not_overwritten(run, reviewed_conflict, isolated_db):
    db = store.open_record(isolated_db)
    try:
        seen = store.get_conflict(db, reviewed_conflict)  # what the first editor has on screen
        with store.transaction(db):
            store.review_conflict(db, reviewed_conflict, "dismissed", None, editor="carol")
        with pytest.raises(store.StaleReview, match="reviewed by carol meanwhile"):
            with store.transaction(db):
                store.review_conflict(db, reviewed_conflict, "confirmed", None, editor="dave", seen=seen)
        assert store.get_conflict(db, reviewed_conflict).status == "dismissed"
    finally:
        db.close()


def _export(run, db):
    return [json.loads(line) for line in run("export", "--db", db).stdout.splitlines()]


def test_copy_sqlite_to_postgresql_and_back_loses_nothing(run, tmp_path, pg_server, reviewed_conflict):
    original = tmp_path / "original.db"
    assert run("import", SAMPLES / "makhmour-statements.jsonl", "--db", original).exit_code == 0
    assert run("terms", "add", "Daesh", "Sons of Iraq", "--db", original).exit_code == 0
    schema = "copy_test_schema"
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    try:
        url = pg_url_for_schema(schema)
        there = as_json(run("db", "copy", original, url, "--json"))
        assert there and all(t["source"] == t["destination"] for t in there)
        back = tmp_path / "back.db"
        assert run("db", "copy", url, back).exit_code == 0
        for db in (url, back):
            assert _export(run, db) == _export(run, original)
            assert run("list", "--json", "--db", db).stdout == run("list", "--json", "--db", original).stdout
            # Both full-text indexes came along (ranking differs: bm25 on SQLite, ts_rank on PostgreSQL).
            found = [sorted(h["id"] for h in as_json(run("search", "Makhmour", "--json", "--db", d)))
                     for d in (db, original)]
            assert found[0] == found[1] and found[0]
        # New rows after a copy take fresh ids, not ones the copy brought over.
        added = run("add", "A new statement after the copy.", "--speaker", "Ann Smith", "--db", url, "--json")
        assert as_json(added)["id"] > max(s["id"] for s in as_json(run("list", "--json", "--db", original)))
    finally:
        pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_copy_into_a_record_refuses(run, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db in (one, two):
        assert run("add", "Words.", "--speaker", "Ann Smith", "--db", db).exit_code == 0
    result = run("db", "copy", one, two)
    assert result.exit_code == 1 and "already holds a record" in result.stderr
    assert as_json(run("list", "--json", "--db", two))[0]["text"] == "Words."


def test_unreachable_server_is_one_sentence(run):
    result = run("list", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_postgresql_schema_file_is_current(pg_server):
    schema = "schema_file_test"
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    try:
        db = store.open_record(pg_url_for_schema(schema))
        expected = (Path(__file__).resolve().parent.parent / "db" / "schema-postgresql.sql").read_text()
        assert expected == store.schema_sql(db), (
            "db/schema-postgresql.sql is stale: run quotetrack db schema --db postgresql://… (a new, empty "
            "database) > db/schema-postgresql.sql"
        )
        db.close()
    finally:
        pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


WRITER = """
import sys
from quotetrack import record, store
from quotetrack.models import Speaker, Statement
db = store.open_record(sys.argv[1])
for i in range(int(sys.argv[3])):
    record.add_statement(db, Statement(text=f"{sys.argv[2]} statement {i}", speaker=Speaker(name="Shared Name")))
"""


def test_writers_at_once_on_postgresql_lose_nothing(pg_server):
    schema = "writers_test"
    pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    try:
        url = pg_url_for_schema(schema)
        writers = [subprocess.Popen([sys.executable, "-c", WRITER, url, name, "40"], stderr=subprocess.PIPE, text=True)
                   for name in ("Ann", "Bob", "Cid")]
        errors = [w.communicate(timeout=300)[1] for w in writers]
        assert [w.returncode for w in writers] == [0, 0, 0], errors
        db = store.open_record(url)
        assert store.count_statements(db) == 120
        # Three processes asked for the same new speaker: writes in turn make it one speaker.
        assert [s.name for s in store.all_speakers(db)] == ["Shared Name"]
        db.close()
    finally:
        pg_server.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
