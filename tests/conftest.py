import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "quotetrack" / "samples"


@pytest.fixture(autouse=True)
def isolated_db(tmp_path, monkeypatch):
    """Every test gets its own database through the environment, and a fixed terminal width."""
    path = tmp_path / "record.db"
    monkeypatch.setenv("QUOTETRACK_DB", str(path))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("QUOTETRACK_EDITOR", "tester")
    return path


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
