"""`quotetrack` imports only the module of the command it runs: the table that says where each
command lives must name every command, and only the module that defines it."""

import subprocess
import sys

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
