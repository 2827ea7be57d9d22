"""The command line: parse options, call the library, render. No SQL and no matching here.

One module per group of commands; ``common`` holds what they share. The command modules import
the library inside each command, so that building the command tree (and `--help`) stays cheap.

``app`` is the whole command tree. ``main()``, the `quotetrack` script, imports only the module
of the command it is asked to run (typer builds every command it has been given, each time it
runs), and all of them for `--help`, for no command, or for a name it does not know.
"""

import sys
from collections.abc import Iterable
from importlib import import_module
from typing import Any

from . import common

# Each module's top-level commands. The modules are imported in this order, which is the order
# `quotetrack --help` lists them in. tests/test_cli_modules.py checks the table.
COMMANDS = {
    "statements": ("add", "import", "ingest", "list", "show", "edit", "delete"),
    "speakers": ("speakers",),
    "conflicts": ("conflicts", "compare"),
    "claims": ("match", "claims", "search", "terms"),
    "db": ("db", "log"),
    "events": ("events", "event"),
    "desk": ("export", "timeline", "report", "check"),
}

__all__ = ["COMMANDS", "app", "main"]


def _load(modules: Iterable[str]) -> None:
    for module in modules:
        import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    # `from quotetrack.cli import app` (tests, the docs scripts) gets every command.
    if name == "app":
        _load(COMMANDS)
        return common.app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_name(args: list[str]) -> str | None:
    """The command named on a command line: the first word after the main options, if any."""
    words = iter(args)
    for word in words:
        if word == "--editor":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main() -> None:
    name = command_name(sys.argv[1:])
    wanted = [module for module, names in COMMANDS.items() if name in names]
    _load(wanted or COMMANDS)
    common.app(prog_name="quotetrack")
