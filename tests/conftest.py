import json
import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "quotetrack" / "samples"


# QUOTETRACK_TEST_BACKEND=postgresql runs the suite against a PostgreSQL server
# (QUOTETRACK_TEST_PG_URL, default below): each test gets a schema of its own, dropped after it.
BACKEND = os.environ.get("QUOTETRACK_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("QUOTETRACK_TEST_PG_URL", "postgresql://quotetrack:quotetrack@localhost/quotetrack")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about SQLite itself")


def pytest_report_header(config):
    return f"quotetrack backend: {BACKEND}" + (f" ({PG_URL})" if BACKEND == "postgresql" else "")


def pytest_collection_modifyitems(config, items):
    if BACKEND != "postgresql":
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "SQLite only")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


def _pg_connect():
    """A connection to the test server, or the reason there is none."""
    try:
        import psycopg
    except ImportError:
        return None, "PostgreSQL tests need psycopg: pip install -e '.[test]'"
    try:
        return psycopg.connect(PG_URL, autocommit=True, connect_timeout=5), None
    except psycopg.Error as exc:
        return None, f"no PostgreSQL server reachable at {PG_URL}: {str(exc).strip().splitlines()[0]}"


def pytest_sessionstart(session):
    # Asked for the PostgreSQL backend, a missing driver or server fails the run before any test:
    # a skip would let the PostgreSQL leg of CI go green without running anything.
    if BACKEND == "postgresql":
        conn, reason = _pg_connect()
        if conn is None:
            raise pytest.UsageError(f"QUOTETRACK_TEST_BACKEND=postgresql, but {reason}")
        conn.close()


@pytest.fixture(scope="session")
def pg_server():
    """A connection to the test server, with the extensions quotetrack's schema uses."""
    conn, reason = _pg_connect()
    if conn is None:
        # Only the SQLite run gets here without a server (its few tests that copy to PostgreSQL).
        if BACKEND == "postgresql":
            pytest.fail(reason)
        pytest.skip(reason)
    # Extensions are per database; created once in public so that per-test schemas share them.
    conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    yield conn
    conn.close()


def pg_url_for_schema(schema):
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema},public"


@pytest.fixture(autouse=True)
def isolated_db(request, tmp_path, monkeypatch):
    """Every test gets its own database through the environment, and a fixed terminal width."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("QUOTETRACK_EDITOR", "tester")
    if BACKEND != "postgresql" or request.node.get_closest_marker("sqlite_only"):
        path = tmp_path / "record.db"
        monkeypatch.setenv("QUOTETRACK_DB", str(path))
        yield path
        return
    server = request.getfixturevalue("pg_server")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    server.execute(f"CREATE SCHEMA {schema}")
    url = pg_url_for_schema(schema)
    monkeypatch.setenv("QUOTETRACK_DB", url)
    yield url
    server.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture
def seeded(run):
    result = run("import", SAMPLES / "makhmour-statements.jsonl")
    assert result.exit_code == 0, result.output
    return run


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


CHROMIUM = Path(os.environ.get("QUOTETRACK_TEST_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, driven by playwright): skipped when missing, unless
    QUOTETRACK_TEST_BROWSER=required (CI), where a missing browser fails the run."""
    required = os.environ.get("QUOTETRACK_TEST_BROWSER") == "required"
    if not CHROMIUM.exists():
        (pytest.fail if required else pytest.skip)("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        (pytest.fail if required else pytest.skip)("playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()
