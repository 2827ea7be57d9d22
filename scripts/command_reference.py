"""Write docs/commands.md from the --help of every command, so the reference never drifts.

Run: python scripts/command_reference.py   (tests/test_docs.py fails when the file is stale)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from quotetrack.cli import app

TARGET = Path(__file__).resolve().parent.parent / "docs" / "commands.md"


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as the words that invoke it, in the order --help lists them."""
    root = get_command(app)
    paths: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:
        paths.append(prefix)
        for name in getattr(command, "commands", {}) or {}:
            walk(command.commands[name], [*prefix, name])

    walk(root, [])
    return paths


def reference() -> str:
    os.environ["COLUMNS"] = "100"
    runner = CliRunner()
    parts = [
        "# Command reference\n",
        "Generated from `--help` by `python scripts/command_reference.py`; do not edit by hand.\n",
    ]
    for path in command_paths():
        result = runner.invoke(app, [*path, "--help"], prog_name="quotetrack")
        heading = " ".join(["quotetrack", *path])
        parts.append(f"## {heading}\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference())
    sys.stdout.write(f"wrote {TARGET}\n")
