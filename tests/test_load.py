"""Writers under load: reading commands never write and never wait on a writer; a long import
lets other writers in between its batches; a rescan tolerates statements deleted under it."""

import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from conftest import BACKEND, SAMPLES, as_json

from quotetrack import store

READERS = [
    ("events",), ("event", "1"), ("report",), ("list",), ("conflicts",), ("search", "strikes"),
    ("match", "coalition strikes near Makhmour"), ("show", "1"), ("speakers",), ("timeline",),
    ("events", "--json"), ("report", "--json"),
]


@pytest.fixture
def stale_grouping(run):
    """A record grouped into events once, then added to: the next reader would group again."""
    assert run("ingest", SAMPLES / "makhmour-strikes.txt", "--outlet", "Kurdistan 24",
               "--published", "2018-07-11", "--yes").exit_code == 0
    assert run("events").exit_code == 0
    assert run("add", "Four strikes hit the ridge near Makhmour on 8 July.", "--speaker", "Ann Smith",
               "--event-date", "2018-07-08").exit_code == 0
    return run


@contextmanager
def write_lock_held(location):
    """Another command's long write in progress: the record's write lock, held until the end."""
    if BACKEND == "postgresql":
        import psycopg

        from quotetrack.store.postgres import WRITE_LOCK, WRITE_LOCK_KEY

        conn = psycopg.connect(location)
        conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", [WRITE_LOCK_KEY])
    else:
        conn = sqlite3.connect(location)
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.rollback()
        conn.close()


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c) for c in READERS])
def test_reading_commands_do_not_wait_on_a_writer(stale_grouping, isolated_db, command):
    done = []
    with write_lock_held(isolated_db):
        reader = threading.Thread(target=lambda: done.append(stale_grouping(*command)))
        reader.start()
        reader.join(timeout=8)
        waited = reader.is_alive()
    reader.join()
    assert not waited, f"`quotetrack {' '.join(command)}` waited for the writer"
    assert done[0].exit_code == 0, done[0].output


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c) for c in READERS])
def test_reading_commands_write_nothing_when_the_record_is_current(stale_grouping, command):
    assert stale_grouping("events").exit_code == 0  # grouped again: nothing left to bring up to date
    before = as_json(stale_grouping("log", "--json", "--limit", "1000"))
    db = store.open_record()
    rows = store.count_rows(db)
    db.close()
    assert stale_grouping(*command).exit_code == 0
    db = store.open_record()
    assert store.count_rows(db) == rows
    db.close()
    assert as_json(stale_grouping("log", "--json", "--limit", "1000")) == before


def test_a_second_reader_groups_events_the_writer_left_stale(stale_grouping):
    # Nothing lost by not waiting: once the writer is done, the next reader groups again.
    events = as_json(stale_grouping("events", "--json"))
    assert sum(e["statements"] for e in events) >= 1


def test_a_rescan_tolerates_statements_deleted_under_it(run):
    for count, speaker in (("Two", "Ann Smith"), ("Three", "Bob Jones"), ("Five", "Cy Young")):
        assert run("add", f"{count} strikes hit the town of Varnhold on 8 July.", "--speaker", speaker,
                   "--event-date", "2018-07-08").exit_code == 0
    assert as_json(run("conflicts", "--json")), "the counts should conflict"
    from quotetrack import detect, record

    db, other = store.open_record(), store.open_record()
    deleted = []

    def delete_one(done, total):
        # Another editor deletes a statement after the comparisons and before they are written.
        if not deleted:
            deleted.append(record.delete_statement(other, 3).id)

    try:
        result = detect.rescan(db, db.normalizer, progress=delete_one)
    finally:
        db.close()
        other.close()
    assert deleted == [3] and result.found >= 1
    pairs = {(c["a"]["id"], c["b"]["id"]) for c in as_json(run("conflicts", "--json"))}
    assert pairs == {(1, 2)}


def many_records(count, bad_at=None):
    records = [(f"line {n + 1}", {"text": f"Lorry {n} crossed the Varnhold bridge.", "speaker": f"Speaker {n % 7}"})
               for n in range(count)]
    if bad_at is not None:
        records[bad_at] = (f"line {bad_at + 1}", {"text": "", "speaker": "Ann Smith"})
    return records


def test_a_long_import_lets_another_writer_in_between_its_batches(isolated_db, monkeypatch):
    from quotetrack import record
    from quotetrack.models import Speaker, Statement

    monkeypatch.setattr(record, "IMPORT_BATCH", 40)
    detect = record._detect_conflicts

    def slow_detect(db, ids, **kwargs):
        time.sleep(0.4)  # each batch holds the lock a while, as a large one does
        detect(db, ids, **kwargs)

    monkeypatch.setattr(record, "_detect_conflicts", slow_detect)
    editor = store.open_record(isolated_db)
    finished = {}

    def run_import():
        with store.open_record(isolated_db) as importer:
            record.import_records(importer, many_records(200))
        finished["import"] = time.monotonic()

    worker = threading.Thread(target=run_import)
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while store.count_statements(editor) == 0 and time.monotonic() < deadline:  # the first batch is in
            time.sleep(0.05)
        added = record.add_statement(editor, Statement(text="The bridge is shut.", speaker=Speaker(name="Ann Smith")))
        finished["add"] = time.monotonic()
    finally:
        worker.join()
    assert added.id is not None
    assert finished["add"] < finished["import"] - 0.4  # got in before the import's last batch
    assert store.count_statements(editor) == 201
    editor.close()


def test_a_long_import_looks_names_up_again_after_another_writer_got_in(isolated_db, monkeypatch):
    """An import remembers which speaker each name was, across its batches, unless another
    command wrote in between: here an editor merges a speaker away after the first batch."""
    from types import SimpleNamespace

    from quotetrack import record
    from quotetrack.models import Speaker, Statement

    monkeypatch.setattr(record, "IMPORT_BATCH", 40)
    editor = store.open_record(isolated_db)
    merged = []

    def pause(seconds):
        if not merged:
            record.add_statement(editor, Statement(text="The bridge is shut.", speaker=Speaker(name="Ann Smith")))
            merged.append(record.merge_speakers(editor, "Speaker 3", "Ann Smith"))

    monkeypatch.setattr(record, "time", SimpleNamespace(sleep=pause))
    with store.open_record(isolated_db) as importer:
        record.import_records(importer, many_records(100))
    assert merged and store.count_statements(editor) == 101
    by_speaker = {s.speaker.name for s in store.list_statements(editor, limit=None)}
    assert "Ann Smith" in by_speaker and "Speaker 3" not in by_speaker
    editor.close()


def test_a_long_import_with_a_bad_record_keeps_nothing(isolated_db, monkeypatch):
    from quotetrack import record
    from quotetrack.errors import InvalidInput

    monkeypatch.setattr(record, "IMPORT_BATCH", 40)
    db = store.open_record(isolated_db)
    with pytest.raises(InvalidInput, match="line 180"):
        record.import_records(db, many_records(200, bad_at=179))
    assert store.count_statements(db) == 0
    db.close()


def test_records_given_as_a_generator_are_imported_whole(isolated_db, monkeypatch):
    from quotetrack import record

    monkeypatch.setattr(record, "IMPORT_BATCH", 40)  # long enough to be checked before the batches
    db = store.open_record(isolated_db)
    record.import_records(db, (item for item in many_records(100)))
    assert store.count_statements(db) == 100
    db.close()


def test_reliability_bench_tries_foreign_databases(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "bench" / "reliability.py"), "foreign", "--small",
                           "--folder", str(tmp_path)], capture_output=True, text=True, timeout=600, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "foreign databases: 14 tried" in done.stdout
    assert "tracebacks 0, hangs 0, wrong outputs 0, files changed 0" in done.stdout


def test_conflicts_listed_while_a_statement_is_deleted_skip_it(run, monkeypatch):
    for count, speaker in (("Two", "Ann Smith"), ("Three", "Bob Jones")):
        assert run("add", f"{count} strikes hit the town of Varnhold on 8 July.", "--speaker", speaker,
                   "--event-date", "2018-07-08").exit_code == 0
    from quotetrack import record
    from quotetrack.store import conflicts as stored

    db, other = store.open_record(), store.open_record()
    read_statements = stored.get_statements

    def deleted_meanwhile(db_, ids):
        # Another editor deletes a statement between the read of the conflicts and of their statements.
        if 2 in ids and store.count_statements(other) == 2:
            record.delete_statement(other, 2)
        return read_statements(db_, ids)

    monkeypatch.setattr(stored, "get_statements", deleted_meanwhile)
    try:
        assert store.list_conflicts(db) == []
    finally:
        db.close()
        other.close()
