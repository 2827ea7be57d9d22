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


@pytest.fixture(scope="session")
def pg_server():
    """A connection to the test server, with the extensions quotetrack's schema uses."""
    psycopg = pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg: pip install -e '.[test]'")
    try:
        conn = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server reachable at {PG_URL}: {str(exc).strip().splitlines()[0]}")
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
