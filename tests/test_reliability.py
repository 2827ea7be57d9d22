"""Nothing lost: concurrent writers, kill -9, full disk, read-only and locked databases.

The concurrency and kill -9 figures come from bench/reliability.py, run here at CI size; the full
size (8 × 500 writers, 20 kills, 10,000 hostile inputs) is a manual run recorded in
docs/reliability.md. The rest are the failures of the file system an editor can meet: each ends in
one clear `Error: …` line, and the record is left exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotetrack import store
from quotetrack.cli import app
from quotetrack.errors import DatabaseError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "quotetrack" / "samples" / "makhmour-statements.jsonl"


def invoke(*args: Any) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_one_error_line(result: Any, *fragments: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def digest(*paths: Path) -> str:
    """The bytes of the database and its WAL: equal digests mean nothing was written."""
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes() if path.exists() else b"<absent>")
    return sha.hexdigest()


def big_import(path: Path, records: int, words: int = 60) -> Path:
    with path.open("w") as fh:
        for number in range(records):
            text = f"Record {number}: " + " ".join(f"word{number}x{i}" for i in range(words))
            fh.write(json.dumps({"text": text, "speaker": "Ann Smith", "outlet": "Wire"}) + "\n")
    return path


def seeded(db: Path) -> Path:
    result = invoke("import", SAMPLE, "--db", db)
    assert result.exit_code == 0, result.output
    return db


# --- the figures, at CI size ---


def test_reliability_bench_at_ci_size_holds_every_promise(tmp_path):
    """Concurrent add/import/ingest, kill -9 during imports and ingests, hostile input: the figures."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "reliability.py"), "--small", "--folder", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lost 0, duplicated 0" in done.stdout
    assert "'locked' shown to a user 0" in done.stdout
    assert "tracebacks 0; other unclear endings 0" in done.stdout
    assert "re-run completed without duplicates: yes" in done.stdout
    # Every kill that left nothing behind landed inside the write transaction, not in start-up.
    killed = re.search(r"killed before commit (\d+) \((\d+) inside the write transaction\)", done.stdout)
    assert killed and killed.group(1) == killed.group(2) and int(killed.group(1)) > 0, done.stdout
    assert "hostile inputs: 40 tried" in done.stdout
    for part in ("dates at the ends of the calendar", "sizes", "rescan stability"):
        line = re.search(rf"^{part}: (\d+) tried; (.*)$", done.stdout, re.MULTILINE)
        assert line and int(line.group(1)) > 0, done.stdout
        assert line.group(2).startswith("tracebacks 0, hangs 0, wrong outputs 0, data lost 0"), line.group(0)


# --- missing folder ---


@pytest.mark.parametrize("argv", [["add", "--speaker", "Ann Smith", "Words."], ["import", SAMPLE], ["list"]],
                         ids=lambda a: a[0])
def test_missing_folder_is_a_clear_error_and_creates_nothing(tmp_path, argv):
    db = tmp_path / "nowhere" / "deeper" / "record.db"
    assert_one_error_line(invoke(*argv, "--db", db), "does not exist")
    assert not (tmp_path / "nowhere").exists()


def test_missing_folder_through_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTETRACK_DB", str(tmp_path / "gone" / "record.db"))
    assert_one_error_line(invoke("add", "--speaker", "Ann Smith", "Words."), "does not exist")
    assert not (tmp_path / "gone").exists()


# --- locked by another program ---


@pytest.fixture
def writer_holding_lock(tmp_path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    db = seeded(tmp_path / "record.db")
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO changes (at, action, entity) VALUES ('now', 'hold', 'test')")
    yield db, holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_lock_held_past_the_busy_timeout_is_a_clear_error(writer_holding_lock, monkeypatch):
    db, _holder = writer_holding_lock
    monkeypatch.setattr(store.base, "BUSY_TIMEOUT_SECONDS", 0.3)  # where the backends read it
    before = count(db)
    assert_one_error_line(invoke("add", "--speaker", "Ann Smith", "Words.", "--db", db), "locked")
    assert_one_error_line(invoke("import", SAMPLE, "--db", db), "locked")
    _holder.execute("ROLLBACK")
    assert count(db) == before


def test_a_writer_waits_out_a_short_lock(writer_holding_lock):
    db, holder = writer_holding_lock
    threading.Timer(0.8, lambda: holder.execute("COMMIT")).start()
    result = invoke("add", "--speaker", "Ann Smith", "Waited.", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == "Waited."


# --- full disk, read-only: need a real small or read-only file system (root) ---


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_full_disk_is_a_clear_error_and_writes_nothing(small_disk, tmp_path):
    db = seeded(small_disk / "record.db")
    before = count(db)
    result = invoke("import", big_import(tmp_path / "big.jsonl", 2000), "--db", db)
    assert_one_error_line(result, "disk is full")
    assert count(db) == before
    assert integrity(db) == "ok"
    listed = invoke("list", "--db", db, "--json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == before


def test_full_disk_at_creation_is_a_clear_error(small_disk):
    (small_disk / "filler").write_bytes(b"\0" * (1024 * 1024 - 8192))
    with pytest.raises(OSError):  # fill the last few pages too
        with (small_disk / "filler2").open("wb") as fh:
            fh.write(b"\0" * (1024 * 1024))
    result = invoke("add", "--speaker", "Ann Smith", "Words.", "--db", small_disk / "record.db")
    assert result.exit_code == 1
    assert_one_error_line(result)


@pytest.fixture
def read_only_folder(tmp_path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (and root ignores chmod)")
    source = tmp_path / "source"
    source.mkdir()
    seeded(source / "record.db")
    view = tmp_path / "view"
    view.mkdir()
    if not _mount("--bind", "-o", "ro", str(source), str(view)):
        pytest.skip("cannot make a read-only bind mount here")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True)


@pytest.mark.parametrize("argv", [["add", "--speaker", "Ann Smith", "Words."], ["import", SAMPLE],
                                  ["list"], ["delete", "1", "--yes"]], ids=lambda a: a[0])
def test_read_only_file_system_is_a_clear_error(read_only_folder, argv):
    db = read_only_folder / "record.db"
    before = digest(db)
    result = invoke(*argv, "--db", db)
    if argv[0] == "list" and result.exit_code == 0:
        return  # reading a read-only record is fine
    assert_one_error_line(result)
    assert digest(db) == before


@pytest.fixture
def immutable_database(tmp_path) -> Iterator[Path]:
    db = seeded(tmp_path / "record.db")
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield db
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True)


@pytest.mark.parametrize("argv", [["add", "--speaker", "Ann Smith", "Words."], ["import", SAMPLE],
                                  ["edit", "1", "--place", "Erbil"], ["speakers", "alias", "Srood", "Kak Srood"]],
                         ids=lambda a: a[0] + (a[1] if a[0] == "speakers" else ""))
def test_immutable_database_file_is_a_clear_error(immutable_database, argv):
    before = digest(immutable_database)
    assert_one_error_line(invoke(*argv, "--db", immutable_database), "read-only")
    assert digest(immutable_database) == before


# --- crash in the middle of a write, in-process: nothing half-written ---


def test_an_import_that_fails_half_way_leaves_nothing(tmp_path, monkeypatch):
    """A write failing after many statements went in (here: at the 150th) rolls them all back."""
    db = seeded(tmp_path / "record.db")
    before = count(db)
    calls = {"n": 0}
    original = store.insert_statement

    def failing(*args: Any, **kwargs: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 150:
            raise DatabaseError(store.describe_error("database or disk is full"), "database or disk is full")
        return original(*args, **kwargs)

    monkeypatch.setattr(store, "insert_statement", failing)
    assert_one_error_line(invoke("import", big_import(tmp_path / "big.jsonl", 300, words=5), "--db", db),
                          "disk is full")
    assert count(db) == before
    monkeypatch.setattr(store, "insert_statement", original)
    done = invoke("import", tmp_path / "big.jsonl", "--db", db, "--json")
    assert json.loads(done.stdout)["added"] == 300
