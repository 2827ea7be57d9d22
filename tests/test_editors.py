"""Item 10 of issue 18: two editors of one name, a read-only record, a killed rescan's workers."""

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest
import test_reliability
from conftest import as_json
from test_reliability import digest

# The read-only bind mount of tests/test_reliability.py (root only; skipped elsewhere).
read_only_folder = test_reliability.read_only_folder


@pytest.fixture
def reviewed(run):
    run("add", "Two strikes hit the town on 8 July.", "--speaker", "Ann Smith", "--event-date", "2018-07-08")
    run("add", "Three strikes hit the town on 8 July.", "--speaker", "Bob Jones", "--event-date", "2018-07-08")
    cid = as_json(run("conflicts", "--json"))[0]["id"]
    assert run("--editor", "Sam", "conflicts", "review", cid, "--confirm", "--note", "two sources").exit_code == 0
    return cid


@pytest.mark.parametrize("change", [["--dismiss"], ["--reopen"], ["--confirm", "--note", "only one source"]],
                         ids=["dismiss", "reopen", "new note"])
def test_a_second_editor_of_the_same_name_does_not_silently_replace_a_verdict(run, reviewed, change):
    refused = run("--editor", "Sam", "conflicts", "review", reviewed, *change)
    assert refused.exit_code == 1
    assert "already confirmed by Sam (the name you review under)" in refused.stderr
    assert "--overrule" in refused.stderr
    kept = as_json(run("conflicts", "--json", "--status", "confirmed"))
    assert [(c["id"], c["note"]) for c in kept] == [(reviewed, "two sources")]


def test_overrule_replaces_a_verdict_and_the_log_keeps_both(run, reviewed):
    assert run("--editor", "Sam", "conflicts", "review", reviewed, "--dismiss", "--overrule").exit_code == 0
    reviews = [(r["editor"], r["detail"]["after"]) for r in as_json(run("log", "--json")) if r["action"] == "review"]
    assert reviews == [("Sam", "dismissed"), ("Sam", "confirmed")]


def test_the_same_verdict_again_changes_nothing_and_needs_no_overrule(run, reviewed):
    assert run("--editor", "Sam", "conflicts", "review", reviewed, "--confirm").exit_code == 0
    assert as_json(run("conflicts", "--json", "--status", "confirmed"))[0]["note"] == "two sources"


# --- a record on a read-only mount: read it, and say so on a write ---

READS = [["list"], ["show", "1"], ["events"], ["report"], ["conflicts"], ["search", "Makhmour"], ["speakers"]]


@pytest.mark.sqlite_only(reason="a file on a read-only mount")
@pytest.mark.parametrize("argv", READS, ids=lambda a: a[0])
def test_a_record_on_a_read_only_mount_can_be_read(run, read_only_folder, argv):
    db = read_only_folder / "record.db"
    before = digest(db, db.with_name("record.db-wal"))
    result = run(*argv, "--db", db)
    assert result.exit_code == 0, result.output
    assert digest(db, db.with_name("record.db-wal")) == before


@pytest.mark.sqlite_only(reason="a file on a read-only mount")
@pytest.mark.parametrize("argv", [["add", "--speaker", "Ann Smith", "Words."], ["delete", "1", "--yes"],
                                  ["conflicts", "--rescan"]], ids=lambda a: " ".join(a[:2]))
def test_a_write_to_a_record_on_a_read_only_mount_says_it_is_read_only(run, read_only_folder, argv):
    db = read_only_folder / "record.db"
    before = digest(db)
    result = run(*argv, "--db", db)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "is read-only here (opened for reading only)" in lines[0], result.stderr
    assert digest(db) == before


# --- a killed rescan leaves no worker behind ---

SLOW_RESCAN = """
import time
from quotetrack import detect

class Slow:  # a rescan whose comparisons take long: workers busy when the rescan is killed
    total = detect.PARALLEL_FROM
    def judge(self, chunk):
        time.sleep(60)
        return 0, []

for _ in detect._map_chunks(Slow(), [range(0, 1), range(1, 2)]):
    pass
"""


def children_of(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def alive(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs Linux's /proc and two cores for the rescan to fork workers")
def test_a_killed_rescan_leaves_no_worker_running():
    rescan = subprocess.Popen([sys.executable, "-c", SLOW_RESCAN])
    workers = []
    try:
        deadline = time.monotonic() + 30
        while len(workers := children_of(rescan.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) == 2
        rescan.send_signal(signal.SIGKILL)
        rescan.wait()
        time.sleep(0.5)
        assert [pid for pid in workers if alive(pid)] == []
    finally:
        rescan.kill()
        for pid in workers:  # kept from running out their minute when the test fails
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
