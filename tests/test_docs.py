"""Help, the generated command reference and db/schema.sql stay true to the code."""

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import store
from quotetrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import command_reference  # noqa: E402

LEAVES = [p for p in command_reference.command_paths() if p]


@pytest.mark.parametrize("path", LEAVES, ids=[" ".join(p) for p in LEAVES])
def test_every_command_has_help_with_an_example(path):
    for flag in ("--help", "-h"):
        result = CliRunner().invoke(app, [*path, flag])
        assert result.exit_code == 0
        assert "Usage:" in result.stdout
    command = command_reference.get_command(app)
    for word in path:
        command = command.commands[word]
    if not getattr(command, "commands", None):
        assert "Example: quotetrack " in (command.help or ""), f"{' '.join(path)} has no example"


def test_command_reference_is_current():
    assert (ROOT / "docs" / "commands.md").read_text() == command_reference.reference(), (
        "docs/commands.md is stale: run python scripts/command_reference.py"
    )


def test_schema_sql_is_current(tmp_path):
    db = store.open_record(tmp_path / "fresh.db")
    assert (ROOT / "db" / "schema.sql").read_text() == store.schema_sql(db), (
        "db/schema.sql is stale: run quotetrack db schema --db /tmp/new.db > db/schema.sql"
    )
