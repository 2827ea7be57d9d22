"""`quotetrack db datasette`: the metadata that makes the record browse and search in Datasette
(issue 19). The acceptance test starts a real Datasette on 127.0.0.1 with the generated metadata."""

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import as_json

from quotetrack import store
from quotetrack.evidence import DenialCue

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "datasette-search.png"

# Ten statements; "sandbags" is in exactly three, and in no speaker's name or outlet.
STATEMENTS = [
    ("The levee held through the night thanks to the sandbags.", "Mara Vell", "Dunmore Gazette"),
    ("Volunteers filled 400 sandbags before noon.", "Osk Hale", "Dunmore Gazette"),
    ("We ran out of sandbags at the east gate.", "Tobin Ree", "Valley Courier"),
    ("The river crested at nine metres on Tuesday.", "Mara Vell", "Valley Courier"),
    ("No homes were flooded in the old town.", "Osk Hale", "Dunmore Gazette"),
    ("Three homes were flooded in the old town.", "Tobin Ree", "Valley Courier"),
    ("The bridge will reopen on Friday.", "Ilse Brandt", "Dunmore Gazette"),
    ("Pumps ran all night at the station.", "Ilse Brandt", "Valley Courier"),
    ("The evacuation order was lifted at dawn.", "Mara Vell", "Dunmore Gazette"),
    ("Schools stay closed until Monday.", "Osk Hale", "Valley Courier"),
]


@pytest.fixture
def record(run, tmp_path):
    """A record file (SQLite whichever backend the suite runs on) with the ten statements and a
    conflict between two of them, and its metadata written by the command."""
    path = tmp_path / "flood.db"
    for text, speaker, outlet in STATEMENTS:
        assert run("add", text, "--speaker", speaker, "--outlet", outlet, "--db", path).exit_code == 0
    db = store.open_record(path)
    try:
        ids = {s.text: s.id for s in store.list_statements(db)}
        if not store.list_conflicts(db):
            with store.transaction(db):
                store.save_conflict(db, ids[STATEMENTS[4][0]], ids[STATEMENTS[5][0]], "polarity", 0.7,
                                    DenialCue("No", (0, 2), "a"), [])
    finally:
        db.close()
    metadata = tmp_path / "metadata.json"
    result = run("db", "datasette", "-o", metadata, "--db", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"datasette {path} -m {metadata}\n"
    return path, metadata


def test_metadata_wires_search_labels_and_hides_machinery(record):
    path, metadata_file = record
    metadata = json.loads(metadata_file.read_text())
    tables = metadata["databases"]["flood"]["tables"]
    assert tables["statements"]["fts_table"] == "statements_fts" and tables["statements"]["fts_pk"] == "id"
    assert tables["sources"]["label_column"] == "outlet"
    assert tables["statements"]["label_column"] == "text"
    assert tables["_sqlite_migrations"] == {"hidden": True}


def test_canned_queries_run_on_the_record(record):
    path, metadata_file = record
    queries = json.loads(metadata_file.read_text())["databases"]["flood"]["queries"]
    assert {q["title"] for q in queries.values()} == {"Open conflicts with both sides", "Figures by event"}
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        (conflict,) = conn.execute(queries["open_conflicts"]["sql"]).fetchall()
        assert {conflict["a_text"], conflict["b_text"]} == {STATEMENTS[4][0], STATEMENTS[5][0]}
        assert conflict["a_outlet"] and conflict["b_speaker"]
        as_json  # noqa: B018 (the figures query needs events: grouped by `quotetrack events`)
        figures = conn.execute(queries["figures_by_event"]["sql"]).fetchall()
        assert all(any(ch.isdigit() for ch in row["text"]) or "nine" in row["text"].lower()
                   or "three" in row["text"].lower() for row in figures)
    finally:
        conn.close()


def test_a_postgresql_record_is_refused_in_one_line(run):
    result = run("db", "datasette", "--db", "postgresql://editor@localhost/none")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Datasette opens SQLite files") and len(result.stderr.splitlines()) == 1


def test_without_output_the_metadata_goes_to_stdout(run, record):
    path, metadata_file = record
    result = run("db", "datasette", "--db", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(metadata_file.read_text())
    assert f"datasette {path} -m metadata.json" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def datasette_url(record):
    pytest.importorskip("datasette", reason="datasette is not installed (pip install -e '.[test]')")
    path, metadata = record
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(path), "-m", str(metadata), "-h", "127.0.0.1",
         "-p", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {server.stdout.read()!r}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def test_datasette_searches_the_statements(datasette_url):
    rows = get_json(f"{datasette_url}/flood/statements.json?_search=sandbags&_shape=array")
    assert sorted(r["text"] for r in rows) == sorted(t for t, _, _ in STATEMENTS if "sandbags" in t)
    assert len(rows) == 3
    # Without the metadata Datasette ignores _search and returns every row: one word, one row.
    assert len(get_json(f"{datasette_url}/flood/statements.json?_search=crested&_shape=array")) == 1


def test_datasette_labels_and_hides(datasette_url):
    statement = get_json(f"{datasette_url}/flood/statements.json?_shape=array&_labels=on&_size=1&_sort=id")[0]
    assert statement["source_id"]["label"] == "Dunmore Gazette"
    (conflict,) = get_json(f"{datasette_url}/flood/conflicts.json?_shape=array&_labels=on")
    assert conflict["a_id"]["label"] == STATEMENTS[4][0]
    listed = get_json(f"{datasette_url}/flood.json")
    visible = {t["name"] for t in listed["tables"] if not t["hidden"]}
    assert "_sqlite_migrations" not in visible and "statements_fts_data" not in visible
    assert {"statements", "speakers", "sources", "conflicts"} <= visible


def test_screenshot_of_the_search(browser, datasette_url):
    """The screenshot in docs/datasette.md: the statements page searched for a word, in headless
    Chromium (conftest's `browser`); docs/ is rewritten only when the picture differs."""
    page = browser.new_page(viewport={"width": 1100, "height": 760})
    try:
        page.goto(f"{datasette_url}/flood/statements?_search=sandbags")
        assert page.locator("input#_search").input_value() == "sandbags"
        assert page.locator("table.rows-and-columns tbody tr").count() == 3
        assert "3 rows where search matches" in page.content()
        shot = page.screenshot()
    finally:
        page.close()
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != shot:
        SCREENSHOT.write_bytes(shot)


def test_control_characters_in_the_title_are_escaped(run, record):
    path, _ = record
    result = run("db", "datasette", "--db", path, "--title", "Flood \x9b31m desk")
    assert result.exit_code == 0
    assert "\x9b" not in result.stdout and '"title": "Flood \\u009b31m desk"' in result.stdout
    assert json.loads(result.stdout)["title"] == "Flood \x9b31m desk"
