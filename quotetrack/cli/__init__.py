"""The command line: parse options, call the library, render. No SQL and no matching here.

One module per group of commands; ``common`` holds what they share. The command modules import
the library inside each command, so that building the command tree (and `--help`) stays cheap.
"""

from importlib import import_module

from .common import app

# Registered in this order, which is the order `quotetrack --help` lists the commands in.
for _module in ("statements", "speakers", "conflicts", "claims", "db", "events", "desk"):
    import_module(f"{__name__}.{_module}")

__all__ = ["app", "main"]


def main() -> None:
    app(prog_name="quotetrack")
