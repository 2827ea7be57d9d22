"""`quotetrack` imports only the module of the command it runs: the table that says where each
command lives must name every command, and only the module that defines it."""

import os
import subprocess
import sys

import pytest
from typer.main import get_command

from quotetrack.cli import COMMANDS, app, command_name


def _module_of(command) -> str:
    callback = command.callback
    if callback is None or callback.__module__.endswith(".common"):  # a group: its commands say
        return _module_of(next(iter(command.commands.values())))
    return callback.__module__.rsplit(".", 1)[1]


def test_the_table_names_each_command_with_the_module_that_defines_it():
    commands = get_command(app).commands
    assert {name: _module_of(command) for name, command in commands.items()} == {
        name: module for module, names in COMMANDS.items() for name in names
    }


def test_the_command_name_is_the_first_word_after_the_main_options():
    assert command_name(["list", "--db", "x.db"]) == "list"
    assert command_name(["--editor", "Dana", "speakers", "merge", "a", "b"]) == "speakers"
    assert command_name(["--editor=Dana", "log"]) == "log"
    assert command_name(["--help"]) is None
    assert command_name([]) is None


def _modules_loaded(*args: str) -> set[str]:
    code = ("import sys; from quotetrack import cli\n"
            f"sys.argv = ['quotetrack', *{list(args)!r}]\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(m for m in sys.modules if m.startswith('quotetrack.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.splitlines()[-1].split())


def test_running_a_command_imports_its_module_only():
    assert _modules_loaded("list", "--help") == {"quotetrack.cli.common", "quotetrack.cli.options",
                                                  "quotetrack.cli.statements"}
    assert "quotetrack.cli.desk" in _modules_loaded("--help")
    assert "quotetrack.cli.desk" in _modules_loaded("no-such-command")


def _libraries_loaded_by_add(db: str) -> set[str]:
    code = ("import sys; from quotetrack import cli\n"
            "sys.argv = ['quotetrack', 'add', 'The bridge reopened on Tuesday', '--speaker', 'Ana Ruiz']\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sys.modules))")
    env = {**os.environ, "QUOTETRACK_DB": db}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    return set(out.splitlines()[-1].split())


@pytest.mark.sqlite_only("the start-up of a command on a local record")
def test_adding_a_statement_loads_neither_the_fuzzy_matcher_nor_rich_tables(tmp_path):
    # `add` compares the statement with the record, and strips titles from speakers' names,
    # without rapidfuzz; it prints one panel, without rich.table (see bench/startup.py).
    loaded = _libraries_loaded_by_add(str(tmp_path / "record.db"))
    assert "quotetrack.detect" in loaded  # the conflict rules did run
    assert not {"rapidfuzz", "rich.table", "quotetrack.render.terminal"} & loaded
